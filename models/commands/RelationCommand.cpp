// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "RelationCommand.h"

#include "workspace/Workspace.h"

#include <utility>

namespace strata {

RelationCommand::RelationCommand(WorkspaceEditor *editor, bool existsAfterRedo, Relation relation, const QString &text)
    : WorkspaceCommand(editor, text)
    , m_existsAfterRedo(existsAfterRedo)
    , m_relation(std::move(relation))
{
}

Status RelationCommand::revert(Workspace &workspace)
{
    return m_existsAfterRedo ? take(workspace) : put(workspace);
}

Status RelationCommand::reapply(Workspace &workspace)
{
    return m_existsAfterRedo ? put(workspace) : take(workspace);
}

Status RelationCommand::take(Workspace &workspace)
{
    auto removed = workspace.removeRelation(m_relation.id);
    if (!removed)
        return removed.error();
    m_relation = std::move(removed).value();
    return Ok{};
}

Status RelationCommand::put(Workspace &workspace)
{
    return workspace.restoreRelation(m_relation);
}

} // namespace strata
