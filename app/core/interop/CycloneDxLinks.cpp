// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// The parts of ComponentMapper that connect records: model cards, data, suppliers, services, and the
// resolution of references once every element of the document is known.
#include "domain/Fields.h"
#include "interop/CycloneDxComponents.h"
#include "interop/CycloneDxElements.h"
#include "interop/CycloneDxMapping.h"
#include "interop/CycloneDxReader.h"

#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace strata::cyclonedx {

namespace {

constexpr int kMaxListedCycles = 5;
constexpr int kMaxCycleSteps = 8; ///< a long cycle is shown by its ends: a-> b -> ... -> y -> a

QString text(const QJsonObject &o, const QString &key)
{
    return o.value(key).toString();
}

} // namespace

Status ComponentMapper::readModelCard(const ComponentView &c, int index, const QString &path)
{
    const QJsonValue value = c[ComponentView::ModelCard];
    if (value.isUndefined())
        return Ok{};
    const QString at = path + u".modelCard"_s;
    if (!value.isObject())
        return fail(at, CycloneDxReader::tr("modelCard must be an object."));
    const QJsonObject card = value.toObject();
    const QString modelRef = m_refAt.at(index);
    if (card.value(u"bom-ref"_s).isString())
        m_alias.insert(text(card, u"bom-ref"_s), modelRef);
    const QJsonValue parameters = card.value(u"modelParameters"_s);
    if (!parameters.isUndefined() && !parameters.isObject())
        return fail(at + u".modelParameters"_s, CycloneDxReader::tr("modelParameters must be an object."));
    const QJsonValue datasets = parameters.toObject().value(u"datasets"_s);
    if (!datasets.isUndefined() && !datasets.isArray())
        return fail(at + u".modelParameters.datasets"_s, CycloneDxReader::tr("datasets must be an array."));
    const QJsonArray list = datasets.toArray();
    for (int i = 0; i < list.size(); ++i) {
        const QString where = u"%1.modelParameters.datasets[%2]"_s.arg(at).arg(i);
        if (!list.at(i).isObject())
            return fail(where, CycloneDxReader::tr("a dataset must be an object: {\"ref\": ...} or a dataset "
                                                   "description."));
        const QJsonObject entry = list.at(i).toObject();
        if (entry.contains(u"ref"_s)) {
            const QString ref = text(entry, u"ref"_s);
            if (!m_refs.contains(ref))
                return fail(where + u".ref"_s,
                            CycloneDxReader::tr("\"%1\" is not the bom-ref of any component in the BOM; add the "
                                                "dataset component or remove the reference.")
                                .arg(ref));
            addPending({modelRef, RelationType::TrainedOn, ref, QString(), where});
            continue;
        }
        if (!isDataType(text(entry, u"type"_s)))
            return fail(where + u".type"_s,
                        CycloneDxReader::tr("\"%1\" is not a data type; use source-code, configuration, dataset, "
                                            "definition or other.")
                            .arg(text(entry, u"type"_s)));
        const MappedFields m = mapInlineDataset(entry);
        if (!m.invalidKey.isEmpty()) {
            warn(where, CycloneDxReader::tr("a dataset described without a usable name stays only in the model "
                                            "card: %1")
                            .arg(m.invalidReason));
            continue;
        }
        ImportedRecord dataset;
        dataset.record = m.record;
        dataset.statedFields = m.stated;
        dataset.location = where;
        dataset.ref = entry.contains(u"bom-ref"_s) ? text(entry, u"bom-ref"_s) : autoRef(where);
        dataset.extras.insert(u"cyclonedx.data"_s, QJsonArray{entry});
        if (!m.unmapped.isEmpty())
            dataset.extras.insert(u"cyclonedx.unmapped"_s, m.unmapped);
        for (const QString &problem : m.problems)
            warn(where, problem);
        relate(index, RelationType::TrainedOn, addRecord(dataset), {}, where);
    }
    return Ok{};
}

Status ComponentMapper::readData(const ComponentView &c, int index, const QString &path)
{
    const QJsonValue value = c[ComponentView::Data];
    if (value.isUndefined())
        return Ok{};
    if (!value.isArray())
        return fail(path + u".data"_s, CycloneDxReader::tr("data must be an array."));
    const QJsonArray list = value.toArray();
    for (int i = 0; i < list.size(); ++i) {
        const QString where = u"%1.data[%2]"_s.arg(path).arg(i);
        const QJsonObject entry = list.at(i).toObject();
        if (!isDataType(text(entry, u"type"_s)))
            return fail(where + u".type"_s,
                        CycloneDxReader::tr("\"%1\" is not a data type; use source-code, configuration, dataset, "
                                            "definition or other.")
                            .arg(text(entry, u"type"_s)));
        if (entry.value(u"bom-ref"_s).isString())
            m_alias.insert(text(entry, u"bom-ref"_s), m_refAt.at(index));
    }
    return Ok{};
}

QString ComponentMapper::supplier(const QString &name, const QString &url, const QString &location)
{
    const QString clean = name.simplified();
    if (clean.isEmpty())
        return {};
    const QString key = clean.toCaseFolded();
    const QString website = isHttpUrl(url.trimmed()) ? url.trimmed() : QString();
    const auto known = m_supplier.constFind(key);
    if (known != m_supplier.cend()) {
        ImportedRecord &existing = m_open.at(m_recordIndex.value(known.value())); // suppliers stay open
        if (existing.record.attributes.value(u"website"_s).toString().isEmpty() && !website.isEmpty() &&
            fields::setField(existing.record, u"website"_s, website).ok())
            existing.statedFields << u"website"_s;
        return known.value();
    }
    ImportedRecord s;
    s.record.kind = RecordKind::Supplier;
    if (Status st = fields::setField(s.record, u"name"_s, clean); !st) {
        warn(location,
             CycloneDxReader::tr("the supplier \"%1\" was not imported: %2").arg(clean.left(80), st.error().message));
        return {};
    }
    s.statedFields = {u"name"_s, u"version"_s};
    if (!website.isEmpty() && fields::setField(s.record, u"website"_s, website).ok())
        s.statedFields << u"website"_s;
    s.ref = uniqueRef(u"supplier:"_s + key);
    s.location = location;
    m_supplier.insert(key, s.ref);
    addRecord(s);
    return s.ref;
}

Status ComponentMapper::linkSuppliers(const ComponentView &c, int index, const QString &path)
{
    const QStringList stated =
        propertyValues(c[ComponentView::Properties].toArray(), strataPrefix() + u"provided_by"_s);
    if (!stated.isEmpty()) {
        for (const QString &ref : stated) {
            const int supplierIndex = m_recordIndex.value(ref, -1);
            if (supplierIndex < 0 || m_kindAt.at(supplierIndex) != RecordKind::Supplier)
                return fail(path + u".properties"_s,
                            CycloneDxReader::tr("strata:provided_by names \"%1\", which no strata:supplier property "
                                                "of the BOM describes.")
                                .arg(ref));
            relate(index, RelationType::ProvidedBy, supplierIndex, {}, path + u".properties"_s);
        }
        return Ok{};
    }
    QList<QPair<QString, QString>> found; // (name, url, in the order the document states them)
    QStringList where;
    static const QList<QPair<QString, ComponentView::Key>> entities = {{u"supplier"_s, ComponentView::Supplier},
                                                                       {u"manufacturer"_s, ComponentView::Manufacturer},
                                                                       {u"provider"_s, ComponentView::Provider}};
    for (const auto &[key, viewKey] : entities) {
        const QJsonValue entity = c[viewKey];
        if (entity.isUndefined())
            continue;
        if (!entity.isObject())
            return fail(u"%1.%2"_s.arg(path, key), CycloneDxReader::tr("%1 must be an organization object.").arg(key));
        found << qMakePair(text(entity.toObject(), u"name"_s),
                           entity.toObject().value(u"url"_s).toArray().at(0).toString());
        where << u"%1.%2"_s.arg(path, key);
    }
    for (const auto &[key, viewKey] :
         {qMakePair(u"publisher"_s, ComponentView::Publisher), qMakePair(u"author"_s, ComponentView::Author)}) {
        if (c[viewKey].isString()) {
            found << qMakePair(c.text(viewKey), QString());
            where << u"%1.%2"_s.arg(path, key);
        }
    }
    const QJsonValue authors = c[ComponentView::Authors];
    if (!authors.isUndefined() && !authors.isArray())
        return fail(path + u".authors"_s, CycloneDxReader::tr("authors must be an array of contacts."));
    for (qsizetype i = 0; i < authors.toArray().size(); ++i) {
        found << qMakePair(text(authors.toArray().at(i).toObject(), u"name"_s), QString());
        where << u"%1.authors[%2]"_s.arg(path).arg(i);
    }
    QStringList linked;
    for (qsizetype i = 0; i < found.size(); ++i) {
        const QString ref = supplier(found.at(i).first, found.at(i).second, where.at(i));
        if (ref.isEmpty() || linked.contains(ref))
            continue;
        linked << ref;
        relate(index, RelationType::ProvidedBy, m_recordIndex.value(ref), {}, where.at(i));
    }
    return Ok{};
}

Status ComponentMapper::linkStrataProperties(const QJsonArray &properties, int index, const QString &path)
{
    static const QList<QPair<QString, RelationType>> keys = {{u"hosted_on"_s, RelationType::HostedOn},
                                                             {u"evaluated_on"_s, RelationType::EvaluatedOn}};
    for (const auto &[key, type] : keys) {
        for (const QString &target : propertyValues(properties, strataPrefix() + key)) {
            if (!m_refs.contains(target))
                return fail(path + u".properties"_s,
                            CycloneDxReader::tr("strata:%1 names \"%2\", which is not the bom-ref of any element of "
                                                "the BOM.")
                                .arg(key, target));
            addPending({m_refAt.at(index), type, target, QString(), path + u".properties"_s});
        }
    }
    return Ok{};
}

Status ComponentMapper::readServices(const BomElements &bom)
{
    QList<Item> stack;
    const qsizetype count = bom.count(u"services"_s);
    for (qsizetype top = 0; top < count || !stack.isEmpty();) {
        if (stack.isEmpty()) {
            Result<QJsonValue> service = bom.at(u"services"_s, top);
            if (!service)
                return service.error();
            stack << Item{service.value(), u"services[%1]"_s.arg(top), 1, -1, Role::Top};
            ++top;
        }
        const Item item = stack.takeLast();
        if (!item.value.isObject())
            return fail(item.path, CycloneDxReader::tr("a service must be a JSON object."));
        const ComponentView s(item.value.toObject());
        if (!s[ComponentView::Name].isString() || s.text(ComponentView::Name).trimmed().isEmpty())
            return fail(item.path + u".name"_s, CycloneDxReader::tr("the name is missing; every service needs one."));
        if (s.has(ComponentView::Version) && !s[ComponentView::Version].isString())
            return fail(item.path + u".version"_s,
                        CycloneDxReader::tr("the version must be a string (write \"1.0\", not 1.0)."));
        if (item.depth > m_limits.maxDepth)
            return fail(item.path, CycloneDxReader::tr("services are nested more than %1 levels deep here, more than "
                                                       "an import accepts; flatten the BOM or raise the depth limit.")
                                       .arg(m_limits.maxDepth));
        if (++m_components > m_limits.maxRecords)
            return fail(item.path, CycloneDxReader::tr("the BOM describes more than %1 components and services, more "
                                                       "than an import accepts; split it or raise the record limit.")
                                       .arg(m_limits.maxRecords));
        if (m_components % 256 == 0) {
            if (Status st = checkCancel(); !st)
                return st;
        }
        const MappedFields m = mapFields(s, RecordKind::Service);
        if (!m.invalidKey.isEmpty())
            return fail(u"%1.%2"_s.arg(item.path, m.invalidKey), m.invalidReason);
        const int index = addRecord(buildRecord(s, m, item.path));
        if (item.owner >= 0)
            relate(item.owner, RelationType::DependsOn, index, {}, item.path);
        if (Status st = linkSuppliers(s, index, item.path); !st)
            return st;
        if (Status st = linkStrataProperties(s[ComponentView::Properties].toArray(), index, item.path); !st)
            return st;
        const QJsonValue nested = s[ComponentView::Services];
        if (!nested.isUndefined() && !nested.isArray())
            return fail(item.path + u".services"_s, CycloneDxReader::tr("services must be an array."));
        for (qsizetype i = nested.toArray().size() - 1; i >= 0; --i)
            stack << Item{nested.toArray().at(i), u"%1.services[%2]"_s.arg(item.path).arg(i), item.depth + 1, index,
                          Role::Nested};
        if (stack.isEmpty()) {
            if (Status st = flush(); !st) // a top-level service and everything nested in it are complete
                return st;
        }
    }
    return Ok{};
}

Status ComponentMapper::flush()
{
    if (m_mode == Mode::Whole)
        return Ok{};
    const int count = static_cast<int>(m_refAt.size());
    for (int i = m_flushed; i < count; ++i) {
        const bool supplier = m_kindAt.at(i) == RecordKind::Supplier;
        if (m_mode == Mode::Replay && m_sink) {
            const ImportedRecord *record = nullptr;
            if (supplier && m_finalSuppliers) {
                const auto final = m_finalSuppliers->find(i);
                if (final != m_finalSuppliers->end())
                    record = &final->second;
            }
            if (Status s = (*m_sink)(record ? *record : m_open.at(i)); !s)
                return s;
        }
        if (!supplier)
            m_open.erase(i);
    }
    m_flushed = count;
    return Ok{};
}

ImportDocument ComponentMapper::finish()
{
    if (m_mode == Mode::Validate) {
        const Status dropped = flush(); // dropping records cannot fail
        Q_UNUSED(dropped);
    }
    if (m_mode == Mode::Whole) {
        m_doc.records.reserve(static_cast<qsizetype>(m_open.size()));
        for (auto &[index, record] : m_open)
            m_doc.records << std::move(record);
        m_open.clear();
    }
    m_doc.relations.reserve(m_doc.relations.size() + m_pending.size());
    for (const Pending &p : std::as_const(m_pending)) {
        const int from = resolve(p.from);
        const int to = resolve(p.to);
        if (from < 0 || to < 0) {
            warn(p.location, CycloneDxReader::tr("\"%1\" is not a component, service or dataset Strata imports; the "
                                                 "relation was skipped.")
                                 .arg(from < 0 ? p.from : p.to));
            continue;
        }
        if (from != to) // a model that depends on one of its own files, say
            relate(from, p.type, to, p.subtype, p.location);
    }
    reportCycles();
    return std::move(m_doc);
}

void ComponentMapper::reportCycles()
{
    const qsizetype n = m_refAt.size();
    std::vector<QList<int>> edges(static_cast<size_t>(n));
    for (const auto &[from, to] : m_dependsOn)
        edges[static_cast<size_t>(from)] << to;
    // Iterative depth-first search; an edge back to a node on the current path closes a cycle.
    enum : char { White, Grey, Black };
    std::vector<char> colour(static_cast<size_t>(n), White);
    std::vector<QPair<int, int>> stack; // (node, next edge)
    QList<int> path;
    int cycles = 0;
    for (int start = 0; start < n; ++start) {
        if (colour[static_cast<size_t>(start)] != White || edges[static_cast<size_t>(start)].isEmpty())
            continue;
        stack.push_back({start, 0});
        colour[static_cast<size_t>(start)] = Grey;
        path << start;
        while (!stack.empty()) {
            auto &[node, next] = stack.back();
            const QList<int> &out = edges[static_cast<size_t>(node)];
            if (next >= out.size()) {
                colour[static_cast<size_t>(node)] = Black;
                path.removeLast();
                stack.pop_back();
                continue;
            }
            const int to = out.at(next++);
            if (colour[static_cast<size_t>(to)] == White) {
                colour[static_cast<size_t>(to)] = Grey;
                path << to;
                stack.push_back({to, 0});
            } else if (colour[static_cast<size_t>(to)] == Grey && ++cycles <= kMaxListedCycles) {
                QStringList names;
                for (qsizetype i = path.indexOf(to); i < path.size(); ++i)
                    names << m_refAt.at(path.at(i));
                names << m_refAt.at(to);
                if (names.size() > kMaxCycleSteps) {
                    const qsizetype hidden = names.size() - kMaxCycleSteps;
                    names = names.mid(0, kMaxCycleSteps / 2) +
                            QStringList{CycloneDxReader::tr("(%n more)", "", hidden)} +
                            names.mid(names.size() - kMaxCycleSteps / 2);
                }
                warn(u"dependencies"_s, CycloneDxReader::tr("the dependencies form a cycle: %1. Strata keeps every "
                                                            "edge and never follows one forever; check whether the "
                                                            "cycle is intended.")
                                            .arg(names.join(u" -> "_s)));
            }
        }
    }
    if (cycles > kMaxListedCycles)
        warn(u"dependencies"_s,
             CycloneDxReader::tr("%n more dependency cycle(s) were not listed.", "", cycles - kMaxListedCycles));
}

Status ComponentMapper::readStrataSuppliers(const QJsonArray &properties)
{
    const QString prefix = strataPrefix() + u"supplier:"_s;
    QStringList order;
    QHash<QString, QList<QPair<QString, QString>>> byId;
    QHash<QString, QString> firstPath;
    for (int i = 0; i < properties.size(); ++i) {
        const QString path = u"properties[%1]"_s.arg(i);
        const QJsonObject p = properties.at(i).toObject();
        if (!p.value(u"name"_s).isString())
            return fail(path + u".name"_s, CycloneDxReader::tr("a property needs a name."));
        const QString name = text(p, u"name"_s);
        if (!name.startsWith(prefix))
            continue;
        const QString rest = name.mid(prefix.size());
        const qsizetype colon = rest.indexOf(u':');
        if (colon <= 0)
            return fail(path + u".name"_s, CycloneDxReader::tr("\"%1\" is not of the form "
                                                               "strata:supplier:<id>:<field>.")
                                               .arg(name));
        const QString id = rest.left(colon);
        if (!byId.contains(id)) {
            order << id;
            firstPath.insert(id, path);
        }
        byId[id] << qMakePair(rest.mid(colon + 1), text(p, u"value"_s));
    }
    for (const QString &id : std::as_const(order)) {
        ImportedRecord s;
        s.record.kind = RecordKind::Supplier;
        s.ref = strataPrefix() + u"supplier:"_s + id;
        s.location = firstPath.value(id);
        s.statedFields = {u"name"_s, u"version"_s};
        for (const auto &[key, value] : std::as_const(byId[id])) {
            QJsonValue extra;
            if (key == u"placeholder"_s) {
                s.record.placeholder = value == u"true"_s;
            } else if (key.startsWith(u"extra:"_s) && parseExtra(value, &extra)) {
                s.extras.insert(key.mid(6), extra);
            } else if (fields::findField(RecordKind::Supplier, key)) {
                if (Status st = fields::setField(s.record, key, value); !st)
                    warn(s.location, st.error().message);
                else if (!s.statedFields.contains(key))
                    s.statedFields << key;
            }
        }
        if (s.record.name.isEmpty())
            return fail(s.location,
                        CycloneDxReader::tr("the supplier %1 has no name; add a property %1:name.").arg(s.ref));
        if (m_refs.contains(s.ref))
            return fail(s.location, CycloneDxReader::tr("%1 is also the bom-ref of an element of the BOM; rename the "
                                                        "element.")
                                        .arg(s.ref));
        m_supplier.insert(s.record.name.toCaseFolded(), s.ref);
        addRecord(s);
    }
    m_strataSuppliers = !order.isEmpty();
    return Ok{};
}

} // namespace strata::cyclonedx
