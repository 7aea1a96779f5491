// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// Database's backup and integrity-check members: everything that reads the workspace through its own connection.
#include "storage/Database.h"
#include "storage/SqliteStatement.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

Status Database::snapshotInto(const QString &temp) const
{
    if (m_txDepth > 0)
        return Error{ErrorCode::Conflict, tr("A backup cannot be made while a change is being written; try again.")};
    QSqlQuery q(connection());
    if (!q.prepare(u"VACUUM INTO ?"_s))
        return sqlError(tr("Backing up %1").arg(native(m_path)), q.lastError());
    q.addBindValue(temp);
    if (!q.exec())
        return sqlError(tr("Backing up %1 to %2").arg(native(m_path), native(temp)), q.lastError());
    return Ok{};
}

Result<BackupCheck> Database::backupTo(const QString &destination) const
{
    const QFileInfo target(destination);
    if (target.fileName().isEmpty())
        return Error{ErrorCode::InvalidInput, tr("No backup file was given.")};
    const QDir folder = target.absoluteDir();
    if (!folder.exists())
        return Error{ErrorCode::NotFound, tr("The folder %1 does not exist; create it first or choose another one.")
                                              .arg(native(folder.absolutePath()))};
    if (target.exists() && !target.isFile())
        return Error{ErrorCode::InvalidInput, tr("%1 is not a file; choose another name.").arg(native(destination))};
    const QString resolved =
        target.exists() ? target.canonicalFilePath() : QDir(folder.canonicalPath()).filePath(target.fileName());
    const QStringList ownFiles = {m_path, m_path + u"-wal"_s, m_path + u"-shm"_s, m_path + u".lock"_s};
    for (const QString &own : ownFiles) {
        if (resolved == own)
            return Error{ErrorCode::InvalidInput,
                         tr("%1 is the open workspace itself (or one of its files); a backup must go to another "
                            "file.")
                             .arg(native(destination))};
    }
    if (QFileInfo(resolved + u"-wal"_s).size() > 0)
        return Error{ErrorCode::Conflict,
                     tr("%1 is a workspace with unsaved changes in its -wal file (open, or not closed cleanly); "
                        "replacing it would damage it. Choose another name.")
                         .arg(native(destination))};

    QString temp;
    {
        // Reserved empty (VACUUM INTO accepts an empty file) in the destination folder, so the rename is atomic.
        QTemporaryFile reserve(folder.filePath(u".%1.backup-XXXXXX"_s.arg(target.fileName())));
        reserve.setAutoRemove(false);
        if (!reserve.open())
            return Error{
                ErrorCode::Io,
                tr("Cannot create a file in %1: %2").arg(native(folder.absolutePath()), reserve.errorString())};
        temp = reserve.fileName();
    }
    if (Status s = snapshotInto(temp); !s) {
        QFile::remove(temp);
        return s.error();
    }
    return Backups::finish(temp, resolved, schemaVersion());
}

Result<BackupGeneration> Database::backupGeneration(const QString &reason) const
{
    const QString folder = Backups::folderFor(m_path);
    if (!QDir().mkpath(folder))
        return Error{ErrorCode::Io,
                     tr("Cannot create the backup folder %1; check that its folder is writable.").arg(native(folder))};
    const int version = schemaVersion();
    const QString path = Backups::newGenerationPath(m_path, version, reason);
    Result<BackupCheck> written = backupTo(path);
    if (!written)
        return written.error();
    if (Status s = Backups::prune(m_path); !s)
        return s.error();
    const QList<BackupGeneration> all = Backups::generations(m_path);
    for (const BackupGeneration &generation : all) {
        if (QFileInfo(generation.path).canonicalFilePath() == QFileInfo(path).canonicalFilePath())
            return generation;
    }
    return Error{ErrorCode::Io, tr("The backup %1 was written but cannot be found again.").arg(native(path))};
}

Status Database::copyPagesInto(const QString &file) const
{
    if (QFileInfo::exists(file))
        return Error{ErrorCode::InvalidInput, tr("%1 already exists.").arg(native(file))};
    sqlite3 *source = SqliteStatement::handleOf(connection());
    if (!source)
        return Error{ErrorCode::Database, tr("The workspace connection is not open.")};
    sqlite3 *copy = nullptr;
    const QByteArray name = QFile::encodeName(file);
    int rc = sqlite3_open_v2(name.constData(), &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_backup *backup = sqlite3_backup_init(copy, "main", source, "main");
        if (!backup) {
            rc = sqlite3_errcode(copy);
        } else {
            rc = sqlite3_backup_step(backup, -1);
            const int finished = sqlite3_backup_finish(backup);
            rc = rc == SQLITE_DONE ? finished : rc;
        }
    }
    const QString detail = QString::fromUtf8(sqlite3_errstr(rc));
    sqlite3_close_v2(copy);
    if (rc != SQLITE_OK) {
        QFile::remove(file);
        return Error{(rc & 0xff) == SQLITE_CORRUPT ? ErrorCode::Integrity : ErrorCode::Io,
                     tr("Copying the workspace for a check failed: %1").arg(detail)};
    }
    return Ok{};
}

Result<QString> Database::integrityCheck() const
{
    QSqlQuery q(connection());
    if (!q.exec(u"PRAGMA integrity_check(100)"_s))
        return sqlError(tr("Checking %1").arg(native(m_path)), q.lastError());
    QStringList problems;
    while (q.next())
        problems << q.value(0).toString();
    return problems.join(u'\n');
}

} // namespace strata
