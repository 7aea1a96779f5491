// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>

struct evp_pkey_st;

namespace strata {

/// The signature algorithms Strata handles: Ed25519 for its own identities, ECDSA for OpenSSF model signatures.
enum class KeyType { Ed25519, EcdsaP256, EcdsaP384, EcdsaP521 };

/// Caps on key material read from files, which may be hostile.
namespace keylimits {
constexpr qint64 kMaxKeyFileBytes = 64 * 1024;
constexpr int kMinPbkdf2Iterations = 600000;
/// The most key-derivation work a key file may ask for before its passphrase is tried: about 16 times what Strata
/// writes, so an honest file always opens and a hostile one cannot stall the program.
constexpr quint64 kMaxDerivationRounds = 10000000;
constexpr quint64 kMaxScryptCost = quint64(1) << 24; ///< N × r × p; a strong setting (N 2^20, r 8, p 1) is 2^23
} // namespace keylimits

/// A public key from a PEM (SubjectPublicKeyInfo) block, checked to be of a supported type; verifies signatures.
class PublicKey
{
    Q_DECLARE_TR_FUNCTIONS(strata::PublicKey)

public:
    PublicKey() = default;

    /// Parses the first PUBLIC KEY block in `pem` (text around it is ignored); any other key type than `allowed`
    /// is refused. `source` names the file in messages.
    static Result<PublicKey> fromPem(const QByteArray &pem, const QList<KeyType> &allowed, const QString &source);
    /// Reads a PEM file of at most keylimits::kMaxKeyFileBytes.
    static Result<PublicKey> fromFile(const QString &path, const QList<KeyType> &allowed);

    bool isNull() const { return !m_key; }
    KeyType type() const { return m_type; }
    /// Canonical PEM (only the PUBLIC KEY block), as stored in a workspace.
    QByteArray pem() const;
    /// DER SubjectPublicKeyInfo.
    QByteArray spkiDer() const;
    /// SHA-256 of the DER SubjectPublicKeyInfo, lowercase hex.
    QString fingerprint() const;
    /// Ed25519 over the whole message; ECDSA with the curve's own hash (P-256: SHA-256, P-384: SHA-384, P-521:
    /// SHA-512) and a DER signature, as Sigstore and OpenSSF model signing use.
    bool verify(const QByteArray &message, const QByteArray &signature) const;

    static QString typeName(KeyType type);

private:
    friend class PrivateKey;
    PublicKey(std::shared_ptr<evp_pkey_st> key, KeyType type);

    std::shared_ptr<evp_pkey_st> m_key;
    KeyType m_type = KeyType::Ed25519;
};

/// A private signing key in memory; written to disk only as an encrypted PKCS#8 file.
class PrivateKey
{
    Q_DECLARE_TR_FUNCTIONS(strata::PrivateKey)

public:
    PrivateKey() = default;

    static Result<PrivateKey> generate(KeyType type);
    /// An Ed25519 key from its 32-byte seed (RFC 8032 test vectors).
    static Result<PrivateKey> fromEd25519Seed(const QByteArray &seed);
    /// Decrypts an ENCRYPTED PRIVATE KEY PEM; a wrong passphrase and a changed file are both refused.
    static Result<PrivateKey> fromEncryptedPem(const QByteArray &pem,
                                               const QByteArray &passphrase,
                                               const QString &source);

    bool isNull() const { return !m_key; }
    KeyType type() const { return m_type; }
    PublicKey publicKey() const;
    /// The raw 32-byte Ed25519 public key (RFC 8032 test vectors); empty for other types.
    QByteArray rawEd25519PublicKey() const;
    /// Ed25519: the 64-byte signature of the whole message; ECDSA: a DER signature over the curve's hash.
    Result<QByteArray> sign(const QByteArray &message) const;
    /// PKCS#8 PBES2: PBKDF2-HMAC-SHA256 with `iterations` rounds and AES-256-CBC, as PEM.
    Result<QByteArray> toEncryptedPem(const QByteArray &passphrase,
                                      int iterations = keylimits::kMinPbkdf2Iterations) const;

private:
    PrivateKey(std::shared_ptr<evp_pkey_st> key, KeyType type);

    std::shared_ptr<evp_pkey_st> m_key;
    KeyType m_type = KeyType::Ed25519;
};

} // namespace strata
