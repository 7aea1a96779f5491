// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "SignoffSamples.h"
#include "TestFiles.h"
#include "WorkspaceFiles.h"
#include "storage/Backups.h"
#include "storage/PageCopy.h"
#include "workspace/Workspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

namespace {

QByteArray digestOf(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (file.open(QIODevice::ReadOnly))
        hash.addData(&file);
    return hash.result().toHex();
}

} // namespace

/// The core halves of the GUI's off-thread work: a page copy made in slices on the owning thread, backups and
/// restores a progress callback can stop with nothing left behind, and a sign-off recorded with digests hashed
/// beforehand on a worker.
class TestStoppableWork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void pageCopyInSlicesIsAWholeCheckedCopy();
    void abandonedPageCopyLeavesNoFile();
    void pageCopyCarriesChangesCommittedBetweenSlices();
    void stoppedFinishRemovesTheCopy();
    void stoppedIntegrityCheckSaysSo();
    void stoppedRestoreLeavesTheWorkspace_data();
    void stoppedRestoreLeavesTheWorkspace();
    void signoffWithDigestsHashedBeforehand();

private:
    std::unique_ptr<Workspace> openWorkspace();
    /// A complete page copy of `ws` into `file`, `pages` per step; the number of steps taken, or -1 on failure.
    int copyInSlices(const Workspace &ws, const QString &file, int pages);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestStoppableWork::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"w.strata"_s);
}

std::unique_ptr<Workspace> TestStoppableWork::openWorkspace()
{
    auto opened = Workspace::open(m_path);
    if (!opened)
        qWarning("%s", qPrintable(opened.error().message));
    return opened ? std::move(opened).value() : nullptr;
}

int TestStoppableWork::copyInSlices(const Workspace &ws, const QString &file, int pages)
{
    Result<std::unique_ptr<PageCopy>> copy = PageCopy::begin(ws.database(), file);
    if (!copy)
        return -1;
    int steps = 0;
    for (;;) {
        ++steps;
        const Result<bool> stepped = copy.value()->step(pages);
        if (!stepped)
            return -1;
        if (stepped.value())
            break;
    }
    return copy.value()->pagesDone() == copy.value()->pageCount() ? steps : -1;
}

void TestStoppableWork::pageCopyInSlicesIsAWholeCheckedCopy()
{
    auto ws = openWorkspace();
    QVERIFY(ws);
    QVERIFY(addModels(*ws, u"Model"_s, 200));
    const QString file = m_dir->filePath(u"copy.strata"_s);
    const int steps = copyInSlices(*ws, file, 4);
    QVERIFY(steps > 2); // it really went in slices
    const Result<BackupCheck> check = Backups::inspect(file);
    QVERIFY2(check, check ? "" : qPrintable(check.error().message));
    QVERIFY(check.value().intact());
    QCOMPARE(check.value().identity.size(), 32);
    auto copy = Workspace::open(file, Database::OpenMode::ExistingOnly);
    QVERIFY(copy);
    QCOMPARE(copy.value()->list(RecordQuery{}).value().size(), ws->list(RecordQuery{}).value().size());
}

void TestStoppableWork::abandonedPageCopyLeavesNoFile()
{
    auto ws = openWorkspace();
    QVERIFY(ws);
    QVERIFY(addModels(*ws, u"Model"_s, 200));
    const QStringList before = filesUnder(m_dir->path());
    const QString file = m_dir->filePath(u".copy"_s);
    {
        Result<std::unique_ptr<PageCopy>> copy = PageCopy::begin(ws->database(), file);
        QVERIFY(copy);
        QCOMPARE(copy.value()->step(2).value(), false);
        QVERIFY(copy.value()->pagesDone() > 0);
        QVERIFY(QFileInfo::exists(file));
    }
    QCOMPARE(filesUnder(m_dir->path()), before);
}

void TestStoppableWork::pageCopyCarriesChangesCommittedBetweenSlices()
{
    auto ws = openWorkspace();
    QVERIFY(ws);
    QVERIFY(addModels(*ws, u"Model"_s, 200));
    const QString file = m_dir->filePath(u"copy.strata"_s);
    Result<std::unique_ptr<PageCopy>> copy = PageCopy::begin(ws->database(), file);
    QVERIFY(copy);
    QCOMPARE(copy.value()->step(2).value(), false);
    QVERIFY(addModels(*ws, u"Later"_s, 50)); // committed on the same connection between two slices
    Result<bool> stepped = false;
    while (stepped && !stepped.value())
        stepped = copy.value()->step(2);
    QVERIFY(stepped);
    copy.value().reset();
    auto copied = Workspace::open(file, Database::OpenMode::ExistingOnly);
    QVERIFY(copied);
    QCOMPARE(copied.value()->list(RecordQuery{}).value().size(), 250);
}

void TestStoppableWork::stoppedFinishRemovesTheCopy()
{
    auto ws = openWorkspace();
    QVERIFY(ws);
    QVERIFY(addModels(*ws, u"Model"_s, 100));
    const QString temp = m_dir->filePath(u".backup-temp"_s);
    QVERIFY(copyInSlices(*ws, temp, 64) > 0);
    const QString destination = m_dir->filePath(u"backup.strata"_s);
    int reports = 0;
    const Result<BackupCheck> stopped =
        Backups::finish(temp, destination, ws->database().schemaVersion(), [&reports](BackupStep step, qint64, qint64) {
            ++reports;
            return step != BackupStep::Check;
        });
    QVERIFY(!stopped);
    QCOMPARE(stopped.error().code, ErrorCode::Cancelled);
    QVERIFY(reports > 0);
    QVERIFY(!QFileInfo::exists(temp));
    QVERIFY(!QFileInfo::exists(destination));
}

void TestStoppableWork::stoppedIntegrityCheckSaysSo()
{
    auto ws = openWorkspace();
    QVERIFY(ws);
    QVERIFY(addModels(*ws, u"Model"_s, 100));
    const QString copy = m_dir->filePath(u"check.strata"_s);
    QVERIFY(copyInSlices(*ws, copy, 64) > 0);
    const Result<QString> stopped = Backups::integrityOfCopy(copy, [](BackupStep, qint64, qint64) { return false; });
    QVERIFY(!stopped);
    QCOMPARE(stopped.error().code, ErrorCode::Cancelled);
    const Result<QString> whole = Backups::integrityOfCopy(copy, [](BackupStep, qint64, qint64) { return true; });
    QCOMPARE(whole.value(), u"ok"_s);
}

void TestStoppableWork::stoppedRestoreLeavesTheWorkspace_data()
{
    QTest::addColumn<int>("step");
    QTest::addColumn<int>("nth");
    QTest::newRow("checking the backup") << int(BackupStep::Check) << 1;
    QTest::newRow("copying, first chunk") << int(BackupStep::Copy) << 1;
    QTest::newRow("copying, later chunk") << int(BackupStep::Copy) << 3;
    QTest::newRow("checking the copy") << int(BackupStep::CheckCopy) << 1;
}

void TestStoppableWork::stoppedRestoreLeavesTheWorkspace()
{
    QFETCH(int, step);
    QFETCH(int, nth);
    const QString backup = m_dir->filePath(u"backup.strata"_s);
    {
        auto ws = openWorkspace();
        QVERIFY(ws);
        QVERIFY(addModels(*ws, u"Model"_s, 400)); // several copy chunks
        QVERIFY(ws->backupTo(backup));
        QVERIFY(addModels(*ws, u"After"_s, 5));
    }
    const QStringList files = filesUnder(m_dir->path());
    const QByteArray workspaceDigest = digestOf(m_path);
    int seen = 0;
    const Result<RestoreResult> stopped =
        Backups::restore(m_path, backup, [step, nth, &seen](BackupStep at, qint64, qint64) {
            return !(int(at) == step && ++seen == nth);
        });
    QVERIFY(!stopped);
    QCOMPARE(stopped.error().code, ErrorCode::Cancelled);
    QCOMPARE(seen, nth);
    QCOMPARE(filesUnder(m_dir->path()), files); // no copy, no kept generation, no -wal moved
    QCOMPARE(digestOf(m_path), workspaceDigest);
    auto ws = openWorkspace();
    QVERIFY(ws);
    QCOMPARE(ws->list(RecordQuery{}).value().size(), 405);
}

void TestStoppableWork::signoffWithDigestsHashedBeforehand()
{
    samples::SignoffWorkspace s;
    QVERIFY(samples::makeSignoffWorkspace(s));
    // Read on the owning thread, hashed as a worker would.
    Result<SignoffScope> scope = s.ws->readSignoffScope(s.releaseId);
    QVERIFY(scope);
    QCOMPARE(scope.value().evidence.size(), 1);
    QVERIFY(scope.value().evidence.constFirst().fileSha256.isEmpty());
    QVERIFY(Workspace::hashSignoffEvidence(scope.value(), s.ws->evidenceFolder()));
    QCOMPARE(scope.value().evidence.constFirst().fileSha256, s.evidence.sha256);
    // Evidence attached after the hashing is hashed when the sign-off is recorded.
    QFile later(s.dir->filePath(u"later.txt"_s));
    QVERIFY(later.open(QIODevice::WriteOnly) && later.write("added after the hashing") > 0);
    later.close();
    Result<EvidenceAddResult> added = s.ws->addEvidence({later.fileName(), u"Later"_s, {}, {}, {}});
    QVERIFY(added);
    QVERIFY(s.ws->setItemStatus(s.assessmentId,
                                {u"M-2"_s, ItemStatus::Pass, u"Licence read."_s, {added.value().evidence.id}}));
    // What a sign-off hashing everything itself would sign now.
    const QByteArray expected = s.ws->signoffManifest(s.releaseId).value();
    const Result<Signoff> signed_ = s.ws->signOff(s.releaseId, s.leadKey, SignoffDecision::Approve, {}, scope.value());
    QVERIFY2(signed_, signed_ ? "" : qPrintable(signed_.error().message));
    QCOMPARE(signed_.value().manifest, expected);
    QVERIFY(signed_.value().manifest.contains(added.value().evidence.sha256.toLatin1()));
    const Result<ReleaseSignoffStatus> status = s.ws->signoffStatus(s.releaseId);
    QVERIFY(status);
    QCOMPARE(status.value().checks.size(), 1);
    QCOMPARE(status.value().checks.constFirst().state, SignoffState::Valid);
}

QTEST_GUILESS_MAIN(TestStoppableWork)
#include "TestStoppableWork.moc"
