// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "WorkspaceCommand.h"
#include "domain/Record.h"

namespace strata {

/// Undo step for editing a record's fields: both versions are kept and written back whole.
class EditRecordCommand : public WorkspaceCommand
{
public:
    EditRecordCommand(WorkspaceEditor *editor, Record before, Record after, const QString &text);

protected:
    Status revert(Workspace &workspace) override;
    Status reapply(Workspace &workspace) override;

private:
    Record m_before;
    Record m_after;
};

} // namespace strata
