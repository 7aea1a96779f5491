// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "trust/Keys.h"

#include <QCoreApplication>
#include <QString>

namespace strata {

/// A private key on disk: encrypted PKCS#8 PEM, mode 0600, written atomically and never over an existing file,
/// because overwriting a key file would destroy an identity for good. PKCS#8 encryption has no integrity check (a
/// changed ciphertext block can decrypt to another valid key), so a "Strata-Key-Fingerprint:" line before the PEM
/// block names the public key, and reading refuses a file whose key does not match it.
class KeyFile
{
    Q_DECLARE_TR_FUNCTIONS(strata::KeyFile)

public:
    /// Encrypts `key` with `passphrase` (PBKDF2-HMAC-SHA256, at least 600,000 rounds, AES-256) and writes it.
    static Status write(const QString &path, const PrivateKey &key, const QByteArray &passphrase);
    /// Reads and decrypts a key file; one that others may read is refused, as ssh does, and so is one whose key
    /// does not match its fingerprint line.
    static Result<PrivateKey> read(const QString &path, const QByteArray &passphrase);
};

} // namespace strata
