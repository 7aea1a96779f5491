// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPointer>
#include <QWidget>

class QPushButton;
class QTableView;

namespace strata {

class AddArtifactDialog;
class ArtifactTableModel;
class Prompter;
class Workspace;
class WorkspaceEditor;

/// The Artifacts tab of models and datasets: the files they are made of, added and removed as undo steps.
class ArtifactsPanel : public QWidget
{
    Q_OBJECT

public:
    ArtifactsPanel(Workspace *workspace, WorkspaceEditor *editor, Prompter *prompter, QWidget *parent = nullptr);

    void setRecord(qint64 recordId);
    void setReadOnly(bool readOnly);

    /// Opens the Add Artifact dialog without blocking; the artifact is added when it is accepted.
    AddArtifactDialog *openAddDialog();
    /// Asks, then removes the selected artifact.
    void removeSelected();

private:
    void updateButtons();

    WorkspaceEditor *m_editor = nullptr;
    Prompter *m_prompter = nullptr;
    ArtifactTableModel *m_model = nullptr;
    bool m_readOnly = false;

    QTableView *m_view = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
};

} // namespace strata
