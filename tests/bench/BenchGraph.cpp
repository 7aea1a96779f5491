// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0

// bench_graph: the lineage graph at scale (issue 4). Every figure has a reference measured in the same run.
//  1. impact of a record with N descendants in a workspace of 10 N relations (--records N, default 100,000):
//     from the database (Workspace::graph through the relation indexes, indexed, walked) and on the cached
//     adjacency (GraphCache's LineageGraph); reference: a recursive CTE counting the same records through the raw
//     C API. Targets: <= 200 ms and <= 10 ms.
//  2. layout of a 5,000-record impact-shaped view: GraphLayout by tier against plain `dot -Tsvg` on the same boxes
//     and edges, with the crossings each gives up. Target: <= 0.2 x dot.
//  3. layout of 20,000 records on a worker (QtConcurrent), with the longest stall of the GUI thread's event loop
//     meanwhile, and the scene built in slices. Target: <= 5 s.
//  4. painting a 20,000-record scene offscreen: pan at 1:1 and fit-all, against raw QPainter drawing the same
//     primitives into a QImage. Targets: <= 16.7 ms and <= 33 ms per frame.

#include "BenchData.h"
#include "BenchGraphData.h"
#include "BenchSupport.h"
#include "GraphPainter.h"
#include "GraphScene.h"
#include "GraphView.h"
#include "graph/GraphCache.h"
#include "graph/GraphLayout.h"
#include "graph/GraphQueries.h"
#include "graph/GraphRisk.h"
#include "workspace/Workspace.h"

#include <QApplication>
#include <QFile>
#include <QFutureWatcher>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::bench;

namespace {

constexpr double kImpactDbTargetMs = 200;
constexpr double kImpactCachedTargetMs = 10;
constexpr double kLayoutRatioTarget = 0.2;
constexpr double kWorkerTargetMs = 5000;
constexpr double kPanTargetMs = 16.7;
constexpr double kFitTargetMs = 33;
constexpr int kFrames = 20;
constexpr QSize kViewport(1280, 800);

struct Sizes
{
    int descendants;
    int layoutNodes;
    int largeNodes;
};

Sizes sizesFor(const Options &o)
{
    return {o.records, std::clamp(o.records / 20, 100, 5000), std::clamp(o.records / 5, 200, 20000)};
}

QVector<qint64> sortedIds(const LineageGraph &graph, const Traversal &t)
{
    QVector<qint64> ids;
    ids.reserve(t.reached.size());
    for (int i = 1; i < t.reached.size(); ++i)
        ids << graph.node(t.reached.at(i).node).id;
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool benchImpact(const WorkDir &dir, const Options &o, const Sizes &sizes)
{
    say(u"-- 1. impact of a record with %1 descendants in %2 relations"_s.arg(grouped(sizes.descendants),
                                                                              grouped(10.0 * sizes.descendants)));
    const QString path = dir.freshFile(u"impact.strata"_s);
    ImpactWorkspace made;
    const Stopwatch build;
    if (!writeImpactWorkspace(path, sizes.descendants, made))
        return false;
    say(u"generated %1 records and %2 relations in %3 s"_s.arg(grouped(made.records), grouped(made.relations),
                                                               fixed(build.ms() / 1000)));

    QVector<double> raw;
    QVector<double> rawCpu;
    {
        RawDb db;
        if (!db.open(path))
            return false;
        const QString cte = u"WITH RECURSIVE d(id) AS (SELECT ? UNION SELECT x.from_id FROM relation x JOIN d ON "
                            "x.to_id = d.id) SELECT count(*) - 1 FROM d"_s;
        for (int r = 0; r < o.runs; ++r) {
            const Stopwatch clock;
            const qint64 count = db.scalar(cte, QString::number(made.root));
            raw << clock.ms();
            rawCpu << clock.cpuMs();
            if (count != made.descendants) {
                fail(u"the raw CTE counts %1 descendants, expected %2"_s.arg(count).arg(made.descendants));
                return false;
            }
        }
    }

    Result<std::unique_ptr<Workspace>> opened = Workspace::open(path, Database::OpenMode::ExistingOnly);
    if (!opened) {
        fail(opened.error().message);
        return false;
    }
    Workspace &workspace = *opened.value();
    QVector<double> fromDb;
    QVector<double> fromDbCpu;
    QVector<qint64> dbIds;
    for (int r = 0; r < o.runs; ++r) {
        const Stopwatch clock;
        Result<GraphSnapshot> part = workspace.graph({made.root, GraphDirection::Downstream, -1});
        if (!part) {
            fail(part.error().message);
            return false;
        }
        const LineageGraph graph(std::move(part).value());
        const Traversal t = graphquery::impact(graph, graph.indexOf(made.root));
        fromDb << clock.ms();
        fromDbCpu << clock.cpuMs();
        dbIds = sortedIds(graph, t);
    }

    GraphCache cache(&workspace);
    const Stopwatch fill;
    const auto cached = cache.graph();
    const double fillMs = fill.ms();
    if (!cached) {
        fail(cached.error().message);
        return false;
    }
    const Stopwatch riskClock;
    const RiskMap risk = GraphRisk::propagate(*cached.value());
    const double riskMs = riskClock.ms();
    QVector<double> inMemory;
    QVector<qint64> memoryIds;
    for (int r = 0; r < std::max(o.runs, 10); ++r) {
        const Stopwatch clock;
        const Traversal t = graphquery::impact(*cached.value(), cached.value()->indexOf(made.root));
        inMemory << clock.ms();
        if (r == 0)
            memoryIds = sortedIds(*cached.value(), t);
    }
    if (dbIds.size() != made.descendants || dbIds != memoryIds) {
        fail(u"impact found %1 records from the database and %2 in memory; expected %3, the same ones"_s
                 .arg(dbIds.size())
                 .arg(memoryIds.size())
                 .arg(made.descendants));
        return false;
    }
    if (cached.value()->edgeCount() != made.relations || risk.nodes.size() != made.records) {
        fail(
            u"the cached graph holds %1 relations, expected %2"_s.arg(cached.value()->edgeCount()).arg(made.relations));
        return false;
    }

    // CPU time too: on a shared machine the wall time also counts the waits for a core.
    Table table({u"variant"_s, u"median ms"_s, u"CPU ms"_s, u"max ms"_s, u"target"_s});
    table.addRow({u"reference: raw recursive CTE, count only"_s,
                  fixed(median(raw), 1),
                  fixed(median(rawCpu), 1),
                  fixed(maximum(raw), 1),
                  {}});
    table.addRow({u"from the database: Workspace::graph + index + impact"_s, fixed(median(fromDb), 1),
                  fixed(median(fromDbCpu), 1), fixed(maximum(fromDb), 1),
                  u"<= %1 ms %2"_s.arg(kImpactDbTargetMs).arg(verdict(median(fromDb) <= kImpactDbTargetMs))});
    table.addRow({u"cached adjacency: graphquery::impact"_s,
                  fixed(median(inMemory), 2),
                  {},
                  fixed(maximum(inMemory), 2),
                  u"<= %1 ms %2"_s.arg(kImpactCachedTargetMs).arg(verdict(median(inMemory) <= kImpactCachedTargetMs))});
    table.addRow({u"filling the cache once: whole graph read and indexed"_s, fixed(fillMs, 0), {}, {}, {}});
    table.addRow({u"risk propagation over the whole graph"_s, fixed(riskMs, 0), {}, {}, {}});
    table.print();
    opened.value().reset();
    dir.discard(path);
    return true;
}

bool benchLayout(const WorkDir &dir, const Options &o, const Sizes &sizes)
{
    say();
    say(u"-- 2. layout of a %1-record impact-shaped view"_s.arg(grouped(sizes.layoutNodes)));
    const GraphSnapshot view = impactShapedView(sizes.layoutNodes, kSeed);
    const QString dotProgram = QStandardPaths::findExecutable(u"dot"_s);
    if (dotProgram.isEmpty()) {
        fail(u"Graphviz's dot program is not installed (Debian package graphviz): no reference"_s);
        return false;
    }
    const QString dotFile = dir.freshFile(u"plain.dot"_s);
    QFile file(dotFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(plainDot(view)) < 0)
        return false;
    file.close();

    QVector<double> plain;
    for (int r = 0; r < o.runs; ++r) {
        QProcess dot;
        dot.setStandardOutputFile(QProcess::nullDevice());
        const Stopwatch clock;
        dot.start(dotProgram, {u"-Tsvg"_s, dotFile});
        if (!dot.waitForFinished(-1) || dot.exitCode() != 0) {
            fail(u"dot -Tsvg failed: %1"_s.arg(QString::fromUtf8(dot.readAllStandardError())));
            return false;
        }
        plain << clock.ms();
    }

    Table table({u"layout"_s, u"median ms"_s, u"x plain dot"_s, u"crossings"_s, u"target"_s});
    table.addRow({u"reference: plain dot -Tsvg (process)"_s, fixed(median(plain), 0), u"1.00"_s, {}, {}});
    const auto measure = [&](LayoutTier tier, int runs) -> std::optional<std::pair<double, qint64>> {
        QVector<double> ms;
        qint64 crossings = 0;
        for (int r = 0; r < runs; ++r) {
            LayoutRequest request;
            request.view = view;
            request.tier = tier;
            const Stopwatch clock;
            const Result<GraphLayoutResult> layout = GraphLayout::compute(request);
            ms << clock.ms();
            if (!layout) {
                fail(layout.error().message);
                return std::nullopt;
            }
            // Correct result: what a record is made of is above it, for every relation of this acyclic view.
            const LineageGraph graph(view);
            for (const GraphEdge &e : view.edges) {
                if (layout.value().centers.at(graph.indexOf(e.to)).y() >=
                    layout.value().centers.at(graph.indexOf(e.from)).y()) {
                    fail(u"%1 layout: record %2 is not above %3"_s.arg(GraphLayout::tierKey(tier))
                             .arg(e.to)
                             .arg(e.from));
                    return std::nullopt;
                }
            }
            crossings = GraphLayout::crossings(layout.value(), view);
        }
        return std::make_pair(median(ms), crossings);
    };
    const LayoutTier chosen = GraphLayout::tierFor(sizes.layoutNodes);
    for (LayoutTier tier : {LayoutTier::Forest, LayoutTier::Fast, LayoutTier::Detailed}) {
        // Full dot is the slow reference's own algorithm: measured once, for its crossings.
        const auto result = measure(tier, tier == LayoutTier::Detailed ? 1 : o.runs);
        if (!result)
            return false;
        const double ratio = result->first / median(plain);
        const bool isChosen = tier == chosen;
        table.addRow(
            {u"GraphLayout %1%2"_s.arg(GraphLayout::tierKey(tier), isChosen ? u" (chosen by size)"_s : QString()),
             fixed(result->first, 0), fixed(ratio, 2), grouped(double(result->second)),
             isChosen ? u"<= %1 x %2"_s.arg(kLayoutRatioTarget).arg(verdict(ratio <= kLayoutRatioTarget)) : QString()});
    }
    table.print();
    return true;
}

/// The longest time the event loop went without running a 5 ms timer while `running` is true.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            m_longest = std::max(m_longest, m_clock.ms());
            m_clock.restart();
        });
    }
    void start()
    {
        m_longest = 0;
        m_clock.restart();
        m_timer.start();
    }
    double stop()
    {
        m_timer.stop();
        return std::max(m_longest, m_clock.ms());
    }

private:
    QTimer m_timer;
    Stopwatch m_clock;
    double m_longest = 0;
};

std::shared_ptr<GraphViewData> viewData(const GraphSnapshot &view, GraphLayoutResult layout)
{
    auto data = std::make_shared<GraphViewData>();
    data->view = view;
    data->layout = std::move(layout);
    data->graph = std::make_shared<const LineageGraph>(view);
    data->risk = std::make_shared<const RiskMap>(GraphRisk::propagate(*data->graph));
    for (const NodeRisk &r : data->risk->nodes) {
        data->reasons << r.reasons;
        data->inherits << r.inherits();
    }
    return data;
}

std::shared_ptr<GraphViewData> benchWorker(const Options &o, const Sizes &sizes)
{
    say();
    say(u"-- 3. layout of %1 records on a worker thread"_s.arg(grouped(sizes.largeNodes)));
    const GraphSnapshot view = impactShapedView(sizes.largeNodes, kSeed + 1);
    QVector<double> wall;
    QVector<double> stall;
    std::optional<GraphLayoutResult> last;
    StallMeter meter;
    for (int r = 0; r < o.runs; ++r) {
        LayoutRequest request;
        request.view = view;
        QFutureWatcher<std::shared_ptr<Result<GraphLayoutResult>>> watcher;
        QEventLoop loop;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        meter.start();
        const Stopwatch clock;
        watcher.setFuture(QtConcurrent::run(
            [request] { return std::make_shared<Result<GraphLayoutResult>>(GraphLayout::compute(request)); }));
        loop.exec();
        wall << clock.ms();
        stall << meter.stop();
        if (!watcher.result()->ok()) {
            fail(watcher.result()->error().message);
            return nullptr;
        }
        last = watcher.result()->value();
    }
    const std::shared_ptr<GraphViewData> data = viewData(view, *last);

    // The scene is built on the GUI thread, in slices.
    GraphScene scene;
    QVector<double> slices;
    Stopwatch slice;
    QObject::connect(&scene, &GraphScene::buildProgress, &scene, [&] {
        slices << slice.ms();
        slice.restart();
    });
    QEventLoop loop;
    QObject::connect(&scene, &GraphScene::built, &loop, &QEventLoop::quit);
    const Stopwatch building;
    slice.restart();
    scene.setData(data);
    if (scene.isBuilding())
        loop.exec();
    const double buildMs = building.ms();
    if (scene.nodeItems().size() != sizes.largeNodes) {
        fail(u"the scene holds %1 record items, expected %2"_s.arg(scene.nodeItems().size()).arg(sizes.largeNodes));
        return nullptr;
    }

    Table table({u"step"_s, u"median ms"_s, u"max ms"_s, u"target"_s});
    table.addRow({u"GraphLayout::compute on a worker (%1 tier)"_s.arg(GraphLayout::tierKey(last->tier)),
                  fixed(median(wall), 0), fixed(maximum(wall), 0),
                  u"<= %1 ms %2"_s.arg(kWorkerTargetMs).arg(verdict(median(wall) <= kWorkerTargetMs))});
    table.addRow(
        {u"  longest GUI event-loop stall meanwhile"_s, fixed(median(stall), 1), fixed(maximum(stall), 1), {}});
    table.addRow({u"GraphScene built in slices (total, last run)"_s, fixed(buildMs, 0), {}, {}});
    table.addRow({u"  longest slice (GUI thread busy)"_s, fixed(maximum(slices), 1), {}, {}});
    table.print();
    say(u"crossings: %1"_s.arg(grouped(double(GraphLayout::crossings(*last, view)))));
    return data;
}

/// Raw QPainter drawing of what the view draws: at 1:1 a rounded box and two lines of text per visible record and
/// the visible relations in one batched call (unclipped); zoomed out, the overview's batched points and lines.
void paintRaw(QImage &image, const GraphViewData &data, const QTransform &transform, bool detailed)
{
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    p.setTransform(transform);
    const QRectF visible = transform.inverted().mapRect(QRectF(QPointF(0, 0), QSizeF(image.size())));
    if (!detailed) {
        graphpainter::paintOverview(&p, data, visible, true, true);
        return;
    }
    QVector<QLineF> lines;
    for (int e = 0; e < data.view.edges.size(); ++e) {
        const QVector<QPointF> &route = data.layout.routes.at(e);
        const QLineF line(route.first(), route.last());
        if (QRectF(line.p1(), line.p2()).normalized().adjusted(-1, -1, 1, 1).intersects(visible))
            lines << line;
    }
    p.setPen(QPen(Qt::darkBlue, 1.2));
    p.drawLines(lines);
    QFont font = p.font();
    font.setPointSizeF(9);
    p.setFont(font);
    for (int i = 0; i < data.view.nodes.size(); ++i) {
        const QRectF box = graphpainter::nodeBox(data, i);
        if (!box.intersects(visible))
            continue;
        p.setPen(QPen(Qt::darkBlue, 1.2));
        p.setBrush(QColor(0xdc, 0xe8, 0xf5));
        p.drawRoundedRect(box, 8, 8);
        p.setPen(Qt::black);
        p.drawText(box.adjusted(0, 0, 0, -box.height() / 2), Qt::AlignCenter, data.view.nodes.at(i).name);
        p.drawText(box.adjusted(0, box.height() / 2, 0, 0), Qt::AlignCenter, data.view.nodes.at(i).version);
    }
}

bool benchPaint(const std::shared_ptr<GraphViewData> &data, const Sizes &sizes)
{
    say();
    say(u"-- 4. painting a %1-record scene, %2 x %3 pixels"_s.arg(grouped(sizes.largeNodes))
            .arg(kViewport.width())
            .arg(kViewport.height()));
    GraphScene scene;
    scene.setData(data);
    scene.finishBuilding();
    GraphView view(&scene);
    view.setFrameShape(QFrame::NoFrame);
    view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.resize(kViewport);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view)) {
        fail(u"the view was not exposed"_s);
        return false;
    }
    view.sceneReplaced();
    QImage raw(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);

    // Pan at 1:1 across the scene, frame by frame.
    view.setTransform(QTransform());
    view.zoomBy(1.0);
    QVector<double> pan;
    QVector<double> panRaw;
    const QRectF area = scene.sceneRect();
    for (int f = 0; f < kFrames; ++f) {
        const QPointF at(area.left() + area.width() * (f + 0.5) / kFrames, area.center().y());
        view.centerOn(at);
        QCoreApplication::processEvents();
        const Stopwatch clock;
        view.viewport()->repaint();
        pan << clock.ms();
        const QTransform t = view.viewportTransform();
        const Stopwatch rawClock;
        paintRaw(raw, *data, t, true);
        panRaw << rawClock.ms();
    }
    if (scene.showsOverview()) {
        fail(u"at 1:1 the scene shows the overview"_s);
        return false;
    }

    view.zoomToFit();
    QVector<double> fit;
    QVector<double> fitRaw;
    for (int f = 0; f < kFrames; ++f) {
        QCoreApplication::processEvents();
        const Stopwatch clock;
        view.viewport()->repaint();
        fit << clock.ms();
        const Stopwatch rawClock;
        paintRaw(raw, *data, view.viewportTransform(), false);
        fitRaw << rawClock.ms();
    }
    if (!scene.showsOverview() && view.scale() < graphpainter::kOverviewBelow) {
        fail(u"fitted at scale %1 the scene does not show the overview"_s.arg(view.scale()));
        return false;
    }
    const QImage shown = view.viewport()->grab().toImage();
    int inked = 0;
    for (int y = 0; y < shown.height(); y += 4) {
        for (int x = 0; x < shown.width(); x += 4)
            inked += shown.pixel(x, y) != shown.pixel(0, 0) ? 1 : 0;
    }
    if (inked == 0) {
        fail(u"the fitted view painted nothing"_s);
        return false;
    }

    Table table({u"frame"_s, u"median ms"_s, u"p90 ms"_s, u"raw QPainter median ms"_s, u"target"_s});
    table.addRow({u"pan at 1:1"_s, fixed(median(pan), 2), fixed(percentile(pan, 90), 2), fixed(median(panRaw), 2),
                  u"<= %1 ms %2"_s.arg(kPanTargetMs).arg(verdict(median(pan) <= kPanTargetMs))});
    table.addRow({u"fit-all (scale %1)"_s.arg(fixed(view.scale(), 3)), fixed(median(fit), 2),
                  fixed(percentile(fit, 90), 2), fixed(median(fitRaw), 2),
                  u"<= %1 ms %2"_s.arg(kFitTargetMs).arg(verdict(median(fit) <= kFitTargetMs))});
    table.print();
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const Options options = parseOptions(
        app, u"Lineage graph: impact from the database and in memory, layout against plain dot, painting."_s);
    printBanner(u"bench_graph"_s, options);
    const WorkDir dir(options.keepDir);
    if (!dir.isValid())
        return 1;
    const Sizes sizes = sizesFor(options);
    if (!benchImpact(dir, options, sizes) || !benchLayout(dir, options, sizes))
        return 1;
    const std::shared_ptr<GraphViewData> large = benchWorker(options, sizes);
    if (!large || !benchPaint(large, sizes))
        return 1;
    return 0;
}
