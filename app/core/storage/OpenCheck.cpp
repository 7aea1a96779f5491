// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/OpenCheck.h"

#include "storage/Backups.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <memory>
#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr qint64 kApplicationId = 0x53545241; // 'STRA'

/// What a scratch copy of the workspace holds once SQLite has replayed the -wal into it.
struct Replayed
{
    bool readable = false;
    qint64 applicationId = 0;
    QString identity;
    QString verdict;
};

QString firstValue(sqlite3 *db, const char *sql, bool *ok)
{
    sqlite3_stmt *stmt = nullptr;
    QString value;
    *ok = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK;
    if (*ok) {
        const int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW)
            value = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        *ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
    }
    sqlite3_finalize(stmt);
    return value;
}

Replayed replay(const QString &copy)
{
    Replayed result;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(copy).constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        int enabled = 0;
        sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled);
        sqlite3_exec(db, "PRAGMA locking_mode = EXCLUSIVE", nullptr, nullptr, nullptr);
        bool ok = false;
        result.applicationId = firstValue(db, "PRAGMA application_id", &ok).toLongLong();
        if (ok)
            result.verdict = firstValue(db, "PRAGMA quick_check", &ok);
        if (ok && result.verdict == u"ok"_s) {
            bool hasTable = false;
            const QString table =
                firstValue(db, "SELECT name FROM sqlite_schema WHERE name = 'workspace_identity'", &hasTable);
            if (hasTable && !table.isEmpty())
                result.identity = firstValue(db, "SELECT uuid FROM workspace_identity WHERE id = 1", &ok);
        }
        result.readable = ok;
        if (!ok)
            result.verdict = QString::fromUtf8(sqlite3_errmsg(db));
    } else {
        result.verdict = QString::fromUtf8(sqlite3_errmsg(db));
    }
    sqlite3_close_v2(db);
    return result;
}

} // namespace

Status OpenCheck::wal(const QString &workspace)
{
    const QString wal = workspace + u"-wal"_s;
    if (QFileInfo(wal).size() <= 0)
        return Ok{};
    const QString shownWal = QDir::toNativeSeparators(wal);
    const QString shown = QDir::toNativeSeparators(workspace);

    // The workspace is locked and SQLite has not opened it, so plain copies are safe to take here.
    auto scratch = std::make_unique<QTemporaryDir>(QFileInfo(workspace).absoluteDir().filePath(u".walcheck-XXXXXX"_s));
    if (!scratch->isValid())
        scratch = std::make_unique<QTemporaryDir>(); // a read-only folder: the system's temporary folder
    const QString copy = scratch->filePath(u"check.strata"_s);
    if (!scratch->isValid() || !QFile::copy(workspace, copy) || !QFile::copy(wal, copy + u"-wal"_s))
        return Error{ErrorCode::Io,
                     tr("%1 has a -wal file beside it, and Strata could not copy the two to check that they belong "
                        "together (the disk may be full). Nothing was changed.")
                         .arg(shown)};

    const auto [fileAppId, fileIdentity] = Backups::identityOf(copy);
    const Replayed replayed = replay(copy);
    const QString advice = tr("The workspace was left unchanged. Move %1 out of the folder and open the workspace "
                              "again (changes that exist only in that file are then lost), or restore a backup.")
                               .arg(shownWal);
    if (!replayed.readable || replayed.verdict != u"ok"_s)
        return Error{ErrorCode::Integrity,
                     tr("%1 cannot be applied to %2 (%3): it belongs to another database or is damaged. %4")
                         .arg(shownWal, shown, replayed.verdict, advice)};
    if (fileAppId == kApplicationId && replayed.applicationId != kApplicationId)
        return Error{
            ErrorCode::Integrity,
            tr("%1 belongs to another database, not to the Strata workspace %2. %3").arg(shownWal, shown, advice)};
    if (!fileIdentity.isEmpty() && replayed.identity != fileIdentity)
        return Error{ErrorCode::Integrity,
                     tr("%1 belongs to another Strata workspace, not to %2. %3").arg(shownWal, shown, advice)};
    return Ok{};
}

Status OpenCheck::size(const QString &workspace)
{
    if (QFileInfo(workspace + u"-wal"_s).size() > 0)
        return Ok{}; // a crash may have stopped a checkpoint half-way: the -wal completes the file
    QFile file(workspace);
    if (!file.open(QIODevice::ReadOnly))
        return Ok{}; // Database::open reports an unreadable file itself
    const QByteArray header = file.read(100);
    const qint64 bytes = file.size();
    file.close();
    if (header.size() < 100)
        return Ok{}; // SQLite reports a short header as "not a database"
    const auto be = [&header](int at, int count) {
        quint64 value = 0;
        for (int i = 0; i < count; ++i)
            value = (value << 8) | quint8(header.at(at + i));
        return value;
    };
    const quint64 rawPage = be(16, 2);
    const qint64 page = rawPage == 1 ? 65536 : qint64(rawPage);
    if (page < 512 || (page & (page - 1)) != 0)
        return Ok{}; // an invalid page size: SQLite refuses the file itself
    const quint64 pagesInHeader = be(28, 4);
    const bool headerSizeValid = be(24, 4) == be(92, 4); // "version-valid-for" matches the change counter
    if (bytes % page != 0 || (headerSizeValid && pagesInHeader > 0 && qint64(pagesInHeader) * page > bytes))
        return Error{ErrorCode::Integrity,
                     tr("%1 is damaged (it is %2 bytes long, which is not the whole number of %3-byte pages its "
                        "header describes: it was cut short or appended to). It was left unchanged; restore it "
                        "from a backup.")
                         .arg(QDir::toNativeSeparators(workspace))
                         .arg(bytes)
                         .arg(page)};
    return Ok{};
}

} // namespace strata
