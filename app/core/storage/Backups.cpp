// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/Backups.h"

#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <QTimeZone>
#include <QUrl>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr qint64 kApplicationId = 0x53545241; // 'STRA', as Database sets it
constexpr int kLockWaitMs = 200;
constexpr qint64 kCopyChunk = 1 << 16;
constexpr int kProgressOps = 10000; // SQLite virtual-machine steps between progress reports

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

const QRegularExpression &generationPattern()
{
    static const QRegularExpression pattern(
        u"^(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{3}Z)_s(\\d{3,})_([a-z-]+)\\.strata$"_s);
    return pattern;
}

/// A read-only handle that never takes a lock and never looks for a -wal: the file is read exactly as it is.
class ReadOnlyHandle
{
public:
    explicit ReadOnlyHandle(const QString &file)
    {
        const QByteArray uri =
            "file:" + QUrl::toPercentEncoding(QFileInfo(file).absoluteFilePath(), "/") + "?immutable=1";
        m_rc = sqlite3_open_v2(uri.constData(), &m_db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
        if (m_rc == SQLITE_OK) {
            int enabled = 0;
            sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled);
            sqlite3_exec(m_db, "PRAGMA trusted_schema = OFF", nullptr, nullptr, nullptr);
        }
    }
    ~ReadOnlyHandle() { sqlite3_close_v2(m_db); }
    /// Lets `progress` (reporting `step`) interrupt the statements that follow; cancelled() then says so.
    void watch(const BackupProgress &progress, BackupStep step)
    {
        if (!progress || !ok())
            return;
        m_progress = &progress;
        m_step = step;
        sqlite3_progress_handler(m_db, kProgressOps, &ReadOnlyHandle::onProgress, this);
    }
    bool cancelled() const { return m_cancelled; }
    ReadOnlyHandle(const ReadOnlyHandle &) = delete;
    ReadOnlyHandle &operator=(const ReadOnlyHandle &) = delete;

    bool ok() const { return m_rc == SQLITE_OK; }
    QString errorText() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }

    /// The first column of every row `sql` returns; nullopt (see errorText) when the statement fails.
    std::optional<QStringList> column(const char *sql) const
    {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) != SQLITE_OK)
            return std::nullopt;
        QStringList values;
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
            values << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
        if (rc != SQLITE_DONE)
            return std::nullopt;
        return values;
    }

private:
    static int onProgress(void *self)
    {
        auto *handle = static_cast<ReadOnlyHandle *>(self);
        if (!(*handle->m_progress)(handle->m_step, 0, 0))
            handle->m_cancelled = true;
        return handle->m_cancelled ? 1 : 0;
    }

    sqlite3 *m_db = nullptr;
    int m_rc = SQLITE_ERROR;
    const BackupProgress *m_progress = nullptr;
    BackupStep m_step = BackupStep::Check;
    bool m_cancelled = false;
};

Error cancelled()
{
    return Error{ErrorCode::Cancelled, Backups::tr("Stopped on request; nothing was changed.")};
}

/// Takes the same lock Database::open takes, so a restore never runs while the workspace is open anywhere.
Result<std::unique_ptr<QLockFile>> lockWorkspace(const QString &canonical)
{
    auto lock = std::make_unique<QLockFile>(canonical + u".lock"_s);
    lock->setStaleLockTime(0);
    if (lock->tryLock(kLockWaitMs))
        return lock;
    if (lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host;
        QString app;
        lock->getLockInfo(&pid, &host, &app);
        return Error{ErrorCode::Locked, Backups::tr("The workspace %1 is open in %2 (process %3 on %4); close it there "
                                                    "before restoring a backup. Nothing was changed.")
                                            .arg(native(canonical), app, QString::number(pid), host)};
    }
    return Error{
        ErrorCode::Io,
        Backups::tr("Cannot create the lock file %1.lock: check that the folder is writable.").arg(native(canonical))};
}

/// The schema version in a SQLite header (bytes 60-63), read while no connection has the file open.
int headerSchemaVersion(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray header = file.read(64);
    if (header.size() < 64)
        return 0;
    const auto byte = [&header](int i) { return static_cast<int>(static_cast<unsigned char>(header.at(i))); };
    return (byte(60) << 24) | (byte(61) << 16) | (byte(62) << 8) | byte(63);
}

/// Copies `from` into the new file `to` and syncs it; the caller holds whatever lock makes `from` quiet.
Status copyDurably(const QString &from, const QString &to, const BackupProgress &progress = {})
{
    QFile in(from);
    QFile out(to);
    if (!in.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, Backups::tr("Cannot read %1: %2").arg(native(from), in.errorString())};
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Error{ErrorCode::Io, Backups::tr("Cannot write %1: %2").arg(native(to), out.errorString())};
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(kCopyChunk);
        if (chunk.isEmpty() && in.error() != QFileDevice::NoError)
            return Error{ErrorCode::Io, Backups::tr("Cannot read %1: %2").arg(native(from), in.errorString())};
        if (out.write(chunk) != chunk.size())
            return Error{ErrorCode::Io, Backups::tr("Cannot write %1: %2").arg(native(to), out.errorString())};
        if (progress && !progress(BackupStep::Copy, in.pos(), in.size()))
            return cancelled();
    }
    if (!out.flush() || ::fsync(out.handle()) != 0)
        return Error{
            ErrorCode::Io,
            Backups::tr("Writing %1 failed: the disk did not confirm the data (%2).").arg(native(to), systemError())};
    return Ok{};
}

} // namespace

QString Backups::folderFor(const QString &workspacePath)
{
    return workspacePath + u".backups"_s;
}

QString Backups::newGenerationPath(const QString &workspacePath, int schemaVersion, const QString &reason)
{
    const QDir folder(folderFor(workspacePath));
    QDateTime at = QDateTime::currentDateTimeUtc();
    for (;;) {
        const QString name = u"%1_s%2_%3.strata"_s.arg(at.toString(u"yyyy-MM-ddTHH-mm-ss.zzz'Z'"_s))
                                 .arg(schemaVersion, 3, 10, QLatin1Char('0'))
                                 .arg(reason);
        if (!QFileInfo::exists(folder.filePath(name)))
            return folder.filePath(name);
        at = at.addMSecs(1); // two backups in one millisecond: the later one sorts after
    }
}

QList<BackupGeneration> Backups::generations(const QString &workspacePath)
{
    QList<BackupGeneration> result;
    const QDir folder(folderFor(workspacePath));
    const QStringList names = folder.entryList({u"*.strata"_s}, QDir::Files, QDir::Name | QDir::Reversed);
    for (const QString &name : names) {
        const QRegularExpressionMatch match = generationPattern().match(name);
        if (!match.hasMatch())
            continue;
        BackupGeneration generation;
        generation.path = folder.filePath(name);
        generation.created = QDateTime::fromString(match.captured(1), u"yyyy-MM-ddTHH-mm-ss.zzz'Z'"_s);
        generation.created.setTimeZone(QTimeZone::utc());
        generation.schemaVersion = match.captured(2).toInt();
        generation.reason = match.captured(3);
        generation.bytes = QFileInfo(generation.path).size();
        generation.hasWal = QFileInfo(generation.path + u"-wal"_s).size() > 0;
        result << generation;
    }
    return result;
}

Status Backups::prune(const QString &workspacePath, int keep)
{
    const QList<BackupGeneration> all = generations(workspacePath);
    for (qsizetype i = keep; i < all.size(); ++i) {
        for (const char *suffix : {"", "-wal", "-shm"}) {
            const QString path = all.at(i).path + QLatin1String(suffix);
            if (QFileInfo::exists(path) && !QFile::remove(path))
                return Error{ErrorCode::Io,
                             tr("Cannot remove the old backup %1; check the folder's permissions.").arg(native(path))};
        }
    }
    return Ok{};
}

Result<BackupCheck> Backups::inspect(const QString &file, bool full, const BackupProgress &progress)
{
    const QFileInfo info(file);
    if (!info.exists())
        return Error{ErrorCode::NotFound, tr("The backup %1 does not exist.").arg(native(file))};
    if (!info.isFile())
        return Error{ErrorCode::InvalidInput, tr("%1 is not a file.").arg(native(file))};
    {
        QFile probe(file);
        if (!probe.open(QIODevice::ReadOnly))
            return Error{ErrorCode::Io, tr("Cannot read %1: %2").arg(native(file), probe.errorString())};
        if (probe.read(16) != QByteArray("SQLite format 3\0", 16))
            return Error{ErrorCode::InvalidInput,
                         tr("%1 is not a Strata workspace or backup (it is not a SQLite database).").arg(native(file))};
    }
    BackupCheck check;
    check.path = info.absoluteFilePath();
    check.bytes = info.size();
    ReadOnlyHandle db(file);
    db.watch(progress, BackupStep::Check);
    const auto damaged = [&file](const QString &detail) {
        return Error{ErrorCode::Integrity,
                     tr("%1 is damaged (%2); it cannot be used as a backup.").arg(native(file), detail)};
    };
    if (!db.ok())
        return damaged(db.errorText());
    const auto appId = db.column("PRAGMA application_id");
    const auto version = db.column("PRAGMA user_version");
    if (!appId || !version || appId->isEmpty() || version->isEmpty())
        return damaged(db.errorText());
    check.applicationId = appId->constFirst().toLongLong();
    check.schemaVersion = version->constFirst().toInt();
    if (check.applicationId != kApplicationId)
        return check; // checkRestorable says why it is not a workspace
    const auto verdict = db.column(full ? "PRAGMA integrity_check(20)" : "PRAGMA quick_check(20)");
    if (db.cancelled())
        return cancelled();
    if (!verdict)
        return damaged(db.errorText());
    check.integrity = verdict->join(u"; "_s);
    if (check.intact()) {
        const auto table = db.column("SELECT name FROM sqlite_schema WHERE name = 'workspace_identity'");
        if (table && !table->isEmpty()) {
            const auto identity = db.column("SELECT uuid FROM workspace_identity WHERE id = 1");
            if (identity && !identity->isEmpty())
                check.identity = identity->constFirst();
        }
    }
    return check;
}

std::pair<qint64, QString> Backups::identityOf(const QString &file)
{
    const ReadOnlyHandle db(file);
    if (!db.ok())
        return {0, QString()};
    const auto appId = db.column("PRAGMA application_id");
    const auto table = db.column("SELECT name FROM sqlite_schema WHERE name = 'workspace_identity'");
    std::optional<QStringList> identity;
    if (table && !table->isEmpty())
        identity = db.column("SELECT uuid FROM workspace_identity WHERE id = 1");
    return {appId && !appId->isEmpty() ? appId->constFirst().toLongLong() : 0,
            identity && !identity->isEmpty() ? identity->constFirst() : QString()};
}

Status Backups::checkRestorable(const BackupCheck &check)
{
    if (check.applicationId != kApplicationId)
        return Error{ErrorCode::InvalidInput,
                     tr("%1 is a SQLite database but not a Strata workspace or backup.").arg(native(check.path))};
    if (!check.intact())
        return Error{ErrorCode::Integrity,
                     tr("%1 is damaged (%2); it cannot be used as a backup.").arg(native(check.path), check.integrity)};
    if (check.schemaVersion < 1)
        return Error{ErrorCode::InvalidInput,
                     tr("%1 is an empty workspace file with no schema.").arg(native(check.path))};
    if (check.schemaVersion > Database::latestSchemaVersion())
        return Error{ErrorCode::Unsupported,
                     tr("%1 was made by a newer version of Strata (schema %2; this version knows up to %3). Update "
                        "Strata to restore it.")
                         .arg(native(check.path))
                         .arg(check.schemaVersion)
                         .arg(Database::latestSchemaVersion())};
    return Ok{};
}

Status Backups::sync(const QString &path, bool folder)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), folder ? (O_RDONLY | O_DIRECTORY | O_CLOEXEC) : (O_RDONLY | O_CLOEXEC));
    if (fd < 0)
        return Error{ErrorCode::Io, tr("Cannot open %1 to sync it: %2").arg(native(path), systemError())};
    const int rc = ::fsync(fd);
    const QString reason = rc != 0 ? systemError() : QString();
    ::close(fd);
    if (rc != 0)
        return Error{ErrorCode::Io, tr("The disk did not confirm %1 was written (%2).").arg(native(path), reason)};
    return Ok{};
}

Result<BackupCheck> Backups::finish(const QString &temp,
                                    const QString &destination,
                                    int expectedSchema,
                                    const BackupProgress &progress)
{
    const auto fail = [&temp](const Error &error) {
        QFile::remove(temp);
        return error;
    };
    Result<BackupCheck> check = inspect(temp, true, progress);
    if (!check)
        return fail(check.error());
    if (check.value().applicationId != kApplicationId || !check.value().intact())
        return fail(Error{ErrorCode::Integrity, tr("The backup written to %1 failed its check (%2); nothing was kept.")
                                                    .arg(native(destination), check.value().integrity)});
    if (check.value().schemaVersion != expectedSchema)
        return fail(Error{ErrorCode::Integrity, tr("The backup written to %1 has schema %2 instead of %3.")
                                                    .arg(native(destination))
                                                    .arg(check.value().schemaVersion)
                                                    .arg(expectedSchema)});
    if (Status s = sync(temp, false); !s)
        return fail(s.error());
    if (progress && !progress(BackupStep::Check, 1, 1))
        return fail(cancelled());
    if (::rename(QFile::encodeName(temp).constData(), QFile::encodeName(destination).constData()) != 0)
        return fail(Error{ErrorCode::Io,
                          tr("Cannot move the backup into place at %1: %2").arg(native(destination), systemError())});
    if (Status s = sync(QFileInfo(destination).absolutePath(), true); !s)
        return s.error();
    check.value().path = QFileInfo(destination).absoluteFilePath();
    return check;
}

Result<QString> Backups::integrityOfCopy(const QString &copy, const BackupProgress &progress)
{
    ReadOnlyHandle db(copy);
    if (!db.ok())
        return Error{ErrorCode::Integrity, tr("The workspace copy could not be read: %1").arg(db.errorText())};
    db.watch(progress, BackupStep::Check);
    const auto verdict = db.column("PRAGMA integrity_check(100)");
    if (db.cancelled())
        return cancelled();
    if (!verdict)
        return QString(db.errorText());
    return verdict->join(u"\n"_s);
}

std::optional<BackupGeneration> Backups::newestGood(const QString &workspacePath)
{
    for (const BackupGeneration &generation : generations(workspacePath)) {
        if (generation.hasWal)
            continue; // restorable only after it has been opened once; not offered automatically
        const Result<BackupCheck> check = inspect(generation.path, false);
        if (check && checkRestorable(check.value()))
            return generation;
    }
    return std::nullopt;
}

QString Backups::restoreHint(const QString &workspacePath)
{
    const std::optional<BackupGeneration> good = newestGood(workspacePath);
    if (!good)
        return {};
    return tr("The newest good backup is %1, made %2. Restore it with: strata-cli --workspace \"%3\" restore \"%1\" "
              "(or File › Restore from Backup… in Strata).")
        .arg(native(good->path), good->created.toString(Qt::ISODate), native(workspacePath));
}

Result<RestoreResult> Backups::restore(const QString &workspacePath,
                                       const QString &file,
                                       const BackupProgress &progress)
{
    const QFileInfo target(workspacePath);
    const QDir dir = target.absoluteDir();
    if (!dir.exists())
        return Error{ErrorCode::NotFound, tr("The folder %1 does not exist.").arg(native(dir.absolutePath()))};
    if (target.exists() && !target.isFile())
        return Error{ErrorCode::InvalidInput, tr("%1 is not a workspace file.").arg(native(workspacePath))};
    const QString live =
        target.exists() ? target.canonicalFilePath() : QDir(dir.canonicalPath()).filePath(target.fileName());
    const QFileInfo source(file);
    if (source.exists() && source.canonicalFilePath() == live)
        return Error{ErrorCode::InvalidInput,
                     tr("%1 is the workspace itself; choose a backup to restore.").arg(native(file))};
    if (QFileInfo(file + u"-wal"_s).size() > 0)
        return Error{ErrorCode::Conflict,
                     tr("%1 has a -wal file beside it: it is a workspace that is open or was not closed cleanly, and "
                        "copying it alone would lose changes. Open it with Strata once (or make a backup of it with "
                        "\"strata-cli --workspace %1 backup -o FILE\") and restore that.")
                         .arg(native(file))};

    // 1. The backup is checked completely before anything is touched.
    Result<BackupCheck> check = inspect(file, true, progress);
    if (!check)
        return check.error();
    if (Status s = checkRestorable(check.value()); !s)
        return s.error();

    // 2. The workspace lock is held until the new file is in place.
    Result<std::unique_ptr<QLockFile>> lock = lockWorkspace(live);
    if (!lock)
        return lock.error();

    // 3. A copy beside the workspace (same file system, so the final rename is atomic), synced and checked again.
    QString temp;
    {
        QTemporaryFile reserve(QDir(dir).filePath(u".%1.restore-XXXXXX"_s.arg(target.fileName())));
        reserve.setAutoRemove(false);
        if (!reserve.open())
            return Error{ErrorCode::Io,
                         tr("Cannot create a file in %1: %2").arg(native(dir.absolutePath()), reserve.errorString())};
        temp = reserve.fileName();
    }
    QFile::remove(temp);
    if (Status s = copyDurably(file, temp, progress); !s) {
        QFile::remove(temp);
        return s.error();
    }
    const BackupProgress checkingCopy = [&progress](BackupStep, qint64 done, qint64 total) {
        return !progress || progress(BackupStep::CheckCopy, done, total);
    };
    Result<BackupCheck> copied = inspect(temp, true, checkingCopy);
    if (!copied && copied.error().code == ErrorCode::Cancelled) {
        QFile::remove(temp);
        return copied.error();
    }
    if (!copied || copied.value().integrity != check.value().integrity ||
        copied.value().identity != check.value().identity) {
        QFile::remove(temp);
        return Error{ErrorCode::Io, tr("The copy of %1 did not read back the same; nothing was changed. Check the "
                                       "disk.")
                                        .arg(native(file))};
    }

    // The last moment to stop: from here on the workspace is changed, in steps that each take a moment.
    if (progress && !progress(BackupStep::CheckCopy, 1, 1)) {
        QFile::remove(temp);
        return cancelled();
    }

    // 4. Keep the current workspace as a generation, with its -wal: the pair stays together under the new name,
    // and no -wal is left beside the workspace for the restored file to be paired with.
    RestoreResult result;
    result.restoredFrom = source.absoluteFilePath();
    result.schemaVersion = check.value().schemaVersion;
    const QString liveWal = live + u"-wal"_s;
    QString keptWal;
    if (QFileInfo::exists(live)) {
        if (!QDir().mkpath(folderFor(live))) {
            QFile::remove(temp);
            return Error{ErrorCode::Io, tr("Cannot create the backup folder %1.").arg(native(folderFor(live)))};
        }
        const QString kept = newGenerationPath(live, headerSchemaVersion(live), u"before-restore"_s);
        if (::link(QFile::encodeName(live).constData(), QFile::encodeName(kept).constData()) != 0) {
            if (Status s = copyDurably(live, kept); !s) {
                QFile::remove(kept);
                QFile::remove(temp);
                return Error{ErrorCode::Io, tr("Cannot keep the current workspace before restoring: %1 Nothing was "
                                               "changed.")
                                                .arg(s.error().message)};
            }
        }
        if (QFileInfo::exists(liveWal)) {
            keptWal = kept + u"-wal"_s;
            if (::rename(QFile::encodeName(liveWal).constData(), QFile::encodeName(keptWal).constData()) != 0) {
                const QString reason = systemError();
                QFile::remove(kept);
                QFile::remove(temp);
                return Error{ErrorCode::Io,
                             tr("Cannot move %1 aside: %2. Nothing was changed.").arg(native(liveWal), reason)};
            }
        }
        if (QFileInfo::exists(live + u"-shm"_s))
            ::rename(QFile::encodeName(live + u"-shm"_s).constData(), QFile::encodeName(kept + u"-shm"_s).constData());
        if (Status s = sync(folderFor(live), true); !s) {
            QFile::remove(temp);
            return s.error();
        }
        result.keptAs = kept;
    }

    // 5. One atomic rename replaces the workspace.
    if (::rename(QFile::encodeName(temp).constData(), QFile::encodeName(live).constData()) != 0) {
        const QString reason = systemError();
        if (!keptWal.isEmpty())
            ::rename(QFile::encodeName(keptWal).constData(), QFile::encodeName(liveWal).constData());
        QFile::remove(temp);
        return Error{ErrorCode::Io,
                     tr("Cannot put the restored file in place at %1: %2. The workspace was not changed.")
                         .arg(native(live), reason)};
    }
    if (Status s = sync(dir.absolutePath(), true); !s)
        return s.error();
    if (Status s = prune(live); !s)
        return s.error();
    return result;
}

} // namespace strata
