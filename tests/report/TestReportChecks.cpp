// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "../core/SignoffSamples.h"
#include "ReportCollector.h"
#include "WorkspaceSignoffSource.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

/// What a report prints about evidence and sign-offs, in one comparable string.
QString checksOf(const ReportData &data)
{
    QStringList lines;
    for (const ReportEvidence &e : data.evidence)
        lines << u"evidence %1 missing=%2 altered=%3"_s.arg(e.evidence.id).arg(e.missing).arg(e.altered);
    lines << u"state=%1 gate=%2 rejected=%3 reason=%4 head=%5"_s.arg(int(data.signoffs.state))
                 .arg(data.signoffs.gatePasses)
                 .arg(data.signoffs.rejected)
                 .arg(data.signoffs.gateReason, data.signoffs.auditHead);
    for (const ReportSignoff &s : data.signoffs.signoffs)
        lines << u"signoff %1 %2 verified=%3 %4"_s.arg(s.signer, s.decision).arg(s.verified).arg(s.verification);
    return lines.join(u'\n');
}

} // namespace

/// The GUI's report collects in two halves, the database reads on the workspace's thread and the evidence hashing
/// and sign-off checks on a worker (ReportCollector::collectReads + completeChecks); together they must give the
/// report the one-step collect gives, including altered evidence and a stale sign-off, and stop when cancelled.
class TestReportChecks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitCollectionMatchesTheOneStep_data();
    void splitCollectionMatchesTheOneStep();
    void cancelledChecksSaySo();
};

void TestReportChecks::splitCollectionMatchesTheOneStep_data()
{
    QTest::addColumn<bool>("signedOff");
    QTest::addColumn<bool>("altered");
    QTest::newRow("unsigned, evidence intact") << false << false;
    QTest::newRow("signed, evidence intact") << true << false;
    QTest::newRow("signed, evidence altered since") << true << true;
}

void TestReportChecks::splitCollectionMatchesTheOneStep()
{
    QFETCH(bool, signedOff);
    QFETCH(bool, altered);
    samples::SignoffWorkspace s;
    QVERIFY(samples::makeSignoffWorkspace(s));
    if (signedOff)
        QVERIFY(s.ws->signOff(s.releaseId, s.leadKey, SignoffDecision::Approve));
    if (altered) {
        QFile blob(s.blobPath());
        blob.setPermissions(blob.permissions() | QFileDevice::WriteOwner);
        QVERIFY(blob.open(QIODevice::WriteOnly) && blob.write("tampered") > 0);
    }
    ReportOptions options;
    options.date = QDateTime(QDate(2026, 5, 1), QTime(12, 0), QTimeZone::utc());
    const ReportScope scope{ReportScope::Kind::Release, u"chat@2.0"_s};
    const Result<ReportData> whole = ReportCollector::collect(*s.ws, scope, options, WorkspaceSignoffSource());
    QVERIFY2(whole, whole ? "" : qPrintable(whole.error().message));
    ReportChecks checks;
    Result<ReportData> split = ReportCollector::collectReads(*s.ws, scope, options, &checks);
    QVERIFY(split);
    QVERIFY(checks.verifyEvidence);
    QCOMPARE(checks.signoffs.has_value(), true);
    QVERIFY(ReportCollector::completeChecks(split.value(), std::move(checks)));
    QCOMPARE(checksOf(split.value()), checksOf(whole.value()));
    QVERIFY(!whole.value().evidence.isEmpty());
    QCOMPARE(whole.value().evidence.constFirst().altered, altered); // the comparison is about something
}

void TestReportChecks::cancelledChecksSaySo()
{
    samples::SignoffWorkspace s;
    QVERIFY(samples::makeSignoffWorkspace(s));
    QVERIFY(s.ws->signOff(s.releaseId, s.leadKey, SignoffDecision::Approve));
    ReportChecks checks;
    Result<ReportData> split =
        ReportCollector::collectReads(*s.ws, {ReportScope::Kind::Release, u"chat@2.0"_s}, ReportOptions(), &checks);
    QVERIFY(split);
    const std::atomic<bool> cancel{true};
    const Status stopped = ReportCollector::completeChecks(split.value(), std::move(checks), &cancel);
    QVERIFY(!stopped);
    QCOMPARE(stopped.error().code, ErrorCode::Cancelled);
}

QTEST_GUILESS_MAIN(TestReportChecks)
#include "TestReportChecks.moc"
