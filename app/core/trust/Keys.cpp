// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "trust/Keys.h"

#include "util/CappedRead.h"
#include "util/Sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <limits>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

/// OpenSSL's default would prompt on the terminal when a PEM block is encrypted; a hostile file must never do that.
int refusePassphrase(char *, int, int, void *)
{
    return -1;
}

std::shared_ptr<EVP_PKEY> wrap(EVP_PKEY *key)
{
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

/// A read-only memory BIO over `data`, freed at scope end.
struct MemoryIn
{
    explicit MemoryIn(const QByteArray &data)
        : bio(BIO_new_mem_buf(data.constData(), static_cast<int>(data.size())))
    {
    }
    ~MemoryIn() { BIO_free(bio); }
    MemoryIn(const MemoryIn &) = delete;
    MemoryIn &operator=(const MemoryIn &) = delete;
    BIO *bio;
};

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, static_cast<int>(size)) : QByteArray();
}

/// The key's type, or nothing when Strata does not support it.
std::optional<KeyType> typeOf(const EVP_PKEY *key)
{
    if (EVP_PKEY_get_base_id(key) == EVP_PKEY_ED25519)
        return KeyType::Ed25519;
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_EC)
        return std::nullopt;
    char group[64] = {};
    size_t length = 0;
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &length) != 1)
        return std::nullopt;
    const QByteArray name(group, static_cast<int>(length));
    if (name == "prime256v1" || name == "P-256")
        return KeyType::EcdsaP256;
    if (name == "secp384r1" || name == "P-384")
        return KeyType::EcdsaP384;
    if (name == "secp521r1" || name == "P-521")
        return KeyType::EcdsaP521;
    return std::nullopt;
}

/// The digest ECDSA uses with each curve; Ed25519 takes none (PureEdDSA).
const char *digestFor(KeyType type)
{
    switch (type) {
    case KeyType::Ed25519:
        return nullptr;
    case KeyType::EcdsaP256:
        return "SHA256";
    case KeyType::EcdsaP384:
        return "SHA384";
    case KeyType::EcdsaP521:
        return "SHA512";
    }
    return nullptr;
}

struct MdContext
{
    MdContext()
        : ctx(EVP_MD_CTX_new())
    {
    }
    ~MdContext() { EVP_MD_CTX_free(ctx); }
    MdContext(const MdContext &) = delete;
    MdContext &operator=(const MdContext &) = delete;
    EVP_MD_CTX *ctx;
};

/// The work a PKCS#8 file asks for to derive its key, as rounds (PBKDF2, PBES1, PKCS#12) or as scrypt's N × r × p,
/// read before any of it is done: the file names its own cost, so a hostile one could ask for 2^31 rounds and stall
/// Strata for hours. Zero when the parameters cannot be read (decryption then fails on its own).
struct DerivationCost
{
    quint64 rounds = 0;
    quint64 scrypt = 0;
};

quint64 asnValue(const ASN1_INTEGER *value)
{
    uint64_t out = 0;
    return value && ASN1_INTEGER_get_uint64(&out, value) == 1 ? out : 0;
}

/// a × b × c, or UINT64_MAX when that overflows.
quint64 saturatedProduct(quint64 a, quint64 b, quint64 c)
{
    quint64 out = a;
    for (const quint64 factor : {b, c})
        out = factor != 0 && out > std::numeric_limits<quint64>::max() / factor ? std::numeric_limits<quint64>::max()
                                                                                : out * factor;
    return out;
}

DerivationCost derivationCost(const X509_SIG *sealed)
{
    const X509_ALGOR *algorithm = nullptr;
    X509_SIG_get0(sealed, &algorithm, nullptr);
    DerivationCost cost;
    if (!algorithm || !algorithm->parameter)
        return cost;
    if (OBJ_obj2nid(algorithm->algorithm) != NID_pbes2) {
        auto *pbe = static_cast<PBEPARAM *>(ASN1_TYPE_unpack_sequence(ASN1_ITEM_rptr(PBEPARAM), algorithm->parameter));
        if (pbe)
            cost.rounds = asnValue(pbe->iter);
        PBEPARAM_free(pbe);
        return cost;
    }
    auto *pbe2 = static_cast<PBE2PARAM *>(ASN1_TYPE_unpack_sequence(ASN1_ITEM_rptr(PBE2PARAM), algorithm->parameter));
    const X509_ALGOR *kdf = pbe2 ? pbe2->keyfunc : nullptr;
    if (kdf && kdf->parameter && OBJ_obj2nid(kdf->algorithm) == NID_id_pbkdf2) {
        auto *params =
            static_cast<PBKDF2PARAM *>(ASN1_TYPE_unpack_sequence(ASN1_ITEM_rptr(PBKDF2PARAM), kdf->parameter));
        if (params)
            cost.rounds = asnValue(params->iter);
        PBKDF2PARAM_free(params);
    } else if (kdf && kdf->parameter && OBJ_obj2nid(kdf->algorithm) == NID_id_scrypt) {
        auto *params =
            static_cast<SCRYPT_PARAMS *>(ASN1_TYPE_unpack_sequence(ASN1_ITEM_rptr(SCRYPT_PARAMS), kdf->parameter));
        if (params)
            cost.scrypt = saturatedProduct(asnValue(params->costParameter), asnValue(params->blockSize),
                                           asnValue(params->parallelizationParameter));
        SCRYPT_PARAMS_free(params);
    }
    PBE2PARAM_free(pbe2);
    return cost;
}

} // namespace

PublicKey::PublicKey(std::shared_ptr<evp_pkey_st> key, KeyType type)
    : m_key(std::move(key))
    , m_type(type)
{
}

QString PublicKey::typeName(KeyType type)
{
    switch (type) {
    case KeyType::Ed25519:
        return u"Ed25519"_s;
    case KeyType::EcdsaP256:
        return u"ECDSA P-256"_s;
    case KeyType::EcdsaP384:
        return u"ECDSA P-384"_s;
    case KeyType::EcdsaP521:
        return u"ECDSA P-521"_s;
    }
    return QString();
}

Result<PublicKey> PublicKey::fromPem(const QByteArray &pem, const QList<KeyType> &allowed, const QString &source)
{
    if (pem.size() > keylimits::kMaxKeyFileBytes)
        return Error{ErrorCode::InvalidInput, tr("%1 is larger than %2 KiB; a public key file is much smaller.")
                                                  .arg(source)
                                                  .arg(keylimits::kMaxKeyFileBytes / 1024)};
    const MemoryIn in(pem);
    EVP_PKEY *raw = PEM_read_bio_PUBKEY(in.bio, nullptr, refusePassphrase, nullptr);
    ERR_clear_error();
    if (!raw) {
        if (pem.contains("PRIVATE KEY-----"))
            return Error{ErrorCode::InvalidInput, tr("%1 holds a private key; give the public key file instead (never "
                                                     "share the private key).")
                                                      .arg(source)};
        return Error{ErrorCode::InvalidInput, tr("%1 holds no readable public key; expected a PEM block that starts "
                                                 "with -----BEGIN PUBLIC KEY-----.")
                                                  .arg(source)};
    }
    std::shared_ptr<EVP_PKEY> key = wrap(raw);
    const std::optional<KeyType> type = typeOf(raw);
    if (!type || !allowed.contains(*type)) {
        QStringList names;
        for (const KeyType t : allowed)
            names.append(typeName(t));
        const QString found = type ? typeName(*type) : QString::fromLatin1(EVP_PKEY_get0_type_name(raw));
        return Error{
            ErrorCode::InvalidInput,
            tr("The key in %1 is %2; only %3 keys are accepted here.").arg(source, found, names.join(u", "_s))};
    }
    return PublicKey(std::move(key), *type);
}

Result<PublicKey> PublicKey::fromFile(const QString &path, const QList<KeyType> &allowed)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound, tr("Cannot read the key file %1; check the path.").arg(shown)};
    const QByteArray pem = readCapped(file, keylimits::kMaxKeyFileBytes);
    return fromPem(pem, allowed, shown);
}

QByteArray PublicKey::pem() const
{
    if (!m_key)
        return {};
    BIO *out = BIO_new(BIO_s_mem());
    QByteArray text;
    if (PEM_write_bio_PUBKEY(out, m_key.get()) == 1)
        text = drain(out);
    BIO_free(out);
    return text;
}

QByteArray PublicKey::spkiDer() const
{
    if (!m_key)
        return {};
    unsigned char *der = nullptr;
    const int size = i2d_PUBKEY(m_key.get(), &der);
    if (size <= 0)
        return {};
    QByteArray bytes(reinterpret_cast<const char *>(der), size);
    OPENSSL_free(der);
    return bytes;
}

QString PublicKey::fingerprint() const
{
    return m_key ? Sha256::hex(spkiDer()) : QString();
}

bool PublicKey::verify(const QByteArray &message, const QByteArray &signature) const
{
    if (!m_key || signature.isEmpty())
        return false;
    MdContext md;
    const bool ok =
        md.ctx &&
        EVP_DigestVerifyInit_ex(md.ctx, nullptr, digestFor(m_type), nullptr, nullptr, m_key.get(), nullptr) == 1 &&
        EVP_DigestVerify(md.ctx, reinterpret_cast<const unsigned char *>(signature.constData()),
                         static_cast<size_t>(signature.size()),
                         reinterpret_cast<const unsigned char *>(message.constData()),
                         static_cast<size_t>(message.size())) == 1;
    ERR_clear_error();
    return ok;
}

PrivateKey::PrivateKey(std::shared_ptr<evp_pkey_st> key, KeyType type)
    : m_key(std::move(key))
    , m_type(type)
{
}

Result<PrivateKey> PrivateKey::generate(KeyType type)
{
    EVP_PKEY *raw = nullptr;
    switch (type) {
    case KeyType::Ed25519:
        raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
        break;
    case KeyType::EcdsaP256:
        raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
        break;
    case KeyType::EcdsaP384:
        raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384");
        break;
    case KeyType::EcdsaP521:
        raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-521");
        break;
    }
    ERR_clear_error();
    if (!raw)
        return Error{ErrorCode::Unsupported,
                     tr("OpenSSL could not generate a %1 key pair.").arg(PublicKey::typeName(type))};
    return PrivateKey(wrap(raw), type);
}

Result<PrivateKey> PrivateKey::fromEd25519Seed(const QByteArray &seed)
{
    EVP_PKEY *raw = seed.size() == 32
                        ? EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
                                                       reinterpret_cast<const unsigned char *>(seed.constData()), 32)
                        : nullptr;
    ERR_clear_error();
    if (!raw)
        return Error{ErrorCode::InvalidInput, tr("An Ed25519 seed is 32 bytes; this one is %1.").arg(seed.size())};
    return PrivateKey(wrap(raw), KeyType::Ed25519);
}

Result<PrivateKey> PrivateKey::fromEncryptedPem(const QByteArray &pem,
                                                const QByteArray &passphrase,
                                                const QString &source)
{
    if (pem.size() > keylimits::kMaxKeyFileBytes)
        return Error{ErrorCode::InvalidInput, tr("%1 is larger than %2 KiB; it is not a Strata key file.")
                                                  .arg(source)
                                                  .arg(keylimits::kMaxKeyFileBytes / 1024)};
    const MemoryIn in(pem);
    X509_SIG *sealed = PEM_read_bio_PKCS8(in.bio, nullptr, refusePassphrase, nullptr);
    ERR_clear_error();
    if (!sealed)
        return Error{ErrorCode::InvalidInput, tr("%1 is not an encrypted private key file (a PEM block that starts "
                                                 "with -----BEGIN ENCRYPTED PRIVATE KEY-----), or it was damaged.")
                                                  .arg(source)};
    const DerivationCost cost = derivationCost(sealed);
    if (cost.rounds > keylimits::kMaxDerivationRounds || cost.scrypt > keylimits::kMaxScryptCost) {
        X509_SIG_free(sealed);
        return Error{ErrorCode::InvalidInput,
                     cost.rounds > 0 ? tr("%1 asks for %2 key-derivation rounds to unlock, more than the %3 Strata "
                                          "allows, so it would stall Strata; it is refused unopened. Use a key file "
                                          "that strata-cli key new wrote.")
                                           .arg(source)
                                           .arg(cost.rounds)
                                           .arg(keylimits::kMaxDerivationRounds)
                                     : tr("%1 asks for a scrypt cost (N × r × p) of %2 to unlock, more than the %3 "
                                          "Strata allows, so it would stall Strata; it is refused unopened. Use a key "
                                          "file that strata-cli key new wrote.")
                                           .arg(source)
                                           .arg(cost.scrypt)
                                           .arg(keylimits::kMaxScryptCost)};
    }
    PKCS8_PRIV_KEY_INFO *info =
        PKCS8_decrypt_ex(sealed, passphrase.constData(), static_cast<int>(passphrase.size()), nullptr, nullptr);
    X509_SIG_free(sealed);
    EVP_PKEY *raw = info ? EVP_PKCS82PKEY_ex(info, nullptr, nullptr) : nullptr;
    PKCS8_PRIV_KEY_INFO_free(info);
    ERR_clear_error();
    if (!raw)
        return Error{ErrorCode::InvalidInput, tr("Cannot unlock %1: the passphrase is wrong, or the key file was "
                                                 "changed. Check the passphrase (STRATA_PASSPHRASE) and the file.")
                                                  .arg(source)};
    std::shared_ptr<EVP_PKEY> key = wrap(raw);
    const std::optional<KeyType> type = typeOf(raw);
    if (!type)
        return Error{ErrorCode::Unsupported, tr("The key in %1 is %2, which Strata cannot sign with.")
                                                 .arg(source, QString::fromLatin1(EVP_PKEY_get0_type_name(raw)))};
    return PrivateKey(std::move(key), *type);
}

PublicKey PrivateKey::publicKey() const
{
    if (!m_key)
        return PublicKey();
    // Through the DER SubjectPublicKeyInfo, so the public object never carries the private half.
    unsigned char *der = nullptr;
    const int size = i2d_PUBKEY(m_key.get(), &der);
    const unsigned char *cursor = der;
    EVP_PKEY *raw = size > 0 ? d2i_PUBKEY(nullptr, &cursor, size) : nullptr;
    OPENSSL_free(der);
    ERR_clear_error();
    return raw ? PublicKey(wrap(raw), m_type) : PublicKey();
}

QByteArray PrivateKey::rawEd25519PublicKey() const
{
    if (!m_key || m_type != KeyType::Ed25519)
        return {};
    QByteArray raw(32, '\0');
    size_t size = 32;
    if (EVP_PKEY_get_raw_public_key(m_key.get(), reinterpret_cast<unsigned char *>(raw.data()), &size) != 1)
        return {};
    return raw.left(static_cast<int>(size));
}

Result<QByteArray> PrivateKey::sign(const QByteArray &message) const
{
    const Error failed{ErrorCode::Unsupported,
                       tr("OpenSSL could not make a %1 signature.").arg(PublicKey::typeName(m_type))};
    if (!m_key)
        return failed;
    MdContext md;
    size_t size = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(message.constData());
    const auto length = static_cast<size_t>(message.size());
    if (!md.ctx ||
        EVP_DigestSignInit_ex(md.ctx, nullptr, digestFor(m_type), nullptr, nullptr, m_key.get(), nullptr) != 1 ||
        EVP_DigestSign(md.ctx, nullptr, &size, data, length) != 1) {
        ERR_clear_error();
        return failed;
    }
    QByteArray signature(static_cast<int>(size), '\0');
    if (EVP_DigestSign(md.ctx, reinterpret_cast<unsigned char *>(signature.data()), &size, data, length) != 1) {
        ERR_clear_error();
        return failed;
    }
    signature.truncate(static_cast<int>(size));
    return signature;
}

Result<QByteArray> PrivateKey::toEncryptedPem(const QByteArray &passphrase, int iterations) const
{
    const Error failed{ErrorCode::Unsupported, tr("OpenSSL could not encrypt the private key.")};
    if (!m_key)
        return failed;
    if (passphrase.isEmpty())
        return Error{ErrorCode::InvalidInput,
                     tr("The passphrase is empty; a private key is never written unprotected.")};
    PKCS8_PRIV_KEY_INFO *info = EVP_PKEY2PKCS8(m_key.get());
    // PBES2 with AES-256-CBC; OpenSSL 3 derives the key with PBKDF2-HMAC-SHA256 and a random salt.
    X509_SIG *sealed =
        info ? PKCS8_encrypt_ex(-1, EVP_aes_256_cbc(), passphrase.constData(), static_cast<int>(passphrase.size()),
                                nullptr, 0, iterations, info, nullptr, nullptr)
             : nullptr;
    PKCS8_PRIV_KEY_INFO_free(info);
    QByteArray pem;
    if (sealed) {
        BIO *out = BIO_new(BIO_s_mem());
        if (PEM_write_bio_PKCS8(out, sealed) == 1)
            pem = drain(out);
        BIO_free(out);
        X509_SIG_free(sealed);
    }
    ERR_clear_error();
    if (pem.isEmpty())
        return failed;
    return pem;
}

} // namespace strata
