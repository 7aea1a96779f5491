// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "interop/ExportSet.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

namespace strata {

/// Writes one RFC 4180 CSV table per record kind (all common and kind-specific fields, supplier names,
/// digests), for people who work in spreadsheets. Cells that a spreadsheet would run as a formula are escaped.
class CsvWriter
{
    Q_DECLARE_TR_FUNCTIONS(strata::CsvWriter)

public:
    /// One CSV document per kind present in the set, keyed by the kind's key ("model").
    static Result<QMap<QString, QByteArray>> write(const ExportSet &set);
    /// Where the table of one kind goes when the user chose `path`: "inventory.csv" -> "inventory-model.csv";
    /// a name without an extension gets ".csv". The CLI and the GUI name files the same way.
    static QString pathForKind(const QString &path, const QString &kindKey);
    /// One RFC 4180 row ending in CRLF, with cells a spreadsheet would run as a formula escaped; other tables
    /// Strata writes (checklist results) use it so every CSV is escaped the same way.
    static QByteArray row(const QStringList &cells);
};

} // namespace strata
