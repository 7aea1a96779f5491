// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// Public key import (P1): a PEM file a user was sent, of any of the types Strata handles.
#include "FuzzInput.h"
#include "trust/Keys.h"

using namespace Qt::Literals::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QList<strata::KeyType> all = {strata::KeyType::Ed25519, strata::KeyType::EcdsaP256,
                                        strata::KeyType::EcdsaP384, strata::KeyType::EcdsaP521};
    const strata::Result<strata::PublicKey> key =
        strata::PublicKey::fromPem(strata::fuzz::bytes(data, size), all, u"key.pem"_s);
    if (!key)
        return 0;
    strata::fuzz::require(!key.value().isNull(), "an accepted key holds a key");
    // The canonical PEM Strata stores reads back to the same key.
    const strata::Result<strata::PublicKey> again = strata::PublicKey::fromPem(key.value().pem(), all, u"again"_s);
    strata::fuzz::require(again.ok(), "a stored key parses");
    strata::fuzz::require(again.value().fingerprint() == key.value().fingerprint(),
                          "a stored key keeps its fingerprint");
    strata::fuzz::require(!key.value().verify("message", QByteArray(64, '\0')), "a zero signature never verifies");
    return 0;
}
