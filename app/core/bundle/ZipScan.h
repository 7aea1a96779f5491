// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

class QIODevice;

namespace strata {

/// Caps on an archive read from a file that may be hostile; checked on the central directory before any entry is
/// inflated, and again on the bytes actually read.
struct ZipLimits
{
    int maxEntries = 10000;
    qint64 maxEntryBytes = qint64(2) * 1024 * 1024 * 1024;     ///< declared uncompressed size of one entry
    qint64 maxTotalBytes = qint64(4) * 1024 * 1024 * 1024 - 1; ///< sum of the declared uncompressed sizes
    qint64 maxRatio = 1000;                                    ///< uncompressed over compressed size, per entry
    qint64 maxCentralDirectoryBytes = 16 * 1024 * 1024;
    int maxNameBytes = 255;
};

/// One entry of an archive as its central directory and local header declare it.
struct ZipEntry
{
    QString name;
    int method = 0; ///< 0 stored, 8 deflate
    quint32 crc32 = 0;
    qint64 compressedSize = 0;
    qint64 size = 0; ///< declared uncompressed size
    qint64 localOffset = 0;
    qint64 dataOffset = 0;      ///< first byte of the compressed data
    bool hasDescriptor = false; ///< a data descriptor follows the data (general purpose flag bit 3)
};

/// Reads a zip archive's end record, central directory and local headers byte by byte, before QuaZip (whose minizip
/// in 1.4 has CVE-2023-45853) sees anything, and refuses every structure an honest archive does not need: ZIP64,
/// several disks, prepended or trailing data, overlapping entries, links, directories, encryption, odd methods,
/// names that could mean a path, names outside `allowedName`, and anything over the caps.
class ZipScan
{
    Q_DECLARE_TR_FUNCTIONS(strata::ZipScan)

public:
    /// `where` names the archive in messages. `allowedName` decides which (already well-formed) names may appear.
    static Result<QList<ZipEntry>> scan(QIODevice &device,
                                        const QString &where,
                                        const ZipLimits &limits,
                                        const std::function<bool(const QString &)> &allowedName);

    /// Why `name` is not a safe relative archive name (empty when it is): absolute, "..", backslash, drive
    /// letter, control characters, invalid UTF-8, a directory.
    static QString nameProblem(const QByteArray &name);
};

} // namespace strata
