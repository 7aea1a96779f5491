// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QPointer>
#include <QUndoCommand>

namespace strata {

class Workspace;
class WorkspaceEditor;

/// An undo step for a change the editor has already applied: the first redo() (from QUndoStack::push) does
/// nothing, and a step that cannot be replayed reports why and drops itself so the stack stays consistent.
class WorkspaceCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(strata::WorkspaceCommand)

public:
    WorkspaceCommand(WorkspaceEditor *editor, const QString &text);

    void undo() final;
    void redo() final;

protected:
    /// Reverts the change; called only while the change is in effect.
    virtual Status revert(Workspace &workspace) = 0;
    /// Applies the change again after revert().
    virtual Status reapply(Workspace &workspace) = 0;

private:
    void run(bool undoing);

    QPointer<WorkspaceEditor> m_editor;
    bool m_pushed = false;
};

} // namespace strata
