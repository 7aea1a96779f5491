// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "GraphSamples.h"
#include "graph/LineageGraph.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using strata::test::GraphBuilder;

/// The adjacency index every graph query stands on: ids to positions, and each node's edges in both directions.
class TestLineageGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyGraphHasNothing();
    void findsEveryIdAndNoOther();
    void denseIdsAreFoundLikeSparseOnes();
    void edgesAreIndexedInBothDirections();
    void edgesWithUnknownEndsAreDropped();
    void selfLoopsAndDuplicatesAreKept();
    void followLeadsToTheOtherEnd();
};

void TestLineageGraph::emptyGraphHasNothing()
{
    const LineageGraph graph;
    QCOMPARE(graph.nodeCount(), 0);
    QCOMPARE(graph.edgeCount(), 0);
    QCOMPARE(graph.indexOf(1), -1);
}

void TestLineageGraph::findsEveryIdAndNoOther()
{
    GraphBuilder b;
    // Ids neither dense nor in order, as after deletes and restores.
    const QList<qint64> ids = {907, 3, 55, 1'000'000'007, 12, 4};
    for (qint64 id : ids)
        b.add(RecordKind::Model, u"m%1"_s.arg(id), id);
    const LineageGraph graph = b.build();
    QCOMPARE(graph.nodeCount(), ids.size());
    for (qint64 id : ids) {
        const int i = graph.indexOf(id);
        QVERIFY2(i >= 0, qPrintable(u"id %1 not found"_s.arg(id)));
        QCOMPARE(graph.node(i).id, id);
    }
    for (qint64 absent : {0LL, 1LL, 5LL, 56LL, 906LL, 1'000'000'008LL, -3LL})
        QCOMPARE(graph.indexOf(absent), -1);
}

void TestLineageGraph::denseIdsAreFoundLikeSparseOnes()
{
    // Ids close together (one workspace's records, the focus first) are looked up in a direct table: it must
    // answer like the binary search, including gaps, both ends, and the first of a repeated id.
    GraphBuilder b;
    QList<qint64> ids = {150};
    for (qint64 id = 100; id < 200; ++id) {
        if (id % 7 != 0 && id != 150)
            ids << id;
    }
    ids << 120; // repeated: the first one wins
    for (int i = 0; i < ids.size(); ++i)
        b.add(RecordKind::Model, u"n%1"_s.arg(i), ids.at(i));
    const LineageGraph graph = b.build();
    QCOMPARE(graph.nodeCount(), ids.size());
    for (int i = 0; i < ids.size() - 1; ++i)
        QCOMPARE(graph.indexOf(ids.at(i)), i);
    for (qint64 absent : {0LL, 99LL, 105LL, 140LL, 200LL, -1LL, 1'000'000'000'000LL})
        QCOMPARE(graph.indexOf(absent), -1);
}

void TestLineageGraph::edgesAreIndexedInBothDirections()
{
    GraphBuilder b;
    b.supplier(u"Meta"_s);
    b.model(u"base"_s);
    b.model(u"tune"_s);
    b.dataset(u"data"_s);
    b.link(u"base"_s, RelationType::ProvidedBy, u"Meta"_s);
    b.derived(u"tune"_s, u"base"_s);
    b.link(u"tune"_s, RelationType::TrainedOn, u"data"_s);
    const LineageGraph graph = b.build();
    QCOMPARE(graph.edgeCount(), 3);

    // Each edge is listed upstream of its `from` and downstream of its `to`, and nowhere else.
    QMap<int, int> upCount;
    QMap<int, int> downCount;
    for (int v = 0; v < graph.nodeCount(); ++v) {
        for (int e : graph.upstreamEdges(v)) {
            QCOMPARE(graph.edge(e).from, graph.node(v).id);
            ++upCount[e];
        }
        for (int e : graph.downstreamEdges(v)) {
            QCOMPARE(graph.edge(e).to, graph.node(v).id);
            ++downCount[e];
        }
    }
    for (int e = 0; e < graph.edgeCount(); ++e) {
        QCOMPARE(upCount.value(e), 1);
        QCOMPARE(downCount.value(e), 1);
    }
    QCOMPARE(graph.upstreamEdges(test::at(graph, u"tune"_s)).size(), 2);
    QCOMPARE(graph.downstreamEdges(test::at(graph, u"tune"_s)).size(), 0);
    QCOMPARE(graph.downstreamEdges(test::at(graph, u"Meta"_s)).size(), 1);
}

void TestLineageGraph::edgesWithUnknownEndsAreDropped()
{
    GraphBuilder b;
    b.model(u"a"_s);
    b.model(u"b"_s);
    b.derived(u"b"_s, u"a"_s);
    b.snapshot().edges.append({0, b.id(u"b"_s), 999, RelationType::DerivedFrom, {}});
    b.snapshot().edges.append({0, 998, b.id(u"a"_s), RelationType::DependsOn, {}});
    const LineageGraph graph = b.build();
    QCOMPARE(graph.edgeCount(), 1);
    QCOMPARE(graph.edge(0).to, b.id(u"a"_s));
    QCOMPARE(graph.fromIndex(0), test::at(graph, u"b"_s));
    QCOMPARE(graph.toIndex(0), test::at(graph, u"a"_s));
}

void TestLineageGraph::selfLoopsAndDuplicatesAreKept()
{
    GraphBuilder b;
    b.model(u"a"_s);
    b.model(u"b"_s);
    b.derived(u"a"_s, u"a"_s);
    b.derived(u"b"_s, u"a"_s);
    b.derived(u"b"_s, u"a"_s, u"merge"_s);
    const LineageGraph graph = b.build();
    const int a = test::at(graph, u"a"_s);
    QCOMPARE(graph.upstreamEdges(a).size(), 1);
    QCOMPARE(graph.downstreamEdges(a).size(), 3);
    QCOMPARE(graph.upstreamEdges(test::at(graph, u"b"_s)).size(), 2);
}

void TestLineageGraph::followLeadsToTheOtherEnd()
{
    GraphBuilder b;
    b.model(u"base"_s);
    b.model(u"tune"_s);
    b.derived(u"tune"_s, u"base"_s);
    const LineageGraph graph = b.build();
    QCOMPARE(graph.follow(0, GraphDirection::Upstream), test::at(graph, u"base"_s));
    QCOMPARE(graph.follow(0, GraphDirection::Downstream), test::at(graph, u"tune"_s));
    QCOMPARE(graph.edges(test::at(graph, u"base"_s), GraphDirection::Downstream).size(), 1);
    QCOMPARE(graph.edges(test::at(graph, u"base"_s), GraphDirection::Upstream).size(), 0);
}

QTEST_GUILESS_MAIN(TestLineageGraph)
#include "TestLineageGraph.moc"
