// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/ArtifactRepository.h"

#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

Artifact artifactFromQuery(const QSqlQuery &q)
{
    Artifact a;
    a.id = q.value(0).toLongLong();
    a.recordId = q.value(1).toLongLong();
    a.fileName = q.value(2).toString();
    a.size = q.value(3).toLongLong();
    a.algorithm = q.value(4).toString();
    a.digest = q.value(5).toString();
    return a;
}

const QString kSelect = u"SELECT id, record_id, file_name, size, algorithm, digest FROM artifact "_s;

} // namespace

ArtifactRepository::ArtifactRepository(const Database &db)
    : m_db(db)
{
}

Result<Artifact> ArtifactRepository::insert(const Artifact &artifact)
{
    SqliteStatement &q = SqliteStatement::cached(
        m_insert, m_db.connection(),
        "INSERT INTO artifact (id, record_id, file_name, size, algorithm, digest) VALUES (?, ?, ?, ?, ?, ?)");
    q.bindId(1, artifact.id);
    q.bind(2, artifact.recordId);
    q.bind(3, artifact.fileName);
    q.bind(4, artifact.size);
    q.bind(5, artifact.algorithm);
    q.bind(6, artifact.digest);
    if (!q.exec()) {
        if (q.lastError().nativeErrorCode().toInt() == SQLITE_CONSTRAINT_UNIQUE)
            return Error{ErrorCode::Conflict,
                         tr("The record already has a file named \"%1\"; remove it first or use another name.")
                             .arg(artifact.fileName)};
        return m_db.sqlError(tr("Adding the file \"%1\"").arg(artifact.fileName), q.lastError());
    }
    Artifact stored = artifact;
    stored.id = q.lastInsertId();
    return stored;
}

Status ArtifactRepository::remove(qint64 artifactId)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"DELETE FROM artifact WHERE id = ?"_s);
    q.addBindValue(artifactId);
    if (!q.exec())
        return m_db.sqlError(tr("Removing file %1").arg(artifactId), q.lastError());
    if (q.numRowsAffected() != 1)
        return Error{ErrorCode::NotFound, tr("There is no file with id %1.").arg(artifactId)};
    return Ok{};
}

Result<Artifact> ArtifactRepository::get(qint64 artifactId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(kSelect + u"WHERE id = ?"_s);
    q.addBindValue(artifactId);
    if (!q.exec())
        return m_db.sqlError(tr("Reading file %1").arg(artifactId), q.lastError());
    if (!q.next())
        return Error{ErrorCode::NotFound, tr("There is no file with id %1.").arg(artifactId)};
    return artifactFromQuery(q);
}

Result<QList<Artifact>> ArtifactRepository::forRecord(qint64 recordId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(kSelect + u"WHERE record_id = ? ORDER BY file_name, id"_s);
    q.addBindValue(recordId);
    if (!q.exec())
        return m_db.sqlError(tr("Reading the files of record %1").arg(recordId), q.lastError());
    QList<Artifact> list;
    while (q.next())
        list << artifactFromQuery(q);
    return list;
}

} // namespace strata
