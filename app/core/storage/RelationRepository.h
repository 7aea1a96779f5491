// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Relation.h"
#include "domain/Result.h"
#include "storage/SqlValues.h"
#include "storage/SqliteStatement.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlQuery>
#include <QVector>

#include <memory>

namespace strata {

class Database;

/// The only place that knows the SQL for relations. Callers own the transaction.
class RelationRepository
{
    Q_DECLARE_TR_FUNCTIONS(strata::RelationRepository)

public:
    explicit RelationRepository(const Database &db);

    /// Inserts the relation; an id > 0 is kept (restore). Returns the stored relation.
    Result<Relation> insert(const Relation &relation);
    Status remove(qint64 relationId);
    Result<Relation> get(qint64 relationId) const;
    Result<Relation> find(qint64 fromId, RelationType type, qint64 toId) const;
    /// Both directions, with the name of the record at the other end.
    Result<QList<RelatedRecord>> forRecord(qint64 recordId) const;
    /// Every relation as "from|type|to", to tell which relations of an import already exist.
    Result<QSet<QString>> allKeys() const;
    static QString key(qint64 fromId, RelationType type, qint64 toId);
    /// Records that have a provided_by relation to this supplier.
    Result<QVector<qint64>> providedBy(qint64 supplierId) const;

private:
    const Database &m_db;
    /// Prepared once, on the C API: imports add tens of thousands of relations.
    std::unique_ptr<SqliteStatement> m_insert;
    sql::TimeText m_insertTime;
};

} // namespace strata
