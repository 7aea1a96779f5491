// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/ConnectionControls.h"

#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace strata::connection {

qint64 cacheSize(const Database &db)
{
    QSqlQuery q(db.connection());
    if (q.exec(u"PRAGMA cache_size"_s) && q.next())
        return q.value(0).toLongLong();
    return 0;
}

bool setCacheSize(const Database &db, qint64 value)
{
    QSqlQuery q(db.connection());
    return q.exec(u"PRAGMA cache_size = %1"_s.arg(value));
}

Status savepoint(const Database &db, SavepointStep step, const QString &name, const QString &what)
{
    QString sql;
    switch (step) {
    case SavepointStep::Begin:
        sql = u"SAVEPOINT %1"_s.arg(name);
        break;
    case SavepointStep::RollBack:
        sql = u"ROLLBACK TO %1"_s.arg(name);
        break;
    case SavepointStep::Release:
        sql = u"RELEASE %1"_s.arg(name);
        break;
    }
    QSqlQuery q(db.connection());
    if (!q.exec(sql))
        return db.sqlError(what, q.lastError());
    return Ok{};
}

} // namespace strata::connection
