// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "WorkspaceCommand.h"
#include "checklist/Assessment.h"

#include <QCoreApplication>

namespace strata {

/// Undo step for a finding's status change, acceptance included: undoing puts back the status (and, for an
/// accepted finding, the justification and end date) it had before. Putting back an acceptance whose end date
/// has passed is refused by the workspace, as any new acceptance would be.
class FindingCommand : public WorkspaceCommand
{
    Q_DECLARE_TR_FUNCTIONS(strata::FindingCommand)

public:
    FindingCommand(WorkspaceEditor *editor, Finding before, Finding after, const QString &text);

    /// Moves the finding to `target`'s status; an acceptance is put back through acceptFinding, reopening a closed
    /// finding first in the same transaction.
    static Result<Finding> apply(Workspace &workspace, const Finding &target);

protected:
    Status revert(Workspace &workspace) override;
    Status reapply(Workspace &workspace) override;

private:
    Finding m_before;
    Finding m_after;
};

} // namespace strata
