// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// Hugging Face model and dataset cards (P1): README.md front matter through yaml-cpp and the Markdown body.
#include "FuzzInput.h"
#include "interop/HuggingFaceCardReader.h"

#include <QSet>

using namespace Qt::Literals::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const strata::Result<strata::ImportDocument> document =
        strata::HuggingFaceCardReader::read(strata::fuzz::bytes(data, size), u"README.md"_s);
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
