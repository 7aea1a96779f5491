// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "GraphViewData.h"
#include "graph/GraphExport.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class QStandardItemModel;
class QTimer;
class QToolButton;

namespace strata {

class EmptyStateWidget;
class GraphController;
class GraphDetailsPanel;
class GraphExporter;
class GraphProblemsPanel;
class GraphScene;
class GraphView;
class Prompter;
class TaskProgressWidget;
class Workspace;

/// The Graph page: pick a record and a question (what it is made of, what is built on it, both; how many hops),
/// or the whole workspace, and see the layered graph with risk badges, filters, a minimap and a side panel that
/// explains the selected record's risk. Layout runs in the background with progress and Cancel.
class GraphPage : public QWidget
{
    Q_OBJECT

public:
    /// Workspaces up to this size open on the whole graph; larger ones wait for a record to focus on.
    static constexpr int kWholeGraphAtStart = 400;

    GraphPage(Workspace *workspace, Prompter *prompter, QWidget *parent = nullptr);
    ~GraphPage() override;

    GraphScene *scene() const { return m_scene; }
    GraphView *view() const { return m_view; }
    GraphController *controller() const { return m_controller; }
    GraphDetailsPanel *detailsPanel() const { return m_details; }
    GraphProblemsPanel *problemsPanel() const { return m_problems; }
    GraphExporter *exporter() const { return m_exporter; }

    /// Shows what is around `id` in the current direction and depth.
    void focusOn(qint64 id);
    /// Shows every record of the workspace (within the filters).
    void showWholeWorkspace();
    void setDirection(GraphDirection direction);
    void setDepth(int depth);
    /// Selects a record in the view and the side panel, as a click does.
    void selectRecord(qint64 id);
    /// Saves the current view; `path` empty asks for a file.
    void exportView(GraphFormat format, const QString &path = {});

Q_SIGNALS:
    /// A record was clicked: the window selects it in its inventory table.
    void recordSelected(qint64 id);
    /// The user asked to see the record's full details on its inventory page.
    void openRecordRequested(qint64 id);
    /// A view finished drawing (tests wait for it).
    void viewShown();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createToolbar();
    void ask();
    void onViewReady(std::shared_ptr<const GraphViewData> data);
    void onFailed(const QString &message);
    void updateSuppliers();
    void updateSearch();
    void focusFromSearch();
    void showMessage(const QString &message);
    QVector<QSizeF> measure(const GraphSnapshot &view) const;
    GraphQuestion questionFromControls(qint64 focus) const;

    QPointer<Workspace> m_workspace;
    Prompter *m_prompter = nullptr;
    GraphController *m_controller = nullptr;
    GraphExporter *m_exporter = nullptr;
    GraphScene *m_scene = nullptr;
    GraphView *m_view = nullptr;
    GraphDetailsPanel *m_details = nullptr;
    GraphProblemsPanel *m_problems = nullptr;
    TaskProgressWidget *m_progress = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_empty = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_summary = nullptr;

    QLineEdit *m_search = nullptr;
    QStandardItemModel *m_searchModel = nullptr;
    QTimer *m_searchTimer = nullptr;
    QComboBox *m_direction = nullptr;
    QSpinBox *m_depth = nullptr;
    QToolButton *m_wholeButton = nullptr;
    QToolButton *m_filterButton = nullptr;
    QList<QAction *> m_kindActions;
    QList<QAction *> m_relationActions;
    QComboBox *m_supplier = nullptr;
    QToolButton *m_fitButton = nullptr;
    QToolButton *m_exportButton = nullptr;

    qint64 m_focus = 0;
    bool m_started = false;
    bool m_stale = false;
    std::shared_ptr<const GraphViewData> m_shown;
};

} // namespace strata
