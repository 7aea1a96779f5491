// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Provenance.h"
#include "domain/Result.h"
#include "storage/SqliteStatement.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

#include <memory>

namespace strata {

class Database;

/// The only place that knows the SQL for imports, record origins and kept structures.
class ProvenanceRepository
{
    Q_DECLARE_TR_FUNCTIONS(strata::ProvenanceRepository)

public:
    explicit ProvenanceRepository(const Database &db);

    Result<qint64> insertImport(const ImportSource &source, const QString &summary);
    /// The summary of an import whose counts were known only once its rows were written.
    Status setImportSummary(qint64 importId, const QString &fileName, const QString &summary);
    Status addOrigin(qint64 recordId, qint64 importId, const QString &externalRef);
    /// Every external ref ever recorded, with the records it named (for matching re-imports).
    Result<QHash<QString, qint64>> recordsByExternalRef() const;
    Result<RecordProvenance> provenance(qint64 recordId) const;

    /// Stores one kept structure (a JSON value, compact) under its key, replacing an older one.
    Status setExtra(qint64 recordId, const QString &key, const QJsonValue &value, qint64 importId);
    Result<QJsonObject> extras(qint64 recordId) const;

private:
    const Database &m_db;
    // Prepared once, on the C API: an import records an origin (and often extras) for every record it touches.
    std::unique_ptr<SqliteStatement> m_addOrigin;
    std::unique_ptr<SqliteStatement> m_setExtra;
};

} // namespace strata
