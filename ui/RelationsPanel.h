// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"

#include <QPointer>
#include <QWidget>

class QPushButton;
class QTableView;

namespace strata {

class AddRelationDialog;
class Prompter;
class RelationTableModel;
class Workspace;
class WorkspaceEditor;

/// The Relations tab of the detail panel: both directions of one record's edges, added and removed as undo steps.
class RelationsPanel : public QWidget
{
    Q_OBJECT

public:
    RelationsPanel(Workspace *workspace, WorkspaceEditor *editor, Prompter *prompter, QWidget *parent = nullptr);

    void setRecord(qint64 recordId, RecordKind kind);
    void setReadOnly(bool readOnly);

    /// Opens the Add Relation dialog without blocking; the relation is made when it is accepted.
    AddRelationDialog *openAddDialog();
    /// Asks, then removes the selected relation.
    void removeSelected();

Q_SIGNALS:
    void openRecordRequested(qint64 id);

private:
    void updateButtons();

    QPointer<Workspace> m_workspace;
    WorkspaceEditor *m_editor = nullptr;
    Prompter *m_prompter = nullptr;
    RelationTableModel *m_model = nullptr;
    RecordKind m_kind = RecordKind::Model;
    bool m_readOnly = false;

    QTableView *m_view = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
};

} // namespace strata
