// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "WorkspaceCommand.h"
#include "domain/Record.h"

#include <QCoreApplication>

namespace strata {

/// Undo step for adding or removing one artifact. Workspace has no restoreArtifact: putting a file back
/// re-adds it, with its old id when that is still free; taking it away finds it by id or, should the id
/// have changed, by its record, file name, algorithm and digest.
class ArtifactCommand : public WorkspaceCommand
{
    Q_DECLARE_TR_FUNCTIONS(strata::ArtifactCommand)

public:
    /// `existsAfterRedo` is true for an addition, false for a removal.
    ArtifactCommand(WorkspaceEditor *editor, bool existsAfterRedo, Artifact artifact, const QString &text);

protected:
    Status revert(Workspace &workspace) override;
    Status reapply(Workspace &workspace) override;

private:
    Status take(Workspace &workspace);
    Status put(Workspace &workspace);

    bool m_existsAfterRedo;
    Artifact m_artifact; ///< its id is the one it had when last added
};

} // namespace strata
