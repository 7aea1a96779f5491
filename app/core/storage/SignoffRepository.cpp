// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/SignoffRepository.h"

#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace strata {

SignoffRepository::SignoffRepository(const Database &db)
    : m_db(db)
{
}

Result<qint64> SignoffRepository::insert(const Signoff &signoff)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO signoff (release_id, identity_id, signer, role, decision, conditions, signed_at, "
              "key_fingerprint, manifest_sha256, manifest, envelope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(signoff.releaseId);
    q.addBindValue(signoff.identityId);
    q.addBindValue(signoff.signer);
    q.addBindValue(signoff.role);
    q.addBindValue(signoffDecisionKey(signoff.decision));
    q.addBindValue(sql::nonNull(signoff.conditions));
    q.addBindValue(sql::timeToText(signoff.signedAt));
    q.addBindValue(signoff.keyFingerprint);
    q.addBindValue(signoff.manifestSha256);
    q.addBindValue(signoff.manifest);
    q.addBindValue(signoff.envelope);
    if (!q.exec())
        return m_db.sqlError(tr("Recording the sign-off of release %1").arg(signoff.releaseId), q.lastError());
    return q.lastInsertId().toLongLong();
}

Result<QList<Signoff>> SignoffRepository::forRelease(qint64 releaseId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT id, release_id, identity_id, signer, role, decision, conditions, signed_at, key_fingerprint, "
              "manifest_sha256, manifest, envelope FROM signoff WHERE release_id = ? ORDER BY id"_s);
    q.addBindValue(releaseId);
    if (!q.exec())
        return m_db.sqlError(tr("Reading the sign-offs of release %1").arg(releaseId), q.lastError());
    QList<Signoff> signoffs;
    while (q.next()) {
        Signoff s;
        s.id = q.value(0).toLongLong();
        s.releaseId = q.value(1).toLongLong();
        s.identityId = q.value(2).toLongLong();
        s.signer = q.value(3).toString();
        s.role = q.value(4).toString();
        // An unknown decision cannot pass the CHECK constraint; should one appear, it reads as a rejection and the
        // verifier reports the row as differing from its statement.
        s.decision = signoffDecisionFromKey(q.value(5).toString()).value_or(SignoffDecision::Reject);
        s.conditions = q.value(6).toString();
        s.signedAt = sql::timeFromText(q.value(7).toString());
        s.keyFingerprint = q.value(8).toString();
        s.manifestSha256 = q.value(9).toString();
        s.manifest = q.value(10).toByteArray();
        s.envelope = q.value(11).toByteArray();
        signoffs.append(s);
    }
    return signoffs;
}

Result<std::optional<QStringList>> SignoffRepository::requiredRoles(qint64 releaseId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT roles FROM release_signoff_policy WHERE release_id = ?"_s);
    q.addBindValue(releaseId);
    if (!q.exec())
        return m_db.sqlError(tr("Reading the roles release %1 needs").arg(releaseId), q.lastError());
    if (!q.next())
        return std::optional<QStringList>();
    QStringList roles;
    const QJsonArray array = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).array();
    for (const QJsonValue &v : array)
        if (!v.toString().isEmpty())
            roles.append(v.toString());
    return std::optional<QStringList>(roles);
}

Status SignoffRepository::setRequiredRoles(qint64 releaseId, const QStringList &roles)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO release_signoff_policy (release_id, roles) VALUES (?, ?) "
              "ON CONFLICT (release_id) DO UPDATE SET roles = excluded.roles"_s);
    q.addBindValue(releaseId);
    q.addBindValue(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(roles)).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return m_db.sqlError(tr("Recording the roles release %1 needs").arg(releaseId), q.lastError());
    return Ok{};
}

} // namespace strata
