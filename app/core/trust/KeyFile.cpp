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

Status KeyFile::write(const QString &path, const PrivateKey &key, const QByteArray &passphrase)
{
    const QString shown = QDir::toNativeSeparators(path);
    if (QFileInfo(path).exists() || QFileInfo(path).isSymLink())
        return Error{ErrorCode::Conflict,
                     tr("%1 already exists; a key file is never overwritten. Choose another name.").arg(shown)};
    Result<QByteArray> pem = key.toEncryptedPem(passphrase);
    if (!pem)
        return pem.error();
    return AtomicFile::write(path, pem.value(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
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
    return PrivateKey::fromEncryptedPem(readCapped(file, keylimits::kMaxKeyFileBytes), passphrase, shown);
}

} // namespace strata
