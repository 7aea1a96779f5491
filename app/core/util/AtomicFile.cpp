// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "util/AtomicFile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace strata {

namespace {

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

mode_t modeFor(QFileDevice::Permissions permissions)
{
    mode_t mode = 0;
    const std::pair<QFileDevice::Permission, mode_t> bits[] = {
        {QFileDevice::ReadOwner, S_IRUSR}, {QFileDevice::WriteOwner, S_IWUSR}, {QFileDevice::ExeOwner, S_IXUSR},
        {QFileDevice::ReadGroup, S_IRGRP}, {QFileDevice::WriteGroup, S_IWGRP}, {QFileDevice::ExeGroup, S_IXGRP},
        {QFileDevice::ReadOther, S_IROTH}, {QFileDevice::WriteOther, S_IWOTH}, {QFileDevice::ExeOther, S_IXOTH}};
    for (const auto &[permission, bit] : bits)
        if (permissions.testFlag(permission))
            mode |= bit;
    return mode;
}

} // namespace

Status AtomicFile::write(const QString &path, const QByteArray &data, QFileDevice::Permissions permissions)
{
    const QString name = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return Error{ErrorCode::InvalidInput,
                     tr("%1 exists and is not a regular file; choose another name.").arg(name)};
    QSaveFile file(path);
    file.setDirectWriteFallback(false); // never trade atomicity for convenience
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::Io, tr("Cannot write %1: %2").arg(name, file.errorString())};
    // Set on the open descriptor, so the data is never readable with wider permissions, even for a moment.
    if (permissions != QFileDevice::Permissions() && ::fchmod(file.handle(), modeFor(permissions)) != 0) {
        const QString reason = systemError();
        file.cancelWriting();
        return Error{ErrorCode::Io, tr("Cannot set the permissions of %1: %2").arg(name, reason)};
    }
    if (file.write(data) != data.size() || !file.flush()) {
        file.cancelWriting();
        return Error{
            ErrorCode::Io,
            tr("Writing %1 failed: %2. The previous file, if any, is unchanged.").arg(name, file.errorString())};
    }
    // QSaveFile::commit() syncs but ignores a failed sync; check it ourselves before the rename.
    if (::fsync(file.handle()) != 0) {
        const QString reason = systemError();
        file.cancelWriting();
        return Error{ErrorCode::Io,
                     tr("Writing %1 failed: the disk did not confirm the data (%2). The previous file, if any, is "
                        "unchanged.")
                         .arg(name, reason)};
    }
    if (!file.commit())
        return Error{
            ErrorCode::Io,
            tr("Saving %1 failed: %2. The previous file, if any, is unchanged.").arg(name, file.errorString())};
    // Make the rename itself durable.
    const QByteArray dir = QFile::encodeName(info.absolutePath());
    const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        const int rc = ::fsync(fd);
        const QString reason = rc != 0 ? systemError() : QString();
        ::close(fd);
        if (rc != 0)
            return Error{ErrorCode::Io,
                         tr("%1 was written, but the folder could not be synced to disk (%2).").arg(name, reason)};
    }
    return Ok{};
}

} // namespace strata
