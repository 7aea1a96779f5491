// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/CycloneDxChecks.h"

#include "interop/CycloneDxElements.h"
#include "interop/CycloneDxMapping.h"
#include "interop/CycloneDxReader.h"

#include <QDate>
#include <QJsonArray>
#include <QRegularExpression>

#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace strata::cyclonedx {

namespace {

/// A component level costs at most three JSON levels (pedigree.ancestors[i]) and a component's own content
/// (a modelCard's energy providers' addresses) nests about a dozen more; the cap follows the component cap.
int jsonDepthCap(const ImportLimits &limits)
{
    return 3 * limits.maxDepth + 16;
}

constexpr int kCancelStride = 4096;

bool isHex(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
    });
}

/// An object or array being walked, and which of its children comes next.
struct Frame
{
    QJsonObject object;
    QJsonArray array;
    bool isObject = true;
    qsizetype next = 0;
    qsizetype size = 0;
    QString splitKey; ///< set for a top-level array whose elements BomElements parses one at a time
};

class TreeWalk
{
public:
    TreeWalk(const BomElements &elements,
             const QString &fileName,
             const ImportLimits &limits,
             bool checkStrings,
             BomRefs *refs)
        : m_elements(elements)
        , m_file(fileName)
        , m_limits(limits)
        , m_checkStrings(checkStrings)
        , m_refs(refs)
    {
    }

    Status run(const QJsonObject &root)
    {
        if (Status s = push(QJsonValue(root)); !s)
            return s;
        qint64 visited = 0;
        while (!m_stack.empty()) {
            Frame &top = m_stack.back();
            if (top.next >= top.size) {
                m_stack.pop_back();
                continue;
            }
            if (++visited % kCancelStride == 0 && m_limits.cancelled())
                return Error{ErrorCode::Cancelled, CycloneDxReader::tr("The import of %1 was cancelled.").arg(m_file)};
            QJsonValue value;
            if (top.isObject) {
                const auto it = top.object.constBegin() + top.next++;
                // Keys are only materialised when their length has to be checked: most files need no such check.
                if (m_checkStrings && it.key().size() > m_limits.maxStringLength)
                    return tooLong(it.key().size());
                if (m_stack.size() == 1 && m_elements.isSplit(it.key())) {
                    Frame f;
                    f.isObject = false;
                    f.splitKey = it.key();
                    f.size = m_elements.count(f.splitKey);
                    m_stack.push_back(std::move(f));
                    continue;
                }
                value = it.value();
            } else if (!top.splitKey.isEmpty()) {
                Result<QJsonValue> element = m_elements.at(top.splitKey, top.next++);
                if (!element)
                    return element.error();
                value = element.value();
            } else {
                value = top.array.at(top.next++);
            }
            if (value.isString()) {
                if (m_checkStrings && value.toString().size() > m_limits.maxStringLength)
                    return tooLong(value.toString().size());
            } else if (value.isObject() || value.isArray()) {
                if (static_cast<int>(m_stack.size()) >= jsonDepthCap(m_limits))
                    return fail(path(), CycloneDxReader::tr("the JSON nests deeper than %1 levels, more than an import "
                                                            "may; flatten the document or raise the depth limit.")
                                            .arg(jsonDepthCap(m_limits)));
                if (Status s = push(value); !s)
                    return s;
            }
        }
        return Ok{};
    }

    QString duplicatePath() const { return m_duplicatePath; }

    /// Where `ref` is declared first: for the message about a repeated bom-ref.
    QString firstPathOf(const QJsonObject &root, const QString &ref)
    {
        m_find = ref;
        m_checkStrings = false;
        static_cast<void>(run(root));
        return m_found;
    }

private:
    /// Starts walking an object or array; an object's bom-ref and hashes are checked here, by key lookup.
    Status push(const QJsonValue &value)
    {
        Frame f;
        f.isObject = value.isObject();
        if (f.isObject) {
            f.object = value.toObject();
            f.size = f.object.size();
            static const QString bomRefKey = u"bom-ref"_s; // a QString key: the Latin-1 overload converts each time
            static const QString hashesKey = u"hashes"_s;
            const QJsonValue ref = f.object.value(bomRefKey);
            if (!ref.isUndefined()) {
                if (Status s = checkBomRef(ref); !s)
                    return s;
            }
            const QJsonValue hashes = f.object.value(hashesKey);
            if (!hashes.isUndefined() && m_find.isEmpty()) {
                if (Status s = checkHashes(hashes); !s)
                    return s;
            }
        } else {
            f.array = value.toArray();
            f.size = f.array.size();
        }
        m_stack.push_back(std::move(f));
        return Ok{};
    }

    /// The path of the child last taken from the innermost frame: built only when a message needs it.
    QString path() const
    {
        QString out;
        for (const Frame &f : m_stack) {
            if (f.next == 0)
                continue;
            if (f.isObject) {
                if (!out.isEmpty())
                    out += u'.';
                out += (f.object.constBegin() + (f.next - 1)).key();
            } else {
                out += u"[%1]"_s.arg(f.next - 1);
            }
        }
        return out;
    }

    /// The path of a key of the object about to be pushed.
    QString keyPath(const QString &key) const
    {
        const QString parent = path();
        return parent.isEmpty() ? key : u"%1.%2"_s.arg(parent, key);
    }

    Error fail(const QString &where, const QString &reason) const { return documentError(m_file, where, reason); }

    Error tooLong(qsizetype length) const
    {
        return fail(path(), CycloneDxReader::tr("a text of %1 characters is longer than the %2 an import accepts; "
                                                "shorten it or raise the string limit.")
                                .arg(length)
                                .arg(m_limits.maxStringLength));
    }

    Status checkBomRef(const QJsonValue &value)
    {
        if (!value.isString())
            return fail(keyPath(u"bom-ref"_s), CycloneDxReader::tr("a bom-ref must be a string."));
        const QString ref = value.toString();
        if (!m_find.isEmpty()) {
            if (ref == m_find && m_found.isEmpty())
                m_found = keyPath(u"bom-ref"_s);
            return Ok{};
        }
        if (ref.isEmpty())
            return fail(keyPath(u"bom-ref"_s), CycloneDxReader::tr("a bom-ref must not be empty; give the element a "
                                                                   "unique bom-ref or remove the key."));
        if (m_refs->contains(ref)) {
            m_duplicatePath = keyPath(u"bom-ref"_s);
            return Error{ErrorCode::Conflict, ref}; // reported by checkTree, which looks for the first use
        }
        m_refs->insert(ref);
        return Ok{};
    }

    Status checkHashes(const QJsonValue &value)
    {
        const QString where = keyPath(u"hashes"_s);
        if (!value.isArray())
            return fail(where, CycloneDxReader::tr("hashes must be an array of {alg, content} objects."));
        const QJsonArray hashes = value.toArray();
        for (int i = 0; i < hashes.size(); ++i) {
            const QJsonObject hash = hashes.at(i).toObject();
            const QString at = u"%1[%2]"_s.arg(where).arg(i);
            const QString alg = hash.value(u"alg"_s).toString();
            const int length = hashHexLength(alg);
            if (length == 0)
                return fail(at + u".alg"_s,
                            CycloneDxReader::tr("\"%1\" is not a CycloneDX hash algorithm (MD5, SHA-1, SHA-256, "
                                                "SHA-384, SHA-512, SHA3-256, SHA3-384, SHA3-512, BLAKE2b-256, "
                                                "BLAKE2b-384, BLAKE2b-512, BLAKE3).")
                                .arg(alg));
            const QString content = hash.value(u"content"_s).toString();
            if (content.size() != length || !isHex(content))
                return fail(at + u".content"_s,
                            CycloneDxReader::tr("a %1 digest is %2 hexadecimal characters; \"%3\" is not. Fix or "
                                                "remove the hash.")
                                .arg(alg)
                                .arg(length)
                                .arg(content.left(140)));
        }
        return Ok{};
    }

    const BomElements &m_elements;
    QString m_file;
    const ImportLimits &m_limits;
    bool m_checkStrings;
    BomRefs *m_refs;
    std::vector<Frame> m_stack;
    QString m_find;
    QString m_found;
    QString m_duplicatePath; ///< where a repeated bom-ref was met
};

} // namespace

Error documentError(const QString &fileName, const QString &path, const QString &reason)
{
    return Error{ErrorCode::InvalidInput, CycloneDxReader::tr("%1, at %2: %3").arg(fileName, path, reason)};
}

Status checkTree(
    const BomElements &elements, const QString &fileName, const ImportLimits &limits, bool checkStrings, BomRefs *refs)
{
    TreeWalk walk(elements, fileName, limits, checkStrings, refs);
    Status s = walk.run(elements.root());
    if (s || s.error().code != ErrorCode::Conflict)
        return s;
    const QString ref = s.error().message;
    BomRefs unused;
    const QString first = TreeWalk(elements, fileName, limits, false, &unused).firstPathOf(elements.root(), ref);
    return documentError(fileName, walk.duplicatePath(),
                         CycloneDxReader::tr("the bom-ref \"%1\" is already used at %2; every bom-ref must be unique "
                                             "in a BOM. Rename one of them.")
                             .arg(ref, first));
}

bool isDateTime(const QString &text)
{
    static const QRegularExpression pattern(
        u"^(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?([Zz]|([+-])(\\d{2}):(\\d{2}))$"_s);
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return false;
    const auto n = [&m](int group) { return m.captured(group).toInt(); };
    if (!QDate(n(1), n(2), n(3)).isValid() || n(4) > 23 || n(5) > 59 || n(6) > 60)
        return false;
    return m.captured(9).isEmpty() || (n(10) <= 23 && n(11) <= 59);
}

} // namespace strata::cyclonedx
