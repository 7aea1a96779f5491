// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <sqlite3.h>

namespace strata {

/// A statement on the SQLite C API for the few reads that return tens of thousands of rows per keystroke,
/// where a QVariant per value costs more than the query. Finalized when it goes out of scope.
class SqliteStatement
{
public:
    SqliteStatement(const QSqlDatabase &connection, const char *sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool ok() const { return m_stmt != nullptr; }
    /// SQLite's message for the last failure, for Database::sqlError.
    QString errorText() const;

    void bind(int index, qint64 value) { sqlite3_bind_int64(m_stmt, index, value); }
    void bind(int index, const QString &value);
    /// SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return sqlite3_step(m_stmt); }
    void reset() { sqlite3_reset(m_stmt); }

    qint64 int64(int column) const { return sqlite3_column_int64(m_stmt, column); }
    QString text(int column) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QByteArray m_bound; ///< keeps the last bound text alive until the next bind
};

} // namespace strata
