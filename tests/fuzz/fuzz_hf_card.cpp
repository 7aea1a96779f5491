// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// Hugging Face model and dataset cards (P1): README.md front matter through yaml-cpp and the Markdown body.
#include "FuzzInput.h"
#include "interop/HuggingFaceCardReader.h"

using namespace Qt::Literals::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const strata::Result<strata::ImportDocument> document =
        strata::HuggingFaceCardReader::read(strata::fuzz::bytes(data, size), u"README.md"_s);
    if (!document)
        return 0;
    strata::fuzz::requireWhole(document.value());
    return 0;
}
