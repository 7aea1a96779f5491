// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "trust/Identity.h"

#include <QCoreApplication>
#include <QList>

#include <optional>
#include <utility>

namespace strata {

class Database;

/// The only place that knows the SQL for signing identities and for evidence attached to records.
class TrustRepository
{
    Q_DECLARE_TR_FUNCTIONS(strata::TrustRepository)

public:
    explicit TrustRepository(const Database &db);

    Result<qint64> insertIdentity(const Identity &identity);
    Result<std::optional<Identity>> identityByFingerprint(const QString &fingerprint) const;
    Result<std::optional<Identity>> identity(qint64 id) const;
    /// Every identity, oldest first.
    Result<QList<Identity>> identities() const;

    /// Links evidence to a record; linking the same pair again changes nothing.
    Status linkRecordEvidence(qint64 recordId, qint64 evidenceId, const QString &purpose, const QString &actor);
    /// The evidence ids attached to a record and why, oldest first.
    Result<QList<std::pair<qint64, QString>>> recordEvidence(qint64 recordId) const;

private:
    const Database &m_db;
};

} // namespace strata
