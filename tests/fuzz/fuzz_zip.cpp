// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// The zip entry walk (P1): ZipScan's structure checks, then SafeZipReader inflating every entry, as a bundle import
// does. The bytes go to one temporary file, rewritten for each input, because the reader opens a path.
#include "FuzzInput.h"
#include "bundle/SafeZipReader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <optional>
#include <zlib.h>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Scratch
{
    QTemporaryDir dir;
    QString archive = dir.filePath(u"bundle.zip"_s);
    QString staging = dir.filePath(u"staging"_s);
};

/// The entry's content as zlib alone reads it from the archive's bytes, or nothing when the data is not exactly one
/// whole stream of the declared size and CRC: what an honest entry is, independent of SafeZipReader's chunked loop.
std::optional<QByteArray> reference(const QByteArray &archive, const strata::ZipEntry &entry)
{
    if (entry.dataOffset < 0 || entry.dataOffset + entry.compressedSize > archive.size())
        return std::nullopt;
    const QByteArray data = archive.mid(entry.dataOffset, entry.compressedSize);
    QByteArray out;
    if (entry.method == 0) {
        out = data;
    } else {
        out.resize(entry.size + 1);
        z_stream zs{};
        if (inflateInit2(&zs, -MAX_WBITS) != Z_OK)
            return std::nullopt;
        zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
        zs.avail_in = static_cast<uInt>(data.size());
        zs.next_out = reinterpret_cast<Bytef *>(out.data());
        zs.avail_out = static_cast<uInt>(out.size());
        const int rc = inflate(&zs, Z_FINISH);
        const bool whole = rc == Z_STREAM_END && zs.avail_in == 0 && zs.total_out == uLong(entry.size);
        inflateEnd(&zs);
        if (!whole)
            return std::nullopt;
        out.resize(entry.size);
    }
    const uLong crc =
        crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(out.constData()), static_cast<uInt>(out.size()));
    if (out.size() != entry.size || quint32(crc) != entry.crc32)
        return std::nullopt;
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static Scratch scratch;
    if (!scratch.dir.isValid() || (!QFile::exists(scratch.staging) && !QDir().mkpath(scratch.staging)))
        std::abort();
    QFile file(scratch.archive);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(strata::fuzz::bytes(data, size)) != static_cast<qint64>(size))
        std::abort();
    file.close();

    strata::ZipLimits limits;
    limits.maxEntries = 64;
    limits.maxEntryBytes = 1024 * 1024;
    limits.maxTotalBytes = 4 * 1024 * 1024;
    strata::SafeZipReader reader(scratch.archive, limits, [](const QString &) { return true; });
    if (!reader.open().ok())
        return 0;
    const QByteArray archive = strata::fuzz::bytes(data, size);
    strata::StagedFiles staged;
    int index = 0;
    const strata::Status walked = reader.visit([&](const strata::ZipEntry &entry) -> strata::Status {
        strata::fuzz::require(entry.size <= limits.maxEntryBytes, "an entry over the cap is refused at open");
        // An entry zlib alone reads whole must read, and whatever reads must be what zlib reads.
        const std::optional<QByteArray> expected = reference(archive, entry);
        const auto check = [&](bool read, const QByteArray &digest) {
            strata::fuzz::require(read || !expected, "an honest entry reads");
            if (read && expected)
                strata::fuzz::require(digest == QCryptographicHash::hash(*expected, QCryptographicHash::Sha256).toHex(),
                                      "an entry reads as zlib reads it");
        };
        switch (index++ % 3) {
        case 0: {
            const strata::Result<QByteArray> content = reader.readCurrent(limits.maxEntryBytes);
            check(content.ok(), content ? QCryptographicHash::hash(content.value(), QCryptographicHash::Sha256).toHex()
                                        : QByteArray());
            return content ? strata::Status(strata::Ok{}) : strata::Status(content.error());
        }
        case 1: {
            const strata::Result<QString> digest = reader.hashCurrent();
            check(digest.ok(), digest ? digest.value().toLatin1() : QByteArray());
            return digest ? strata::Status(strata::Ok{}) : strata::Status(digest.error());
        }
        default: {
            const strata::Result<strata::StagedFile> copy = reader.stageCurrent(scratch.staging, staged);
            check(copy.ok(), copy ? copy.value().sha256.toLatin1() : QByteArray());
            return copy ? strata::Status(strata::Ok{}) : strata::Status(copy.error());
        }
        }
    });
    static_cast<void>(walked);
    return 0;
}
