// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "WorkspaceSignoffSource.h"

#include "workspace/Workspace.h"

using namespace Qt::Literals::StringLiterals;

namespace strata {

Result<ReportSignoffState> WorkspaceSignoffSource::signoffs(const Workspace &workspace, qint64 releaseId) const
{
    ReportSignoffState state;
    // The trail's head as the report is made: a rewrite of the trail after this report is caught against it.
    if (const Result<AuditHead> head = workspace.auditHead(); head && head.value().seq > 0)
        state.auditHead = head.value().toString();
    if (releaseId <= 0)
        return state; // an assessment of one record or a supplier has no release to sign
    Result<ReleaseSignoffStatus> status = workspace.signoffStatus(releaseId);
    if (!status)
        return status.error();
    return stateOf(status.value(), state.auditHead);
}

ReportSignoffState WorkspaceSignoffSource::stateOf(const ReleaseSignoffStatus &status, const QString &auditHead)
{
    ReportSignoffState state;
    state.auditHead = auditHead;
    state.rejected = status.rejected;
    state.gatePasses = status.gatePasses;
    state.gateReason = status.gateReason;
    switch (status.state) {
    case SignoffState::None:
        state.state = ReportSignoffState::State::None;
        break;
    case SignoffState::Valid:
        state.state = ReportSignoffState::State::Valid;
        break;
    case SignoffState::Stale:
        state.state = ReportSignoffState::State::Stale;
        break;
    case SignoffState::Broken:
        state.state = ReportSignoffState::State::Broken;
        break;
    }
    for (const SignoffCheck &check : std::as_const(status.checks)) {
        const Signoff &s = check.signoff;
        ReportSignoff row;
        row.signer = s.signer;
        row.role = SignoffRoles::display(s.role);
        row.decision = signoffDecisionLabel(s.decision);
        row.conditions = s.conditions;
        row.signedAt = s.signedAt;
        row.keyFingerprint = Identities::displayFingerprint(s.keyFingerprint);
        row.verified = check.state == SignoffState::Valid;
        switch (check.state) {
        case SignoffState::Valid:
            row.verification = tr("valid: the signature verifies and nothing changed");
            break;
        case SignoffState::Stale:
            row.verification = tr("stale: %n change(s) since signing, such as: %1", "", int(check.changes.size()))
                                   .arg(check.changes.value(0));
            break;
        case SignoffState::Broken:
            row.verification = tr("broken: %1").arg(check.problems.value(0));
            break;
        case SignoffState::None:
            break;
        }
        if (!check.current)
            row.verification = tr("%1 (superseded by a later sign-off of the same signer)").arg(row.verification);
        state.signoffs.append(row);
    }
    return state;
}

} // namespace strata
