// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "bundle/BundleWriter.h"

#include "bundle/SafeZipReader.h"
#include "util/Sha256.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

#include <array>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr qint64 kChunk = 1024 * 1024;
constexpr qint64 kSample = 64 * 1024;
/// Bits of entropy per byte above which deflate gains almost nothing.
constexpr double kCompressedEntropy = 7.5;
constexpr int kMaxZipField = 65535;

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

BundleWriter::BundleWriter(QString path, std::function<bool(const QString &)> allowedName)
    : m_path(std::move(path))
    , m_allowedName(std::move(allowedName))
{
}

void BundleWriter::addData(const QString &name, const QByteArray &data)
{
    m_entries.append(Entry{name, data, {}, Sha256::hex(data)});
}

void BundleWriter::addFile(const QString &name, const QString &sourcePath, const QString &sha256)
{
    m_entries.append(Entry{name, {}, sourcePath, sha256});
}

bool BundleWriter::looksCompressed(const QByteArray &sample)
{
    if (sample.isEmpty())
        return false;
    std::array<qint64, 256> counts{};
    for (const char c : sample)
        ++counts[quint8(c)];
    double entropy = 0;
    const double n = double(sample.size());
    for (const qint64 count : counts) {
        if (count == 0)
            continue;
        const double p = double(count) / n;
        entropy -= p * std::log2(p);
    }
    return entropy > kCompressedEntropy;
}

Status BundleWriter::write(const std::function<void(qint64, qint64)> &progress, const std::atomic<bool> *cancel)
{
    const QString shown = QDir::toNativeSeparators(m_path);
    const auto failed = [&](const QString &why) {
        return Error{ErrorCode::Io,
                     tr("Writing the bundle %1 failed: %2. The previous file, if any, is unchanged.").arg(shown, why)};
    };
    const auto cancelled = [&] { return cancel && cancel->load(); };
    const auto stopped = [&] {
        return Error{ErrorCode::Cancelled,
                     tr("The bundle %1 was not written: the export was cancelled. The previous file, if any, is "
                        "unchanged.")
                         .arg(shown)};
    };
    // Every name and size is checked before QuaZip is called: its minizip overflows on fields over 65,535 bytes.
    qint64 total = 0;
    QHash<QString, bool> seen;
    for (const Entry &entry : std::as_const(m_entries)) {
        const QByteArray raw = entry.name.toUtf8();
        if (raw.size() > kMaxZipField)
            return Error{ErrorCode::InvalidInput,
                         tr("The bundle entry name \"%1…\" is %2 bytes long; zip allows at most "
                            "%3.")
                             .arg(entry.name.left(60))
                             .arg(raw.size())
                             .arg(kMaxZipField)};
        const QString problem = ZipScan::nameProblem(raw);
        if (!problem.isEmpty() || !m_allowedName(entry.name) || seen.contains(entry.name.toCaseFolded()))
            return Error{
                ErrorCode::InvalidInput,
                tr("The bundle entry \"%1\" cannot be written: %2.")
                    .arg(entry.name.left(120), problem.isEmpty() ? tr("bundles never hold such a name") : problem)};
        seen.insert(entry.name.toCaseFolded(), true);
        const qint64 size = entry.sourcePath.isEmpty() ? entry.data.size() : QFileInfo(entry.sourcePath).size();
        if (size > qMin(kMaxEntryBytes, ZipLimits{}.maxEntryBytes))
            return Error{ErrorCode::InvalidInput,
                         tr("The bundle entry \"%1\" is %2 bytes; a bundle entry holds at most "
                            "%3.")
                             .arg(entry.name)
                             .arg(size)
                             .arg(kMaxEntryBytes)};
        total += size;
    }
    const qint64 maxTotal = qMin(kMaxArchiveBytes, ZipLimits{}.maxTotalBytes);
    if (total > maxTotal)
        return Error{ErrorCode::InvalidInput,
                     tr("The bundle would hold %1 bytes; a bundle holds at most %2.").arg(total).arg(maxTotal)};
    const QFileInfo target(m_path);
    if (target.exists() && !target.isFile())
        return Error{ErrorCode::InvalidInput,
                     tr("%1 exists and is not a regular file; choose another name.").arg(shown)};

    if (cancelled())
        return stopped();
    QSaveFile file(m_path);
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());
    qint64 done = 0;
    {
        QuaZip zip(&file);
        zip.setAutoClose(false); // with auto-close, QuaZip closes the QSaveFile and commit() fails
        zip.setUtf8Enabled(true);
        if (!zip.open(QuaZip::mdCreate)) {
            file.cancelWriting();
            return failed(tr("zip error %1").arg(zip.getZipError()));
        }
        QByteArray buffer;
        for (const Entry &entry : std::as_const(m_entries)) {
            QFile source(entry.sourcePath);
            QByteArray sample = entry.data.left(kSample);
            if (!entry.sourcePath.isEmpty()) {
                if (!source.open(QIODevice::ReadOnly)) {
                    file.cancelWriting();
                    return failed(
                        tr("cannot read %1: %2").arg(QDir::toNativeSeparators(entry.sourcePath), source.errorString()));
                }
                sample = source.peek(kSample);
            }
            // Stored: bytes that deflate cannot shrink, and bytes that shrink so well a reader would take them for a
            // zip bomb (ZipLimits::maxRatio).
            const bool tooRepetitive = sample.size() >= kSample / 2 &&
                                       qCompress(sample, 9).size() * (ZipLimits{}.maxRatio / 4) < sample.size();
            const int method = looksCompressed(sample) || tooRepetitive ? 0 : Z_DEFLATED;
            QuaZipNewInfo info(entry.name);
            info.externalAttr = quint32(0100644) << 16; // a regular file, never a link or a folder
            QuaZipFile out(&zip);
            if (!out.open(QIODevice::WriteOnly, info, nullptr, 0, method, method == 0 ? 0 : Z_DEFAULT_COMPRESSION)) {
                file.cancelWriting();
                return failed(
                    tr("the entry \"%1\" could not be started (zip error %2)").arg(entry.name).arg(out.getZipError()));
            }
            Sha256 hash;
            const auto put = [&](const char *data, qint64 n) {
                if (cancelled())
                    return false;
                hash.update(data, n);
                done += n;
                if (progress)
                    progress(done, total);
                return out.write(data, n) == n;
            };
            bool ok = true;
            if (entry.sourcePath.isEmpty()) {
                ok = put(entry.data.constData(), entry.data.size());
            } else {
                buffer.resize(kChunk);
                for (;;) {
                    const qint64 n = source.read(buffer.data(), buffer.size());
                    if (n <= 0) {
                        ok = n == 0;
                        break;
                    }
                    if (!(ok = put(buffer.constData(), n)))
                        break;
                }
            }
            out.close();
            if (cancelled()) {
                file.cancelWriting();
                return stopped();
            }
            if (!ok || out.getZipError() != ZIP_OK) {
                file.cancelWriting();
                return failed(tr("the entry \"%1\" could not be written").arg(entry.name));
            }
            if (hash.finalHex() != entry.sha256) {
                file.cancelWriting();
                return Error{ErrorCode::Integrity, tr("%1 changed while it was written into the bundle %2; nothing was "
                                                      "written.")
                                                       .arg(QDir::toNativeSeparators(entry.sourcePath), shown)};
            }
        }
        zip.close();
        if (zip.getZipError() != ZIP_OK) {
            file.cancelWriting();
            return failed(tr("zip error %1").arg(zip.getZipError()));
        }
    }
    // QSaveFile::commit() ignores a failed sync: check our own before the rename.
    if (!file.flush() || ::fsync(file.handle()) != 0) {
        const QString reason = systemError();
        file.cancelWriting();
        return failed(tr("the disk did not confirm the data (%1)").arg(reason));
    }
    // Read the archive back as an importer would, before it replaces anything.
    {
        SafeZipReader check(u"/proc/self/fd/%1"_s.arg(file.handle()), ZipLimits{}, m_allowedName);
        QHash<QString, QString> expected;
        for (const Entry &entry : std::as_const(m_entries))
            expected.insert(entry.name, entry.sha256);
        Status verified = check.open();
        if (verified)
            verified = check.visit([&](const ZipEntry &entry) -> Status {
                if (cancelled())
                    return stopped();
                Result<QString> digest = check.hashCurrent();
                if (!digest)
                    return digest.error();
                if (expected.take(entry.name) != digest.value())
                    return Error{ErrorCode::Integrity, tr("the entry \"%1\" reads back differently").arg(entry.name)};
                return Ok{};
            });
        if (verified && !expected.isEmpty())
            verified = Error{ErrorCode::Integrity, tr("the entry \"%1\" is missing").arg(expected.constBegin().key())};
        if (!verified) {
            file.cancelWriting();
            if (verified.error().code == ErrorCode::Cancelled)
                return verified;
            QString reason = verified.error().message;
            if (reason.endsWith(u'.'))
                reason.chop(1);
            return failed(tr("the written archive did not read back: %1").arg(reason));
        }
    }
    if (cancelled()) {
        file.cancelWriting();
        return stopped();
    }
    if (!file.commit())
        return failed(file.errorString());
    const int fd = ::open(QFile::encodeName(target.absolutePath()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        const int rc = ::fsync(fd);
        const QString reason = rc != 0 ? systemError() : QString();
        ::close(fd);
        if (rc != 0)
            return Error{ErrorCode::Io,
                         tr("%1 was written, but the folder could not be synced to disk (%2).").arg(shown, reason)};
    }
    return Ok{};
}

} // namespace strata
