// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Assessment.h"
#include "domain/Record.h"
#include "domain/Relation.h"
#include "domain/Result.h"

#include <QObject>
#include <QPointer>

class QUndoStack;

namespace strata {

class Workspace;

/// Every edit the GUI makes goes through here so that it lands on the undo stack: each operation is
/// applied first and pushed only when it succeeded, so a failed edit leaves neither a change nor an undo step.
class WorkspaceEditor : public QObject
{
    Q_OBJECT

public:
    explicit WorkspaceEditor(Workspace *workspace, QObject *parent = nullptr);
    ~WorkspaceEditor() override;

    Workspace *workspace() const { return m_workspace; }
    QUndoStack *undoStack() const { return m_stack; }

    Result<qint64> createRecord(const Record &record);
    Result<qint64> duplicateRecord(qint64 id);
    /// `after` must carry the id of an existing record; the stored one becomes the undo state.
    Status updateRecord(const Record &after);
    Status removeRecord(qint64 id);
    Result<Relation> link(qint64 fromId, RelationType type, qint64 toId, const QString &subtype = {});
    Status removeRelation(qint64 relationId);
    Result<Artifact> addArtifact(const Artifact &artifact);
    Status removeArtifact(qint64 artifactId);
    /// Moves a finding to open, mitigating or closed; undo puts back its previous status (or acceptance).
    Result<Finding> setFindingStatus(qint64 findingId, FindingStatus status);
    /// Accepts a finding's risk (see Workspace::acceptFinding); undo puts back its previous status.
    Result<Finding> acceptFinding(qint64 findingId, const QString &justification, const QDate &until);

Q_SIGNALS:
    /// An undo or redo could not be applied (for example the workspace became read-only).
    void errorOccurred(const QString &message);

private:
    QString recordName(qint64 id) const;
    /// Pushes the undo step of a status change that has been made, from `before` to `after`.
    void pushFindingChange(const Finding &before, const Result<Finding> &after);
    Result<Finding> finding(qint64 id) const;
    static Error noWorkspace();

    QPointer<Workspace> m_workspace;
    QUndoStack *m_stack = nullptr;
};

} // namespace strata
