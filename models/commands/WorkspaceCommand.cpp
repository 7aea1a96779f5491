// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "WorkspaceCommand.h"

#include "WorkspaceEditor.h"
#include "workspace/Workspace.h"

namespace strata {

WorkspaceCommand::WorkspaceCommand(WorkspaceEditor *editor, const QString &text)
    : QUndoCommand(text)
    , m_editor(editor)
{
}

void WorkspaceCommand::undo()
{
    run(true);
}

void WorkspaceCommand::redo()
{
    if (!m_pushed) {
        m_pushed = true; // QUndoStack::push() calls redo(), but the editor has already made the change
        return;
    }
    run(false);
}

void WorkspaceCommand::run(bool undoing)
{
    Workspace *workspace = m_editor ? m_editor->workspace() : nullptr;
    Status status = workspace ? (undoing ? revert(*workspace) : reapply(*workspace))
                              : Status(Error{ErrorCode::NotFound, tr("The workspace has been closed.")});
    if (status)
        return;
    // QUndoStack deletes an obsolete command right after undo()/redo() returns, so the history never
    // offers a step that no longer matches the workspace.
    setObsolete(true);
    if (m_editor) {
        const QString message = undoing ? tr("Could not undo \"%1\": %2").arg(text(), status.error().message)
                                        : tr("Could not redo \"%1\": %2").arg(text(), status.error().message);
        Q_EMIT m_editor->errorOccurred(message);
    }
}

} // namespace strata
