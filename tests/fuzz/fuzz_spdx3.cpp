// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// SPDX 3 JSON-LD (P1): the graph reader, vocabulary, licences and relationship checks.
#include "FuzzInput.h"
#include "interop/Spdx3Reader.h"

#include <QSet>

using namespace Qt::Literals::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const strata::Result<strata::ImportDocument> document =
        strata::Spdx3Reader::read(strata::fuzz::bytes(data, size), u"sbom.spdx.json"_s);
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
