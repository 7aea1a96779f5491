// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ArtifactCommand.h"

#include "domain/Relation.h"
#include "workspace/Workspace.h"

#include <algorithm>
#include <utility>

namespace strata {

ArtifactCommand::ArtifactCommand(WorkspaceEditor *editor, bool existsAfterRedo, Artifact artifact, const QString &text)
    : WorkspaceCommand(editor, text)
    , m_existsAfterRedo(existsAfterRedo)
    , m_artifact(std::move(artifact))
{
}

Status ArtifactCommand::revert(Workspace &workspace)
{
    return m_existsAfterRedo ? take(workspace) : put(workspace);
}

Status ArtifactCommand::reapply(Workspace &workspace)
{
    return m_existsAfterRedo ? put(workspace) : take(workspace);
}

Status ArtifactCommand::take(Workspace &workspace)
{
    auto snapshot = workspace.snapshot(m_artifact.recordId);
    if (!snapshot)
        return snapshot.error();
    const QList<Artifact> &artifacts = snapshot.value().artifacts;
    const auto sameFile = [this](const Artifact &a) {
        return a.fileName == m_artifact.fileName && a.algorithm == m_artifact.algorithm &&
               a.digest == m_artifact.digest;
    };
    // The remembered id is stale when an older step re-added the file: look for the same file instead.
    auto it = std::find_if(artifacts.cbegin(), artifacts.cend(),
                           [&](const Artifact &a) { return a.id == m_artifact.id && sameFile(a); });
    if (it == artifacts.cend())
        it = std::find_if(artifacts.cbegin(), artifacts.cend(), sameFile);
    if (it == artifacts.cend())
        return Error{ErrorCode::NotFound,
                     tr("The file %1 is no longer attached to this record.").arg(m_artifact.fileName)};

    auto removed = workspace.removeArtifact(it->id);
    if (!removed)
        return removed.error();
    m_artifact = std::move(removed).value();
    return Ok{};
}

Status ArtifactCommand::put(Workspace &workspace)
{
    // addArtifact keeps a given id when it is free, which brings the file back as it was; otherwise
    // (the id was taken meanwhile) the file comes back under a new id.
    auto added = workspace.addArtifact(m_artifact);
    if (!added && m_artifact.id != 0) {
        Artifact renumbered = m_artifact;
        renumbered.id = 0;
        added = workspace.addArtifact(renumbered);
    }
    if (!added)
        return added.error();
    m_artifact = std::move(added).value();
    return Ok{};
}

} // namespace strata
