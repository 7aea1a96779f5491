// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/AuditRepository.h"

#include "audit/AuditChain.h"
#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

const QString kSelect = u"SELECT seq, actor, at, action, entity_kind, entity_id, before_json, after_json, prev_hash, "
                        "hash FROM audit "_s;

AuditEntry entryFromQuery(const QSqlQuery &q)
{
    AuditEntry e;
    e.seq = q.value(0).toLongLong();
    e.actor = q.value(1).toString();
    e.at = q.value(2).toString();
    e.action = q.value(3).toString();
    e.entityKind = q.value(4).toString();
    e.entityId = q.value(5).toLongLong();
    e.beforeJson = q.value(6).toString();
    e.afterJson = q.value(7).toString();
    e.prevHash = q.value(8).toString();
    e.hash = q.value(9).toString();
    return e;
}

/// True when JSON column `column` names record `?` as recordId, fromId, toId or in an import's added/updated lists.
/// json_valid first: a row someone damaged by hand must not make the whole list fail.
QString mentionsRecord(const QString &column)
{
    return u"(CASE WHEN json_valid(%1) THEN (json_extract(%1, '$.recordId') = :rid "
           "OR json_extract(%1, '$.fromId') = :rid OR json_extract(%1, '$.toId') = :rid "
           "OR EXISTS (SELECT 1 FROM json_each(%1, '$.added') WHERE value = :rid) "
           "OR EXISTS (SELECT 1 FROM json_each(%1, '$.updated') WHERE value = :rid)) ELSE 0 END)"_s.arg(column);
}

} // namespace

AuditRepository::AuditRepository(const Database &db)
    : m_db(db)
{
}

Result<AuditHead> AuditRepository::head() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"_s))
        return m_db.sqlError(tr("Reading the head of the audit trail"), q.lastError());
    if (!q.next())
        return AuditHead::empty();
    return AuditHead{q.value(0).toLongLong(), q.value(1).toString()};
}

Result<AuditHead> AuditRepository::append(QList<AuditEntry> &entries)
{
    Result<AuditHead> current = head();
    if (!current)
        return current.error();
    AuditHead h = current.value();
    const QString now = sql::timeToText(QDateTime::currentDateTimeUtc());
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO audit (seq, actor, at, action, entity_kind, entity_id, before_json, after_json, "
              "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (AuditEntry &e : entries) {
        if (e.at.isEmpty())
            e.at = now;
        h = AuditChain::seal(e, h);
        q.addBindValue(e.seq);
        q.addBindValue(sql::nonNull(e.actor));
        q.addBindValue(e.at);
        q.addBindValue(e.action);
        q.addBindValue(sql::nonNull(e.entityKind));
        q.addBindValue(e.entityId);
        q.addBindValue(sql::nonNull(e.beforeJson));
        q.addBindValue(sql::nonNull(e.afterJson));
        q.addBindValue(e.prevHash);
        q.addBindValue(e.hash);
        if (!q.exec())
            return m_db.sqlError(tr("Appending \"%1\" to the audit trail").arg(e.action), q.lastError());
    }
    return h;
}

Result<QList<AuditEntry>> AuditRepository::all() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(kSelect + u"ORDER BY seq"_s))
        return m_db.sqlError(tr("Reading the audit trail"), q.lastError());
    QList<AuditEntry> rows;
    while (q.next())
        rows.append(entryFromQuery(q));
    return rows;
}

Result<QList<AuditEntry>> AuditRepository::list(const AuditQuery &query) const
{
    QStringList where;
    if (!query.action.isEmpty())
        where << u"(action = :action OR substr(action, 1, length(:action) + 1) = :action || '.')"_s;
    if (!query.actor.isEmpty())
        where << u"actor = :actor"_s;
    if (!query.entityKind.isEmpty()) {
        QString entity = u"(entity_kind = :kind AND entity_id = :rid)"_s;
        if (query.entityKind == u"record"_s)
            entity =
                u"(%1 OR %2 OR %3)"_s.arg(entity, mentionsRecord(u"after_json"_s), mentionsRecord(u"before_json"_s));
        where << entity;
    }
    if (query.since.isValid())
        where << u"at >= :since"_s;
    if (query.until.isValid())
        where << u"at < :until"_s;
    QString sqlText = kSelect;
    if (!where.isEmpty())
        sqlText += u"WHERE "_s + where.join(u" AND "_s) + u' ';
    sqlText += query.oldestFirst ? u"ORDER BY seq LIMIT :limit OFFSET :offset"_s
                                 : u"ORDER BY seq DESC LIMIT :limit OFFSET :offset"_s;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(sqlText))
        return m_db.sqlError(tr("Listing the audit trail"), q.lastError());
    if (!query.action.isEmpty())
        q.bindValue(u":action"_s, query.action);
    if (!query.actor.isEmpty())
        q.bindValue(u":actor"_s, query.actor);
    if (!query.entityKind.isEmpty()) {
        q.bindValue(u":kind"_s, query.entityKind);
        q.bindValue(u":rid"_s, query.entityId);
    }
    if (query.since.isValid())
        q.bindValue(u":since"_s, sql::timeToText(query.since));
    if (query.until.isValid())
        q.bindValue(u":until"_s, sql::timeToText(query.until));
    q.bindValue(u":limit"_s, query.limit < 0 ? -1 : query.limit);
    q.bindValue(u":offset"_s, qMax(0, query.offset));
    if (!q.exec())
        return m_db.sqlError(tr("Listing the audit trail"), q.lastError());
    QList<AuditEntry> rows;
    while (q.next())
        rows.append(entryFromQuery(q));
    return rows;
}

} // namespace strata
