// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "RecordJson.h"

#include "domain/Fields.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

/// A kind-specific field as a typed JSON value, parsed from the same text `--set` accepts.
QJsonValue attributeValue(const Record &record, const FieldSpec &field)
{
    const QString text = fields::fieldText(record, field.key);
    if (text.isEmpty())
        return QJsonValue::Null;
    switch (field.type) {
    case FieldType::Integer: {
        bool ok = false;
        const qint64 number = text.toLongLong(&ok);
        return ok ? QJsonValue(number) : QJsonValue(text);
    }
    case FieldType::Tags:
        return QJsonArray::fromStringList(fields::normalizeTags(text.split(u',')));
    case FieldType::Certifications: {
        QJsonArray certifications;
        for (const Certification &certification : fields::certifications(record)) {
            certifications.append(QJsonObject{
                {u"name"_s, certification.name},
                {u"issuer"_s, RecordJson::text(certification.issuer)},
                {u"valid_until"_s, certification.validUntil.isValid()
                                       ? QJsonValue(certification.validUntil.toString(Qt::ISODate))
                                       : QJsonValue(QJsonValue::Null)},
            });
        }
        return certifications;
    }
    case FieldType::Text:
    case FieldType::LongText:
    case FieldType::Url:
    case FieldType::Date:
    case FieldType::Choice:
        break;
    }
    return text;
}

} // namespace

QJsonValue RecordJson::time(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    return time.toUTC().toString(Qt::ISODate);
}

QJsonValue RecordJson::text(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject RecordJson::summary(const RecordSummary &summary)
{
    return QJsonObject{
        {u"id"_s, summary.id},
        {u"kind"_s, recordKindKey(summary.kind)},
        {u"name"_s, summary.name},
        {u"version"_s, summary.version},
        {u"supplier"_s, summary.suppliers},
        {u"license"_s, summary.license},
        {u"tags"_s, QJsonArray::fromStringList(summary.tags)},
        {u"placeholder"_s, summary.placeholder},
        {u"updated_at"_s, time(summary.updatedAt)},
    };
}

QJsonObject RecordJson::relation(const RelatedRecord &related)
{
    const Relation &relation = related.relation;
    return QJsonObject{
        {u"id"_s, relation.id},
        {u"type"_s, relationTypeKey(relation.type)},
        {u"direction"_s, related.outgoing ? u"out"_s : u"in"_s},
        {u"subtype"_s, text(relation.subtype)},
        {u"other"_s,
         QJsonObject{
             {u"id"_s, related.otherId},
             {u"kind"_s, recordKindKey(related.otherKind)},
             {u"name"_s, related.otherName},
             {u"version"_s, related.otherVersion},
         }},
        {u"source"_s, text(relation.source)},
        {u"created_at"_s, time(relation.createdAt)},
        {u"created_by"_s, text(relation.createdBy)},
    };
}

QJsonObject RecordJson::artifact(const Artifact &artifact)
{
    return QJsonObject{
        {u"id"_s, artifact.id},
        {u"file_name"_s, artifact.fileName},
        {u"size"_s, artifact.size < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(artifact.size)},
        {u"algorithm"_s, artifact.algorithm},
        {u"digest"_s, artifact.digest},
    };
}

QJsonObject RecordJson::snapshot(const RecordSnapshot &snapshot)
{
    const Record &record = snapshot.record;

    QJsonObject attributes;
    for (const FieldSpec &field : fields::kindFields(record.kind))
        attributes.insert(field.key, attributeValue(record, field));
    // Attributes outside the catalog (kept from an import) are still part of the record.
    for (auto it = record.attributes.constBegin(); it != record.attributes.constEnd(); ++it) {
        if (!attributes.contains(it.key()))
            attributes.insert(it.key(), QJsonValue::fromVariant(it.value()));
    }

    // `supplier` joins the names as `list` does; `suppliers` keeps them apart, since names may hold commas.
    QStringList supplierNames;
    QJsonArray suppliers;
    QJsonArray relations;
    for (const RelatedRecord &related : snapshot.relations) {
        relations.append(relation(related));
        if (related.outgoing && related.relation.type == RelationType::ProvidedBy) {
            supplierNames.append(related.otherName);
            suppliers.append(QJsonObject{{u"id"_s, related.otherId}, {u"name"_s, related.otherName}});
        }
    }
    QJsonArray artifacts;
    for (const Artifact &file : snapshot.artifacts)
        artifacts.append(artifact(file));

    return QJsonObject{
        {u"id"_s, record.id},
        {u"kind"_s, recordKindKey(record.kind)},
        {u"name"_s, record.name},
        {u"version"_s, record.version},
        {u"supplier"_s, supplierNames.join(u", "_s)},
        {u"suppliers"_s, suppliers},
        {u"description"_s, record.description},
        {u"license"_s, record.license},
        {u"source_url"_s, record.sourceUrl},
        {u"purl"_s, record.purl},
        {u"tags"_s, QJsonArray::fromStringList(record.tags)},
        {u"notes"_s, record.notes},
        {u"attributes"_s, attributes},
        {u"placeholder"_s, record.placeholder},
        {u"manual_fields"_s, QJsonArray::fromStringList(record.manualFields)},
        {u"created_at"_s, time(record.createdAt)},
        {u"created_by"_s, record.createdBy},
        {u"updated_at"_s, time(record.updatedAt)},
        {u"updated_by"_s, record.updatedBy},
        {u"relations"_s, relations},
        {u"artifacts"_s, artifacts},
    };
}

} // namespace strata
