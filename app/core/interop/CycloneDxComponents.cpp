// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/CycloneDxComponents.h"

#include "domain/Fields.h"
#include "interop/CycloneDxElements.h"
#include "interop/CycloneDxMapping.h"
#include "interop/CycloneDxReader.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata::cyclonedx {

namespace {

constexpr int kCancelStride = 256;

QString text(const QJsonObject &o, const QString &key)
{
    return o.value(key).toString();
}

/// Component and service keys the reader maps or keeps under their own extras key; the rest is kept whole.
const QSet<QString> &mappedComponentKeys()
{
    static const QSet<QString> keys = [] {
        const QStringList list = QStringLiteral(u"type bom-ref name version description licenses purl tags properties "
                                                u"modelCard data group hashes pedigree components supplier "
                                                u"externalReferences")
                                     .split(u' ');
        return QSet<QString>(list.cbegin(), list.cend());
    }();
    return keys;
}

const QSet<QString> &mappedServiceKeys()
{
    static const QSet<QString> keys = [] {
        const QStringList list =
            QStringLiteral(u"bom-ref name version description licenses externalReferences tags properties services "
                           u"provider")
                .split(u' ');
        return QSet<QString>(list.cbegin(), list.cend());
    }();
    return keys;
}

/// trained_on and/or evaluated_on for a dataset an AI-BOM generator nests under a model with a "usage" property.
QPair<bool, bool> usageRelations(const QJsonArray &properties)
{
    bool trained = false;
    bool evaluated = false;
    for (const QString &usage : propertyValues(properties, u"usage"_s)) {
        for (const QString &part : usage.split(u'|', Qt::SkipEmptyParts)) {
            const QString t = part.trimmed().toLower();
            // Calibration data shapes the weights of a quantized model, so it counts as training data.
            if (t.contains(u"train"_s) || t.contains(u"fine-tun"_s) || t.contains(u"finetun"_s) ||
                t.contains(u"calibrat"_s))
                trained = true;
            if (t.contains(u"eval"_s) || t.contains(u"test"_s) || t.contains(u"valid"_s) || t.contains(u"bench"_s))
                evaluated = true;
        }
    }
    if (!trained && !evaluated)
        trained = true; // no stated usage: the generator lists what the model was built with
    return {trained, evaluated};
}

} // namespace

ComponentMapper::ComponentMapper(
    const QString &fileName, const ImportLimits &limits, const BomRefs &refs, const QString &documentKey, Mode mode)
    : m_file(fileName)
    , m_documentKey(documentKey)
    , m_limits(limits)
    , m_refs(refs)
    , m_mode(mode)
{
}

Error ComponentMapper::fail(const QString &path, const QString &reason) const
{
    return documentError(m_file, path, reason);
}

void ComponentMapper::warn(const QString &path, const QString &message)
{
    if (m_mode != Mode::Replay)
        m_doc.warnings << CycloneDxReader::tr("%1, at %2: %3").arg(m_file, path, message);
}

Status ComponentMapper::checkCancel()
{
    if (m_limits.cancelled())
        return Error{ErrorCode::Cancelled, CycloneDxReader::tr("The import of %1 was cancelled.").arg(m_file)};
    return Ok{};
}

QString ComponentMapper::uniqueRef(const QString &base)
{
    QString ref = base;
    for (int n = 2; m_refs.contains(ref) || m_recordIndex.contains(ref) || m_usedRefs.contains(ref); ++n)
        ref = u"%1#%2"_s.arg(base).arg(n);
    m_usedRefs.insert(ref);
    return ref;
}

QString ComponentMapper::autoRef(const QString &path)
{
    return uniqueRef(u"auto:%1:%2"_s.arg(m_documentKey, path));
}

int ComponentMapper::addRecord(ImportedRecord record)
{
    const int index = static_cast<int>(m_refAt.size());
    m_recordIndex.insert(record.ref, index);
    m_refAt << record.ref;
    m_kindAt << record.record.kind;
    m_open.emplace_hint(m_open.end(), index, std::move(record));
    return index;
}

void ComponentMapper::relate(int from, RelationType type, int to, const QString &subtype, const QString &location)
{
    if (m_mode == Mode::Replay)
        return; // the first pass kept the relations
    m_doc.relations << ImportedRelation{m_refAt.at(from), type, m_refAt.at(to), subtype, location};
    if (type == RelationType::DependsOn)
        m_dependsOn.push_back({from, to});
}

void ComponentMapper::addPending(Pending pending)
{
    if (m_mode != Mode::Replay)
        m_pending << std::move(pending);
}

int ComponentMapper::resolve(const QString &ref) const
{
    QString r = ref;
    for (int hops = 0; hops < 8; ++hops) {
        const auto record = m_recordIndex.constFind(r);
        if (record != m_recordIndex.cend())
            return record.value();
        const auto alias = m_alias.constFind(r);
        if (alias == m_alias.cend())
            return -1;
        r = alias.value();
    }
    return -1;
}

Status ComponentMapper::drain(QList<Item> &stack)
{
    while (!stack.isEmpty()) {
        const Item item = stack.takeLast();
        if (Status s = visit(item, stack); !s)
            return s;
    }
    return Ok{};
}

Status ComponentMapper::readComponents(const BomElements &bom)
{
    const QJsonObject metadata = bom.root().value(u"metadata"_s).toObject();
    QList<Item> stack;
    const QJsonValue tools = metadata.value(u"tools"_s).toObject().value(u"components"_s);
    if (!tools.isUndefined() && !tools.isArray())
        return fail(u"metadata.tools.components"_s, CycloneDxReader::tr("the tool components must be an array."));
    // The order records get: metadata.component, then each top-level component with everything nested in it,
    // then the tools.
    if (metadata.contains(u"component"_s)) {
        stack << Item{metadata.value(u"component"_s), u"metadata.component"_s, 1, -1, Role::Metadata};
        if (Status s = drain(stack); !s)
            return s;
        if (Status s = flush(); !s)
            return s;
    }
    const qsizetype count = bom.count(u"components"_s);
    m_topLevel = static_cast<int>(count);
    for (qsizetype i = 0; i < count; ++i) {
        Result<QJsonValue> component = bom.at(u"components"_s, i);
        if (!component)
            return component.error();
        stack << Item{component.value(), u"components[%1]"_s.arg(i), 1, -1, Role::Top};
        if (Status s = drain(stack); !s)
            return s;
        // Everything that component made is complete (only suppliers change later): hand it over or drop it.
        if (Status s = flush(); !s)
            return s;
    }
    for (qsizetype i = tools.toArray().size() - 1; i >= 0; --i)
        stack << Item{tools.toArray().at(i), u"metadata.tools.components[%1]"_s.arg(i), 1, -1, Role::Tool};
    if (Status s = drain(stack); !s)
        return s;
    if (m_strataSuppliers)
        return Ok{}; // a Strata export names its suppliers itself
    for (const QString &key : {u"supplier"_s, u"manufacturer"_s, u"manufacture"_s}) {
        const QJsonValue entity = metadata.value(key);
        if (entity.isUndefined())
            continue;
        const QString path = u"metadata."_s + key;
        if (!entity.isObject())
            return fail(path, CycloneDxReader::tr("%1 must be an organization object.").arg(key));
        const QString ref = supplier(text(entity.toObject(), u"name"_s),
                                     entity.toObject().value(u"url"_s).toArray().at(0).toString(), path);
        if (!ref.isEmpty() && m_metadataIndex >= 0)
            relate(m_metadataIndex, RelationType::ProvidedBy, m_recordIndex.value(ref), {}, path);
    }
    return Ok{};
}

Status ComponentMapper::checkComponent(const Item &item, const ComponentView &c)
{
    const QJsonValue type = c[ComponentView::Type];
    if (!type.isString())
        return fail(item.path + u".type"_s, CycloneDxReader::tr("the component type is missing; every component "
                                                                "states one, such as \"library\"."));
    if (!isComponentType(type.toString()))
        return fail(item.path + u".type"_s,
                    CycloneDxReader::tr("\"%1\" is not a CycloneDX component type; use application, framework, "
                                        "library, container, platform, operating-system, device, device-driver, "
                                        "firmware, file, machine-learning-model, data or cryptographic-asset.")
                        .arg(type.toString()));
    if (!c[ComponentView::Name].isString())
        return fail(item.path + u".name"_s, CycloneDxReader::tr("the name is missing; every component needs one."));
    if (c.text(ComponentView::Name).trimmed().isEmpty())
        return fail(item.path + u".name"_s, CycloneDxReader::tr("the name is empty; every component needs one."));
    if (c.has(ComponentView::Version) && !c[ComponentView::Version].isString())
        return fail(item.path + u".version"_s,
                    CycloneDxReader::tr("the version must be a string (write \"1.0\", not 1.0)."));
    const QJsonValue properties = c[ComponentView::Properties];
    if (!properties.isUndefined() && !properties.isArray())
        return fail(item.path + u".properties"_s, CycloneDxReader::tr("properties must be an array."));
    for (qsizetype i = 0; i < properties.toArray().size(); ++i) {
        if (!properties.toArray().at(i).toObject().value(u"name"_s).isString())
            return fail(u"%1.properties[%2].name"_s.arg(item.path).arg(i),
                        CycloneDxReader::tr("a property needs a name."));
    }
    if (item.depth > m_limits.maxDepth)
        return fail(item.path, CycloneDxReader::tr("components are nested more than %1 levels deep here, more than "
                                                   "an import accepts; flatten the BOM or raise the depth limit.")
                                   .arg(m_limits.maxDepth));
    if (++m_components > m_limits.maxRecords)
        return fail(item.path, CycloneDxReader::tr("the BOM describes more than %1 components and services, more "
                                                   "than an import accepts; split it or raise the record limit.")
                                   .arg(m_limits.maxRecords));
    if (m_components % kCancelStride == 0)
        return checkCancel();
    return Ok{};
}

Status ComponentMapper::visit(const Item &item, QList<Item> &stack)
{
    if (!item.value.isObject())
        return fail(item.path, CycloneDxReader::tr("a component must be a JSON object."));
    const ComponentView c(item.value.toObject());
    if (Status s = checkComponent(item, c); !s)
        return s;
    if (item.role == Role::Top && m_limits.progress) {
        const int before = 300 + 600 * m_topDone / std::max(1, m_topLevel);
        const int after = 300 + 600 * ++m_topDone / std::max(1, m_topLevel);
        if (after != before)
            m_limits.progress(after);
    }
    if (item.role == Role::Tool)
        return pushChildren(c, item, -1, true, stack);
    const QJsonArray properties = c[ComponentView::Properties].toArray();
    const QStringList target = propertyValues(properties, strataPrefix() + u"ref"_s);
    if (!target.isEmpty() && (item.role == Role::Ancestor || item.role == Role::Descendant)) {
        if (Status s = mapStub(item, c, target.first()); !s)
            return s;
        return pushChildren(c, item, -1, true, stack);
    }

    const QString type = c.text(ComponentView::Type);
    const int owner = item.owner;
    const bool ownerHoldsFiles =
        owner >= 0 && (m_kindAt.at(owner) == RecordKind::Model || m_kindAt.at(owner) == RecordKind::Dataset);
    if (type == u"file"_s && item.role == Role::Nested && ownerHoldsFiles) {
        addFile(c, owner, item.path);
        if (c.has(ComponentView::BomRef))
            m_alias.insert(c.text(ComponentView::BomRef), m_refAt.at(owner));
        return pushChildren(c, item, -1, true, stack);
    }

    const RecordKind kind = kindForType(type);
    const MappedFields m = mapFields(c, kind);
    if (!m.invalidKey.isEmpty())
        return fail(u"%1.%2"_s.arg(item.path, m.invalidKey), m.invalidReason);
    const int index = addRecord(buildRecord(c, m, item.path));
    if (item.role == Role::Metadata)
        m_metadataIndex = index;
    if (kind == RecordKind::Model) {
        OwnerInfo info;
        for (const QString &tag : declaredTags(c)) {
            const QStringList parts = tag.split(u':');
            if (parts.size() >= 3 && parts.at(0) == u"base_model"_s && derivationKinds().contains(parts.at(1)))
                info.baseModelTags << qMakePair(parts.at(1), parts.mid(2).join(u':'));
        }
        info.ancestors = static_cast<int>(c[ComponentView::Pedigree].toObject().value(u"ancestors"_s).toArray().size());
        m_owners.insert(index, info);
    }
    if (Status s = relateToOwner(item, c, index); !s)
        return s;
    if (Status s = linkSuppliers(c, index, item.path); !s)
        return s;
    if (Status s = linkStrataProperties(properties, index, item.path); !s)
        return s;
    if (Status s = readModelCard(c, index, item.path); !s)
        return s;
    if (Status s = readData(c, index, item.path); !s)
        return s;
    return pushChildren(c, item, index, false, stack);
}

Status ComponentMapper::pushChildren(
    const ComponentView &c, const Item &item, int owner, bool validateOnly, QList<Item> &stack)
{
    const auto push = [&](const QJsonValue &list, const QString &path, Role role) -> Status {
        if (list.isUndefined())
            return Ok{};
        if (!list.isArray())
            return fail(path, CycloneDxReader::tr("this must be an array of components."));
        const QJsonArray children = list.toArray();
        for (qsizetype i = children.size() - 1; i >= 0; --i)
            stack << Item{children.at(i), u"%1[%2]"_s.arg(path).arg(i), item.depth + 1, owner,
                          validateOnly ? Role::Tool : role};
        return Ok{};
    };
    // Pushed in reverse, so that they are visited in document order: components first, then the pedigree.
    const QJsonValue pedigree = c[ComponentView::Pedigree];
    if (!pedigree.isUndefined() && !pedigree.isObject())
        return fail(item.path + u".pedigree"_s, CycloneDxReader::tr("pedigree must be an object."));
    const QJsonObject p = pedigree.toObject();
    const QString at = item.path + u".pedigree."_s;
    if (Status s = push(p.value(u"variants"_s), at + u"variants"_s, Role::Descendant); !s)
        return s;
    if (Status s = push(p.value(u"descendants"_s), at + u"descendants"_s, Role::Descendant); !s)
        return s;
    if (Status s = push(p.value(u"ancestors"_s), at + u"ancestors"_s, Role::Ancestor); !s)
        return s;
    return push(c[ComponentView::Components], item.path + u".components"_s, Role::Nested);
}

Status ComponentMapper::relateToOwner(const Item &item, const ComponentView &c, int index)
{
    const int owner = item.owner;
    switch (item.role) {
    case Role::Nested:
        if (m_kindAt.at(owner) == RecordKind::Model && m_kindAt.at(index) == RecordKind::Dataset) {
            const auto [trained, evaluated] = usageRelations(c[ComponentView::Properties].toArray());
            if (trained)
                relate(owner, RelationType::TrainedOn, index, {}, item.path);
            if (evaluated)
                relate(owner, RelationType::EvaluatedOn, index, {}, item.path);
        } else {
            relate(owner, RelationType::DependsOn, index, {}, item.path);
        }
        break;
    case Role::Ancestor:
        relate(owner, RelationType::DerivedFrom, index, derivation(c, owner), item.path);
        break;
    case Role::Descendant:
        relate(index, RelationType::DerivedFrom, owner,
               propertyValues(c[ComponentView::Properties].toArray(), strataPrefix() + u"derivation"_s).value(0),
               item.path);
        break;
    case Role::Metadata:
    case Role::Top:
    case Role::Tool:
        break;
    }
    return Ok{};
}

Status ComponentMapper::mapStub(const Item &item, const ComponentView &c, const QString &target)
{
    if (!m_refs.contains(target))
        return fail(item.path + u".properties"_s,
                    CycloneDxReader::tr("strata:ref names \"%1\", which is not the bom-ref of any element of the "
                                        "BOM.")
                        .arg(target));
    if (c.has(ComponentView::BomRef))
        m_alias.insert(c.text(ComponentView::BomRef), target);
    const QString owner = m_refAt.at(item.owner);
    if (item.role == Role::Ancestor)
        addPending({owner, RelationType::DerivedFrom, target, derivation(c, item.owner), item.path});
    else
        addPending(
            Pending{target, RelationType::DerivedFrom, owner,
                    propertyValues(c[ComponentView::Properties].toArray(), strataPrefix() + u"derivation"_s).value(0),
                    item.path});
    return Ok{};
}

QString ComponentMapper::derivation(const ComponentView &ancestor, int child) const
{
    const QStringList stated =
        propertyValues(ancestor[ComponentView::Properties].toArray(), strataPrefix() + u"derivation"_s);
    if (!stated.isEmpty())
        return stated.first().trimmed().toLower();
    const OwnerInfo info = m_owners.value(child);
    const QString name = ancestor.text(ComponentView::Name).trimmed();
    QStringList urls;
    for (const QJsonValue &ref : ancestor[ComponentView::ExternalReferences].toArray())
        urls << ref.toObject().value(u"url"_s).toString();
    for (const auto &[kind, base] : info.baseModelTags) {
        const bool named =
            base.compare(name, Qt::CaseInsensitive) == 0 || base.endsWith(u"/%1"_s.arg(name), Qt::CaseInsensitive);
        const bool linked = std::any_of(urls.cbegin(), urls.cend(), [&base = base](const QString &url) {
            return url.endsWith(u"/%1"_s.arg(base), Qt::CaseInsensitive);
        });
        if (named || linked)
            return kind;
    }
    if (info.baseModelTags.size() == 1 && info.ancestors == 1)
        return info.baseModelTags.first().first;
    return {};
}

void ComponentMapper::addFile(const ComponentView &c, int owner, const QString &path)
{
    ImportedRecord &record = m_open.at(owner); // the owner is still open: its drain is not finished
    const QJsonArray hashes = c[ComponentView::Hashes].toArray();
    const int best = preferredHash(hashes);
    const QString name = c.text(ComponentView::Name).trimmed();
    if (best >= 0 && name.size() <= 1000) {
        const bool taken = std::any_of(record.artifacts.cbegin(), record.artifacts.cend(),
                                       [&name](const Artifact &a) { return a.fileName == name; });
        if (!taken) {
            Artifact a;
            a.fileName = name;
            a.algorithm = artifactAlgorithm(text(hashes.at(best).toObject(), u"alg"_s));
            a.digest = text(hashes.at(best).toObject(), u"content"_s).toLower();
            bool ok = false;
            const qint64 size = propertyValues(c[ComponentView::Properties].toArray(), strataPrefix() + u"size"_s)
                                    .value(0)
                                    .toLongLong(&ok);
            a.size = ok && size >= 0 ? size : -1;
            record.artifacts << a;
            return;
        }
        warn(path, CycloneDxReader::tr("%1 already has a file named \"%2\"; this one was kept in its extras "
                                       "(\"cyclonedx.files\").")
                       .arg(record.record.name, name));
    }
    if (m_filesKept.contains(record.ref))
        return;
    QJsonArray files = record.extras.value(u"cyclonedx.files"_s).toArray();
    files << c.object();
    record.extras.insert(u"cyclonedx.files"_s, files);
}

ImportedRecord ComponentMapper::buildRecord(const ComponentView &c, const MappedFields &m, const QString &path)
{
    ImportedRecord r;
    r.record = m.record;
    r.statedFields = m.stated;
    r.location = path;
    r.ref = c.has(ComponentView::BomRef) ? c.text(ComponentView::BomRef) : autoRef(path);
    // A large BOM repeats the same stated fields and attributes, and its bom-refs are already in m_refs: share
    // one copy of each (implicitly shared Qt values) instead of keeping tens of thousands of equal ones.
    if (const auto known = m_refs.constFind(r.ref); known != m_refs.cend())
        r.ref = *known;
    if (r.statedFields == m_lastStated)
        r.statedFields = m_lastStated;
    else
        m_lastStated = r.statedFields;
    if (r.record.attributes == m_lastAttributes)
        r.record.attributes = m_lastAttributes;
    else
        m_lastAttributes = r.record.attributes;
    for (const QString &problem : m.problems)
        warn(path, problem);
    if (!m.unmapped.isEmpty())
        r.extras.insert(u"cyclonedx.unmapped"_s, m.unmapped);
    const RecordKind kind = m.record.kind;
    const bool isService = kind == RecordKind::Service;
    const QSet<QString> &mapped = isService ? mappedServiceKeys() : mappedComponentKeys();
    QJsonObject other;
    for (const auto &[key, value] : c.entries()) {
        if (!mapped.contains(key))
            other.insert(key, value);
    }
    if (!other.isEmpty())
        r.extras.insert(isService ? u"cyclonedx.service"_s : u"cyclonedx.other"_s, other);
    // What a Strata export made up from fields and relations (rather than kept from an import) is not kept again.
    const QJsonArray properties = c[ComponentView::Properties].toArray();
    r.record.placeholder = propertyValues(properties, strataPrefix() + u"placeholder"_s).value(0) == u"true"_s;
    const QStringList generated = propertyValues(properties, strataPrefix() + u"generated"_s);
    static const QList<QPair<QString, ComponentView::Key>> keptWhole = {
        {u"modelCard"_s, ComponentView::ModelCard},
        {u"data"_s, ComponentView::Data},
        {u"externalReferences"_s, ComponentView::ExternalReferences},
        {u"group"_s, ComponentView::Group}};
    for (const auto &[key, viewKey] : keptWhole) {
        const QJsonValue v = c[viewKey];
        if (!v.isUndefined() && !(v.isArray() && v.toArray().isEmpty()) && !generated.contains(key))
            r.extras.insert(u"cyclonedx."_s + key, v);
    }
    // An export rewrites the model card's datasets to its own refs and says what the kept card had.
    QJsonValue datasets;
    const QStringList keptDatasets = propertyValues(properties, strataPrefix() + u"modelCard.datasets"_s);
    if (!keptDatasets.isEmpty() && r.extras.contains(u"cyclonedx.modelCard"_s) &&
        parseExtra(keptDatasets.first(), &datasets)) {
        QJsonObject card = r.extras.value(u"cyclonedx.modelCard"_s).toObject();
        QJsonObject parameters = card.value(u"modelParameters"_s).toObject();
        if (datasets.isNull())
            parameters.remove(u"datasets"_s);
        else
            parameters.insert(u"datasets"_s, datasets);
        if (parameters.isEmpty())
            card.remove(u"modelParameters"_s);
        else
            card.insert(u"modelParameters"_s, parameters);
        r.extras.insert(u"cyclonedx.modelCard"_s, card);
    }
    if (m.licensesLossy)
        r.extras.insert(u"cyclonedx.licenses"_s, c[ComponentView::Licenses]);
    const QString type = c.text(ComponentView::Type);
    if (kind == RecordKind::Software && softwareTypeFor(type) == u"tool"_s && type != u"application"_s)
        r.extras.insert(u"cyclonedx.type"_s, type);
    QJsonObject pedigree = c[ComponentView::Pedigree].toObject();
    for (const QString &key : {u"ancestors"_s, u"descendants"_s, u"variants"_s})
        pedigree.remove(key);
    if (!pedigree.isEmpty())
        r.extras.insert(u"cyclonedx.pedigree"_s, pedigree);

    const QJsonArray hashes = c[ComponentView::Hashes].toArray();
    const int best = preferredHash(hashes);
    if ((kind == RecordKind::Model || kind == RecordKind::Dataset) && best >= 0) {
        const QString name = c.text(ComponentView::Name).trimmed();
        const QString version = c.text(ComponentView::Version).trimmed();
        Artifact a;
        a.fileName = version.isEmpty() ? name : u"%1@%2"_s.arg(name, version);
        a.algorithm = artifactAlgorithm(text(hashes.at(best).toObject(), u"alg"_s));
        a.digest = text(hashes.at(best).toObject(), u"content"_s).toLower();
        r.artifacts << a;
    } else if (!hashes.isEmpty()) {
        r.extras.insert(u"cyclonedx.hashes"_s, hashes);
    }

    QJsonArray kept;
    const QString extraPrefix = strataPrefix() + u"extra:"_s;
    for (const QJsonValue &v : properties) {
        const QString name = text(v.toObject(), u"name"_s);
        QJsonValue extra;
        if (!name.startsWith(strataPrefix()))
            kept << v;
        else if (name.startsWith(extraPrefix) && parseExtra(text(v.toObject(), u"value"_s), &extra)) {
            r.extras.insert(name.mid(extraPrefix.size()), extra);
            if (name.mid(extraPrefix.size()) == u"cyclonedx.files"_s)
                m_filesKept.insert(r.ref); // the nested files without hashes are already in it
        } else if (name.startsWith(extraPrefix))
            warn(
                path,
                CycloneDxReader::tr("the property %1 does not hold the JSON Strata writes; it was ignored.").arg(name));
    }
    if (!kept.isEmpty())
        r.extras.insert(u"cyclonedx.properties"_s, kept);
    return r;
}

} // namespace strata::cyclonedx
