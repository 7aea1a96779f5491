// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "evidence/Evidence.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace strata {

/// A file stored in the evidence store: its digest, size, and whether this call put it there.
struct StoredBlob
{
    QString sha256;
    qint64 size = 0;
    bool created = false;
};

/// Progress and cancel for storing several files at once on a thread pool.
struct EvidenceBatchOptions
{
    const std::atomic<bool> *cancel = nullptr;    ///< set from another thread to stop every file
    std::function<void(qint64, qint64)> progress; ///< bytes done over all files, total; called from pool threads
    int threads = 0;                              ///< 0: one per processor core
};

/// The content-addressed folder beside a workspace (NAME.strata-evidence/sha256/ab/<digest>). A file is streamed
/// once through SHA-256 while it is copied into tmp/, synced, then renamed to its digest, so a blob is either
/// complete or absent; the same content is stored once. Holds no SQL: Workspace records rows after a blob is durable.
/// A new blob gets a marker in pending/ until its row is committed, so a crash between the two leaves nothing behind.
class EvidenceStore
{
    Q_DECLARE_TR_FUNCTIONS(strata::EvidenceStore)

public:
    /// Read size: large reads keep the copy close to the disk's and OpenSSL's speed.
    static constexpr qint64 kChunkSize = qint64(4) * 1024 * 1024;

    /// The store that belongs to a workspace file: "demo.strata" keeps its evidence in "demo.strata-evidence".
    static QString folderFor(const QString &workspacePath);

    explicit EvidenceStore(QString root);

    QString root() const { return m_root; }
    QString blobPath(const QString &sha256) const;
    QString temporaryFolder() const;
    /// Markers of new blobs whose evidence row is not committed yet (see markRecorded()).
    QString pendingFolder() const;

    /// Copies `sourcePath` into the store (see the class comment). An existing blob of the same digest is kept
    /// when it still hashes to its name, and replaced by the fresh copy when it does not. On any failure or cancel
    /// nothing is left in tmp/.
    Result<StoredBlob> store(const QString &sourcePath, const EvidenceAddOptions &options = {}) const;
    /// Stores `paths` concurrently, each file streamed once as store() does; the result is in the order of
    /// `paths`, and content that occurs more than once in the batch is stored once (`created` is true at most once
    /// per digest). The first failure (or a cancel) stops the other files and is returned; files finished before it
    /// stay in the store unrecorded (the next open removes them unless a row records them), and nothing is left in
    /// tmp/.
    Result<QList<StoredBlob>> storeAll(const QStringList &paths, const EvidenceBatchOptions &options = {}) const;
    /// Moves a file already copied into temporaryFolder() and hashed to `sha256` into the store, as store() does
    /// after its copy: synced folders, read-only blob, an existing blob kept when it still matches its name. The
    /// file is hashed again first, so a caller's mistake cannot file content under the wrong name.
    Result<StoredBlob> adopt(const QString &temporaryPath, const QString &sha256) const;
    /// SHA-256 of a stored blob, read again from disk; NotFound when the blob is missing.
    Result<QString> hashBlob(const QString &sha256, const std::atomic<bool> *cancel = nullptr) const;
    /// Removes what an interrupted add left in tmp/ (only one program writes a workspace at a time).
    void removeTemporaryFiles() const;
    /// Says that the row for a blob this store created is committed, so removeUnrecorded() keeps it.
    void markRecorded(const QString &sha256) const;
    /// Deletes the blobs store() or adopt() created whose row was never committed (the add crashed or failed),
    /// asking `isRecorded` for each; blobs that are recorded, or that were there before, are never touched.
    void removeUnrecorded(const std::function<bool(const QString &)> &isRecorded) const;

private:
    QString pendingMarker(const QString &sha256) const;
    /// Creates (and syncs) the marker that says a new blob's row is not committed yet.
    bool markPending(const QString &sha256) const;
    Result<QString> hashFile(const QString &path, const std::atomic<bool> *cancel) const;

    QString m_root;
};

} // namespace strata
