// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "SignoffSamples.h"
#include "signoff/CanonicalJson.h"
#include "signoff/SignoffManifest.h"
#include "util/Sha256.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

/// A manifest with its audit-trail head taken out: what was reviewed, without where the trail stood.
QByteArray withoutAuditHead(const QByteArray &manifest)
{
    QJsonObject o = QJsonDocument::fromJson(manifest).object();
    o.remove(u"audit_head"_s);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

/// The manifest a sign-off signs: canonical bytes, and every covered change (and no other) shown as a change.
class TestSignoffManifest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void canonicalJsonKnownAnswer();
    void manifestBytesAreStable();
    void coveredChangeIsDescribed_data();
    void coveredChangeIsDescribed();
    void unrelatedChangeIsNot_data();
    void unrelatedChangeIsNot();
    void auditHeadIsSignedButNeverStale();
    void refusalsNameEveryReason();
    void acceptedRiskInForceAllowsApproval();

private:
    QJsonObject manifest() const;
    void change(const QString &what);
    QString expected(const QString &pattern) const;

    samples::SignoffWorkspace m_s;
    qint64 m_newId = 0;
};

void TestSignoffManifest::init()
{
    m_s.ws.reset(); // close the workspace before its folder goes
    m_s = samples::SignoffWorkspace();
    QVERIFY(samples::makeSignoffWorkspace(m_s));
}

QJsonObject TestSignoffManifest::manifest() const
{
    const Result<QByteArray> bytes = m_s.ws->signoffManifest(m_s.releaseId);
    if (!bytes) {
        qWarning("%s", qPrintable(bytes.error().message));
        return {};
    }
    return QJsonDocument::fromJson(bytes.value()).object();
}

void TestSignoffManifest::canonicalJsonKnownAnswer()
{
    const QJsonObject object{{u"b"_s, 1},
                             {u"a"_s, QJsonArray{true, QJsonValue(), u"x\n\"\u00e9\\"_s, u"\u0001"_s}},
                             {u"c"_s, QJsonObject{{u"z"_s, u""_s}, {u"y"_s, -3}, {u"Z"_s, 2.5}}}};
    QCOMPARE(
        CanonicalJson::serialize(object),
        QByteArray(
            "{\"a\":[true,null,\"x\\n\\\"\xc3\xa9\\\\\",\"\\u0001\"],\"b\":1,\"c\":{\"Z\":2.5,\"y\":-3,\"z\":\"\"}}"));
}

void TestSignoffManifest::manifestBytesAreStable()
{
    const QByteArray first = m_s.ws->signoffManifest(m_s.releaseId).value();
    QCOMPARE(m_s.ws->signoffManifest(m_s.releaseId).value(), first);
    // Canonical: parsing and writing again gives the same bytes, and nothing but the content decides them.
    QCOMPARE(CanonicalJson::serialize(QJsonDocument::fromJson(first).object()), first);
    QVERIFY(!first.contains('\n'));
    QVERIFY(first.contains(m_s.evidence.sha256.toLatin1()));
    QVERIFY(first.contains(QByteArray(64, 'a'))); // the model's artifact digest
    QVERIFY(first.contains("\"status\":\"pass\""));
    // Reopening the workspace changes nothing.
    const QString path = m_s.ws->path();
    m_s.ws.reset();
    auto reopened = Workspace::open(path, Database::OpenMode::ExistingOnly);
    QVERIFY(reopened.ok());
    QCOMPARE(reopened.value()->signoffManifest(m_s.releaseId).value(), first);
}

void TestSignoffManifest::coveredChangeIsDescribed_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("description");
    QTest::newRow("record field") << u"license"_s
                                  << u"Record %dataset \"Corpus\": license changed from \"\" to \"MIT\""_s;
    QTest::newRow("record name") << u"rename"_s
                                 << u"Record %dataset \"Corpus v2\": name changed from \"Corpus\" to \"Corpus v2\""_s;
    QTest::newRow("artifact added") << u"artifact added"_s
                                    << u"Record %dataset \"Corpus\", artifact data.parquet was added"_s;
    QTest::newRow("artifact removed") << u"artifact removed"_s
                                      << u"Record %model \"Chat\", artifact model.safetensors was removed"_s;
    QTest::newRow("item status") << u"status"_s
                                 << u"Assessment %assessment, item M-2: status changed from \"pass\" to \"fail\""_s;
    QTest::newRow("item notes")
        << u"notes"_s << u"Assessment %assessment, item M-2: notes changed from \"Licence read.\" to \"Read twice.\""_s;
    QTest::newRow("item reviewer") << u"reviewer"_s
                                   << u"Assessment %assessment, item M-2: reviewer changed from \"alice\" to \"bob\""_s;
    QTest::newRow("finding") << u"finding"_s << u"Finding 1 \"Licence unclear\" was added"_s;
    QTest::newRow("evidence altered")
        << u"evidence altered"_s << u"Evidence %evidence \"Datasheet\": the file was altered (its SHA-256 is now "_s;
    QTest::newRow("evidence missing")
        << u"evidence missing"_s << u"Evidence %evidence \"Datasheet\": the file is missing from the evidence store"_s;
    QTest::newRow("evidence linked") << u"evidence linked"_s << u"Evidence %new \"Second\" was added"_s;
    QTest::newRow("record removed") << u"record removed"_s << u"Record %dataset \"Corpus\" was removed"_s;
    QTest::newRow("record added upstream") << u"record added"_s << u"Record %new \"runtime\" was added"_s;
}

QString TestSignoffManifest::expected(const QString &pattern) const
{
    return QString(pattern)
        .replace(u"%dataset"_s, QString::number(m_s.dataset))
        .replace(u"%model"_s, QString::number(m_s.model))
        .replace(u"%assessment"_s, QString::number(m_s.assessmentId))
        .replace(u"%evidence"_s, QString::number(m_s.evidence.id));
}

void TestSignoffManifest::change(const QString &what)
{
    Workspace &ws = *m_s.ws;
    const auto ok = [](const auto &result) {
        if (!result.ok())
            qWarning("%s", qPrintable(result.error().message));
        return result.ok();
    };
    const auto write = [this](const QString &name, const QByteArray &bytes) {
        QFile file(m_s.dir->filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    };
    if (what == u"license"_s || what == u"rename"_s) {
        Record r = ws.record(m_s.dataset).value();
        if (what == u"license"_s)
            r.license = u"MIT"_s;
        else
            r.name = u"Corpus v2"_s;
        QVERIFY(ok(ws.updateRecord(r)));
    } else if (what == u"artifact added"_s) {
        Artifact a;
        a.recordId = m_s.dataset;
        a.fileName = u"data.parquet"_s;
        a.digest = QString(64, u'b');
        QVERIFY(ok(ws.addArtifact(a)));
    } else if (what == u"artifact removed"_s) {
        QVERIFY(ok(ws.removeArtifact(ws.snapshot(m_s.model).value().artifacts.constFirst().id)));
    } else if (what == u"status"_s) {
        QVERIFY(ok(ws.setItemStatus(m_s.assessmentId, {u"M-2"_s, ItemStatus::Fail, std::nullopt, {}})));
    } else if (what == u"notes"_s) {
        QVERIFY(ok(ws.setItemStatus(m_s.assessmentId, {u"M-2"_s, ItemStatus::Pass, u"Read twice."_s, {}})));
    } else if (what == u"reviewer"_s) {
        ws.setActor(u"bob"_s);
        QVERIFY(ok(ws.setItemStatus(m_s.assessmentId, {u"M-2"_s, ItemStatus::Pass, std::nullopt, {}})));
    } else if (what == u"finding"_s) {
        QVERIFY(ok(ws.setItemStatus(m_s.assessmentId, {u"M-2"_s, ItemStatus::Fail, std::nullopt, {}})));
        Finding f;
        f.assessmentId = m_s.assessmentId;
        f.itemKey = u"M-2"_s;
        f.title = u"Licence unclear"_s;
        QVERIFY(ok(ws.addFinding(f)));
    } else if (what == u"evidence altered"_s || what == u"evidence missing"_s) {
        QFile blob(m_s.blobPath());
        QVERIFY(blob.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        if (what == u"evidence missing"_s) {
            QVERIFY(blob.remove());
        } else {
            QVERIFY(blob.open(QIODevice::WriteOnly));
            blob.write("the datasheet, edited");
        }
    } else if (what == u"evidence linked"_s) {
        write(u"second.txt"_s, "second");
        const Result<EvidenceAddResult> added =
            ws.addEvidence({m_s.dir->filePath(u"second.txt"_s), u"Second"_s, {}, {}, {}});
        QVERIFY(ok(added));
        QVERIFY(ok(ws.setItemStatus(m_s.assessmentId,
                                    {u"M-2"_s, ItemStatus::Pass, std::nullopt, {added.value().evidence.id}})));
        m_newId = added.value().evidence.id;
    } else if (what == u"record removed"_s) {
        QVERIFY(ok(ws.removeRecord(m_s.dataset)));
    } else if (what == u"record added"_s) {
        Record r;
        r.kind = RecordKind::Software;
        r.name = u"runtime"_s;
        const Result<qint64> id = ws.createRecord(r);
        QVERIFY(ok(id));
        QVERIFY(ok(ws.link(m_s.model, RelationType::DependsOn, id.value())));
        m_newId = id.value();
    } else if (what == u"other record"_s) {
        Record r = ws.record(m_s.other).value();
        r.license = u"MIT"_s;
        QVERIFY(ok(ws.updateRecord(r)));
    } else if (what == u"other release"_s) {
        const Result<Release> release = ws.createRelease(u"other"_s, u"1"_s, m_s.other);
        QVERIFY(ok(release));
        QVERIFY(ok(ws.createAssessment(AssessmentScope{release.value().id, 0}, u"mini"_s)));
    } else if (what == u"record assessment"_s) {
        const Result<Assessment> a = ws.createAssessment(AssessmentScope{0, m_s.model}, u"mini"_s);
        QVERIFY(ok(a));
        QVERIFY(ok(ws.setItemStatus(a.value().id, {u"M-1"_s, ItemStatus::Fail, std::nullopt, {}})));
    } else if (what == u"unlinked evidence"_s) {
        write(u"loose.txt"_s, "loose");
        QVERIFY(ok(ws.addEvidence({m_s.dir->filePath(u"loose.txt"_s), u"Loose"_s, {}, {}, {}})));
    } else if (what == u"identity"_s) {
        const PrivateKey key = PrivateKey::generate(KeyType::Ed25519).value();
        QVERIFY(samples::makeIdentity(ws, key, u"Newcomer"_s, IdentityRole::Analyst).id > 0);
    } else if (what == u"downstream record"_s) {
        Record r;
        r.kind = RecordKind::Model;
        r.name = u"Chat quantized"_s;
        const Result<qint64> id = ws.createRecord(r);
        QVERIFY(ok(id));
        QVERIFY(ok(ws.link(id.value(), RelationType::DerivedFrom, m_s.model)));
    } else {
        QFAIL(qPrintable(u"unknown change %1"_s.arg(what)));
    }
}

void TestSignoffManifest::coveredChangeIsDescribed()
{
    QFETCH(QString, what);
    QFETCH(QString, description);
    const QJsonObject before = manifest();
    QVERIFY(!before.isEmpty());
    QVERIFY(SignoffManifest::diff(before, before).isEmpty());
    change(what);
    if (QTest::currentTestFailed())
        return;
    const QStringList changes = SignoffManifest::diff(before, manifest());
    const QString wanted = expected(description).replace(u"%new"_s, QString::number(m_newId));
    const bool found =
        std::any_of(changes.cbegin(), changes.cend(), [&](const QString &c) { return c.startsWith(wanted); });
    QVERIFY2(found, qPrintable(u"wanted \"%1\" among:\n%2"_s.arg(wanted, changes.join(u'\n'))));
}

void TestSignoffManifest::unrelatedChangeIsNot_data()
{
    QTest::addColumn<QString>("what");
    QTest::newRow("a record outside the release") << u"other record"_s;
    QTest::newRow("another release and its assessment") << u"other release"_s;
    QTest::newRow("an assessment of a record, not the release") << u"record assessment"_s;
    QTest::newRow("evidence nobody links") << u"unlinked evidence"_s;
    QTest::newRow("a new identity") << u"identity"_s;
    QTest::newRow("a record built on the release's root") << u"downstream record"_s;
}

void TestSignoffManifest::unrelatedChangeIsNot()
{
    QFETCH(QString, what);
    const QByteArray before = m_s.ws->signoffManifest(m_s.releaseId).value();
    change(what);
    if (QTest::currentTestFailed())
        return;
    const QByteArray after = m_s.ws->signoffManifest(m_s.releaseId).value();
    QCOMPARE(SignoffManifest::diff(QJsonDocument::fromJson(before).object(), QJsonDocument::fromJson(after).object()),
             QStringList());
    // Byte for byte the same, but for the audit-trail head: every change anywhere moves it (see the next test).
    QCOMPARE(withoutAuditHead(after), withoutAuditHead(before));
}

void TestSignoffManifest::auditHeadIsSignedButNeverStale()
{
    SignoffScope scope = m_s.ws->signoffScope(m_s.releaseId).value();
    const QByteArray before = SignoffManifest::bytes(scope);
    scope.auditHead = u"42:%1"_s.arg(QString(64, u'c'));
    const QByteArray after = SignoffManifest::bytes(scope);
    QVERIFY(Sha256::hex(before) != Sha256::hex(after)); // the head is covered by the digest
    QCOMPARE(SignoffManifest::diff(QJsonDocument::fromJson(before).object(), QJsonDocument::fromJson(after).object()),
             QStringList()); // but moving it is not a change to what was reviewed
}

void TestSignoffManifest::refusalsNameEveryReason()
{
    const QDate today = QDate::currentDate();
    SignoffScope scope = m_s.ws->signoffScope(m_s.releaseId).value();
    QCOMPARE(SignoffManifest::refusals(scope, today), QStringList());

    Assessment &a = scope.assessments.first();
    a.items[0].status = ItemStatus::NotStarted;
    a.items[1].status = ItemStatus::Fail;
    ScopeEvidence &e = scope.evidence.first();
    e.fileSha256 = QString(64, u'f');
    e.evidence.expiryDate = today.addDays(-1);
    const Evidence datasheet = e.evidence;
    const QString altered = e.fileSha256;
    ScopeEvidence missing = e;
    missing.evidence.id = 99;
    missing.evidence.title = u"Gone"_s;
    missing.evidence.expiryDate = QDate();
    missing.fileSha256.clear();
    scope.evidence.append(missing);

    const QStringList reasons = SignoffManifest::refusals(scope, today);
    const QString id = QString::number(a.id);
    const QString evidence = QString::number(datasheet.id);
    const QStringList wanted{
        u"Assessment %1, item M-1 (mandatory) is not started."_s.arg(id),
        u"Assessment %1, item M-2 failed and no finding on it has an accepted risk."_s.arg(id),
        u"Evidence %1 \"Datasheet\" was altered: the file hashes to %2, not %3."_s.arg(evidence, altered,
                                                                                       datasheet.sha256),
        u"Evidence %1 \"Datasheet\" expired on %2."_s.arg(evidence, today.addDays(-1).toString(Qt::ISODate)),
        u"Evidence 99 \"Gone\" is missing from the evidence store."_s};
    QCOMPARE(reasons, wanted);

    scope.assessments.clear();
    QVERIFY(SignoffManifest::refusals(scope, today).constFirst().contains(u"has no assessment"_s));
}

void TestSignoffManifest::acceptedRiskInForceAllowsApproval()
{
    const QDate today = QDate::currentDate();
    SignoffScope scope = m_s.ws->signoffScope(m_s.releaseId).value();
    AssessmentItem &item = scope.assessments.first().items[1];
    item.status = ItemStatus::Fail;
    Finding f;
    f.id = 7;
    f.assessmentId = scope.assessments.first().id;
    f.catalogItemId = item.catalogItemId;
    f.status = FindingStatus::Accepted;
    f.acceptedUntil = today;
    scope.findings.append(f);
    QCOMPARE(SignoffManifest::refusals(scope, today), QStringList());
    // The day after, the acceptance has lapsed and approval is refused again, naming the finding.
    const QStringList later = SignoffManifest::refusals(scope, today.addDays(1));
    QCOMPARE(later.size(), 1);
    QVERIFY2(later.constFirst().contains(u"finding 7 expired on %1"_s.arg(today.toString(Qt::ISODate))),
             qPrintable(later.constFirst()));
}

QTEST_GUILESS_MAIN(TestSignoffManifest)
#include "TestSignoffManifest.moc"
