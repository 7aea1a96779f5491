// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/TrustRepository.h"

#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

const QString kSelect = u"SELECT id, name, role, custom_role, public_key, fingerprint, created_at, created_by "
                        "FROM identity "_s;

Identity identityFromQuery(const QSqlQuery &q)
{
    Identity identity;
    identity.id = q.value(0).toLongLong();
    identity.name = q.value(1).toString();
    identity.role = Identities::roleFromText(q.value(2).toString(), nullptr);
    identity.customRole = q.value(3).toString();
    identity.publicKey = q.value(4).toString().toLatin1();
    identity.fingerprint = q.value(5).toString();
    identity.createdAt = sql::timeFromText(q.value(6).toString());
    identity.createdBy = q.value(7).toString();
    return identity;
}

} // namespace

TrustRepository::TrustRepository(const Database &db)
    : m_db(db)
{
}

Result<qint64> TrustRepository::insertIdentity(const Identity &identity)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO identity (name, role, custom_role, key_type, public_key, fingerprint, created_at, "
              "created_by) VALUES (?, ?, ?, 'ed25519', ?, ?, ?, ?)"_s);
    q.addBindValue(identity.name);
    q.addBindValue(Identities::roleKey(identity.role));
    q.addBindValue(sql::nonNull(identity.role == IdentityRole::Custom ? identity.customRole : QString()));
    q.addBindValue(QString::fromLatin1(identity.publicKey));
    q.addBindValue(identity.fingerprint);
    q.addBindValue(sql::timeToText(identity.createdAt));
    q.addBindValue(sql::nonNull(identity.createdBy));
    if (!q.exec())
        return m_db.sqlError(tr("Recording the identity \"%1\"").arg(identity.name), q.lastError());
    return q.lastInsertId().toLongLong();
}

Result<std::optional<Identity>> TrustRepository::identityByFingerprint(const QString &fingerprint) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(kSelect + u"WHERE fingerprint = ?"_s);
    q.addBindValue(fingerprint);
    if (!q.exec())
        return m_db.sqlError(tr("Looking up the key %1").arg(fingerprint), q.lastError());
    if (!q.next())
        return std::optional<Identity>();
    return std::optional<Identity>(identityFromQuery(q));
}

Result<std::optional<Identity>> TrustRepository::identity(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(kSelect + u"WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec())
        return m_db.sqlError(tr("Looking up identity %1").arg(id), q.lastError());
    if (!q.next())
        return std::optional<Identity>();
    return std::optional<Identity>(identityFromQuery(q));
}

Result<QList<Identity>> TrustRepository::identities() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(kSelect + u"ORDER BY id"_s))
        return m_db.sqlError(tr("Listing the identities"), q.lastError());
    QList<Identity> all;
    while (q.next())
        all.append(identityFromQuery(q));
    return all;
}

Status TrustRepository::linkRecordEvidence(qint64 recordId,
                                           qint64 evidenceId,
                                           const QString &purpose,
                                           const QString &actor)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT OR IGNORE INTO record_evidence (record_id, evidence_id, purpose, added_at, added_by) "
              "VALUES (?, ?, ?, ?, ?)"_s);
    q.addBindValue(recordId);
    q.addBindValue(evidenceId);
    q.addBindValue(purpose);
    q.addBindValue(sql::timeToText(QDateTime::currentDateTimeUtc()));
    q.addBindValue(sql::nonNull(actor));
    if (!q.exec())
        return m_db.sqlError(tr("Attaching evidence %1 to record %2").arg(evidenceId).arg(recordId), q.lastError());
    return Ok{};
}

Result<QList<std::pair<qint64, QString>>> TrustRepository::recordEvidence(qint64 recordId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT evidence_id, purpose FROM record_evidence WHERE record_id = ? ORDER BY added_at, evidence_id"_s);
    q.addBindValue(recordId);
    if (!q.exec())
        return m_db.sqlError(tr("Listing the evidence of record %1").arg(recordId), q.lastError());
    QList<std::pair<qint64, QString>> links;
    while (q.next())
        links.append({q.value(0).toLongLong(), q.value(1).toString()});
    return links;
}

} // namespace strata
