// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

class QIODevice;

namespace strata {

/// SHA-256 through OpenSSL's EVP interface: the one place Strata hashes, because Qt 6.4's own
/// QCryptographicHash on Debian is about eight times slower.
class Sha256
{
    Q_DECLARE_TR_FUNCTIONS(strata::Sha256)

public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void update(const char *data, qint64 size);
    void update(const QByteArray &data) { update(data.constData(), data.size()); }
    /// Lowercase hex of the digest; the object cannot be updated afterwards.
    QString finalHex();

    static QString hex(const QByteArray &data);
    /// Streams the device in 1 MiB reads; an I/O error is reported, never hashed around.
    static Result<QString> hex(QIODevice &device);

private:
    struct Private;
    Private *d;
};

} // namespace strata
