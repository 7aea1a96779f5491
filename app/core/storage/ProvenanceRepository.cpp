// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/ProvenanceRepository.h"

#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

QByteArray compactJson(const QJsonValue &value)
{
    // Wrap in an array so scalars serialise too, then strip the brackets.
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

QJsonValue parseJson(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(u"[%1]"_s.arg(text).toUtf8());
    return doc.isArray() ? doc.array().at(0) : QJsonValue();
}

} // namespace

ProvenanceRepository::ProvenanceRepository(const Database &db)
    : m_db(db)
{
}

Result<qint64> ProvenanceRepository::insertImport(const ImportSource &source, const QString &summary)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO import_source (file_name, sha256, format, spec_version, imported_at, imported_by, "
              "summary) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(sql::nonNull(source.fileName));
    q.addBindValue(sql::nonNull(source.sha256));
    q.addBindValue(sql::nonNull(source.format));
    q.addBindValue(sql::nonNull(source.specVersion));
    q.addBindValue(sql::timeToText(source.importedAt));
    q.addBindValue(sql::nonNull(source.importedBy));
    q.addBindValue(sql::nonNull(summary));
    if (!q.exec())
        return m_db.sqlError(tr("Recording the import of %1").arg(source.fileName), q.lastError());
    return q.lastInsertId().toLongLong();
}

Status ProvenanceRepository::setImportSummary(qint64 importId, const QString &fileName, const QString &summary)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE import_source SET summary = ? WHERE id = ?"_s);
    q.addBindValue(sql::nonNull(summary));
    q.addBindValue(importId);
    if (!q.exec())
        return m_db.sqlError(tr("Recording the import of %1").arg(fileName), q.lastError());
    return Ok{};
}

Status ProvenanceRepository::addOrigin(qint64 recordId, qint64 importId, const QString &externalRef)
{
    SqliteStatement &q = SqliteStatement::cached(
        m_addOrigin, m_db.connection(),
        "INSERT OR IGNORE INTO record_origin (record_id, import_id, external_ref) VALUES (?, ?, ?)");
    q.bind(1, recordId);
    q.bind(2, importId);
    q.bind(3, externalRef);
    if (!q.exec())
        return m_db.sqlError(tr("Recording where record %1 came from").arg(recordId), q.lastError());
    return Ok{};
}

Result<QHash<QString, qint64>> ProvenanceRepository::recordsByExternalRef() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT external_ref, record_id FROM record_origin WHERE external_ref <> ''"_s))
        return m_db.sqlError(tr("Reading import references"), q.lastError());
    QHash<QString, qint64> refs;
    while (q.next())
        refs.insert(q.value(0).toString(), q.value(1).toLongLong());
    return refs;
}

Result<RecordProvenance> ProvenanceRepository::provenance(qint64 recordId) const
{
    RecordProvenance p;
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT DISTINCT s.id, s.file_name, s.sha256, s.format, s.spec_version, s.imported_at, "
              "s.imported_by FROM record_origin o JOIN import_source s ON s.id = o.import_id "
              "WHERE o.record_id = ? ORDER BY s.id"_s);
    q.addBindValue(recordId);
    if (!q.exec())
        return m_db.sqlError(tr("Reading where record %1 came from").arg(recordId), q.lastError());
    while (q.next()) {
        p.imports << ImportSource{q.value(0).toLongLong(), q.value(1).toString(),
                                  q.value(2).toString(),   q.value(3).toString(),
                                  q.value(4).toString(),   sql::timeFromText(q.value(5).toString()),
                                  q.value(6).toString()};
    }
    q.prepare(u"SELECT DISTINCT external_ref FROM record_origin WHERE record_id = ? AND external_ref <> '' "
              "ORDER BY external_ref"_s);
    q.addBindValue(recordId);
    if (!q.exec())
        return m_db.sqlError(tr("Reading where record %1 came from").arg(recordId), q.lastError());
    while (q.next())
        p.externalRefs << q.value(0).toString();
    return p;
}

Status ProvenanceRepository::setExtra(qint64 recordId, const QString &key, const QJsonValue &value, qint64 importId)
{
    SqliteStatement &q = SqliteStatement::cached(
        m_setExtra, m_db.connection(),
        "INSERT OR REPLACE INTO record_extra (record_id, key, value, import_id) VALUES (?, ?, ?, ?)");
    q.bind(1, recordId);
    q.bind(2, key);
    q.bindUtf8(3, compactJson(value));
    q.bindId(4, importId);
    if (!q.exec())
        return m_db.sqlError(tr("Keeping \"%1\" for record %2").arg(key).arg(recordId), q.lastError());
    return Ok{};
}

Result<QJsonObject> ProvenanceRepository::extras(qint64 recordId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT key, value FROM record_extra WHERE record_id = ? ORDER BY key"_s);
    q.addBindValue(recordId);
    if (!q.exec())
        return m_db.sqlError(tr("Reading what imports kept for record %1").arg(recordId), q.lastError());
    QJsonObject extras;
    while (q.next())
        extras.insert(q.value(0).toString(), parseJson(q.value(1).toString()));
    return extras;
}

} // namespace strata
