// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "interop/ImportDocument.h"

#include <QByteArray>
#include <QSet>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace strata::fuzz {

/// The fuzzer's bytes without a copy and without a terminating zero, so ASan catches a parser that reads past the
/// end as if the text were a C string.
inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

/// A property every accepted input must keep; a violation is a finding, so it stops the fuzzer with the input.
inline void require(bool holds, const char *what)
{
    if (holds)
        return;
    std::fprintf(stderr, "fuzz property violated: %s\n", what);
    std::abort();
}

/// What every importer must give when it accepts a file: a whole document whose refs are unique and whose every
/// relation joins two of its records.
inline void requireWhole(const ImportDocument &document)
{
    QSet<QString> refs;
    for (const ImportedRecord &record : document.records) {
        require(!refs.contains(record.ref), "record refs are unique");
        refs.insert(record.ref);
    }
    for (const ImportedRelation &relation : document.relations)
        require(refs.contains(relation.fromRef) && refs.contains(relation.toRef),
                "every relation joins two records of the document");
}

} // namespace strata::fuzz
