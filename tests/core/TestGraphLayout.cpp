// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "GraphSamples.h"
#include "graph/GraphLayout.h"

#include <QTest>

#include <random>
#include <thread>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using strata::test::GraphBuilder;

Q_DECLARE_METATYPE(strata::LayoutTier)

namespace {

/// Vendor <- base <- tune <- gguf, and a merge of base and tune: the merge must sit below tune.
GraphBuilder lineage()
{
    GraphBuilder b;
    b.supplier(u"Vendor"_s);
    b.model(u"base"_s);
    b.model(u"tune"_s);
    b.model(u"gguf"_s);
    b.model(u"merge"_s);
    b.dataset(u"data"_s);
    b.link(u"base"_s, RelationType::ProvidedBy, u"Vendor"_s);
    b.derived(u"tune"_s, u"base"_s);
    b.derived(u"gguf"_s, u"tune"_s, u"quantized"_s);
    b.derived(u"merge"_s, u"base"_s, u"merge"_s);
    b.derived(u"merge"_s, u"tune"_s, u"merge"_s);
    b.link(u"tune"_s, RelationType::TrainedOn, u"data"_s);
    return b;
}

/// A seeded tree of `n` models with some extra relations, like the impact of a popular base model.
GraphSnapshot randomLineage(int n, unsigned seed)
{
    std::mt19937 rng(seed);
    GraphSnapshot s;
    for (int i = 1; i <= n; ++i) {
        s.nodes.append({i, RecordKind::Model, u"m%1"_s.arg(i), {}, false, true, true, {}, {}});
        if (i > 1)
            s.edges.append({0, i, 1 + qint64(rng() % (i - 1)), RelationType::DerivedFrom, u"finetune"_s});
        if (i > 2 && rng() % 10 == 0)
            s.edges.append({0, i, 1 + qint64(rng() % (i - 1)), RelationType::TrainedOn, {}});
    }
    return s;
}

LayoutRequest requestFor(const GraphSnapshot &view, std::optional<LayoutTier> tier = {})
{
    LayoutRequest r;
    r.view = view;
    r.tier = tier;
    for (int i = 0; i < view.nodes.size(); ++i)
        r.sizes.append(QSizeF(100 + 10 * (i % 4), 40));
    return r;
}

QRectF box(const GraphLayoutResult &l, int i)
{
    const QSizeF s = l.sizes.at(i);
    return QRectF(l.centers.at(i) - QPointF(s.width() / 2, s.height() / 2), s);
}

} // namespace

/// The layered layout: what a record is made of goes above it, boxes never overlap, every relation gets a route,
/// results are deterministic and cacheable, and Graphviz is used from several threads safely.
class TestGraphLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tierBySize();
    void upstreamIsAbove_data();
    void upstreamIsAbove();
    void boxesDoNotOverlap_data();
    void boxesDoNotOverlap();
    void everyRelationHasARoute();
    void cyclesAndSelfReferencesAreLaidOut();
    void emptyViewHasAnEmptyLayout();
    void keyFollowsTheInputs();
    void bytesRoundTrip();
    void cancelledBeforeStart();
    void parallelLayoutsAgree();
    void crossingsAreCounted();
};

void TestGraphLayout::tierBySize()
{
    QCOMPARE(GraphLayout::tierFor(1), LayoutTier::Detailed);
    QCOMPARE(GraphLayout::tierFor(GraphLayout::kDetailedMaxNodes), LayoutTier::Detailed);
    QCOMPARE(GraphLayout::tierFor(GraphLayout::kDetailedMaxNodes + 1), LayoutTier::Fast);
    QCOMPARE(GraphLayout::tierFor(GraphLayout::kFastMaxNodes + 1), LayoutTier::Forest);
}

void TestGraphLayout::upstreamIsAbove_data()
{
    QTest::addColumn<LayoutTier>("tier");
    QTest::newRow("detailed") << LayoutTier::Detailed;
    QTest::newRow("fast") << LayoutTier::Fast;
    QTest::newRow("forest") << LayoutTier::Forest;
}

void TestGraphLayout::upstreamIsAbove()
{
    QFETCH(LayoutTier, tier);
    const GraphBuilder b = lineage();
    const LayoutRequest request = requestFor(b.build().snapshot(), tier);
    const Result<GraphLayoutResult> layout = GraphLayout::compute(request);
    QVERIFY2(layout.ok(), layout.ok() ? "" : qPrintable(layout.error().message));
    QCOMPARE(layout.value().tier, tier);
    const LineageGraph graph(request.view);
    // Every relation's `to` (what the record is made of) is drawn above its `from`.
    for (const GraphEdge &e : request.view.edges) {
        const double above = layout.value().centers.at(graph.indexOf(e.to)).y();
        const double below = layout.value().centers.at(graph.indexOf(e.from)).y();
        QVERIFY2(above < below, qPrintable(u"%1 is not above %2"_s.arg(e.to).arg(e.from)));
    }
    // The merge is below both of its parents, tune included (the longest path decides its rank).
    QVERIFY(layout.value().centers.at(graph.indexOf(b.id(u"merge"_s))).y() >
            layout.value().centers.at(graph.indexOf(b.id(u"tune"_s))).y());
    QVERIFY(layout.value().bounds.contains(box(layout.value(), 0)));
}

void TestGraphLayout::boxesDoNotOverlap_data()
{
    QTest::addColumn<LayoutTier>("tier");
    QTest::addColumn<int>("nodes");
    QTest::newRow("detailed 120") << LayoutTier::Detailed << 120;
    QTest::newRow("fast 400") << LayoutTier::Fast << 400;
    QTest::newRow("forest 2000") << LayoutTier::Forest << 2000;
}

void TestGraphLayout::boxesDoNotOverlap()
{
    QFETCH(LayoutTier, tier);
    QFETCH(int, nodes);
    const LayoutRequest request = requestFor(randomLineage(nodes, 7), tier);
    const Result<GraphLayoutResult> layout = GraphLayout::compute(request);
    QVERIFY(layout.ok());
    const GraphLayoutResult &l = layout.value();
    QCOMPARE(l.centers.size(), nodes);
    // Boxes on one rank share a y; sort by (y, x) and compare neighbours on the same row, plus a full check on
    // the first 300 boxes.
    const int checked = std::min(nodes, 300);
    for (int i = 0; i < checked; ++i) {
        for (int j = i + 1; j < checked; ++j) {
            const QRectF overlap = box(l, i).adjusted(1, 1, -1, -1).intersected(box(l, j).adjusted(1, 1, -1, -1));
            QVERIFY2(overlap.isEmpty(), qPrintable(u"boxes %1 and %2 overlap"_s.arg(i).arg(j)));
        }
    }
    for (int i = 0; i < nodes; ++i)
        QVERIFY(l.bounds.adjusted(-1, -1, 1, 1).contains(box(l, i)));
}

void TestGraphLayout::everyRelationHasARoute()
{
    for (LayoutTier tier : {LayoutTier::Detailed, LayoutTier::Fast, LayoutTier::Forest}) {
        const LayoutRequest request = requestFor(lineage().build().snapshot(), tier);
        const GraphLayoutResult l = GraphLayout::compute(request).value();
        QCOMPARE(l.routes.size(), request.view.edges.size());
        const LineageGraph graph(request.view);
        for (int e = 0; e < request.view.edges.size(); ++e) {
            const QVector<QPointF> &route = l.routes.at(e);
            QVERIFY(route.size() == 2 || (route.size() >= 4 && (route.size() - 1) % 3 == 0));
            // It starts at the upstream box and ends at the downstream one.
            const QRectF from = box(l, graph.indexOf(request.view.edges.at(e).to)).adjusted(-3, -3, 3, 3);
            const QRectF to = box(l, graph.indexOf(request.view.edges.at(e).from)).adjusted(-3, -3, 3, 3);
            QVERIFY2(from.contains(route.first()), qPrintable(GraphLayout::tierKey(tier)));
            QVERIFY2(to.contains(route.last()), qPrintable(GraphLayout::tierKey(tier)));
        }
    }
}

void TestGraphLayout::cyclesAndSelfReferencesAreLaidOut()
{
    GraphBuilder b;
    for (const QString &n : {u"a"_s, u"b"_s, u"c"_s, u"d"_s})
        b.software(n);
    b.link(u"a"_s, RelationType::DependsOn, u"b"_s);
    b.link(u"b"_s, RelationType::DependsOn, u"c"_s);
    b.link(u"c"_s, RelationType::DependsOn, u"a"_s);
    b.link(u"d"_s, RelationType::DependsOn, u"d"_s);
    for (LayoutTier tier : {LayoutTier::Detailed, LayoutTier::Fast, LayoutTier::Forest}) {
        const Result<GraphLayoutResult> l = GraphLayout::compute(requestFor(b.snapshot(), tier));
        QVERIFY(l.ok());
        for (const QPointF &c : l.value().centers)
            QVERIFY(std::isfinite(c.x()) && std::isfinite(c.y()));
        for (const QVector<QPointF> &route : l.value().routes)
            QVERIFY(route.size() >= 2);
        QCOMPARE(l.value().routes.last().size(), 4); // the self-reference is a loop
    }
}

void TestGraphLayout::emptyViewHasAnEmptyLayout()
{
    const Result<GraphLayoutResult> l = GraphLayout::compute(LayoutRequest{});
    QVERIFY(l.ok());
    QVERIFY(l.value().centers.isEmpty());
    QVERIFY(l.value().bounds.isEmpty());
}

void TestGraphLayout::keyFollowsTheInputs()
{
    const LayoutRequest request = requestFor(lineage().build().snapshot());
    const QByteArray key = GraphLayout::key(request);
    QCOMPARE(key.size(), 64);
    QCOMPARE(GraphLayout::key(request), key);
    LayoutRequest wider = request;
    wider.sizes[2].setWidth(wider.sizes[2].width() + 5);
    QVERIFY(GraphLayout::key(wider) != key);
    LayoutRequest other = request;
    other.tier = LayoutTier::Forest;
    QVERIFY(GraphLayout::key(other) != key);
    LayoutRequest fewer = request;
    fewer.view.edges.removeLast();
    QVERIFY(GraphLayout::key(fewer) != key);
    LayoutRequest renamed = request;
    renamed.view.nodes[0].name = u"renamed"_s; // names do not move boxes: sizes do
    QCOMPARE(GraphLayout::key(renamed), key);
}

void TestGraphLayout::bytesRoundTrip()
{
    const LayoutRequest request = requestFor(lineage().build().snapshot());
    const GraphLayoutResult l = GraphLayout::compute(request).value();
    const std::optional<GraphLayoutResult> back = GraphLayout::fromBytes(GraphLayout::toBytes(l), request);
    QVERIFY(back.has_value());
    QCOMPARE(back->centers, l.centers);
    QCOMPARE(back->routes, l.routes);
    QCOMPARE(back->bounds, l.bounds);
    QCOMPARE(back->tier, l.tier);
    LayoutRequest smaller = request;
    smaller.view.nodes.removeLast();
    QVERIFY(!GraphLayout::fromBytes(GraphLayout::toBytes(l), smaller).has_value());
    QVERIFY(!GraphLayout::fromBytes("not a layout", request).has_value());
    QVERIFY(!GraphLayout::fromBytes(GraphLayout::toBytes(l).left(40), request).has_value());
}

void TestGraphLayout::cancelledBeforeStart()
{
    std::atomic<bool> cancel{true};
    const Result<GraphLayoutResult> l = GraphLayout::compute(requestFor(randomLineage(50, 3)), &cancel);
    QVERIFY(!l.ok());
    QCOMPARE(l.error().code, ErrorCode::Cancelled);
}

void TestGraphLayout::parallelLayoutsAgree()
{
    const LayoutRequest request = requestFor(randomLineage(150, 11));
    const GraphLayoutResult reference = GraphLayout::compute(request).value();
    std::vector<std::optional<GraphLayoutResult>> results(4);
    std::vector<std::thread> threads;
    for (size_t i = 0; i < results.size(); ++i) {
        threads.emplace_back([&results, &request, i] {
            Result<GraphLayoutResult> r = GraphLayout::compute(request);
            if (r.ok())
                results[i] = std::move(r).value();
        });
    }
    for (std::thread &t : threads)
        t.join();
    for (const std::optional<GraphLayoutResult> &r : results) {
        QVERIFY(r.has_value());
        QCOMPARE(r->centers, reference.centers);
    }
}

void TestGraphLayout::crossingsAreCounted()
{
    // Four records on a square: a-d and b-c are the diagonals and cross; a-b does not; e joins a far away.
    GraphBuilder b;
    for (const QString &n : {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s})
        b.model(n);
    b.derived(u"d"_s, u"a"_s);
    b.derived(u"c"_s, u"b"_s);
    b.derived(u"b"_s, u"a"_s);
    b.derived(u"e"_s, u"a"_s);
    GraphLayoutResult l;
    l.centers = {{0, 0}, {10, 0}, {0, 10}, {10, 10}, {100, 0}};
    QCOMPARE(GraphLayout::crossings(l, b.snapshot()), 1);
    // Moving c to the right untangles the diagonals.
    l.centers[2] = QPointF(20, 10);
    QCOMPARE(GraphLayout::crossings(l, b.snapshot()), 0);
    // A relation from c to a record at the left crosses a-d; those sharing a record with it never count.
    b.model(u"f"_s);
    b.derived(u"f"_s, u"c"_s);
    l.centers.append(QPointF(0, 5));
    QCOMPARE(GraphLayout::crossings(l, b.snapshot()), 1);
}

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "TestGraphLayout.moc"
