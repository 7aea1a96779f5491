// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "signoff/Signoff.h"
#include "trust/Identity.h"

#include <QByteArray>
#include <QCoreApplication>

#include <optional>

namespace strata {

/// Checks a stored sign-off the way a sceptical outsider would: nothing counts as verified unless the signature
/// verifies with the signer's key over exactly the stored envelope, the verified payload is a Strata sign-off
/// statement, and the statement, the stored manifest and the row all agree. Then, and only then, it compares the
/// signed manifest with one built now.
class SignoffVerifier
{
    Q_DECLARE_TR_FUNCTIONS(strata::SignoffVerifier)

public:
    /// `identity` is the workspace's identity the row names (nullopt when it no longer exists); `currentManifest` is
    /// the canonical manifest built now.
    static SignoffCheck check(const Signoff &stored,
                              const std::optional<Identity> &identity,
                              const QByteArray &currentManifest);
};

} // namespace strata
