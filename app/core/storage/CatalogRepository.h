// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Catalog.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace strata {

class Database;

/// The only place that knows the SQL for checklist catalogs and their items.
class CatalogRepository
{
    Q_DECLARE_TR_FUNCTIONS(strata::CatalogRepository)

public:
    explicit CatalogRepository(const Database &db);

    /// The stored catalog with this id and version, without its items; nullopt when there is none.
    Result<std::optional<Catalog>> find(const QString &key, const QString &version) const;
    /// Whether a stored catalog was read from a file with these bytes (its source SHA-256).
    Result<bool> holdsSource(const QString &sourceSha256) const;
    /// Stores the catalog, its items and their kinds; the caller holds the transaction. Returns the new row id.
    Result<qint64> insert(const Catalog &catalog);
    /// Every stored catalog, by id then in the order the versions were stored.
    Result<QList<CatalogSummary>> list() const;
    /// A stored catalog with all its items, in catalog order.
    Result<Catalog> get(qint64 catalogId) const;
    /// Row ids of every stored version of a catalog id (compared without regard to case), newest first.
    Result<QList<qint64>> versions(const QString &key) const;
    /// The items of a catalog, in catalog order; with `kind`, only those that apply to records of that kind.
    Result<QList<CatalogItem>> items(qint64 catalogId, std::optional<RecordKind> kind = std::nullopt) const;

private:
    const Database &m_db;
};

} // namespace strata
