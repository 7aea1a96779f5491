// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "GraphSamples.h"
#include "graph/GraphQueries.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using strata::test::GraphBuilder;

namespace {

/// A small supply chain with a merge, a dataset, a supplier of two records and an app on top:
///   Meta <- base <- instruct <- assistant <- gguf          (provided_by, derived_from...)
///                  \- guard                                 (guard derived from base)
///   assistant trained_on tickets; tickets provided_by Acme; assistant provided_by Acme
///   merge derived_from instruct and from guard; app depends_on gguf
GraphBuilder chain()
{
    GraphBuilder b;
    b.supplier(u"Meta"_s);
    b.supplier(u"Acme"_s);
    for (const QString &m : {u"base"_s, u"instruct"_s, u"guard"_s, u"assistant"_s, u"gguf"_s, u"merge"_s})
        b.model(m);
    b.dataset(u"tickets"_s);
    b.software(u"app"_s);
    b.link(u"base"_s, RelationType::ProvidedBy, u"Meta"_s);
    b.derived(u"instruct"_s, u"base"_s);
    b.derived(u"guard"_s, u"base"_s);
    b.derived(u"assistant"_s, u"instruct"_s);
    b.derived(u"gguf"_s, u"assistant"_s, u"quantized"_s);
    b.derived(u"merge"_s, u"instruct"_s, u"merge"_s);
    b.derived(u"merge"_s, u"guard"_s, u"merge"_s);
    b.link(u"assistant"_s, RelationType::TrainedOn, u"tickets"_s);
    b.link(u"tickets"_s, RelationType::ProvidedBy, u"Acme"_s);
    b.link(u"assistant"_s, RelationType::ProvidedBy, u"Acme"_s);
    b.link(u"app"_s, RelationType::DependsOn, u"gguf"_s);
    return b;
}

QMap<QString, int> dist(std::initializer_list<std::pair<const char *, int>> list)
{
    QMap<QString, int> map;
    for (const auto &[name, d] : list)
        map.insert(QString::fromUtf8(name), d);
    return map;
}

} // namespace

/// The supply-chain questions on hand-made graphs whose answers are known: lineage, impact, paths, suppliers,
/// cycles, orphans, concentration; each must terminate on cycles, self-references and very wide nodes.
class TestGraphQueries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineageListsEverythingUpstreamAtItsDistance();
    void impactListsEverythingDownstream();
    void depthLimitsTheWalk();
    void bothDirectionsListEachRecordOnce();
    void relationMaskSkipsOtherRelations();
    void pathToLeadsBackToTheStart();
    void walksTerminateOnCycles_data();
    void walksTerminateOnCycles();
    void starOf100kDescendants();
    void pathsAreSimpleAndShortestFirst();
    void pathsFallBackToDownstream();
    void pathsAreBoundedOnExplodingGraphs();
    void pathsSurviveCycles();
    void suppliedByDirectAndThroughDerivation();
    void cyclesFindLoopsAndSelfReferences();
    void cyclesOnALongChainDoNotOverflow();
    void orphansAreModelsWithoutOrigin();
    void supplierConcentrationUnderARecord();
    void subgraphKeepsRelationsBetweenReachedRecords();
};

void TestGraphQueries::lineageListsEverythingUpstreamAtItsDistance()
{
    const LineageGraph graph = chain().build();
    const Traversal t = graphquery::lineage(graph, test::at(graph, u"gguf"_s));
    QCOMPARE(
        test::distances(graph, t),
        dist({{"gguf", 0}, {"assistant", 1}, {"instruct", 2}, {"tickets", 2}, {"Acme", 2}, {"base", 3}, {"Meta", 4}}));
    QCOMPARE(t.reached.first().node, test::at(graph, u"gguf"_s));
    for (int i = 1; i < t.reached.size(); ++i)
        QVERIFY(t.reached.at(i - 1).distance <= t.reached.at(i).distance);
}

void TestGraphQueries::impactListsEverythingDownstream()
{
    const LineageGraph graph = chain().build();
    const Traversal t = graphquery::impact(graph, test::at(graph, u"base"_s));
    QCOMPARE(
        test::distances(graph, t),
        dist({{"base", 0}, {"instruct", 1}, {"guard", 1}, {"assistant", 2}, {"merge", 2}, {"gguf", 3}, {"app", 4}}));
    // A supplier's impact is what it provides and everything built on that.
    const Traversal acme = graphquery::impact(graph, test::at(graph, u"Acme"_s));
    QCOMPARE(test::distances(graph, acme),
             dist({{"Acme", 0}, {"tickets", 1}, {"assistant", 1}, {"gguf", 2}, {"app", 3}}));
}

void TestGraphQueries::depthLimitsTheWalk()
{
    const LineageGraph graph = chain().build();
    const Traversal one = graphquery::impact(graph, test::at(graph, u"base"_s), 1);
    QCOMPARE(test::distances(graph, one), dist({{"base", 0}, {"instruct", 1}, {"guard", 1}}));
    const Traversal zero = graphquery::lineage(graph, test::at(graph, u"gguf"_s), 0);
    QCOMPARE(zero.reached.size(), 1);
}

void TestGraphQueries::bothDirectionsListEachRecordOnce()
{
    const LineageGraph graph = chain().build();
    const Traversal t = graphquery::traverse(graph, test::at(graph, u"assistant"_s), {GraphDirection::Both, 1});
    QCOMPARE(test::distances(graph, t),
             dist({{"assistant", 0}, {"instruct", 1}, {"tickets", 1}, {"Acme", 1}, {"gguf", 1}}));
    QCOMPARE(t.reached.size(), 5);
    for (const ReachedNode &r : t.reached) {
        if (graph.node(r.node).name == u"gguf"_s)
            QCOMPARE(r.direction, GraphDirection::Downstream);
        if (graph.node(r.node).name == u"instruct"_s)
            QCOMPARE(r.direction, GraphDirection::Upstream);
    }
}

void TestGraphQueries::relationMaskSkipsOtherRelations()
{
    const LineageGraph graph = chain().build();
    const Traversal t = graphquery::traverse(graph, test::at(graph, u"gguf"_s),
                                             {GraphDirection::Upstream, -1, relationBit(RelationType::DerivedFrom)});
    QCOMPARE(test::distances(graph, t), dist({{"gguf", 0}, {"assistant", 1}, {"instruct", 2}, {"base", 3}}));
}

void TestGraphQueries::pathToLeadsBackToTheStart()
{
    const LineageGraph graph = chain().build();
    const Traversal t = graphquery::lineage(graph, test::at(graph, u"gguf"_s));
    QCOMPARE(test::pathNames(graph, t, u"Meta"_s),
             QStringList({u"gguf"_s, u"assistant"_s, u"instruct"_s, u"base"_s, u"Meta"_s}));
    // Each step's edge joins it to its parent.
    for (const ReachedNode &r : t.reached) {
        if (r.parent < 0)
            continue;
        const GraphEdge &e = graph.edge(r.edge);
        QCOMPARE(e.from, graph.node(t.reached.at(r.parent).node).id);
        QCOMPARE(e.to, graph.node(r.node).id);
    }
}

void TestGraphQueries::walksTerminateOnCycles_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<int>("upstream");
    QTest::addColumn<int>("downstream");
    QTest::newRow("three-cycle") << u"cycle"_s << 3 << 3;
    QTest::newRow("self-loop") << u"self"_s << 1 << 1;
    QTest::newRow("two-way depends_on") << u"mutual"_s << 2 << 2;
    QTest::newRow("cycle with a tail") << u"tail"_s << 3 << 4;
}

void TestGraphQueries::walksTerminateOnCycles()
{
    QFETCH(QString, shape);
    QFETCH(int, upstream);
    QFETCH(int, downstream);
    GraphBuilder b;
    for (const QString &n : {u"a"_s, u"b"_s, u"c"_s, u"d"_s})
        b.software(n);
    if (shape == u"cycle"_s || shape == u"tail"_s) {
        b.link(u"a"_s, RelationType::DependsOn, u"b"_s);
        b.link(u"b"_s, RelationType::DependsOn, u"c"_s);
        b.link(u"c"_s, RelationType::DependsOn, u"a"_s);
        if (shape == u"tail"_s)
            b.link(u"d"_s, RelationType::DependsOn, u"a"_s);
    } else if (shape == u"self"_s) {
        b.link(u"a"_s, RelationType::DependsOn, u"a"_s);
    } else {
        b.link(u"a"_s, RelationType::DependsOn, u"b"_s);
        b.link(u"b"_s, RelationType::DependsOn, u"a"_s);
    }
    const LineageGraph graph = b.build();
    const int a = test::at(graph, u"a"_s);
    QCOMPARE(graphquery::lineage(graph, a).reached.size(), upstream);
    QCOMPARE(graphquery::impact(graph, a).reached.size(), downstream);
    const Traversal both = graphquery::traverse(graph, a, {GraphDirection::Both});
    QSet<int> distinct;
    for (const ReachedNode &r : both.reached)
        distinct.insert(r.node);
    QCOMPARE(distinct.size(), both.reached.size());
}

void TestGraphQueries::starOf100kDescendants()
{
    // A base model with 100,000 quantizations and adapters, as on a busy hub.
    constexpr int kChildren = 100000;
    GraphSnapshot s;
    s.nodes.reserve(kChildren + 2);
    s.nodes.append({1, RecordKind::Model, u"base"_s, {}, false, true, true, {}, {}});
    for (int i = 0; i < kChildren; ++i) {
        s.nodes.append({i + 2, RecordKind::Model, u"child %1"_s.arg(i), {}, false, true, true, {}, {}});
        s.edges.append({0, i + 2, 1, RelationType::DerivedFrom, u"quantized"_s});
    }
    s.nodes.append({kChildren + 2, RecordKind::Software, u"app"_s, {}, false, true, true, {}, {}});
    s.edges.append({0, kChildren + 2, kChildren + 1, RelationType::DependsOn, {}});
    const LineageGraph graph(s);

    const Traversal down = graphquery::impact(graph, graph.indexOf(1));
    QCOMPARE(down.reached.size(), kChildren + 2);
    int atOne = 0;
    for (const ReachedNode &r : down.reached)
        atOne += r.distance == 1 ? 1 : 0;
    QCOMPARE(atOne, kChildren);
    QCOMPARE(down.reached.last().node, graph.indexOf(kChildren + 2));
    QCOMPARE(down.reached.last().distance, 2);
    QCOMPARE(graphquery::pathTo(down, static_cast<int>(down.reached.size()) - 1).size(), 3);

    const Traversal up = graphquery::lineage(graph, graph.indexOf(kChildren + 2));
    QCOMPARE(up.reached.size(), 3);
    QCOMPARE(graphquery::impact(graph, graph.indexOf(1), 1).reached.size(), kChildren + 1);
}

void TestGraphQueries::pathsAreSimpleAndShortestFirst()
{
    const LineageGraph graph = chain().build();
    const PathSearch search = graphquery::paths(graph, test::at(graph, u"merge"_s), test::at(graph, u"base"_s));
    QCOMPARE(search.direction, GraphDirection::Upstream);
    QVERIFY(!search.truncated);
    QCOMPARE(search.paths.size(), 2);
    QSet<QStringList> found;
    for (const GraphPath &p : search.paths) {
        QCOMPARE(p.nodes.size(), p.edges.size() + 1);
        QCOMPARE(p.nodes.first(), test::at(graph, u"merge"_s));
        QCOMPARE(p.nodes.last(), test::at(graph, u"base"_s));
        for (int i = 0; i < p.edges.size(); ++i) {
            QCOMPARE(graph.fromIndex(p.edges.at(i)), p.nodes.at(i));
            QCOMPARE(graph.toIndex(p.edges.at(i)), p.nodes.at(i + 1));
        }
        found.insert(test::names(graph, p.nodes));
    }
    QCOMPARE(found, (QSet<QStringList>{{u"merge"_s, u"instruct"_s, u"base"_s}, {u"merge"_s, u"guard"_s, u"base"_s}}));

    const PathSearch longer = graphquery::paths(graph, test::at(graph, u"app"_s), test::at(graph, u"base"_s));
    QCOMPARE(longer.paths.size(), 1);
    QCOMPARE(test::names(graph, longer.paths.first().nodes),
             QStringList({u"app"_s, u"gguf"_s, u"assistant"_s, u"instruct"_s, u"base"_s}));
    QVERIFY(graphquery::paths(graph, test::at(graph, u"guard"_s), test::at(graph, u"tickets"_s)).paths.isEmpty());
}

void TestGraphQueries::pathsFallBackToDownstream()
{
    const LineageGraph graph = chain().build();
    const PathSearch search = graphquery::paths(graph, test::at(graph, u"Meta"_s), test::at(graph, u"gguf"_s));
    QCOMPARE(search.direction, GraphDirection::Downstream);
    QCOMPARE(search.paths.size(), 1);
    QCOMPARE(test::names(graph, search.paths.first().nodes),
             QStringList({u"Meta"_s, u"base"_s, u"instruct"_s, u"assistant"_s, u"gguf"_s}));
}

void TestGraphQueries::pathsAreBoundedOnExplodingGraphs()
{
    // A ladder of 30 diamonds has 2^30 paths from top to bottom: the search must stop at its limits.
    GraphBuilder b;
    b.model(u"n0"_s);
    for (int i = 1; i <= 30; ++i) {
        b.model(u"l%1"_s.arg(i));
        b.model(u"r%1"_s.arg(i));
        b.model(u"n%1"_s.arg(i));
        b.derived(u"l%1"_s.arg(i), u"n%1"_s.arg(i - 1));
        b.derived(u"r%1"_s.arg(i), u"n%1"_s.arg(i - 1));
        b.derived(u"n%1"_s.arg(i), u"l%1"_s.arg(i), u"merge"_s);
        b.derived(u"n%1"_s.arg(i), u"r%1"_s.arg(i), u"merge"_s);
    }
    const LineageGraph graph = b.build();
    PathOptions options;
    options.maxPaths = 50;
    options.maxLength = 60;
    const PathSearch search = graphquery::paths(graph, test::at(graph, u"n30"_s), test::at(graph, u"n0"_s), options);
    QCOMPARE(search.paths.size(), 50);
    QVERIFY(search.truncated);
    for (const GraphPath &p : search.paths)
        QCOMPARE(p.edges.size(), 60);

    options.maxLength = 59; // every path has 60 relations: none fits
    const PathSearch tooShort = graphquery::paths(graph, test::at(graph, u"n30"_s), test::at(graph, u"n0"_s), options);
    QVERIFY(tooShort.paths.isEmpty());
}

void TestGraphQueries::pathsSurviveCycles()
{
    GraphBuilder b;
    for (const QString &n : {u"a"_s, u"b"_s, u"c"_s, u"d"_s})
        b.software(n);
    b.link(u"a"_s, RelationType::DependsOn, u"b"_s);
    b.link(u"b"_s, RelationType::DependsOn, u"a"_s);
    b.link(u"b"_s, RelationType::DependsOn, u"b"_s);
    b.link(u"b"_s, RelationType::DependsOn, u"c"_s);
    b.link(u"c"_s, RelationType::DependsOn, u"a"_s);
    const LineageGraph graph = b.build();
    const PathSearch search = graphquery::paths(graph, test::at(graph, u"a"_s), test::at(graph, u"c"_s));
    QCOMPARE(search.paths.size(), 1);
    QCOMPARE(test::names(graph, search.paths.first().nodes), QStringList({u"a"_s, u"b"_s, u"c"_s}));
    QVERIFY(graphquery::paths(graph, test::at(graph, u"a"_s), test::at(graph, u"d"_s)).paths.isEmpty());
}

void TestGraphQueries::suppliedByDirectAndThroughDerivation()
{
    GraphBuilder b = chain();
    b.supplier(u"Other"_s);
    b.model(u"unrelated"_s);
    b.link(u"unrelated"_s, RelationType::ProvidedBy, u"Other"_s);
    const LineageGraph graph = b.build();
    const Traversal meta = graphquery::suppliedBy(graph, test::at(graph, u"Meta"_s));
    QCOMPARE(test::distances(graph, meta), dist({{"Meta", 0},
                                                 {"base", 1},
                                                 {"instruct", 2},
                                                 {"guard", 2},
                                                 {"assistant", 3},
                                                 {"merge", 3},
                                                 {"gguf", 4},
                                                 {"app", 5}}));
    const Traversal acme = graphquery::suppliedBy(graph, test::at(graph, u"Acme"_s));
    QStringList direct;
    for (const ReachedNode &r : acme.reached) {
        if (r.distance == 1)
            direct << graph.node(r.node).name;
    }
    direct.sort();
    QCOMPARE(direct, QStringList({u"assistant"_s, u"tickets"_s}));
    QCOMPARE(test::distances(graph, acme).value(u"app"_s), 3);
    QCOMPARE(graphquery::suppliedBy(graph, test::at(graph, u"Acme"_s), 1).reached.size(), 3);
}

void TestGraphQueries::cyclesFindLoopsAndSelfReferences()
{
    GraphBuilder b;
    for (const QString &n : {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s, u"g"_s})
        b.software(n);
    b.link(u"a"_s, RelationType::DependsOn, u"b"_s);
    b.link(u"b"_s, RelationType::DependsOn, u"c"_s);
    b.link(u"c"_s, RelationType::DependsOn, u"a"_s);
    b.link(u"c"_s, RelationType::DependsOn, u"d"_s); // leaves the cycle
    b.link(u"e"_s, RelationType::DependsOn, u"e"_s); // old data: a self-reference
    b.link(u"f"_s, RelationType::DependsOn, u"g"_s);
    b.link(u"g"_s, RelationType::DependsOn, u"f"_s);
    const LineageGraph graph = b.build();
    const QVector<QVector<int>> groups = graphquery::cycles(graph);
    QCOMPARE(groups.size(), 3);
    QCOMPARE(test::names(graph, groups.at(0)), QStringList({u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(test::names(graph, groups.at(1)), QStringList({u"e"_s}));
    QCOMPARE(test::names(graph, groups.at(2)), QStringList({u"f"_s, u"g"_s}));
    QVERIFY(graphquery::cycles(chain().build()).isEmpty());
}

void TestGraphQueries::cyclesOnALongChainDoNotOverflow()
{
    constexpr int kLength = 200000;
    GraphSnapshot s;
    for (int i = 1; i <= kLength; ++i) {
        s.nodes.append({i, RecordKind::Software, u"p%1"_s.arg(i), {}, false, true, true, {}, {}});
        if (i > 1)
            s.edges.append({0, i, i - 1, RelationType::DependsOn, {}});
    }
    s.edges.append({0, 1, kLength, RelationType::DependsOn, {}}); // closes the chain into one big loop
    const LineageGraph graph(s);
    const QVector<QVector<int>> groups = graphquery::cycles(graph);
    QCOMPARE(groups.size(), 1);
    QCOMPARE(groups.first().size(), kLength);
    QCOMPARE(graphquery::lineage(graph, 0).reached.size(), kLength);
}

void TestGraphQueries::orphansAreModelsWithoutOrigin()
{
    GraphBuilder b = chain();
    b.model(u"loose"_s);
    b.model(u"only trained"_s);
    b.model(u"self-derived"_s);
    b.link(u"only trained"_s, RelationType::TrainedOn, u"tickets"_s);
    b.derived(u"self-derived"_s, u"self-derived"_s);
    b.dataset(u"lonely data"_s);
    const LineageGraph graph = b.build();
    QCOMPARE(test::names(graph, graphquery::orphans(graph)),
             QStringList({u"loose"_s, u"only trained"_s, u"self-derived"_s}));
}

void TestGraphQueries::supplierConcentrationUnderARecord()
{
    const LineageGraph graph = chain().build();
    const SupplierConcentration c = graphquery::supplierConcentration(graph, test::at(graph, u"gguf"_s));
    // gguf, assistant, instruct, base, tickets: five records. Acme provides assistant and tickets, Meta provides
    // base, and nobody is recorded for gguf and instruct.
    QCOMPARE(c.lineageRecords, 5);
    QCOMPARE(c.suppliers.size(), 2);
    QCOMPARE(graph.node(c.suppliers.at(0).supplier).name, u"Acme"_s);
    QCOMPARE(test::sortedNames(graph, c.suppliers.at(0).records), QStringList({u"assistant"_s, u"tickets"_s}));
    QCOMPARE(c.suppliers.at(0).share, 0.4);
    QCOMPARE(graph.node(c.suppliers.at(1).supplier).name, u"Meta"_s);
    QCOMPARE(c.suppliers.at(1).share, 0.2);
    QCOMPARE(test::sortedNames(graph, c.noSupplier), QStringList({u"gguf"_s, u"instruct"_s}));

    // A record provided by two suppliers counts for both; a supplier's own lineage holds no records.
    GraphBuilder b = chain();
    b.link(u"gguf"_s, RelationType::ProvidedBy, u"Meta"_s);
    b.link(u"gguf"_s, RelationType::ProvidedBy, u"Acme"_s);
    const LineageGraph shared = b.build();
    const SupplierConcentration both = graphquery::supplierConcentration(shared, test::at(shared, u"gguf"_s));
    QCOMPARE(both.suppliers.at(0).records.size(), 3);
    QCOMPARE(both.suppliers.at(1).records.size(), 2);
    QCOMPARE(graphquery::supplierConcentration(shared, test::at(shared, u"Meta"_s)).lineageRecords, 0);
}

void TestGraphQueries::subgraphKeepsRelationsBetweenReachedRecords()
{
    const LineageGraph graph = chain().build();
    const Traversal t = graphquery::lineage(graph, test::at(graph, u"merge"_s));
    const GraphSnapshot view = graphquery::subgraph(graph, t);
    QCOMPARE(view.nodes.size(), t.reached.size());
    // merge->instruct, merge->guard, instruct->base, guard->base, base->Meta: both paths to base are kept.
    QCOMPARE(view.edges.size(), 5);
    const GraphSnapshot derivedOnly = graphquery::subgraph(graph, t, relationBit(RelationType::DerivedFrom));
    QCOMPARE(derivedOnly.edges.size(), 4);
    for (const GraphEdge &e : view.edges) {
        QVERIFY(
            std::any_of(view.nodes.cbegin(), view.nodes.cend(), [&](const GraphNode &n) { return n.id == e.from; }));
        QVERIFY(std::any_of(view.nodes.cbegin(), view.nodes.cend(), [&](const GraphNode &n) { return n.id == e.to; }));
    }
}

QTEST_GUILESS_MAIN(TestGraphQueries)
#include "TestGraphQueries.moc"
