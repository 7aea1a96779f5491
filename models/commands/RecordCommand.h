// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "WorkspaceCommand.h"
#include "domain/Relation.h"

namespace strata {

/// Undo step for creating, duplicating or deleting a record. Deleting keeps the snapshot that
/// Workspace::removeRecord returned, so the record comes back with the same ids, relations and artifacts.
class RecordCommand : public WorkspaceCommand
{
public:
    /// A record that was just created (or duplicated): undo removes it, redo restores it.
    static RecordCommand *created(WorkspaceEditor *editor, qint64 recordId, const QString &text);
    /// A record that was just removed: undo restores it, redo removes it again.
    static RecordCommand *removed(WorkspaceEditor *editor, const RecordSnapshot &snapshot, const QString &text);

protected:
    Status revert(Workspace &workspace) override;
    Status reapply(Workspace &workspace) override;

private:
    RecordCommand(WorkspaceEditor *editor, bool existsAfterRedo, RecordSnapshot snapshot, const QString &text);
    Status take(Workspace &workspace);
    Status put(Workspace &workspace);

    bool m_existsAfterRedo;
    RecordSnapshot m_snapshot; ///< the record.id is always set; the rest is filled when it was removed
};

} // namespace strata
