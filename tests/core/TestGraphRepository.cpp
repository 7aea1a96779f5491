// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "domain/Fields.h"
#include "graph/GraphQueries.h"
#include "storage/GraphRepository.h"
#include "workspace/Workspace.h"

#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

QSet<qint64> nodeIds(const GraphSnapshot &s)
{
    QSet<qint64> ids;
    for (const GraphNode &n : s.nodes)
        ids.insert(n.id);
    return ids;
}

QSet<QString> edgeKeys(const GraphSnapshot &s)
{
    QSet<QString> keys;
    for (const GraphEdge &e : s.edges)
        keys.insert(u"%1 %2 %3 %4"_s.arg(e.from).arg(relationTypeKey(e.type)).arg(e.to).arg(e.subtype));
    return keys;
}

} // namespace

/// Reading the graph out of a workspace: the whole of it, in slices, or around one record through the indexes,
/// with the fields the risk rules need; and the layout cache kept in the workspace.
class TestGraphRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void wholeGraphHasEveryRecordAndRelation();
    void riskFieldsComeFromTheRecord();
    void slicesAddUpToTheWholeGraph();
    void aroundAFocusMatchesTheInMemoryWalk_data();
    void aroundAFocusMatchesTheInMemoryWalk();
    void denseRunsOfIdsLeaveOutTheirNeighbours_data();
    void denseRunsOfIdsLeaveOutTheirNeighbours();
    void aroundAFocusKeepsTheDigestFlags();
    void unknownFocusIsAnError();
    void emptyWorkspaceHasAnEmptyGraph();
    void layoutsRoundTripAndOldOnesGo();
    void storingALayoutIsNotAnEdit();

private:
    qint64 add(RecordKind kind, const QString &name, const QString &license = u"MIT"_s);
    void link(qint64 from, RelationType type, qint64 to, const QString &subtype = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    QMap<QString, qint64> m_ids;
};

void TestGraphRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Result<std::unique_ptr<Workspace>> ws = Workspace::open(m_dir->filePath(u"graph.strata"_s));
    QVERIFY2(ws.ok(), ws.ok() ? "" : qPrintable(ws.error().message));
    m_ws = std::move(ws).value();
    m_ids.clear();

    // Meta <- base <- tune <- gguf; tune trained_on data (provided by Acme); merge of tune and base; a loop of two
    // packages under gguf; a record with no relations.
    add(RecordKind::Supplier, u"Meta"_s, {});
    add(RecordKind::Supplier, u"Acme"_s, {});
    add(RecordKind::Model, u"base"_s);
    add(RecordKind::Model, u"tune"_s);
    add(RecordKind::Model, u"gguf"_s);
    add(RecordKind::Model, u"merge"_s);
    add(RecordKind::Dataset, u"data"_s, {});
    add(RecordKind::Software, u"runtime"_s);
    add(RecordKind::Software, u"plugin"_s);
    add(RecordKind::Service, u"alone"_s, {});
    link(m_ids[u"base"_s], RelationType::ProvidedBy, m_ids[u"Meta"_s]);
    link(m_ids[u"tune"_s], RelationType::DerivedFrom, m_ids[u"base"_s], u"finetune"_s);
    link(m_ids[u"gguf"_s], RelationType::DerivedFrom, m_ids[u"tune"_s], u"quantized"_s);
    link(m_ids[u"merge"_s], RelationType::DerivedFrom, m_ids[u"tune"_s], u"merge"_s);
    link(m_ids[u"merge"_s], RelationType::DerivedFrom, m_ids[u"base"_s], u"merge"_s);
    link(m_ids[u"tune"_s], RelationType::TrainedOn, m_ids[u"data"_s]);
    link(m_ids[u"data"_s], RelationType::ProvidedBy, m_ids[u"Acme"_s]);
    link(m_ids[u"gguf"_s], RelationType::DependsOn, m_ids[u"runtime"_s]);
    link(m_ids[u"runtime"_s], RelationType::DependsOn, m_ids[u"plugin"_s]);
    link(m_ids[u"plugin"_s], RelationType::DependsOn, m_ids[u"runtime"_s]);
}

void TestGraphRepository::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

qint64 TestGraphRepository::add(RecordKind kind, const QString &name, const QString &license)
{
    Record r;
    r.kind = kind;
    r.name = name;
    r.license = license;
    const Result<qint64> id = m_ws->createRecord(r);
    if (!id.ok())
        qFatal("%s", qPrintable(id.error().message));
    m_ids.insert(name, id.value());
    return id.value();
}

void TestGraphRepository::link(qint64 from, RelationType type, qint64 to, const QString &subtype)
{
    const Result<Relation> r = m_ws->link(from, type, to, subtype);
    if (!r.ok())
        qFatal("%s", qPrintable(r.error().message));
}

void TestGraphRepository::wholeGraphHasEveryRecordAndRelation()
{
    const Result<GraphSnapshot> graph = m_ws->graph();
    QVERIFY2(graph.ok(), graph.ok() ? "" : qPrintable(graph.error().message));
    QCOMPARE(nodeIds(graph.value()), QSet<qint64>(m_ids.cbegin(), m_ids.cend()));
    QCOMPARE(graph.value().edges.size(), 10);
    const QSet<QString> keys = edgeKeys(graph.value());
    QVERIFY(keys.contains(u"%1 derived_from %2 quantized"_s.arg(m_ids[u"gguf"_s]).arg(m_ids[u"tune"_s])));
    QVERIFY(keys.contains(u"%1 provided_by %2 "_s.arg(m_ids[u"data"_s]).arg(m_ids[u"Acme"_s])));
    for (const GraphNode &n : graph.value().nodes) {
        QCOMPARE(n.id, m_ids.value(n.name));
        QCOMPARE(n.name, m_ids.key(n.id));
    }
    for (const GraphEdge &e : graph.value().edges)
        QVERIFY(e.id > 0);
}

void TestGraphRepository::riskFieldsComeFromTheRecord()
{
    Record placeholder;
    placeholder.kind = RecordKind::Model;
    placeholder.name = u"referenced only"_s;
    placeholder.placeholder = true;
    const qint64 ref = m_ws->createRecord(placeholder).value();

    Artifact file;
    file.recordId = m_ids[u"base"_s];
    file.fileName = u"model.safetensors"_s;
    file.digest = QString(64, u'a');
    QVERIFY(m_ws->addArtifact(file).ok());

    Record meta = m_ws->record(m_ids[u"Meta"_s]).value();
    QVERIFY(
        fields::setField(meta, u"certifications"_s, u"ISO/IEC 27001|BSI|2027-03-31; SOC 2 Type II|AICPA|2026-01-31"_s)
            .ok());
    QVERIFY(m_ws->updateRecord(meta).ok());

    const GraphSnapshot graph = m_ws->graph().value();
    QHash<qint64, GraphNode> byId;
    for (const GraphNode &n : graph.nodes)
        byId.insert(n.id, n);
    QVERIFY(byId.value(ref).placeholder);
    QVERIFY(!byId.value(m_ids[u"base"_s]).placeholder);
    QVERIFY(byId.value(m_ids[u"base"_s]).hasDigest);
    QVERIFY(!byId.value(m_ids[u"tune"_s]).hasDigest);
    QVERIFY(byId.value(m_ids[u"tune"_s]).hasLicense);
    QVERIFY(!byId.value(m_ids[u"data"_s]).hasLicense);
    QCOMPARE(byId.value(m_ids[u"gguf"_s]).kind, RecordKind::Model);
    // The certification that lapses first.
    QCOMPARE(byId.value(m_ids[u"Meta"_s]).certification, u"SOC 2 Type II"_s);
    QCOMPARE(byId.value(m_ids[u"Meta"_s]).certificationValidUntil, QDate(2026, 1, 31));
    QVERIFY(!byId.value(m_ids[u"Acme"_s]).certificationValidUntil.isValid());
}

void TestGraphRepository::slicesAddUpToTheWholeGraph()
{
    GraphLoad load;
    int calls = 0;
    while (!load.done()) {
        QVERIFY(m_ws->readGraph(load, 3).ok());
        QVERIFY(++calls < 100);
    }
    QCOMPARE(load.totalNodes, m_ids.size());
    QCOMPARE(load.totalEdges, 10);
    QVERIFY(calls >= 8); // 10 records and 10 relations, 3 at a time
    const GraphSnapshot whole = m_ws->graph().value();
    QCOMPARE(nodeIds(load.snapshot), nodeIds(whole));
    QCOMPARE(edgeKeys(load.snapshot), edgeKeys(whole));
    QCOMPARE(load.snapshot.nodes.size(), whole.nodes.size());
}

void TestGraphRepository::aroundAFocusMatchesTheInMemoryWalk_data()
{
    QTest::addColumn<QString>("focus");
    QTest::addColumn<int>("direction");
    QTest::addColumn<int>("depth");
    for (const QString &focus : {u"base"_s, u"tune"_s, u"gguf"_s, u"runtime"_s, u"Meta"_s, u"alone"_s}) {
        for (int direction : {0, 1, 2}) {
            for (int depth : {-1, 1}) {
                QTest::addRow("%s dir %d depth %d", qPrintable(focus), direction, depth) << focus << direction << depth;
            }
        }
    }
}

void TestGraphRepository::aroundAFocusMatchesTheInMemoryWalk()
{
    QFETCH(QString, focus);
    QFETCH(int, direction);
    QFETCH(int, depth);
    const auto dir = static_cast<GraphDirection>(direction);
    const Result<GraphSnapshot> around = m_ws->graph({m_ids[focus], dir, depth});
    QVERIFY2(around.ok(), around.ok() ? "" : qPrintable(around.error().message));
    QCOMPARE(around.value().nodes.first().id, m_ids[focus]);

    const LineageGraph whole(m_ws->graph().value());
    const Traversal walk = graphquery::traverse(whole, whole.indexOf(m_ids[focus]), {dir, depth});
    QSet<qint64> expected;
    for (const ReachedNode &r : walk.reached)
        expected.insert(whole.node(r.node).id);
    QCOMPARE(nodeIds(around.value()), expected);
    QCOMPARE(around.value().nodes.size(), expected.size());

    // Walking the read subgraph again gives the same records at the same distances.
    const LineageGraph part(around.value());
    const Traversal again = graphquery::traverse(part, 0, {dir, depth});
    QMap<qint64, int> a;
    QMap<qint64, int> b;
    for (const ReachedNode &r : walk.reached)
        a.insert(whole.node(r.node).id, r.distance);
    for (const ReachedNode &r : again.reached)
        b.insert(part.node(r.node).id, r.distance);
    QCOMPARE(b, a);
}

void TestGraphRepository::denseRunsOfIdsLeaveOutTheirNeighbours_data()
{
    QTest::addColumn<int>("direction");
    QTest::newRow("impact") << int(GraphDirection::Downstream);
    QTest::newRow("lineage") << int(GraphDirection::Upstream);
    QTest::newRow("both") << int(GraphDirection::Both);
}

void TestGraphRepository::denseRunsOfIdsLeaveOutTheirNeighbours()
{
    // Enough records created together that the walk reads their ids as ranges; one in three is not built on the
    // focus but lies between those that are, with relations of its own that must stay out of the answer.
    QFETCH(int, direction);
    const auto dir = static_cast<GraphDirection>(direction);
    const qint64 focus = m_ids[u"base"_s];
    const qint64 other = m_ids[u"alone"_s];
    QVector<qint64> built;
    for (int i = 0; i < 150; ++i) {
        const qint64 id = add(RecordKind::Model, u"dense-%1"_s.arg(i));
        if (i % 3 == 2) {
            link(id, RelationType::DependsOn, other);
            link(add(RecordKind::Software, u"stray-%1"_s.arg(i)), RelationType::DependsOn, id);
        } else {
            link(id, RelationType::DerivedFrom, i % 3 == 0 || built.isEmpty() ? focus : built.constLast());
            built << id;
        }
    }
    // Upstream, the same shape: the focus made of a dense run.
    const qint64 top = add(RecordKind::Model, u"top"_s);
    for (qint64 id : std::as_const(built))
        link(top, RelationType::DerivedFrom, id);

    const LineageGraph whole(m_ws->graph().value());
    for (const qint64 start : {focus, top}) {
        const Result<GraphSnapshot> around = m_ws->graph({start, dir, -1});
        QVERIFY2(around.ok(), around.ok() ? "" : qPrintable(around.error().message));
        QCOMPARE(around.value().nodes.first().id, start);
        const Traversal walk = graphquery::traverse(whole, whole.indexOf(start), {dir});
        QSet<qint64> expected;
        for (const ReachedNode &r : walk.reached)
            expected.insert(whole.node(r.node).id);
        QCOMPARE(nodeIds(around.value()), expected);
        QCOMPARE(around.value().nodes.size(), expected.size());
        // Every relation between records of the answer that the walk follows is there, each once.
        QSet<qint64> relations;
        for (const GraphEdge &e : around.value().edges) {
            QVERIFY(expected.contains(e.from) && expected.contains(e.to));
            QVERIFY(!relations.contains(e.id));
            relations.insert(e.id);
        }
        QVERIFY(relations.size() >= expected.size() - 1);
    }
}

void TestGraphRepository::aroundAFocusKeepsTheDigestFlags()
{
    // A focused read finds the records with digests in a separate read (ranges and scattered ids): each record must
    // carry the same flag as in the whole graph, which asks per record.
    const qint64 focus = m_ids[u"base"_s];
    int withDigest = 0;
    for (int i = 0; i < 80; ++i) {
        const qint64 id = add(RecordKind::Model, u"dense-%1"_s.arg(i));
        link(id, RelationType::DerivedFrom, focus);
        if (i % 4 == 1 || i == 79) {
            Artifact file;
            file.recordId = id;
            file.fileName = u"model-%1.gguf"_s.arg(i);
            file.digest = QString(64, u'b');
            QVERIFY(m_ws->addArtifact(file).ok());
            ++withDigest;
        }
    }
    QHash<qint64, bool> expected;
    for (const GraphNode &n : m_ws->graph().value().nodes)
        expected.insert(n.id, n.hasDigest);
    const Result<GraphSnapshot> around = m_ws->graph({focus, GraphDirection::Both, -1});
    QVERIFY2(around.ok(), around.ok() ? "" : qPrintable(around.error().message));
    int flagged = 0;
    for (const GraphNode &n : around.value().nodes) {
        QCOMPARE(n.hasDigest, expected.value(n.id));
        flagged += n.hasDigest ? 1 : 0;
    }
    QVERIFY(flagged >= withDigest);
}

void TestGraphRepository::unknownFocusIsAnError()
{
    const Result<GraphSnapshot> graph = m_ws->graph({987654, GraphDirection::Both, -1});
    QVERIFY(!graph.ok());
    QCOMPARE(graph.error().code, ErrorCode::NotFound);
    QVERIFY(graph.error().message.contains(u"987654"_s));
}

void TestGraphRepository::emptyWorkspaceHasAnEmptyGraph()
{
    m_ws.reset();
    Result<std::unique_ptr<Workspace>> ws = Workspace::open(m_dir->filePath(u"empty.strata"_s));
    QVERIFY(ws.ok());
    const Result<GraphSnapshot> graph = ws.value()->graph();
    QVERIFY(graph.ok());
    QVERIFY(graph.value().nodes.isEmpty());
    QVERIFY(graph.value().edges.isEmpty());
}

void TestGraphRepository::layoutsRoundTripAndOldOnesGo()
{
    QCOMPARE(m_ws->storedLayout("nothing").value(), QByteArray());
    const QByteArray data("\x00\x01layout\xff", 10);
    QVERIFY(m_ws->storeLayout("k0", data, 3).ok());
    QCOMPARE(m_ws->storedLayout("k0").value(), data);
    QVERIFY(m_ws->storeLayout("k0", "replaced", 3).ok());
    QCOMPARE(m_ws->storedLayout("k0").value(), QByteArray("replaced"));
    for (int i = 1; i <= GraphRepository::kLayoutsKept; ++i)
        QVERIFY(m_ws->storeLayout("k" + QByteArray::number(i), QByteArray::number(i), i).ok());
    // k0 is the oldest of kLayoutsKept + 1 layouts: it went; the newest stay.
    QCOMPARE(m_ws->storedLayout("k0").value(), QByteArray());
    QCOMPARE(m_ws->storedLayout("k1").value(), QByteArray("1"));
    QCOMPARE(m_ws->storedLayout("k" + QByteArray::number(GraphRepository::kLayoutsKept)).value(),
             QByteArray::number(GraphRepository::kLayoutsKept));
}

void TestGraphRepository::storingALayoutIsNotAnEdit()
{
    QSignalSpy kinds(m_ws.get(), &Workspace::recordsChanged);
    QSignalSpy records(m_ws.get(), &Workspace::recordChanged);
    QVERIFY(m_ws->storeLayout("key", "data", 1).ok());
    QCOMPARE(kinds.count(), 0);
    QCOMPARE(records.count(), 0);
}

QTEST_GUILESS_MAIN(TestGraphRepository)
#include "TestGraphRepository.moc"
