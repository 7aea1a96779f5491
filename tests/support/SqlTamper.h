// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace strata::test {

/// Runs one SQL statement on a closed workspace file through a short-lived connection of its own, the way
/// someone with the file (or a newer Strata) could change it behind the application's back.
inline bool execOnFile(const QString &path, const QString &sql)
{
    const QString name = QStringLiteral("tamper");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open() && QSqlQuery(db).exec(sql);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace strata::test
