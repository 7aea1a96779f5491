// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QModelIndex;
class QPoint;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;

namespace strata {

class EmptyStateWidget;
class Prompter;
class RecordEditor;
class RecordProxyModel;
class RecordTableModel;
class Workspace;
class WorkspaceEditor;

/// One inventory kind (suppliers, models, ...): a searchable, sortable table beside the record editor, and the
/// create, duplicate and delete commands for it.
class InventoryPage : public QWidget
{
    Q_OBJECT

public:
    /// Delay between the last key typed in the search box and the query, so typing stays smooth.
    static constexpr int kSearchDelayMs = 150;

    InventoryPage(
        Workspace *workspace, WorkspaceEditor *editor, RecordKind kind, Prompter *prompter, QWidget *parent = nullptr);

    RecordKind kind() const { return m_kind; }
    RecordEditor *recordEditor() const { return m_editor; }
    /// The record selected in the table, 0 when none.
    qint64 selectedRecordId() const;
    /// Whether the page shows the "empty workspace" explanation instead of the table.
    bool showsEmptyState() const;

    /// Selects a record and shows it in the editor (clearing the search if it hides the record).
    bool showRecord(qint64 id);
    void newRecord();
    void duplicateSelected();
    /// Asks, listing the relations that go too, then deletes the selected record.
    void deleteSelected();
    void focusSearch();
    void setReadOnly(bool readOnly);

    void saveState() const;
    void restoreState();

Q_SIGNALS:
    void openDemoRequested();
    /// The user asked to import BOMs or cards (from the empty state).
    void importRequested();
    /// The user asked to see a record that may belong to another page.
    void openRecordRequested(qint64 id);
    /// The selection changed; the window updates its Duplicate and Delete actions.
    void selectionChanged();

private:
    QWidget *createTablePane();
    void onCurrentRowChanged(const QModelIndex &current);
    void syncSelection();
    void selectRow(int proxyRow);
    void updateEmptyState();
    void updateResultsLabel();
    void updateButtons();
    void showColumnMenu(const QPoint &position);
    QString deleteQuestion(qint64 id, QString *error) const;
    QString settingsGroup() const;

    QPointer<Workspace> m_workspace;
    WorkspaceEditor *m_workspaceEditor = nullptr;
    RecordKind m_kind;
    Prompter *m_prompter = nullptr;
    bool m_readOnly = false;
    bool m_syncing = false;
    bool m_emptyDismissed = false;

    RecordTableModel *m_model = nullptr;
    RecordProxyModel *m_proxy = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_emptyState = nullptr;
    QSplitter *m_splitter = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchTimer = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_results = nullptr;
    QPushButton *m_newButton = nullptr;
    QPushButton *m_duplicateButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    RecordEditor *m_editor = nullptr;
};

} // namespace strata
