// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "EditRecordCommand.h"

#include "workspace/Workspace.h"

#include <utility>

namespace strata {

EditRecordCommand::EditRecordCommand(WorkspaceEditor *editor, Record before, Record after, const QString &text)
    : WorkspaceCommand(editor, text)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

Status EditRecordCommand::revert(Workspace &workspace)
{
    return workspace.updateRecord(m_before);
}

Status EditRecordCommand::reapply(Workspace &workspace)
{
    return workspace.updateRecord(m_after);
}

} // namespace strata
