// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/Spdx3Reader.h"

#include "domain/Fields.h"
#include "interop/Spdx3Graph.h"
#include "interop/Spdx3Licenses.h"
#include "interop/Spdx3Vocabulary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

QString at(int index)
{
    return u"@graph[%1]"_s.arg(index);
}

bool isAgent(const QString &type)
{
    return type == u"Organization"_s || type == u"Person"_s || type == u"SoftwareAgent"_s || type == u"Agent"_s;
}

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == u"http"_s || scheme == u"https"_s) && !url.host().isEmpty();
}

// Element types a document needs for its own structure: never inventory, never worth a warning.
bool isStructural(const QString &type)
{
    static const QSet<QString> types = {u"CreationInfo"_s,  u"SpdxDocument"_s, u"Bom"_s,        u"software_Sbom"_s,
                                        u"Bundle"_s,        u"Tool"_s,         u"Person"_s,     u"Organization"_s,
                                        u"SoftwareAgent"_s, u"Agent"_s,        u"ExternalMap"_s};
    return types.contains(type) || type.startsWith(u"simplelicensing_"_s) || type.startsWith(u"expandedlicensing_"_s) ||
           Spdx3Graph::isRelationship(type);
}

/// Maps a validated graph onto records, relations, artifacts and extras.
class Mapper
{
    Q_DECLARE_TR_FUNCTIONS(strata::Spdx3Reader)

public:
    Mapper(const Spdx3Graph &graph, const QString &fileName, const ImportLimits &limits)
        : m_graph(graph)
        , m_file(fileName)
        , m_limits(limits)
        , m_licenses(graph, limits)
    {
    }

    Result<ImportDocument> run();

private:
    Status mapPackage(const Spdx3Element &e, RecordKind kind);
    Status applyExtension(ImportedRecord &r, const spdx3::Extension &ext, const QString &where, int depth);
    QString supplierRef(const Spdx3Element &agent);
    void linkSuppliers(const Spdx3Element &e, const QString &ref);
    void mapRelationship(const Spdx3Element &e);
    void mapContains(const Spdx3Element &e, int from, const QStringList &targets);
    bool addArtifact(ImportedRecord &r, const QJsonObject &o, const QString &fileName, const QString &where);
    Status finishLicenses();
    bool state(ImportedRecord &r, const QString &key, const QString &text, const QString &where, bool kept);
    int recordIndex(const QString &id) const;
    QString describe(const QString &id) const;

    const Spdx3Graph &m_graph;
    QString m_file;
    const ImportLimits &m_limits;
    Spdx3Licenses m_licenses;
    ImportDocument m_doc;
    QHash<QString, int> m_records;           ///< element id -> index into m_doc.records
    QHash<QString, QString> m_agentSupplier; ///< agent id -> supplier ref; empty when the agent was skipped
    QHash<QString, int> m_supplierByName;    ///< case-folded name -> index into m_doc.records
    QMap<int, QJsonArray> m_scopes;          ///< record index -> lifecycle scopes of its relationships
    QSet<QString> m_consumed;                ///< ids of non-package elements that became artifacts
    Status m_failure = Ok{};                 ///< a cap exceeded while making a supplier: the document is refused
};

Result<ImportDocument> Mapper::run()
{
    m_doc.format = u"spdx3"_s;
    m_doc.specVersion = m_graph.specVersion();
    m_doc.warnings = m_graph.warnings();
    const QList<Spdx3Element> &elements = m_graph.elements();
    const auto progress = [this, &elements](qsizetype i, int from, int span) {
        if (m_limits.progress && !elements.isEmpty() && i % 256 == 0)
            m_limits.progress(from + int(span * i / elements.size()));
    };
    for (qsizetype i = 0; i < elements.size(); ++i) {
        if (i % 256 == 0 && m_limits.cancelled())
            return Spdx3Graph::cancelledError(m_file);
        progress(i, 400, 300);
        const Spdx3Element &e = elements.at(i);
        Status s = Ok{};
        if (e.type == u"ai_AIPackage"_s)
            s = mapPackage(e, RecordKind::Model);
        else if (e.type == u"dataset_DatasetPackage"_s)
            s = mapPackage(e, RecordKind::Dataset);
        else if (e.type == u"software_Package"_s)
            s = mapPackage(e, RecordKind::Software);
        if (!s)
            return s.error();
        if (!m_failure)
            return m_failure.error();
    }
    // Agents an export marked as supplier records stay records even when nothing refers to them.
    for (const Spdx3Element &e : elements) {
        if (isAgent(e.type) &&
            spdx3::readExtension(e.object.value(u"extension"_s)).strata.value(spdx3::extKind()) == u"supplier"_s)
            supplierRef(e);
        if (!m_failure)
            return m_failure.error();
    }
    for (qsizetype i = 0; i < elements.size(); ++i) {
        if (i % 256 == 0 && m_limits.cancelled())
            return Spdx3Graph::cancelledError(m_file);
        progress(i, 700, 250);
        if (Spdx3Graph::isRelationship(elements.at(i).type))
            mapRelationship(elements.at(i));
    }
    if (Status s = finishLicenses(); !s)
        return s.error();
    for (auto it = m_scopes.cbegin(); it != m_scopes.cend(); ++it)
        m_doc.records[it.key()].extras.insert(u"spdx.lifecycleScopes"_s, it.value());

    QMap<QString, int> skipped;
    for (const Spdx3Element &e : elements) {
        const bool package =
            e.type == u"ai_AIPackage"_s || e.type == u"dataset_DatasetPackage"_s || e.type == u"software_Package"_s;
        if (!package && !isStructural(e.type) && !m_consumed.contains(e.id))
            ++skipped[e.type];
    }
    for (auto it = skipped.cbegin(); it != skipped.cend(); ++it)
        m_doc.warnings << tr("Skipped %n element(s) of type %1: Strata keeps models, datasets, software, services "
                             "and suppliers as records, and files only as the artifacts of models and datasets.",
                             "", it.value())
                              .arg(it.key());
    if (m_limits.progress)
        m_limits.progress(1000);
    return m_doc;
}

bool Mapper::state(ImportedRecord &r, const QString &key, const QString &text, const QString &where, bool kept)
{
    if (text.isEmpty())
        return false;
    Record copy = r.record;
    const Status s = fields::setField(copy, key, text);
    if (!s) {
        m_doc.warnings << (kept ? tr("%1: %2 The value was not used for the field; it is kept in the record's "
                                     "extras.")
                                : tr("%1: %2 The value was not imported."))
                              .arg(where, s.error().message);
        return false;
    }
    r.record = copy;
    if (!r.statedFields.contains(key))
        r.statedFields << key;
    return true;
}

Status Mapper::applyExtension(ImportedRecord &r, const spdx3::Extension &ext, const QString &where, int depth)
{
    for (auto it = ext.strata.cbegin(); it != ext.strata.cend(); ++it) {
        if (it.key().startsWith(spdx3::extFieldPrefix())) {
            state(r, it.key().mid(spdx3::extFieldPrefix().size()), it.value(), where, false);
        } else if (it.key() == spdx3::extPlaceholder()) {
            r.record.placeholder = it.value() == u"true"_s;
        } else if (it.key().startsWith(spdx3::extExtrasPrefix())) {
            // Kept structures travel as JSON text in a one-item array, so that any JSON value fits.
            const QJsonDocument kept = QJsonDocument::fromJson(it.value().toUtf8());
            const QString path = u"%1.extension[%2]"_s.arg(where, it.key());
            if (!kept.isArray() || kept.array().size() != 1) {
                m_doc.warnings << tr("%1 is not the JSON Strata writes there; it was ignored.").arg(path);
                continue;
            }
            if (Status s = Spdx3Graph::checkCaps(kept.array().at(0), path, depth, m_file, m_limits); !s)
                return s;
            r.extras.insert(it.key().mid(spdx3::extExtrasPrefix().size()), kept.array().at(0));
        }
    }
    return Ok{};
}

Status Mapper::mapPackage(const Spdx3Element &e, RecordKind kind)
{
    const QString where = at(e.index);
    const QJsonObject &o = e.object;
    const spdx3::Extension ext = spdx3::readExtension(o.value(u"extension"_s));
    if (kind == RecordKind::Software && ext.strata.value(spdx3::extKind()) == u"service"_s)
        kind = RecordKind::Service;
    ImportedRecord r;
    r.ref = e.id.isEmpty() ? where : e.id;
    r.location = where;
    r.record.kind = kind;
    const QString name = o.value(u"name"_s).toString().trimmed();
    if (name.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("%1: %2 is a %3 without a \"name\"; Strata needs a name to keep it "
                                                 "as a record. Add the name and import again.")
                                                  .arg(m_file, where, e.type)};
    const QString version = o.value(u"software_packageVersion"_s).toString().trimmed();
    for (const auto &[key, text] : {std::pair{u"name"_s, name}, std::pair{u"version"_s, version}}) {
        if (Status s = fields::setField(r.record, key, text); !s)
            return Error{ErrorCode::InvalidInput, tr("%1: %2: %3").arg(m_file, where, s.error().message)};
    }
    r.statedFields << u"name"_s << u"version"_s;

    QSet<QString> consumed = {u"type"_s,
                              u"@type"_s,
                              u"spdxId"_s,
                              u"@id"_s,
                              u"name"_s,
                              u"creationInfo"_s,
                              u"software_packageVersion"_s,
                              u"suppliedBy"_s,
                              u"originatedBy"_s,
                              u"extension"_s};
    const auto take = [&](const QString &property, const QString &key) {
        if (state(r, key, o.value(property).toString(), where, true))
            consumed.insert(property);
    };
    take(u"description"_s, u"description"_s);
    if (!consumed.contains(u"description"_s))
        take(u"summary"_s, u"description"_s);
    take(u"comment"_s, u"notes"_s);
    for (const QString &property : {u"software_downloadLocation"_s, u"software_homePage"_s}) {
        const QString url = o.value(property).toString().trimmed();
        if (r.record.sourceUrl.isEmpty() && isHttpUrl(url))
            take(property, u"source_url"_s);
    }
    take(u"software_packageUrl"_s, u"purl"_s);
    if (r.record.purl.isEmpty()) {
        const QJsonArray ids = o.value(u"externalIdentifier"_s).toArray();
        for (const QJsonValue &id : ids) {
            if (spdx3::term(id.toObject().value(u"externalIdentifierType"_s).toString()) == u"packageUrl"_s) {
                state(r, u"purl"_s, id.toObject().value(u"identifier"_s).toString().trimmed(), where, true);
                break;
            }
        }
    }
    for (const spdx3::PropertyMapping &m : spdx3::propertyMappings(kind)) {
        if (o.contains(m.property) &&
            state(r, m.field, spdx3::fieldTextFromProperty(m, o.value(m.property)), where, true))
            consumed.insert(m.property);
    }
    const QString purpose = spdx3::term(o.value(u"software_primaryPurpose"_s).toString());
    if ((kind == RecordKind::Model && purpose == u"model"_s) || (kind == RecordKind::Dataset && purpose == u"data"_s) ||
        (kind == RecordKind::Service && purpose == u"other"_s))
        consumed.insert(u"software_primaryPurpose"_s);
    if ((kind == RecordKind::Model || kind == RecordKind::Dataset) &&
        addArtifact(r, o, name, where + u".verifiedUsing"_s))
        consumed.insert(u"verifiedUsing"_s);

    if (Status s = applyExtension(r, ext, where, 4); !s)
        return s;
    QJsonObject ai;
    QJsonObject dataset;
    QJsonObject rest;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (it.key().startsWith(u"ai_"_s))
            ai.insert(it.key(), it.value());
        else if (it.key().startsWith(u"dataset_"_s))
            dataset.insert(it.key(), it.value());
        else if (!consumed.contains(it.key()))
            rest.insert(it.key(), it.value());
    }
    if (!ext.foreign.isEmpty())
        rest.insert(u"extension"_s, ext.foreign);
    for (const auto &[key, kept] :
         {std::pair{u"spdx.ai"_s, ai}, std::pair{u"spdx.dataset"_s, dataset}, std::pair{u"spdx.package"_s, rest}}) {
        if (!kept.isEmpty())
            r.extras.insert(key, kept);
    }
    m_records.insert(e.id, int(m_doc.records.size()));
    m_doc.records << r;
    linkSuppliers(e, r.ref);
    return Ok{};
}

QString Mapper::supplierRef(const Spdx3Element &agent)
{
    const auto cached = m_agentSupplier.constFind(agent.id);
    if (cached != m_agentSupplier.cend())
        return cached.value();
    const QString where = at(agent.index);
    const QString name = agent.object.value(u"name"_s).toString().trimmed();
    if (name.isEmpty()) {
        m_doc.warnings << tr("%1 (%2, of type %3) has no name, so it cannot become a supplier record; it was skipped.")
                              .arg(where, agent.id, agent.type);
        m_agentSupplier.insert(agent.id, QString());
        return {};
    }
    const QString ref = u"supplier:%1"_s.arg(name.toLower());
    if (m_supplierByName.contains(name.toCaseFolded())) {
        m_agentSupplier.insert(agent.id, ref);
        return ref;
    }
    ImportedRecord r;
    r.ref = ref;
    r.location = where;
    r.record.kind = RecordKind::Supplier;
    if (Status s = fields::setField(r.record, u"name"_s, name); !s) {
        m_doc.warnings << tr("%1: %2 The supplier was skipped.").arg(where, s.error().message);
        m_agentSupplier.insert(agent.id, QString());
        return {};
    }
    r.statedFields << u"name"_s << u"version"_s;
    const QJsonObject &o = agent.object;
    QSet<QString> consumed = {u"type"_s, u"@type"_s,        u"spdxId"_s,   u"@id"_s,
                              u"name"_s, u"creationInfo"_s, u"extension"_s};
    if (state(r, u"description"_s, o.value(u"description"_s).toString(), where, true))
        consumed.insert(u"description"_s);
    if (state(r, u"notes"_s, o.value(u"comment"_s).toString(), where, true))
        consumed.insert(u"comment"_s);
    const spdx3::Extension ext = spdx3::readExtension(o.value(u"extension"_s));
    if (Status s = applyExtension(r, ext, where, 4); !s) {
        m_failure = s;
        return {};
    }
    QJsonObject rest;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!consumed.contains(it.key()))
            rest.insert(it.key(), it.value());
    }
    if (!ext.foreign.isEmpty())
        rest.insert(u"extension"_s, ext.foreign);
    if (agent.type != u"Organization"_s)
        rest.insert(u"type"_s, agent.type);
    if (!rest.isEmpty())
        r.extras.insert(u"spdx.agent"_s, rest);
    m_supplierByName.insert(name.toCaseFolded(), int(m_doc.records.size()));
    m_doc.records << r;
    m_agentSupplier.insert(agent.id, ref);
    return ref;
}

void Mapper::linkSuppliers(const Spdx3Element &e, const QString &ref)
{
    for (const QString &key : {u"suppliedBy"_s, u"originatedBy"_s}) {
        const QJsonValue value = e.object.value(key);
        const QStringList ids = Spdx3Graph::refIds(value);
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const QString path =
                value.isArray() ? u"%1.%2[%3]"_s.arg(at(e.index), key).arg(i) : u"%1.%2"_s.arg(at(e.index), key);
            const Spdx3Element *agent = m_graph.find(ids.at(i));
            if (!agent) {
                if (!spdx3::isNoneOrNoAssertion(ids.at(i)))
                    m_doc.warnings << tr("%1 names %2, which another document describes; no supplier was recorded.")
                                          .arg(path, ids.at(i));
                continue;
            }
            if (!isAgent(agent->type)) {
                m_doc.warnings << tr("%1 names a %2, not an organization or person; no supplier was recorded.")
                                      .arg(path, agent->type);
                continue;
            }
            const QString supplier = supplierRef(*agent);
            if (!supplier.isEmpty())
                m_doc.relations << ImportedRelation{ref, RelationType::ProvidedBy, supplier, QString(), path};
        }
    }
}

int Mapper::recordIndex(const QString &id) const
{
    const Spdx3Element *e = m_graph.find(id);
    return e ? m_records.value(e->id, -1) : -1;
}

QString Mapper::describe(const QString &id) const
{
    const Spdx3Element *e = m_graph.find(id);
    return e ? tr("%1 (a %2)").arg(id, e->type) : tr("%1 (defined in another document)").arg(id);
}

void Mapper::mapRelationship(const Spdx3Element &e)
{
    const QString where = at(e.index);
    const QJsonObject &o = e.object;
    const QString type = spdx3::term(o.value(u"relationshipType"_s).toString());
    const QString fromId = Spdx3Graph::refId(o.value(u"from"_s));
    const QStringList targets = Spdx3Graph::refIds(o.value(u"to"_s));
    if (e.type != u"Relationship"_s && e.type != u"LifecycleScopedRelationship"_s) {
        m_doc.warnings << tr("%1: a %2 is not an inventory relation; it was skipped.").arg(where, e.type);
        return;
    }
    if (!spdx3::isKnownRelationshipType(type)) {
        m_doc.warnings
            << tr("%1: \"%2\" is not an SPDX 3.0 relationship type; the relationship was skipped.").arg(where, type);
        return;
    }
    const int from = recordIndex(fromId);
    if (Spdx3Graph::isLicenseRelationship(type)) {
        if (from >= 0)
            m_licenses.add(from, type, targets, where);
        return;
    }
    if (type == u"contains"_s || type == u"hasDataFile"_s) {
        if (from >= 0)
            mapContains(e, from, targets);
        return;
    }
    static const QHash<QString, RelationType> mapped = {
        {u"trainedOn"_s, RelationType::TrainedOn},    {u"testedOn"_s, RelationType::EvaluatedOn},
        {u"dependsOn"_s, RelationType::DependsOn},    {u"descendantOf"_s, RelationType::DerivedFrom},
        {u"ancestorOf"_s, RelationType::DerivedFrom},
    };
    if (!mapped.contains(type)) {
        m_doc.warnings << tr("%1: Strata has no relation for \"%2\"; the relationship was skipped.").arg(where, type);
        return;
    }
    if (from < 0) {
        if (!spdx3::isNoneOrNoAssertion(fromId))
            m_doc.warnings << tr("%1: \"%2\" starts at %3, which is not a model, dataset, software or service; the "
                                 "relationship was skipped.")
                                  .arg(where, type, describe(fromId));
        return;
    }
    const spdx3::Extension ext = spdx3::readExtension(o.value(u"extension"_s));
    RelationType relation = mapped.value(type);
    if (relation == RelationType::DependsOn && ext.strata.value(spdx3::extRelation()) == u"hosted_on"_s)
        relation = RelationType::HostedOn;
    QString subtype;
    if (relation == RelationType::DerivedFrom) {
        subtype = ext.strata.value(spdx3::extDerivation());
        if (!subtype.isEmpty() && !derivationKinds().contains(subtype)) {
            m_doc.warnings << tr("%1: \"%2\" is not a kind of derivation Strata knows; the relation was kept without "
                                 "it.")
                                  .arg(where, subtype);
            subtype.clear();
        }
    }
    const QString scope =
        e.type == u"LifecycleScopedRelationship"_s ? spdx3::term(o.value(u"scope"_s).toString()) : QString();
    if (!scope.isEmpty() && relation != RelationType::HostedOn)
        m_scopes[from].append(QJsonObject{{u"relationship"_s, e.id},
                                          {u"relationshipType"_s, type},
                                          {u"scope"_s, scope},
                                          {u"to"_s, QJsonArray::fromStringList(targets)}});
    const QString fromRef = m_doc.records.at(from).ref;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        if (spdx3::isNoneOrNoAssertion(targets.at(i)))
            continue;
        const QString path =
            scope.isEmpty() ? u"%1.to[%2]"_s.arg(where).arg(i) : u"%1.to[%2] (scope %3)"_s.arg(where).arg(i).arg(scope);
        const int to = recordIndex(targets.at(i));
        if (to < 0) {
            m_doc.warnings << tr("%1 is %2, not a model, dataset, software or service; that part of \"%3\" was "
                                 "skipped.")
                                  .arg(path, describe(targets.at(i)), type);
            continue;
        }
        const QString toRef = m_doc.records.at(to).ref;
        if (type == u"ancestorOf"_s)
            m_doc.relations << ImportedRelation{toRef, relation, fromRef, subtype, path};
        else
            m_doc.relations << ImportedRelation{fromRef, relation, toRef, subtype, path};
    }
}

void Mapper::mapContains(const Spdx3Element &e, int from, const QStringList &targets)
{
    const QString where = at(e.index);
    ImportedRecord &owner = m_doc.records[from];
    const bool keepsFiles = owner.record.kind == RecordKind::Model || owner.record.kind == RecordKind::Dataset;
    int skippedFiles = 0;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const QString path = u"%1.to[%2]"_s.arg(where).arg(i);
        const int to = recordIndex(targets.at(i));
        if (to >= 0) {
            // A package inside a package: Strata's nearest relation is a dependency.
            m_doc.relations << ImportedRelation{owner.ref, RelationType::DependsOn, m_doc.records.at(to).ref, QString(),
                                                path};
            continue;
        }
        const Spdx3Element *file = m_graph.find(targets.at(i));
        if (!file || file->type != u"software_File"_s)
            continue;
        if (keepsFiles && addArtifact(owner, file->object, file->object.value(u"name"_s).toString(), path))
            m_consumed.insert(file->id);
        else if (keepsFiles)
            ++skippedFiles;
    }
    if (skippedFiles > 0)
        m_doc.warnings << tr("%1: %n file(s) in %2 have no digest Strata can keep (sha256, sha384, sha512, sha3, "
                             "blake2b, sha1 or md5) and were not recorded as artifacts.",
                             "", skippedFiles)
                              .arg(where, owner.record.name);
}

bool Mapper::addArtifact(ImportedRecord &r, const QJsonObject &o, const QString &fileName, const QString &where)
{
    const QJsonArray hashes = o.value(u"verifiedUsing"_s).toArray();
    Artifact best;
    for (const QJsonValue &h : hashes) {
        const QJsonObject hash = h.toObject();
        if (spdx3::term(hash.value(u"type"_s).toString()) != u"Hash"_s)
            continue;
        const QString algorithm = spdx3::strataAlgorithm(hash.value(u"algorithm"_s).toString());
        if (algorithm.isEmpty())
            continue;
        if (best.digest.isEmpty() ||
            spdx3::algorithmPreference(algorithm) < spdx3::algorithmPreference(best.algorithm)) {
            best.algorithm = algorithm;
            best.digest = hash.value(u"hashValue"_s).toString().trimmed().toLower();
        }
    }
    if (best.digest.isEmpty())
        return false;
    best.fileName = fileName.trimmed();
    if (best.fileName.isEmpty() || best.fileName.size() > 1000) {
        m_doc.warnings
            << tr("%1: a file needs a name of 1 to 1000 characters; its digest was not recorded.").arg(where);
        return false;
    }
    bool sized = false;
    const qint64 size = spdx3::readExtension(o.value(u"extension"_s)).strata.value(spdx3::extSize()).toLongLong(&sized);
    best.size = sized && size >= 0 ? size : -1;
    for (const Artifact &a : std::as_const(r.artifacts)) {
        if (a.fileName == best.fileName) {
            if (a.digest != best.digest)
                m_doc.warnings << tr("%1: %2 is listed twice with different digests; the first was kept.")
                                      .arg(where, best.fileName);
            return true;
        }
    }
    r.artifacts << best;
    return true;
}

Status Mapper::finishLicenses()
{
    const QMap<int, Spdx3Licenses::Choice> chosen = m_licenses.choose();
    for (auto it = chosen.cbegin(); it != chosen.cend(); ++it) {
        ImportedRecord &r = m_doc.records[it.key()];
        const Spdx3Licenses::Choice &c = it.value();
        if (c.expression.isEmpty())
            continue;
        QJsonObject kept = c.kept;
        if (!state(r, u"license"_s, c.expression, r.location, true)) {
            const QString converted = Spdx3Licenses::licenseRef(c.expression);
            if (state(r, u"license"_s, converted, r.location, true))
                m_doc.warnings
                    << tr("%1: the license \"%2\" was recorded as %3.").arg(r.location, c.expression, converted);
            kept.insert(u"expression"_s, c.expression);
        }
        if (!kept.isEmpty())
            r.extras.insert(u"spdx.license"_s, kept);
    }
    m_doc.warnings << m_licenses.warnings();
    return Ok{};
}

} // namespace

Result<ImportDocument> Spdx3Reader::read(const QByteArray &data, const QString &fileName, const ImportLimits &limits)
{
    if (limits.cancelled())
        return Spdx3Graph::cancelledError(fileName);
    Result<Spdx3Graph> graph = Spdx3Graph::parse(data, fileName, limits);
    if (!graph)
        return graph.error();
    Mapper mapper(graph.value(), fileName, limits);
    return mapper.run();
}

} // namespace strata
