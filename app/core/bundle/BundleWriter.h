// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bundle/ZipScan.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace strata {

/// Writes a zip atomically (promise Z4): QSaveFile with QuaZip's auto-close off, a checked fsync, the archive read
/// back through SafeZipReader and every entry's SHA-256 compared before the rename, then the folder synced. An
/// existing file is never truncated; on any error it is left as it was. High-entropy entries are stored, others
/// deflated. Names are checked before QuaZip sees them (CVE-2023-45853 in QuaZip 1.4's minizip).
class BundleWriter
{
    Q_DECLARE_TR_FUNCTIONS(strata::BundleWriter)

public:
    /// Bytes per entry the writer accepts: bundles are never ZIP64.
    static constexpr qint64 kMaxEntryBytes = qint64(0xffffffff) - 1;
    static constexpr qint64 kMaxArchiveBytes = qint64(0xffffffff) - 1;

    /// `allowedName` is the same rule the reader applies, so the writer cannot make a bundle the reader refuses.
    BundleWriter(QString path, std::function<bool(const QString &)> allowedName);

    /// Adds an entry from memory; `text` entries are deflated.
    void addData(const QString &name, const QByteArray &data);
    /// Adds an entry streamed from a file whose SHA-256 must be `sha256`; stored when its bytes look compressed.
    void addFile(const QString &name, const QString &sourcePath, const QString &sha256);

    /// Writes the archive; `progress` gets bytes done and total. A set `cancel` stops it with ErrorCode::Cancelled,
    /// before the rename: no partial file is left and an existing file keeps its old content.
    Status write(const std::function<void(qint64, qint64)> &progress = {}, const std::atomic<bool> *cancel = nullptr);

    /// True when a sample of a file's bytes is close to random (already compressed, encrypted or media), so deflating
    /// it would cost time and gain nothing.
    static bool looksCompressed(const QByteArray &sample);

private:
    struct Entry
    {
        QString name;
        QByteArray data;
        QString sourcePath; ///< empty: `data`
        QString sha256;
    };

    QString m_path;
    std::function<bool(const QString &)> m_allowedName;
    QList<Entry> m_entries;
};

} // namespace strata
