// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/PageCopy.h"

#include "storage/Database.h"
#include "storage/SqliteStatement.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

void removeWithCompanions(const QString &file)
{
    for (const char *suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(file + QLatin1String(suffix));
}

} // namespace

Result<std::unique_ptr<PageCopy>> PageCopy::begin(const Database &database, const QString &file)
{
    if (QFileInfo::exists(file))
        return Error{ErrorCode::InvalidInput, tr("%1 already exists.").arg(QDir::toNativeSeparators(file))};
    std::unique_ptr<PageCopy> copy(new PageCopy);
    copy->m_file = file;
    copy->m_source = SqliteStatement::handleOf(database.connection());
    if (!copy->m_source)
        return Error{ErrorCode::Database, tr("The workspace connection is not open.")};
    const QByteArray name = QFile::encodeName(file);
    int rc = sqlite3_open_v2(name.constData(), &copy->m_copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc == SQLITE_OK) {
        copy->m_backup = sqlite3_backup_init(copy->m_copy, "main", copy->m_source, "main");
        if (!copy->m_backup)
            rc = sqlite3_errcode(copy->m_copy);
    }
    if (rc != SQLITE_OK)
        return Error{ErrorCode::Io, tr("Cannot start copying the workspace to %1: %2")
                                        .arg(QDir::toNativeSeparators(file), QString::fromUtf8(sqlite3_errstr(rc)))};
    return copy;
}

PageCopy::~PageCopy()
{
    close();
    if (!m_done)
        removeWithCompanions(m_file);
}

void PageCopy::close()
{
    if (m_backup)
        sqlite3_backup_finish(m_backup);
    m_backup = nullptr;
    if (m_copy)
        sqlite3_close_v2(m_copy);
    m_copy = nullptr;
}

Result<bool> PageCopy::step(int pages)
{
    if (m_done)
        return true;
    if (!m_backup)
        return Error{ErrorCode::Io, tr("The copy of the workspace was already abandoned.")};
    // A transaction in progress on the connection (an import being applied) is never copied half-way.
    if (sqlite3_get_autocommit(m_source) == 0)
        return false;
    const int rc = sqlite3_backup_step(m_backup, pages);
    m_lastCount = sqlite3_backup_pagecount(m_backup);
    if (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        return false;
    if (rc == SQLITE_DONE) {
        const int finished = sqlite3_backup_finish(m_backup);
        m_backup = nullptr;
        const int closed = sqlite3_close(m_copy);
        m_copy = nullptr;
        if (finished == SQLITE_OK && closed == SQLITE_OK) {
            m_done = true;
            return true;
        }
        return Error{ErrorCode::Io,
                     tr("Finishing the copy of the workspace at %1 failed: %2")
                         .arg(QDir::toNativeSeparators(m_file),
                              QString::fromUtf8(sqlite3_errstr(finished != SQLITE_OK ? finished : closed)))};
    }
    const QString detail = QString::fromUtf8(sqlite3_errstr(rc));
    close();
    removeWithCompanions(m_file);
    return Error{(rc & 0xff) == SQLITE_CORRUPT ? ErrorCode::Integrity : ErrorCode::Io,
                 tr("Copying the workspace to %1 failed: %2").arg(QDir::toNativeSeparators(m_file), detail)};
}

int PageCopy::pagesDone() const
{
    if (m_done)
        return pageCount();
    return m_backup ? sqlite3_backup_pagecount(m_backup) - sqlite3_backup_remaining(m_backup) : 0;
}

int PageCopy::pageCount() const
{
    return m_backup ? sqlite3_backup_pagecount(m_backup) : m_lastCount;
}

} // namespace strata
