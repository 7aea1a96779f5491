// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "util/Sha256.h"

#include <QIODevice>

#include <openssl/evp.h>

namespace strata {

namespace {

constexpr qint64 kChunkSize = 1024 * 1024;

} // namespace

struct Sha256::Private
{
    EVP_MD_CTX *ctx = nullptr;
    bool ok = false;
};

Sha256::Sha256()
    : d(new Private)
{
    d->ctx = EVP_MD_CTX_new();
    d->ok = d->ctx && EVP_DigestInit_ex(d->ctx, EVP_sha256(), nullptr) == 1;
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(d->ctx);
    delete d;
}

void Sha256::update(const char *data, qint64 size)
{
    if (d->ok && size > 0)
        d->ok = EVP_DigestUpdate(d->ctx, data, static_cast<size_t>(size)) == 1;
}

QString Sha256::finalHex()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!d->ok || EVP_DigestFinal_ex(d->ctx, digest, &length) != 1)
        return {};
    d->ok = false;
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), static_cast<int>(length)).toHex());
}

QString Sha256::hex(const QByteArray &data)
{
    Sha256 h;
    h.update(data);
    return h.finalHex();
}

Result<QString> Sha256::hex(QIODevice &device)
{
    Sha256 h;
    QByteArray buffer(kChunkSize, Qt::Uninitialized);
    qint64 n = 0;
    while ((n = device.read(buffer.data(), buffer.size())) > 0)
        h.update(buffer.constData(), n);
    if (n < 0)
        return Error{ErrorCode::Io, tr("Reading %1 failed: %2").arg(device.objectName(), device.errorString())};
    const QString result = h.finalHex();
    if (result.isEmpty())
        return Error{ErrorCode::Io, tr("The SHA-256 computation failed inside OpenSSL.")};
    return result;
}

} // namespace strata
