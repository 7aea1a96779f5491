// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "AssessmentSamples.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::samples;

namespace {

QSet<qint64> memberIds(const Release &release)
{
    QSet<qint64> ids;
    for (const ReleaseMember &m : release.members)
        ids.insert(m.recordId);
    return ids;
}

} // namespace

/// Releases and assessments in a workspace: membership, applicability, answers and what bad input leaves behind.
class TestAssessments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void releaseHoldsEverythingUpstreamDespiteCycles();
    void releaseStaysWhatWasReviewed();
    void badReleasesWriteNothing_data();
    void badReleasesWriteNothing();
    void releasesAreFoundByNameAndVersion();
    void applicableItemsFollowTheKindsInScope_data();
    void applicableItemsFollowTheKindsInScope();
    void supplierScopeIncludesWhatItProvides();
    void answersRecordReviewerTimeAndNotes();
    void badAnswersWriteNothing_data();
    void badAnswersWriteNothing();
    void statusKeysRoundTrip();
    void evidenceIsLinkedToTheItem();
    void batchesSignalOnceAfterCommit();
    void suggestionsNeverSetAStatus();
    void signatureEvidenceSilencesTheUnsignedModelCheck();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    qint64 m_model = 0;
    qint64 m_base = 0;
    qint64 m_data = 0;
    qint64 m_lib = 0;
    qint64 m_lib2 = 0;
    qint64 m_supplier = 0;
    qint64 m_downstream = 0;
};

void TestAssessments::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto ws = Workspace::open(m_dir->filePath(u"w.strata"_s));
    QVERIFY2(ws.ok(), ws.ok() ? "" : qPrintable(ws.error().message));
    m_ws = std::move(ws).value();
    m_ws->setActor(u"alice"_s);
    Workspace &w = *m_ws;
    m_model = addRecord(w, RecordKind::Model, u"Chat"_s, u"2"_s);
    m_base = addRecord(w, RecordKind::Model, u"Base"_s, u"1"_s);
    m_data = addRecord(w, RecordKind::Dataset, u"Corpus"_s);
    m_lib = addRecord(w, RecordKind::Software, u"tokenizer"_s);
    m_lib2 = addRecord(w, RecordKind::Software, u"runtime"_s);
    m_supplier = addRecord(w, RecordKind::Supplier, u"Acme"_s);
    m_downstream = addRecord(w, RecordKind::Model, u"Chat-quantized"_s);
    QVERIFY(addLink(w, m_model, RelationType::DerivedFrom, m_base));
    QVERIFY(addLink(w, m_base, RelationType::DerivedFrom, m_model)); // a cycle through the root
    QVERIFY(addLink(w, m_base, RelationType::TrainedOn, m_data));
    QVERIFY(addLink(w, m_model, RelationType::DependsOn, m_lib));
    QVERIFY(addLink(w, m_lib, RelationType::DependsOn, m_lib2));
    QVERIFY(addLink(w, m_lib2, RelationType::DependsOn, m_lib)); // a cycle below the root
    QVERIFY(addLink(w, m_base, RelationType::ProvidedBy, m_supplier));
    QVERIFY(addLink(w, m_downstream, RelationType::DerivedFrom, m_model));
}

void TestAssessments::releaseHoldsEverythingUpstreamDespiteCycles()
{
    QSignalSpy changed(m_ws.get(), &Workspace::assessmentsChanged);
    const Result<Release> release = m_ws->createRelease(u"chat"_s, u"2.0"_s, m_model);
    QVERIFY2(release.ok(), release.ok() ? "" : qPrintable(release.error().message));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(release.value().members.constFirst().recordId, m_model);
    QCOMPARE(memberIds(release.value()), (QSet<qint64>{m_model, m_base, m_data, m_lib, m_lib2, m_supplier}));
    QCOMPARE(release.value().members.size(), 6); // each record once
    // Stored, not recomputed: reading it back gives the same members in the same order.
    const Result<Release> stored = m_ws->release(u"chat@2.0"_s);
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().members.size(), release.value().members.size());
    for (int i = 0; i < stored.value().members.size(); ++i)
        QCOMPARE(stored.value().members.at(i).recordId, release.value().members.at(i).recordId);
    QCOMPARE(stored.value().createdBy, u"alice"_s);
}

void TestAssessments::releaseStaysWhatWasReviewed()
{
    QVERIFY(m_ws->createRelease(u"chat"_s, u"2.0"_s, m_model).ok());
    Record data = m_ws->record(m_data).value();
    data.name = u"Corpus renamed"_s;
    QVERIFY(m_ws->updateRecord(data).ok());
    const qint64 extra = addRecord(*m_ws, RecordKind::Dataset, u"Late addition"_s);
    QVERIFY(addLink(*m_ws, m_model, RelationType::EvaluatedOn, extra));
    const Release release = m_ws->release(u"chat"_s).value();
    QVERIFY(!memberIds(release).contains(extra));
    bool sawOldName = false;
    for (const ReleaseMember &m : release.members)
        sawOldName = sawOldName || (m.recordId == m_data && m.name == u"Corpus"_s);
    QVERIFY(sawOldName);
    // A new release picks up the change.
    QVERIFY(memberIds(m_ws->createRelease(u"chat"_s, u"2.1"_s, m_model).value()).contains(extra));
}

void TestAssessments::badReleasesWriteNothing_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("version");
    QTest::addColumn<int>("root"); // 0 model, 1 dataset, 2 unknown id
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("dataset as root") << u"r"_s << u"1"_s << 1 << ErrorCode::InvalidInput;
    QTest::newRow("unknown root") << u"r"_s << u"1"_s << 2 << ErrorCode::NotFound;
    QTest::newRow("no version") << u"r"_s << u" "_s << 0 << ErrorCode::InvalidInput;
    QTest::newRow("no name") << u""_s << u"1"_s << 0 << ErrorCode::InvalidInput;
    QTest::newRow("name with @") << u"a@b"_s << u"1"_s << 0 << ErrorCode::InvalidInput;
    QTest::newRow("existing name and version") << u"Chat"_s << u"2.0"_s << 0 << ErrorCode::Conflict;
}

void TestAssessments::badReleasesWriteNothing()
{
    QFETCH(QString, name);
    QFETCH(QString, version);
    QFETCH(int, root);
    QFETCH(ErrorCode, code);
    QVERIFY(m_ws->createRelease(u"chat"_s, u"2.0"_s, m_model).ok());
    QSignalSpy changed(m_ws.get(), &Workspace::assessmentsChanged);
    const qint64 rootId = root == 0 ? m_model : root == 1 ? m_data : 99999;
    const Result<Release> release = m_ws->createRelease(name, version, rootId);
    QVERIFY(!release.ok());
    QCOMPARE(release.error().code, code);
    QVERIFY(!release.error().message.isEmpty());
    QCOMPARE(m_ws->releases().value().size(), 1);
    QCOMPARE(changed.count(), 0);
}

void TestAssessments::releasesAreFoundByNameAndVersion()
{
    const qint64 first = m_ws->createRelease(u"chat"_s, u"1.0"_s, m_model).value().id;
    QCOMPARE(m_ws->release(u"CHAT"_s).value().id, first);
    const qint64 second = m_ws->createRelease(u"chat"_s, u"1.1"_s, m_model).value().id;
    QCOMPARE(m_ws->release(u"chat@1.0"_s).value().id, first);
    QCOMPARE(m_ws->release(QString::number(second)).value().id, second);
    const Result<Release> ambiguous = m_ws->release(u"chat"_s);
    QVERIFY(!ambiguous.ok());
    QVERIFY2(ambiguous.error().message.contains(u"chat@1.1"_s), qPrintable(ambiguous.error().message));
    QCOMPARE(m_ws->release(u"nothing"_s).error().code, ErrorCode::NotFound);
}

void TestAssessments::applicableItemsFollowTheKindsInScope_data()
{
    QTest::addColumn<int>("scope"); // 0 dataset record, 1 software record, 2 model record, 3 release of the model
    QTest::addColumn<QList<RecordKind>>("kinds");
    QTest::newRow("dataset") << 0 << QList<RecordKind>{RecordKind::Dataset};
    QTest::newRow("software") << 1 << QList<RecordKind>{RecordKind::Software};
    QTest::newRow("model") << 2 << QList<RecordKind>{RecordKind::Model};
    QTest::newRow("release") << 3
                             << QList<RecordKind>{RecordKind::Supplier, RecordKind::Model, RecordKind::Dataset,
                                                  RecordKind::Software};
}

void TestAssessments::applicableItemsFollowTheKindsInScope()
{
    QFETCH(int, scope);
    QFETCH(QList<RecordKind>, kinds);
    AssessmentScope s;
    if (scope == 3)
        s.releaseId = m_ws->createRelease(u"chat"_s, u"2.0"_s, m_model).value().id;
    else
        s.recordId = scope == 0 ? m_data : scope == 1 ? m_lib : m_model;
    const Result<Assessment> a = m_ws->createAssessment(s);
    QVERIFY2(a.ok(), a.ok() ? "" : qPrintable(a.error().message));
    QCOMPARE(a.value().kinds, kinds);
    const Catalog catalog = m_ws->catalog(u"wdta-ai-str-03"_s).value();
    QCOMPARE(a.value().catalogId, catalog.id);
    QCOMPARE(a.value().items.size(), applicableCount(catalog, kinds));
    QVERIFY(a.value().items.size() < catalog.items.size() || kinds.size() == 4);
    for (const AssessmentItem &item : a.value().items) {
        const CatalogItem *c = catalog.item(item.key);
        QVERIFY(c);
        QVERIFY2(std::any_of(kinds.cbegin(), kinds.cend(), [&](RecordKind k) { return c->appliesTo(k); }),
                 qPrintable(item.key));
        QCOMPARE(item.status, ItemStatus::NotStarted);
        QVERIFY(!item.updatedAt.isValid());
    }
    const QList<AssessmentSummary> list = m_ws->assessments().value();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.constFirst().itemCount, int(a.value().items.size()));
    QCOMPARE(list.constFirst().answered, 0);
}

void TestAssessments::supplierScopeIncludesWhatItProvides()
{
    const Result<Assessment> a = m_ws->createAssessment(AssessmentScope{0, m_supplier});
    QVERIFY(a.ok());
    // Acme provides the Base model, so model items are asked too.
    QCOMPARE(a.value().kinds, (QList<RecordKind>{RecordKind::Supplier, RecordKind::Model}));
    QCOMPARE(a.value().scopeLabel, u"Acme"_s);
}

void TestAssessments::answersRecordReviewerTimeAndNotes()
{
    const qint64 id = m_ws->createAssessment(AssessmentScope{0, m_data}).value().id;
    QSignalSpy changed(m_ws.get(), &Workspace::assessmentsChanged);
    const QString key = u"sc-dat-01"_s; // any case
    const Result<AssessmentItem> passed =
        m_ws->setItemStatus(id, {key, ItemStatus::Pass, u"Seen the *datasheet*."_s, {}});
    QVERIFY2(passed.ok(), passed.ok() ? "" : qPrintable(passed.error().message));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(passed.value().key, u"SC-DAT-01"_s);
    QCOMPARE(passed.value().status, ItemStatus::Pass);
    QCOMPARE(passed.value().reviewer, u"alice"_s);
    QVERIFY(passed.value().updatedAt.isValid());
    // Notes not given: kept. Then not applicable with the kept notes as its reason.
    m_ws->setActor(u"bob"_s);
    const Result<AssessmentItem> failed = m_ws->setItemStatus(id, {key, ItemStatus::Fail, std::nullopt, {}});
    QVERIFY(failed.ok());
    QCOMPARE(failed.value().notes, u"Seen the *datasheet*."_s);
    QCOMPARE(failed.value().reviewer, u"bob"_s);
    QVERIFY(m_ws->setItemStatus(id, {key, ItemStatus::NotApplicable, std::nullopt, {}}).ok());
    // Back to not started is allowed (a reviewer's mistake), and the summary counts what is answered.
    QVERIFY(m_ws->setItemStatus(id, {u"SC-DAT-02"_s, ItemStatus::Fail, QString(), {}}).ok());
    const AssessmentSummary summary = m_ws->assessments().value().constFirst();
    QCOMPARE(summary.answered, 2);
    QCOMPARE(summary.failed, 1);
    QVERIFY(m_ws->setItemStatus(id, {u"SC-DAT-02"_s, ItemStatus::NotStarted, QString(), {}}).ok());
    QCOMPARE(m_ws->assessments().value().constFirst().answered, 1);
}

void TestAssessments::badAnswersWriteNothing_data()
{
    QTest::addColumn<QString>("item");
    QTest::addColumn<ItemStatus>("status");
    QTest::addColumn<QString>("notes");
    QTest::addColumn<bool>("badEvidence");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown item") << u"SC-NOPE-99"_s << ItemStatus::Pass << u"x"_s << false << u"SC-NOPE-99"_s;
    QTest::newRow("item of another kind") << u"SC-SRC-09"_s << ItemStatus::Pass << u"x"_s << false << u"SC-SRC-09"_s;
    QTest::newRow("not applicable without reason")
        << u"SC-DAT-01"_s << ItemStatus::NotApplicable << u"   "_s << false << u"reason"_s;
    QTest::newRow("notes past the cap") << u"SC-DAT-01"_s << ItemStatus::Pass << QString(20001, u'n') << false
                                        << u"20000"_s;
    QTest::newRow("risk accepted without an accepted finding")
        << u"SC-DAT-01"_s << ItemStatus::RiskAccepted << u"x"_s << false << u"finding"_s;
    QTest::newRow("unknown evidence") << u"SC-DAT-01"_s << ItemStatus::Pass << u"x"_s << true << u"424242"_s;
}

void TestAssessments::badAnswersWriteNothing()
{
    QFETCH(QString, item);
    QFETCH(ItemStatus, status);
    QFETCH(QString, notes);
    QFETCH(bool, badEvidence);
    QFETCH(QString, mentions);
    const qint64 id = m_ws->createAssessment(AssessmentScope{0, m_data}).value().id;
    QVERIFY(m_ws->setItemStatus(id, {u"SC-DAT-01"_s, ItemStatus::Fail, u"before"_s, {}}).ok());
    QFile file(m_dir->filePath(u"proof.txt"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("proof");
    file.close();
    const qint64 evidence = m_ws->addEvidence({file.fileName(), {}, {}, {}, {}}).value().evidence.id;
    const Assessment before = m_ws->assessment(id).value();
    QSignalSpy changed(m_ws.get(), &Workspace::assessmentsChanged);
    ItemUpdate update{item, status, notes, {evidence}};
    if (badEvidence)
        update.evidenceIds.append(424242); // the valid one must not be linked either
    const Result<AssessmentItem> result = m_ws->setItemStatus(id, update);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(mentions), qPrintable(result.error().message));
    QCOMPARE(changed.count(), 0);
    const Assessment after = m_ws->assessment(id).value();
    QCOMPARE(after.items.size(), before.items.size());
    for (int i = 0; i < after.items.size(); ++i) {
        QCOMPARE(after.items.at(i).status, before.items.at(i).status);
        QCOMPARE(after.items.at(i).notes, before.items.at(i).notes);
        QCOMPARE(after.items.at(i).evidence.size(), 0);
    }
}

void TestAssessments::statusKeysRoundTrip()
{
    for (ItemStatus status : allItemStatuses()) {
        QCOMPARE(itemStatusFromKey(itemStatusKey(status)), std::optional<ItemStatus>(status));
        QVERIFY(!itemStatusLabel(status).isEmpty());
    }
    QCOMPARE(itemStatusFromKey(u"done"_s), std::nullopt);
    QCOMPARE(itemStatusFromKey(u"PASS"_s), std::nullopt);
}

void TestAssessments::evidenceIsLinkedToTheItem()
{
    const qint64 id = m_ws->createAssessment(AssessmentScope{0, m_data}).value().id;
    QFile file(m_dir->filePath(u"abc.txt"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("abc");
    file.close();
    const Evidence e = m_ws->addEvidence({file.fileName(), u"Datasheet"_s, {}, {}, {}}).value().evidence;
    QVERIFY(m_ws->setItemStatus(id, {u"SC-DAT-01"_s, ItemStatus::Pass, QString(), {e.id}}).ok());
    // Linking again, with another status, keeps one link.
    QVERIFY(m_ws->setItemStatus(id, {u"SC-DAT-01"_s, ItemStatus::Pass, QString(), {e.id}}).ok());
    const Assessment a = m_ws->assessment(id).value();
    const AssessmentItem *item = a.item(u"SC-DAT-01"_s);
    QVERIFY(item);
    QCOMPARE(item->evidence.size(), 1);
    QCOMPARE(item->evidence.constFirst().sha256, u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s);
    QCOMPARE(a.item(u"SC-DAT-02"_s)->evidence.size(), 0);

    // Unlinking takes the evidence off this item only; the answer, the other item and the stored file stay.
    QVERIFY(m_ws->setItemStatus(id, {u"SC-DAT-02"_s, ItemStatus::Fail, u"gap"_s, {e.id}}).ok());
    QSignalSpy changed(m_ws.get(), &Workspace::assessmentsChanged);
    const Result<AssessmentItem> unlinked = m_ws->unlinkItemEvidence(id, u"SC-DAT-01"_s, e.id);
    QVERIFY2(unlinked.ok(), unlinked.ok() ? "" : qPrintable(unlinked.error().message));
    QCOMPARE(unlinked.value().evidence.size(), 0);
    QCOMPARE(unlinked.value().status, ItemStatus::Pass);
    QCOMPARE(changed.count(), 1);
    const Assessment after = m_ws->assessment(id).value();
    QCOMPARE(after.item(u"SC-DAT-01"_s)->evidence.size(), 0);
    QCOMPARE(after.item(u"SC-DAT-02"_s)->evidence.size(), 1);
    QCOMPARE(m_ws->evidence().value().size(), 1);

    // Unlinking what is not linked, or from an unknown item, is refused and changes nothing.
    const Result<AssessmentItem> again = m_ws->unlinkItemEvidence(id, u"SC-DAT-01"_s, e.id);
    QVERIFY(!again.ok());
    QVERIFY(again.error().message.contains(QString::number(e.id)));
    QVERIFY(!m_ws->unlinkItemEvidence(id, u"SC-NOPE-99"_s, e.id).ok());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_ws->assessment(id).value().item(u"SC-DAT-02"_s)->evidence.size(), 1);
}

void TestAssessments::batchesSignalOnceAfterCommit()
{
    const qint64 id = m_ws->createAssessment(AssessmentScope{0, m_data}).value().id;
    QSignalSpy changed(m_ws.get(), &Workspace::assessmentsChanged);
    bool seenInside = true;
    QVERIFY(
        m_ws->batch([&]() -> Status {
                if (Result<AssessmentItem> a = m_ws->setItemStatus(id, {u"SC-DAT-01"_s, ItemStatus::Pass, {}, {}}); !a)
                    return a.error();
                if (Result<AssessmentItem> b = m_ws->setItemStatus(id, {u"SC-DAT-02"_s, ItemStatus::Fail, {}, {}}); !b)
                    return b.error();
                seenInside = changed.count() > 0;
                return Ok{};
            })
            .ok());
    QVERIFY2(!seenInside, "pages must not refetch before the batch commits");
    QCOMPARE(changed.count(), 1);

    // A batch that fails rolls its answers back and tells nobody.
    const Status failed = m_ws->batch([&]() -> Status {
        if (Result<AssessmentItem> a = m_ws->setItemStatus(id, {u"SC-DAT-01"_s, ItemStatus::Fail, {}, {}}); !a)
            return a.error();
        return Error{ErrorCode::InvalidInput, u"stop"_s};
    });
    QVERIFY(!failed.ok());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_ws->assessment(id).value().item(u"SC-DAT-01"_s)->status, ItemStatus::Pass);
}

void TestAssessments::suggestionsNeverSetAStatus()
{
    const qint64 release = m_ws->createRelease(u"chat"_s, u"2.0"_s, m_model).value().id;
    Record placeholder;
    placeholder.kind = RecordKind::Software;
    placeholder.name = u"mystery"_s;
    placeholder.placeholder = true;
    const qint64 mystery = m_ws->createRecord(placeholder).value();
    QVERIFY(addLink(*m_ws, m_downstream, RelationType::DependsOn, mystery)); // not in the release
    const qint64 id = m_ws->createAssessment(AssessmentScope{release, 0}).value().id;
    const Result<QList<CheckSuggestion>> s = m_ws->suggestions(id);
    QVERIFY(s.ok());
    QStringList seen;
    for (const CheckSuggestion &c : s.value())
        seen << u"%1:%2:%3"_s.arg(c.check).arg(c.recordId).arg(c.itemKey);
    seen.sort();
    QStringList expected{u"model-digest:%1:SC-SRC-09"_s.arg(m_model), u"model-digest:%1:SC-SRC-09"_s.arg(m_base),
                         u"dataset-license:%1:SC-GOV-07"_s.arg(m_data)};
    expected.sort();
    QCOMPARE(seen, expected);
    for (const AssessmentItem &item : m_ws->assessment(id).value().items)
        QCOMPARE(item.status, ItemStatus::NotStarted);
}

void TestAssessments::signatureEvidenceSilencesTheUnsignedModelCheck()
{
    QVERIFY(m_ws->addArtifact(Artifact{0, m_model, u"model.safetensors"_s, 10, u"sha256"_s, QString(64, u'e')}).ok());
    const qint64 id = m_ws->createAssessment(AssessmentScope{0, m_model}).value().id;
    const auto checksFor = [&](qint64 record) {
        QStringList checks;
        for (const CheckSuggestion &c : m_ws->suggestions(id).value()) {
            if (c.recordId == record)
                checks << c.check;
        }
        return checks;
    };
    QCOMPARE(checksFor(m_model), QStringList{u"model-signature"_s});
    // The output of the signature verification, attached to the item on pinned and verified model files.
    QFile file(m_dir->filePath(u"model.safetensors.sig"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("-----BEGIN SIGNATURE-----");
    file.close();
    const Evidence e = m_ws->addEvidence({file.fileName(), u"Publisher signature"_s, {}, {}, {}}).value().evidence;
    QVERIFY(m_ws->setItemStatus(id, {u"SC-SRC-09"_s, ItemStatus::Pass, QString(), {e.id}}).ok());
    QCOMPARE(checksFor(m_model), QStringList());
}

QTEST_GUILESS_MAIN(TestAssessments)
#include "TestAssessments.moc"
