// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Assessment.h"

#include <QDate>
#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QTableView;

namespace strata {

class FindingFilterModel;
class FindingTableModel;
class Prompter;
class RiskHeatMap;
class Workspace;
class WorkspaceEditor;

/// The risk register: every finding with a likelihood × impact heat map, and the workflow (open, mitigating,
/// accepted with a justification and an end date, closed) so each risk has an owner and a next step.
class FindingsPage : public QWidget
{
    Q_OBJECT

public:
    /// What a person gave to accept a risk; nullopt when they cancelled.
    struct Acceptance
    {
        QString justification;
        QDate until;
    };
    /// Asks for an acceptance; a seam so tests answer without a modal dialog.
    using AcceptanceAsker = std::function<std::optional<Acceptance>(QWidget *, const Finding &)>;

    /// Status changes go through `editor`, so they can be undone.
    FindingsPage(WorkspaceEditor *editor, Prompter *prompter, QWidget *parent = nullptr);

    void setAcceptanceAsker(AcceptanceAsker asker) { m_askAcceptance = std::move(asker); }
    void setToday(const QDate &today);
    FindingTableModel *model() const { return m_model; }
    FindingFilterModel *filterModel() const { return m_filter; }
    QTableView *table() const { return m_table; }
    RiskHeatMap *heatMap() const { return m_heatMap; }
    QAction *openAction() const { return m_openAction; }
    QAction *mitigateAction() const { return m_mitigateAction; }
    QAction *acceptAction() const { return m_acceptAction; }
    QAction *closeAction() const { return m_closeAction; }

    bool selectFinding(qint64 findingId);
    const Finding *selectedFinding() const;
    /// Moves the selected finding to `status` through the workspace; accepting asks for the justification first.
    void setSelectedStatus(FindingStatus status);

private:
    void refresh();
    void updateActions();
    void updateFilterText();

    WorkspaceEditor *m_editor = nullptr;
    Workspace *m_workspace = nullptr;
    Prompter *m_prompter = nullptr;
    QDate m_today;
    AcceptanceAsker m_askAcceptance;
    FindingTableModel *m_model = nullptr;
    FindingFilterModel *m_filter = nullptr;
    QTableView *m_table = nullptr;
    RiskHeatMap *m_heatMap = nullptr;
    QLabel *m_mapText = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_cellFilter = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_level = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_mitigateAction = nullptr;
    QAction *m_acceptAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_clearCellAction = nullptr;
};

} // namespace strata
