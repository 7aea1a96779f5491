// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"
#include "domain/Result.h"
#include "storage/SqlValues.h"
#include "storage/SqliteStatement.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlQuery>
#include <QVector>

#include <memory>

namespace strata {

class Database;

/// The identifying columns of a record, for matching imports against the workspace in memory.
struct RecordKey
{
    qint64 id = 0;
    RecordKind kind = RecordKind::Model;
    QString name;
    QString version;
    QString purl;
    bool placeholder = false;
};

/// The only place that knows the SQL for records and their full-text index. Callers own the transaction.
class RecordRepository
{
    Q_DECLARE_TR_FUNCTIONS(strata::RecordRepository)

public:
    explicit RecordRepository(const Database &db);

    /// Inserts the record; an id > 0 is kept (restore), 0 gets a new one. Returns the id. The search row is
    /// written by writeSearch(), once per transaction (see Workspace).
    Result<qint64> insert(const Record &record);
    Status update(const Record &record);
    Status remove(qint64 id);
    Result<Record> get(qint64 id) const;
    /// The identifying columns of one record, without its fields.
    Result<RecordKey> key(qint64 id) const;
    /// Records whose name matches exactly (case-insensitive), optionally of one kind and version.
    Result<QVector<qint64>> idsByName(const QString &name,
                                      std::optional<RecordKind> kind,
                                      const QString *version = nullptr) const;
    Result<QVector<qint64>> ids(const RecordQuery &query) const;
    Result<QList<RecordSummary>> summaries(const QVector<qint64> &ids) const;
    Result<QMap<RecordKind, int>> countsByKind() const;
    /// Every record's identifying columns in one scan.
    Result<QList<RecordKey>> keys() const;
    /// Writes the search rows of the records inserted since the last call, and rewrites those of records that
    /// changed or whose suppliers changed (`stale`) from the tables. Call once, just before COMMIT.
    Status writeSearch(const QSet<qint64> &stale);
    /// A record inserted in this transaction is provided by `supplierName`; false if it was not inserted in it.
    bool addPendingSupplier(qint64 id, const QString &supplierName);
    /// The transaction rolled back: forget the rows writeSearch() would have written.
    void discardPendingSearch() { m_pendingSearch.clear(); }

    /// Forgets cached orderings; Workspace calls it after every write.
    void invalidateCaches() { m_orderCache.clear(); }

    /// Turns "llama 3.1" into an FTS5 query of prefixes: "llama"* AND "3"* AND "1"*.
    static QString ftsQuery(const QString &text);

private:
    /// Ids of `query` (no search, no limit) in display order, read once per write.
    Result<QVector<qint64>> orderedIds(const RecordQuery &query) const;
    Error searchError(const QString &sqliteMessage) const;
    Error conflictOrSqlError(const QString &what, const QSqlError &error, const Record &record) const;

    /// A search row kept in memory from insert() to writeSearch(), so each new record is indexed once.
    struct PendingSearch
    {
        QString name, description, tags, notes, license;
        QStringList suppliers;
    };

    const Database &m_db;
    QHash<qint64, PendingSearch> m_pendingSearch;
    mutable QHash<QString, QVector<qint64>> m_orderCache;
    /// The two statements a bulk import runs per record, on the C API: QSqlQuery's binding (a QVariant and a
    /// placeholder name per value, UTF-16 converted by SQLite) cost as much as the insert itself.
    std::unique_ptr<SqliteStatement> m_insert;
    sql::TimeText m_insertTime;
    QVariantMap m_lastAttributes;
    QByteArray m_lastAttributesJson = QByteArrayLiteral("{}");
    std::unique_ptr<SqliteStatement> m_insertSearch;
    QSqlQuery m_deleteSearch;
    QSqlQuery m_searchRow;
    mutable QSqlQuery m_get;
    mutable QSqlQuery m_key;
};

} // namespace strata
