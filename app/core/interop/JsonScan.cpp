// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/JsonScan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QVector>

#include <algorithm>

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
    int topArray = -1; ///< index into JsonScan::topArrays when this is a split top-level array
    QString lastKey;   ///< the key read last, kept for the top-level object only
};

bool isBlank(const char *p, qsizetype length)
{
    return std::all_of(p, p + length, [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

} // namespace

JsonScan JsonScan::of(const QByteArray &data)
{
    return of(data, {});
}

JsonScan JsonScan::of(const QByteArray &data, const QSet<QString> &splitKeys)
{
    JsonScan scan;
    QVector<Container> stack;
    qsizetype elementStart = 0; ///< where the current element of a split array began
    int line = 1;
    const char *p = data.constData();
    const qsizetype n = data.size();
    const auto endElement = [&](qsizetype end, bool last) {
        TopArray &array = scan.topArrays[stack.last().topArray];
        const qsizetype length = end - elementStart;
        if (!(last && array.elements.isEmpty() && isBlank(p + elementStart, length)))
            array.elements.append(Span{elementStart, length});
        elementStart = end + 1;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const char c = p[i];
        if ((c == '{' || c == '[') && stack.size() >= kMaxDepth) {
            scan.tooDeep = true;
            return scan;
        }
        switch (c) {
        case '\n':
            ++line;
            break;
        case '{':
            stack.append(Container{true, true, {}, -1, {}});
            break;
        case '[': {
            int topArray = -1;
            if (stack.size() == 1 && stack.last().object && !stack.last().expectKey &&
                splitKeys.contains(stack.last().lastKey)) {
                topArray = static_cast<int>(scan.topArrays.size());
                scan.topArrays.append(TopArray{stack.last().lastKey, i, -1, false, {}});
                elementStart = i + 1;
            }
            stack.append(Container{false, false, {}, topArray, {}});
            break;
        }
        case '}':
        case ']':
            if (!stack.isEmpty()) {
                if (stack.last().topArray >= 0) {
                    endElement(i, true);
                    TopArray &array = scan.topArrays[stack.last().topArray];
                    array.close = i;
                    array.closedByBracket = c == ']';
                }
                stack.removeLast();
            }
            break;
        case ',':
            if (!stack.isEmpty() && stack.last().object)
                stack.last().expectKey = true;
            else if (!stack.isEmpty() && stack.last().topArray >= 0)
                endElement(i, false);
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
            if (stack.size() == 1 && stack.last().object && stack.last().expectKey && !splitKeys.isEmpty())
                stack.last().lastKey = decodeKey(QByteArray::fromRawData(p + start, std::min(end, n) - start));
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
