// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace strata {

/// One row of the audit trail: what changed, who changed it and when, chained to the row before by hash.
/// Queued entries (not yet appended) have seq 0 and no time or hashes; the workspace fills those at commit.
struct AuditEntry
{
    qint64 seq = 0;
    QString actor;
    QString at;         ///< UTC, ISO 8601 with milliseconds ("2026-11-28T05:01:02.345Z"), exactly as stored and hashed
    QString action;     ///< "record.create", "import", "finding.accept", ...
    QString entityKind; ///< "record", "relation", "assessment", ...; empty when the action is about no one thing
    qint64 entityId = 0;
    QString beforeJson = QStringLiteral("{}"); ///< compact JSON object, exactly as stored and hashed
    QString afterJson = QStringLiteral("{}");
    QString prevHash; ///< lowercase hex
    QString hash;     ///< lowercase hex

    QDateTime time() const { return QDateTime::fromString(at, Qt::ISODateWithMs); }
};

/// Where the trail ends: the newest row's seq and hash. An empty trail has seq 0 and the all-zero hash, the same
/// value the first row chains to. Sign-offs, bundles and reports carry a head so a later rewrite is caught.
struct AuditHead
{
    qint64 seq = 0;
    QString hash;

    static AuditHead empty();
    /// "SEQ:HASH", the form the CLI prints and accepts.
    QString toString() const;
    /// Parses "SEQ:HASH" (64 hex digits); nullopt when malformed.
    static std::optional<AuditHead> fromString(const QString &text);
    bool operator==(const AuditHead &other) const { return seq == other.seq && hash == other.hash; }
    bool operator!=(const AuditHead &other) const { return !(*this == other); }
};

/// Which rows of the trail a list shows, newest first unless oldestFirst.
struct AuditQuery
{
    QString action; ///< exact action, or a prefix such as "finding" for "finding.*"; empty: any
    QString actor;  ///< exact actor; empty: any
    QString entityKind;
    qint64 entityId = 0; ///< with entityKind "record": also imports and relations that touched the record
    QDateTime since;     ///< invalid: no lower bound
    QDateTime until;     ///< invalid: no upper bound (exclusive)
    int limit = -1;      ///< -1: all
    int offset = 0;
    bool oldestFirst = false; ///< seq order, as the verifier reads the trail
};

/// What is wrong with the first bad row a verification found.
enum class AuditDamage {
    None,
    Changed,   ///< a row's content no longer matches its hash (or was rewritten with a new hash)
    Removed,   ///< a seq is missing: rows were deleted
    Reordered, ///< a row sits at a seq other than the one it was recorded at
    Inserted,  ///< a row that was never part of the chain (inserted or forged)
    Truncated, ///< the trail ends before a checkpoint's seq: newest rows were dropped
    Rewritten, ///< the trail is self-consistent but disagrees with a checkpoint's hash
};

/// The result of recomputing the chain.
struct AuditVerification
{
    qint64 rowsChecked = 0;
    AuditHead head; ///< the newest row as stored
    AuditDamage damage = AuditDamage::None;
    qint64 firstBadSeq = 0;
    QString message; ///< translated, one line; names the first bad seq and what is wrong
    bool cancelled = false;

    bool intact() const { return damage == AuditDamage::None && !cancelled; }
};

} // namespace strata
