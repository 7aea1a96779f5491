// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <memory>
#include <sqlite3.h>
#include <vector>

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

    /// The SQLite C handle behind a QSQLITE connection; null for any other driver or a closed connection.
    static sqlite3 *handleOf(const QSqlDatabase &connection);

    /// The statement kept in `slot`, prepared on first use (and again if that failed): a repository keeps the
    /// statements an import repeats per row instead of preparing them per row.
    static SqliteStatement &cached(std::unique_ptr<SqliteStatement> &slot,
                                   const QSqlDatabase &connection,
                                   const char *sql);

    bool ok() const { return m_stmt != nullptr; }
    /// SQLite's message for the last failure, for Database::sqlError.
    QString errorText() const;

    void bind(int index, qint64 value) { sqlite3_bind_int64(m_stmt, index, value); }
    /// Binds the text as UTF-8, kept alive until this parameter is bound again; a null QString binds ''.
    void bind(int index, const QString &value);
    /// Binds text that is already UTF-8 (JSON written by QJsonDocument), without converting it twice.
    void bindUtf8(int index, QByteArray utf8);
    void bindNull(int index) { sqlite3_bind_null(m_stmt, index); }
    /// Binds `value`, or NULL when it is 0 or less (an optional reference such as import_id).
    void bindId(int index, qint64 value)
    {
        if (value > 0)
            bind(index, value);
        else
            bindNull(index);
    }
    /// SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return sqlite3_step(m_stmt); }
    void reset() { sqlite3_reset(m_stmt); }
    /// Runs a statement that returns no rows and resets it for the next use; false on failure, when lastError()
    /// says why (with SQLite's extended code, as QSqlQuery reports it).
    bool exec();
    QSqlError lastError() const { return m_error; }
    qint64 lastInsertId() const { return sqlite3_last_insert_rowid(m_db); }

    qint64 int64(int column) const { return sqlite3_column_int64(m_stmt, column); }
    QString text(int column) const;
    /// The statement itself, for readers that decode their columns in place.
    sqlite3_stmt *get() const { return m_stmt; }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    std::vector<QByteArray> m_texts; ///< bound texts by parameter index, alive until rebound
    QSqlError m_error;
};

} // namespace strata
