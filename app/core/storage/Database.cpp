// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/Database.h"

#include "storage/OpenCheck.h"
#include "storage/SqliteStatement.h"
#include "util/CrashPoint.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>

#include <cerrno>
#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

// 'STRA': tells a Strata workspace from any other SQLite file.
constexpr qint64 kApplicationId = 0x53545241;
constexpr int kBusyTimeoutMs = 5000;
constexpr int kLockWaitMs = 200;

const QStringList &migrationFiles()
{
    // Index + 1 is the schema version; append only, never edit a released file.
    static const QStringList files = {
        u":/sql/001_initial.sql"_s,     u":/sql/002_search.sql"_s,       u":/sql/003_provenance.sql"_s,
        u":/sql/004_catalog.sql"_s,     u":/sql/005_graph_layout.sql"_s, u":/sql/006_assessments.sql"_s,
        u":/sql/007_graph_index.sql"_s, u":/sql/008_trust.sql"_s,        u":/sql/009_audit.sql"_s,
        u":/sql/010_signoff.sql"_s,     u":/sql/011_bundle.sql"_s,       u":/sql/012_identity.sql"_s,
        u":/sql/013_checks.sql"_s};
    return files;
}

/// Migrations that rebuild a table other tables refer to: SQLite's documented procedure (create, copy, drop,
/// rename) runs with foreign keys off, or dropping the old table would cascade to every row that refers to it.
bool rebuildsTables(int version)
{
    return version == 13;
}

/// Turns foreign keys off for one migration and on again when it ends, committed or not. The pragma is a no-op
/// inside a transaction, so this is made before the migration's transaction begins and outlives it.
class ForeignKeysOff
{
public:
    ForeignKeysOff(const QSqlDatabase &db, bool active)
        : m_db(db)
        , m_active(active)
    {
        if (m_active)
            QSqlQuery(m_db).exec(u"PRAGMA foreign_keys = OFF"_s);
    }
    ~ForeignKeysOff()
    {
        if (m_active)
            QSqlQuery(m_db).exec(u"PRAGMA foreign_keys = ON"_s);
    }
    ForeignKeysOff(const ForeignKeysOff &) = delete;
    ForeignKeysOff &operator=(const ForeignKeysOff &) = delete;

private:
    QSqlDatabase m_db;
    bool m_active;
};

QString nextConnectionName()
{
    static QAtomicInt counter;
    return u"strata-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

/// Splits a migration into statements: a statement ends with ';' at the end of a line.
QStringList splitStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    const QStringList lines = sql.split(u'\n');
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(u"--"_s) || trimmed.isEmpty())
            continue;
        current += line + u'\n';
        if (trimmed.endsWith(u';')) {
            statements << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

} // namespace

Database::~Database()
{
    if (!m_connectionName.isEmpty()) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    if (m_lock)
        m_lock->unlock();
}

int Database::latestSchemaVersion()
{
    return static_cast<int>(migrationFiles().size());
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::isWorkspaceFile(const QString &path)
{
    const QFileInfo info(path);
    if (info.suffix().compare(u"strata"_s, Qt::CaseInsensitive) == 0)
        return true;
    QFile probe(path);
    return info.isFile() && probe.open(QIODevice::ReadOnly) && probe.read(16) == QByteArray("SQLite format 3\0", 16);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, OpenMode mode, int targetVersion)
{
    if (path.trimmed().isEmpty())
        return Error{ErrorCode::InvalidInput, tr("No workspace file was given.")};

    const QFileInfo info(path);
    const bool exists = info.exists();
    if (!exists && (mode == OpenMode::ExistingOnly || mode == OpenMode::ReadOnly))
        return Error{ErrorCode::NotFound,
                     tr("The workspace %1 does not exist. Check the path, or create it with \"strata-cli init\".")
                         .arg(QDir::toNativeSeparators(info.absoluteFilePath()))};
    if (exists && info.isDir())
        return Error{ErrorCode::InvalidInput,
                     tr("%1 is a folder, not a workspace file.").arg(QDir::toNativeSeparators(path))};

    // Lock the canonical path so a symlink or a second spelling of the same file hits the same lock.
    const QDir dir = info.absoluteDir();
    if (!dir.exists())
        return Error{ErrorCode::NotFound,
                     tr("The folder %1 does not exist; create it first or choose another location.")
                         .arg(QDir::toNativeSeparators(dir.absolutePath()))};
    const QString canonical = exists ? info.canonicalFilePath() : QDir(dir.canonicalPath()).filePath(info.fileName());

    std::unique_ptr<Database> db(new Database);
    db->m_path = canonical;
    db->m_lock = std::make_unique<QLockFile>(canonical + u".lock"_s);
    db->m_lock->setStaleLockTime(0); // held for as long as the workspace is open; dead owners are still detected
    bool locked = db->m_lock->tryLock(kLockWaitMs);
    qint64 holderPid = 0;
    QString holderHost;
    QString holderApp;
    if (!locked && db->m_lock->error() == QLockFile::LockFailedError &&
        !db->m_lock->getLockInfo(&holderPid, &holderHost, &holderApp)) {
        // An empty or partial lock file: its writer was killed between creating and filling it, so QLockFile cannot
        // tell it is stale. removeStaleLockFile() still refuses a file whose writer is alive (it holds a flock).
        locked = db->m_lock->removeStaleLockFile() && db->m_lock->tryLock(kLockWaitMs);
    }
    if (!locked) {
        if (db->m_lock->error() == QLockFile::LockFailedError) {
            qint64 pid = 0;
            QString host;
            QString app;
            db->m_lock->getLockInfo(&pid, &host, &app);
            // One multi-argument arg(): a "%3" inside the lock file's app name must not be substituted.
            return Error{ErrorCode::Locked,
                         tr("The workspace %1 is already open in %2 (process %3 on %4). Close it there first, "
                            "or open another workspace.")
                             .arg(QDir::toNativeSeparators(canonical), app.isEmpty() ? tr("another program") : app,
                                  QString::number(pid), host)};
        }
        if (const QStorageInfo disk(dir.absolutePath()); disk.isValid() && disk.bytesAvailable() == 0)
            return Error{ErrorCode::Io,
                         tr("The disk is full: the lock file %1.lock cannot be written, so the workspace "
                            "cannot be opened. Free some space and try again.")
                             .arg(QDir::toNativeSeparators(canonical))};
        return Error{ErrorCode::Io, tr("Cannot create the lock file %1.lock: check that the folder is writable and "
                                       "that the disk has free space and reports no errors.")
                                        .arg(QDir::toNativeSeparators(canonical))};
    }

    if (exists) {
        QFile probe(canonical);
        if (!probe.open(QIODevice::ReadOnly))
            return Error{ErrorCode::Io,
                         tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(canonical), probe.errorString())};
        const QByteArray header = probe.read(16);
        probe.close(); // closed before SQLite opens the file: never two descriptors on a live database
        if (header.isEmpty())
            return Error{ErrorCode::InvalidInput,
                         tr("%1 is empty, so it is not a Strata workspace. Choose another file, or delete it and "
                            "create a new workspace.")
                             .arg(QDir::toNativeSeparators(canonical))};
        if (header != QByteArray("SQLite format 3\0", 16))
            return Error{ErrorCode::InvalidInput,
                         tr("%1 is not a Strata workspace (it is not a SQLite database). It was left unchanged.")
                             .arg(QDir::toNativeSeparators(canonical))};
    }
    if (exists) {
        // Before SQLite sees the file: it would replay (and at close write back) any -wal beside it.
        if (Status s = OpenCheck::wal(canonical); !s)
            return s.error();
        if (Status s = OpenCheck::size(canonical); !s)
            return s.error();
    }

    db->m_connectionName = nextConnectionName();
    {
        QSqlDatabase conn = QSqlDatabase::addDatabase(u"QSQLITE"_s, db->m_connectionName);
        conn.setDatabaseName(canonical);
        conn.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(kBusyTimeoutMs));
        if (!conn.open())
            return db->sqlError(tr("Opening %1").arg(QDir::toNativeSeparators(canonical)), conn.lastError());
    }

    if (Status s = db->checkIdentity(); !s)
        return s.error();

    if (db->schemaVersion() > latestSchemaVersion()) {
        // A newer Strata wrote this file: look, but never write what we do not understand.
        const int found = db->schemaVersion();
        {
            QSqlDatabase conn = db->connection();
            conn.close();
            conn.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1"_s.arg(kBusyTimeoutMs));
            if (!conn.open())
                return db->sqlError(tr("Opening %1 read-only").arg(QDir::toNativeSeparators(canonical)),
                                    conn.lastError());
        }
        db->m_readOnly = true;
        db->m_readOnlyReason = tr("This workspace was made by a newer version of Strata (schema %1; this version "
                                  "knows up to %2). It is open read-only; update Strata to edit it.")
                                   .arg(found)
                                   .arg(latestSchemaVersion());
        return db;
    }

    if (mode == OpenMode::ReadOnly) {
        if (db->schemaVersion() < latestSchemaVersion())
            return Error{ErrorCode::ReadOnly,
                         tr("%1 uses an older schema (%2; this version writes %3), and it was opened only to be read. "
                            "Open it once in Strata or with any other strata-cli command to upgrade it, then try "
                            "again.")
                             .arg(QDir::toNativeSeparators(canonical))
                             .arg(db->schemaVersion())
                             .arg(latestSchemaVersion())};
        // Settings that only this connection sees; the file's own (journal mode, schema) stay as they are. SQLite's
        // own read-only open cannot take the exclusive lock checkIdentity holds, so query_only refuses every write
        // on this connection instead.
        QSqlQuery q(db->connection());
        for (const QString &pragma :
             {u"PRAGMA query_only = ON"_s, u"PRAGMA foreign_keys = ON"_s, u"PRAGMA trusted_schema = OFF"_s}) {
            if (!q.exec(pragma))
                return db->sqlError(tr("Configuring %1 (%2)").arg(QDir::toNativeSeparators(canonical), pragma),
                                    q.lastError());
        }
        db->m_readOnly = true;
        db->m_readOnlyReason = tr("%1 was opened read-only, to be checked without being written.")
                                   .arg(QDir::toNativeSeparators(canonical));
        return db;
    }

    if (Status s = db->configure(); !s)
        return s.error();
    if (Status s = db->migrate(targetVersion); !s)
        return s.error();
    return db;
}

Status Database::checkIdentity()
{
    QSqlQuery q(connection());
    // Exclusive locking before the first WAL access: no -shm file, and no second connection can get in.
    if (!q.exec(u"PRAGMA locking_mode = EXCLUSIVE"_s))
        return sqlError(tr("Locking %1").arg(QDir::toNativeSeparators(m_path)), q.lastError());

    const auto damaged = [this](const QString &detail) {
        return Error{ErrorCode::Integrity,
                     tr("%1 is damaged or is not a Strata workspace (%2). It was left unchanged; restore it from a "
                        "backup.")
                         .arg(QDir::toNativeSeparators(m_path), detail)};
    };
    if (!q.exec(u"SELECT (SELECT application_id FROM pragma_application_id), "
                "(SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)"_s) ||
        !q.next()) {
        // Busy past the timeout: another program holds the file under a name our lock file cannot see (a hard
        // link). The file is fine; calling it damaged would send the user to a backup for nothing.
        const int code = q.lastError().nativeErrorCode().toInt() & 0xff;
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
            return Error{ErrorCode::Locked,
                         tr("The workspace %1 is in use by another program, perhaps opened under another name such "
                            "as a hard link. Close it there first, or open another workspace.")
                             .arg(QDir::toNativeSeparators(m_path))};
        return damaged(q.lastError().databaseText());
    }
    const qint64 appId = q.value(0).toLongLong();
    const int userVersion = q.value(1).toInt();
    const int objects = q.value(2).toInt();
    q.finish();

    const bool blank = appId == 0 && userVersion == 0 && objects == 0;
    if (!blank && appId != kApplicationId)
        return Error{ErrorCode::InvalidInput,
                     tr("%1 is a SQLite database but not a Strata workspace. It was left unchanged.")
                         .arg(QDir::toNativeSeparators(m_path))};
    if (!blank) {
        if (!q.exec(u"PRAGMA quick_check"_s) || !q.next())
            return damaged(q.lastError().databaseText());
        const QString verdict = q.value(0).toString();
        if (verdict != u"ok"_s)
            return damaged(verdict);
    }
    return Ok{};
}

Status Database::configure()
{
    QSqlQuery q(connection());
    const QStringList pragmas = {
        u"PRAGMA journal_mode = WAL"_s,
        u"PRAGMA synchronous = FULL"_s,
        u"PRAGMA foreign_keys = ON"_s,
        u"PRAGMA trusted_schema = OFF"_s,
        u"PRAGMA busy_timeout = %1"_s.arg(kBusyTimeoutMs),
        // 32 MiB of page cache: large imports otherwise spill and re-read pages within one transaction.
        u"PRAGMA cache_size = -32768"_s,
    };
    for (const QString &pragma : pragmas) {
        if (!q.exec(pragma))
            return sqlError(tr("Configuring %1 (%2)").arg(QDir::toNativeSeparators(m_path), pragma), q.lastError());
        q.finish();
    }
    if (sqlite3 *handle = SqliteStatement::handleOf(connection())) {
        int enabled = 0;
        sqlite3_db_config(handle, SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled);
    }

    // Read everything back: a pragma that silently did not apply would void the durability promise.
    const DatabaseSettings s = settings();
    QStringList wrong;
    if (s.journalMode != u"wal"_s)
        wrong << u"journal_mode=%1"_s.arg(s.journalMode);
    if (s.synchronous != 2)
        wrong << u"synchronous=%1"_s.arg(s.synchronous);
    if (!s.foreignKeys)
        wrong << u"foreign_keys=off"_s;
    if (s.trustedSchema)
        wrong << u"trusted_schema=on"_s;
    if (s.busyTimeoutMs != kBusyTimeoutMs)
        wrong << u"busy_timeout=%1"_s.arg(s.busyTimeoutMs);
    if (s.lockingMode != u"exclusive"_s)
        wrong << u"locking_mode=%1"_s.arg(s.lockingMode);
    if (!wrong.isEmpty())
        return Error{ErrorCode::Database,
                     tr("SQLite refused the settings Strata needs for %1 (%2); the file system may not support "
                        "them. Move the workspace to a local disk.")
                         .arg(QDir::toNativeSeparators(m_path), wrong.join(u", "_s))};
    return Ok{};
}

DatabaseSettings Database::settings() const
{
    DatabaseSettings s;
    QSqlQuery q(connection());
    const auto read = [&q](const QString &pragma) {
        QVariant v;
        if (q.exec(u"PRAGMA "_s + pragma) && q.next())
            v = q.value(0);
        q.finish();
        return v;
    };
    s.journalMode = read(u"journal_mode"_s).toString().toLower();
    s.synchronous = read(u"synchronous"_s).toInt();
    s.foreignKeys = read(u"foreign_keys"_s).toInt() == 1;
    s.trustedSchema = read(u"trusted_schema"_s).toInt() == 1;
    s.busyTimeoutMs = read(u"busy_timeout"_s).toInt();
    s.lockingMode = read(u"locking_mode"_s).toString().toLower();
    if (sqlite3 *handle = SqliteStatement::handleOf(connection())) {
        int enabled = 0;
        sqlite3_db_config(handle, SQLITE_DBCONFIG_DEFENSIVE, -1, &enabled);
        s.defensive = enabled == 1;
    }
    return s;
}

QString Database::sqliteVersion() const
{
    QSqlQuery q(connection());
    if (q.exec(u"SELECT sqlite_version()"_s) && q.next())
        return q.value(0).toString();
    return {};
}

int Database::schemaVersion() const
{
    QSqlQuery q(connection());
    if (q.exec(u"PRAGMA user_version"_s) && q.next())
        return q.value(0).toInt();
    return -1;
}

Status Database::migrate(int targetVersion)
{
    const int target = targetVersion < 0 ? latestSchemaVersion() : qMin(targetVersion, latestSchemaVersion());
    if (const int current = schemaVersion(); current > 0 && current < target) {
        // An existing workspace is upgraded only after a checked backup of it exists.
        if (Result<BackupGeneration> kept = backupGeneration(u"before-migration"_s); !kept)
            return Error{kept.error().code,
                         tr("Strata backs up a workspace before upgrading it, and the backup failed: %1 The "
                            "workspace was not changed.")
                             .arg(kept.error().message)};
    }
    for (int version = schemaVersion() + 1; version <= target; ++version) {
        const QString file = migrationFiles().at(version - 1);
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return Error{ErrorCode::Io, tr("The schema migration %1 is missing from this build.").arg(file)};
        const QStringList statements = splitStatements(QString::fromUtf8(f.readAll()));

        const CrashScope crashScope("migration");
        const ForeignKeysOff foreignKeysOff(connection(), rebuildsTables(version));
        TransactionGuard tx(*this);
        if (Status s = tx.begun(); !s)
            return s;
        QSqlQuery q(connection());
        for (const QString &statement : statements) {
            if (!q.exec(statement))
                return sqlError(tr("Upgrading the workspace to schema %1").arg(version), q.lastError());
            q.finish();
        }
        if (rebuildsTables(version)) {
            // With foreign keys off nothing checked the rebuilt tables' references: check them all before commit.
            if (!q.exec(u"PRAGMA foreign_key_check"_s))
                return sqlError(tr("Upgrading the workspace to schema %1").arg(version), q.lastError());
            if (q.next())
                return Error{ErrorCode::Integrity,
                             tr("Upgrading the workspace to schema %1 found a row in %2 that refers to a missing "
                                "row; the workspace was not changed. Restore it from a backup.")
                                 .arg(version)
                                 .arg(q.value(0).toString())};
            q.finish();
        }
        crashPoint("migration.in-transaction");
        if (!q.exec(u"PRAGMA user_version = %1"_s.arg(version)))
            return sqlError(tr("Upgrading the workspace to schema %1").arg(version), q.lastError());
        if (Status s = tx.commit(); !s)
            return s;
        crashPoint("migration.between");
    }
    if (!settings().foreignKeys)
        return Error{ErrorCode::Database,
                     tr("Foreign keys of %1 could not be turned on again after the upgrade; close Strata and open the "
                        "workspace again.")
                         .arg(QDir::toNativeSeparators(m_path))};
    return Ok{};
}

Error Database::sqlError(const QString &what, const QSqlError &error) const
{
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    const int code = error.nativeErrorCode().toInt();
    ErrorCode kind = ErrorCode::Database;
    QString advice;
    switch (code & 0xff) {
    case SQLITE_FULL:
        kind = ErrorCode::Io;
        advice = tr("The disk is full; free some space and try again.");
        break;
    case SQLITE_IOERR: {
        kind = ErrorCode::Io;
        // SQLite reports a write refused for lack of space or past the file size limit as an I/O error.
        sqlite3 *handle = SqliteStatement::handleOf(connection());
        const int systemError = handle ? sqlite3_system_errno(handle) : 0;
        if (systemError == EFBIG)
            advice = tr("The workspace reached the largest file this session may write (its file size limit, "
                        "ulimit -f); nothing was changed. Raise the limit and try again.");
        else if (systemError == ENOSPC || systemError == EDQUOT)
            advice = tr("The disk is full; free some space and try again.");
        else
            advice = tr("The disk reported an error; nothing was changed.");
        break;
    }
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        kind = ErrorCode::Locked;
        advice = tr("Another program holds the workspace.");
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        kind = ErrorCode::Integrity;
        advice = tr("The workspace file is damaged; restore it from a backup.");
        break;
    case SQLITE_READONLY:
        kind = ErrorCode::ReadOnly;
        advice = tr("The workspace is read-only.");
        break;
    case SQLITE_CONSTRAINT:
        kind = ErrorCode::Conflict;
        break;
    default:
        break;
    }
    QString message = tr("%1 failed: %2").arg(what, detail);
    if (!advice.isEmpty())
        message = tr("%1 %2").arg(message, advice);
    return Error{kind, message};
}

TransactionGuard::TransactionGuard(const Database &db)
    : m_db(db)
    , m_begun(Ok{})
{
    if (db.m_txDepth == 0) {
        QSqlQuery q(db.connection());
        // IMMEDIATE takes the write lock now, so a read-then-write transaction cannot fail half-way on BUSY.
        if (!q.exec(u"BEGIN IMMEDIATE"_s)) {
            m_begun = db.sqlError(tr("Starting a transaction"), q.lastError());
            return;
        }
        m_outermost = true;
        db.m_txFailed = false;
    }
    ++db.m_txDepth;
    m_active = true;
}

TransactionGuard::~TransactionGuard()
{
    if (!m_active)
        return;
    --m_db.m_txDepth;
    if (m_committed)
        return;
    if (m_outermost) {
        QSqlQuery q(m_db.connection());
        q.exec(u"ROLLBACK"_s); // SQLite may already have rolled back (SQLITE_FULL); failing here is fine
    } else {
        m_db.m_txFailed = true;
    }
}

Status TransactionGuard::commit()
{
    if (!m_active)
        return m_begun.ok() ? Status(Error{ErrorCode::Database, tr("The transaction was not started.")}) : m_begun;
    if (!m_outermost) {
        m_committed = true; // the outermost guard commits or rolls back everything
        return Ok{};
    }
    QSqlQuery q(m_db.connection());
    if (m_db.m_txFailed) {
        q.exec(u"ROLLBACK"_s);
        m_committed = true;
        return Error{ErrorCode::Database, tr("A step of the operation failed, so none of it was saved.")};
    }
    crashPointAtCommit("before-commit");
    if (!q.exec(u"COMMIT"_s)) {
        // Named, because the commit is where a full or failing disk usually shows, whatever the operation was.
        const Error error =
            m_db.sqlError(tr("Saving the changes to %1").arg(QDir::toNativeSeparators(m_db.path())), q.lastError());
        q.exec(u"ROLLBACK"_s);
        m_committed = true;
        return error;
    }
    crashPointAtCommit("after-commit");
    m_committed = true;
    return Ok{};
}

} // namespace strata
