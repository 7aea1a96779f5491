// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "FindingCommand.h"

#include "workspace/Workspace.h"

namespace strata {

FindingCommand::FindingCommand(WorkspaceEditor *editor, Finding before, Finding after, const QString &text)
    : WorkspaceCommand(editor, text)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

Result<Finding> FindingCommand::apply(Workspace &workspace, const Finding &target)
{
    if (target.status != FindingStatus::Accepted)
        return workspace.setFindingStatus(target.id, target.status);
    // A closed finding cannot be accepted directly; reopening and accepting happen together or not at all.
    Result<Finding> accepted = Error{};
    const Status done = workspace.batch([&]() -> Status {
        if (Result<Finding> reopened = workspace.setFindingStatus(target.id, FindingStatus::Open); !reopened)
            return reopened.error();
        accepted = workspace.acceptFinding(target.id, target.justification, target.acceptedUntil);
        return accepted ? Status(Ok{}) : Status(accepted.error());
    });
    if (!done)
        return done.error();
    return accepted;
}

Status FindingCommand::revert(Workspace &workspace)
{
    const Result<Finding> done = apply(workspace, m_before);
    return done ? Status(Ok{}) : Status(done.error());
}

Status FindingCommand::reapply(Workspace &workspace)
{
    const Result<Finding> done = apply(workspace, m_after);
    return done ? Status(Ok{}) : Status(done.error());
}

} // namespace strata
