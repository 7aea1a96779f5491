// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "demo/DemoWorkspace.h"
#include "workspace/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

class TestDemoWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void hasARealisticSupplyChain();
    void hasTheLineageShapesAnalystsMeet();
    void refusesANonEmptyWorkspace();
    void hasAReleaseUnderReview();

private:
    QList<RelatedRecord> relationsOf(const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
};

void TestDemoWorkspace::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto ws = Workspace::open(m_dir->filePath(u"demo.strata"_s));
    QVERIFY(ws.ok());
    m_ws = std::move(ws).value();
    const Status s = DemoWorkspace::populate(*m_ws);
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
}

QList<RelatedRecord> TestDemoWorkspace::relationsOf(const QString &name)
{
    auto id = m_ws->resolve(name);
    if (!id.ok())
        return {};
    return m_ws->snapshot(id.value()).value().relations;
}

void TestDemoWorkspace::hasARealisticSupplyChain()
{
    const QMap<RecordKind, int> counts = m_ws->countsByKind().value();
    QVERIFY(counts.value(RecordKind::Supplier) >= 3);
    QVERIFY(counts.value(RecordKind::Model) >= 8);
    QVERIFY(counts.value(RecordKind::Dataset) >= 6);
    QVERIFY(counts.value(RecordKind::Software) >= 4);
    QVERIFY(counts.value(RecordKind::Service) >= 3);
    // "All related": every record takes part in at least one relation.
    const QList<RecordSummary> all = m_ws->list(RecordQuery{}).value();
    for (const RecordSummary &s : all)
        QVERIFY2(!m_ws->snapshot(s.id).value().relations.isEmpty(), qPrintable(s.name));
    // Datasets carry provenance; all but the deliberately unclear one carry a license.
    int unlicensed = 0;
    for (const RecordSummary &s : all) {
        if (s.kind == RecordKind::Dataset && s.license.isEmpty())
            ++unlicensed;
    }
    QCOMPARE(unlicensed, 1);
}

void TestDemoWorkspace::hasTheLineageShapesAnalystsMeet()
{
    QStringList subtypes;
    int mergeParents = 0;
    const QList<RecordSummary> models = m_ws->list(RecordQuery{RecordKind::Model}).value();
    for (const RecordSummary &s : models) {
        int parents = 0;
        for (const RelatedRecord &r : m_ws->snapshot(s.id).value().relations) {
            if (r.outgoing && r.relation.type == RelationType::DerivedFrom) {
                subtypes << r.relation.subtype;
                if (r.relation.subtype == u"merge"_s)
                    ++parents;
            }
        }
        mergeParents = qMax(mergeParents, parents);
    }
    QVERIFY(subtypes.contains(u"finetune"_s));
    QVERIFY(subtypes.contains(u"quantized"_s));
    QVERIFY(subtypes.contains(u"adapter"_s));
    QCOMPARE(mergeParents, 2);
    // A three-step chain: a quantized model of a fine-tune of an instruct model of a base.
    const QList<RelatedRecord> quantized = relationsOf(u"Acme Support Assistant 8B GGUF Q4_K_M"_s);
    QVERIFY(std::any_of(quantized.cbegin(), quantized.cend(),
                        [](const RelatedRecord &r) { return r.outgoing && r.relation.subtype == u"quantized"_s; }));
}

void TestDemoWorkspace::refusesANonEmptyWorkspace()
{
    const int before = m_ws->list(RecordQuery{}).value().size();
    const Status again = DemoWorkspace::populate(*m_ws);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QCOMPARE(m_ws->list(RecordQuery{}).value().size(), before);
}

void TestDemoWorkspace::hasAReleaseUnderReview()
{
    const QList<Release> releases = m_ws->releases().value();
    QCOMPARE(releases.size(), 1);
    QVERIFY2(releases.constFirst().members.size() > 5, "the release holds its root and everything upstream");
    const QList<AssessmentSummary> assessments = m_ws->assessments().value();
    QCOMPARE(assessments.size(), 1);
    const Assessment a = m_ws->assessment(assessments.constFirst().id).value();

    // Half done, as a review really is: every kind of answer, most items still open.
    QMap<ItemStatus, int> byStatus;
    int withEvidence = 0;
    for (const AssessmentItem &item : a.items) {
        ++byStatus[item.status];
        withEvidence += item.evidence.isEmpty() ? 0 : 1;
        if (item.status == ItemStatus::Pass || item.status == ItemStatus::Fail) {
            QVERIFY2(!item.notes.isEmpty(), qPrintable(item.key));
            QVERIFY2(item.reviewer != m_ws->actor(), "answers name the demo's reviewer, not the person opening it");
        }
    }
    for (ItemStatus status : {ItemStatus::Pass, ItemStatus::Fail, ItemStatus::NotApplicable, ItemStatus::RiskAccepted})
        QVERIFY2(byStatus.value(status) > 0, qPrintable(itemStatusKey(status)));
    QVERIFY(byStatus.value(ItemStatus::NotStarted) > a.items.size() / 2);
    QVERIFY(withEvidence >= 3);

    // The evidence files are really in the store, and one of them is about to expire.
    const EvidenceVerification verified = m_ws->verifyEvidence().value();
    const QList<Evidence> evidence = m_ws->evidence().value();
    QCOMPARE(verified.checked, int(evidence.size()));
    QVERIFY(verified.problems.isEmpty());
    QVERIFY(evidence.size() >= 3);
    QVERIFY(std::any_of(evidence.cbegin(), evidence.cend(),
                        [](const Evidence &e) { return e.expiresWithin(QDate::currentDate(), 30); }));

    // One finding is open on a failed item, one is accepted until a day after today.
    const QList<Finding> findings = m_ws->findings(a.id).value();
    QCOMPARE(findings.size(), 2);
    QVERIFY(std::any_of(findings.cbegin(), findings.cend(), [](const Finding &f) {
        return f.status == FindingStatus::Accepted && f.acceptedUntil > QDate::currentDate() &&
               !f.justification.isEmpty();
    }));
    QVERIFY(std::any_of(findings.cbegin(), findings.cend(),
                        [](const Finding &f) { return f.status == FindingStatus::Open && f.dueDate.isValid(); }));
}

QTEST_GUILESS_MAIN(TestDemoWorkspace)
#include "TestDemoWorkspace.moc"
