// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "storage/Backups.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

class QLockFile;
class QSqlError;

namespace strata {

/// The pragmas read back from the connection after open, so tests and About can show them.
struct DatabaseSettings
{
    QString journalMode;
    int synchronous = -1; ///< 2 = FULL
    bool foreignKeys = false;
    bool trustedSchema = true;
    int busyTimeoutMs = 0;
    QString lockingMode;
    bool defensive = false;
};

/// Owns the one connection to a workspace file: lock, pragmas, schema migrations.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(strata::Database)

public:
    enum class OpenMode {
        CreateIfMissing, ///< a missing file becomes a new, empty workspace
        ExistingOnly,    ///< a missing file is an error
        /// An existing file opened for reading only, so checking it never writes: no migration, no catalog install,
        /// no journal-mode change. A file of an older schema is refused (it needs a migration first).
        ReadOnly,
    };

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Locks, checks and opens a workspace, migrating it to the latest schema.
    /// A workspace from a newer Strata opens read-only; anything that is not a Strata workspace is refused
    /// untouched. `targetVersion` < 0 means the latest; tests pass a lower one to build old schemas.
    static Result<std::unique_ptr<Database>> open(const QString &path,
                                                  OpenMode mode = OpenMode::CreateIfMissing,
                                                  int targetVersion = -1);

    /// The schema version this build writes (number of migrations).
    static int latestSchemaVersion();
    /// Whether a file given to the application is meant as a workspace to open rather than a document to import:
    /// it is named *.strata (even when damaged, so opening it reports what is wrong) or it is a SQLite database.
    static bool isWorkspaceFile(const QString &path);

    QSqlDatabase connection() const;
    QString path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }
    /// Why the workspace is read-only, translated; empty when writable.
    QString readOnlyReason() const { return m_readOnlyReason; }
    int schemaVersion() const;
    DatabaseSettings settings() const;
    /// Version of the SQLite library actually serving this connection.
    QString sqliteVersion() const;

    /// Applies migrations up to `targetVersion` (< 0: latest), each in one transaction.
    Status migrate(int targetVersion = -1);

    /// Writes a consistent snapshot (including what is still in the -wal) to `destination`: VACUUM INTO a temporary
    /// file beside it on this connection, then Backups::finish checks, syncs and renames it into place.
    Result<BackupCheck> backupTo(const QString &destination) const;
    /// A new generation in Backups::folderFor(path()); the oldest beyond Backups::kKeep are removed.
    Result<BackupGeneration> backupGeneration(const QString &reason) const;
    /// VACUUM INTO `temp` (missing or empty): the one step of a backup that needs this connection and its thread.
    Status snapshotInto(const QString &temp) const;
    /// A page-for-page copy into the new file `file` (SQLite's backup API): a damaged page is copied as it is, so
    /// Backups::integrityOfCopy can check the workspace on another thread.
    Status copyPagesInto(const QString &file) const;
    /// The full PRAGMA integrity_check on this connection: "ok" or the problems found.
    Result<QString> integrityCheck() const;

    /// A translated error for a failed SQL call, naming what was being done.
    Error sqlError(const QString &what, const QSqlError &error) const;

private:
    Database() = default;
    Status configure();
    Status checkIdentity();

    friend class TransactionGuard;

    QString m_path;
    QString m_connectionName;
    mutable int m_txDepth = 0;
    mutable bool m_txFailed = false;
    std::unique_ptr<QLockFile> m_lock;
    bool m_readOnly = false;
    QString m_readOnlyReason;
};

/// RAII write transaction: BEGIN IMMEDIATE now, ROLLBACK unless commit() succeeded. Guards nest: only the
/// outermost one talks to SQLite, and an inner guard that did not commit makes the whole transaction fail.
class TransactionGuard
{
    Q_DECLARE_TR_FUNCTIONS(strata::TransactionGuard)

public:
    explicit TransactionGuard(const Database &db);
    ~TransactionGuard();
    TransactionGuard(const TransactionGuard &) = delete;
    TransactionGuard &operator=(const TransactionGuard &) = delete;

    /// Whether BEGIN succeeded; check before writing.
    Status begun() const { return m_begun; }
    Status commit();

private:
    const Database &m_db;
    Status m_begun;
    bool m_active = false;
    bool m_outermost = false;
    bool m_committed = false;
};

} // namespace strata
