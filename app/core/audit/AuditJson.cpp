// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "audit/AuditJson.h"

#include "domain/Fields.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace strata::audit_json {

QString text(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject record(const Record &record)
{
    QJsonObject o;
    o.insert(u"kind"_s, recordKindKey(record.kind));
    for (const FieldSpec &spec : fields::allFields(record.kind)) {
        const QString value = fields::fieldText(record, spec.key);
        if (!value.isEmpty())
            o.insert(spec.key, value);
    }
    if (record.placeholder)
        o.insert(u"placeholder"_s, true);
    return o;
}

std::pair<QJsonObject, QJsonObject> recordChanges(const Record &before, const Record &after)
{
    QJsonObject was;
    QJsonObject now;
    for (const FieldSpec &spec : fields::allFields(after.kind)) {
        const QString a = fields::fieldText(before, spec.key);
        const QString b = fields::fieldText(after, spec.key);
        if (a != b) {
            was.insert(spec.key, a);
            now.insert(spec.key, b);
        }
    }
    if (before.placeholder != after.placeholder) {
        was.insert(u"placeholder"_s, before.placeholder);
        now.insert(u"placeholder"_s, after.placeholder);
    }
    return {was, now};
}

QJsonObject relation(const Relation &relation)
{
    QJsonObject o{
        {u"fromId"_s, relation.fromId}, {u"type"_s, relationTypeKey(relation.type)}, {u"toId"_s, relation.toId}};
    if (!relation.subtype.isEmpty())
        o.insert(u"subtype"_s, relation.subtype);
    return o;
}

QJsonObject artifact(const Artifact &artifact)
{
    QJsonObject o{{u"recordId"_s, artifact.recordId},
                  {u"fileName"_s, artifact.fileName},
                  {u"algorithm"_s, artifact.algorithm},
                  {u"digest"_s, artifact.digest}};
    if (artifact.size >= 0)
        o.insert(u"size"_s, artifact.size);
    return o;
}

QJsonObject finding(const Finding &finding)
{
    QJsonObject o{{u"assessmentId"_s, finding.assessmentId},
                  {u"item"_s, finding.itemKey},
                  {u"title"_s, finding.title},
                  {u"likelihood"_s, finding.likelihood},
                  {u"impact"_s, finding.impact},
                  {u"status"_s, findingStatusKey(finding.status)}};
    if (!finding.owner.isEmpty())
        o.insert(u"owner"_s, finding.owner);
    if (!finding.justification.isEmpty())
        o.insert(u"justification"_s, finding.justification);
    if (finding.acceptedUntil.isValid())
        o.insert(u"acceptedUntil"_s, finding.acceptedUntil.toString(Qt::ISODate));
    return o;
}

} // namespace strata::audit_json
