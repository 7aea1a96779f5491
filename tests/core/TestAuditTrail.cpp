// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "AssessmentSamples.h"
#include "CatalogSamples.h"
#include "checklist/CatalogReader.h"
#include "interop/ImportDocument.h"
#include "trust/Keys.h"
#include "trust/ModelSignature.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::samples;

/// Every write of the workspace appends exactly one audit entry in its own transaction; refused writes append none.
class TestAuditTrail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyWriteAppendsOneEntry();
    void refusedWritesAppendNothing();
    void rolledBackBatchLeavesNothingQueued();
    void recordAuditIsForOtherWritePaths();
    void trailIsFiltered();
    void importIsOneEntryNamingItsRecords();

private:
    /// Runs `write`, which must succeed, and checks that it appended exactly one entry `action` that verifies.
    AuditEntry expectOne(const QString &action, const std::function<bool()> &write);
    qint64 headSeq() const { return m_ws->auditHead().value().seq; }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
};

void TestAuditTrail::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto ws = Workspace::open(m_dir->filePath(u"w.strata"_s));
    QVERIFY(ws.ok());
    m_ws = std::move(ws).value();
    m_ws->setActor(u"alice"_s);
}

void TestAuditTrail::cleanup()
{
    m_ws.reset(); // before its folder goes
    m_dir.reset();
}

AuditEntry TestAuditTrail::expectOne(const QString &action, const std::function<bool()> &write)
{
    const AuditHead before = m_ws->auditHead().value();
    const bool ok = write();
    [&] { QVERIFY2(ok, qPrintable(action)); }();
    const AuditHead after = m_ws->auditHead().value();
    [&] {
        QCOMPARE(after.seq, before.seq + 1);
        QVERIFY(after.hash != before.hash);
    }();
    AuditQuery newest;
    newest.limit = 1;
    const QList<AuditEntry> rows = m_ws->auditTrail(newest).value();
    [&] {
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.constFirst().action, action);
        QCOMPARE(rows.constFirst().actor, u"alice"_s);
        QCOMPARE(rows.constFirst().prevHash, before.hash);
        QVERIFY(rows.constFirst().time().isValid());
        QVERIFY(QJsonDocument::fromJson(rows.constFirst().afterJson.toUtf8()).isObject());
    }();
    return rows.value(0);
}

void TestAuditTrail::everyWriteAppendsOneEntry()
{
    QStringList seen;
    const auto one = [&](const QString &action, const std::function<bool()> &write) {
        seen << action;
        return expectOne(action, write);
    };
    qint64 model = 0;
    qint64 dataset = 0;
    qint64 supplier = 0;
    AuditEntry e = one(u"record.create"_s, [&] { return (model = addRecord(*m_ws, RecordKind::Model, u"M"_s)) > 0; });
    QCOMPARE(e.entityKind, u"record"_s);
    QCOMPARE(e.entityId, model);
    QVERIFY(e.afterJson.contains(u"\"name\":\"M\""_s));
    one(u"record.create"_s, [&] { return (dataset = addRecord(*m_ws, RecordKind::Dataset, u"D"_s)) > 0; });
    one(u"record.create"_s, [&] { return (supplier = addRecord(*m_ws, RecordKind::Supplier, u"S"_s)) > 0; });

    e = one(u"record.update"_s, [&] {
        Record r = m_ws->record(model).value();
        r.license = u"MIT"_s;
        return m_ws->updateRecord(r).ok();
    });
    QCOMPARE(e.beforeJson, u"{\"license\":\"\"}"_s); // only the changed field, before and after
    QCOMPARE(e.afterJson, u"{\"license\":\"MIT\"}"_s);

    Relation trained;
    e = one(u"relation.link"_s, [&] {
        auto r = m_ws->link(model, RelationType::TrainedOn, dataset);
        trained = r.ok() ? r.value() : Relation{};
        return r.ok();
    });
    QCOMPARE(e.entityId, trained.id);
    one(u"relation.link"_s, [&] { return addLink(*m_ws, model, RelationType::ProvidedBy, supplier); });
    one(u"relation.unlink"_s, [&] { return m_ws->unlink(model, RelationType::TrainedOn, dataset).ok(); });
    one(u"relation.link"_s, [&] { return m_ws->restoreRelation(trained).ok(); });

    Artifact artifact;
    artifact.recordId = model;
    artifact.fileName = u"w.safetensors"_s;
    artifact.digest = QString(64, u'b');
    qint64 artifactId = 0;
    one(u"artifact.add"_s, [&] {
        auto a = m_ws->addArtifact(artifact);
        artifactId = a.ok() ? a.value().id : 0;
        return a.ok();
    });
    one(u"artifact.remove"_s, [&] { return m_ws->removeArtifact(artifactId).ok(); });

    qint64 copy = 0;
    e = one(u"record.duplicate"_s, [&] {
        auto c = m_ws->duplicateRecord(model);
        copy = c.ok() ? c.value() : 0;
        return c.ok();
    });
    QCOMPARE(e.entityId, copy);
    RecordSnapshot removed;
    one(u"record.remove"_s, [&] {
        auto r = m_ws->removeRecord(copy);
        removed = r.ok() ? r.value() : RecordSnapshot{};
        return r.ok();
    });
    one(u"record.restore"_s, [&] { return m_ws->restoreRecord(removed).ok(); });

    one(u"catalog.import"_s, [&] {
        auto c = CatalogReader::read(QJsonDocument(smallCatalog()).toJson(), u"acme.json"_s);
        return c.ok() && m_ws->importCatalog(c.value()).ok();
    });

    qint64 release = 0;
    one(u"release.create"_s, [&] {
        auto r = m_ws->createRelease(u"R"_s, u"1"_s, model);
        release = r.ok() ? r.value().id : 0;
        return r.ok();
    });
    qint64 assessment = 0;
    one(u"assessment.create"_s, [&] {
        auto a = m_ws->createAssessment(AssessmentScope{release, 0});
        assessment = a.ok() ? a.value().id : 0;
        return a.ok();
    });
    const QString item = m_ws->assessment(assessment).value().items.constFirst().key;
    e = one(u"assessment.item"_s, [&] {
        return m_ws->setItemStatus(assessment, {item, ItemStatus::Fail, u"missing"_s, {}}).ok();
    });
    QVERIFY(e.beforeJson.contains(u"not_started"_s));
    QVERIFY(e.afterJson.contains(u"fail"_s));

    Finding draft;
    draft.assessmentId = assessment;
    draft.itemKey = item;
    draft.title = u"No card"_s;
    draft.likelihood = 2;
    draft.impact = 3;
    qint64 finding = 0;
    one(u"finding.add"_s, [&] {
        auto f = m_ws->addFinding(draft);
        finding = f.ok() ? f.value().id : 0;
        return f.ok();
    });
    one(u"finding.status"_s, [&] { return m_ws->setFindingStatus(finding, FindingStatus::Mitigating).ok(); });
    one(u"finding.accept"_s,
        [&] { return m_ws->acceptFinding(finding, u"vendor fix due"_s, QDate::currentDate().addDays(10)).ok(); });

    const QString file = m_dir->filePath(u"evidence.txt"_s);
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write("attestation") > 0);
    f.close();
    one(u"evidence.add"_s, [&] { return m_ws->addEvidence(EvidenceInput{file, {}, {}, {}, {}}).ok(); });

    one(u"identity.add"_s, [&] {
        Identity id;
        id.name = u"Alice"_s;
        id.publicKey = PrivateKey::generate(KeyType::Ed25519).value().publicKey().pem();
        return m_ws->addIdentity(id).ok();
    });

    ModelVerification verification;
    verification.folder = m_dir->path();
    verification.keyFingerprint = QString(64, u'c');
    verification.verifiedAt = QDateTime::currentDateTimeUtc();
    e = one(u"model.verification"_s, [&] { return m_ws->attachModelVerification(model, verification).ok(); });
    QCOMPARE(e.entityId, model);

    one(u"import"_s, [&] {
        ImportDocument doc;
        doc.fileName = u"bom.json"_s;
        ImportedRecord r;
        r.ref = u"x"_s;
        r.record.kind = RecordKind::Software;
        r.record.name = u"lib"_s;
        r.statedFields = {u"name"_s};
        doc.records << r;
        return m_ws->applyImport(doc).ok();
    });

    // The whole trail is one intact chain, each entry in its own transaction: no entry was lost or doubled.
    const AuditVerification v = m_ws->verifyAudit(m_ws->auditHead().value()).value();
    QVERIFY2(v.intact(), qPrintable(v.message));
    QVERIFY(v.rowsChecked >= seen.size());
    // Writing a layout is a cache: no entry.
    const qint64 before = headSeq();
    QVERIFY(m_ws->storeLayout("key", "data", 1).ok());
    QCOMPARE(headSeq(), before);
}

void TestAuditTrail::refusedWritesAppendNothing()
{
    const qint64 model = addRecord(*m_ws, RecordKind::Model, u"M"_s);
    const AuditHead before = m_ws->auditHead().value();
    Record dup;
    dup.name = u"M"_s;
    QVERIFY(!m_ws->createRecord(dup).ok()); // the same name and version already exists
    QVERIFY(!m_ws->link(model, RelationType::TrainedOn, model).ok());
    QVERIFY(!m_ws->setFindingStatus(999, FindingStatus::Closed).ok());
    Record bad = m_ws->record(model).value();
    bad.name.clear();
    QVERIFY(!m_ws->updateRecord(bad).ok());
    QCOMPARE(m_ws->auditHead().value(), before);
}

void TestAuditTrail::rolledBackBatchLeavesNothingQueued()
{
    const AuditHead before = m_ws->auditHead().value();
    const Status s = m_ws->batch([&]() -> Status {
        if (addRecord(*m_ws, RecordKind::Model, u"A"_s) == 0)
            return Error{ErrorCode::Database, u"setup"_s};
        return Error{ErrorCode::Cancelled, u"changed my mind"_s};
    });
    QVERIFY(!s.ok());
    QCOMPARE(m_ws->auditHead().value(), before);
    // The entry of the rolled-back create must not surface with the next write.
    const AuditEntry e = expectOne(u"record.create"_s, [&] { return addRecord(*m_ws, RecordKind::Model, u"B"_s); });
    QVERIFY(e.afterJson.contains(u"\"B\""_s));
    QVERIFY(!e.afterJson.contains(u"\"A\""_s));

    // A batch of two writes appends two entries in order, in one transaction.
    const qint64 start = headSeq();
    QVERIFY(m_ws->batch([&]() -> Status {
                    addRecord(*m_ws, RecordKind::Model, u"C"_s);
                    addRecord(*m_ws, RecordKind::Model, u"D"_s);
                    return Ok{};
                })
                .ok());
    QCOMPARE(headSeq(), start + 2);
}

void TestAuditTrail::recordAuditIsForOtherWritePaths()
{
    const AuditHead before = m_ws->auditHead().value();
    QVERIFY(!m_ws->recordAudit(u"signoff.create"_s, u"release"_s, 1).ok()); // no transaction open
    QCOMPARE(m_ws->auditHead().value(), before);
    const AuditEntry e = expectOne(u"signoff.create"_s, [&] {
        return m_ws
            ->batch([&] {
                return m_ws->recordAudit(u"signoff.create"_s, u"release"_s, 7, {},
                                         QJsonObject{{u"decision"_s, u"approve"_s}});
            })
            .ok();
    });
    QCOMPARE(e.entityKind, u"release"_s);
    QCOMPARE(e.entityId, 7);
    QCOMPARE(e.afterJson, u"{\"decision\":\"approve\"}"_s);
}

void TestAuditTrail::trailIsFiltered()
{
    const qint64 a = addRecord(*m_ws, RecordKind::Model, u"A"_s);
    m_ws->setActor(u"bob"_s);
    const qint64 b = addRecord(*m_ws, RecordKind::Dataset, u"B"_s);
    QVERIFY(addLink(*m_ws, a, RelationType::TrainedOn, b));

    AuditQuery byActor;
    byActor.actor = u"bob"_s;
    QCOMPARE(m_ws->auditTrail(byActor).value().size(), 2);
    AuditQuery byAction;
    byAction.action = u"relation"_s; // a prefix names every relation.* action
    QCOMPARE(m_ws->auditTrail(byAction).value().size(), 1);
    byAction.action = u"relation.link"_s;
    QCOMPARE(m_ws->auditTrail(byAction).value().size(), 1);
    byAction.action = u"relation.li"_s; // but not part of a word
    QCOMPARE(m_ws->auditTrail(byAction).value().size(), 0);
    AuditQuery byRecord;
    byRecord.entityKind = u"record"_s;
    byRecord.entityId = b;
    const QList<AuditEntry> aboutB = m_ws->auditTrail(byRecord).value();
    QCOMPARE(aboutB.size(), 2); // its creation and the relation that points at it
    QCOMPARE(aboutB.at(0).action, u"relation.link"_s);
    QCOMPARE(aboutB.at(1).action, u"record.create"_s);
    AuditQuery future;
    future.since = QDateTime::currentDateTimeUtc().addDays(1);
    QCOMPARE(m_ws->auditTrail(future).value().size(), 0);
    AuditQuery page;
    page.limit = 1;
    page.offset = 1;
    const QList<AuditEntry> second = m_ws->auditTrail(page).value();
    QCOMPARE(second.size(), 1);
    QCOMPARE(second.constFirst().seq, headSeq() - 1);
    page.oldestFirst = true;
    page.offset = 0;
    QCOMPARE(m_ws->auditTrail(page).value().constFirst().seq, 1);
}

void TestAuditTrail::importIsOneEntryNamingItsRecords()
{
    const qint64 existing = addRecord(*m_ws, RecordKind::Software, u"lib0"_s);
    ImportDocument doc;
    doc.fileName = u"big-bom.json"_s;
    doc.sha256 = QString(64, u'd');
    for (int i = 0; i < 50; ++i) {
        ImportedRecord r;
        r.ref = u"r%1"_s.arg(i);
        r.record.kind = RecordKind::Software;
        r.record.name = u"lib%1"_s.arg(i);
        r.record.license = u"MIT"_s;
        r.statedFields = {u"name"_s, u"license"_s};
        doc.records << r;
    }
    const AuditEntry e = expectOne(u"import"_s, [&] { return m_ws->applyImport(doc).ok(); });
    const QJsonObject after = QJsonDocument::fromJson(e.afterJson.toUtf8()).object();
    QCOMPARE(after.value(u"file"_s).toString(), u"big-bom.json"_s);
    QCOMPARE(after.value(u"sha256"_s).toString(), QString(64, u'd'));
    QCOMPARE(after.value(u"added"_s).toArray().size(), 49);
    QCOMPARE(after.value(u"updated"_s).toArray().size(), 1);
    QCOMPARE(after.value(u"updated"_s).toArray().at(0).toInteger(), existing);
    // Listing the record's history finds the import that updated it.
    AuditQuery byRecord;
    byRecord.entityKind = u"record"_s;
    byRecord.entityId = existing;
    QCOMPARE(m_ws->auditTrail(byRecord).value().constFirst().action, u"import"_s);
    // The same document again changes nothing and records nothing.
    const qint64 before = headSeq();
    QVERIFY(m_ws->applyImport(doc).ok());
    QCOMPARE(headSeq(), before);
}

QTEST_GUILESS_MAIN(TestAuditTrail)
#include "TestAuditTrail.moc"
