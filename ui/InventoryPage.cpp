// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "InventoryPage.h"

#include "EmptyStateWidget.h"
#include "Prompter.h"
#include "RecordEditor.h"
#include "RecordProxyModel.h"
#include "RecordTableModel.h"
#include "WorkspaceEditor.h"
#include "workspace/Workspace.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata {
namespace {

constexpr int kContentIndex = 0;
constexpr int kEmptyIndex = 1;

QString displayName(const QString &name, const QString &version)
{
    return version.isEmpty() ? name : InventoryPage::tr("%1 %2", "record name and version").arg(name, version);
}

QPushButton *makeButton(const QString &text, const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    return button;
}

} // namespace

InventoryPage::InventoryPage(
    Workspace *workspace, WorkspaceEditor *editor, RecordKind kind, Prompter *prompter, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_workspaceEditor(editor)
    , m_kind(kind)
    , m_prompter(prompter)
{
    setObjectName(u"inventoryPage_"_s + recordKindKey(kind));
    setAccessibleName(recordKindPluralLabel(kind));

    m_model = new RecordTableModel(workspace, kind, this);
    m_proxy = new RecordProxyModel(this);
    m_proxy->setSourceModel(m_model);
    connect(m_model, &RecordTableModel::errorOccurred, this,
            [this](const QString &message) { m_prompter->showError(this, message); });

    m_editor = new RecordEditor(workspace, editor, kind, prompter);
    connect(m_editor, &RecordEditor::recordCreated, this, &InventoryPage::showRecord);
    connect(m_editor, &RecordEditor::openRecordRequested, this, &InventoryPage::openRecordRequested);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(u"pageSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(createTablePane());
    m_splitter->addWidget(m_editor);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    m_emptyState = new EmptyStateWidget;
    m_emptyState->setObjectName(u"emptyState"_s);
    m_emptyState->setTitle(tr("This workspace is empty"));
    m_emptyState->setText(
        tr("Strata keeps the inventory your AI systems are built from: suppliers, models, datasets, "
           "software and services, and how they depend on each other. Add the first record here, import "
           "the BOMs and model cards you received, or open the demo workspace to see a small supply "
           "chain at work."));
    QPushButton *add = m_emptyState->addButton(tr("Add %1").arg(recordKindLabel(kind)), u"emptyAddButton"_s);
    connect(add, &QPushButton::clicked, this, &InventoryPage::newRecord);
    QPushButton *import = m_emptyState->addButton(tr("Import BOMs or Cards…"), u"emptyImportButton"_s);
    connect(import, &QPushButton::clicked, this, &InventoryPage::importRequested);
    QPushButton *demo = m_emptyState->addButton(tr("Open Demo Workspace"), u"emptyDemoButton"_s);
    connect(demo, &QPushButton::clicked, this, &InventoryPage::openDemoRequested);

    m_stack = new QStackedWidget(this);
    m_stack->insertWidget(kContentIndex, m_splitter);
    m_stack->insertWidget(kEmptyIndex, m_emptyState);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 8, 10, 4);
    layout->addWidget(m_stack);

    // Refetches reset the selection; it follows the record in the editor.
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &InventoryPage::syncSelection);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &InventoryPage::syncSelection);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &InventoryPage::syncSelection);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &InventoryPage::syncSelection);
    if (m_workspace)
        connect(m_workspace, &Workspace::recordsChanged, this, &InventoryPage::updateEmptyState);

    setReadOnly(m_workspace && m_workspace->isReadOnly());
    updateEmptyState();
    updateResultsLabel();
}

QWidget *InventoryPage::createTablePane()
{
    auto *pane = new QWidget;

    m_search = new QLineEdit(pane);
    m_search->setObjectName(u"searchEdit"_s);
    m_search->setAccessibleName(tr("Search %1").arg(recordKindPluralLabel(m_kind).toLower()));
    m_search->setPlaceholderText(tr("Search names, descriptions, tags, notes, licenses, suppliers…"));
    m_search->setClearButtonEnabled(true);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, [this] {
        m_model->setSearch(m_search->text());
        updateResultsLabel();
    });

    m_newButton = makeButton(tr("New"), u"newButton"_s, tr("New %1").arg(recordKindLabel(m_kind).toLower()), pane);
    m_newButton->setToolTip(tr("Create a record on this page (Ctrl+N)"));
    m_duplicateButton = makeButton(tr("Duplicate"), u"duplicateButton"_s, tr("Duplicate the selected record"), pane);
    m_duplicateButton->setToolTip(tr("Copy the selected record with its fields and outgoing relations (Ctrl+D)"));
    m_deleteButton = makeButton(tr("Delete"), u"deleteButton"_s, tr("Delete the selected record"), pane);
    m_deleteButton->setToolTip(tr("Delete the selected record and its relations (Del)"));
    connect(m_newButton, &QPushButton::clicked, this, &InventoryPage::newRecord);
    connect(m_duplicateButton, &QPushButton::clicked, this, &InventoryPage::duplicateSelected);
    connect(m_deleteButton, &QPushButton::clicked, this, &InventoryPage::deleteSelected);

    m_view = new QTableView(pane);
    m_view->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    m_view->setObjectName(u"recordView"_s);
    m_view->setAccessibleName(recordKindPluralLabel(m_kind));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setToolTip(tr("Right-click to choose the columns"));
    connect(header, &QHeaderView::customContextMenuRequested, this, &InventoryPage::showColumnMenu);
    m_view->setSortingEnabled(true);
    // The header's default order is descending; a list of names starts at A.
    m_view->sortByColumn(RecordTableModel::Name, Qt::AscendingOrder);
    const int charWidth = m_view->fontMetrics().averageCharWidth();
    const QList<QPair<int, int>> widths = {{RecordTableModel::Name, 28},
                                           {RecordTableModel::Version, 8},
                                           {RecordTableModel::Supplier, 16},
                                           {RecordTableModel::License, 14},
                                           {RecordTableModel::Tags, 16}};
    for (const auto &[column, chars] : widths)
        header->resizeSection(column, chars * charWidth + 16);
    // Suppliers are rarely provided by someone else: the column starts hidden there (the column menu shows it).
    header->setSectionHidden(RecordTableModel::Supplier, m_kind == RecordKind::Supplier);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentRowChanged(current); });
    // A click makes the row current before it selects it: the buttons follow the selection itself.
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        Q_EMIT selectionChanged();
    });

    m_results = new QLabel(pane);
    m_results->setObjectName(u"resultsLabel"_s);
    m_results->setForegroundRole(QPalette::PlaceholderText);

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_search, 1);
    toolbar->addWidget(m_newButton);
    toolbar->addWidget(m_duplicateButton);
    toolbar->addWidget(m_deleteButton);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(toolbar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_results);
    return pane;
}

qint64 InventoryPage::selectedRecordId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(RecordTableModel::RecordIdRole).toLongLong();
}

bool InventoryPage::showsEmptyState() const
{
    return m_stack->currentIndex() == kEmptyIndex;
}

void InventoryPage::onCurrentRowChanged(const QModelIndex &current)
{
    if (m_syncing)
        return;
    const qint64 id = current.isValid() ? current.data(RecordTableModel::RecordIdRole).toLongLong() : 0;
    if (id != 0 && (id != m_editor->recordId() || m_editor->isNew())) {
        if (m_editor->confirmDiscard()) {
            m_editor->setRecord(id);
        } else {
            // Stay on the record being edited; the selection follows it back once this signal is done.
            QTimer::singleShot(0, this, &InventoryPage::syncSelection);
        }
    }
}

void InventoryPage::syncSelection()
{
    const qint64 id = m_editor->isNew() ? 0 : m_editor->recordId();
    const int sourceRow = id != 0 ? m_model->rowForId(id) : -1;
    const int proxyRow = sourceRow < 0 ? -1 : m_proxy->mapFromSource(m_model->index(sourceRow, 0)).row();
    if (proxyRow != m_view->selectionModel()->currentIndex().row() || proxyRow < 0) {
        m_syncing = true;
        if (proxyRow < 0)
            m_view->selectionModel()->clear();
        else
            selectRow(proxyRow);
        m_syncing = false;
    }
    updateResultsLabel();
    updateButtons();
    Q_EMIT selectionChanged();
}

void InventoryPage::selectRow(int proxyRow)
{
    const QModelIndex index = m_proxy->index(proxyRow, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

bool InventoryPage::showRecord(qint64 id)
{
    if (m_model->rowForId(id) < 0 && !m_search->text().isEmpty()) {
        m_search->clear();
        m_searchTimer->stop();
        m_model->setSearch({});
    }
    if (m_model->rowForId(id) < 0)
        return false;
    if ((id != m_editor->recordId() || m_editor->isNew()) && !m_editor->confirmDiscard())
        return false;
    m_emptyDismissed = true;
    updateEmptyState();
    if (id != m_editor->recordId() || m_editor->isNew())
        m_editor->setRecord(id);
    syncSelection();
    return true;
}

void InventoryPage::newRecord()
{
    if (m_readOnly || !m_editor->confirmDiscard())
        return;
    m_emptyDismissed = true;
    m_editor->startNew();
    updateEmptyState();
    syncSelection();
}

void InventoryPage::duplicateSelected()
{
    const qint64 id = selectedRecordId();
    if (id == 0 || m_readOnly || !m_editor->confirmDiscard())
        return;
    const Result<qint64> copy = m_workspaceEditor->duplicateRecord(id);
    if (!copy) {
        m_prompter->showError(this, copy.error().message);
        return;
    }
    m_editor->setRecord(copy.value());
    showRecord(copy.value());
}

QString InventoryPage::deleteQuestion(qint64 id, QString *error) const
{
    const Result<RecordSnapshot> snapshot = m_workspace->snapshot(id);
    if (!snapshot) {
        *error = snapshot.error().message;
        return {};
    }
    const RecordSnapshot &s = snapshot.value();
    QString question = tr("Delete the %1 “%2”?")
                           .arg(recordKindLabel(s.record.kind).toLower(), displayName(s.record.name, s.record.version));
    QStringList relations;
    for (const RelatedRecord &related : s.relations) {
        const QString other = displayName(related.otherName, related.otherVersion);
        const QString type = relationTypeLabel(related.relation.type);
        relations.append(related.outgoing ? tr("%1 %2", "relation type, other record").arg(type, other)
                                          : tr("%1 %2 it", "other record, relation type").arg(other, type));
    }
    if (!relations.isEmpty()) {
        question += u"\n\n"_s + tr("This also removes %n relation(s): %1.", "", static_cast<int>(relations.size()))
                                    .arg(relations.join(tr(", ", "list separator")));
    }
    if (!s.artifacts.isEmpty())
        question += u"\n\n"_s + tr("Its %n artifact(s) go too.", "", static_cast<int>(s.artifacts.size()));
    question += u"\n\n"_s + tr("You can undo this with Edit › Undo.");
    return question;
}

void InventoryPage::deleteSelected()
{
    const qint64 id = selectedRecordId();
    if (id == 0 || m_readOnly || !m_workspace)
        return;
    QString error;
    const QString question = deleteQuestion(id, &error);
    if (!error.isEmpty()) {
        m_prompter->showError(this, error);
        return;
    }
    if (!m_prompter->confirm(this, tr("Delete %1").arg(recordKindLabel(m_kind)), question))
        return;
    const int row = m_view->selectionModel()->currentIndex().row();
    const Status removed = m_workspaceEditor->removeRecord(id);
    if (!removed) {
        m_prompter->showError(this, removed.error().message);
        return;
    }
    // Keep the keyboard user in the list: the next record (or the new last one) becomes current.
    const int next = std::min(row, m_proxy->rowCount() - 1);
    if (next >= 0) {
        const qint64 nextId = m_proxy->index(next, 0).data(RecordTableModel::RecordIdRole).toLongLong();
        m_editor->setRecord(nextId);
    } else {
        m_editor->setRecord(0);
    }
    syncSelection();
}

void InventoryPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void InventoryPage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_editor->setReadOnly(readOnly);
    updateButtons();
}

void InventoryPage::updateEmptyState()
{
    bool empty = false;
    if (m_workspace && !m_emptyDismissed) {
        const Result<QMap<RecordKind, int>> counts = m_workspace->countsByKind();
        if (counts) {
            int total = 0;
            for (int count : counts.value())
                total += count;
            empty = total == 0;
        }
    }
    m_stack->setCurrentIndex(empty ? kEmptyIndex : kContentIndex);
}

void InventoryPage::updateResultsLabel()
{
    const int rows = m_proxy->rowCount();
    m_results->setText(m_model->search().isEmpty() ? tr("%n record(s)", "", rows)
                                                   : tr("%n record(s) match the search", "", rows));
}

void InventoryPage::updateButtons()
{
    const bool selected = selectedRecordId() != 0;
    m_newButton->setEnabled(!m_readOnly);
    m_duplicateButton->setEnabled(!m_readOnly && selected);
    m_deleteButton->setEnabled(!m_readOnly && selected);
}

void InventoryPage::showColumnMenu(const QPoint &position)
{
    QHeaderView *header = m_view->horizontalHeader();
    auto *menu = new QMenu(this);
    menu->setObjectName(u"columnMenu"_s);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (int column = 0; column < m_proxy->columnCount(); ++column) {
        QAction *action = menu->addAction(m_proxy->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The name identifies a row; it stays.
        action->setEnabled(column != RecordTableModel::Name);
        connect(action, &QAction::toggled, header,
                [header, column](bool shown) { header->setSectionHidden(column, !shown); });
    }
    menu->popup(header->viewport()->mapToGlobal(position));
}

QString InventoryPage::settingsGroup() const
{
    return u"inventory/"_s + recordKindKey(m_kind);
}

void InventoryPage::saveState() const
{
    QSettings settings;
    settings.beginGroup(settingsGroup());
    settings.setValue(u"header"_s, m_view->horizontalHeader()->saveState());
    settings.setValue(u"splitter"_s, m_splitter->saveState());
    settings.setValue(u"detailSplitter"_s, m_editor->saveSplitterState());
}

void InventoryPage::restoreState()
{
    QSettings settings;
    settings.beginGroup(settingsGroup());
    QHeaderView *header = m_view->horizontalHeader();
    if (header->restoreState(settings.value(u"header"_s).toByteArray()))
        m_view->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    const QByteArray splitter = settings.value(u"splitter"_s).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    m_editor->restoreSplitterState(settings.value(u"detailSplitter"_s).toByteArray());
}

} // namespace strata
