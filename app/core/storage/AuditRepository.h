// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/AuditEntry.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QList>

namespace strata {

class Database;

/// The only place that knows the SQL for the audit table: append inside the caller's transaction, read, list.
class AuditRepository
{
    Q_DECLARE_TR_FUNCTIONS(strata::AuditRepository)

public:
    explicit AuditRepository(const Database &db);

    /// The newest row's seq and hash, or AuditHead::empty().
    Result<AuditHead> head() const;
    /// Seals each entry after the current head (stamping `at` when empty) and inserts it. Must run inside the
    /// transaction whose changes the entries describe, so the chain cannot fork; returns the new head.
    Result<AuditHead> append(QList<AuditEntry> &entries);
    /// Every row in seq order, for the verifier.
    Result<QList<AuditEntry>> all() const;
    Result<QList<AuditEntry>> list(const AuditQuery &query) const;

private:
    const Database &m_db;
};

} // namespace strata
