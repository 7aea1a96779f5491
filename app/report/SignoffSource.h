// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace strata {

class Workspace;

/// One sign-off of the report's scope as the report prints it.
struct ReportSignoff
{
    QString signer;
    QString role;
    QString decision; ///< translated: approved, rejected
    QString conditions;
    QDateTime signedAt;
    QString keyFingerprint;
    bool verified = false;
    QString verification; ///< translated result of checking the signature
};

/// The sign-off state of a scope: none, valid, stale (the scope changed after signing) or broken (a signature or
/// what it covers does not verify).
struct ReportSignoffState
{
    enum class State { None, Valid, Stale, Broken };
    State state = State::None;
    QList<ReportSignoff> signoffs;
    QString auditHead;       ///< "SEQ:HASH" of the audit trail's head when the report was made; empty without a trail
    bool rejected = false;   ///< a current sign-off rejects the release
    bool gatePasses = false; ///< every required role approved, and every sign-off is valid
    QString gateReason;      ///< translated; why the release may or may not ship
};

/// Where a report reads sign-offs and the audit-trail head from: WorkspaceSignoffSource in the programs,
/// NoSignoffSource where a workspace's sign-offs are not wanted (and in tests).
class SignoffSource
{
public:
    virtual ~SignoffSource() = default;
    /// Sign-offs of a release (releaseId > 0) or of the scope an assessment covers; read on the caller's thread.
    virtual Result<ReportSignoffState> signoffs(const Workspace &workspace, qint64 releaseId) const = 0;
};

/// A source that reports no sign-off: always State::None.
class NoSignoffSource : public SignoffSource
{
public:
    Result<ReportSignoffState> signoffs(const Workspace &, qint64) const override { return ReportSignoffState{}; }
};

} // namespace strata
