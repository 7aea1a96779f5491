// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "AssessmentSamples.h"
#include "workspace/Workspace.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::samples;

/// Findings on failed items: their ratings, and the rules that make an accepted risk justified and temporary.
class TestFindings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void findingIsRaisedOnAFailedItem();
    void badFindingsWriteNothing_data();
    void badFindingsWriteNothing();
    void acceptingNeedsJustificationAndALaterExpiry_data();
    void acceptingNeedsJustificationAndALaterExpiry();
    void acceptedFindingAllowsRiskAccepted();
    void acceptingGoesThroughItsOwnCall();
    void findingsAreListedByScore();

private:
    Finding draft(const QString &title = u"No checksum"_s, int likelihood = 3, int impact = 4) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    qint64 m_assessment = 0;
};

void TestFindings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto ws = Workspace::open(m_dir->filePath(u"w.strata"_s));
    QVERIFY(ws.ok());
    m_ws = std::move(ws).value();
    const qint64 data = addRecord(*m_ws, RecordKind::Dataset, u"Corpus"_s);
    m_assessment = m_ws->createAssessment(AssessmentScope{0, data}).value().id;
    QVERIFY(m_ws->setItemStatus(m_assessment, {u"SC-DAT-02"_s, ItemStatus::Fail, u"no checksums"_s, {}}).ok());
}

Finding TestFindings::draft(const QString &title, int likelihood, int impact) const
{
    Finding f;
    f.assessmentId = m_assessment;
    f.itemKey = u"SC-DAT-02"_s;
    f.title = title;
    f.likelihood = likelihood;
    f.impact = impact;
    f.owner = u"data team"_s;
    f.dueDate = QDate::currentDate().addDays(30);
    return f;
}

void TestFindings::findingIsRaisedOnAFailedItem()
{
    QSignalSpy changed(m_ws.get(), &Workspace::assessmentsChanged);
    const Result<Finding> f = m_ws->addFinding(draft());
    QVERIFY2(f.ok(), f.ok() ? "" : qPrintable(f.error().message));
    QCOMPARE(changed.count(), 1);
    QVERIFY(f.value().id > 0);
    QCOMPARE(f.value().status, FindingStatus::Open);
    QCOMPARE(f.value().score(), 12);
    const QList<Finding> all = m_ws->findings().value();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.constFirst().itemKey, u"SC-DAT-02"_s);
    QCOMPARE(all.constFirst().owner, u"data team"_s);
    QCOMPARE(all.constFirst().dueDate, QDate::currentDate().addDays(30));
}

void TestFindings::badFindingsWriteNothing_data()
{
    QTest::addColumn<QString>("item");
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("likelihood");
    QTest::addColumn<int>("impact");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("item not failed") << u"SC-DAT-01"_s << u"t"_s << 3 << 3 << u"fail"_s;
    QTest::newRow("unknown item") << u"SC-XX"_s << u"t"_s << 3 << 3 << u"SC-XX"_s;
    QTest::newRow("empty title") << u"SC-DAT-02"_s << u"  "_s << 3 << 3 << u"title"_s;
    QTest::newRow("title past the cap") << u"SC-DAT-02"_s << QString(501, u't') << 3 << 3 << u"500"_s;
    QTest::newRow("likelihood 0") << u"SC-DAT-02"_s << u"t"_s << 0 << 3 << u"1 to 5"_s;
    QTest::newRow("impact 6") << u"SC-DAT-02"_s << u"t"_s << 3 << 6 << u"1 to 5"_s;
}

void TestFindings::badFindingsWriteNothing()
{
    QFETCH(QString, item);
    QFETCH(QString, title);
    QFETCH(int, likelihood);
    QFETCH(int, impact);
    QFETCH(QString, mentions);
    Finding f = draft(title, likelihood, impact);
    f.itemKey = item;
    QSignalSpy changed(m_ws.get(), &Workspace::assessmentsChanged);
    const Result<Finding> added = m_ws->addFinding(f);
    QVERIFY(!added.ok());
    QVERIFY2(added.error().message.contains(mentions), qPrintable(added.error().message));
    QCOMPARE(m_ws->findings().value().size(), 0);
    QCOMPARE(changed.count(), 0);
}

void TestFindings::acceptingNeedsJustificationAndALaterExpiry_data()
{
    QTest::addColumn<QString>("justification");
    QTest::addColumn<QDate>("until");
    QTest::addColumn<bool>("accepted");
    const QDate today = QDate::currentDate();
    QTest::newRow("justified until tomorrow") << u"Compensating control: hash on load"_s << today.addDays(1) << true;
    QTest::newRow("no justification") << u" "_s << today.addDays(90) << false;
    QTest::newRow("expires today") << u"why"_s << today << false;
    QTest::newRow("expired yesterday") << u"why"_s << today.addDays(-1) << false;
    QTest::newRow("no expiry") << u"why"_s << QDate() << false;
    QTest::newRow("justification past the cap") << QString(5001, u'j') << today.addDays(90) << false;
}

void TestFindings::acceptingNeedsJustificationAndALaterExpiry()
{
    QFETCH(QString, justification);
    QFETCH(QDate, until);
    QFETCH(bool, accepted);
    const qint64 id = m_ws->addFinding(draft()).value().id;
    const Result<Finding> result = m_ws->acceptFinding(id, justification, until);
    QCOMPARE(result.ok(), accepted);
    const Finding stored = m_ws->findings().value().constFirst();
    if (accepted) {
        QCOMPARE(stored.status, FindingStatus::Accepted);
        QCOMPARE(stored.justification, justification);
        QCOMPARE(stored.acceptedUntil, until);
    } else {
        QVERIFY(!result.error().message.isEmpty());
        QCOMPARE(stored.status, FindingStatus::Open);
        QVERIFY(stored.justification.isEmpty());
        QVERIFY(!stored.acceptedUntil.isValid());
    }
}

void TestFindings::acceptedFindingAllowsRiskAccepted()
{
    const qint64 id = m_ws->addFinding(draft()).value().id;
    const ItemUpdate update{u"SC-DAT-02"_s, ItemStatus::RiskAccepted, std::nullopt, {}};
    QVERIFY(!m_ws->setItemStatus(m_assessment, update).ok());
    QVERIFY(m_ws->setFindingStatus(id, FindingStatus::Mitigating).ok());
    QVERIFY(!m_ws->setItemStatus(m_assessment, update).ok());
    QVERIFY(m_ws->acceptFinding(id, u"Vendor fix due next quarter"_s, QDate::currentDate().addDays(90)).ok());
    const Result<AssessmentItem> item = m_ws->setItemStatus(m_assessment, update);
    QVERIFY2(item.ok(), item.ok() ? "" : qPrintable(item.error().message));
    QCOMPARE(item.value().status, ItemStatus::RiskAccepted);
    // A further finding can be raised on a risk-accepted item.
    QVERIFY(m_ws->addFinding(draft(u"Second issue"_s)).ok());
}

void TestFindings::acceptingGoesThroughItsOwnCall()
{
    const qint64 id = m_ws->addFinding(draft()).value().id;
    QVERIFY(!m_ws->setFindingStatus(id, FindingStatus::Accepted).ok());
    QCOMPARE(m_ws->findings().value().constFirst().status, FindingStatus::Open);
    Finding alreadyAccepted = draft();
    alreadyAccepted.status = FindingStatus::Accepted;
    QVERIFY(!m_ws->addFinding(alreadyAccepted).ok());
    QVERIFY(m_ws->setFindingStatus(id, FindingStatus::Closed).ok());
    QVERIFY(!m_ws->acceptFinding(id, u"why"_s, QDate::currentDate().addDays(5)).ok());
    QCOMPARE(m_ws->acceptFinding(424242, u"why"_s, QDate::currentDate().addDays(5)).error().code, ErrorCode::NotFound);
}

void TestFindings::findingsAreListedByScore()
{
    QVERIFY(m_ws->addFinding(draft(u"low"_s, 1, 2)).ok());
    QVERIFY(m_ws->addFinding(draft(u"high"_s, 5, 5)).ok());
    QVERIFY(m_ws->addFinding(draft(u"mid"_s, 3, 3)).ok());
    QStringList titles;
    for (const Finding &f : m_ws->findings(m_assessment).value())
        titles << f.title;
    QCOMPARE(titles, (QStringList{u"high"_s, u"mid"_s, u"low"_s}));
    QCOMPARE(m_ws->findings(m_assessment + 1).value().size(), 0);
}

QTEST_GUILESS_MAIN(TestFindings)
#include "TestFindings.moc"
