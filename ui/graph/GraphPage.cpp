// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "GraphPage.h"

#include "EmptyStateWidget.h"
#include "GraphController.h"
#include "GraphDetailsPanel.h"
#include "GraphExporter.h"
#include "GraphPainter.h"
#include "GraphProblemsPanel.h"
#include "GraphScene.h"
#include "GraphView.h"
#include "Prompter.h"
#include "TaskProgressWidget.h"
#include "graph/GraphStyle.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kSearchDelayMs = 150;
constexpr int kSearchResults = 20;
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kDefaultDepth = 3;
constexpr double kReadableScale = 0.8;
constexpr double kOverviewOnlyBelow = 0.25;

QString directionLabel(GraphDirection direction)
{
    switch (direction) {
    case GraphDirection::Upstream:
        return GraphPage::tr("Lineage: what it is made of");
    case GraphDirection::Downstream:
        return GraphPage::tr("Impact: what is built on it");
    case GraphDirection::Both:
        return GraphPage::tr("Lineage and impact");
    }
    return {};
}

QString tierLabel(LayoutTier tier)
{
    switch (tier) {
    case LayoutTier::Detailed:
        return GraphPage::tr("detailed layout");
    case LayoutTier::Fast:
        return GraphPage::tr("fast layout");
    case LayoutTier::Forest:
        return GraphPage::tr("large-graph layout");
    }
    return {};
}

/// The outline a kind of record is drawn with, as a character, so the legend teaches shapes and not colours alone.
QString shapeGlyph(NodeShape shape)
{
    switch (shape) {
    case NodeShape::Hexagon:
        return u"\u2b22"_s;
    case NodeShape::RoundedBox:
        return u"\u25a2"_s;
    case NodeShape::Cylinder:
        return u"\u26c1"_s;
    case NodeShape::Box:
        return u"\u25a0"_s;
    case NodeShape::Ellipse:
        return u"\u25ef"_s;
    }
    return u"\u25a0"_s;
}

QString legendHtml()
{
    QStringList parts;
    for (RecordKind kind : allRecordKinds())
        parts << u"<span style=\"color:%1\">%2</span> %3"_s.arg(graphstyle::kind(kind).stroke,
                                                                shapeGlyph(graphstyle::kind(kind).shape),
                                                                recordKindLabel(kind).toHtmlEscaped());
    // The badges carry a mark of their own ("!" and an up arrow), as on the nodes.
    parts << u"<b style=\"color:%1\">(!)</b> %2"_s.arg(graphstyle::riskColor(), GraphPage::tr("risky"));
    parts << u"<b style=\"color:%1\">(\u2191)</b> %2"_s.arg(graphstyle::inheritedRiskColor(),
                                                            GraphPage::tr("inherits risk"));
    return parts.join(u"&nbsp;&nbsp;"_s);
}

} // namespace

GraphPage::GraphPage(Workspace *workspace, Prompter *prompter, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_prompter(prompter)
    , m_controller(new GraphController(workspace, this))
    , m_exporter(new GraphExporter(this))
    , m_scene(new GraphScene(this))
{
    setObjectName(u"graphPage"_s);
    m_controller->setSizer([this](const GraphSnapshot &view) { return measure(view); });

    m_view = new GraphView(m_scene);
    m_details = new GraphDetailsPanel;
    m_problems = new GraphProblemsPanel;
    auto *side = new QSplitter(Qt::Vertical);
    side->setObjectName(u"graphSideSplitter"_s);
    side->setChildrenCollapsible(false);
    side->addWidget(m_details);
    side->addWidget(m_problems);
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 1);
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(u"graphSplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 1);
    splitter->setSizes({800, 300});

    m_empty = new EmptyStateWidget;
    m_empty->setObjectName(u"graphEmptyState"_s);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_empty);
    m_stack->addWidget(splitter);

    m_summary = new QLabel;
    m_summary->setObjectName(u"graphSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_message = new QLabel;
    m_message->setObjectName(u"graphMessage"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    auto *legend = new QLabel(legendHtml());
    legend->setObjectName(u"graphLegend"_s);
    legend->setTextFormat(Qt::RichText);
    m_progress = new TaskProgressWidget(u"graph"_s, tr("Cancel drawing the graph"));
    m_progress->hide();
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_summary);
    bottom->addWidget(m_message, 1);
    bottom->addWidget(legend);
    bottom->addWidget(m_progress);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 4);
    layout->addWidget(createToolbar());
    layout->addWidget(m_stack, 1);
    layout->addLayout(bottom);

    connect(m_controller, &GraphController::busyChanged, this, [this](bool busy) {
        m_progress->setVisible(busy || m_scene->isBuilding());
        if (busy)
            m_message->clear();
    });
    connect(m_controller, &GraphController::progress, this, [this](const QString &text, int value, int maximum) {
        m_progress->setText(text);
        m_progress->setProgress(value, maximum);
    });
    connect(m_progress, &TaskProgressWidget::cancelRequested, this, [this] {
        m_controller->cancel();
        m_progress->hide();
        showMessage(tr("Cancelled; the previous view stays."));
    });
    connect(m_controller, &GraphController::viewReady, this, &GraphPage::onViewReady);
    connect(m_controller, &GraphController::failed, this, &GraphPage::onFailed);
    connect(m_controller, &GraphController::graphLoaded, this, &GraphPage::updateSuppliers);
    connect(m_controller, &GraphController::graphLoaded, this,
            [this] { m_problems->setProblems(m_controller->problems(), m_controller->graph()); });
    connect(m_problems, &GraphProblemsPanel::focusRequested, this, &GraphPage::focusOn);
    connect(m_controller, &GraphController::stale, this, [this] {
        m_stale = true;
        if (isVisible())
            QTimer::singleShot(300, this, [this] {
                if (m_stale && isVisible()) {
                    m_stale = false;
                    ask();
                }
            });
    });
    connect(m_scene, &GraphScene::buildProgress, this, [this](int done, int total) {
        if (done < total) {
            m_progress->show();
            m_progress->setText(tr("Drawing %n record(s)…", "", total));
            m_progress->setProgress(done, total);
        } else if (!m_controller->isBusy()) {
            m_progress->hide();
        }
    });
    connect(m_view, &GraphView::recordClicked, this, &GraphPage::selectRecord);
    connect(m_view, &GraphView::recordDoubleClicked, this, &GraphPage::focusOn);
    connect(m_details, &GraphDetailsPanel::openRequested, this, &GraphPage::openRecordRequested);
    connect(m_details, &GraphDetailsPanel::focusRequested, this, &GraphPage::focusOn);
    connect(m_exporter, &GraphExporter::finished, this, [this](const QString &path, const QString &error) {
        if (!error.isEmpty())
            m_prompter->showError(this, error);
        else
            showMessage(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
    });
}

GraphPage::~GraphPage()
{
    m_controller->cancel();
}

QWidget *GraphPage::createToolbar()
{
    m_search = new QLineEdit;
    m_search->setObjectName(u"graphSearch"_s);
    m_search->setPlaceholderText(tr("Find a record to focus on…"));
    m_search->setAccessibleName(tr("Find a record to focus on"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    m_searchModel = new QStandardItemModel(this);
    auto *completer = new QCompleter(m_searchModel, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_search->setCompleter(completer);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);
    connect(m_search, &QLineEdit::textEdited, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &GraphPage::updateSearch);
    connect(completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &i) { focusOn(i.data(kIdRole).toLongLong()); });
    connect(m_search, &QLineEdit::returnPressed, this, &GraphPage::focusFromSearch);

    m_direction = new QComboBox;
    m_direction->setObjectName(u"graphDirection"_s);
    m_direction->setAccessibleName(tr("Question"));
    for (GraphDirection d : {GraphDirection::Upstream, GraphDirection::Downstream, GraphDirection::Both})
        m_direction->addItem(directionLabel(d), int(d));
    m_direction->setCurrentIndex(2);
    connect(m_direction, &QComboBox::currentIndexChanged, this, [this] {
        if (m_focus)
            ask();
    });

    m_depth = new QSpinBox;
    m_depth->setObjectName(u"graphDepth"_s);
    m_depth->setAccessibleName(tr("Hops"));
    m_depth->setRange(0, 50);
    m_depth->setSpecialValueText(tr("All hops"));
    m_depth->setPrefix(tr("Hops: "));
    m_depth->setValue(kDefaultDepth);
    m_depth->setToolTip(tr("How many relations away from the focused record to go"));
    connect(m_depth, &QSpinBox::valueChanged, this, [this] {
        if (m_focus)
            ask();
    });

    m_wholeButton = new QToolButton;
    m_wholeButton->setObjectName(u"graphWholeButton"_s);
    m_wholeButton->setText(tr("Whole Workspace"));
    m_wholeButton->setToolTip(tr("Show every record; large workspaces are drawn with less detail"));
    connect(m_wholeButton, &QToolButton::clicked, this, &GraphPage::showWholeWorkspace);

    auto *filters = new QMenu(this);
    filters->addSection(tr("Kinds"));
    for (RecordKind kind : allRecordKinds()) {
        QAction *a = filters->addAction(recordKindPluralLabel(kind));
        a->setObjectName(u"filterKind_"_s + recordKindKey(kind));
        a->setCheckable(true);
        a->setChecked(true);
        a->setData(int(kind));
        connect(a, &QAction::toggled, this, &GraphPage::ask);
        m_kindActions << a;
    }
    filters->addSection(tr("Relations"));
    for (RelationType type : allRelationTypes()) {
        QAction *a = filters->addAction(relationTypeLabel(type));
        a->setObjectName(u"filterRelation_"_s + relationTypeKey(type));
        a->setCheckable(true);
        a->setChecked(true);
        a->setData(int(type));
        connect(a, &QAction::toggled, this, &GraphPage::ask);
        m_relationActions << a;
    }
    m_filterButton = new QToolButton;
    m_filterButton->setObjectName(u"graphFilterButton"_s);
    m_filterButton->setText(tr("Filters"));
    m_filterButton->setMenu(filters);
    m_filterButton->setPopupMode(QToolButton::InstantPopup);

    m_supplier = new QComboBox;
    m_supplier->setObjectName(u"graphSupplierFilter"_s);
    m_supplier->setAccessibleName(tr("Supplier filter"));
    m_supplier->addItem(tr("Any supplier"), 0);
    m_supplier->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_supplier, &QComboBox::currentIndexChanged, this, &GraphPage::ask);

    m_fitButton = new QToolButton;
    m_fitButton->setObjectName(u"graphFitButton"_s);
    m_fitButton->setText(tr("Fit"));
    m_fitButton->setToolTip(tr("Zoom to show the whole view (F)"));
    connect(m_fitButton, &QToolButton::clicked, m_view, &GraphView::zoomToFit);

    auto *exportMenu = new QMenu(this);
    for (GraphFormat format : {GraphFormat::Svg, GraphFormat::Png, GraphFormat::Dot}) {
        QAction *a = exportMenu->addAction(tr("%1…").arg(GraphExport::formatKey(format).toUpper()));
        a->setObjectName(u"graphExport_"_s + GraphExport::formatKey(format));
        connect(a, &QAction::triggered, this, [this, format] { exportView(format); });
    }
    m_exportButton = new QToolButton;
    m_exportButton->setObjectName(u"graphExportButton"_s);
    m_exportButton->setText(tr("Export"));
    m_exportButton->setMenu(exportMenu);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setEnabled(false);

    auto *bar = new QWidget;
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_search, 2);
    row->addWidget(m_direction);
    row->addWidget(m_depth);
    row->addWidget(m_wholeButton);
    row->addWidget(m_filterButton);
    row->addWidget(m_supplier);
    row->addStretch(1);
    row->addWidget(m_fitButton);
    row->addWidget(m_exportButton);
    return bar;
}

void GraphPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_workspace)
        return;
    if (!m_started) {
        m_started = true;
        const Result<QMap<RecordKind, int>> counts = m_workspace->countsByKind();
        int total = 0;
        for (int n : counts.ok() ? counts.value().values() : QList<int>())
            total += n;
        if (total == 0) {
            m_empty->setTitle(tr("No records to draw"));
            m_empty->setText(tr("The graph shows how suppliers, models, datasets, software and services are related. "
                                "Add records and relations on the inventory pages, or import a BOM."));
        } else if (total <= kWholeGraphAtStart) {
            showWholeWorkspace();
        } else {
            m_empty->setTitle(tr("Pick a record"));
            m_empty->setText(tr("This workspace has %n record(s). Find one above to see what it is made of and what "
                                "is built on it, or show the whole workspace.",
                                "", total));
        }
        return;
    }
    if (m_stale) {
        m_stale = false;
        ask();
    }
}

GraphQuestion GraphPage::questionFromControls(qint64 focus) const
{
    GraphQuestion q;
    q.focus = focus;
    q.direction = static_cast<GraphDirection>(m_direction->currentData().toInt());
    q.depth = m_depth->value() == 0 ? -1 : m_depth->value();
    q.kinds = 0;
    for (QAction *a : m_kindActions) {
        if (a->isChecked())
            q.kinds |= GraphQuestion::kindBit(static_cast<RecordKind>(a->data().toInt()));
    }
    q.relations = 0;
    for (QAction *a : m_relationActions) {
        if (a->isChecked())
            q.relations |= relationBit(static_cast<RelationType>(a->data().toInt()));
    }
    q.supplier = m_supplier->currentData().toLongLong();
    return q;
}

void GraphPage::ask()
{
    if (!m_started)
        return;
    m_controller->ask(questionFromControls(m_focus));
}

void GraphPage::focusOn(qint64 id)
{
    if (id == 0)
        return;
    m_started = true;
    m_focus = id;
    ask();
}

void GraphPage::showWholeWorkspace()
{
    m_started = true;
    m_focus = 0;
    ask();
}

void GraphPage::setDirection(GraphDirection direction)
{
    m_direction->setCurrentIndex(m_direction->findData(int(direction)));
}

void GraphPage::setDepth(int depth)
{
    m_depth->setValue(depth < 0 ? 0 : depth);
}

void GraphPage::selectRecord(qint64 id)
{
    m_scene->setSelectedRecord(id);
    m_details->showRecord(m_shown, id);
    if (id != 0)
        Q_EMIT recordSelected(id);
}

void GraphPage::onViewReady(std::shared_ptr<const GraphViewData> data)
{
    m_shown = data;
    m_stack->setCurrentIndex(1);
    m_exportButton->setEnabled(true);
    const qint64 selected = m_scene->selectedRecord();
    m_scene->setData(data);
    m_view->sceneReplaced();
    m_view->zoomToFit();
    // A fitted view too small to read: show the focus readable, or a whole view that almost fits just readable;
    // the minimap shows where the rest is. Views far too large to read stay fitted, as an overview.
    if (data->question.focus && m_view->scale() < graphpainter::kTextFrom) {
        m_view->zoomBy(kReadableScale / m_view->scale());
        m_view->centerOnRecord(data->question.focus);
    } else if (m_view->scale() < graphpainter::kTextFrom && m_view->scale() > kOverviewOnlyBelow) {
        m_view->zoomBy(graphpainter::kTextFrom * 1.05 / m_view->scale());
        m_view->centerOn(m_scene->sceneRect().center());
    }
    const qint64 shownRecord = m_scene->indexOf(selected) >= 0 ? selected : data->question.focus;
    m_scene->setSelectedRecord(m_scene->indexOf(selected) >= 0 ? selected : 0);
    m_details->showRecord(data, shownRecord);

    const QString summary =
        tr("%1, %2 · %3", "records, relations · layout")
            .arg(tr("%n record(s)", "", int(data->view.nodes.size())),
                 tr("%n relation(s)", "", int(data->view.edges.size())), tierLabel(data->layout.tier));
    m_summary->setText(data->layoutFromCache ? tr("%1 (layout kept from last time)").arg(summary) : summary);
    if (data->question.focus) {
        for (int i = 0; i < data->view.nodes.size(); ++i) {
            if (data->view.nodes.at(i).id == data->question.focus)
                m_search->setText(data->view.nodes.at(i).name);
        }
    }
    Q_EMIT viewShown();
}

void GraphPage::onFailed(const QString &message)
{
    m_progress->hide();
    showMessage(message);
}

void GraphPage::showMessage(const QString &message)
{
    m_message->setText(message);
}

void GraphPage::updateSuppliers()
{
    const std::shared_ptr<const LineageGraph> graph = m_controller->graph();
    if (!graph)
        return;
    const qint64 current = m_supplier->currentData().toLongLong();
    QList<std::pair<QString, qint64>> suppliers;
    for (int v = 0; v < graph->nodeCount(); ++v) {
        if (graph->node(v).kind == RecordKind::Supplier)
            suppliers.append({graph->node(v).name, graph->node(v).id});
    }
    std::sort(suppliers.begin(), suppliers.end(),
              [](const auto &a, const auto &b) { return QString::localeAwareCompare(a.first, b.first) < 0; });
    const QSignalBlocker blocker(m_supplier);
    m_supplier->clear();
    m_supplier->addItem(tr("Any supplier"), 0);
    for (const auto &[name, id] : std::as_const(suppliers))
        m_supplier->addItem(name, id);
    m_supplier->setCurrentIndex(std::max(0, m_supplier->findData(current)));
}

void GraphPage::updateSearch()
{
    m_searchModel->clear();
    const QString text = m_search->text().trimmed();
    if (!m_workspace || text.isEmpty())
        return;
    RecordQuery query(std::nullopt, text);
    query.limit = kSearchResults;
    const Result<QList<RecordSummary>> found = m_workspace->list(query);
    if (!found)
        return;
    for (const RecordSummary &s : found.value()) {
        const QString label = s.version.isEmpty()
                                  ? tr("%1 — %2").arg(s.name, recordKindLabel(s.kind).toLower())
                                  : tr("%1 %2 — %3").arg(s.name, s.version, recordKindLabel(s.kind).toLower());
        auto *item = new QStandardItem(label);
        item->setData(s.id, kIdRole);
        m_searchModel->appendRow(item);
    }
    m_search->completer()->complete();
}

void GraphPage::focusFromSearch()
{
    const QString text = m_search->text().trimmed();
    if (!m_workspace || text.isEmpty())
        return;
    if (const Result<qint64> id = m_workspace->resolve(text)) {
        focusOn(id.value());
        return;
    }
    updateSearch();
    if (m_searchModel->rowCount() > 0) {
        focusOn(m_searchModel->item(0)->data(kIdRole).toLongLong());
        return;
    }
    showMessage(tr("No record matches \"%1\".").arg(text));
}

QVector<QSizeF> GraphPage::measure(const GraphSnapshot &view) const
{
    QFont font = this->font();
    font.setPointSizeF(9);
    font.setBold(true); // the focus is drawn bold: every box has room for it
    const QFontMetricsF metrics(font);
    QVector<QSizeF> sizes;
    sizes.reserve(view.nodes.size());
    for (const GraphNode &n : view.nodes) {
        const double text = std::max(metrics.horizontalAdvance(n.name), metrics.horizontalAdvance(n.version));
        sizes.append(QSizeF(std::clamp(text + 30, 90.0, 260.0), n.version.isEmpty() ? 34.0 : 46.0));
    }
    return sizes;
}

void GraphPage::exportView(GraphFormat format, const QString &path)
{
    if (!m_shown)
        return;
    QString target = path;
    const QString suffix = GraphExport::formatKey(format);
    if (target.isEmpty()) {
        target =
            m_prompter->saveFileName(this, tr("Export Graph"), tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
        if (target.isEmpty())
            return;
        if (QFileInfo(target).suffix().isEmpty())
            target += u"."_s + suffix;
    }
    showMessage(tr("Saving %1…").arg(QDir::toNativeSeparators(target)));
    m_exporter->save(m_shown, format, target);
}

} // namespace strata
