// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0

// SPDX 3.0.1 JSON-LD export, and how it stays lossless (Spdx3Reader reads every choice below back).
//
// Document: one CreationInfo "_:creationinfo" (specVersion 3.0.1, created = the set's timestamp, createdBy the
// SoftwareAgent "Strata", createdUsing the Tool "Strata <version>"), an SpdxDocument whose rootElement is a Bom,
// and the Bom whose rootElement is the scope record (or every record) and whose element lists everything.
// Ids are stable IRIs under https://strata.invalid/spdx/<workspace>/ built from record ids, kinds, relation
// types, license expressions and file names: the same set always gives the same bytes.
//
// Records: models are ai_AIPackage (primaryPurpose model), datasets dataset_DatasetPackage (primaryPurpose
// data, datasetType noAssertion unless the record kept one), software software_Package (software_type library,
// framework, tool <-> primaryPurpose library, framework, application) and services software_Package with
// primaryPurpose "other". Suppliers are Organization elements (or the agent class an import kept), linked by
// suppliedBy (the first supplier) and originatedBy (the others). name, version, description, notes (comment),
// source_url (software_downloadLocation) and purl (software_packageUrl) are native properties, and so are
// architecture (ai_typeOfModel), intended_use (ai_informationAboutApplication), limitations (ai_limitation),
// collection_method (dataset_dataCollectionProcess), size_bytes (dataset_datasetSize) and personal_data
// (dataset_hasSensitivePersonalInformation: yes, no, noAssertion for unknown). The license is a
// simplelicensing_LicenseExpression linked by hasDeclaredLicense; artifacts are software_File elements with one
// verifiedUsing Hash each, which the record `contains`.
//
// Everything SPDX has no property for travels in the standard extension profile: one
// extension_CdxPropertiesExtension per element with entries named
//   strata:kind = service | supplier     (a service is otherwise a plain software_Package, a supplier an agent)
//   strata:placeholder = true            (the record is an unverified placeholder)
//   strata:field:<key> = <text>          (every other field, in the syntax fields::setField reads)
//   strata:extras:<key> = [<json>]       (structures imports kept, other than the SPDX ones, as a one-item array)
//   strata:size = <bytes>                (on a software_File: the artifact's size)
// Structures an SPDX import kept (spdx.ai, spdx.dataset, spdx.package, spdx.agent) are written back as the
// native properties they came from, so other tools see them too.
//
// Relations, written once from their outgoing side: derived_from is descendantOf (its sub-kind in the
// relationship's extension as strata:derivation), trained_on trainedOn, evaluated_on testedOn, depends_on
// dependsOn. SPDX has no "hosted on": hosted_on is a LifecycleScopedRelationship dependsOn with scope runtime,
// marked strata:relation = hosted_on, which tools that ignore the extension still read as a run-time dependency.
#include "interop/Spdx3Writer.h"

#include "domain/Fields.h"
#include "interop/Spdx3Vocabulary.h"
#include "util/Sha256.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

const QString kCreationInfo = QStringLiteral("_:creationinfo");

QString shortHash(const QString &text)
{
    return Sha256::hex(text.toUtf8()).left(16);
}

QString key(const Record &r)
{
    return u"%1-%2"_s.arg(recordKindKey(r.kind)).arg(r.id);
}

bool isAgentType(const QString &type)
{
    return type == u"Organization"_s || type == u"Person"_s || type == u"SoftwareAgent"_s || type == u"Agent"_s;
}

// Whether the reader would have filled the field from this property value: if so, an empty field means a
// person cleared it, and the kept value must not come back.
bool readerWouldMap(RecordKind kind, const spdx3::PropertyMapping &m, const QJsonValue &value)
{
    const QString text = spdx3::fieldTextFromProperty(m, value);
    Record scratch;
    scratch.kind = kind;
    return !text.isEmpty() && fields::setField(scratch, m.field, text).ok();
}

/// Builds the @graph of one export.
class Builder
{
public:
    explicit Builder(const ExportSet &set)
        : m_set(set)
    {
        const QString workspace = set.workspaceName.isEmpty() ? u"workspace"_s : set.workspaceName;
        m_base = u"https://strata.invalid/spdx/%1/"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(workspace)));
        for (const RecordSnapshot &s : set.records)
            m_ids.insert(s.record.id, m_base + key(s.record));
    }

    QByteArray build();

private:
    QJsonObject element(const QString &type, const QString &id) const
    {
        return QJsonObject{{u"type"_s, type}, {u"spdxId"_s, id}, {u"creationInfo"_s, kCreationInfo}};
    }
    void add(const QJsonObject &o)
    {
        m_elements.append(o);
        m_elementIds << o.value(u"spdxId"_s).toString();
    }
    QJsonObject package(const RecordSnapshot &s);
    QJsonObject agent(const RecordSnapshot &s);
    QMap<QString, QString> entries(const Record &r, const QSet<QString> &native, const QSet<QString> &keptNatively);
    void reemit(QJsonObject &o, const QJsonObject &kept, const QSet<QString> &controlled) const;
    void license(const Record &r);
    void relationships(const RecordSnapshot &s);
    void artifacts(const RecordSnapshot &s);
    void relationship(const QString &type,
                      const QString &id,
                      const QString &from,
                      const QStringList &to,
                      const QMap<QString, QString> &strata = {});

    const ExportSet &m_set;
    QString m_base;
    QHash<qint64, QString> m_ids;
    QJsonArray m_elements;
    QStringList m_elementIds;
    QMap<QString, QJsonObject> m_licenses; ///< by id, so they come out sorted
    QJsonArray m_relationships;
};

void Builder::reemit(QJsonObject &o, const QJsonObject &kept, const QSet<QString> &controlled) const
{
    for (auto it = kept.constBegin(); it != kept.constEnd(); ++it) {
        if (!controlled.contains(it.key()))
            o.insert(it.key(), it.value());
    }
}

QMap<QString, QString> Builder::entries(const Record &r, const QSet<QString> &native, const QSet<QString> &keptNatively)
{
    QMap<QString, QString> out;
    if (r.placeholder)
        out.insert(spdx3::extPlaceholder(), u"true"_s);
    for (const FieldSpec &spec : fields::allFields(r.kind)) {
        const QString text = fields::fieldText(r, spec.key);
        if (!native.contains(spec.key) && !text.isEmpty())
            out.insert(spdx3::extFieldPrefix() + spec.key, text);
    }
    const QJsonObject extras = m_set.extras.value(r.id);
    for (auto it = extras.constBegin(); it != extras.constEnd(); ++it) {
        if (!keptNatively.contains(it.key()))
            out.insert(spdx3::extExtrasPrefix() + it.key(),
                       QString::fromUtf8(QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact)));
    }
    return out;
}

QJsonObject Builder::package(const RecordSnapshot &s)
{
    const Record &r = s.record;
    const QString type = r.kind == RecordKind::Model     ? u"ai_AIPackage"_s
                         : r.kind == RecordKind::Dataset ? u"dataset_DatasetPackage"_s
                                                         : u"software_Package"_s;
    QJsonObject o = element(type, m_ids.value(r.id));
    const QJsonObject extras = m_set.extras.value(r.id);
    const QSet<QString> controlled = {u"type"_s,
                                      u"@type"_s,
                                      u"spdxId"_s,
                                      u"@id"_s,
                                      u"creationInfo"_s,
                                      u"name"_s,
                                      u"software_packageVersion"_s,
                                      u"suppliedBy"_s,
                                      u"originatedBy"_s,
                                      u"extension"_s};
    const QJsonObject kept = extras.value(u"spdx.package"_s).toObject();
    reemit(o, kept, controlled);
    reemit(o, extras.value(u"spdx.ai"_s).toObject(), controlled);
    reemit(o, extras.value(u"spdx.dataset"_s).toObject(), controlled);

    o.insert(u"name"_s, r.name);
    if (!r.version.isEmpty())
        o.insert(u"software_packageVersion"_s, r.version);
    const QList<std::pair<QString, QString>> common = {{u"description"_s, r.description},
                                                       {u"comment"_s, r.notes},
                                                       {u"software_downloadLocation"_s, r.sourceUrl},
                                                       {u"software_packageUrl"_s, r.purl}};
    for (const auto &[property, value] : common) {
        if (!value.isEmpty())
            o.insert(property, value);
    }
    QSet<QString> native = {u"name"_s,       u"version"_s, u"description"_s, u"notes"_s,
                            u"source_url"_s, u"purl"_s,    u"license"_s};
    for (const spdx3::PropertyMapping &m : spdx3::propertyMappings(r.kind)) {
        native.insert(m.field);
        const QString text = fields::fieldText(r, m.field);
        const QJsonValue existing = o.value(m.property);
        if (!text.isEmpty()) {
            if (existing.isUndefined() || spdx3::fieldTextFromProperty(m, existing) != text)
                o.insert(m.property, spdx3::propertyFromFieldText(m, text));
        } else if (!existing.isUndefined() && readerWouldMap(r.kind, m, existing)) {
            o.remove(m.property);
        }
    }
    const QString purpose = r.kind == RecordKind::Model     ? u"model"_s
                            : r.kind == RecordKind::Dataset ? u"data"_s
                            : r.kind == RecordKind::Service ? u"other"_s
                                                            : QString();
    if (!purpose.isEmpty() && !o.contains(u"software_primaryPurpose"_s))
        o.insert(u"software_primaryPurpose"_s, purpose);
    if (r.kind == RecordKind::Dataset && !o.contains(u"dataset_datasetType"_s))
        o.insert(u"dataset_datasetType"_s, QJsonArray{u"noAssertion"_s});

    QStringList suppliers;
    for (const RelatedRecord &rel : s.relations) {
        if (rel.outgoing && rel.relation.type == RelationType::ProvidedBy && m_ids.contains(rel.otherId))
            suppliers << m_ids.value(rel.otherId);
    }
    std::sort(suppliers.begin(), suppliers.end());
    if (!suppliers.isEmpty())
        o.insert(u"suppliedBy"_s, suppliers.takeFirst());
    if (!suppliers.isEmpty())
        o.insert(u"originatedBy"_s, QJsonArray::fromStringList(suppliers));

    QMap<QString, QString> strata = entries(r, native, {u"spdx.ai"_s, u"spdx.dataset"_s, u"spdx.package"_s});
    if (r.kind == RecordKind::Service)
        strata.insert(spdx3::extKind(), u"service"_s);
    const QJsonArray extension = spdx3::writeExtension(kept.value(u"extension"_s).toArray(), strata);
    if (!extension.isEmpty())
        o.insert(u"extension"_s, extension);
    return o;
}

void Builder::license(const Record &r)
{
    if (r.license.isEmpty() || r.kind == RecordKind::Supplier)
        return;
    const QString licenseId = u"%1license-%2"_s.arg(m_base, shortHash(r.license));
    QJsonObject license = element(u"simplelicensing_LicenseExpression"_s, licenseId);
    license.insert(u"simplelicensing_licenseExpression"_s, r.license);
    m_licenses.insert(licenseId, license);
    relationship(u"hasDeclaredLicense"_s, u"%1relationship/%2-hasDeclaredLicense"_s.arg(m_base, key(r)),
                 m_ids.value(r.id), {licenseId});
}

QJsonObject Builder::agent(const RecordSnapshot &s)
{
    const Record &r = s.record;
    const QJsonObject extras = m_set.extras.value(r.id);
    const QJsonObject kept = extras.value(u"spdx.agent"_s).toObject();
    const QString keptType = kept.value(u"type"_s).toString();
    QJsonObject o = element(isAgentType(keptType) ? keptType : u"Organization"_s, m_ids.value(r.id));
    reemit(o, kept,
           {u"type"_s, u"@type"_s, u"spdxId"_s, u"@id"_s, u"creationInfo"_s, u"name"_s, u"description"_s, u"comment"_s,
            u"extension"_s});
    o.insert(u"name"_s, r.name);
    if (!r.description.isEmpty())
        o.insert(u"description"_s, r.description);
    if (!r.notes.isEmpty())
        o.insert(u"comment"_s, r.notes);
    QMap<QString, QString> strata = entries(r, {u"name"_s, u"description"_s, u"notes"_s}, {u"spdx.agent"_s});
    strata.insert(spdx3::extKind(), u"supplier"_s);
    o.insert(u"extension"_s, spdx3::writeExtension(kept.value(u"extension"_s).toArray(), strata));
    return o;
}

void Builder::relationship(const QString &type,
                           const QString &id,
                           const QString &from,
                           const QStringList &to,
                           const QMap<QString, QString> &strata)
{
    const bool hosted = strata.value(spdx3::extRelation()) == u"hosted_on"_s;
    QJsonObject o = element(hosted ? u"LifecycleScopedRelationship"_s : u"Relationship"_s, id);
    o.insert(u"from"_s, from);
    o.insert(u"relationshipType"_s, type);
    o.insert(u"to"_s, QJsonArray::fromStringList(to));
    if (hosted)
        o.insert(u"scope"_s, u"runtime"_s);
    if (!strata.isEmpty())
        o.insert(u"extension"_s, spdx3::writeExtension({}, strata));
    m_relationships.append(o);
    m_elementIds << id;
}

void Builder::relationships(const RecordSnapshot &s)
{
    QList<RelatedRecord> outgoing;
    for (const RelatedRecord &rel : s.relations) {
        if (rel.outgoing && rel.relation.type != RelationType::ProvidedBy && m_ids.contains(rel.otherId))
            outgoing << rel;
    }
    std::sort(outgoing.begin(), outgoing.end(), [](const RelatedRecord &a, const RelatedRecord &b) {
        return std::pair(static_cast<int>(a.relation.type), a.otherId) <
               std::pair(static_cast<int>(b.relation.type), b.otherId);
    });
    for (const RelatedRecord &rel : std::as_const(outgoing)) {
        QString type;
        QMap<QString, QString> strata;
        switch (rel.relation.type) {
        case RelationType::DerivedFrom:
            type = u"descendantOf"_s;
            if (!rel.relation.subtype.isEmpty())
                strata.insert(spdx3::extDerivation(), rel.relation.subtype);
            break;
        case RelationType::TrainedOn:
            type = u"trainedOn"_s;
            break;
        case RelationType::EvaluatedOn:
            type = u"testedOn"_s;
            break;
        case RelationType::DependsOn:
            type = u"dependsOn"_s;
            break;
        case RelationType::HostedOn:
            type = u"dependsOn"_s;
            strata.insert(spdx3::extRelation(), u"hosted_on"_s);
            break;
        case RelationType::ProvidedBy:
            continue;
        }
        const QString to = m_ids.value(rel.otherId);
        const QString id = u"%1relationship/%2-%3-%4"_s.arg(m_base, key(s.record), relationTypeKey(rel.relation.type),
                                                            to.mid(m_base.size()));
        relationship(type, id, m_ids.value(s.record.id), {to}, strata);
    }
}

void Builder::artifacts(const RecordSnapshot &s)
{
    QList<Artifact> files = s.artifacts;
    std::sort(files.begin(), files.end(), [](const Artifact &a, const Artifact &b) { return a.fileName < b.fileName; });
    QStringList ids;
    for (const Artifact &a : std::as_const(files)) {
        const QString id = u"%1%2/file-%3"_s.arg(m_base, key(s.record), shortHash(a.fileName));
        QJsonObject o = element(u"software_File"_s, id);
        o.insert(u"name"_s, a.fileName);
        o.insert(u"verifiedUsing"_s, QJsonArray{QJsonObject{{u"type"_s, u"Hash"_s},
                                                            {u"algorithm"_s, spdx3::spdxAlgorithm(a.algorithm)},
                                                            {u"hashValue"_s, a.digest}}});
        if (a.size >= 0)
            o.insert(u"extension"_s, spdx3::writeExtension({}, {{spdx3::extSize(), QString::number(a.size)}}));
        add(o);
        ids << id;
    }
    if (!ids.isEmpty())
        relationship(u"contains"_s, u"%1relationship/%2-contains"_s.arg(m_base, key(s.record)),
                     m_ids.value(s.record.id), ids);
}

QByteArray Builder::build()
{
    const QString agentId = m_base + u"agent/strata"_s;
    const QString toolId = m_base + u"tool/strata"_s;
    const QString documentId = m_base + u"document"_s;
    const QString bomId = m_base + u"bom"_s;
    const QString name = u"Strata inventory %1"_s.arg(m_set.workspaceName);

    QStringList roots;
    for (const RecordSnapshot &s : m_set.records) {
        add(s.record.kind == RecordKind::Supplier ? agent(s) : package(s));
        license(s.record);
        artifacts(s);
        relationships(s);
        if (m_set.scopeId == 0 || m_set.scopeId == s.record.id)
            roots << m_ids.value(s.record.id);
    }
    for (const QJsonObject &license : std::as_const(m_licenses)) {
        m_elements.append(license);
        m_elementIds << license.value(u"spdxId"_s).toString();
    }

    QJsonObject creation{
        {u"type"_s, u"CreationInfo"_s},        {u"@id"_s, kCreationInfo},
        {u"specVersion"_s, u"3.0.1"_s},        {u"created"_s, m_set.timestamp.toUTC().toString(Qt::ISODate)},
        {u"createdBy"_s, QJsonArray{agentId}}, {u"createdUsing"_s, QJsonArray{toolId}}};
    QJsonObject agentElement = element(u"SoftwareAgent"_s, agentId);
    agentElement.insert(u"name"_s, u"Strata"_s);
    QJsonObject tool = element(u"Tool"_s, toolId);
    tool.insert(u"name"_s, u"Strata %1"_s.arg(m_set.toolVersion).trimmed());
    const QJsonArray profiles = {u"core"_s, u"software"_s, u"ai"_s, u"dataset"_s, u"simpleLicensing"_s, u"extension"_s};
    QJsonObject bom = element(u"Bom"_s, bomId);
    bom.insert(u"name"_s, name);
    bom.insert(u"profileConformance"_s, profiles);
    bom.insert(u"rootElement"_s, QJsonArray::fromStringList(roots));
    bom.insert(u"element"_s, QJsonArray::fromStringList(m_elementIds));
    QJsonObject document = element(u"SpdxDocument"_s, documentId);
    document.insert(u"name"_s, name);
    document.insert(u"profileConformance"_s, profiles);
    document.insert(u"rootElement"_s, QJsonArray{bomId});
    document.insert(u"element"_s, QJsonArray::fromStringList(QStringList{bomId} + m_elementIds));

    QJsonArray graph{creation, agentElement, tool, document, bom};
    for (const QJsonValue &e : std::as_const(m_elements))
        graph.append(e);
    for (const QJsonValue &r : std::as_const(m_relationships))
        graph.append(r);
    const QJsonObject root{{u"@context"_s, spdx3::context301()}, {u"@graph"_s, graph}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace

Result<QByteArray> Spdx3Writer::write(const ExportSet &set)
{
    if (!set.timestamp.isValid())
        return Error{ErrorCode::InvalidInput,
                     tr("An SPDX document needs the time it was created; the export was given none.")};
    Builder builder(set);
    return builder.build();
}

} // namespace strata
