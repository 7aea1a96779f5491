// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/SqliteStatement.h"

#include <QSqlDriver>
#include <QVariant>

namespace strata {

sqlite3 *SqliteStatement::handleOf(const QSqlDatabase &connection)
{
    const QVariant handle = connection.driver() ? connection.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

SqliteStatement::SqliteStatement(const QSqlDatabase &connection, const QByteArray &sql)
    : m_db(handleOf(connection))
{
    if (m_db &&
        sqlite3_prepare_v2(m_db, sql.constData(), static_cast<int>(sql.size()), &m_stmt, nullptr) != SQLITE_OK) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

SqliteStatement &SqliteStatement::cached(std::unique_ptr<SqliteStatement> &slot,
                                         const QSqlDatabase &connection,
                                         const char *sql)
{
    if (!slot || !slot->ok())
        slot = std::make_unique<SqliteStatement>(connection, QByteArray(sql));
    return *slot;
}

QString SqliteStatement::errorText() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("no SQLite connection");
}

void SqliteStatement::bind(int index, const QString &value)
{
    bindUtf8(index, value.toUtf8());
}

void SqliteStatement::bindUtf8(int index, QByteArray utf8)
{
    if (index < 1)
        return;
    if (m_texts.size() <= size_t(index))
        m_texts.resize(size_t(index) + 1);
    QByteArray &text = m_texts[size_t(index)];
    text = std::move(utf8);
    // A null QString's empty array still has a valid pointer: '' rather than NULL, as sql::nonNull does.
    sqlite3_bind_text(m_stmt, index, text.constData(), static_cast<int>(text.size()), SQLITE_STATIC);
}

bool SqliteStatement::exec()
{
    if (!m_stmt) {
        m_error = QSqlError(QString(), errorText(), QSqlError::StatementError, QString::number(SQLITE_ERROR));
        return false;
    }
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(m_stmt)) == SQLITE_ROW) {
    }
    if (rc == SQLITE_DONE) {
        sqlite3_reset(m_stmt);
        return true;
    }
    const int code = sqlite3_extended_errcode(m_db);
    m_error =
        QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(m_db)), QSqlError::StatementError, QString::number(code));
    sqlite3_reset(m_stmt);
    return false;
}

QString SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

} // namespace strata
