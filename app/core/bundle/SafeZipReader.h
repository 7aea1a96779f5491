// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bundle/ZipScan.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

class QuaZip;

namespace strata {

/// An entry copied into a temporary folder while it was hashed; the file's name is random, never the entry's.
struct StagedFile
{
    QString path;
    QString sha256;
    qint64 size = 0;
};

/// Temporary copies of entries that must not outlive a failed import: every file still held is removed when the
/// object is destroyed, so only files handed on with release() remain.
class StagedFiles
{
public:
    StagedFiles() = default;
    ~StagedFiles();
    StagedFiles(const StagedFiles &) = delete;
    StagedFiles &operator=(const StagedFiles &) = delete;

    void add(const QString &path) { m_paths.append(path); }
    /// The file is no longer ours to remove (it was renamed into the evidence store).
    void release(const QString &path) { m_paths.removeAll(path); }

private:
    QList<QString> m_paths;
};

/// Opens a zip from a hostile source: ZipScan checks every structure first, then QuaZip walks the entries in raw
/// mode and this class inflates them itself with zlib, so it counts every byte against the declared size, insists the
/// deflate stream ends exactly there, and checks the CRC. Archive names never become paths.
class SafeZipReader
{
    Q_DECLARE_TR_FUNCTIONS(strata::SafeZipReader)

public:
    SafeZipReader(QString path, ZipLimits limits, std::function<bool(const QString &)> allowedName);
    ~SafeZipReader();
    SafeZipReader(const SafeZipReader &) = delete;
    SafeZipReader &operator=(const SafeZipReader &) = delete;

    /// Checks the whole archive structure (see ZipScan); nothing is inflated yet.
    Status open();
    const QList<ZipEntry> &entries() const { return m_entries; }

    /// Visits every entry in archive order; inside `visit`, read the entry with readCurrent or stageCurrent.
    Status visit(const std::function<Status(const ZipEntry &)> &visit);
    /// The current entry's content, which must be at most `maxBytes`.
    Result<QByteArray> readCurrent(qint64 maxBytes);
    /// SHA-256 of the current entry's content, read without keeping it.
    Result<QString> hashCurrent();
    /// Streams the current entry into a new file in `folder` while hashing it; the file is listed in `staged`.
    Result<StagedFile> stageCurrent(const QString &folder, StagedFiles &staged);

private:
    Status inflateCurrent(const std::function<Status(const char *, qint64)> &sink);

    QString m_path;
    QString m_shown;
    ZipLimits m_limits;
    std::function<bool(const QString &)> m_allowedName;
    QFile m_file;
    std::unique_ptr<QuaZip> m_zip;
    QList<ZipEntry> m_entries;
    int m_current = -1;
};

} // namespace strata
