// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "evidence/Evidence.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace strata {

class Database;

/// The only place that knows the SQL for evidence rows (the files live in the EvidenceStore).
class EvidenceRepository
{
    Q_DECLARE_TR_FUNCTIONS(strata::EvidenceRepository)

public:
    explicit EvidenceRepository(const Database &db);

    Result<qint64> insert(const Evidence &evidence);
    Result<std::optional<Evidence>> findBySha256(const QString &sha256) const;
    /// Every evidence item, oldest first.
    Result<QList<Evidence>> list() const;

private:
    const Database &m_db;
};

} // namespace strata
