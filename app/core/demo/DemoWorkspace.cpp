// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "demo/DemoWorkspace.h"

#include "domain/Fields.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

Error demoError(const QString &message)
{
    return Error{ErrorCode::Integrity, message};
}

} // namespace

Status DemoWorkspace::populate(Workspace &workspace)
{
    Result<QMap<RecordKind, int>> counts = workspace.countsByKind();
    if (!counts)
        return counts.error();
    int total = 0;
    for (int n : counts.value())
        total += n;
    if (total > 0)
        return Error{ErrorCode::Conflict, tr("The demo goes into an empty workspace; %1 already holds %n record(s). "
                                             "Choose a new file for the demo.",
                                             "", total)
                                              .arg(workspace.path())};

    QFile file(u":/demo/demo.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return demoError(tr("The demo data is missing from this build."));
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (doc.isNull())
        return demoError(tr("The demo data is damaged: %1.").arg(parseError.errorString()));
    const QJsonObject root = doc.object();

    return workspace.batch([&]() -> Status {
        QHash<QString, qint64> ids;
        const QJsonArray records = root.value(u"records"_s).toArray();
        for (const QJsonValue &value : records) {
            const QJsonObject o = value.toObject();
            const QString key = o.value(u"key"_s).toString();
            const std::optional<RecordKind> kind = recordKindFromKey(o.value(u"kind"_s).toString());
            if (!kind)
                return demoError(tr("The demo record \"%1\" has an unknown kind.").arg(key));
            Record record;
            record.kind = *kind;
            record.name = o.value(u"name"_s).toString();
            record.version = o.value(u"version"_s).toString();
            const QJsonObject fieldValues = o.value(u"fields"_s).toObject();
            for (auto it = fieldValues.begin(); it != fieldValues.end(); ++it) {
                if (Status s = fields::setField(record, it.key(), it.value().toString()); !s)
                    return demoError(tr("Demo record \"%1\": %2").arg(key, s.error().message));
            }
            Result<qint64> id = workspace.createRecord(record);
            if (!id)
                return id.error();
            ids.insert(key, id.value());
            const QJsonArray artifacts = o.value(u"artifacts"_s).toArray();
            for (const QJsonValue &a : artifacts) {
                Artifact artifact;
                artifact.recordId = id.value();
                artifact.fileName = a[u"file"_s].toString();
                artifact.size = a[u"size"_s].toInteger(-1);
                artifact.digest = a[u"sha256"_s].toString();
                if (Result<Artifact> added = workspace.addArtifact(artifact); !added)
                    return added.error();
            }
        }
        const QJsonArray relations = root.value(u"relations"_s).toArray();
        for (const QJsonValue &value : relations) {
            const QJsonArray r = value.toArray();
            const qint64 from = ids.value(r.at(0).toString());
            const std::optional<RelationType> type = relationTypeFromKey(r.at(1).toString());
            const qint64 to = ids.value(r.at(2).toString());
            if (from == 0 || to == 0 || !type)
                return demoError(tr("A demo relation refers to an unknown record or type."));
            if (Result<Relation> linked = workspace.link(from, *type, to, r.at(3).toString()); !linked)
                return linked.error();
        }
        return Ok{};
    });
}

} // namespace strata
