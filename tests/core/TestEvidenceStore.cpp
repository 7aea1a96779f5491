// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "TestFiles.h"
#include "evidence/EvidenceStore.h"
#include "util/Sha256.h"
#include "workspace/Workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using strata::test::deterministicBytes;
using strata::test::filesUnder;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

/// The content-addressed evidence store: right digests, one copy per content, tampering found, and nothing
/// half-written whatever goes wrong between reading the file and recording its row.
class TestEvidenceStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void knownAnswerHashes_data();
    void knownAnswerHashes();
    void largeFileHashesAcrossChunks();
    void sameContentIsStoredOnce();
    void datesAndSourceAreKept();
    void tamperingIsReportedByName();
    void damagedBlobIsRepairedByAddingTheFileAgain();
    void crashBetweenBlobAndRowLeavesNoRow();
    void badInputWritesNothing_data();
    void badInputWritesNothing();
    void cancelLeavesNothing();
    void fullDiskLeavesNothing();
    void storedBlobIsRecordedOnlyWhenPresent();
    void leftoversGoAtOpenNotDuringAnotherAdd();
    void mediaTypeFollowsTheBytes_data();
    void mediaTypeFollowsTheBytes();

private:
    QString file(const QString &name, const QByteArray &data) const;
    Result<EvidenceAddResult> add(const QString &path, const QString &title = {});
    QString store() const { return m_ws->evidenceFolder(); }
    /// What a failed add must not leave: rows, blobs, or partial copies.
    void verifyNothingStored();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
};

void TestEvidenceStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto ws = Workspace::open(m_dir->filePath(u"case.strata"_s));
    QVERIFY2(ws.ok(), ws.ok() ? "" : qPrintable(ws.error().message));
    m_ws = std::move(ws).value();
}

void TestEvidenceStore::cleanup()
{
    m_ws.reset();
    // Blobs are read-only; let the temporary folder go.
    QDirIterator it(m_dir->path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        QFile::setPermissions(it.next(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    m_dir.reset();
}

QString TestEvidenceStore::file(const QString &name, const QByteArray &data) const
{
    const QString path = m_dir->filePath(u"in/"_s + name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size())
        return {};
    return path;
}

Result<EvidenceAddResult> TestEvidenceStore::add(const QString &path, const QString &title)
{
    EvidenceInput input;
    input.path = path;
    input.title = title;
    return m_ws->addEvidence(input);
}

void TestEvidenceStore::verifyNothingStored()
{
    QCOMPARE(m_ws->evidence().value().size(), 0);
    QCOMPARE(filesUnder(store()), QStringList());
}

void TestEvidenceStore::knownAnswerHashes_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("sha256");
    QTest::newRow("empty file") << QByteArray()
                                << u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s;
    QTest::newRow("abc") << QByteArray("abc") << u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s;
}

void TestEvidenceStore::knownAnswerHashes()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, sha256);
    QSignalSpy changed(m_ws.get(), &Workspace::evidenceChanged);
    const Result<EvidenceAddResult> added = add(file(u"report.txt"_s, content));
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
    QVERIFY(added.value().created && added.value().blobCreated);
    QCOMPARE(added.value().evidence.sha256, sha256);
    QCOMPARE(added.value().evidence.size, content.size());
    QCOMPARE(added.value().evidence.title, u"report.txt"_s);
    QCOMPARE(changed.count(), 1);
    // Named by its digest, beside the workspace, and nothing else left behind.
    QCOMPARE(store(), m_dir->filePath(u"case.strata-evidence"_s));
    QCOMPARE(filesUnder(store()), QStringList{u"sha256/%1/%2"_s.arg(sha256.left(2), sha256)});
    QCOMPARE(readAll(EvidenceStore(store()).blobPath(sha256)), content);
    // Permission bits, not isWritable(): the tests may run as root, who can write anything.
    const QFileDevice::Permissions writable =
        QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther;
    QCOMPARE(QFileInfo(EvidenceStore(store()).blobPath(sha256)).permissions() & writable, QFileDevice::Permissions());
    QCOMPARE(m_ws->evidence().value().constFirst().sha256, sha256);
}

void TestEvidenceStore::largeFileHashesAcrossChunks()
{
    // Over two read chunks and not a multiple of one, so the streaming loop's edges are crossed.
    const QByteArray data = deterministicBytes(2 * EvidenceStore::kChunkSize + 12345, 7);
    QList<qint64> seen;
    EvidenceInput input;
    input.path = file(u"weights.bin"_s, data);
    EvidenceAddOptions options;
    options.progress = [&seen](qint64 done, qint64 total) {
        if (total == 2 * EvidenceStore::kChunkSize + 12345)
            seen << done;
    };
    const Result<EvidenceAddResult> added = m_ws->addEvidence(input, options);
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
    QCOMPARE(added.value().evidence.sha256, Sha256::hex(data)); // the same bytes hashed in one piece
    QCOMPARE(seen, (QList<qint64>{EvidenceStore::kChunkSize, 2 * EvidenceStore::kChunkSize, data.size()}));
    QCOMPARE(added.value().evidence.mediaType, u"application/octet-stream"_s);
}

void TestEvidenceStore::sameContentIsStoredOnce()
{
    const QByteArray data = "SOC 2 Type II report, 2025";
    const Result<EvidenceAddResult> first = add(file(u"a/soc2.pdf"_s, data), u"SOC 2 report"_s);
    QVERIFY(first.ok());
    QSignalSpy changed(m_ws.get(), &Workspace::evidenceChanged);
    const Result<EvidenceAddResult> second = add(file(u"b/copy-of-soc2.pdf"_s, data), u"Another title"_s);
    QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(second.error().message));
    QVERIFY(!second.value().created);
    QVERIFY(!second.value().blobCreated);
    QCOMPARE(second.value().evidence.id, first.value().evidence.id);
    QCOMPARE(second.value().evidence.title, u"SOC 2 report"_s);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_ws->evidence().value().size(), 1);
    QCOMPARE(filesUnder(store()).size(), 1);
}

void TestEvidenceStore::datesAndSourceAreKept()
{
    EvidenceInput input;
    input.path = file(u"iso.pdf"_s, "ISO/IEC 27001 certificate");
    input.title = u"ISO 27001 certificate"_s;
    input.sourceUrl = u"https://vendor.example/trust/iso27001.pdf"_s;
    input.effectiveDate = QDate(2025, 3, 1);
    input.expiryDate = QDate(2028, 2, 29);
    QVERIFY(m_ws->addEvidence(input).ok());
    const Evidence stored = m_ws->evidence().value().constFirst();
    QCOMPARE(stored.effectiveDate, input.effectiveDate);
    QCOMPARE(stored.expiryDate, input.expiryDate);
    QCOMPARE(stored.sourceUrl, input.sourceUrl);
    QCOMPARE(stored.fileName, u"iso.pdf"_s);
    QVERIFY(!stored.addedBy.isEmpty());
    QVERIFY(stored.isExpired(QDate(2028, 3, 1)));
    QVERIFY(!stored.isExpired(QDate(2028, 2, 29)));
    QVERIFY(stored.expiresWithin(QDate(2028, 2, 1), 30));
    QVERIFY(!stored.expiresWithin(QDate(2027, 12, 1), 30));
}

void TestEvidenceStore::tamperingIsReportedByName()
{
    const Result<EvidenceAddResult> a = add(file(u"pentest.pdf"_s, "pentest findings: none critical"), u"Pen test"_s);
    const Result<EvidenceAddResult> b = add(file(u"dpa.pdf"_s, "data processing agreement"), u"DPA"_s);
    const Result<EvidenceAddResult> c = add(file(u"scan.json"_s, "{\"findings\": []}"), u"Model scan"_s);
    QVERIFY(a.ok() && b.ok() && c.ok());
    QCOMPARE(m_ws->verifyEvidence().value().problems.size(), 0);

    // One byte of the pen test report flipped, the DPA deleted, the scan left alone.
    const QString altered = EvidenceStore(store()).blobPath(a.value().evidence.sha256);
    QVERIFY(QFile::setPermissions(altered, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QByteArray bytes = readAll(altered);
    bytes[3] = char(bytes.at(3) ^ 0x01);
    {
        QFile f(altered);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
    }
    QVERIFY(QFile::remove(EvidenceStore(store()).blobPath(b.value().evidence.sha256)));

    const Result<EvidenceVerification> verified = m_ws->verifyEvidence();
    QVERIFY2(verified.ok(), verified.ok() ? "" : qPrintable(verified.error().message));
    QCOMPARE(verified.value().checked, 3);
    QCOMPARE(verified.value().problems.size(), 2);
    const EvidenceProblem &first = verified.value().problems.at(0);
    QCOMPARE(first.kind, EvidenceProblem::Kind::Altered);
    QCOMPARE(first.evidence.title, u"Pen test"_s);
    QCOMPARE(first.actualSha256, Sha256::hex(bytes));
    QVERIFY2(first.detail.contains(u"Pen test"_s) && first.detail.contains(u"altered"_s), qPrintable(first.detail));
    const EvidenceProblem &second = verified.value().problems.at(1);
    QCOMPARE(second.kind, EvidenceProblem::Kind::Missing);
    QVERIFY2(second.detail.contains(u"DPA"_s) && second.detail.contains(u"missing"_s), qPrintable(second.detail));
}

void TestEvidenceStore::damagedBlobIsRepairedByAddingTheFileAgain()
{
    const QString path = file(u"sbom.json"_s, "{\"bomFormat\": \"CycloneDX\"}");
    const Result<EvidenceAddResult> added = add(path);
    QVERIFY(added.ok());
    const QString blob = EvidenceStore(store()).blobPath(added.value().evidence.sha256);
    QVERIFY(QFile::setPermissions(blob, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QFile f(blob);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.close();
    QCOMPARE(m_ws->verifyEvidence().value().problems.size(), 1);
    const Result<EvidenceAddResult> again = add(path);
    QVERIFY(again.ok());
    QVERIFY(!again.value().created);
    QVERIFY(again.value().blobCreated); // the damaged copy was replaced, not trusted
    QCOMPARE(m_ws->verifyEvidence().value().problems.size(), 0);
}

void TestEvidenceStore::crashBetweenBlobAndRowLeavesNoRow()
{
    const QByteArray data = "model card, archived 2026-02-01";
    const QString path = file(u"card.md"_s, data);
    const QString workspace = m_ws->path();
    m_ws.reset(); // the crashing process needs the workspace

    QProcess crash;
    crash.start(qEnvironmentVariable("STRATA_EVIDENCE_CRASH"), {workspace, path});
    QVERIFY2(crash.waitForFinished(60000), "the helper did not finish");
    QCOMPARE(crash.exitStatus(), QProcess::NormalExit);
    QCOMPARE(crash.exitCode(), 3); // died in the hook: after the blob, before the row

    auto reopened = Workspace::open(workspace);
    QVERIFY2(reopened.ok(), reopened.ok() ? "" : qPrintable(reopened.error().message));
    m_ws = std::move(reopened).value();
    QCOMPARE(m_ws->evidence().value().size(), 0); // no row pointing at nothing
    // The blob whose row never came was removed at open (C1), with its pending marker: nothing is left behind.
    QCOMPARE(filesUnder(store()), QStringList());
    QCOMPARE(m_ws->verifyEvidence().value().problems.size(), 0);
    // Adding the file again stores and records it.
    const Result<EvidenceAddResult> again = add(path);
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
    QVERIFY(again.value().created);
    QVERIFY(again.value().blobCreated);
    const QString sha = Sha256::hex(data);
    QCOMPARE(filesUnder(store()), QStringList{u"sha256/%1/%2"_s.arg(sha.left(2), sha)});
}

void TestEvidenceStore::badInputWritesNothing_data()
{
    QTest::addColumn<int>("problem");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing file") << 0 << ErrorCode::NotFound << u"does not exist"_s;
    QTest::newRow("a folder") << 1 << ErrorCode::InvalidInput << u"not a regular file"_s;
    QTest::newRow("expiry before effective") << 2 << ErrorCode::InvalidInput << u"2024-12-31"_s;
    QTest::newRow("title past its cap") << 3 << ErrorCode::InvalidInput << u"at most 500"_s;
    QTest::newRow("not a web address") << 4 << ErrorCode::InvalidInput << u"not a web address"_s;
    QTest::newRow("control character in title") << 5 << ErrorCode::InvalidInput << u"control characters"_s;
}

void TestEvidenceStore::badInputWritesNothing()
{
    QFETCH(int, problem);
    QFETCH(ErrorCode, code);
    QFETCH(QString, expected);
    EvidenceInput input;
    input.path = file(u"ok.txt"_s, "fine content");
    switch (problem) {
    case 0:
        input.path = m_dir->filePath(u"nowhere.pdf"_s);
        break;
    case 1:
        input.path = m_dir->filePath(u"in"_s);
        break;
    case 2:
        input.effectiveDate = QDate(2025, 1, 1);
        input.expiryDate = QDate(2024, 12, 31);
        break;
    case 3:
        input.title = QString(501, u't');
        break;
    case 4:
        input.sourceUrl = u"file:///etc/passwd"_s;
        break;
    case 5:
        input.title = u"Report\u001b[31m"_s;
        break;
    }
    const Result<EvidenceAddResult> added = m_ws->addEvidence(input);
    QVERIFY(!added.ok());
    QCOMPARE(added.error().code, code);
    QVERIFY2(added.error().message.contains(expected), qPrintable(added.error().message));
    verifyNothingStored();
}

void TestEvidenceStore::cancelLeavesNothing()
{
    std::atomic<bool> cancel{false};
    EvidenceInput input;
    input.path = file(u"big.bin"_s, deterministicBytes(3 * EvidenceStore::kChunkSize, 11));
    EvidenceAddOptions options;
    options.cancel = &cancel;
    options.progress = [&cancel](qint64, qint64) { cancel = true; }; // the user presses Cancel after one chunk
    const Result<EvidenceAddResult> added = m_ws->addEvidence(input, options);
    QVERIFY(!added.ok());
    QCOMPARE(added.error().code, ErrorCode::Cancelled);
    verifyNothingStored();
}

void TestEvidenceStore::storedBlobIsRecordedOnlyWhenPresent()
{
    // The GUI copies on a worker thread (EvidenceStore::store) and records the row afterwards on its own thread.
    const QString path = file(u"report.txt"_s, "audited\n");
    EvidenceInput input;
    input.path = path;
    QVERIFY(m_ws->checkEvidenceInput(input).ok());
    EvidenceInput missing;
    missing.path = m_dir->filePath(u"in/none.pdf"_s);
    QCOMPARE(m_ws->checkEvidenceInput(missing).error().code, ErrorCode::NotFound);

    const QString digest =
        QString::fromLatin1(QCryptographicHash::hash("audited\n", QCryptographicHash::Sha256).toHex());
    // A digest the store does not hold is refused: no row without its blob.
    const Result<EvidenceAddResult> early = m_ws->recordStoredEvidence(input, digest, 8, true);
    QVERIFY(!early.ok());
    QCOMPARE(early.error().code, ErrorCode::Integrity);
    QCOMPARE(m_ws->evidence().value().size(), 0);

    const Result<StoredBlob> blob = EvidenceStore(store()).store(path);
    QVERIFY(blob.ok());
    QCOMPARE(blob.value().sha256, digest);
    // A wrong size is refused too; the right one records the row once.
    QVERIFY(!m_ws->recordStoredEvidence(input, digest, 9, true).ok());
    const Result<EvidenceAddResult> recorded = m_ws->recordStoredEvidence(input, digest, 8, true);
    QVERIFY(recorded.ok());
    QVERIFY(recorded.value().created);
    QCOMPARE(recorded.value().evidence.fileName, u"report.txt"_s);
    QVERIFY(!m_ws->recordStoredEvidence(input, digest, 8, false).value().created);
    QCOMPARE(m_ws->evidence().value().size(), 1);
}

void TestEvidenceStore::fullDiskLeavesNothing()
{
    // The file size limit stands in for a full disk: writes past it fail (EFBIG) as they would with ENOSPC.
    const QString path = file(u"dataset.tar"_s, deterministicBytes(3 * EvidenceStore::kChunkSize, 5));
    rlimit saved{};
    QVERIFY(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = saved;
    limited.rlim_cur = rlim_t(EvidenceStore::kChunkSize + 1000);
    QVERIFY(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
    const Result<EvidenceAddResult> added = add(path);
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);
    QVERIFY(!added.ok());
    QCOMPARE(added.error().code, ErrorCode::Io);
    QVERIFY2(added.error().message.contains(u"Nothing was stored"_s), qPrintable(added.error().message));
    verifyNothingStored();
    // With room again, the same file goes in.
    QVERIFY(add(path).ok());
}

void TestEvidenceStore::leftoversGoAtOpenNotDuringAnotherAdd()
{
    // A copy in flight on a worker (the GUI's evidence adder) must survive another add in the same process.
    const EvidenceStore store(this->store());
    QVERIFY(QDir().mkpath(store.temporaryFolder()));
    const QString inFlight = QDir(store.temporaryFolder()).filePath(u"copy-in-flight.part"_s);
    QFile part(inFlight);
    QVERIFY(part.open(QIODevice::WriteOnly));
    part.write("half of a large file");
    part.close();

    const auto added = add(file(u"policy.txt"_s, "data retention policy"), u"Policy"_s);
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
    QVERIFY(QFile::exists(inFlight));

    // Reopened for writing, the workspace removes what a crashed or killed add left behind.
    const QString workspace = m_ws->path();
    m_ws.reset();
    auto reopened = Workspace::open(workspace);
    QVERIFY2(reopened.ok(), reopened.ok() ? "" : qPrintable(reopened.error().message));
    m_ws = std::move(reopened).value();
    QVERIFY(!QFile::exists(inFlight));
    QCOMPARE(m_ws->evidence().value().size(), 1);
}

void TestEvidenceStore::mediaTypeFollowsTheBytes_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    const QByteArray elf = QByteArray("\x7f"
                                      "ELF\x02\x01\x01",
                                      7) +
                           QByteArray(9, '\0') + QByteArray("\x02\x00\x3e\x00", 4) + QByteArray(200, '\0');
    QTest::newRow("text named .pdf") << u"policy.pdf"_s << QByteArray("Every model file is pinned.\n")
                                     << u"text/plain"_s;
    QTest::newRow("csv keeps its name's type")
        << u"owners.csv"_s << QByteArray("model,owner\nllama,dana\n") << u"text/csv"_s;
    QTest::newRow("real pdf") << u"soc2.pdf"_s << QByteArray("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
                              << u"application/pdf"_s;
    QTest::newRow("program named .txt") << u"scan.txt"_s << elf << u"application/x-executable"_s;
}

void TestEvidenceStore::mediaTypeFollowsTheBytes()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const auto added = add(file(name, content));
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
    QCOMPARE(added.value().evidence.mediaType, expected);
    QCOMPARE(m_ws->evidence().value().constFirst().mediaType, expected);
}

QTEST_GUILESS_MAIN(TestEvidenceStore)
#include "TestEvidenceStore.moc"
