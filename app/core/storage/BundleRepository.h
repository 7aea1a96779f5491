// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace strata {

class Database;

/// The only place that knows the SQL for bundle sequence numbers (replay protection of assessment bundles).
class BundleRepository
{
    Q_DECLARE_TR_FUNCTIONS(strata::BundleRepository)

public:
    enum class Direction { Exported, Imported };

    explicit BundleRepository(const Database &db);

    /// The last sequence recorded for the key in that direction; 0 when there is none.
    Result<qint64> lastSequence(const QString &signer, Direction direction) const;
    /// Records `sequence` as the last one (inserting or replacing the key's row).
    Status recordSequence(
        const QString &signer, Direction direction, qint64 sequence, const QString &bundleId, const QDateTime &at);

private:
    const Database &m_db;
};

} // namespace strata
