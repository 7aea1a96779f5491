// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
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

    bool hasDuplicateKey() const { return duplicateOffset >= 0; }

    /// Scans `data`, which should already have parsed as JSON (the scan does not validate the grammar).
    static JsonScan of(const QByteArray &data);
    /// An error naming the file, the key and the line when a key is repeated; Ok otherwise.
    Status refuseDuplicateKeys(const QString &fileName) const;
};

} // namespace strata
