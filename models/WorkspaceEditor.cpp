// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "WorkspaceEditor.h"

#include "commands/ArtifactCommand.h"
#include "commands/EditRecordCommand.h"
#include "commands/FindingCommand.h"
#include "commands/RecordCommand.h"
#include "commands/RelationCommand.h"
#include "workspace/Workspace.h"

#include <QUndoStack>

namespace strata {

namespace {

// Whether an edit would change anything a user can see; timestamps and authors are set by the workspace.
bool sameFields(const Record &a, const Record &b)
{
    return a.kind == b.kind && a.name == b.name && a.version == b.version && a.description == b.description &&
           a.license == b.license && a.sourceUrl == b.sourceUrl && a.purl == b.purl && a.tags == b.tags &&
           a.notes == b.notes && a.attributes == b.attributes && a.placeholder == b.placeholder;
}

} // namespace

WorkspaceEditor::WorkspaceEditor(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_stack(new QUndoStack(this))
{
}

WorkspaceEditor::~WorkspaceEditor()
{
    // Commands point back at the editor; delete them while it is still whole.
    delete m_stack;
}

Result<qint64> WorkspaceEditor::createRecord(const Record &record)
{
    if (!m_workspace)
        return noWorkspace();
    auto created = m_workspace->createRecord(record);
    if (created)
        m_stack->push(RecordCommand::created(this, created.value(), tr("Create %1").arg(recordName(created.value()))));
    return created;
}

Result<qint64> WorkspaceEditor::duplicateRecord(qint64 id)
{
    if (!m_workspace)
        return noWorkspace();
    const QString original = recordName(id);
    auto duplicate = m_workspace->duplicateRecord(id);
    if (duplicate)
        m_stack->push(RecordCommand::created(this, duplicate.value(), tr("Duplicate %1").arg(original)));
    return duplicate;
}

Status WorkspaceEditor::updateRecord(const Record &after)
{
    if (!m_workspace)
        return noWorkspace();
    auto before = m_workspace->record(after.id);
    if (!before)
        return before.error();
    if (sameFields(before.value(), after))
        return Ok{}; // nothing to change, and nothing to undo
    Status updated = m_workspace->updateRecord(after);
    if (!updated)
        return updated;
    // Keep what the workspace stored (normalised tags, timestamps) so redo writes exactly that back.
    auto stored = m_workspace->record(after.id);
    const Record &redoState = stored ? stored.value() : after;
    m_stack->push(new EditRecordCommand(this, before.value(), redoState, tr("Edit %1").arg(redoState.name)));
    return updated;
}

Status WorkspaceEditor::removeRecord(qint64 id)
{
    if (!m_workspace)
        return noWorkspace();
    auto removed = m_workspace->removeRecord(id);
    if (!removed)
        return removed.error();
    const QString text = tr("Delete %1").arg(removed.value().record.name);
    m_stack->push(RecordCommand::removed(this, removed.value(), text));
    return Ok{};
}

Result<Relation> WorkspaceEditor::link(qint64 fromId, RelationType type, qint64 toId, const QString &subtype)
{
    if (!m_workspace)
        return noWorkspace();
    auto linked = m_workspace->link(fromId, type, toId, subtype);
    if (linked) {
        const QString text = tr("Link %1 to %2").arg(recordName(fromId), recordName(toId));
        m_stack->push(new RelationCommand(this, true, linked.value(), text));
    }
    return linked;
}

Status WorkspaceEditor::removeRelation(qint64 relationId)
{
    if (!m_workspace)
        return noWorkspace();
    auto removed = m_workspace->removeRelation(relationId);
    if (!removed)
        return removed.error();
    const Relation &relation = removed.value();
    const QString text = tr("Unlink %1 from %2").arg(recordName(relation.fromId), recordName(relation.toId));
    m_stack->push(new RelationCommand(this, false, relation, text));
    return Ok{};
}

Result<Artifact> WorkspaceEditor::addArtifact(const Artifact &artifact)
{
    if (!m_workspace)
        return noWorkspace();
    auto added = m_workspace->addArtifact(artifact);
    if (added) {
        const QString text = tr("Add file %1 to %2").arg(added.value().fileName, recordName(added.value().recordId));
        m_stack->push(new ArtifactCommand(this, true, added.value(), text));
    }
    return added;
}

Status WorkspaceEditor::removeArtifact(qint64 artifactId)
{
    if (!m_workspace)
        return noWorkspace();
    auto removed = m_workspace->removeArtifact(artifactId);
    if (!removed)
        return removed.error();
    const Artifact &artifact = removed.value();
    const QString text = tr("Remove file %1 from %2").arg(artifact.fileName, recordName(artifact.recordId));
    m_stack->push(new ArtifactCommand(this, false, artifact, text));
    return Ok{};
}

Result<Finding> WorkspaceEditor::setFindingStatus(qint64 findingId, FindingStatus status)
{
    if (!m_workspace)
        return noWorkspace();
    const Result<Finding> before = finding(findingId);
    if (!before)
        return before.error();
    Result<Finding> after = m_workspace->setFindingStatus(findingId, status);
    pushFindingChange(before.value(), after);
    return after;
}

Result<Finding> WorkspaceEditor::acceptFinding(qint64 findingId, const QString &justification, const QDate &until)
{
    if (!m_workspace)
        return noWorkspace();
    const Result<Finding> before = finding(findingId);
    if (!before)
        return before.error();
    Result<Finding> after = m_workspace->acceptFinding(findingId, justification, until);
    pushFindingChange(before.value(), after);
    return after;
}

void WorkspaceEditor::pushFindingChange(const Finding &before, const Result<Finding> &after)
{
    if (!after || after.value().status == before.status)
        return;
    const QString text =
        tr("Set finding \"%1\" to %2").arg(after.value().title, findingStatusLabel(after.value().status));
    m_stack->push(new FindingCommand(this, before, after.value(), text));
}

Result<Finding> WorkspaceEditor::finding(qint64 id) const
{
    const Result<QList<Finding>> all = m_workspace->findings();
    if (!all)
        return all.error();
    for (const Finding &f : all.value()) {
        if (f.id == id)
            return f;
    }
    return Error{ErrorCode::NotFound, tr("There is no finding with the id %1.").arg(id)};
}

QString WorkspaceEditor::recordName(qint64 id) const
{
    auto record = m_workspace ? m_workspace->record(id) : Result<Record>(Error{});
    return record ? record.value().name : tr("record %1").arg(id);
}

Error WorkspaceEditor::noWorkspace()
{
    return Error{ErrorCode::NotFound, tr("No workspace is open. Open or create a workspace and try again.")};
}

} // namespace strata
