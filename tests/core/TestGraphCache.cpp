// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "graph/GraphCache.h"
#include "graph/GraphQueries.h"
#include "workspace/Workspace.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

/// The in-memory graph between questions: reused while the workspace is unchanged, dropped on any change, and
/// never replaced by a graph read before the latest change.
class TestGraphCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void reusedUntilTheWorkspaceChanges();
    void fieldChangesAlsoInvalidate();
    void slicedLoadGivesTheSameGraph();
    void staleGraphIsRefused();

private:
    qint64 add(RecordKind kind, const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
};

void TestGraphCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    Result<std::unique_ptr<Workspace>> ws = Workspace::open(m_dir->filePath(u"cache.strata"_s));
    QVERIFY(ws.ok());
    m_ws = std::move(ws).value();
}

void TestGraphCache::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

qint64 TestGraphCache::add(RecordKind kind, const QString &name)
{
    Record r;
    r.kind = kind;
    r.name = name;
    return m_ws->createRecord(r).value();
}

void TestGraphCache::reusedUntilTheWorkspaceChanges()
{
    const qint64 base = add(RecordKind::Model, u"base"_s);
    const qint64 tune = add(RecordKind::Model, u"tune"_s);
    GraphCache cache(m_ws.get());
    QSignalSpy invalidated(&cache, &GraphCache::invalidated);
    const auto first = cache.graph();
    QVERIFY(first.ok());
    QCOMPARE(first.value()->nodeCount(), 2);
    QCOMPARE(first.value()->edgeCount(), 0);
    QCOMPARE(cache.graph().value().get(), first.value().get());

    QVERIFY(m_ws->link(tune, RelationType::DerivedFrom, base, u"finetune"_s).ok());
    QVERIFY(invalidated.count() >= 1);
    QVERIFY(!cache.current());
    const auto second = cache.graph();
    QVERIFY(second.value().get() != first.value().get());
    QCOMPARE(second.value()->edgeCount(), 1);
    QCOMPARE(graphquery::impact(*second.value(), second.value()->indexOf(base)).reached.size(), 2);
    // The old graph is still valid for whoever holds it.
    QCOMPARE(first.value()->edgeCount(), 0);
}

void TestGraphCache::fieldChangesAlsoInvalidate()
{
    const qint64 base = add(RecordKind::Model, u"base"_s);
    GraphCache cache(m_ws.get());
    QVERIFY(!cache.graph().value()->node(0).hasLicense);
    Record r = m_ws->record(base).value();
    r.license = u"Apache-2.0"_s;
    QVERIFY(m_ws->updateRecord(r).ok());
    QVERIFY(cache.graph().value()->node(0).hasLicense);
}

void TestGraphCache::slicedLoadGivesTheSameGraph()
{
    QVector<qint64> ids;
    for (int i = 0; i < 7; ++i)
        ids << add(RecordKind::Software, u"p%1"_s.arg(i));
    for (int i = 1; i < ids.size(); ++i)
        QVERIFY(m_ws->link(ids.at(i), RelationType::DependsOn, ids.at(i - 1)).ok());
    GraphCache cache(m_ws.get());
    const quint64 generation = cache.generation();
    int slices = 0;
    for (;;) {
        const Result<bool> done = cache.loadSlice(4);
        QVERIFY(done.ok());
        ++slices;
        QVERIFY(cache.rowsRead() <= cache.rowsTotal());
        if (done.value())
            break;
    }
    QCOMPARE(cache.rowsTotal(), 13);
    QVERIFY(slices >= 4);
    auto graph = std::make_shared<const LineageGraph>(cache.takeSnapshot());
    QVERIFY(cache.adopt(graph, generation));
    QCOMPARE(cache.current().get(), graph.get());
    QCOMPARE(graphquery::lineage(*graph, graph->indexOf(ids.last())).reached.size(), 7);
}

void TestGraphCache::staleGraphIsRefused()
{
    add(RecordKind::Model, u"base"_s);
    GraphCache cache(m_ws.get());
    const quint64 generation = cache.generation();
    while (!cache.loadSlice(100).value()) {
    }
    auto graph = std::make_shared<const LineageGraph>(cache.takeSnapshot());
    add(RecordKind::Model, u"added while indexing"_s);
    QVERIFY(!cache.adopt(graph, generation));
    QVERIFY(!cache.current());
    QCOMPARE(cache.graph().value()->nodeCount(), 2);
}

QTEST_GUILESS_MAIN(TestGraphCache)
#include "TestGraphCache.moc"
