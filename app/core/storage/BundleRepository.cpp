// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/BundleRepository.h"

#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

QString directionKey(BundleRepository::Direction direction)
{
    return direction == BundleRepository::Direction::Exported ? u"exported"_s : u"imported"_s;
}

} // namespace

BundleRepository::BundleRepository(const Database &db)
    : m_db(db)
{
}

Result<qint64> BundleRepository::lastSequence(const QString &signer, Direction direction) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT sequence FROM bundle_sequence WHERE signer = ? AND direction = ?"_s);
    q.addBindValue(signer);
    q.addBindValue(directionKey(direction));
    if (!q.exec())
        return m_db.sqlError(tr("Reading the bundle sequence of key %1").arg(signer.left(16)), q.lastError());
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

Status BundleRepository::recordSequence(
    const QString &signer, Direction direction, qint64 sequence, const QString &bundleId, const QDateTime &at)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO bundle_sequence (signer, direction, sequence, bundle_id, recorded_at) "
              "VALUES (?, ?, ?, ?, ?) ON CONFLICT (signer, direction) DO UPDATE SET sequence = excluded.sequence, "
              "bundle_id = excluded.bundle_id, recorded_at = excluded.recorded_at"_s);
    q.addBindValue(signer);
    q.addBindValue(directionKey(direction));
    q.addBindValue(sequence);
    q.addBindValue(bundleId);
    q.addBindValue(sql::timeToText(at));
    if (!q.exec())
        return m_db.sqlError(tr("Recording bundle %1").arg(bundleId), q.lastError());
    return Ok{};
}

} // namespace strata
