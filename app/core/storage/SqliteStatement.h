// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <sqlite3.h>

namespace strata {

/// A statement on the SQLite C API, on the workspace's own connection, for the reads that return tens of thousands
/// of rows (search, the lineage graph), where a QVariant per value costs more than the query. Finalized when it goes
/// out of scope.
class SqliteStatement
{
public:
    SqliteStatement(const QSqlDatabase &connection, const QByteArray &sql);
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
    /// The statement itself, for readers that decode their columns in place.
    sqlite3_stmt *get() const { return m_stmt; }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QByteArray m_bound; ///< keeps the last bound text alive until the next bind
};

} // namespace strata
