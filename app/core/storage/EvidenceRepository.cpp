// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/EvidenceRepository.h"

#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

const QString kSelect = u"SELECT id, sha256, size, title, file_name, media_type, source_url, effective_date, "
                        "expiry_date, added_at, added_by FROM evidence "_s;

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString(u""_s);
}

Evidence evidenceFromQuery(const QSqlQuery &q)
{
    Evidence e;
    e.id = q.value(0).toLongLong();
    e.sha256 = q.value(1).toString();
    e.size = q.value(2).toLongLong();
    e.title = q.value(3).toString();
    e.fileName = q.value(4).toString();
    e.mediaType = q.value(5).toString();
    e.sourceUrl = q.value(6).toString();
    e.effectiveDate = QDate::fromString(q.value(7).toString(), Qt::ISODate);
    e.expiryDate = QDate::fromString(q.value(8).toString(), Qt::ISODate);
    e.addedAt = sql::timeFromText(q.value(9).toString());
    e.addedBy = q.value(10).toString();
    return e;
}

} // namespace

EvidenceRepository::EvidenceRepository(const Database &db)
    : m_db(db)
{
}

Result<qint64> EvidenceRepository::insert(const Evidence &e)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO evidence (sha256, size, title, file_name, media_type, source_url, effective_date, "
              "expiry_date, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(e.sha256);
    q.addBindValue(e.size);
    q.addBindValue(e.title);
    q.addBindValue(sql::nonNull(e.fileName));
    q.addBindValue(sql::nonNull(e.mediaType));
    q.addBindValue(sql::nonNull(e.sourceUrl));
    q.addBindValue(dateText(e.effectiveDate));
    q.addBindValue(dateText(e.expiryDate));
    q.addBindValue(sql::timeToText(e.addedAt));
    q.addBindValue(sql::nonNull(e.addedBy));
    if (!q.exec())
        return m_db.sqlError(tr("Recording the evidence \"%1\"").arg(e.title), q.lastError());
    return q.lastInsertId().toLongLong();
}

Result<std::optional<Evidence>> EvidenceRepository::findBySha256(const QString &sha256) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(kSelect + u"WHERE sha256 = ?"_s);
    q.addBindValue(sha256);
    if (!q.exec())
        return m_db.sqlError(tr("Looking up evidence %1").arg(sha256), q.lastError());
    if (!q.next())
        return std::optional<Evidence>();
    return std::optional<Evidence>(evidenceFromQuery(q));
}

Result<QList<Evidence>> EvidenceRepository::list() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(kSelect + u"ORDER BY id"_s))
        return m_db.sqlError(tr("Listing the evidence"), q.lastError());
    QList<Evidence> all;
    while (q.next())
        all.append(evidenceFromQuery(q));
    return all;
}

} // namespace strata
