// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "checklist/ReleaseScope.h"

#include <QHash>
#include <QTest>

using namespace strata;

namespace {

using Graph = QHash<qint64, QList<qint64>>;

QList<qint64> walk(qint64 root, const Graph &graph, int *calls = nullptr)
{
    return release_scope::upstream(root, [&](qint64 id) {
        if (calls)
            ++*calls;
        return graph.value(id);
    });
}

} // namespace

/// The default members of a release: everything upstream of the root, each once, even when the graph loops.
class TestReleaseScope : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aLoneRootIsItsOwnRelease();
    void followsEveryEdgeBreadthFirst();
    void cyclesEndWhereTheyClose_data();
    void cyclesEndWhereTheyClose();
    void downstreamRecordsStayOut();
};

void TestReleaseScope::aLoneRootIsItsOwnRelease()
{
    QCOMPARE(walk(7, {}), QList<qint64>{7});
}

void TestReleaseScope::followsEveryEdgeBreadthFirst()
{
    // 1 -> 2, 3; 2 -> 4; 3 -> 4, 5; 4 -> 6: the shared ancestor 4 is listed once, in the first place it is reached.
    const Graph graph{{1, {2, 3}}, {2, {4}}, {3, {4, 5}}, {4, {6}}};
    QCOMPARE(walk(1, graph), (QList<qint64>{1, 2, 3, 4, 5, 6}));
}

void TestReleaseScope::cyclesEndWhereTheyClose_data()
{
    QTest::addColumn<Graph>("graph");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("self loop") << Graph{{1, {1, 2}}} << QList<qint64>{1, 2};
    QTest::newRow("two records point at each other") << Graph{{1, {2}}, {2, {1}}} << QList<qint64>{1, 2};
    QTest::newRow("loop back to the root through three")
        << Graph{{1, {2}}, {2, {3}}, {3, {1, 4}}} << QList<qint64>{1, 2, 3, 4};
    QTest::newRow("loop below the root") << Graph{{1, {2}}, {2, {3}}, {3, {2}}} << QList<qint64>{1, 2, 3};
}

void TestReleaseScope::cyclesEndWhereTheyClose()
{
    QFETCH(Graph, graph);
    QFETCH(QList<qint64>, expected);
    int calls = 0;
    QCOMPARE(walk(1, graph, &calls), expected);
    // Each record is expanded exactly once: a loop never makes the walk ask again.
    QCOMPARE(calls, int(expected.size()));
}

void TestReleaseScope::downstreamRecordsStayOut()
{
    // 9 is derived from the root (9 -> 1): it is downstream, and not part of a release of 1.
    const Graph graph{{9, {1}}, {1, {2}}};
    const QList<qint64> members = walk(1, graph);
    QVERIFY(!members.contains(9));
    QCOMPARE(members, (QList<qint64>{1, 2}));
}

QTEST_GUILESS_MAIN(TestReleaseScope)
#include "TestReleaseScope.moc"
