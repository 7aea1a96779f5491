// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/RecordRepository.h"

#include "storage/Database.h"
#include "storage/SqlValues.h"
#include "storage/SqliteStatement.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>

#include <algorithm>
#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

const QString kColumns = u"r.id, r.kind, r.name, r.version, r.description, r.license, r.source_url, r.purl, r.tags, "
                         "r.notes, r.attributes, r.placeholder, r.created_at, r.created_by, r.updated_at, "
                         "r.updated_by, r.manual_fields"_s;

/// Rowids above this are not records Strata wrote; a search ignores them rather than allocate for them.
constexpr qint64 kMaxIndexedRowid = qint64(1) << 31;
/// A handful of orders (kind x sort column) are in use at once; more means the user is clicking around.
constexpr int kOrderCacheEntries = 16;

const QString kSupplierNames = u"(SELECT group_concat(s.name, ', ') FROM relation x JOIN record s ON s.id = x.to_id "
                               "WHERE x.from_id = r.id AND x.type = 'provided_by')"_s;

QByteArray attributesUtf8(const QVariantMap &attributes)
{
    if (attributes.isEmpty())
        return QByteArrayLiteral("{}");
    return QJsonDocument(QJsonObject::fromVariantMap(attributes)).toJson(QJsonDocument::Compact);
}

QString attributesJson(const QVariantMap &attributes)
{
    return QString::fromUtf8(attributesUtf8(attributes));
}

Record recordFromQuery(const QSqlQuery &q)
{
    Record r;
    r.id = q.value(0).toLongLong();
    r.kind = recordKindFromKey(q.value(1).toString()).value_or(RecordKind::Model);
    r.name = q.value(2).toString();
    r.version = q.value(3).toString();
    r.description = q.value(4).toString();
    r.license = q.value(5).toString();
    r.sourceUrl = q.value(6).toString();
    r.purl = q.value(7).toString();
    r.tags = sql::tagsFromText(q.value(8).toString());
    r.notes = q.value(9).toString();
    r.attributes = QJsonDocument::fromJson(q.value(10).toString().toUtf8()).object().toVariantMap();
    r.placeholder = q.value(11).toBool();
    r.createdAt = sql::timeFromText(q.value(12).toString());
    r.createdBy = q.value(13).toString();
    r.updatedAt = sql::timeFromText(q.value(14).toString());
    r.updatedBy = q.value(15).toString();
    r.manualFields = sql::tagsFromText(q.value(16).toString());
    return r;
}

QString orderBy(const RecordQuery &query)
{
    const QString dir = query.descending ? u" DESC"_s : QString();
    QString first;
    switch (query.sortKey) {
    case RecordQuery::SortKey::Name:
        first = u"r.name COLLATE NOCASE"_s + dir;
        break;
    case RecordQuery::SortKey::Version:
        first = u"r.version COLLATE NOCASE"_s + dir + u", r.name COLLATE NOCASE"_s;
        break;
    case RecordQuery::SortKey::Supplier:
        first = kSupplierNames + u" COLLATE NOCASE"_s + dir + u", r.name COLLATE NOCASE"_s;
        break;
    case RecordQuery::SortKey::License:
        first = u"r.license COLLATE NOCASE"_s + dir + u", r.name COLLATE NOCASE"_s;
        break;
    case RecordQuery::SortKey::Updated:
        first = u"r.updated_at"_s + dir;
        break;
    case RecordQuery::SortKey::Id:
        return u"r.id"_s + dir;
    }
    const QString kindOrder = query.kind ? QString()
                                         : u"CASE r.kind WHEN 'supplier' THEN 0 WHEN 'model' THEN 1 WHEN 'dataset' "
                                           "THEN 2 WHEN 'software' THEN 3 ELSE 4 END, "_s;
    return kindOrder + first + u", r.id"_s + dir;
}

} // namespace

RecordRepository::RecordRepository(const Database &db)
    : m_db(db)
{
}

QString RecordRepository::ftsQuery(const QString &text)
{
    // Tokenise the way unicode61 does (letters and digits), quote each token, match each as a prefix.
    static const QRegularExpression separators(u"[^\\p{L}\\p{N}]+"_s);
    const QStringList tokens = text.split(separators, Qt::SkipEmptyParts);
    QStringList parts;
    for (const QString &token : tokens)
        parts << u"\"%1\"*"_s.arg(token);
    return parts.join(u" AND "_s);
}

Error RecordRepository::conflictOrSqlError(const QString &what, const QSqlError &error, const Record &record) const
{
    const int code = error.nativeErrorCode().toInt();
    if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
        const QString version = record.version.isEmpty() ? tr("(no version)") : record.version;
        return Error{ErrorCode::Conflict,
                     tr("A %1 named \"%2\" with version %3 already exists; change the name or the version.")
                         .arg(recordKindLabel(record.kind).toLower(), record.name, version)};
    }
    return m_db.sqlError(what, error);
}

Result<qint64> RecordRepository::insert(const Record &record)
{
    SqliteStatement &q = SqliteStatement::cached(
        m_insert, m_db.connection(),
        "INSERT INTO record (id, kind, name, version, description, license, source_url, purl, tags, notes, "
        "attributes, placeholder, created_at, created_by, updated_at, updated_by, manual_fields) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bindId(1, record.id);
    q.bind(2, recordKindKey(record.kind));
    q.bind(3, record.name);
    q.bind(4, record.version);
    q.bind(5, record.description);
    q.bind(6, record.license);
    q.bind(7, record.sourceUrl);
    q.bind(8, record.purl);
    q.bind(9, sql::tagsToText(record.tags));
    q.bind(10, record.notes);
    // An import's records share their attributes (the reader hands consecutive equal maps out as one): convert
    // each distinct map to JSON once.
    if (!record.attributes.isSharedWith(m_lastAttributes)) {
        m_lastAttributes = record.attributes;
        m_lastAttributesJson = attributesUtf8(record.attributes);
    }
    q.bindUtf8(11, m_lastAttributesJson);
    q.bind(12, qint64(record.placeholder ? 1 : 0));
    q.bind(13, m_insertTime(record.createdAt));
    q.bind(14, record.createdBy);
    q.bind(15, m_insertTime(record.updatedAt));
    q.bind(16, record.updatedBy);
    q.bind(17, sql::tagsToText(record.manualFields));
    if (!q.exec())
        return conflictOrSqlError(tr("Adding \"%1\"").arg(record.name), q.lastError(), record);
    const qint64 id = q.lastInsertId();
    m_pendingSearch.insert(
        id,
        PendingSearch{record.name, record.description, sql::tagsToText(record.tags), record.notes, record.license, {}});
    return id;
}

bool RecordRepository::addPendingSupplier(qint64 id, const QString &supplierName)
{
    const auto it = m_pendingSearch.find(id);
    if (it == m_pendingSearch.end())
        return false;
    it->suppliers << supplierName;
    return true;
}

Status RecordRepository::update(const Record &record)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE record SET name = ?, version = ?, description = ?, license = ?, source_url = ?, purl = ?, "
              "tags = ?, notes = ?, attributes = ?, placeholder = ?, updated_at = ?, updated_by = ?, manual_fields = ? "
              "WHERE id = ?"_s);
    q.addBindValue(sql::nonNull(record.name));
    q.addBindValue(sql::nonNull(record.version));
    q.addBindValue(sql::nonNull(record.description));
    q.addBindValue(sql::nonNull(record.license));
    q.addBindValue(sql::nonNull(record.sourceUrl));
    q.addBindValue(sql::nonNull(record.purl));
    q.addBindValue(sql::tagsToText(record.tags));
    q.addBindValue(sql::nonNull(record.notes));
    q.addBindValue(attributesJson(record.attributes));
    q.addBindValue(record.placeholder ? 1 : 0);
    q.addBindValue(sql::timeToText(record.updatedAt));
    q.addBindValue(sql::nonNull(record.updatedBy));
    q.addBindValue(sql::tagsToText(record.manualFields));
    q.addBindValue(record.id);
    if (!q.exec())
        return conflictOrSqlError(tr("Saving \"%1\"").arg(record.name), q.lastError(), record);
    if (q.numRowsAffected() != 1)
        return Error{ErrorCode::NotFound, tr("Record %1 does not exist.").arg(record.id)};
    return Ok{};
}

Status RecordRepository::remove(qint64 id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"DELETE FROM record WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec())
        return m_db.sqlError(tr("Deleting record %1").arg(id), q.lastError());
    if (q.numRowsAffected() != 1)
        return Error{ErrorCode::NotFound, tr("Record %1 does not exist.").arg(id)};
    m_pendingSearch.remove(id);
    q.prepare(u"DELETE FROM record_search WHERE rowid = ?"_s);
    q.addBindValue(id);
    if (!q.exec())
        return m_db.sqlError(tr("Deleting record %1 from the search index").arg(id), q.lastError());
    return Ok{};
}

Result<Record> RecordRepository::get(qint64 id) const
{
    // Prepared once: linking, importing and undo read records one at a time, many times over.
    if (m_get.lastQuery().isEmpty()) {
        m_get = QSqlQuery(m_db.connection());
        m_get.setForwardOnly(true);
        m_get.prepare(u"SELECT %1 FROM record r WHERE r.id = ?"_s.arg(kColumns));
    }
    QSqlQuery &q = m_get;
    q.addBindValue(id);
    if (!q.exec())
        return m_db.sqlError(tr("Reading record %1").arg(id), q.lastError());
    if (!q.next()) {
        q.finish();
        return Error{ErrorCode::NotFound,
                     tr("There is no record with id %1; \"strata-cli list\" shows the ids.").arg(id)};
    }
    Record record = recordFromQuery(q);
    q.finish();
    return record;
}

Result<RecordKey> RecordRepository::key(qint64 id) const
{
    // Prepared once: every link checks the kinds of both ends, and needs nothing else.
    if (m_key.lastQuery().isEmpty()) {
        m_key = QSqlQuery(m_db.connection());
        m_key.setForwardOnly(true);
        m_key.prepare(u"SELECT kind, name, version, purl, placeholder FROM record WHERE id = ?"_s);
    }
    QSqlQuery &q = m_key;
    q.bindValue(0, id);
    if (!q.exec())
        return m_db.sqlError(tr("Reading record %1").arg(id), q.lastError());
    if (!q.next()) {
        q.finish();
        return Error{ErrorCode::NotFound,
                     tr("There is no record with id %1; \"strata-cli list\" shows the ids.").arg(id)};
    }
    RecordKey key{id,
                  recordKindFromKey(q.value(0).toString()).value_or(RecordKind::Model),
                  q.value(1).toString(),
                  q.value(2).toString(),
                  q.value(3).toString(),
                  q.value(4).toBool()};
    q.finish();
    return key;
}

Result<QVector<qint64>> RecordRepository::idsByName(const QString &name,
                                                    std::optional<RecordKind> kind,
                                                    const QString *version) const
{
    QString sql = u"SELECT id FROM record WHERE name = ? COLLATE NOCASE"_s;
    if (kind)
        sql += u" AND kind = ?"_s;
    if (version)
        sql += u" AND version = ? COLLATE NOCASE"_s;
    QSqlQuery q(m_db.connection());
    q.prepare(sql + u" ORDER BY id"_s);
    q.addBindValue(name);
    if (kind)
        q.addBindValue(recordKindKey(*kind));
    if (version)
        q.addBindValue(*version);
    if (!q.exec())
        return m_db.sqlError(tr("Looking up \"%1\"").arg(name), q.lastError());
    QVector<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

Result<QVector<qint64>> RecordRepository::ids(const RecordQuery &query) const
{
    RecordQuery unfiltered = query;
    unfiltered.search.clear();
    unfiltered.limit = -1;
    Result<QVector<qint64>> ordered = orderedIds(unfiltered);
    if (!ordered)
        return ordered.error();
    const QString fts = ftsQuery(query.search);
    if (fts.isEmpty())
        return query.limit >= 0 ? ordered.value().mid(0, query.limit) : ordered.value();

    // Search as you type: the rowids FTS5 finds, kept in the order of the (cached) unfiltered list. SQLite's own
    // plan for "id IN (MATCH) ORDER BY name" materialised the hits and walked every record of the kind, in
    // 50-100 ms per keystroke at 100k records; this is a few ms.
    SqliteStatement match(m_db.connection(), "SELECT rowid FROM record_search WHERE record_search MATCH ?");
    if (!match.ok())
        return searchError(match.errorText());
    match.bind(1, fts);
    std::vector<bool> hit;
    int rc = SQLITE_ROW;
    while ((rc = match.step()) == SQLITE_ROW) {
        const qint64 rowid = match.int64(0);
        if (rowid < 0 || rowid > kMaxIndexedRowid)
            continue;
        if (static_cast<size_t>(rowid) >= hit.size())
            hit.resize(static_cast<size_t>(rowid) + 1);
        hit[static_cast<size_t>(rowid)] = true;
    }
    if (rc != SQLITE_DONE)
        return searchError(match.errorText());
    QVector<qint64> found;
    for (qint64 id : ordered.value()) {
        if (id >= 0 && static_cast<size_t>(id) < hit.size() && hit[static_cast<size_t>(id)]) {
            found << id;
            if (query.limit >= 0 && found.size() >= query.limit)
                break;
        }
    }
    return found;
}

Result<QVector<qint64>> RecordRepository::orderedIds(const RecordQuery &query) const
{
    const QString key = u"%1|%2|%3"_s.arg(query.kind ? recordKindKey(*query.kind) : u"*"_s)
                            .arg(static_cast<int>(query.sortKey))
                            .arg(query.descending);
    if (const auto it = m_orderCache.constFind(key); it != m_orderCache.cend())
        return it.value();
    QString sql = u"SELECT r.id FROM record r"_s;
    if (query.kind)
        sql += u" WHERE r.kind = ?"_s;
    sql += u" ORDER BY "_s + orderBy(query);
    SqliteStatement q(m_db.connection(), sql.toUtf8().constData());
    if (!q.ok())
        return m_db.sqlError(tr("Listing records"), QSqlError(q.errorText(), {}, QSqlError::StatementError));
    if (query.kind)
        q.bind(1, recordKindKey(*query.kind));
    QVector<qint64> ids;
    int rc = SQLITE_ROW;
    while ((rc = q.step()) == SQLITE_ROW)
        ids << q.int64(0);
    if (rc != SQLITE_DONE)
        return m_db.sqlError(tr("Listing records"), QSqlError(q.errorText(), {}, QSqlError::StatementError));
    if (m_orderCache.size() >= kOrderCacheEntries)
        m_orderCache.clear();
    m_orderCache.insert(key, ids);
    return ids;
}

Error RecordRepository::searchError(const QString &sqliteMessage) const
{
    return m_db.sqlError(tr("Searching records"), QSqlError(sqliteMessage, {}, QSqlError::StatementError));
}

Result<QList<RecordSummary>> RecordRepository::summaries(const QVector<qint64> &ids) const
{
    // One prepared lookup per id, in the caller's order: a table page is a few hundred rows at most.
    static const QByteArray sql =
        u"SELECT r.kind, r.name, r.version, %1, r.license, r.tags, r.placeholder, r.updated_at FROM record r "
        "WHERE r.id = ?"_s.arg(kSupplierNames)
            .toUtf8();
    SqliteStatement q(m_db.connection(), sql.constData());
    if (!q.ok())
        return m_db.sqlError(tr("Reading records"), QSqlError(q.errorText(), {}, QSqlError::StatementError));
    QList<RecordSummary> out;
    out.reserve(ids.size());
    for (qint64 id : ids) {
        q.bind(1, id);
        const int rc = q.step();
        if (rc == SQLITE_ROW) {
            RecordSummary s;
            s.id = id;
            s.kind = recordKindFromKey(q.text(0)).value_or(RecordKind::Model);
            s.name = q.text(1);
            s.version = q.text(2);
            s.suppliers = q.text(3);
            s.license = q.text(4);
            s.tags = sql::tagsFromText(q.text(5));
            s.placeholder = q.int64(6) != 0;
            s.updatedAt = sql::timeFromText(q.text(7));
            out << s;
        } else if (rc != SQLITE_DONE) {
            return m_db.sqlError(tr("Reading records"), QSqlError(q.errorText(), {}, QSqlError::StatementError));
        }
        q.reset();
    }
    return out;
}

Result<QMap<RecordKind, int>> RecordRepository::countsByKind() const
{
    QMap<RecordKind, int> counts;
    for (RecordKind kind : allRecordKinds())
        counts.insert(kind, 0);
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT kind, count(*) FROM record GROUP BY kind"_s))
        return m_db.sqlError(tr("Counting records"), q.lastError());
    while (q.next()) {
        if (const auto kind = recordKindFromKey(q.value(0).toString()))
            counts.insert(*kind, q.value(1).toInt());
    }
    return counts;
}

Result<QList<RecordKey>> RecordRepository::keys() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT id, kind, name, version, purl, placeholder FROM record"_s))
        return m_db.sqlError(tr("Reading records"), q.lastError());
    QList<RecordKey> keys;
    while (q.next()) {
        keys << RecordKey{q.value(0).toLongLong(), recordKindFromKey(q.value(1).toString()).value_or(RecordKind::Model),
                          q.value(2).toString(),   q.value(3).toString(),
                          q.value(4).toString(),   q.value(5).toBool()};
    }
    return keys;
}

Status RecordRepository::writeSearch(const QSet<qint64> &stale)
{
    const QHash<qint64, PendingSearch> pending = std::exchange(m_pendingSearch, {});
    if (pending.isEmpty() && stale.isEmpty())
        return Ok{};
    // Plain single-row statements only: an INSERT ... SELECT into the FTS5 table opens a statement journal,
    // and at every statement savepoint FTS5 writes its pending terms out, which made bulk inserts 3-6x slower.
    if (m_searchRow.lastQuery().isEmpty()) {
        m_searchRow = QSqlQuery(m_db.connection());
        m_searchRow.setForwardOnly(true);
        m_searchRow.prepare(
            u"SELECT r.name, r.description, r.tags, r.notes, r.license, "
            "coalesce((SELECT group_concat(s.name, ' ') FROM relation x JOIN record s ON s.id = x.to_id "
            "WHERE x.from_id = r.id AND x.type = 'provided_by'), '') FROM record r WHERE r.id = ?"_s);
        m_deleteSearch = QSqlQuery(m_db.connection());
        m_deleteSearch.prepare(u"DELETE FROM record_search WHERE rowid = ?"_s);
    }
    SqliteStatement &insertSearch =
        SqliteStatement::cached(m_insertSearch, m_db.connection(),
                                "INSERT INTO record_search (rowid, name, description, tags, notes, license, "
                                "suppliers) VALUES (?, ?, ?, ?, ?, ?, ?)");
    const auto fail = [this](const QSqlQuery &q) {
        return m_db.sqlError(tr("Updating the search index"), q.lastError());
    };
    const auto insertRow = [&](qint64 id, const QStringList &values) -> Status {
        insertSearch.bind(1, id);
        for (int column = 0; column < values.size(); ++column)
            insertSearch.bind(column + 2, values.at(column));
        if (!insertSearch.exec())
            return m_db.sqlError(tr("Updating the search index"), insertSearch.lastError());
        return Ok{};
    };

    QList<qint64> fresh = pending.keys();
    std::sort(fresh.begin(), fresh.end()); // rowid order keeps FTS5's segments compact
    for (qint64 id : std::as_const(fresh)) {
        if (stale.contains(id))
            continue; // changed again after its insert: read back below
        const PendingSearch &p = pending[id];
        if (Status s = insertRow(id, {p.name, p.description, p.tags, p.notes, p.license, p.suppliers.join(u' ')}); !s)
            return s;
    }
    QList<qint64> changed(stale.cbegin(), stale.cend());
    std::sort(changed.begin(), changed.end());
    for (qint64 id : std::as_const(changed)) {
        if (!pending.contains(id)) {
            m_deleteSearch.bindValue(0, id);
            if (!m_deleteSearch.exec())
                return fail(m_deleteSearch);
        }
        m_searchRow.bindValue(0, id);
        if (!m_searchRow.exec())
            return fail(m_searchRow);
        if (!m_searchRow.next()) {
            m_searchRow.finish();
            continue; // removed later in the same transaction
        }
        QStringList values;
        for (int column = 0; column < 6; ++column)
            values << m_searchRow.value(column).toString();
        m_searchRow.finish();
        if (Status s = insertRow(id, values); !s)
            return s;
    }
    return Ok{};
}

} // namespace strata
