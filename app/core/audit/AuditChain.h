// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/AuditEntry.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

#include <atomic>
#include <optional>

namespace strata {

/// The hash chain of the audit trail, free of SQL so a standalone verifier and the tests can reproduce it:
/// hash = SHA-256(0x00 || canonical(row) || prev_hash as 32 raw bytes), where canonical(row) is, for seq, at,
/// actor, action, entity_kind, entity_id, before and after in that order, a 4-byte big-endian length followed by
/// the UTF-8 bytes (numbers in decimal). The 0x00 prefix separates leaf hashes from any later tree nodes
/// (RFC 6962); the first row chains to 64 zeros.
class AuditChain
{
    Q_DECLARE_TR_FUNCTIONS(strata::AuditChain)

public:
    /// 64 zeros: what the first row's prev_hash is, and the hash of an empty trail's head.
    static QString genesisHash();
    static QByteArray canonical(const AuditEntry &row);
    /// The hash `row` should carry, from its fields and its prev_hash.
    static QString hashOf(const AuditEntry &row);
    /// Gives `entry` the next seq, its prev_hash and hash, so that it follows `head`; returns the new head.
    static AuditHead seal(AuditEntry &entry, const AuditHead &head);

    /// Recomputes the chain over `rows` (in seq order) and names the first bad row and what is wrong with it;
    /// with a checkpoint, also catches a dropped tail and a wholesale rewrite.
    static AuditVerification verify(const QList<AuditEntry> &rows,
                                    const std::optional<AuditHead> &checkpoint = {},
                                    const std::atomic<bool> *cancel = nullptr);

    /// verify() against several checkpoints (the heads that sign-offs name) in one pass over the rows: the first
    /// damage found is reported; an intact trail says how many checkpoints it agrees with.
    static AuditVerification verifyAgainst(const QList<AuditEntry> &rows,
                                           const QList<AuditHead> &checkpoints,
                                           const std::atomic<bool> *cancel = nullptr);

    /// A short translated name for the kind of damage ("changed", "removed", ...).
    static QString damageLabel(AuditDamage damage);

private:
    /// Whether a chain verify() found sound still reaches `checkpoint` with its hash; O(1), no hashing.
    static AuditVerification checkCheckpoint(AuditVerification v,
                                             const QList<AuditEntry> &rows,
                                             const AuditHead &checkpoint);
};

} // namespace strata
