// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// CycloneDX JSON (P1): the reader, its streaming split of the top-level arrays (JsonScan) and every check.
#include "FuzzInput.h"
#include "interop/CycloneDxReader.h"

#include <QSet>

using namespace Qt::Literals::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const strata::Result<strata::ImportDocument> document =
        strata::CycloneDxReader::read(strata::fuzz::bytes(data, size), u"bom.json"_s);
    if (!document)
        return 0;
    // An accepted document is whole: refs are unique and every relation joins two of its records.
    QSet<QString> refs;
    for (const strata::ImportedRecord &record : document.value().records) {
        strata::fuzz::require(!refs.contains(record.ref), "record refs are unique");
        refs.insert(record.ref);
    }
    for (const strata::ImportedRelation &relation : document.value().relations)
        strata::fuzz::require(refs.contains(relation.fromRef) && refs.contains(relation.toRef),
                              "every relation joins two records of the document");
    return 0;
}
