// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/CycloneDxElements.h"

#include "interop/CycloneDxReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::Literals::StringLiterals;

namespace strata::cyclonedx {

namespace {

Error notJson(const QString &file, const QJsonParseError &error, qsizetype offset)
{
    return Error{ErrorCode::InvalidInput, CycloneDxReader::tr("%1 is not valid JSON: %2 at byte %3. Check that the "
                                                              "file is complete and was saved as UTF-8.")
                                              .arg(file, error.errorString())
                                              .arg(offset)};
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

const QSet<QString> &BomElements::splitKeys()
{
    static const QSet<QString> keys = {u"components"_s, u"services"_s, u"dependencies"_s};
    return keys;
}

Result<BomElements> BomElements::split(const QByteArray &data, const JsonScan &scan, const QString &fileName)
{
    BomElements bom;
    bom.m_data = data;
    bom.m_file = fileName;
    // Split only when every array was closed by its own bracket and no key repeats (the caller refuses
    // those); anything else is parsed whole, as before, so that its error is the parser's own.
    bool splittable = !scan.topArrays.isEmpty() && !scan.hasDuplicateKey();
    for (const JsonScan::TopArray &array : scan.topArrays)
        splittable = splittable && array.closedByBracket;
    QByteArray skeleton;
    QList<QPair<qsizetype, qsizetype>> removed; ///< (offset in the skeleton, bytes left out there)
    if (splittable) {
        skeleton.reserve(data.size() / 64 + 1024);
        qsizetype from = 0;
        for (const JsonScan::TopArray &array : scan.topArrays) {
            skeleton += QByteArrayView(data.constData() + from, array.open + 1 - from);
            removed.append({skeleton.size(), array.close - array.open - 1});
            from = array.close;
            bom.m_arrays.insert(array.key, array.elements);
        }
        skeleton += QByteArrayView(data.constData() + from, data.size() - from);
    }
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(splittable ? skeleton : data, &error);
    if (error.error != QJsonParseError::NoError) {
        qsizetype offset = error.offset;
        for (const auto &[at, bytes] : std::as_const(removed)) {
            if (error.offset >= at)
                offset += bytes;
        }
        return notJson(fileName, error, offset);
    }
    if (!json.isObject())
        return Error{
            ErrorCode::InvalidInput,
            CycloneDxReader::tr("%1 is not a CycloneDX BOM: the JSON document is not an object.").arg(fileName)};
    bom.m_root = json.object();
    return bom;
}

qsizetype BomElements::count(const QString &key) const
{
    const auto it = m_arrays.constFind(key);
    return it != m_arrays.cend() ? it.value().size() : m_root.value(key).toArray().size();
}

Result<QJsonValue> BomElements::at(const QString &key, qsizetype index) const
{
    const auto it = m_arrays.constFind(key);
    if (it == m_arrays.cend())
        return m_root.value(key).toArray().at(index);
    const JsonScan::Span span = it.value().at(index);
    const char *p = m_data.constData() + span.offset;
    qsizetype first = 0;
    while (first < span.length && isSpace(p[first]))
        ++first;
    QJsonParseError error;
    if (first == span.length) { // "[1,,2]" or "[1,]": a comma with no value after it
        error.error = QJsonParseError::IllegalValue;
        return notJson(m_file, error, span.offset + span.length);
    }
    if (p[first] == '{' || p[first] == '[') {
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(p, span.length), &error);
        if (error.error != QJsonParseError::NoError)
            return notJson(m_file, error, span.offset + error.offset);
        return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    }
    // A scalar: wrapped, since a JSON document is an object or an array.
    const QByteArray wrapped = '[' + QByteArray(p, span.length) + ']';
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError)
        return notJson(m_file, error, span.offset + std::max<qsizetype>(0, error.offset - 1));
    return doc.array().at(0);
}

} // namespace strata::cyclonedx
