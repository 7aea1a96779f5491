// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// CycloneDX JSON (P1): the reader, its streaming split of the top-level arrays (JsonScan) and every check.
#include "FuzzInput.h"
#include "interop/CycloneDxReader.h"

using namespace Qt::Literals::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const strata::Result<strata::ImportDocument> document =
        strata::CycloneDxReader::read(strata::fuzz::bytes(data, size), u"bom.json"_s);
    if (!document)
        return 0;
    strata::fuzz::requireWhole(document.value());
    return 0;
}
