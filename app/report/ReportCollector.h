// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ReportData.h"
#include "ReportOptions.h"
#include "SignoffSource.h"
#include "domain/Result.h"
#include "signoff/SignoffStatusInput.h"

#include <QCoreApplication>

#include <atomic>
#include <optional>

namespace strata {

class Workspace;

/// What ReportCollector::collectReads leaves for a worker: hashing the report's evidence files and checking the
/// release's sign-offs, both of which read files and none of which needs the workspace's connection.
struct ReportChecks
{
    QString evidenceFolder;
    bool verifyEvidence = false;                ///< data.evidence is to be checked against the stored files
    std::optional<SignoffStatusInput> signoffs; ///< a release's sign-offs to verify; none outside a release
};

/// Reads what a report needs through the Workspace API, on the thread that owns the workspace, into a ReportData
/// that the renderer can then use anywhere.
class ReportCollector
{
    Q_DECLARE_TR_FUNCTIONS(strata::ReportCollector)

public:
    static Result<ReportData> collect(const Workspace &workspace,
                                      const ReportScope &scope,
                                      const ReportOptions &options,
                                      const SignoffSource &signoffs = NoSignoffSource());
    /// collect with the workspace's sign-offs (WorkspaceSignoffSource), split for the GUI: only the database reads run
    /// here, on the thread that owns the workspace; what they leave (`checks`) runs on a worker in completeChecks.
    static Result<ReportData> collectReads(const Workspace &workspace,
                                           const ReportScope &scope,
                                           const ReportOptions &options,
                                           ReportChecks *checks);
    /// The second half of collectReads: hashes the report's evidence files and verifies the sign-offs. Touches no
    /// database, so it runs on any thread; a set `cancel` returns ErrorCode::Cancelled.
    static Status completeChecks(ReportData &data, ReportChecks checks, const std::atomic<bool> *cancel = nullptr);

private:
    static Result<ReportData> collectImpl(const Workspace &workspace,
                                          const ReportScope &scope,
                                          const ReportOptions &options,
                                          const SignoffSource &signoffs,
                                          ReportChecks *checks);
};

} // namespace strata
