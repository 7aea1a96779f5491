// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "GraphController.h"

#include "PoolJob.h"
#include "graph/GraphCache.h"
#include "graph/GraphExport.h"
#include "graph/GraphQueries.h"
#include "graph/GraphvizEngine.h"
#include "workspace/Workspace.h"

#include <QFutureWatcher>
#include <QTimer>

#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

/// Time one slice of reading may hold the GUI thread; the window must answer within 50 ms.
constexpr qint64 kSliceBudgetMs = 25;
constexpr int kMinSliceRows = 500;
constexpr int kMaxSliceRows = 200000;
constexpr int kRefreshDelayMs = 300;

/// A worker's answer, handed to the GUI thread when its future finishes.
template<typename T>
void runInWorker(QObject *context, std::function<T()> work, std::function<void(T)> done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(runPoolJob(std::move(work)));
}

struct Indexed
{
    std::shared_ptr<const LineageGraph> graph;
    std::shared_ptr<const RiskMap> risk;
    std::shared_ptr<const GraphProblems> problems;
};

std::shared_ptr<const GraphProblems> findProblems(const LineageGraph &graph)
{
    auto problems = std::make_shared<GraphProblems>();
    for (const QVector<int> &group : graphquery::cycles(graph)) {
        QVector<qint64> ids;
        ids.reserve(group.size());
        for (int v : group)
            ids.append(graph.node(v).id);
        problems->cycles.append(ids);
    }
    for (int v : graphquery::orphans(graph))
        problems->orphans.append(graph.node(v).id);
    return problems;
}

/// The most hops from the focus whose records fit in `limit`; -1 when even one hop has too many. Filters on kinds
/// and suppliers only remove records, so the answer is safe with them too.
int depthThatFits(const LineageGraph &graph, const GraphQuestion &question, int limit)
{
    const int focus = graph.indexOf(question.focus);
    if (focus < 0)
        return -1;
    const auto fits = [&](int depth) {
        return graphquery::traverse(graph, focus, {question.direction, depth, question.relations}).reached.size() <=
               limit;
    };
    // Binary search between a depth that fits and one that does not (the asked depth, or the farthest record).
    int low = 0;
    int high = question.depth;
    if (high < 0) {
        for (const ReachedNode &r :
             graphquery::traverse(graph, focus, {question.direction, -1, question.relations}).reached)
            high = std::max(high, r.distance);
    }
    while (high - low > 1) {
        const int middle = low + (high - low) / 2;
        (fits(middle) ? low : high) = middle;
    }
    return low >= 1 ? low : -1;
}

} // namespace

GraphController::GraphController(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_cache(new GraphCache(workspace, this))
    , m_sliceTimer(new QTimer(this))
{
    m_sliceTimer->setInterval(0);
    connect(m_sliceTimer, &QTimer::timeout, this, &GraphController::loadSlice);
    connect(m_cache, &GraphCache::invalidated, this, [this] {
        m_graph.reset();
        m_risk.reset();
        m_problems.reset();
        if (m_asked)
            Q_EMIT stale();
    });
}

GraphController::~GraphController()
{
    if (m_cancel)
        m_cancel->store(true);
}

void GraphController::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

void GraphController::ask(const GraphQuestion &question)
{
    cancel();
    m_question = question;
    m_asked = true;
    setBusy(true);
    if (!m_graph) {
        Q_EMIT progress(tr("Reading the workspace…"), 0, 0);
        m_sliceTimer->start();
        return;
    }
    compose();
}

void GraphController::refresh()
{
    if (m_asked)
        ask(m_question);
}

void GraphController::cancel()
{
    ++m_job;
    m_sliceTimer->stop();
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    setBusy(false);
}

void GraphController::loadSlice()
{
    if (!m_workspace) {
        fail(tr("No workspace is open."));
        return;
    }
    QElapsedTimer timer;
    timer.start();
    const Result<bool> done = m_cache->loadSlice(m_sliceRows);
    if (!done) {
        fail(done.error().message);
        return;
    }
    // Keep each slice near the budget, whatever the machine and the workspace.
    const qint64 spent = std::max<qint64>(1, timer.elapsed());
    m_sliceRows = std::clamp(int(m_sliceRows * kSliceBudgetMs / spent), kMinSliceRows, kMaxSliceRows);
    const qint64 total = m_cache->rowsTotal();
    Q_EMIT progress(tr("Reading the workspace…"), int(std::min<qint64>(m_cache->rowsRead(), total)),
                    int(std::max<qint64>(total, 1)));
    if (done.value()) {
        m_sliceTimer->stop();
        indexLoaded();
    }
}

void GraphController::indexLoaded()
{
    const quint64 job = m_job;
    const quint64 generation = m_cache->generation();
    auto snapshot = std::make_shared<GraphSnapshot>(m_cache->takeSnapshot());
    Q_EMIT progress(tr("Indexing %n record(s)…", "", int(snapshot->nodes.size())), 0, 0);
    runInWorker<Indexed>(
        this,
        [snapshot] {
            auto graph = std::make_shared<const LineageGraph>(std::move(*snapshot));
            auto risk = std::make_shared<const RiskMap>(GraphRisk::propagate(*graph));
            return Indexed{graph, risk, findProblems(*graph)};
        },
        [this, job, generation](Indexed indexed) {
            if (!m_cache->adopt(indexed.graph, generation)) {
                // The workspace changed while indexing: read it again if the question still stands.
                if (job == m_job) {
                    Q_EMIT progress(tr("Reading the workspace…"), 0, 0);
                    m_sliceTimer->start();
                }
                return;
            }
            m_graph = indexed.graph;
            m_risk = indexed.risk;
            m_problems = indexed.problems;
            Q_EMIT graphLoaded();
            if (job == m_job)
                compose();
        });
}

GraphSnapshot GraphController::cutView(const LineageGraph &graph, const GraphQuestion &question)
{
    QVector<int> nodes;
    int focus = -1;
    if (question.focus != 0) {
        focus = graph.indexOf(question.focus);
        if (focus < 0)
            return {};
        const Traversal t =
            graphquery::traverse(graph, focus, {question.direction, question.depth, question.relations});
        nodes.reserve(t.reached.size());
        for (const ReachedNode &r : t.reached)
            nodes.append(r.node);
    } else {
        nodes.reserve(graph.nodeCount());
        for (int v = 0; v < graph.nodeCount(); ++v)
            nodes.append(v);
    }
    std::vector<char> supplied;
    if (question.supplier != 0) {
        supplied.assign(graph.nodeCount(), 0);
        const int s = graph.indexOf(question.supplier);
        if (s >= 0) {
            for (const ReachedNode &r : graphquery::suppliedBy(graph, s).reached)
                supplied[r.node] = 1;
        }
    }
    QVector<int> kept;
    kept.reserve(nodes.size());
    for (int v : std::as_const(nodes)) {
        if (v != focus) {
            if (!(question.kinds & GraphQuestion::kindBit(graph.node(v).kind)))
                continue;
            if (!supplied.empty() && !supplied[v])
                continue;
        }
        kept.append(v);
    }
    return graphquery::subgraph(graph, kept, question.relations);
}

void GraphController::compose()
{
    const quint64 job = m_job;
    const GraphQuestion question = m_question;
    const std::shared_ptr<const LineageGraph> graph = m_graph;
    const std::shared_ptr<const RiskMap> risk = m_risk;
    Q_EMIT progress(tr("Finding the records…"), 0, 0);
    runInWorker<std::shared_ptr<GraphViewData>>(
        this,
        [question, graph, risk] {
            auto data = std::make_shared<GraphViewData>();
            data->question = question;
            data->graph = graph;
            data->risk = risk;
            data->view = cutView(*graph, question);
            if (question.focus != 0 && data->view.nodes.size() > kMaxViewNodes)
                data->depthThatFits = depthThatFits(*graph, question, kMaxViewNodes);
            data->reasons.reserve(data->view.nodes.size());
            data->inherits.reserve(data->view.nodes.size());
            for (const GraphNode &n : std::as_const(data->view.nodes)) {
                const NodeRisk &r = risk->nodes.at(graph->indexOf(n.id));
                data->reasons.append(r.reasons);
                data->inherits.append(r.inherits());
            }
            return data;
        },
        [this, job](std::shared_ptr<GraphViewData> data) {
            if (job != m_job)
                return;
            if (data->question.focus != 0 && data->view.nodes.isEmpty()) {
                fail(tr("Record %1 is no longer in the workspace.").arg(data->question.focus));
                return;
            }
            if (data->view.nodes.size() > kMaxViewNodes) {
                fail(tooLarge(*data));
                return;
            }
            layOut(data);
        });
}

QString GraphController::tooLarge(const GraphViewData &data)
{
    const int records = int(data.view.nodes.size());
    if (data.question.focus == 0)
        return tr("The whole workspace has %n record(s); the graph draws at most %1. Find a record above to focus on, "
                  "or hide kinds of records or relations in Filters.",
                  "", records)
            .arg(kMaxViewNodes);
    if (data.depthThatFits >= 1)
        return tr("This view has %n record(s); the graph draws at most %1. Set Hops to %2 or fewer to see the nearest "
                  "ones, or narrow it in Filters or with a supplier.",
                  "", records)
            .arg(kMaxViewNodes)
            .arg(data.depthThatFits);
    return tr("This view has %n record(s); the graph draws at most %1, and even the records one hop away are more. "
              "Hide kinds of records or relations in Filters, or pick a supplier.",
              "", records)
        .arg(kMaxViewNodes);
}

void GraphController::layOut(std::shared_ptr<GraphViewData> data)
{
    LayoutRequest request;
    request.view = data->view;
    if (m_sizer && data->view.nodes.size() <= kMeasuredNodes) {
        request.sizes = m_sizer(data->view);
    } else {
        request.sizes.reserve(data->view.nodes.size());
        for (const GraphNode &n : std::as_const(data->view.nodes))
            request.sizes.append(GraphExport::estimatedSize(n));
    }
    const QByteArray key = GraphLayout::key(request);
    if (m_workspace) {
        if (const Result<QByteArray> stored = m_workspace->storedLayout(key); stored && !stored.value().isEmpty()) {
            if (std::optional<GraphLayoutResult> cached = GraphLayout::fromBytes(stored.value(), request)) {
                data->layout = std::move(*cached);
                data->layoutFromCache = true;
                finish(data);
                return;
            }
        }
    }
    const quint64 job = m_job;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const std::shared_ptr<std::atomic<bool>> cancelFlag = m_cancel;
    // A cancelled layout still running in dot holds Graphviz until it returns; say so rather than look stuck.
    Q_EMIT progress(GraphvizEngine::isBusy()
                        ? tr("Waiting for a cancelled layout to end, then laying out %n record(s)…", "",
                             int(data->view.nodes.size()))
                        : tr("Laying out %n record(s)…", "", int(data->view.nodes.size())),
                    0, 0);
    runInWorker<std::shared_ptr<Result<GraphLayoutResult>>>(
        this,
        [request, cancelFlag] {
            return std::make_shared<Result<GraphLayoutResult>>(GraphLayout::compute(request, cancelFlag.get()));
        },
        [this, job, key, data](std::shared_ptr<Result<GraphLayoutResult>> layout) {
            if (job != m_job)
                return;
            if (!layout->ok()) {
                fail(layout->error().message);
                return;
            }
            data->layout = std::move(*layout).value();
            if (m_workspace) {
                // A cache: failing to keep it (a full disk, a read-only file) costs only time next time.
                const Status stored =
                    m_workspace->storeLayout(key, GraphLayout::toBytes(data->layout), int(data->view.nodes.size()));
                Q_UNUSED(stored)
            }
            finish(data);
        });
}

void GraphController::finish(std::shared_ptr<GraphViewData> data)
{
    m_cancel.reset();
    setBusy(false);
    Q_EMIT viewReady(std::move(data));
}

void GraphController::fail(const QString &message)
{
    m_sliceTimer->stop();
    m_cancel.reset();
    setBusy(false);
    Q_EMIT failed(message);
}

} // namespace strata
