// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// SPDX 3 JSON-LD (P1): the graph reader, vocabulary, licences and relationship checks.
#include "FuzzInput.h"
#include "interop/Spdx3Reader.h"

using namespace Qt::Literals::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const strata::Result<strata::ImportDocument> document =
        strata::Spdx3Reader::read(strata::fuzz::bytes(data, size), u"sbom.spdx.json"_s);
    if (!document)
        return 0;
    strata::fuzz::requireWhole(document.value());
    return 0;
}
