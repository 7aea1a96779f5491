// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "RecordCommand.h"

#include "workspace/Workspace.h"

#include <utility>

namespace strata {

RecordCommand *RecordCommand::created(WorkspaceEditor *editor, qint64 recordId, const QString &text)
{
    RecordSnapshot snapshot;
    snapshot.record.id = recordId;
    return new RecordCommand(editor, true, std::move(snapshot), text);
}

RecordCommand *RecordCommand::removed(WorkspaceEditor *editor, const RecordSnapshot &snapshot, const QString &text)
{
    return new RecordCommand(editor, false, snapshot, text);
}

RecordCommand::RecordCommand(WorkspaceEditor *editor,
                             bool existsAfterRedo,
                             RecordSnapshot snapshot,
                             const QString &text)
    : WorkspaceCommand(editor, text)
    , m_existsAfterRedo(existsAfterRedo)
    , m_snapshot(std::move(snapshot))
{
}

Status RecordCommand::revert(Workspace &workspace)
{
    return m_existsAfterRedo ? take(workspace) : put(workspace);
}

Status RecordCommand::reapply(Workspace &workspace)
{
    return m_existsAfterRedo ? put(workspace) : take(workspace);
}

Status RecordCommand::take(Workspace &workspace)
{
    auto removed = workspace.removeRecord(m_snapshot.record.id);
    if (!removed)
        return removed.error();
    m_snapshot = std::move(removed).value();
    return Ok{};
}

Status RecordCommand::put(Workspace &workspace)
{
    return workspace.restoreRecord(m_snapshot);
}

} // namespace strata
