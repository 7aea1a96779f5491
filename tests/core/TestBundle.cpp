// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// Promise Z3 (reliability notes §3): a bundle's signature, listing, sizes and digests are checked before anything is
// written; a round trip between two workspaces keeps every answer, finding and evidence file.
#include "AssessmentSamples.h"
#include "TestFiles.h"
#include "ZipForge.h"
#include "bundle/BundleExporter.h"
#include "bundle/BundleFormat.h"
#include "bundle/BundleImporter.h"
#include "bundle/SafeZipReader.h"
#include "trust/Dsse.h"
#include "trust/KeyFile.h"
#include "util/Sha256.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using strata::samples::addLink;
using strata::samples::addRecord;

namespace {

const QByteArray kPassphrase = "correct horse battery";

/// Everything a bundle import could change, as text, so "unchanged" is one comparison.
QString stateOf(Workspace &ws)
{
    QStringList lines;
    for (const RecordSummary &r : ws.list(RecordQuery{}).value())
        lines << u"record %1 %2"_s.arg(r.name, r.version);
    for (const Release &r : ws.releases().value())
        lines << u"release %1"_s.arg(r.label());
    for (const AssessmentSummary &s : ws.assessments().value()) {
        for (const AssessmentItem &i : ws.assessment(s.id).value().items)
            lines << u"item %1 %2 %3 %4 %5"_s.arg(s.id).arg(i.key, itemStatusKey(i.status), i.notes,
                                                            QString::number(i.evidence.size()));
    }
    for (const Finding &f : ws.findings().value())
        lines << u"finding %1 %2 %3"_s.arg(f.itemKey, f.title, findingStatusKey(f.status));
    for (const Evidence &e : ws.evidence().value())
        lines << u"evidence %1 %2"_s.arg(e.sha256, e.title);
    lines << test::filesUnder(ws.evidenceFolder());
    return lines.join(u'\n');
}

QList<std::pair<QByteArray, QByteArray>> entriesOf(const QString &zipPath)
{
    QList<std::pair<QByteArray, QByteArray>> entries;
    SafeZipReader reader(zipPath, ZipLimits{}, bundleformat::isAllowedName);
    if (!reader.open())
        return entries;
    const Status s = reader.visit([&](const ZipEntry &e) -> Status {
        Result<QByteArray> content = reader.readCurrent(64 * 1024 * 1024);
        if (!content)
            return content.error();
        entries.append({e.name.toUtf8(), content.value()});
        return Ok{};
    });
    return s ? entries : QList<std::pair<QByteArray, QByteArray>>{};
}

QByteArray rezip(const QList<std::pair<QByteArray, QByteArray>> &entries)
{
    test::ZipForge forge;
    for (const auto &[name, content] : entries) {
        test::ForgedEntry e;
        e.name = name;
        e.content = content;
        forge.entries.append(e);
    }
    return forge.build();
}

int indexOf(const QList<std::pair<QByteArray, QByteArray>> &entries, const QByteArray &prefix)
{
    for (int i = 0; i < entries.size(); ++i)
        if (entries.at(i).first.startsWith(prefix))
            return i;
    return -1;
}

} // namespace

class TestBundle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void roundTripBetweenTwoWorkspaces();
    void tamperedBundlesAreRefused_data();
    void tamperedBundlesAreRefused();
    void unknownSigningKeyIsRefused();
    void olderBundleIsRefused();
    void hostileArchiveLeavesWorkspaceUnchanged();
    void questionnaireRoundTrip();
    void cancelledWriteKeepsThePreviousFile_data();
    void cancelledWriteKeepsThePreviousFile();
    void manifestNumbersOutOfRangeAreRefused_data();
    void manifestNumbersOutOfRangeAreRefused();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    QString writeFile(const QString &name, const QByteArray &data) const;
    Identity trust(Workspace &ws, const PrivateKey &key, const QString &name) const;
    QString exportFrom(Workspace &ws, const QString &keyFile, const QString &name, bool questionnaire = false);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_a;
    std::unique_ptr<Workspace> m_b;
    PrivateKey m_alice;
    qint64 m_assessment = 0;
    QStringList m_items;
};

QString TestBundle::writeFile(const QString &name, const QByteArray &data) const
{
    QFile f(path(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        return {};
    return f.fileName();
}

Identity TestBundle::trust(Workspace &ws, const PrivateKey &key, const QString &name) const
{
    Identity identity;
    identity.name = name;
    identity.role = IdentityRole::Analyst;
    identity.publicKey = key.publicKey().pem();
    const Result<Identity> added = ws.addIdentity(identity);
    if (!added)
        qWarning("%s", qPrintable(added.error().message));
    return added ? added.value() : Identity{};
}

QString TestBundle::exportFrom(Workspace &ws, const QString &keyFile, const QString &name, bool questionnaire)
{
    BundleExportOptions options;
    options.release = u"chat@1.0"_s;
    options.questionnaire = questionnaire;
    options.keyFile = keyFile;
    options.passphrase = kPassphrase;
    options.output = path(name);
    const Result<BundleExportResult> exported = BundleExporter::exportBundle(ws, options);
    if (!exported)
        qWarning("%s", qPrintable(exported.error().message));
    return exported ? exported.value().path : QString();
}

void TestBundle::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto a = Workspace::open(path(u"a.strata"_s));
    auto b = Workspace::open(path(u"b.strata"_s));
    QVERIFY(a.ok() && b.ok());
    m_a = std::move(a).value();
    m_b = std::move(b).value();
    m_alice = PrivateKey::generate(KeyType::Ed25519).value();
    QVERIFY(KeyFile::write(path(u"alice.key"_s), m_alice, kPassphrase).ok());
    QVERIFY(trust(*m_a, m_alice, u"Alice"_s).id > 0);
    QVERIFY(trust(*m_b, m_alice, u"Alice"_s).id > 0);

    const qint64 model = addRecord(*m_a, RecordKind::Model, u"Chat"_s, u"2"_s);
    const qint64 data = addRecord(*m_a, RecordKind::Dataset, u"Corpus"_s);
    QVERIFY(addLink(*m_a, model, RelationType::TrainedOn, data));
    QVERIFY(m_a->createRelease(u"chat"_s, u"1.0"_s, model).ok());
    const Result<Assessment> assessment = m_a->createAssessment(AssessmentScope{m_a->release(u"chat"_s).value().id, 0});
    QVERIFY(assessment.ok());
    m_assessment = assessment.value().id;
    for (const AssessmentItem &item : assessment.value().items)
        m_items << item.key;
    QVERIFY(m_items.size() >= 3);

    // Two evidence files of the same size, so that swapping them keeps every size right.
    const Result<EvidenceAddResult> alpha =
        m_a->addEvidence({writeFile(u"alpha.txt"_s, "alpha evidence"), {}, {}, {}, {}});
    const Result<EvidenceAddResult> bravo =
        m_a->addEvidence({writeFile(u"bravo.txt"_s, "bravo evidence"), {}, {}, {}, {}});
    QVERIFY(alpha.ok() && bravo.ok());
    ItemUpdate pass{m_items.at(0), ItemStatus::Pass, u"Reviewed the *datasheet*."_s, {alpha.value().evidence.id}};
    QVERIFY(m_a->setItemStatus(m_assessment, pass).ok());
    ItemUpdate fail{m_items.at(1), ItemStatus::Fail, u"No signature on the weights."_s, {bravo.value().evidence.id}};
    QVERIFY(m_a->setItemStatus(m_assessment, fail).ok());
    Finding finding;
    finding.assessmentId = m_assessment;
    finding.itemKey = m_items.at(1);
    finding.title = u"Unsigned weights"_s;
    finding.likelihood = 3;
    finding.impact = 4;
    const Result<Finding> added = m_a->addFinding(finding);
    QVERIFY(added.ok());
    QVERIFY(m_a->acceptFinding(added.value().id, u"Internal use only."_s, QDate::currentDate().addDays(30)).ok());
    QVERIFY(m_a->setItemStatus(m_assessment, ItemUpdate{m_items.at(1), ItemStatus::RiskAccepted, {}, {}}).ok());
    ItemUpdate na{m_items.at(2), ItemStatus::NotApplicable, u"No fine-tuning."_s, {}};
    QVERIFY(m_a->setItemStatus(m_assessment, na).ok());
}

void TestBundle::cleanup()
{
    // The workspaces close (and drop their locks) before their folder goes.
    m_a.reset();
    m_b.reset();
    m_dir.reset();
}

void TestBundle::roundTripBetweenTwoWorkspaces()
{
    const QString bundle = exportFrom(*m_a, path(u"alice.key"_s), u"chat.zip"_s);
    QVERIFY(!bundle.isEmpty());
    QSignalSpy assessments(m_b.get(), &Workspace::assessmentsChanged);
    const Result<BundleImportResult> imported = BundleImporter::importBundle(*m_b, bundle);
    QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
    QCOMPARE(imported.value().signer.name, u"Alice"_s);
    QCOMPARE(imported.value().merged.releaseLabel, u"chat@1.0"_s);
    QVERIFY(imported.value().merged.releaseCreated);
    QCOMPARE(imported.value().merged.evidenceAdded, 2);
    QCOMPARE(imported.value().merged.findingsAdded, 1);
    QVERIFY(assessments.count() >= 1);

    // What a reviewer sees in B is what A holds: answers, notes, evidence, findings, records.
    const Assessment mine = m_a->assessment(m_assessment).value();
    const QList<AssessmentSummary> theirs = m_b->assessments().value();
    QCOMPARE(theirs.size(), 1);
    const Assessment copy = m_b->assessment(theirs.first().id).value();
    QCOMPARE(copy.items.size(), mine.items.size());
    for (int i = 0; i < mine.items.size(); ++i) {
        QCOMPARE(copy.items.at(i).key, mine.items.at(i).key);
        QCOMPARE(copy.items.at(i).status, mine.items.at(i).status);
        QCOMPARE(copy.items.at(i).notes, mine.items.at(i).notes);
        QCOMPARE(copy.items.at(i).evidence.size(), mine.items.at(i).evidence.size());
        for (int e = 0; e < mine.items.at(i).evidence.size(); ++e)
            QCOMPARE(copy.items.at(i).evidence.at(e).sha256, mine.items.at(i).evidence.at(e).sha256);
    }
    QCOMPARE(copy.item(m_items.at(0))->reviewer, u"Alice"_s);
    const QList<Finding> findings = m_b->findings().value();
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().title, u"Unsigned weights"_s);
    QCOMPARE(findings.first().status, FindingStatus::Accepted);
    QCOMPARE(findings.first().acceptedUntil, QDate::currentDate().addDays(30));
    QVERIFY(m_b->resolve(u"Chat@2"_s, RecordKind::Model).ok());
    QVERIFY(m_b->resolve(u"Corpus"_s, RecordKind::Dataset).ok());
    QVERIFY(m_b->verifyEvidence().value().problems.isEmpty());
    QCOMPARE(m_b->verifyEvidence().value().checked, 2);

    // The same bundle again is a replay: refused, and nothing changes.
    const QString before = stateOf(*m_b);
    const Result<BundleImportResult> again = BundleImporter::importBundle(*m_b, bundle);
    QVERIFY(!again.ok());
    QVERIFY2(again.error().message.contains(u"replayed or older"_s), qPrintable(again.error().message));
    QCOMPARE(stateOf(*m_b), before);
}

void TestBundle::tamperedBundlesAreRefused_data()
{
    QTest::addColumn<QString>("tamper");
    QTest::addColumn<QString>("reason");
    QTest::newRow("extra unsigned entry") << u"extra"_s << u"is not listed in the signed manifest"_s;
    QTest::newRow("missing entry") << u"missing"_s << u"the archive does not hold it"_s;
    QTest::newRow("one flipped byte in evidence") << u"flip-evidence"_s << u"does not have the SHA-256"_s;
    QTest::newRow("one flipped byte in the manifest") << u"flip-manifest"_s << u"is not the manifest"_s;
    QTest::newRow("one flipped byte in the BOM") << u"flip-bom"_s << u"bom.cdx.json does not have the SHA-256"_s;
    QTest::newRow("swapped entries") << u"swap"_s << u"does not have the SHA-256"_s;
    QTest::newRow("re-signed by an unknown key") << u"resign"_s << u"not signed by a key this workspace trusts"_s;
    QTest::newRow("envelope removed") << u"unsigned"_s << u"no manifest.dsse.json"_s;
}

void TestBundle::tamperedBundlesAreRefused()
{
    QFETCH(QString, tamper);
    QFETCH(QString, reason);
    const QString bundle = exportFrom(*m_a, path(u"alice.key"_s), u"chat.zip"_s);
    QVERIFY(!bundle.isEmpty());
    QList<std::pair<QByteArray, QByteArray>> entries = entriesOf(bundle);
    QCOMPARE(entries.size(), 5);
    const int evidence = indexOf(entries, "evidence/");
    const int other = entries.size() - 1;
    QVERIFY(evidence >= 0 && other != evidence);
    if (tamper == u"extra"_s) {
        const QByteArray extra = "not in the manifest";
        entries.append({"evidence/" + Sha256::hex(extra).toLatin1(), extra});
    } else if (tamper == u"missing"_s) {
        entries.removeAt(evidence);
    } else if (tamper == u"flip-evidence"_s) {
        entries[evidence].second[3] = char(entries[evidence].second.at(3) ^ 0x01);
    } else if (tamper == u"flip-manifest"_s) {
        QByteArray &m = entries[indexOf(entries, "manifest.json")].second;
        m.replace("Reviewed the", "Reviewed thE");
    } else if (tamper == u"flip-bom"_s) {
        QByteArray &bom = entries[indexOf(entries, "bom.cdx.json")].second;
        bom[bom.size() / 2] = char(bom.at(bom.size() / 2) ^ 0x20);
    } else if (tamper == u"swap"_s) {
        std::swap(entries[evidence].second, entries[other].second);
    } else if (tamper == u"resign"_s) {
        QByteArray &m = entries[indexOf(entries, "manifest.json")].second;
        m.replace("Reviewed the", "Reviewed thE");
        const PrivateKey mallory = PrivateKey::generate(KeyType::Ed25519).value();
        DsseEnvelope envelope;
        envelope.payloadType = BundleManifest::kPayloadType;
        envelope.payload = m;
        envelope.signatures.append(
            {m_alice.publicKey().fingerprint(), mallory.sign(envelope.preAuthenticationEncoding()).value()});
        entries[indexOf(entries, "manifest.dsse.json")].second = Dsse::serialize(envelope);
    } else if (tamper == u"unsigned"_s) {
        entries.removeAt(indexOf(entries, "manifest.dsse.json"));
    }
    const QString hostile = writeFile(u"tampered.zip"_s, rezip(entries));
    const QString before = stateOf(*m_b);
    const Result<BundleImportResult> imported = BundleImporter::importBundle(*m_b, hostile);
    QVERIFY(!imported.ok());
    QVERIFY2(imported.error().message.contains(reason), qPrintable(imported.error().message));
    QCOMPARE(stateOf(*m_b), before);
    QCOMPARE(m_b->lastImportedBundleSequence(m_alice.publicKey().fingerprint()).value(), 0);
    // The untouched bundle still imports: the refusal was about the tampering, nothing else.
    QVERIFY(BundleImporter::importBundle(*m_b, bundle).ok());
}

void TestBundle::unknownSigningKeyIsRefused()
{
    const QString bundle = exportFrom(*m_a, path(u"alice.key"_s), u"chat.zip"_s);
    auto stranger = Workspace::open(path(u"c.strata"_s));
    QVERIFY(stranger.ok());
    const QString before = stateOf(*stranger.value());
    const Result<BundleImportResult> imported = BundleImporter::importBundle(*stranger.value(), bundle);
    QVERIFY(!imported.ok());
    QVERIFY2(imported.error().message.contains(m_alice.publicKey().fingerprint()),
             qPrintable(imported.error().message));
    QCOMPARE(stateOf(*stranger.value()), before);
}

void TestBundle::olderBundleIsRefused()
{
    const QString first = exportFrom(*m_a, path(u"alice.key"_s), u"first.zip"_s);
    const QString second = exportFrom(*m_a, path(u"alice.key"_s), u"second.zip"_s);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    const Result<BundleImportResult> newer = BundleImporter::importBundle(*m_b, second);
    QVERIFY2(newer.ok(), newer.ok() ? "" : qPrintable(newer.error().message));
    const QString before = stateOf(*m_b);
    const Result<BundleImportResult> older = BundleImporter::importBundle(*m_b, first);
    QVERIFY(!older.ok());
    QVERIFY2(older.error().message.contains(u"replayed or older"_s), qPrintable(older.error().message));
    QCOMPARE(stateOf(*m_b), before);
    QCOMPARE(m_b->lastImportedBundleSequence(m_alice.publicKey().fingerprint()).value(), newer.value().merged.sequence);
}

void TestBundle::hostileArchiveLeavesWorkspaceUnchanged()
{
    // A corpus case through the whole importer: a link entry, then an evidence file "through" it.
    test::ZipForge forge;
    test::ForgedEntry link;
    link.name = "evidence";
    link.content = "/etc";
    link.externalAttr = quint32(0120777) << 16;
    test::ForgedEntry file;
    file.name = "evidence/" + QByteArray(64, 'a');
    file.content = "pwned";
    forge.entries = {link, file};
    const QString hostile = writeFile(u"hostile.zip"_s, forge.build());
    const QString before = stateOf(*m_b);
    const QStringList filesBefore = test::filesUnder(m_dir->path());
    const Result<BundleImportResult> imported = BundleImporter::importBundle(*m_b, hostile);
    QVERIFY(!imported.ok());
    QVERIFY2(imported.error().message.contains(u"symbolic link"_s), qPrintable(imported.error().message));
    QCOMPARE(stateOf(*m_b), before);
    QCOMPARE(test::filesUnder(m_dir->path()), filesBefore);
}

void TestBundle::questionnaireRoundTrip()
{
    // Supplier Sam and we trust each other's keys.
    const PrivateKey sam = PrivateKey::generate(KeyType::Ed25519).value();
    QVERIFY(KeyFile::write(path(u"sam.key"_s), sam, kPassphrase).ok());
    QVERIFY(trust(*m_b, sam, u"Sam"_s).id > 0);
    QVERIFY(trust(*m_a, sam, u"Sam"_s).id > 0);
    // Our side asks: a questionnaire of a fresh release carries the items, none of our answers.
    const qint64 model = m_a->resolve(u"Chat@2"_s).value();
    QVERIFY(m_a->createRelease(u"chat"_s, u"2.0"_s, model).ok());
    QVERIFY(m_a->createAssessment(AssessmentScope{m_a->release(u"chat@2.0"_s).value().id, 0}).ok());
    BundleExportOptions ask;
    ask.release = u"chat@2.0"_s;
    ask.questionnaire = true;
    ask.keyFile = path(u"alice.key"_s);
    ask.passphrase = kPassphrase;
    ask.output = path(u"questionnaire.zip"_s);
    QVERIFY(BundleExporter::exportBundle(*m_a, ask).ok());
    const auto entries = entriesOf(ask.output);
    QCOMPARE(indexOf(entries, "evidence/"), -1);
    const Result<BundleManifest> asked =
        BundleManifest::parse(entries.at(indexOf(entries, "manifest.json")).second, {});
    QVERIFY(asked.ok());
    QCOMPARE(asked.value().kind, BundleManifest::Kind::Questionnaire);
    QVERIFY(asked.value().findings.isEmpty());

    // The supplier imports it, answers with evidence, and sends the answered bundle back.
    const Result<BundleImportResult> received = BundleImporter::importBundle(*m_b, ask.output);
    QVERIFY2(received.ok(), received.ok() ? "" : qPrintable(received.error().message));
    QCOMPARE(received.value().kind, BundleManifest::Kind::Questionnaire);
    const qint64 theirs = m_b->assessments().value().first().id;
    for (const AssessmentItem &item : m_b->assessment(theirs).value().items)
        QCOMPARE(item.status, ItemStatus::NotStarted);
    const Result<EvidenceAddResult> report =
        m_b->addEvidence({writeFile(u"pentest.pdf"_s, test::deterministicBytes(50000, 11)), u"Pen test"_s, {}, {}, {}});
    QVERIFY(report.ok());
    QVERIFY(m_b->setItemStatus(theirs,
                               {m_items.at(0), ItemStatus::Pass, u"See the pen test."_s, {report.value().evidence.id}})
                .ok());
    BundleExportOptions answer = ask;
    answer.questionnaire = false;
    answer.keyFile = path(u"sam.key"_s);
    answer.output = path(u"answered.zip"_s);
    QVERIFY(BundleExporter::exportBundle(*m_b, answer).ok());

    // Back home: checked and merged into our release's assessment, not a new one.
    const int assessmentsBefore = int(m_a->assessments().value().size());
    const Result<BundleImportResult> back = BundleImporter::importBundle(*m_a, answer.output);
    QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
    QCOMPARE(back.value().signer.name, u"Sam"_s);
    QCOMPARE(back.value().merged.assessmentsCreated, 0);
    QCOMPARE(int(m_a->assessments().value().size()), assessmentsBefore);
    qint64 ours = 0;
    for (const AssessmentSummary &s : m_a->assessments().value())
        if (m_a->assessment(s.id).value().scope.releaseId == m_a->release(u"chat@2.0"_s).value().id)
            ours = s.id;
    const Assessment merged = m_a->assessment(ours).value(); // kept: the item below points into it
    const AssessmentItem *answered = merged.item(m_items.at(0));
    QVERIFY(answered);
    QCOMPARE(answered->status, ItemStatus::Pass);
    QCOMPARE(answered->notes, u"See the pen test."_s);
    QCOMPARE(answered->reviewer, u"Sam"_s);
    QCOMPARE(answered->evidence.size(), 1);
    QCOMPARE(answered->evidence.first().sha256, Sha256::hex(test::deterministicBytes(50000, 11)));
    QCOMPARE(answered->evidence.first().title, u"Pen test"_s);
}

void TestBundle::cancelledWriteKeepsThePreviousFile_data()
{
    QTest::addColumn<int>("when");
    QTest::newRow("before the first byte") << 0;
    QTest::newRow("after the first bytes") << 1;
    QTest::newRow("after the last byte") << 2;
}

void TestBundle::cancelledWriteKeepsThePreviousFile()
{
    QFETCH(int, when);
    const QString target = writeFile(u"chat.zip"_s, "last week's bundle");
    QVERIFY(!target.isEmpty());
    BundleExportOptions options;
    options.release = u"chat@1.0"_s;
    options.output = target;
    const Result<PreparedExport> prepared = BundleExporter::prepare(*m_a, options, m_alice);
    QVERIFY(prepared.ok());
    std::atomic<bool> cancel{when == 0};
    int calls = 0;
    const Status written = BundleExporter::write(
        prepared.value(),
        [&](qint64 done, qint64 total) {
            ++calls;
            if ((when == 1 && calls == 1) || (when == 2 && done == total))
                cancel.store(true);
        },
        &cancel);
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, ErrorCode::Cancelled);
    QVERIFY2(written.error().message.contains(u"cancelled"_s), qPrintable(written.error().message));
    QFile kept(target);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("last week's bundle"));
    QCOMPARE(QDir(m_dir->path()).entryList({u"chat*"_s}, QDir::Files | QDir::Hidden), QStringList{u"chat.zip"_s});
    // The same export, not cancelled, replaces it.
    QVERIFY(BundleExporter::write(prepared.value()).ok());
    QVERIFY(BundleImporter::importBundle(*m_b, target).ok());
}

void TestBundle::manifestNumbersOutOfRangeAreRefused_data()
{
    QTest::addColumn<QByteArray>("sequence");
    QTest::newRow("beyond qint64 (found by fuzz_bundle_manifest)") << "179584135829055555555555555555555555555555"_ba;
    QTest::newRow("far beyond") << "1e300"_ba;
    QTest::newRow("far below") << "-1e300"_ba;
    QTest::newRow("just past the cap") << "4503599627370497"_ba;
    QTest::newRow("a fraction") << "1.5"_ba;
}

void TestBundle::manifestNumbersOutOfRangeAreRefused()
{
    QFETCH(QByteArray, sequence);
    QFile seed(QStringLiteral(STRATA_SOURCE_DIR "/tests/fuzz/corpus/fuzz_bundle_manifest/questionnaire.json"));
    QVERIFY(seed.open(QIODevice::ReadOnly));
    const QByteArray honest = seed.readAll();
    QVERIFY(BundleManifest::parse(honest, u"manifest.json"_s).ok());
    const QByteArray hostile =
        QByteArray(honest).replace("\"sequence\": 1795841358290", QByteArray("\"sequence\": " + sequence));
    QVERIFY(hostile != honest);
    const Result<BundleManifest> parsed = BundleManifest::parse(hostile, u"manifest.json"_s);
    QVERIFY(!parsed);
    QVERIFY2(parsed.error().message.contains(u"sequence"_s), qPrintable(parsed.error().message));
}

QTEST_GUILESS_MAIN(TestBundle)
#include "TestBundle.moc"
