// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/Spdx3Graph.h"

#include "interop/JsonScan.h"
#include "interop/Spdx3Vocabulary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kCancelCheckEvery = 1024;

QString joinPath(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : u"%1.%2"_s.arg(path, key);
}

QString at(int index)
{
    return u"@graph[%1]"_s.arg(index);
}

// The SPDX version a context IRI names ("3.0.1"), or empty when it is not an SPDX 3 context.
QString contextVersion(const QJsonValue &context)
{
    static const QRegularExpression iri(u"spdx\\.org/rdf/(3(?:\\.\\d+)+)/"_s);
    QJsonArray candidates = context.isArray() ? context.toArray() : QJsonArray{context};
    for (const QJsonValue &c : std::as_const(candidates)) {
        const QRegularExpressionMatch m = iri.match(c.toString());
        if (m.hasMatch())
            return m.captured(1);
    }
    return {};
}

} // namespace

Error Spdx3Graph::cancelledError(const QString &fileName)
{
    return Error{ErrorCode::Cancelled, tr("The import of %1 was cancelled; nothing was imported.").arg(fileName)};
}

QString Spdx3Graph::refId(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    const QJsonObject o = value.toObject();
    return o.value(u"spdxId"_s).isString() ? o.value(u"spdxId"_s).toString() : o.value(u"@id"_s).toString();
}

QStringList Spdx3Graph::refIds(const QJsonValue &value)
{
    QStringList ids;
    if (value.isArray()) {
        const QJsonArray items = value.toArray();
        for (const QJsonValue &item : items)
            ids << refId(item);
    } else if (!value.isUndefined() && !value.isNull()) {
        ids << refId(value);
    }
    return ids;
}

bool Spdx3Graph::isRelationship(const QString &type)
{
    return type.endsWith(u"Relationship"_s);
}

bool Spdx3Graph::isLicenseRelationship(const QString &relationshipType)
{
    const QString t = spdx3::term(relationshipType);
    return t == u"hasDeclaredLicense"_s || t == u"hasConcludedLicense"_s;
}

Status Spdx3Graph::checkCaps(
    const QJsonValue &value, const QString &path, int depth, const QString &fileName, const ImportLimits &limits)
{
    struct Frame
    {
        QJsonValue value;
        QString path;
        int depth = 0;
    };
    const auto tooLong = [&](const QString &where, qsizetype length) {
        return Error{ErrorCode::InvalidInput,
                     tr("%1: %2 is %3 characters long, more than the %4 allowed for one value; shorten it.")
                         .arg(fileName, where)
                         .arg(length)
                         .arg(limits.maxStringLength)};
    };
    if (value.isString() && value.toString().size() > limits.maxStringLength)
        return tooLong(path, value.toString().size());
    // An explicit stack: a hostile document cannot exhaust the call stack.
    std::vector<Frame> stack;
    if (value.isArray() || value.isObject())
        stack.push_back({value, path, depth});
    int visited = 0;
    while (!stack.empty()) {
        const Frame frame = std::move(stack.back());
        stack.pop_back();
        if (frame.depth > limits.maxDepth)
            return Error{ErrorCode::InvalidInput, tr("%1: %2 is nested more than %3 levels deep; Strata refuses deeper "
                                                     "documents. Flatten the structure at that path.")
                                                      .arg(fileName, frame.path)
                                                      .arg(limits.maxDepth)};
        if (++visited % kCancelCheckEvery == 0 && limits.cancelled())
            return cancelledError(fileName);
        const auto child = [&](const QJsonValue &v, const QString &where) -> Status {
            if (v.isString() && v.toString().size() > limits.maxStringLength)
                return tooLong(where, v.toString().size());
            if (v.isArray() || v.isObject())
                stack.push_back({v, where, frame.depth + 1});
            return Ok{};
        };
        if (frame.value.isObject()) {
            const QJsonObject o = frame.value.toObject();
            for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
                if (it.key().size() > limits.maxStringLength)
                    return tooLong(frame.path, it.key().size());
                if (Status s = child(it.value(), joinPath(frame.path, it.key())); !s)
                    return s;
            }
        } else {
            const QJsonArray a = frame.value.toArray();
            for (qsizetype i = 0; i < a.size(); ++i) {
                if (Status s = child(a.at(i), u"%1[%2]"_s.arg(frame.path).arg(i)); !s)
                    return s;
            }
        }
    }
    return Ok{};
}

Result<Spdx3Graph> Spdx3Graph::parse(const QByteArray &data, const QString &fileName, const ImportLimits &limits)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{ErrorCode::InvalidInput, tr("%1 is not valid JSON: %2 at byte %3. Check that the file is complete "
                                                 "and saved as UTF-8.")
                                                  .arg(fileName, parseError.errorString())
                                                  .arg(parseError.offset)};
    if (!doc.isObject())
        return Error{ErrorCode::InvalidInput, tr("%1 is not an SPDX 3 JSON-LD document: its top level is not a JSON "
                                                 "object with \"@context\" and \"@graph\".")
                                                  .arg(fileName)};
    if (Status s = JsonScan::of(data).refuseDuplicateKeys(fileName); !s)
        return s.error();
    const QJsonObject root = doc.object();
    Spdx3Graph graph;
    graph.m_specVersion = contextVersion(root.value(u"@context"_s));
    if (graph.m_specVersion.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("%1: \"@context\" does not name the SPDX 3.0 context (%2). Strata "
                                                 "reads SPDX 3.0.0 and 3.0.1 JSON-LD.")
                                                  .arg(fileName, spdx3::context301())};
    if (graph.m_specVersion != u"3.0.0"_s && graph.m_specVersion != u"3.0.1"_s)
        return Error{ErrorCode::Unsupported, tr("%1: \"@context\" names SPDX %2; Strata reads SPDX 3.0.0 and 3.0.1. "
                                                "Export the document as SPDX 3.0.1 and import it again.")
                                                 .arg(fileName, graph.m_specVersion)};
    const QJsonValue graphValue = root.value(u"@graph"_s);
    if (!graphValue.isArray())
        return Error{ErrorCode::InvalidInput,
                     tr("%1: \"@graph\" is missing or is not an array. Strata reads SPDX 3 JSON-LD whose elements are "
                        "listed in a top-level \"@graph\" array; a document made of one bare element is not supported.")
                         .arg(fileName)};
    const QJsonArray entries = graphValue.toArray();
    if (entries.size() > limits.maxRecords)
        return Error{ErrorCode::InvalidInput,
                     tr("%1: \"@graph\" has %2 elements, more than the %3 an import may hold; split the document.")
                         .arg(fileName)
                         .arg(entries.size())
                         .arg(limits.maxRecords)};
    if (Status s = checkCaps(root, QString(), 1, fileName, limits); !s)
        return s.error();
    if (limits.progress)
        limits.progress(200);
    if (Status s = graph.index(entries, fileName, limits); !s)
        return s.error();
    if (Status s = graph.checkReferences(fileName, limits); !s)
        return s.error();
    return graph;
}

Status Spdx3Graph::index(const QJsonArray &graph, const QString &fileName, const ImportLimits &limits)
{
    // Namespace prefixes first: ids anywhere in the graph may use them.
    for (const QJsonValue &v : graph) {
        const QJsonArray maps = v.toObject().value(u"namespaceMap"_s).toArray();
        for (const QJsonValue &m : maps) {
            const QJsonObject map = m.toObject();
            if (map.value(u"prefix"_s).isString() && map.value(u"namespace"_s).isString())
                m_namespaces.insert(map.value(u"prefix"_s).toString(), map.value(u"namespace"_s).toString());
        }
    }
    for (int i = 0; i < graph.size(); ++i) {
        if (i % kCancelCheckEvery == 0 && limits.cancelled())
            return cancelledError(fileName);
        if (!graph.at(i).isObject())
            return Error{ErrorCode::InvalidInput, tr("%1: @graph[%2] is not a JSON object; every entry of \"@graph\" "
                                                     "must be an object with a \"type\".")
                                                      .arg(fileName)
                                                      .arg(i)};
        Spdx3Element e;
        e.index = i;
        e.object = graph.at(i).toObject();
        const QJsonValue type = e.object.contains(u"type"_s) ? e.object.value(u"type"_s) : e.object.value(u"@type"_s);
        e.type = spdx3::term(type.toString().trimmed());
        if (e.type.isEmpty())
            return Error{ErrorCode::InvalidInput, tr("%1: @graph[%2] has no \"type\"; every SPDX 3 element names its "
                                                     "class, for example \"software_Package\".")
                                                      .arg(fileName)
                                                      .arg(i)};
        const QString idKey = e.object.contains(u"spdxId"_s) ? u"spdxId"_s : u"@id"_s;
        const QJsonValue id = e.object.value(idKey);
        if (!id.isUndefined() && !id.isString())
            return Error{ErrorCode::InvalidInput,
                         tr("%1: @graph[%2].%3 is not a string.").arg(fileName).arg(i).arg(idKey)};
        e.id = expand(id.toString());
        if (!e.id.isEmpty()) {
            const auto earlier = m_byId.constFind(e.id);
            if (earlier != m_byId.cend()) {
                const Spdx3Element &first = m_elements.at(earlier.value());
                if (first.object != e.object)
                    return Error{ErrorCode::InvalidInput,
                                 tr("%1: @graph[%2] and @graph[%3] both have the id %4; ids must be unique within a "
                                    "document. Remove or rename one of them.")
                                     .arg(fileName)
                                     .arg(first.index)
                                     .arg(i)
                                     .arg(e.id)};
                m_warnings << tr("@graph[%1] repeats @graph[%2] (%3) exactly; the copy was ignored.")
                                  .arg(i)
                                  .arg(first.index)
                                  .arg(e.id);
                continue;
            }
            m_byId.insert(e.id, int(m_elements.size()));
        }
        if (e.type == u"SpdxDocument"_s) {
            const QJsonArray imports = e.object.value(u"import"_s).toArray();
            for (const QJsonValue &m : imports)
                m_external.insert(expand(m.toObject().value(u"externalSpdxId"_s).toString()));
        }
        m_elements << e;
    }
    return Ok{};
}

QString Spdx3Graph::expand(const QString &id) const
{
    const qsizetype colon = id.indexOf(u':');
    if (colon <= 0 || m_namespaces.isEmpty())
        return id;
    const auto ns = m_namespaces.constFind(id.left(colon));
    return ns == m_namespaces.cend() ? id : ns.value() + id.mid(colon + 1);
}

const Spdx3Element *Spdx3Graph::find(const QString &id) const
{
    const auto it = m_byId.constFind(expand(id));
    return it == m_byId.cend() ? nullptr : &m_elements.at(it.value());
}

bool Spdx3Graph::isExternal(const QString &id) const
{
    return m_external.contains(expand(id));
}

Status Spdx3Graph::checkResolves(const QString &id, const QString &path, const QString &fileName) const
{
    if (id.isEmpty())
        return Error{ErrorCode::InvalidInput,
                     tr("%1: %2 is not a reference to an element (a string, or an object with an \"spdxId\").")
                         .arg(fileName, path)};
    if (find(id) || isExternal(id) || spdx3::isNoneOrNoAssertion(id))
        return Ok{};
    return Error{ErrorCode::InvalidInput,
                 tr("%1: %2 names \"%3\", which is not an element of the document (a dangling reference). Add the "
                    "element to \"@graph\", list it in the document's imports, or remove the reference.")
                     .arg(fileName, path, id)};
}

Status Spdx3Graph::checkRelationship(const Spdx3Element &e, const QString &fileName) const
{
    const QString where = at(e.index);
    const QJsonValue relType = e.object.value(u"relationshipType"_s);
    if (!relType.isString() || relType.toString().trimmed().isEmpty())
        return Error{ErrorCode::InvalidInput, tr("%1: %2 is a %3 without a \"relationshipType\"; add the kind of "
                                                 "relationship, for example \"dependsOn\".")
                                                  .arg(fileName, where, e.type)};
    const QJsonValue from = e.object.value(u"from"_s);
    if (from.isUndefined() || from.isNull())
        return Error{ErrorCode::InvalidInput, tr("%1: %2 is a %3 without \"from\"; a relationship needs the element "
                                                 "it starts from.")
                                                  .arg(fileName, where, e.type)};
    if (Status s = checkResolves(refId(from), where + u".from"_s, fileName); !s)
        return s;
    const QJsonValue to = e.object.value(u"to"_s);
    if (!to.isArray())
        return Error{ErrorCode::InvalidInput, tr("%1: %2.to is missing or is not an array; a relationship lists the "
                                                 "elements it points to as \"to\": [...].")
                                                  .arg(fileName, where)};
    const bool license = isLicenseRelationship(relType.toString());
    const QJsonArray targets = to.toArray();
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const QString id = refId(targets.at(i));
        // Licenses are often named by their SPDX list IRI or a bare expression instead of an element.
        if (license && !id.isEmpty() && !find(id) && (!id.contains(u"://"_s) || id.contains(u"spdx.org/licenses/"_s)))
            continue;
        if (Status s = checkResolves(id, u"%1.to[%2]"_s.arg(where).arg(i), fileName); !s)
            return s;
    }
    return Ok{};
}

Status Spdx3Graph::checkHashes(const Spdx3Element &e, const QString &fileName) const
{
    static const QRegularExpression hex(u"^[0-9a-fA-F]+$"_s);
    const QJsonArray hashes = e.object.value(u"verifiedUsing"_s).toArray();
    for (qsizetype i = 0; i < hashes.size(); ++i) {
        const QJsonObject h = hashes.at(i).toObject();
        const QString algorithm = spdx3::strataAlgorithm(h.value(u"algorithm"_s).toString());
        const int length = spdx3::digestLength(algorithm);
        if (length == 0)
            continue; // an algorithm Strata does not keep: skipped later with a warning
        const QString value = h.value(u"hashValue"_s).toString().trimmed();
        if (value.size() != length || !hex.match(value).hasMatch())
            return Error{ErrorCode::InvalidInput, tr("%1: %2.verifiedUsing[%3].hashValue is not a %4 digest: it must "
                                                     "be %5 hexadecimal characters, and it has %6 characters.")
                                                      .arg(fileName, at(e.index))
                                                      .arg(i)
                                                      .arg(algorithm)
                                                      .arg(length)
                                                      .arg(value.size())};
    }
    return Ok{};
}

Status Spdx3Graph::checkReferences(const QString &fileName, const ImportLimits &limits) const
{
    for (qsizetype n = 0; n < m_elements.size(); ++n) {
        if (n % kCancelCheckEvery == 0 && limits.cancelled())
            return cancelledError(fileName);
        const Spdx3Element &e = m_elements.at(n);
        const QString where = at(e.index);
        const QJsonValue info = e.object.value(u"creationInfo"_s);
        if (info.isString()) {
            const Spdx3Element *target = find(info.toString());
            if (!target || target->type != u"CreationInfo"_s)
                return Error{ErrorCode::InvalidInput,
                             tr("%1: %2.creationInfo names \"%3\", which is not a CreationInfo of the document. Add "
                                "it to \"@graph\" or correct the reference.")
                                 .arg(fileName, where, info.toString())};
        } else if (!info.isUndefined() &&
                   spdx3::term(info.toObject().value(u"type"_s).toString()) != u"CreationInfo"_s) {
            return Error{ErrorCode::InvalidInput,
                         tr("%1: %2.creationInfo is neither a CreationInfo object nor a reference to one.")
                             .arg(fileName, where)};
        }
        if (isRelationship(e.type)) {
            if (Status s = checkRelationship(e, fileName); !s)
                return s;
        }
        const QStringList agentKeys = {u"suppliedBy"_s, u"originatedBy"_s};
        for (const QString &key : agentKeys) {
            const QJsonValue value = e.object.value(key);
            const QStringList ids = refIds(value);
            for (qsizetype i = 0; i < ids.size(); ++i) {
                const QString path = value.isArray() ? u"%1.%2[%3]"_s.arg(where, key).arg(i) : joinPath(where, key);
                if (Status s = checkResolves(ids.at(i), path, fileName); !s)
                    return s;
            }
        }
        if (Status s = checkHashes(e, fileName); !s)
            return s;
    }
    if (limits.progress)
        limits.progress(400);
    return Ok{};
}

} // namespace strata
