// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "WorkspaceCommand.h"
#include "domain/Relation.h"

namespace strata {

/// Undo step for adding or removing one relation; Workspace::restoreRelation brings it back with its id.
class RelationCommand : public WorkspaceCommand
{
public:
    /// `existsAfterRedo` is true for a link, false for a removal.
    RelationCommand(WorkspaceEditor *editor, bool existsAfterRedo, Relation relation, const QString &text);

protected:
    Status revert(Workspace &workspace) override;
    Status reapply(Workspace &workspace) override;

private:
    Status take(Workspace &workspace);
    Status put(Workspace &workspace);

    bool m_existsAfterRedo;
    Relation m_relation;
};

} // namespace strata
