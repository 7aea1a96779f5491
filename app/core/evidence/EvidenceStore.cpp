// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "evidence/EvidenceStore.h"

#include "util/CrashPoint.h"
#include "util/Sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

/// Makes a rename or a new entry in `folder` durable.
bool syncFolder(const QString &folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

/// Writes all of `data`; a short write (a disk filling up) is retried, so the error names the cause (ENOSPC).
bool writeAll(QFile &file, const char *data, qint64 size, QString *reason, int *systemCode)
{
    qint64 done = 0;
    while (done < size) {
        const qint64 n = file.write(data + done, size - done);
        if (n <= 0) {
            *systemCode = errno;
            *reason = file.error() != QFileDevice::NoError ? file.errorString() : systemError();
            return false;
        }
        done += n;
    }
    return true;
}

/// Removes the partial copy on every way out of store() except the successful rename.
class TemporaryCopy
{
public:
    explicit TemporaryCopy(QFile &file)
        : m_file(file)
    {
    }
    ~TemporaryCopy()
    {
        if (m_keep)
            return;
        m_file.close();
        m_file.remove();
    }
    TemporaryCopy(const TemporaryCopy &) = delete;
    TemporaryCopy &operator=(const TemporaryCopy &) = delete;
    void keep() { m_keep = true; }

private:
    QFile &m_file;
    bool m_keep = false;
};

} // namespace

QString EvidenceStore::folderFor(const QString &workspacePath)
{
    const QFileInfo info(workspacePath);
    return info.absoluteDir().filePath(u"%1.strata-evidence"_s.arg(info.completeBaseName()));
}

EvidenceStore::EvidenceStore(QString root)
    : m_root(std::move(root))
{
}

QString EvidenceStore::blobPath(const QString &sha256) const
{
    return QDir(m_root).filePath(u"sha256/%1/%2"_s.arg(sha256.left(2), sha256));
}

QString EvidenceStore::temporaryFolder() const
{
    return QDir(m_root).filePath(u"tmp"_s);
}

void EvidenceStore::removeTemporaryFiles() const
{
    QDir tmp(temporaryFolder());
    const QStringList leftovers = tmp.entryList({u"*.part"_s}, QDir::Files | QDir::Hidden);
    for (const QString &name : leftovers)
        tmp.remove(name);
}

QString EvidenceStore::pendingFolder() const
{
    return QDir(m_root).filePath(u"pending"_s);
}

QString EvidenceStore::pendingMarker(const QString &sha256) const
{
    return QDir(pendingFolder()).filePath(sha256);
}

bool EvidenceStore::markPending(const QString &sha256) const
{
    const bool created = !QFileInfo::exists(pendingFolder());
    if (created && !QDir().mkpath(pendingFolder()))
        return false;
    const QByteArray marker = QFile::encodeName(pendingMarker(sha256));
    const int fd = ::open(marker.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    ::close(fd);
    // Durable before the blob is: a blob whose row never came is always found again.
    return syncFolder(pendingFolder()) && (!created || syncFolder(m_root));
}

void EvidenceStore::markRecorded(const QString &sha256) const
{
    QFile::remove(pendingMarker(sha256));
}

void EvidenceStore::removeUnrecorded(const std::function<bool(const QString &)> &isRecorded) const
{
    QDir pending(pendingFolder());
    const QStringList markers = pending.entryList(QDir::Files | QDir::Hidden);
    static const QRegularExpression digest(u"^[0-9a-f]{64}$"_s);
    for (const QString &sha256 : markers) {
        if (digest.match(sha256).hasMatch() && !isRecorded(sha256))
            QFile::remove(blobPath(sha256));
        pending.remove(sha256);
    }
}

Result<StoredBlob> EvidenceStore::store(const QString &sourcePath, const EvidenceAddOptions &options) const
{
    const QString shown = QDir::toNativeSeparators(sourcePath);
    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, tr("Cannot read %1: %2").arg(shown, source.errorString())};
    const qint64 total = source.size();
    if (!QDir().mkpath(temporaryFolder()))
        return Error{ErrorCode::Io, tr("Cannot create the evidence folder %1; check that the folder beside the "
                                       "workspace is writable.")
                                        .arg(QDir::toNativeSeparators(m_root))};

    QFile temp;
    for (int attempt = 0; attempt < 8 && !temp.isOpen(); ++attempt) {
        temp.setFileName(
            QDir(temporaryFolder())
                .filePath(u"add-%1.part"_s.arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'))));
        temp.open(QIODevice::WriteOnly | QIODevice::NewOnly);
    }
    if (!temp.isOpen())
        return Error{ErrorCode::Io, tr("Cannot write to the evidence folder %1: %2")
                                        .arg(QDir::toNativeSeparators(temporaryFolder()), temp.errorString())};
    TemporaryCopy cleanup(temp);
    const auto copyFailed = [&](const QString &reason, int systemCode = 0) {
        if (systemCode == EFBIG)
            return Error{ErrorCode::Io,
                         tr("Copying %1 into the evidence store failed: %2. Nothing was stored; the file is larger "
                            "than this session may write (its file size limit, ulimit -f). Raise the limit and try "
                            "again.")
                             .arg(shown, reason)};
        return Error{ErrorCode::Io, tr("Copying %1 into the evidence store failed: %2. Nothing was stored; free some "
                                       "disk space or check the folder %3, then try again.")
                                        .arg(shown, reason, QDir::toNativeSeparators(m_root))};
    };

    Sha256 hash;
    QByteArray buffer(kChunkSize, Qt::Uninitialized);
    qint64 done = 0;
    for (;;) {
        if (options.cancel && options.cancel->load(std::memory_order_relaxed))
            return Error{ErrorCode::Cancelled, tr("Adding %1 was cancelled; nothing was stored.").arg(shown)};
        const qint64 n = source.read(buffer.data(), buffer.size());
        if (n < 0)
            return Error{ErrorCode::Io,
                         tr("Reading %1 failed: %2. Nothing was stored.").arg(shown, source.errorString())};
        if (n == 0)
            break;
        hash.update(buffer.constData(), n);
        QString reason;
        if (int systemCode = 0; !writeAll(temp, buffer.constData(), n, &reason, &systemCode))
            return copyFailed(reason, systemCode);
        done += n;
        if (options.progress)
            options.progress(done, total);
    }
    if (!temp.flush())
        return copyFailed(temp.errorString());
    if (::fsync(temp.handle()) != 0)
        return copyFailed(systemError());
    temp.close();
    crashPoint("evidence.blob-written");
    const QString digest = hash.finalHex();
    if (digest.isEmpty())
        return Error{ErrorCode::Io, tr("The SHA-256 computation failed inside OpenSSL; nothing was stored.")};

    const QString target = blobPath(digest);
    const QString folder = QFileInfo(target).absolutePath();
    if (!QDir().mkpath(folder))
        return copyFailed(tr("cannot create the folder %1").arg(QDir::toNativeSeparators(folder)));
    if (QFileInfo::exists(target)) {
        // Keep a blob that still matches its name; replace one that was damaged with the fresh copy.
        const Result<QString> existing = hashFile(target, options.cancel);
        if (!existing && existing.error().code == ErrorCode::Cancelled)
            return existing.error();
        if (existing && existing.value() == digest)
            return StoredBlob{digest, done, false};
    }
    if (!markPending(digest))
        return copyFailed(systemError());
    if (std::rename(QFile::encodeName(temp.fileName()).constData(), QFile::encodeName(target).constData()) != 0)
        return copyFailed(systemError());
    cleanup.keep();
    // Read-only: the store is append-only, and a blob changed in place should take a deliberate act.
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    for (const QString &dir : {folder, QFileInfo(folder).absolutePath(), m_root}) {
        if (!syncFolder(dir))
            return Error{ErrorCode::Io, tr("%1 was stored, but the folder %2 could not be synced to disk (%3); it was "
                                           "not recorded as evidence.")
                                            .arg(shown, QDir::toNativeSeparators(dir), systemError())};
    }
    crashPoint("evidence.blob-linked");
    return StoredBlob{digest, done, true};
}

Result<StoredBlob> EvidenceStore::adopt(const QString &temporaryPath, const QString &sha256) const
{
    const QString shown = QDir::toNativeSeparators(temporaryPath);
    const QFileInfo info(temporaryPath);
    if (info.absolutePath() != QFileInfo(temporaryFolder()).absoluteFilePath())
        return Error{ErrorCode::InvalidInput, tr("%1 is not in the evidence store's temporary folder.").arg(shown)};
    const Result<QString> digest = hashFile(temporaryPath, nullptr);
    if (!digest)
        return digest.error();
    if (digest.value() != sha256)
        return Error{ErrorCode::Integrity,
                     tr("%1 hashes to %2, not %3; it was not stored.").arg(shown, digest.value(), sha256)};
    const qint64 size = info.size();
    const QString target = blobPath(sha256);
    const QString folder = QFileInfo(target).absolutePath();
    const auto failed = [&](const QString &reason) {
        return Error{ErrorCode::Io,
                     tr("Moving %1 into the evidence store failed: %2. Nothing was stored.").arg(shown, reason)};
    };
    if (!QDir().mkpath(folder))
        return failed(tr("cannot create the folder %1").arg(QDir::toNativeSeparators(folder)));
    if (QFileInfo::exists(target)) {
        const Result<QString> existing = hashFile(target, nullptr);
        if (existing && existing.value() == sha256) {
            QFile::remove(temporaryPath);
            return StoredBlob{sha256, size, false};
        }
    }
    if (!markPending(sha256))
        return failed(systemError());
    if (std::rename(QFile::encodeName(temporaryPath).constData(), QFile::encodeName(target).constData()) != 0)
        return failed(systemError());
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    for (const QString &dir : {folder, QFileInfo(folder).absolutePath(), m_root}) {
        if (!syncFolder(dir))
            return failed(
                tr("the folder %1 could not be synced to disk (%2)").arg(QDir::toNativeSeparators(dir), systemError()));
    }
    return StoredBlob{sha256, size, true};
}

Result<QString> EvidenceStore::hashFile(const QString &path, const std::atomic<bool> *cancel) const
{
    QFile file(path);
    if (!file.exists())
        return Error{ErrorCode::NotFound, tr("%1 is missing.").arg(QDir::toNativeSeparators(path))};
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
    Sha256 hash;
    QByteArray buffer(kChunkSize, Qt::Uninitialized);
    for (;;) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return Error{ErrorCode::Cancelled, tr("The check was cancelled.")};
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0)
            return Error{ErrorCode::Io,
                         tr("Reading %1 failed: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
        if (n == 0)
            break;
        hash.update(buffer.constData(), n);
    }
    const QString digest = hash.finalHex();
    if (digest.isEmpty())
        return Error{ErrorCode::Io, tr("The SHA-256 computation failed inside OpenSSL.")};
    return digest;
}

Result<QString> EvidenceStore::hashBlob(const QString &sha256, const std::atomic<bool> *cancel) const
{
    return hashFile(blobPath(sha256), cancel);
}

} // namespace strata
