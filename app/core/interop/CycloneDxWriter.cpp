// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
//
// How the workspace becomes a CycloneDX 1.6 ML-BOM, and why it comes back unchanged through CycloneDxReader:
// - Models are machine-learning-model components, datasets data components (with their kept data[] or a minimal
//   {type: "dataset", name}), software library/framework/application (or the type an import kept), services
//   services[]. bom-refs are "strata:<kind>:<id>"; the scope record is metadata.component.
// - Fields with a CycloneDX home are written there: name, version, description, licenses (the kept list when it
//   still reads as the record's expression, else one {expression}), purl, source_url (a website reference), tags,
//   architecture (modelArchitecture), limitations (technicalLimitations), intended_use (useCases). Then the
//   writer runs the reader's own mapping (cyclonedx::mapFields) over the component it built and adds a
//   "strata:<field>" property for every field that would not come back exactly: the fields CycloneDX has no home
//   for, and any value its home would change. One mapping used both ways is what makes the round trip lossless.
// - Suppliers: CycloneDX has no standalone organization element (an organizationalEntity only appears inline, and
//   a bom-ref may not repeat), so each supplier is written once as BOM properties "strata:supplier:<id>:<field>"
//   (suppliers that provide nothing survive too), each record it provides names it in "strata:provided_by" and
//   carries it as its standard `supplier` (`provider` for services) for other tools, and the scope's supplier is
//   metadata.supplier.
// - Relations, each once from its outgoing side: depends_on -> dependencies[] (every component and service has an
//   entry); derived_from -> pedigree.ancestors[] stubs {type, name, version, strata:ref = the parent's bom-ref,
//   strata:derivation = the subtype, even empty}, because the parent is a full component elsewhere; trained_on ->
//   modelCard.modelParameters.datasets[{ref}]; evaluated_on and hosted_on -> "strata:evaluated_on" and
//   "strata:hosted_on" properties, as CycloneDX has no field for either.
// - Artifacts are nested `file` components of their model or dataset, with hashes and a strata:size property.
// - Kept "cyclonedx.*" extras go back where they came from, with their own bom-refs unless one is taken. The
//   modelCard's datasets are rewritten to the exported refs; the kept ones travel in "strata:modelCard.datasets".
//   What the writer made up from fields (a modelCard, a minimal data[], a website reference) is named in
//   "strata:generated", so an import does not keep it as if a document had said it. Anything else (another
//   format's extras, a value a field refused, a kept structure the 1.6 schema would refuse) is a
//   "strata:extra:<key>" property holding it as JSON. placeholder is "strata:placeholder" = "true".
// - Same set, same bytes: records in id order, keys sorted by QJsonDocument, and a serialNumber made from the
//   SHA-256 of the document written without it.
#include "interop/CycloneDxWriter.h"

#include "domain/Fields.h"
#include "interop/CycloneDxMapping.h"
#include "interop/CycloneDxSchema.h"
#include "util/Sha256.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

using namespace cyclonedx;

QString refFor(const Record &r)
{
    return u"strata:%1:%2"_s.arg(recordKindKey(r.kind)).arg(r.id);
}

QJsonObject property(const QString &name, const QString &value)
{
    return QJsonObject{{u"name"_s, name}, {u"value"_s, value}};
}

QString extraJson(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

QString joinLines(const QJsonArray &items)
{
    QStringList lines;
    for (const QJsonValue &v : items) {
        if (!v.toString().trimmed().isEmpty())
            lines << v.toString().trimmed();
    }
    return lines.join(u'\n');
}

/// A UUID (version 5 layout) from the first 128 bits of a SHA-256: stable for the same content.
QString uuidFromDigest(const QString &hex)
{
    QString h = hex.left(32);
    h[12] = u'5';
    const int variant = (QString(h.at(16)).toInt(nullptr, 16) & 0x3) | 0x8;
    h[16] = QString::number(variant, 16).at(0);
    return u"urn:uuid:%1-%2-%3-%4-%5"_s.arg(h.mid(0, 8), h.mid(8, 4), h.mid(12, 4), h.mid(16, 4), h.mid(20, 12));
}

/// What building one component decided about the record's extras, for finishProperties().
struct Bookkeeping
{
    QStringList written;   ///< extras keys written back where they came from
    QStringList generated; ///< structures made up from fields and relations: "modelCard", "data", ...
    QJsonArray properties; ///< further strata: properties
    bool cardFits = true;  ///< the kept model card has only keys the 1.6 schema allows
    bool filesFit = true;  ///< likewise the kept file components
};

class Writer
{
public:
    explicit Writer(const ExportSet &set)
        : m_set(set)
    {
        for (const RecordSnapshot &s : set.records) {
            m_byId.insert(s.record.id, &s);
            m_refs.insert(refFor(s.record));
            for (const Artifact &a : s.artifacts)
                m_refs.insert(u"strata:artifact:%1"_s.arg(a.id));
        }
    }

    QJsonObject document();

private:
    QList<RelatedRecord> outgoing(const RecordSnapshot &s, RelationType type) const
    {
        QList<RelatedRecord> list;
        for (const RelatedRecord &r : s.relations) {
            if (r.outgoing && r.relation.type == type && m_byId.contains(r.otherId))
                list << r;
        }
        std::sort(list.begin(), list.end(),
                  [](const RelatedRecord &a, const RelatedRecord &b) { return a.otherId < b.otherId; });
        return list;
    }

    const Record &other(const RelatedRecord &r) const { return m_byId.value(r.otherId)->record; }
    QJsonValue kept(const QJsonValue &value, int depth = 0) const;
    QJsonObject extras(const Record &r) const { return m_set.extras.value(r.id); }
    QString componentType(const Record &r) const;
    QJsonObject entity(const Record &supplier) const;
    QJsonObject component(const RecordSnapshot &s) const;
    QJsonObject service(const RecordSnapshot &s) const;
    void addCommon(QJsonObject &c, const RecordSnapshot &s, Bookkeeping &book) const;
    QJsonObject modelCard(const RecordSnapshot &s, Bookkeeping &book) const;
    QJsonArray files(const RecordSnapshot &s, Bookkeeping &book) const;
    QJsonArray ancestors(const RecordSnapshot &s) const;
    void finishProperties(QJsonObject &c, const RecordSnapshot &s, const Bookkeeping &book) const;
    QJsonArray supplierProperties() const;
    QJsonArray dependencies() const;

    const ExportSet &m_set;
    QHash<qint64, const RecordSnapshot *> m_byId;
    /// bom-refs written so far: a kept structure keeps its own bom-refs unless another element already has one.
    mutable QSet<QString> m_refs;
};

QJsonValue Writer::kept(const QJsonValue &value, int depth) const
{
    constexpr int kMaxDepth = 256; // deeper than any document an import accepts
    if (depth > kMaxDepth)
        return value;
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out << kept(v, depth + 1);
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject out;
    const QJsonObject in = value.toObject();
    for (auto it = in.constBegin(); it != in.constEnd(); ++it) {
        if (it.key() == u"bom-ref"_s) {
            const QString ref = it.value().toString();
            if (ref.isEmpty() || m_refs.contains(ref))
                continue; // unique in the imported BOM, not in this one
            m_refs.insert(ref);
            out.insert(it.key(), ref);
        } else {
            out.insert(it.key(), kept(it.value(), depth + 1));
        }
    }
    return out;
}

QString Writer::componentType(const Record &r) const
{
    switch (r.kind) {
    case RecordKind::Model:
        return u"machine-learning-model"_s;
    case RecordKind::Dataset:
        return u"data"_s;
    default:
        break;
    }
    const QString softwareType = r.attributes.value(u"software_type"_s).toString();
    if (softwareType == u"library"_s || softwareType == u"framework"_s)
        return softwareType;
    const QString savedType = extras(r).value(u"cyclonedx.type"_s).toString();
    if (softwareType == u"tool"_s)
        return isComponentType(savedType) ? savedType : u"application"_s;
    return u"library"_s;
}

QJsonObject Writer::entity(const Record &supplier) const
{
    QJsonObject e{{u"name"_s, supplier.name}};
    const QString website = supplier.attributes.value(u"website"_s).toString();
    if (!website.isEmpty())
        e.insert(u"url"_s, QJsonArray{website});
    return e;
}

void Writer::addCommon(QJsonObject &c, const RecordSnapshot &s, Bookkeeping &book) const
{
    const Record &r = s.record;
    const QJsonObject saved = extras(r);
    c.insert(u"bom-ref"_s, refFor(r));
    c.insert(u"name"_s, r.name);
    if (!r.version.isEmpty())
        c.insert(u"version"_s, r.version);
    if (!r.description.isEmpty())
        c.insert(u"description"_s, r.description);
    const QJsonArray keptLicenses = saved.value(u"cyclonedx.licenses"_s).toArray();
    if (!keptLicenses.isEmpty() && licenseExpression(keptLicenses, nullptr) == r.license) {
        c.insert(u"licenses"_s, kept(keptLicenses));
        book.written << u"cyclonedx.licenses"_s;
    } else if (!r.license.isEmpty()) {
        c.insert(u"licenses"_s, QJsonArray{QJsonObject{{u"expression"_s, r.license}}});
    }
    QJsonArray references;
    const QJsonArray keptReferences = saved.value(u"cyclonedx.externalReferences"_s).toArray();
    for (const QJsonValue &v : keptReferences) {
        const QJsonObject ref = v.toObject();
        if (referenceTypes().contains(ref.value(u"type"_s).toString()) && ref.value(u"url"_s).isString())
            references << ref;
    }
    if (references.size() == keptReferences.size())
        book.written << u"cyclonedx.externalReferences"_s;
    if (!r.sourceUrl.isEmpty() && sourceUrl(references) != r.sourceUrl) {
        references.prepend(QJsonObject{{u"type"_s, u"website"_s}, {u"url"_s, r.sourceUrl}});
        if (keptReferences.isEmpty())
            book.generated << u"externalReferences"_s;
    }
    if (!references.isEmpty())
        c.insert(u"externalReferences"_s, references);
    if (!r.tags.isEmpty())
        c.insert(u"tags"_s, QJsonArray::fromStringList(r.tags));
    if (!r.purl.isEmpty() && r.kind != RecordKind::Service)
        c.insert(u"purl"_s, r.purl);
    const QJsonArray keptProperties = saved.value(u"cyclonedx.properties"_s).toArray();
    if (!keptProperties.isEmpty()) {
        c.insert(u"properties"_s, keptProperties);
        book.written << u"cyclonedx.properties"_s;
    }
    const QList<RelatedRecord> suppliers = outgoing(s, RelationType::ProvidedBy);
    if (!suppliers.isEmpty())
        c.insert(r.kind == RecordKind::Service ? u"provider"_s : u"supplier"_s, entity(other(suppliers.first())));
}

QJsonObject Writer::modelCard(const RecordSnapshot &s, Bookkeeping &book) const
{
    const Record &r = s.record;
    const QJsonObject original = extras(r).value(u"cyclonedx.modelCard"_s).toObject();
    QJsonObject card = kept(original).toObject();
    book.cardFits = keepAllowed(card, modelCardKeys());
    QJsonObject parameters = card.value(u"modelParameters"_s).toObject();
    QString architecture = parameters.value(u"modelArchitecture"_s).toString().trimmed();
    if (architecture.isEmpty())
        architecture = parameters.value(u"architectureFamily"_s).toString().trimmed();
    const QString wanted = r.attributes.value(u"architecture"_s).toString();
    if (architecture != wanted) {
        parameters.remove(u"architectureFamily"_s);
        if (wanted.isEmpty())
            parameters.remove(u"modelArchitecture"_s);
        else
            parameters.insert(u"modelArchitecture"_s, wanted);
    }
    QJsonArray datasets;
    for (const RelatedRecord &d : outgoing(s, RelationType::TrainedOn))
        datasets << QJsonObject{{u"ref"_s, refFor(other(d))}};
    const QJsonValue keptDatasets = original.value(u"modelParameters"_s).toObject().value(u"datasets"_s);
    if (!original.isEmpty() && keptDatasets != QJsonValue(datasets) &&
        !(keptDatasets.isUndefined() && datasets.isEmpty()))
        book.properties << property(strataPrefix() + u"modelCard.datasets"_s,
                                    extraJson(keptDatasets.isUndefined() ? QJsonValue() : keptDatasets));
    if (datasets.isEmpty())
        parameters.remove(u"datasets"_s);
    else
        parameters.insert(u"datasets"_s, datasets);
    if (parameters.isEmpty() && !original.contains(u"modelParameters"_s))
        card.remove(u"modelParameters"_s);
    else
        card.insert(u"modelParameters"_s, parameters);

    QJsonObject considerations = card.value(u"considerations"_s).toObject();
    const QList<QPair<QString, QString>> lists = {{u"technicalLimitations"_s, u"limitations"_s},
                                                  {u"useCases"_s, u"intended_use"_s}};
    // An AI-BOM states the intended use as a property, which the reader falls back on when useCases is absent.
    const QString intendedProperty =
        propertyValues(extras(r).value(u"cyclonedx.properties"_s).toArray(), u"intendedUse"_s).join(u'\n');
    for (const auto &[key, field] : lists) {
        const QString value = r.attributes.value(field).toString();
        const QJsonValue current = considerations.value(key);
        if (joinLines(current.toArray()) == value ||
            (key == u"useCases"_s && current.isUndefined() && intendedProperty == value))
            continue;
        if (value.isEmpty())
            considerations.remove(key);
        else
            considerations.insert(key, QJsonArray{value});
    }
    if (considerations.isEmpty() && !original.contains(u"considerations"_s))
        card.remove(u"considerations"_s);
    else
        card.insert(u"considerations"_s, considerations);
    return card;
}

QJsonArray Writer::files(const RecordSnapshot &s, Bookkeeping &book) const
{
    QList<Artifact> artifacts = s.artifacts;
    std::sort(artifacts.begin(), artifacts.end(),
              [](const Artifact &a, const Artifact &b) { return a.fileName < b.fileName; });
    QJsonArray out;
    for (const Artifact &a : std::as_const(artifacts)) {
        QJsonObject file{
            {u"type"_s, u"file"_s},
            {u"bom-ref"_s, u"strata:artifact:%1"_s.arg(a.id)},
            {u"name"_s, a.fileName},
            {u"hashes"_s, QJsonArray{QJsonObject{{u"alg"_s, cdxAlgorithm(a.algorithm)}, {u"content"_s, a.digest}}}}};
        if (a.size >= 0)
            file.insert(u"properties"_s, QJsonArray{property(strataPrefix() + u"size"_s, QString::number(a.size))});
        out << file;
    }
    QJsonArray unhashed = kept(extras(s.record).value(u"cyclonedx.files"_s)).toArray();
    book.filesFit = keepAllowed(unhashed, componentKeys());
    for (const QJsonValue &v : std::as_const(unhashed))
        out << v;
    return out;
}

QJsonArray Writer::ancestors(const RecordSnapshot &s) const
{
    QJsonArray out;
    for (const RelatedRecord &p : outgoing(s, RelationType::DerivedFrom)) {
        const Record &parent = other(p);
        QJsonObject stub{{u"type"_s, componentType(parent)}, {u"name"_s, parent.name}};
        if (!parent.version.isEmpty())
            stub.insert(u"version"_s, parent.version);
        stub.insert(u"properties"_s, QJsonArray{property(strataPrefix() + u"ref"_s, refFor(parent)),
                                                property(strataPrefix() + u"derivation"_s, p.relation.subtype)});
        out << stub;
    }
    return out;
}

QJsonObject Writer::component(const RecordSnapshot &s) const
{
    const Record &r = s.record;
    const QJsonObject saved = extras(r);
    QJsonObject c{{u"type"_s, componentType(r)}};
    Bookkeeping book;
    book.written << u"cyclonedx.type"_s;
    addCommon(c, s, book);
    if (saved.value(u"cyclonedx.group"_s).isString()) {
        c.insert(u"group"_s, saved.value(u"cyclonedx.group"_s));
        book.written << u"cyclonedx.group"_s;
    }
    if (r.kind == RecordKind::Model) {
        const QJsonObject card = modelCard(s, book);
        if (!card.isEmpty())
            c.insert(u"modelCard"_s, card);
        if (!card.isEmpty() && !saved.contains(u"cyclonedx.modelCard"_s))
            book.generated << u"modelCard"_s;
        if (book.cardFits)
            book.written << u"cyclonedx.modelCard"_s;
    } else if (r.kind == RecordKind::Dataset) {
        QJsonArray data = kept(extras(r).value(u"cyclonedx.data"_s)).toArray();
        const bool dataFits = keepAllowed(data, dataKeys());
        c.insert(u"data"_s,
                 data.isEmpty() ? QJsonArray{QJsonObject{{u"type"_s, u"dataset"_s}, {u"name"_s, r.name}}} : data);
        if (data.isEmpty())
            book.generated << u"data"_s;
        if (dataFits)
            book.written << u"cyclonedx.data"_s;
    } else if (saved.value(u"cyclonedx.hashes"_s).isArray()) {
        c.insert(u"hashes"_s, saved.value(u"cyclonedx.hashes"_s));
        book.written << u"cyclonedx.hashes"_s;
    }
    QJsonObject pedigree = kept(saved.value(u"cyclonedx.pedigree"_s)).toObject();
    const QJsonArray parents = ancestors(s);
    if (!parents.isEmpty())
        pedigree.insert(u"ancestors"_s, parents);
    if (!pedigree.isEmpty())
        c.insert(u"pedigree"_s, pedigree);
    book.written << u"cyclonedx.pedigree"_s;
    if (r.kind == RecordKind::Model || r.kind == RecordKind::Dataset) {
        const QJsonArray nested = files(s, book);
        if (!nested.isEmpty())
            c.insert(u"components"_s, nested);
        if (book.filesFit)
            book.written << u"cyclonedx.files"_s;
    }
    const QJsonObject otherKeys = saved.value(u"cyclonedx.other"_s).toObject();
    bool allWritten = true;
    for (auto it = otherKeys.constBegin(); it != otherKeys.constEnd(); ++it) {
        if (componentKeys().contains(it.key()) && !c.contains(it.key()))
            c.insert(it.key(), kept(it.value()));
        else
            allWritten = false;
    }
    if (allWritten)
        book.written << u"cyclonedx.other"_s;
    finishProperties(c, s, book);
    return c;
}

QJsonObject Writer::service(const RecordSnapshot &s) const
{
    QJsonObject c;
    Bookkeeping book;
    addCommon(c, s, book);
    const QJsonObject saved = extras(s.record).value(u"cyclonedx.service"_s).toObject();
    bool allWritten = true;
    for (auto it = saved.constBegin(); it != saved.constEnd(); ++it) {
        if (serviceKeys().contains(it.key()) && !c.contains(it.key()))
            c.insert(it.key(), kept(it.value()));
        else
            allWritten = false;
    }
    if (allWritten)
        book.written << u"cyclonedx.service"_s;
    finishProperties(c, s, book);
    return c;
}

void Writer::finishProperties(QJsonObject &c, const RecordSnapshot &s, const Bookkeeping &book) const
{
    const Record &r = s.record;
    QJsonArray properties = c.value(u"properties"_s).toArray();
    // What the reader would make of the component as written so far: every difference becomes a property.
    const MappedFields mapped = mapFields(c, r.kind);
    for (const FieldSpec &spec : fields::allFields(r.kind)) {
        if (spec.key == u"name"_s || spec.key == u"version"_s)
            continue;
        const QString value = fields::fieldText(r, spec.key);
        if (fields::fieldText(mapped.record, spec.key) != value)
            properties << property(strataPrefix() + spec.key, value);
    }
    if (r.placeholder)
        properties << property(strataPrefix() + u"placeholder"_s, u"true"_s);
    for (const QString &generated : book.generated)
        properties << property(strataPrefix() + u"generated"_s, generated);
    for (const QJsonValue &p : book.properties)
        properties << p;
    const QList<QPair<QString, RelationType>> linked = {{u"provided_by"_s, RelationType::ProvidedBy},
                                                        {u"hosted_on"_s, RelationType::HostedOn},
                                                        {u"evaluated_on"_s, RelationType::EvaluatedOn}};
    for (const auto &[key, type] : linked) {
        for (const RelatedRecord &target : outgoing(s, type))
            properties << property(strataPrefix() + key, refFor(other(target)));
    }
    const QJsonObject saved = extras(r);
    for (auto it = saved.constBegin(); it != saved.constEnd(); ++it) {
        if (!book.written.contains(it.key()))
            properties << property(strataPrefix() + u"extra:"_s + it.key(), extraJson(it.value()));
    }
    if (!properties.isEmpty())
        c.insert(u"properties"_s, properties);
}

QJsonArray Writer::supplierProperties() const
{
    QJsonArray out;
    for (const RecordSnapshot &s : m_set.records) {
        const Record &r = s.record;
        if (r.kind != RecordKind::Supplier)
            continue;
        const QString prefix = u"strata:supplier:%1:"_s.arg(r.id);
        for (const FieldSpec &spec : fields::allFields(r.kind)) {
            const QString value = fields::fieldText(r, spec.key);
            if (!value.isEmpty())
                out << property(prefix + spec.key, value);
        }
        if (r.placeholder)
            out << property(prefix + u"placeholder"_s, u"true"_s);
        const QJsonObject saved = extras(r);
        for (auto it = saved.constBegin(); it != saved.constEnd(); ++it)
            out << property(prefix + u"extra:"_s + it.key(), extraJson(it.value()));
    }
    return out;
}

QJsonArray Writer::dependencies() const
{
    QJsonArray out;
    for (const RecordSnapshot &s : m_set.records) {
        if (s.record.kind == RecordKind::Supplier)
            continue;
        QJsonObject entry{{u"ref"_s, refFor(s.record)}};
        QJsonArray targets;
        for (const RelatedRecord &d : outgoing(s, RelationType::DependsOn))
            targets << refFor(other(d));
        if (!targets.isEmpty())
            entry.insert(u"dependsOn"_s, targets);
        out << entry;
    }
    return out;
}

QJsonObject Writer::document()
{
    QJsonObject metadata;
    if (m_set.timestamp.isValid())
        metadata.insert(u"timestamp"_s, m_set.timestamp.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss'Z'"_s));
    QJsonObject tool{{u"type"_s, u"application"_s}, {u"name"_s, u"Strata"_s}};
    if (!m_set.toolVersion.isEmpty())
        tool.insert(u"version"_s, m_set.toolVersion);
    metadata.insert(u"tools"_s, QJsonObject{{u"components"_s, QJsonArray{tool}}});

    QJsonArray components;
    QJsonArray services;
    for (const RecordSnapshot &s : m_set.records) {
        const bool scope = s.record.id == m_set.scopeId;
        switch (s.record.kind) {
        case RecordKind::Supplier:
            if (scope)
                metadata.insert(u"supplier"_s, entity(s.record));
            break;
        case RecordKind::Service:
            services << service(s);
            break;
        default:
            if (scope)
                metadata.insert(u"component"_s, component(s));
            else
                components << component(s);
        }
        if (scope && s.record.kind != RecordKind::Supplier) {
            const QList<RelatedRecord> suppliers = outgoing(s, RelationType::ProvidedBy);
            if (!suppliers.isEmpty())
                metadata.insert(u"supplier"_s, entity(other(suppliers.first())));
        }
    }

    QJsonObject root{{u"$schema"_s, u"http://cyclonedx.org/schema/bom-1.6.schema.json"_s},
                     {u"bomFormat"_s, u"CycloneDX"_s},
                     {u"specVersion"_s, u"1.6"_s},
                     {u"version"_s, 1},
                     {u"metadata"_s, metadata}};
    if (!components.isEmpty())
        root.insert(u"components"_s, components);
    if (!services.isEmpty())
        root.insert(u"services"_s, services);
    const QJsonArray deps = dependencies();
    if (!deps.isEmpty())
        root.insert(u"dependencies"_s, deps);
    const QJsonArray suppliers = supplierProperties();
    if (!suppliers.isEmpty())
        root.insert(u"properties"_s, suppliers);
    return root;
}

} // namespace

Result<QByteArray> CycloneDxWriter::write(const ExportSet &set)
{
    Writer writer(set);
    QJsonObject root = writer.document();
    const QByteArray withoutSerial = QJsonDocument(root).toJson(QJsonDocument::Indented);
    root.insert(u"serialNumber"_s, uuidFromDigest(Sha256::hex(withoutSerial)));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace strata
