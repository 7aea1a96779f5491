// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>

namespace strata {

/// What one pass over a JSON text's bytes finds that a parsed QJsonDocument hides: Qt's parser keeps only the last
/// of two equal keys in an object, so a hostile file could show Strata one value and other tools another.
struct JsonScan
{
    Q_DECLARE_TR_FUNCTIONS(strata::JsonScan)

public:
    /// An upper bound of the longest string or key: bytes between quotes, escapes included.
    qsizetype longestString = 0;
    QString duplicateKey;           ///< the first key found twice in one object (it may be "")
    int duplicateLine = 0;          ///< 1-based line of its second occurrence
    qsizetype duplicateOffset = -1; ///< byte offset of its second occurrence; -1 when no key repeats

    /// Where one element of a top-level array lies in the scanned bytes (surrounding whitespace included).
    struct Span
    {
        qsizetype offset = 0;
        qsizetype length = 0;
    };

    /// A top-level array of the document's object, found when its key was asked for: what a reader needs to parse
    /// the array one element at a time instead of holding the whole document's tree.
    struct TopArray
    {
        QString key;
        qsizetype open = -1;  ///< offset of its '['
        qsizetype close = -1; ///< offset of the byte that closed it; -1 when nothing did (a cut file)
        bool closedByBracket = false;
        QList<Span> elements; ///< "[]" and "[ ]" have none; "[1,]" has a blank second one
    };

    /// Qt's JSON parser refuses nesting deeper than this; the scan stops there too, so a file of brackets cannot
    /// grow its stack with the file's size. Readers that parse afterwards get Qt's own error.
    static constexpr int kMaxDepth = 1024;
    bool tooDeep = false; ///< nesting went past kMaxDepth and the scan stopped there

    bool hasDuplicateKey() const { return duplicateOffset >= 0; }

    /// Scans `data`, which should already have parsed as JSON (the scan does not validate the grammar).
    static JsonScan of(const QByteArray &data);
    /// The same scan, also noting the element spans of the top-level arrays named in `splitKeys`. `data` need not
    /// have been parsed: a reader parses each span and the rest itself, which validates the whole text.
    static JsonScan of(const QByteArray &data, const QSet<QString> &splitKeys);

    QList<TopArray> topArrays; ///< in document order; a key repeated at the top level appears twice
    /// An error naming the file, the key and the line when a key is repeated; Ok otherwise.
    Status refuseDuplicateKeys(const QString &fileName) const;
};

} // namespace strata
