// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "signoff/Signoff.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

namespace strata {

class Database;

/// The only place that knows the SQL for sign-offs and the roles a release needs.
class SignoffRepository
{
    Q_DECLARE_TR_FUNCTIONS(strata::SignoffRepository)

public:
    explicit SignoffRepository(const Database &db);

    Result<qint64> insert(const Signoff &signoff);
    /// The sign-offs of a release, oldest first.
    Result<QList<Signoff>> forRelease(qint64 releaseId) const;
    /// The stored role keys; nullopt when the release has no policy of its own.
    Result<std::optional<QStringList>> requiredRoles(qint64 releaseId) const;
    Status setRequiredRoles(qint64 releaseId, const QStringList &roles);

private:
    const Database &m_db;
};

} // namespace strata
