// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/RelationRepository.h"

#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

const QString kSelect =
    u"SELECT id, from_id, type, to_id, subtype, source, created_at, created_by, import_id FROM relation "_s;

Relation relationFromQuery(const QSqlQuery &q, int offset = 0)
{
    Relation r;
    r.id = q.value(offset + 0).toLongLong();
    r.fromId = q.value(offset + 1).toLongLong();
    r.type = relationTypeFromKey(q.value(offset + 2).toString()).value_or(RelationType::DependsOn);
    r.toId = q.value(offset + 3).toLongLong();
    r.subtype = q.value(offset + 4).toString();
    r.source = q.value(offset + 5).toString();
    r.createdAt = sql::timeFromText(q.value(offset + 6).toString());
    r.createdBy = q.value(offset + 7).toString();
    r.importId = q.value(offset + 8).toLongLong();
    return r;
}

} // namespace

RelationRepository::RelationRepository(const Database &db)
    : m_db(db)
{
}

Result<Relation> RelationRepository::insert(const Relation &relation)
{
    SqliteStatement &q = SqliteStatement::cached(
        m_insert, m_db.connection(),
        "INSERT INTO relation (id, from_id, type, to_id, subtype, source, created_at, created_by, import_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bindId(1, relation.id);
    q.bind(2, relation.fromId);
    q.bind(3, relationTypeKey(relation.type));
    q.bind(4, relation.toId);
    q.bind(5, relation.subtype);
    q.bind(6, relation.source);
    q.bind(7, m_insertTime(relation.createdAt));
    q.bind(8, relation.createdBy);
    q.bindId(9, relation.importId);
    if (!q.exec()) {
        const int code = q.lastError().nativeErrorCode().toInt();
        if (code == SQLITE_CONSTRAINT_UNIQUE)
            return Error{ErrorCode::Conflict, tr("Record %1 is already %2 record %3.")
                                                  .arg(relation.fromId)
                                                  .arg(relationTypeLabel(relation.type))
                                                  .arg(relation.toId)};
        if (code == SQLITE_CONSTRAINT_FOREIGNKEY)
            return Error{ErrorCode::NotFound,
                         tr("Record %1 or %2 does not exist.").arg(relation.fromId).arg(relation.toId)};
        return m_db.sqlError(tr("Adding a relation"), q.lastError());
    }
    Relation stored = relation;
    stored.id = q.lastInsertId();
    return stored;
}

Status RelationRepository::remove(qint64 relationId)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"DELETE FROM relation WHERE id = ?"_s);
    q.addBindValue(relationId);
    if (!q.exec())
        return m_db.sqlError(tr("Removing relation %1").arg(relationId), q.lastError());
    if (q.numRowsAffected() != 1)
        return Error{ErrorCode::NotFound, tr("There is no relation with id %1.").arg(relationId)};
    return Ok{};
}

Result<Relation> RelationRepository::get(qint64 relationId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(kSelect + u"WHERE id = ?"_s);
    q.addBindValue(relationId);
    if (!q.exec())
        return m_db.sqlError(tr("Reading relation %1").arg(relationId), q.lastError());
    if (!q.next())
        return Error{ErrorCode::NotFound, tr("There is no relation with id %1.").arg(relationId)};
    return relationFromQuery(q);
}

Result<Relation> RelationRepository::find(qint64 fromId, RelationType type, qint64 toId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(kSelect + u"WHERE from_id = ? AND type = ? AND to_id = ?"_s);
    q.addBindValue(fromId);
    q.addBindValue(relationTypeKey(type));
    q.addBindValue(toId);
    if (!q.exec())
        return m_db.sqlError(tr("Reading relations"), q.lastError());
    if (!q.next())
        return Error{ErrorCode::NotFound,
                     tr("Record %1 is not %2 record %3.").arg(fromId).arg(relationTypeLabel(type)).arg(toId)};
    return relationFromQuery(q);
}

Result<QList<RelatedRecord>> RelationRepository::forRecord(qint64 recordId) const
{
    QSqlQuery q(m_db.connection());
    // One bound value, referenced through a CTE, instead of a named placeholder used four times.
    q.prepare(u"WITH p(id) AS (SELECT ?) "
              "SELECT x.id, x.from_id, x.type, x.to_id, x.subtype, x.source, x.created_at, x.created_by, x.import_id, "
              "o.id, o.kind, o.name, o.version, x.from_id = p.id AS outgoing "
              "FROM p JOIN relation x ON x.from_id = p.id OR x.to_id = p.id "
              "JOIN record o ON o.id = CASE WHEN x.from_id = p.id THEN x.to_id ELSE x.from_id END "
              "ORDER BY outgoing DESC, x.type, o.name COLLATE NOCASE, x.id"_s);
    q.addBindValue(recordId);
    if (!q.exec())
        return m_db.sqlError(tr("Reading the relations of record %1").arg(recordId), q.lastError());
    QList<RelatedRecord> list;
    while (q.next()) {
        RelatedRecord r;
        r.relation = relationFromQuery(q);
        r.otherId = q.value(9).toLongLong();
        r.otherKind = recordKindFromKey(q.value(10).toString()).value_or(RecordKind::Model);
        r.otherName = q.value(11).toString();
        r.otherVersion = q.value(12).toString();
        r.outgoing = q.value(13).toBool();
        list << r;
    }
    return list;
}

QString RelationRepository::key(qint64 fromId, RelationType type, qint64 toId)
{
    return u"%1|%2|%3"_s.arg(fromId).arg(static_cast<int>(type)).arg(toId);
}

Result<QSet<QString>> RelationRepository::allKeys() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT from_id, type, to_id FROM relation"_s))
        return m_db.sqlError(tr("Reading relations"), q.lastError());
    QSet<QString> keys;
    while (q.next()) {
        const auto type = relationTypeFromKey(q.value(1).toString());
        if (type)
            keys.insert(key(q.value(0).toLongLong(), *type, q.value(2).toLongLong()));
    }
    return keys;
}

Result<QVector<qint64>> RelationRepository::providedBy(qint64 supplierId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT from_id FROM relation WHERE to_id = ? AND type = 'provided_by'"_s);
    q.addBindValue(supplierId);
    if (!q.exec())
        return m_db.sqlError(tr("Reading relations"), q.lastError());
    QVector<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

} // namespace strata
