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
#include <QTemporaryDir>

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
        // The review is signed by the demo's reviewer, not by whoever opened the demo.
        const QString actor = workspace.actor();
        const QJsonObject review = root.value(u"review"_s).toObject();
        workspace.setActor(review.value(u"reviewer"_s).toString(actor));
        const Status reviewed = populateReview(workspace, review, ids);
        workspace.setActor(actor);
        return reviewed;
    });
}

Status DemoWorkspace::populateReview(Workspace &workspace, const QJsonObject &review, const QHash<QString, qint64> &ids)
{
    const QDate today = QDate::currentDate();
    const auto day = [&today](const QJsonValue &offset) {
        return offset.isUndefined() ? QDate() : today.addDays(offset.toInt());
    };
    const QJsonObject r = review.value(u"release"_s).toObject();
    Result<Release> release = workspace.createRelease(r.value(u"name"_s).toString(), r.value(u"version"_s).toString(),
                                                      ids.value(r.value(u"root"_s).toString()));
    if (!release)
        return release.error();
    Result<Assessment> assessment = workspace.createAssessment(AssessmentScope{release.value().id, 0});
    if (!assessment)
        return assessment.error();
    const qint64 assessmentId = assessment.value().id;

    // Evidence files are written next to nothing the user owns: a temporary folder, copied into the store.
    QTemporaryDir folder;
    if (!folder.isValid())
        return demoError(tr("No temporary folder for the demo's evidence files: %1.").arg(folder.errorString()));
    QHash<QString, qint64> evidence;
    const QJsonArray files = review.value(u"evidence"_s).toArray();
    for (const QJsonValue &value : files) {
        const QJsonObject e = value.toObject();
        const QString path = folder.filePath(e.value(u"file"_s).toString());
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(e.value(u"text"_s).toString().toUtf8()) < 0)
            return demoError(tr("The demo could not write %1: %2.").arg(path, out.errorString()));
        out.close();
        const EvidenceInput input{path,
                                  e.value(u"title"_s).toString(),
                                  {},
                                  day(e.value(u"effective_days"_s)),
                                  day(e.value(u"expires_days"_s))};
        Result<EvidenceAddResult> added = workspace.addEvidence(input);
        if (!added)
            return added.error();
        evidence.insert(e.value(u"key"_s).toString(), added.value().evidence.id);
    }

    const QJsonArray answers = review.value(u"answers"_s).toArray();
    for (const QJsonValue &value : answers) {
        const QJsonArray a = value.toArray();
        const std::optional<ItemStatus> status = itemStatusFromKey(a.at(1).toString());
        if (!status)
            return demoError(tr("A demo answer has an unknown status."));
        ItemUpdate update{a.at(0).toString(), *status, a.at(2).toString(), {}};
        for (const QJsonValue &key : a.at(3).toArray())
            update.evidenceIds << evidence.value(key.toString());
        if (Result<AssessmentItem> answered = workspace.setItemStatus(assessmentId, update); !answered)
            return answered.error();
    }

    const QJsonArray findings = review.value(u"findings"_s).toArray();
    for (const QJsonValue &value : findings) {
        const QJsonObject f = value.toObject();
        Finding finding;
        finding.assessmentId = assessmentId;
        finding.itemKey = f.value(u"item"_s).toString();
        finding.title = f.value(u"title"_s).toString();
        finding.likelihood = f.value(u"likelihood"_s).toInt();
        finding.impact = f.value(u"impact"_s).toInt();
        finding.owner = f.value(u"owner"_s).toString();
        finding.dueDate = day(f.value(u"due_days"_s));
        Result<Finding> added = workspace.addFinding(finding);
        if (!added)
            return added.error();
        const QJsonObject accept = f.value(u"accept"_s).toObject();
        if (accept.isEmpty())
            continue;
        Result<Finding> accepted = workspace.acceptFinding(
            added.value().id, accept.value(u"justification"_s).toString(), day(accept.value(u"until_days"_s)));
        if (!accepted)
            return accepted.error();
        const ItemUpdate riskAccepted{finding.itemKey, ItemStatus::RiskAccepted, std::nullopt, {}};
        if (Result<AssessmentItem> answered = workspace.setItemStatus(assessmentId, riskAccepted); !answered)
            return answered.error();
    }
    return Ok{};
}

} // namespace strata
