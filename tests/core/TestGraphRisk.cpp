// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "GraphSamples.h"
#include "graph/GraphRisk.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using strata::test::GraphBuilder;

namespace {

constexpr RiskReasons reason(RiskReason r)
{
    return static_cast<RiskReasons>(r);
}

const QDate kToday(2026, 6, 1);

/// Vendor <- base <- tune <- gguf <- app; tune trained_on data; everything clean until a test spoils it.
GraphBuilder clean()
{
    GraphBuilder b;
    b.supplier(u"Vendor"_s);
    b.model(u"base"_s);
    b.model(u"tune"_s);
    b.model(u"gguf"_s);
    b.dataset(u"data"_s);
    b.software(u"app"_s);
    b.link(u"base"_s, RelationType::ProvidedBy, u"Vendor"_s);
    b.derived(u"tune"_s, u"base"_s);
    b.derived(u"gguf"_s, u"tune"_s, u"quantized"_s);
    b.link(u"tune"_s, RelationType::TrainedOn, u"data"_s);
    b.link(u"app"_s, RelationType::DependsOn, u"gguf"_s);
    return b;
}

} // namespace

/// Risk rules and their propagation: which records are risky in themselves, which inherit it, and the path from
/// each to its cause; all on hand-made graphs, cycles included.
class TestGraphRisk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rulesPerKind_data();
    void rulesPerKind();
    void cleanGraphHasNoRisk();
    void unlicensedDatasetTaintsWhatIsTrainedOnIt();
    void expiredCertificationTaintsWhatTheSupplierProvides();
    void nearestCauseWins();
    void riskyRecordAlsoInheritsFromAnotherCause();
    void propagationTerminatesOnCycles();
    void explainListsEveryCauseWithItsPath();
    void reasonKeysAndTexts();
};

void TestGraphRisk::rulesPerKind_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("placeholder");
    QTest::addColumn<bool>("hasLicense");
    QTest::addColumn<bool>("hasDigest");
    QTest::addColumn<QDate>("certificationValidUntil");
    QTest::addColumn<int>("expected");

    const int model = int(RecordKind::Model);
    const int dataset = int(RecordKind::Dataset);
    const int software = int(RecordKind::Software);
    const int service = int(RecordKind::Service);
    const int supplier = int(RecordKind::Supplier);
    const int license = reason(RiskReason::MissingLicense);
    const int digest = reason(RiskReason::MissingDigest);
    QTest::newRow("complete model") << model << false << true << true << QDate() << 0;
    QTest::newRow("model, no license") << model << false << false << true << QDate() << license;
    QTest::newRow("model, no digest") << model << false << true << false << QDate() << digest;
    QTest::newRow("placeholder model, nothing known")
        << model << true << false << false << QDate() << (license | digest | reason(RiskReason::Placeholder));
    QTest::newRow("dataset, no digest") << dataset << false << true << false << QDate() << digest;
    QTest::newRow("software needs a license, not a digest")
        << software << false << false << false << QDate() << license;
    QTest::newRow("service needs neither") << service << false << false << false << QDate() << 0;
    QTest::newRow("supplier, certification valid") << supplier << false << false << false << kToday << 0;
    QTest::newRow("supplier, certification expired")
        << supplier << false << false << false << kToday.addDays(-1) << int(reason(RiskReason::CertificationExpired));
    QTest::newRow("supplier without certifications") << supplier << false << false << false << QDate() << 0;
}

void TestGraphRisk::rulesPerKind()
{
    QFETCH(int, kind);
    QFETCH(bool, placeholder);
    QFETCH(bool, hasLicense);
    QFETCH(bool, hasDigest);
    QFETCH(QDate, certificationValidUntil);
    QFETCH(int, expected);
    GraphNode node;
    node.kind = static_cast<RecordKind>(kind);
    node.placeholder = placeholder;
    node.hasLicense = hasLicense;
    node.hasDigest = hasDigest;
    node.certification = u"ISO/IEC 27001"_s;
    node.certificationValidUntil = certificationValidUntil;
    QCOMPARE(int(GraphRisk::reasonsOf(node, {kToday})), expected);
}

void TestGraphRisk::cleanGraphHasNoRisk()
{
    const LineageGraph graph = clean().build();
    const RiskMap map = GraphRisk::propagate(graph, {kToday});
    QCOMPARE(map.risky, 0);
    QCOMPARE(map.inheriting, 0);
    for (const NodeRisk &r : map.nodes)
        QVERIFY(!r.isRisky() && !r.inherits());
}

void TestGraphRisk::unlicensedDatasetTaintsWhatIsTrainedOnIt()
{
    GraphBuilder b = clean();
    b.node(u"data"_s).hasLicense = false;
    const LineageGraph graph = b.build();
    const RiskMap map = GraphRisk::propagate(graph, {kToday});
    QCOMPARE(map.risky, 1);
    QCOMPARE(map.inheriting, 3);
    const int data = test::at(graph, u"data"_s);
    QCOMPARE(map.nodes.at(data).reasons, reason(RiskReason::MissingLicense));
    for (const QString &name : {u"tune"_s, u"gguf"_s, u"app"_s}) {
        const NodeRisk &r = map.nodes.at(test::at(graph, name));
        QCOMPARE(r.cause, data);
        QVERIFY(!r.isRisky());
    }
    for (const QString &name : {u"base"_s, u"Vendor"_s})
        QVERIFY(!map.nodes.at(test::at(graph, name)).inherits());
    const GraphPath path = GraphRisk::pathToCause(graph, map, test::at(graph, u"app"_s));
    QCOMPARE(test::names(graph, path.nodes), QStringList({u"data"_s, u"tune"_s, u"gguf"_s, u"app"_s}));
    QCOMPARE(path.edges.size(), 3);
    QCOMPARE(graph.edge(path.edges.first()).type, RelationType::TrainedOn);
    QCOMPARE(map.nodes.at(test::at(graph, u"app"_s)).distance, 3);
}

void TestGraphRisk::expiredCertificationTaintsWhatTheSupplierProvides()
{
    GraphBuilder b = clean();
    b.node(u"Vendor"_s).certification = u"SOC 2 Type II"_s;
    b.node(u"Vendor"_s).certificationValidUntil = kToday.addMonths(-2);
    const LineageGraph graph = b.build();
    const RiskMap map = GraphRisk::propagate(graph, {kToday});
    QCOMPARE(map.risky, 1);
    QCOMPARE(map.inheriting, 4); // base, tune, gguf, app; not the dataset
    QVERIFY(!map.nodes.at(test::at(graph, u"data"_s)).inherits());
    QCOMPARE(map.nodes.at(test::at(graph, u"base"_s)).cause, test::at(graph, u"Vendor"_s));
    // The same graph a year earlier: still certified.
    QCOMPARE(GraphRisk::propagate(graph, {kToday.addYears(-1)}).risky, 0);
}

void TestGraphRisk::nearestCauseWins()
{
    GraphBuilder b = clean();
    b.node(u"base"_s).hasDigest = false;  // 3 relations above app
    b.node(u"gguf"_s).placeholder = true; // 1 relation above app
    const LineageGraph graph = b.build();
    const RiskMap map = GraphRisk::propagate(graph, {kToday});
    const NodeRisk &app = map.nodes.at(test::at(graph, u"app"_s));
    QCOMPARE(app.cause, test::at(graph, u"gguf"_s));
    QCOMPARE(app.distance, 1);
    QCOMPARE(map.nodes.at(test::at(graph, u"tune"_s)).cause, test::at(graph, u"base"_s));
}

void TestGraphRisk::riskyRecordAlsoInheritsFromAnotherCause()
{
    GraphBuilder b = clean();
    b.node(u"base"_s).hasLicense = false;
    b.node(u"gguf"_s).hasDigest = false;
    const LineageGraph graph = b.build();
    const RiskMap map = GraphRisk::propagate(graph, {kToday});
    const NodeRisk &gguf = map.nodes.at(test::at(graph, u"gguf"_s));
    QVERIFY(gguf.isRisky());
    QCOMPARE(gguf.cause, test::at(graph, u"base"_s));
    QCOMPARE(gguf.distance, 2);
    QVERIFY(!map.nodes.at(test::at(graph, u"base"_s)).inherits());
}

void TestGraphRisk::propagationTerminatesOnCycles()
{
    GraphBuilder b;
    for (const QString &n : {u"a"_s, u"b"_s, u"c"_s, u"d"_s})
        b.software(n);
    b.node(u"a"_s).hasLicense = false;
    b.link(u"b"_s, RelationType::DependsOn, u"a"_s);
    b.link(u"c"_s, RelationType::DependsOn, u"b"_s);
    b.link(u"a"_s, RelationType::DependsOn, u"c"_s); // a -> c -> b -> a
    b.link(u"c"_s, RelationType::DependsOn, u"c"_s);
    b.link(u"d"_s, RelationType::DependsOn, u"c"_s);
    const LineageGraph graph = b.build();
    const RiskMap map = GraphRisk::propagate(graph, {kToday});
    const int a = test::at(graph, u"a"_s);
    QVERIFY(!map.nodes.at(a).inherits()); // never its own cause
    for (const QString &name : {u"b"_s, u"c"_s, u"d"_s})
        QCOMPARE(map.nodes.at(test::at(graph, name)).cause, a);
    QCOMPARE(GraphRisk::pathToCause(graph, map, test::at(graph, u"d"_s)).nodes.size(), 4);
    QCOMPARE(GraphRisk::explain(graph, test::at(graph, u"d"_s), {kToday}).size(), 1);
}

void TestGraphRisk::explainListsEveryCauseWithItsPath()
{
    GraphBuilder b = clean();
    b.node(u"base"_s).hasLicense = false;
    b.node(u"data"_s).placeholder = true;
    b.node(u"Vendor"_s).certification = u"ISO/IEC 27001"_s;
    b.node(u"Vendor"_s).certificationValidUntil = kToday.addDays(-10);
    const LineageGraph graph = b.build();
    const QVector<RiskCause> causes = GraphRisk::explain(graph, test::at(graph, u"gguf"_s), {kToday});
    QCOMPARE(causes.size(), 3);
    // Nearest first: data and base are 2 relations up, Vendor 3.
    QCOMPARE(graph.node(causes.last().cause).name, u"Vendor"_s);
    QCOMPARE(causes.last().reasons, reason(RiskReason::CertificationExpired));
    for (const RiskCause &c : causes) {
        QCOMPARE(c.path.nodes.first(), c.cause);
        QCOMPARE(c.path.nodes.last(), test::at(graph, u"gguf"_s));
        QCOMPARE(c.path.nodes.size(), c.path.edges.size() + 1);
    }
    QCOMPARE(test::names(graph, causes.last().path.nodes), QStringList({u"Vendor"_s, u"base"_s, u"tune"_s, u"gguf"_s}));
    QCOMPARE(GraphRisk::explain(graph, test::at(graph, u"gguf"_s), {kToday}, 1).size(), 1);
}

void TestGraphRisk::reasonKeysAndTexts()
{
    const RiskReasons all = reason(RiskReason::Placeholder) | reason(RiskReason::MissingLicense) |
                            reason(RiskReason::MissingDigest) | reason(RiskReason::CertificationExpired);
    QCOMPARE(GraphRisk::reasonKeys(all),
             QStringList({u"placeholder"_s, u"missing_license"_s, u"missing_digest"_s, u"certification_expired"_s}));
    GraphNode supplier;
    supplier.certification = u"SOC 2 Type II"_s;
    supplier.certificationValidUntil = QDate(2026, 2, 28);
    const QStringList texts = GraphRisk::reasonTexts(supplier, reason(RiskReason::CertificationExpired));
    QCOMPARE(texts.size(), 1);
    QVERIFY(texts.first().contains(u"SOC 2 Type II"_s));
    QVERIFY(texts.first().contains(u"2026-02-28"_s));
    QVERIFY(GraphRisk::reasonKeys(0).isEmpty());
}

QTEST_GUILESS_MAIN(TestGraphRisk)
#include "TestGraphRisk.moc"
