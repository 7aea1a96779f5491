// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "FindingsPage.h"

#include "AcceptRiskDialog.h"
#include "FindingFilterModel.h"
#include "FindingTableModel.h"
#include "Prompter.h"
#include "RiskHeatMap.h"
#include "WorkspaceEditor.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

QToolButton *toolButton(QAction *action)
{
    auto *button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

FindingsPage::FindingsPage(WorkspaceEditor *editor, Prompter *prompter, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_workspace(editor->workspace())
    , m_prompter(prompter)
    , m_today(QDate::currentDate())
{
    setObjectName(u"findingsPage"_s);
    m_askAcceptance = [this](QWidget *parent, const Finding &finding) -> std::optional<Acceptance> {
        AcceptRiskDialog dialog(finding, m_today, parent);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return Acceptance{dialog.justification(), dialog.until()};
    };
    m_model = new FindingTableModel(m_workspace, this);
    m_filter = new FindingFilterModel(this);
    m_filter->setSourceModel(m_model);

    m_openAction = new QAction(tr("Reopen"), this);
    m_openAction->setObjectName(u"reopenFindingAction"_s);
    connect(m_openAction, &QAction::triggered, this, [this] { setSelectedStatus(FindingStatus::Open); });
    m_mitigateAction = new QAction(tr("Mitigating"), this);
    m_mitigateAction->setObjectName(u"mitigateFindingAction"_s);
    m_mitigateAction->setToolTip(tr("Mark the selected finding as being mitigated"));
    connect(m_mitigateAction, &QAction::triggered, this, [this] { setSelectedStatus(FindingStatus::Mitigating); });
    m_acceptAction = new QAction(tr("Accept Risk…"), this);
    m_acceptAction->setObjectName(u"acceptFindingAction"_s);
    m_acceptAction->setToolTip(tr("Accept the risk with a justification and an end date"));
    connect(m_acceptAction, &QAction::triggered, this, [this] { setSelectedStatus(FindingStatus::Accepted); });
    m_closeAction = new QAction(tr("Close"), this);
    m_closeAction->setObjectName(u"closeFindingAction"_s);
    m_closeAction->setToolTip(tr("Close the selected finding: the risk is gone"));
    connect(m_closeAction, &QAction::triggered, this, [this] { setSelectedStatus(FindingStatus::Closed); });
    m_clearCellAction = new QAction(tr("Show All Cells"), this);
    m_clearCellAction->setObjectName(u"clearCellFilterAction"_s);

    m_status = new QComboBox;
    m_status->setObjectName(u"findingStatusFilter"_s);
    m_status->setAccessibleName(tr("Show findings by status"));
    m_status->addItem(tr("All statuses"), -1);
    for (FindingStatus status : allFindingStatuses())
        m_status->addItem(findingStatusLabel(status), static_cast<int>(status));
    m_level = new QComboBox;
    m_level->setObjectName(u"findingLevelFilter"_s);
    m_level->setAccessibleName(tr("Show findings by severity"));
    m_level->addItem(tr("All severities"), -1);
    for (RiskLevel level : {RiskLevel::Critical, RiskLevel::High, RiskLevel::Medium, RiskLevel::Low})
        m_level->addItem(riskLevelLabel(level), static_cast<int>(level));
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        const int value = m_status->currentData().toInt();
        m_filter->setStatus(value < 0 ? std::nullopt : std::optional(static_cast<FindingStatus>(value)));
        updateFilterText();
    });
    connect(m_level, &QComboBox::currentIndexChanged, this, [this] {
        const int value = m_level->currentData().toInt();
        m_filter->setLevel(value < 0 ? std::nullopt : std::optional(static_cast<RiskLevel>(value)));
        updateFilterText();
    });

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_status);
    toolbar->addWidget(m_level);
    toolbar->addStretch(1);
    for (QAction *action : {m_openAction, m_mitigateAction, m_acceptAction, m_closeAction})
        toolbar->addWidget(toolButton(action));

    m_summary = new QLabel;
    m_summary->setObjectName(u"findingsSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);

    m_heatMap = new RiskHeatMap;
    m_mapText = new QLabel;
    m_mapText->setObjectName(u"heatMapText"_s);
    m_mapText->setTextFormat(Qt::PlainText);
    m_mapText->setWordWrap(true);
    m_mapText->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_mapText->setAccessibleName(tr("Heat map as text"));
    m_cellFilter = new QLabel;
    m_cellFilter->setObjectName(u"cellFilterLabel"_s);
    m_cellFilter->setTextFormat(Qt::PlainText);
    m_cellFilter->setWordWrap(true);
    auto *clearCell = toolButton(m_clearCellAction);
    connect(m_clearCellAction, &QAction::triggered, this, [this] {
        m_heatMap->setSelectedCell(std::nullopt);
        m_filter->setCell(std::nullopt);
        updateFilterText();
    });
    connect(m_heatMap, &RiskHeatMap::cellSelected, this, [this](std::optional<std::pair<int, int>> cell) {
        m_filter->setCell(cell);
        updateFilterText();
    });

    // Two lines always, so the filter sentence is never clipped when it wraps.
    m_cellFilter->setMinimumHeight(m_cellFilter->fontMetrics().lineSpacing() * 2 + 4);
    auto *mapPanel = new QWidget;
    mapPanel->setMinimumWidth(m_heatMap->sizeHint().width() + 60);
    auto *mapLayout = new QVBoxLayout(mapPanel);
    mapLayout->setContentsMargins(0, 0, 0, 0);
    mapLayout->addWidget(m_heatMap, 0, Qt::AlignHCenter);
    mapLayout->addWidget(m_cellFilter);
    mapLayout->addWidget(clearCell, 0, Qt::AlignLeft);
    mapLayout->addWidget(m_mapText, 1, Qt::AlignTop);

    m_table = new QTableView;
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    m_table->setObjectName(u"findingsTable"_s);
    m_table->setAccessibleName(tr("Findings"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(FindingTableModel::Score, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &FindingsPage::updateActions);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &FindingsPage::updateActions);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &FindingsPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FindingsPage::refresh);
    connect(m_model, &FindingTableModel::errorOccurred, this,
            [this](const QString &message) { m_prompter->showError(this, message); });

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(u"findingsSplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(mapPanel);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    refresh();
}

void FindingsPage::setToday(const QDate &today)
{
    m_today = today;
    m_model->setToday(today);
    refresh();
}

void FindingsPage::refresh()
{
    const QList<Finding> &findings = m_model->findings();
    m_heatMap->setFindings(findings);
    m_mapText->setText(m_heatMap->textAlternative());
    int open = 0;
    int overdue = 0;
    for (const Finding &f : findings) {
        open += f.status == FindingStatus::Open || f.status == FindingStatus::Mitigating;
        overdue += m_model->isOverdue(f);
    }
    m_summary->setText(findings.isEmpty()
                           ? tr("No findings yet. A failed checklist item can raise one in an assessment.")
                           : tr("%n finding(s)", "", static_cast<int>(findings.size())) + u" · "_s +
                                 tr("%n open or mitigating", "", open) + u" · "_s + tr("%n overdue", "", overdue));
    m_table->resizeColumnsToContents();
    updateFilterText();
}

void FindingsPage::updateFilterText()
{
    const auto cell = m_filter->cell();
    m_cellFilter->setText(cell ? tr("Showing likelihood %1 × impact %2 only: %n finding(s).", "", m_filter->rowCount())
                                     .arg(cell->first)
                                     .arg(cell->second)
                               : tr("Choose a cell to show only its findings."));
    m_clearCellAction->setEnabled(cell.has_value());
    updateActions();
}

const Finding *FindingsPage::selectedFinding() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return nullptr;
    return m_model->findingAt(m_filter->mapToSource(current).row());
}

bool FindingsPage::selectFinding(qint64 findingId)
{
    const int row = m_model->rowOf(findingId);
    const QModelIndex index = row < 0 ? QModelIndex() : m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

void FindingsPage::updateActions()
{
    const Finding *finding = selectedFinding();
    const bool writable = m_workspace && !m_workspace->isReadOnly() && finding;
    const FindingStatus status = finding ? finding->status : FindingStatus::Open;
    m_openAction->setEnabled(writable && status != FindingStatus::Open);
    m_mitigateAction->setEnabled(writable && status != FindingStatus::Mitigating && status != FindingStatus::Closed);
    m_acceptAction->setEnabled(writable && status != FindingStatus::Closed);
    m_closeAction->setEnabled(writable && status != FindingStatus::Closed);
}

void FindingsPage::setSelectedStatus(FindingStatus status)
{
    const Finding *selected = selectedFinding();
    if (!selected || !m_workspace)
        return;
    const Finding finding = *selected;
    Result<Finding> changed = Error{};
    if (status == FindingStatus::Accepted) {
        const std::optional<Acceptance> acceptance = m_askAcceptance(this, finding);
        if (!acceptance)
            return;
        changed = m_editor->acceptFinding(finding.id, acceptance->justification, acceptance->until);
    } else {
        changed = m_editor->setFindingStatus(finding.id, status);
    }
    if (!changed) {
        m_prompter->showError(this, changed.error().message);
        return;
    }
    selectFinding(finding.id);
}

} // namespace strata
