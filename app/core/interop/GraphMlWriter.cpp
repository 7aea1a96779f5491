// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/GraphMlWriter.h"

#include "domain/Fields.h"

#include <QSet>
#include <QXmlStreamWriter>

#include <algorithm>
#include <tuple>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

const QString kGraphMlNamespace = u"http://graphml.graphdrawing.org/xmlns"_s;
const QString kXsiNamespace = u"http://www.w3.org/2001/XMLSchema-instance"_s;
const QString kSchemaLocation =
    u"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"_s;

/// XML 1.0 allows tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and the supplementary planes; everything else
/// (C0 controls, lone surrogates, U+FFFE/U+FFFF) would make the file unreadable, so it is dropped.
QString xmlSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
            continue;
        }
        const char16_t u = c.unicode();
        const bool allowed =
            u == 0x9 || u == 0xA || u == 0xD || (u >= 0x20 && u <= 0xD7FF) || (u >= 0xE000 && u <= 0xFFFD);
        if (allowed)
            out += c;
    }
    return out;
}

/// A GraphML attribute declaration; `id` is what <data key=...> refers to.
struct Key
{
    QString id;
    QString domain; ///< "node", "edge" or "graph"
    QString name;   ///< attr.name, what yEd and Gephi show
    QString type;   ///< attr.type: string, long or boolean
};

/// The common node attributes, in the order they are declared.
const QStringList &commonNodeKeys()
{
    static const QStringList keys = {u"label"_s,    u"kind"_s, u"name"_s,       u"version"_s, u"license"_s,
                                     u"supplier"_s, u"purl"_s, u"source_url"_s, u"tags"_s,    u"placeholder"_s};
    return keys;
}

struct Edge
{
    qint64 relationId = 0;
    qint64 from = 0;
    qint64 to = 0;
    RelationType type = RelationType::DependsOn;
    QString subtype;
};

QString suppliersOf(const RecordSnapshot &snapshot)
{
    QStringList names;
    for (const RelatedRecord &r : snapshot.relations) {
        if (r.outgoing && r.relation.type == RelationType::ProvidedBy)
            names << r.otherName;
    }
    names.sort(Qt::CaseInsensitive);
    return names.join(u"; "_s);
}

class Writer
{
public:
    explicit Writer(QByteArray *out)
        : m_xml(out)
    {
        m_xml.setAutoFormatting(true);
        m_xml.setAutoFormattingIndent(2);
    }

    QXmlStreamWriter &xml() { return m_xml; }

    void key(const Key &k)
    {
        m_xml.writeStartElement(u"key"_s);
        m_xml.writeAttribute(u"id"_s, k.id);
        m_xml.writeAttribute(u"for"_s, k.domain);
        m_xml.writeAttribute(u"attr.name"_s, k.name);
        m_xml.writeAttribute(u"attr.type"_s, k.type);
        m_xml.writeEndElement();
    }

    void data(const QString &key, const QString &value)
    {
        const QString safe = xmlSafe(value);
        if (safe.isEmpty())
            return;
        m_xml.writeStartElement(u"data"_s);
        m_xml.writeAttribute(u"key"_s, key);
        m_xml.writeCharacters(safe);
        m_xml.writeEndElement();
    }

private:
    QXmlStreamWriter m_xml;
};

} // namespace

Result<QByteArray> GraphMlWriter::write(const ExportSet &set)
{
    QList<const RecordSnapshot *> records;
    for (const RecordSnapshot &s : set.records)
        records << &s;
    std::sort(records.begin(), records.end(),
              [](const RecordSnapshot *a, const RecordSnapshot *b) { return a->record.id < b->record.id; });
    QSet<qint64> ids;
    for (const RecordSnapshot *s : std::as_const(records))
        ids.insert(s->record.id);

    // Kind-specific keys only for fields some record fills, in the catalog's order.
    QList<FieldSpec> fieldKeys;
    for (RecordKind kind : allRecordKinds()) {
        for (const FieldSpec &spec : fields::kindFields(kind)) {
            const bool used = std::any_of(records.cbegin(), records.cend(), [&](const RecordSnapshot *s) {
                return s->record.kind == kind && !fields::fieldText(s->record, spec.key).isEmpty();
            });
            if (used)
                fieldKeys << spec;
        }
    }

    // Each relation once, from the record it leaves; the set lists it on both ends.
    QList<Edge> edges;
    QSet<QString> seen;
    for (const RecordSnapshot *s : std::as_const(records)) {
        for (const RelatedRecord &r : s->relations) {
            const QString id = u"%1|%2|%3"_s.arg(s->record.id).arg(relationTypeKey(r.relation.type)).arg(r.otherId);
            if (!r.outgoing || !ids.contains(r.otherId) || seen.contains(id))
                continue;
            seen.insert(id);
            edges << Edge{r.relation.id, s->record.id, r.otherId, r.relation.type, r.relation.subtype};
        }
    }
    std::sort(edges.begin(), edges.end(), [](const Edge &a, const Edge &b) {
        const int typeA = static_cast<int>(a.type);
        const int typeB = static_cast<int>(b.type);
        return std::tie(a.relationId, a.from, a.to, typeA) < std::tie(b.relationId, b.from, b.to, typeB);
    });

    QByteArray out;
    Writer w(&out);
    QXmlStreamWriter &xml = w.xml();
    xml.writeStartDocument();
    xml.writeStartElement(u"graphml"_s);
    xml.writeDefaultNamespace(kGraphMlNamespace);
    xml.writeNamespace(kXsiNamespace, u"xsi"_s);
    xml.writeAttribute(kXsiNamespace, u"schemaLocation"_s, kSchemaLocation);

    w.key({u"workspace"_s, u"graph"_s, u"workspace"_s, u"string"_s});
    w.key({u"exported_at"_s, u"graph"_s, u"exported_at"_s, u"string"_s});
    w.key({u"tool"_s, u"graph"_s, u"tool"_s, u"string"_s});
    for (const QString &k : commonNodeKeys())
        w.key({k, u"node"_s, k, k == u"placeholder"_s ? u"boolean"_s : u"string"_s});
    for (const FieldSpec &spec : std::as_const(fieldKeys))
        w.key({spec.key, u"node"_s, spec.key, spec.type == FieldType::Integer ? u"long"_s : u"string"_s});
    w.key({u"relation"_s, u"edge"_s, u"relation"_s, u"string"_s});
    w.key({u"subtype"_s, u"edge"_s, u"subtype"_s, u"string"_s});
    w.key({u"edge_label"_s, u"edge"_s, u"label"_s, u"string"_s});

    xml.writeStartElement(u"graph"_s);
    xml.writeAttribute(u"id"_s, u"G"_s);
    xml.writeAttribute(u"edgedefault"_s, u"directed"_s);
    w.data(u"workspace"_s, set.workspaceName);
    if (set.timestamp.isValid())
        w.data(u"exported_at"_s, set.timestamp.toUTC().toString(Qt::ISODate));
    w.data(u"tool"_s, set.toolVersion.isEmpty() ? QString() : u"Strata %1"_s.arg(set.toolVersion));

    for (const RecordSnapshot *s : std::as_const(records)) {
        const Record &r = s->record;
        xml.writeStartElement(u"node"_s);
        xml.writeAttribute(u"id"_s, u"n%1"_s.arg(r.id));
        w.data(u"label"_s, r.version.isEmpty() ? r.name : u"%1 %2"_s.arg(r.name, r.version));
        w.data(u"kind"_s, recordKindKey(r.kind));
        w.data(u"name"_s, r.name);
        w.data(u"version"_s, r.version);
        w.data(u"license"_s, r.license);
        w.data(u"supplier"_s, suppliersOf(*s));
        w.data(u"purl"_s, r.purl);
        w.data(u"source_url"_s, r.sourceUrl);
        w.data(u"tags"_s, r.tags.join(u", "_s));
        w.data(u"placeholder"_s, r.placeholder ? u"true"_s : u"false"_s);
        for (const FieldSpec &spec : std::as_const(fieldKeys)) {
            if (fields::findField(r.kind, spec.key))
                w.data(spec.key, fields::fieldText(r, spec.key));
        }
        xml.writeEndElement();
    }

    for (const Edge &e : std::as_const(edges)) {
        xml.writeStartElement(u"edge"_s);
        xml.writeAttribute(u"id"_s, e.relationId > 0
                                        ? u"e%1"_s.arg(e.relationId)
                                        : u"e%1-%2-%3"_s.arg(e.from).arg(e.to).arg(relationTypeKey(e.type)));
        xml.writeAttribute(u"source"_s, u"n%1"_s.arg(e.from));
        xml.writeAttribute(u"target"_s, u"n%1"_s.arg(e.to));
        w.data(u"relation"_s, relationTypeKey(e.type));
        w.data(u"subtype"_s, e.subtype);
        w.data(u"edge_label"_s, e.subtype.isEmpty()
                                    ? relationTypeLabel(e.type)
                                    : tr("%1 (%2)").arg(relationTypeLabel(e.type), derivationKindLabel(e.subtype)));
        xml.writeEndElement();
    }

    xml.writeEndElement(); // graph
    xml.writeEndElement(); // graphml
    xml.writeEndDocument();
    if (xml.hasError())
        return Error{ErrorCode::Io, tr("The GraphML document could not be written; no file was produced.")};
    return out;
}

} // namespace strata
