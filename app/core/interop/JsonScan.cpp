// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/JsonScan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QVector>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

/// The decoded text of a raw JSON string (without its quotes), so "a" and "\u0061" are the same key.
QString decodeKey(const QByteArray &raw)
{
    if (!raw.contains('\\'))
        return QString::fromUtf8(raw);
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[\"") + raw + QByteArray("\"]"));
    return doc.array().at(0).toString();
}

struct Container
{
    bool object = false;
    bool expectKey = false;
    QSet<QString> keys;
};

} // namespace

JsonScan JsonScan::of(const QByteArray &data)
{
    JsonScan scan;
    QVector<Container> stack;
    int line = 1;
    const char *p = data.constData();
    const qsizetype n = data.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = p[i];
        switch (c) {
        case '\n':
            ++line;
            break;
        case '{':
            stack.append(Container{true, true, {}});
            break;
        case '[':
            stack.append(Container{false, false, {}});
            break;
        case '}':
        case ']':
            if (!stack.isEmpty())
                stack.removeLast();
            break;
        case ',':
            if (!stack.isEmpty() && stack.last().object)
                stack.last().expectKey = true;
            break;
        case ':':
            if (!stack.isEmpty())
                stack.last().expectKey = false;
            break;
        case '"': {
            const qsizetype start = i + 1;
            qsizetype end = start;
            while (end < n && p[end] != '"') {
                if (p[end] == '\\')
                    ++end;
                else if (p[end] == '\n')
                    ++line; // invalid inside a string, but keep the count honest
                ++end;
            }
            scan.longestString = std::max(scan.longestString, std::min(end, n) - start);
            if (!stack.isEmpty() && stack.last().object && stack.last().expectKey && !scan.hasDuplicateKey()) {
                const QString key = decodeKey(QByteArray::fromRawData(p + start, std::min(end, n) - start));
                if (stack.last().keys.contains(key)) {
                    scan.duplicateKey = key;
                    scan.duplicateLine = line;
                    scan.duplicateOffset = i;
                } else {
                    stack.last().keys.insert(key);
                }
            }
            i = end;
            break;
        }
        default:
            break;
        }
    }
    return scan;
}

Status JsonScan::refuseDuplicateKeys(const QString &fileName) const
{
    if (!hasDuplicateKey())
        return Ok{};
    return Error{ErrorCode::InvalidInput,
                 tr("%1, line %2: the key \"%3\" appears twice in the same object. A document with repeated keys "
                    "is ambiguous (tools disagree on which value counts) and is refused; remove one of them.")
                     .arg(fileName)
                     .arg(duplicateLine)
                     .arg(duplicateKey.left(200))};
}

} // namespace strata
