// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "trust/KeyFile.h"

#include "util/AtomicFile.h"
#include "util/CappedRead.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

const QByteArray kFingerprintHeader = "Strata-Key-Fingerprint: ";

} // namespace

Status KeyFile::write(const QString &path, const PrivateKey &key, const QByteArray &passphrase)
{
    const QString shown = QDir::toNativeSeparators(path);
    if (QFileInfo(path).exists() || QFileInfo(path).isSymLink())
        return Error{ErrorCode::Conflict,
                     tr("%1 already exists; a key file is never overwritten. Choose another name.").arg(shown)};
    Result<QByteArray> pem = key.toEncryptedPem(passphrase);
    if (!pem)
        return pem.error();
    const QByteArray content = kFingerprintHeader + key.publicKey().fingerprint().toLatin1() + '\n' + pem.value();
    return AtomicFile::write(path, content, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

Result<PrivateKey> KeyFile::read(const QString &path, const QByteArray &passphrase)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.isFile())
        return Error{ErrorCode::NotFound, tr("The key file %1 does not exist; check the path.").arg(shown)};
    const QFileDevice::Permissions open =
        QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther;
    if (info.permissions() & open)
        return Error{ErrorCode::InvalidInput, tr("The key file %1 can be read or changed by other users; make it "
                                                 "private first (chmod 600 %1).")
                                                  .arg(shown)};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, tr("Cannot read the key file %1: %2").arg(shown, file.errorString())};
    const QByteArray content = readCapped(file, keylimits::kMaxKeyFileBytes);
    QByteArray expected;
    for (const QByteArray &line : content.left(content.indexOf("-----BEGIN")).split('\n'))
        if (line.startsWith(kFingerprintHeader))
            expected = line.mid(kFingerprintHeader.size()).trimmed();
    if (expected.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("%1 has no \"Strata-Key-Fingerprint:\" line, so it is not a Strata "
                                                 "key file or it was changed; use the file strata-cli key new wrote.")
                                                  .arg(shown)};
    Result<PrivateKey> key = PrivateKey::fromEncryptedPem(content, passphrase, shown);
    if (!key)
        return key.error();
    if (key.value().publicKey().fingerprint().toLatin1() != expected)
        return Error{ErrorCode::Integrity, tr("%1 was changed: the key it holds does not match its fingerprint line. "
                                              "Restore the key file from a backup.")
                                               .arg(shown)};
    return key;
}

} // namespace strata
