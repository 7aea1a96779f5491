// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// Encrypted PKCS#8 key files (P1): decrypted with the fixed passphrase "fuzz", which the seeds were encrypted with.
#include "FuzzInput.h"
#include "trust/Keys.h"

using namespace Qt::Literals::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const strata::Result<strata::PrivateKey> key =
        strata::PrivateKey::fromEncryptedPem(strata::fuzz::bytes(data, size), "fuzz", u"identity.key"_s);
    if (key)
        strata::fuzz::require(!key.value().publicKey().isNull(), "an unlocked key has a public half");
    return 0;
}
