// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// DSSE envelopes (P1): manifest.dsse.json of bundles and model signatures, parsed before any signature is checked.
#include "FuzzInput.h"
#include "trust/Dsse.h"

using namespace Qt::Literals::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const strata::Result<strata::DsseEnvelope> envelope =
        strata::Dsse::parse(strata::fuzz::bytes(data, size), u"manifest.dsse.json"_s);
    if (!envelope)
        return 0;
    // A written envelope reads back with the same signed bytes and signatures.
    const strata::Result<strata::DsseEnvelope> again =
        strata::Dsse::parse(strata::Dsse::serialize(envelope.value()), u"again.json"_s);
    strata::fuzz::require(again.ok(), "a written envelope parses");
    strata::fuzz::require(again.value().preAuthenticationEncoding() == envelope.value().preAuthenticationEncoding(),
                          "a written envelope signs the same bytes");
    strata::fuzz::require(again.value().signatures.size() == envelope.value().signatures.size(),
                          "a written envelope keeps its signatures");
    return 0;
}
