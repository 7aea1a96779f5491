// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "FindingFilterModel.h"
#include "FindingTableModel.h"
#include "workspace/Workspace.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

const QDate kToday(2026, 6, 15);

} // namespace

/// The risk register as a table: scores and levels, overdue and lapsed flags, and the filters by status, level
/// and heat-map cell.
class TestFindingTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void riskLevelBands_data();
    void riskLevelBands();
    void showsScoreOwnerAndItem();
    void overdueIsFlagged();
    void filters_data();
    void filters();
    void statusChangesReloadTheTable();

private:
    qint64 add(const QString &title, int likelihood, int impact, const QDate &due);
    QStringList titles(const QAbstractItemModel *model) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<FindingTableModel> m_model;
    qint64 m_assessment = 0;
};

void TestFindingTableModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto ws = Workspace::open(m_dir->filePath(u"w.strata"_s));
    QVERIFY(ws.ok());
    m_ws = std::move(ws).value();
    Record dataset;
    dataset.kind = RecordKind::Dataset;
    dataset.name = u"Web corpus"_s;
    const qint64 record = m_ws->createRecord(dataset).value();
    m_assessment = m_ws->createAssessment(AssessmentScope{0, record}).value().id;
    QVERIFY(m_ws->setItemStatus(m_assessment, {u"SC-DAT-02"_s, ItemStatus::Fail, u"no checksums"_s, {}}).ok());
    QVERIFY(add(u"No checksums"_s, 4, 5, kToday.addDays(-3)) > 0);  // 20 critical, overdue
    QVERIFY(add(u"Stale licence"_s, 2, 3, kToday.addDays(10)) > 0); // 6 medium
    QVERIFY(add(u"Typo in card"_s, 1, 2, kToday.addDays(-30)) > 0); // 2 low, overdue
    QVERIFY(add(u"Unpinned revision"_s, 4, 5, {}) > 0);             // 20 critical
    m_model = std::make_unique<FindingTableModel>(m_ws.get());
    m_model->setToday(kToday);
    new QAbstractItemModelTester(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_model.get());
}

void TestFindingTableModel::cleanup()
{
    m_model.reset();
    m_ws.reset();
    m_dir.reset();
}

qint64 TestFindingTableModel::add(const QString &title, int likelihood, int impact, const QDate &due)
{
    Finding f;
    f.assessmentId = m_assessment;
    f.itemKey = u"SC-DAT-02"_s;
    f.title = title;
    f.likelihood = likelihood;
    f.impact = impact;
    f.owner = u"Dana"_s;
    f.dueDate = due;
    const Result<Finding> added = m_ws->addFinding(f);
    if (!added)
        qWarning("%s", qPrintable(added.error().message));
    return added ? added.value().id : 0;
}

QStringList TestFindingTableModel::titles(const QAbstractItemModel *model) const
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out << model->index(row, FindingTableModel::Title).data().toString();
    out.sort();
    return out;
}

void TestFindingTableModel::riskLevelBands_data()
{
    QTest::addColumn<int>("score");
    QTest::addColumn<int>("level");
    QTest::newRow("1") << 1 << int(RiskLevel::Low);
    QTest::newRow("4") << 4 << int(RiskLevel::Low);
    QTest::newRow("5") << 5 << int(RiskLevel::Medium);
    QTest::newRow("9") << 9 << int(RiskLevel::Medium);
    QTest::newRow("10") << 10 << int(RiskLevel::High);
    QTest::newRow("16") << 16 << int(RiskLevel::High);
    QTest::newRow("20") << 20 << int(RiskLevel::Critical);
    QTest::newRow("25") << 25 << int(RiskLevel::Critical);
}

void TestFindingTableModel::riskLevelBands()
{
    QFETCH(int, score);
    QFETCH(int, level);
    QCOMPARE(int(riskLevel(score)), level);
}

void TestFindingTableModel::showsScoreOwnerAndItem()
{
    QCOMPARE(m_model->rowCount(), 4);
    const int row = m_model->rowOf(m_model->findings().constFirst().id);
    QCOMPARE(m_model->index(row, FindingTableModel::Score).data().toString(), u"20 (Critical)"_s);
    QCOMPARE(m_model->index(row, FindingTableModel::Owner).data().toString(), u"Dana"_s);
    const QString item = m_model->index(row, FindingTableModel::Item).data().toString();
    QVERIFY2(item.contains(u"SC-DAT-02"_s) && item.contains(u"Web corpus"_s), qPrintable(item));
}

void TestFindingTableModel::overdueIsFlagged()
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const Finding *f = m_model->findingAt(row);
        const QModelIndex due = m_model->index(row, FindingTableModel::Due);
        const bool overdue = f->title == u"No checksums"_s || f->title == u"Typo in card"_s;
        QCOMPARE(due.data(FindingTableModel::OverdueRole).toBool(), overdue);
        QCOMPARE(due.data().toString().contains(u"overdue"_s), overdue);
        QCOMPARE(!due.data(Qt::DecorationRole).value<QIcon>().isNull(), overdue);
    }
    // Closing a finding ends its being overdue.
    const qint64 id = m_model->findings().constFirst().id;
    QVERIFY(m_ws->setFindingStatus(id, FindingStatus::Closed).ok());
    QVERIFY(!m_model->index(m_model->rowOf(id), FindingTableModel::Due).data(FindingTableModel::OverdueRole).toBool());
}

void TestFindingTableModel::filters_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("likelihood");
    QTest::addColumn<int>("impact");
    QTest::addColumn<QStringList>("shown");
    QTest::newRow("none") << -1 << -1 << 0 << 0
                          << QStringList{u"No checksums"_s, u"Stale licence"_s, u"Typo in card"_s,
                                         u"Unpinned revision"_s};
    QTest::newRow("critical") << -1 << int(RiskLevel::Critical) << 0 << 0
                              << QStringList{u"No checksums"_s, u"Unpinned revision"_s};
    QTest::newRow("cell 2x3") << -1 << -1 << 2 << 3 << QStringList{u"Stale licence"_s};
    QTest::newRow("empty cell") << -1 << -1 << 5 << 5 << QStringList();
    QTest::newRow("mitigating") << int(FindingStatus::Mitigating) << -1 << 0 << 0 << QStringList{u"Typo in card"_s};
    QTest::newRow("open and critical in 4x5") << int(FindingStatus::Open) << int(RiskLevel::Critical) << 4 << 5
                                              << QStringList{u"No checksums"_s, u"Unpinned revision"_s};
}

void TestFindingTableModel::filters()
{
    QFETCH(int, status);
    QFETCH(int, level);
    QFETCH(int, likelihood);
    QFETCH(int, impact);
    QFETCH(QStringList, shown);
    for (const Finding &f : m_model->findings()) {
        if (f.title == u"Typo in card"_s)
            QVERIFY(m_ws->setFindingStatus(f.id, FindingStatus::Mitigating).ok());
    }
    FindingFilterModel filter;
    filter.setSourceModel(m_model.get());
    if (status >= 0)
        filter.setStatus(static_cast<FindingStatus>(status));
    if (level >= 0)
        filter.setLevel(static_cast<RiskLevel>(level));
    if (likelihood > 0)
        filter.setCell(std::make_pair(likelihood, impact));
    QCOMPARE(titles(&filter), shown);
}

void TestFindingTableModel::statusChangesReloadTheTable()
{
    const qint64 id = m_model->findings().constLast().id;
    QVERIFY(m_ws->acceptFinding(id, u"Vendor patch next quarter"_s, kToday.addDays(400)).ok());
    const int row = m_model->rowOf(id);
    QCOMPARE(m_model->index(row, FindingTableModel::Status).data().toString(),
             findingStatusLabel(FindingStatus::Accepted));
    QCOMPARE(m_model->index(row, FindingTableModel::Justification).data().toString(), u"Vendor patch next quarter"_s);
    // Past the end of the acceptance, it shows as lapsed.
    m_model->setToday(kToday.addDays(401));
    QVERIFY(m_model->index(row, FindingTableModel::AcceptedUntil).data().toString().contains(u"lapsed"_s));
}

QTEST_MAIN(TestFindingTableModel)
#include "TestFindingTableModel.moc"
