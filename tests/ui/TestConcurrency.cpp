// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "../core/SignoffSamples.h"
#include "BackupController.h"
#include "ImportController.h"
#include "MainWindow.h"
#include "ScriptedPrompter.h"
#include "TaskCheckpoint.h"
#include "TestFiles.h"
#include "UiTestSupport.h"
#include "assessments/SignoffDialog.h"
#include "interop/DocumentReader.h"
#include "interop/ImportDocument.h"
#include "report/ReportExportDialog.h"
#include "report/ReportPreviewDialog.h"
#include "storage/Backups.h"
#include "storage/Database.h"
#include "trust/KeyFile.h"

#include <QDialogButtonBox>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

#include <atomic>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using strata::test::generatedBom;
using strata::test::writeFile;

namespace {

constexpr int kComponents = 3000;            ///< the workspace's own BOM: enough pages for several copy slices
constexpr int kLargeComponents = 20000;      ///< the BOM whose import is watched
constexpr qint64 kLargeEvidence = 200 << 20; ///< the evidence file whose hashing is watched

/// Every file under `folder` (hidden ones too), by relative path: what a half-done operation would leave behind.
QStringList filesUnder(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = QDir(folder).relativeFilePath(it.next());
        // SQLite's own -wal and -shm come and go with the connection; the tables' counts cover their content.
        if (!file.endsWith(u"-wal"_s) && !file.endsWith(u"-shm"_s))
            files << file;
    }
    files.sort();
    return files;
}

/// Presses a Cancel button, or observes, when the work reaches a named point (TaskCheckpoint). On the GUI thread it
/// acts at once; from a worker it blocks the worker until the GUI thread has acted, so the act lands exactly there.
class PointWatch
{
public:
    PointWatch(const QString &point, int nth, std::function<void()> act)
        : m_state(std::make_shared<State>())
    {
        m_state->point = point;
        m_state->nth = nth;
        m_state->act = std::move(act);
        const std::shared_ptr<State> state = m_state;
        TaskCheckpoint::setObserver([state](const QString &reached) {
            if (reached != state->point)
                return;
            if (++state->reaches != state->nth)
                return;
            if (QThread::currentThread() == qApp->thread()) {
                state->act();
                state->done = true;
                return;
            }
            state->onWorker = true;
            QMetaObject::invokeMethod(
                qApp,
                [state] {
                    state->act();
                    state->done = true;
                },
                Qt::BlockingQueuedConnection);
        });
    }
    ~PointWatch() { TaskCheckpoint::setObserver(nullptr); }

    /// Whether the act has run, at the nth reach of the point (not merely that the point was reached: from a worker
    /// the act runs later, on the GUI thread).
    bool acted() const { return m_state->done; }
    bool onWorker() const { return m_state->onWorker; }

private:
    struct State
    {
        QString point;
        int nth = 1;
        std::function<void()> act;
        std::atomic<int> reaches{0};
        std::atomic<bool> onWorker{false};
        std::atomic<bool> done{false};
    };
    std::shared_ptr<State> m_state;
};

/// Proves the GUI event loop turns while the work is at named points. On a worker, the work waits at the point
/// until a call queued to the GUI thread has run. On the GUI thread (work done in slices between events), a timer
/// started at the point must fire before the point is reached again, so the work was still under way.
class LoopProbe
{
public:
    explicit LoopProbe(const QStringList &points)
    {
        for (const QString &point : points)
            m_states.insert(point, std::make_shared<State>());
        const QHash<QString, std::shared_ptr<State>> states = m_states;
        TaskCheckpoint::setObserver([states](const QString &reached) {
            const std::shared_ptr<State> state = states.value(reached);
            if (!state || ++state->reaches != 1)
                return;
            if (QThread::currentThread() == qApp->thread()) {
                QTimer::singleShot(0, qApp, [state] {
                    state->firedAtReach = state->reaches.load();
                    state->turned = true;
                });
                return;
            }
            state->onWorker = true;
            QMetaObject::invokeMethod(
                qApp,
                [state] {
                    state->turned = true;
                    state->gate.release();
                },
                Qt::QueuedConnection);
            // A guard against a hang, not a measurement: the call runs as soon as the event loop turns.
            state->gate.tryAcquire(1, 120000);
        });
    }
    ~LoopProbe() { TaskCheckpoint::setObserver(nullptr); }

    /// The loop turned while the work was at (or, on the GUI thread, still past) `point`.
    bool turnedInFlight(const QString &point) const
    {
        const std::shared_ptr<State> state = m_states.value(point);
        if (!state || !state->turned)
            return false;
        return state->onWorker || state->firedAtReach < state->reaches;
    }
    QString describe(const QString &point) const
    {
        const std::shared_ptr<State> state = m_states.value(point);
        return u"%1: reached %2 times, on a worker %3, loop turned %4, timer fired at reach %5"_s.arg(point)
            .arg(state->reaches.load())
            .arg(state->onWorker.load())
            .arg(state->turned.load())
            .arg(state->firedAtReach.load());
    }

private:
    struct State
    {
        std::atomic<int> reaches{0};
        std::atomic<int> firedAtReach{-1};
        std::atomic<bool> onWorker{false};
        std::atomic<bool> turned{false};
        QSemaphore gate;
    };
    QHash<QString, std::shared_ptr<State>> m_states;
};

} // namespace

/// Issue 9's concurrency promise and issue 8's "long operations can be cancelled everywhere": while an import, the
/// hashing of a large evidence file, a report and a backup run, the window's event loop keeps turning; and Cancel at
/// each named point of an import, backup, integrity check, restore, sign-off and report leaves the workspace, its
/// files and its audit trail exactly as they were.
class TestConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void importKeepsTheLoopTurning();
    void cancelledImportLeavesNothing_data();
    void cancelledImportLeavesNothing();
    void hashingAndReportKeepTheLoopTurning();
    void cancelledSignoffLeavesNothing_data();
    void cancelledSignoffLeavesNothing();
    void cancelledReportLeavesNothing_data();
    void cancelledReportLeavesNothing();
    void backupKeepsTheLoopTurning();
    void cancelledBackupOrCheckLeavesNothing_data();
    void cancelledBackupOrCheckLeavesNothing();
    void cancelledRestoreLeavesTheWorkspace_data();
    void cancelledRestoreLeavesTheWorkspace();

private:
    Workspace *workspace() const { return m_window->workspace(); }
    /// Row counts of every table, the workspace's files and the backups' names, and whether the audit verifies.
    QString fingerprint() const;
    QPushButton *cancelButton(const QString &prefix) const;
    void addLargeEvidence();
    bool runBackup(bool generation);

    samples::SignoffWorkspace m_s;
    QString m_path;
    QString m_keyPath;
    test::ScriptedPrompter m_prompter;
    std::unique_ptr<MainWindow> m_window;
};

void TestConcurrency::initTestCase()
{
    test::isolateSettings();
}

void TestConcurrency::init()
{
    m_prompter = test::ScriptedPrompter();
    QVERIFY(samples::makeSignoffWorkspace(m_s));
    const QString bom = m_s.dir->filePath(u"base.cdx.json"_s);
    QVERIFY(writeFile(bom, generatedBom(u"base"_s, kComponents)));
    Result<ImportDocument> document = DocumentReader::readFile(bom);
    QVERIFY2(document, document ? "" : qPrintable(document.error().message));
    QVERIFY(m_s.ws->applyImport(document.value()));
    m_path = m_s.ws->path();
    m_s.ws.reset(); // the window opens it
    m_keyPath = m_s.dir->filePath(u"lead.key"_s);
    QVERIFY(KeyFile::write(m_keyPath, m_s.leadKey, "lead passphrase").ok());
    m_window = std::make_unique<MainWindow>(&m_prompter);
    QVERIFY(m_window->openWorkspace(m_path));
}

void TestConcurrency::cleanup()
{
    TaskCheckpoint::setObserver(nullptr);
    m_window.reset();
    m_s = samples::SignoffWorkspace();
}

QString TestConcurrency::fingerprint() const
{
    QStringList lines;
    if (!workspace())
        return u"no workspace open"_s;
    QSqlQuery tables(workspace()->database().connection());
    tables.exec(u"SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"_s);
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    for (const QString &table : std::as_const(names)) {
        QSqlQuery count(workspace()->database().connection());
        count.exec(u"SELECT count(*) FROM \"%1\""_s.arg(table));
        lines << u"%1=%2"_s.arg(table, count.next() ? count.value(0).toString() : u"?"_s);
    }
    // The folder holds the workspace, its -wal and -shm, the evidence store and the backups: any temporary file or
    // half-made backup shows up here.
    lines << filesUnder(QFileInfo(m_path).absolutePath());
    const Result<AuditVerification> audit = workspace()->verifyAudit();
    lines << u"audit intact=%1"_s.arg(audit && audit.value().intact());
    return lines.join(u'\n');
}

QPushButton *TestConcurrency::cancelButton(const QString &prefix) const
{
    return m_window->findChild<QPushButton *>(prefix + u"CancelButton"_s);
}

void TestConcurrency::addLargeEvidence()
{
    // Sparse on disk until the evidence store copies it; the hashing reads every byte.
    const QString path = m_s.dir->filePath(u"weights-dump.bin"_s);
    QFile big(path);
    QVERIFY(big.open(QIODevice::WriteOnly));
    QVERIFY(big.resize(kLargeEvidence));
    big.close();
    Result<EvidenceAddResult> added = workspace()->addEvidence({path, u"Weights dump"_s, {}, {}, {}});
    QVERIFY2(added, added ? "" : qPrintable(added.error().message));
    QVERIFY(workspace()
                ->setItemStatus(
                    m_s.assessmentId,
                    {u"M-1"_s, ItemStatus::Pass, u"Weights seen."_s, {m_s.evidence.id, added.value().evidence.id}})
                .ok());
    QFile::remove(path);
}

bool TestConcurrency::runBackup(bool generation)
{
    BackupController *backups = m_window->backupController();
    QSignalSpy finished(backups, &BackupController::finished);
    m_prompter.choices.append(generation ? 0 : 1);
    if (!generation)
        m_prompter.fileNames.append(m_s.dir->filePath(u"copy.strata"_s));
    backups->backupAction()->trigger();
    return finished.wait(120000) && finished.constLast().at(0).toBool();
}

void TestConcurrency::importKeepsTheLoopTurning()
{
    const QString bom = m_s.dir->filePath(u"large.cdx.json"_s);
    QVERIFY(writeFile(bom, generatedBom(u"large"_s, kLargeComponents)));
    const int before = int(workspace()->list(RecordQuery{}).value().size());
    ImportController *import = m_window->importController();
    // Reading runs on a worker; writing runs on the GUI thread in one transaction, turning the loop from its
    // progress reports.
    LoopProbe probe({u"import.read"_s, u"import.apply"_s});
    import->importPaths({bom});
    QTRY_VERIFY_WITH_TIMEOUT(!import->isRunning(), 120000);
    QVERIFY2(probe.turnedInFlight(u"import.read"_s), qPrintable(probe.describe(u"import.read"_s)));
    QVERIFY2(probe.turnedInFlight(u"import.apply"_s), qPrintable(probe.describe(u"import.apply"_s)));
    QCOMPARE(int(workspace()->list(RecordQuery{}).value().size()), before + kLargeComponents);
}

void TestConcurrency::cancelledImportLeavesNothing_data()
{
    QTest::addColumn<QString>("point");
    QTest::addColumn<int>("nth");
    QTest::newRow("while reading") << u"import.read"_s << 1;
    QTest::newRow("at the first rows written") << u"import.apply"_s << 1;
    QTest::newRow("half-way through the write") << u"import.apply"_s << 8;
}

void TestConcurrency::cancelledImportLeavesNothing()
{
    QFETCH(QString, point);
    QFETCH(int, nth);
    const QString bom = m_s.dir->filePath(u"more.cdx.json"_s);
    QVERIFY(writeFile(bom, generatedBom(u"more"_s, kComponents)));
    const QString before = fingerprint();
    ImportController *import = m_window->importController();
    QSignalSpy status(import, &ImportController::statusMessage);
    PointWatch watch(point, nth, [this] { cancelButton(u"import"_s)->click(); });
    import->importPaths({bom});
    QTRY_VERIFY_WITH_TIMEOUT(!import->isRunning(), 120000);
    QVERIFY2(watch.acted(), "the import never reached the point");
    QCOMPARE(fingerprint(), before);
    QVERIFY(!status.isEmpty());
    QCOMPARE(status.constLast().at(0).toString(), ImportController::tr("Import cancelled; nothing was changed."));
}

void TestConcurrency::hashingAndReportKeepTheLoopTurning()
{
    addLargeEvidence();
    {
        // Signing: the key is unlocked and the 200 MB file hashed on a worker; the signature is then recorded.
        SignoffDialog dialog(workspace(), &m_prompter, m_s.releaseId, m_window.get());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isCheckingRefusals(), 120000);
        QVERIFY2(dialog.refusals().isEmpty(), qPrintable(dialog.refusals().join(u' ')));
        QSignalSpy attempt(&dialog, &SignoffDialog::attemptFinished);
        LoopProbe hashing({u"signoff.hash"_s});
        m_prompter.passphrases.append("lead passphrase");
        dialog.setKeyFile(m_keyPath);
        QVERIFY(dialog.sign());
        QVERIFY(attempt.wait(120000));
        QVERIFY2(hashing.turnedInFlight(u"signoff.hash"_s), qPrintable(hashing.describe(u"signoff.hash"_s)));
        QVERIFY2(dialog.result() == QDialog::Accepted, qPrintable(dialog.errorText()));
        QCOMPARE(workspace()->signoffs(m_s.releaseId).value().size(), 1);
    }
    {
        // The report re-hashes the evidence and verifies the sign-off on a worker, then draws there.
        ReportExportDialog dialog(workspace(), &m_prompter, m_window.get());
        dialog.setScope(ReportScope::Kind::Release, u"chat@2.0"_s);
        QSignalSpy finished(&dialog, &ReportExportDialog::finished);
        LoopProbe checking({u"report.checks"_s, u"report.draw"_s});
        QVERIFY(dialog.generate());
        QVERIFY(finished.wait(120000));
        QVERIFY2(checking.turnedInFlight(u"report.checks"_s), qPrintable(checking.describe(u"report.checks"_s)));
        QVERIFY2(checking.turnedInFlight(u"report.draw"_s), qPrintable(checking.describe(u"report.draw"_s)));
        QVERIFY2(finished.constLast().at(0).value<ReportPreviewDialog *>() != nullptr,
                 qPrintable(m_prompter.errors.join(u'\n')));
    }
}

void TestConcurrency::cancelledSignoffLeavesNothing_data()
{
    QTest::addColumn<QString>("point");
    QTest::newRow("while unlocking the key") << u"signoff.unlock"_s;
    QTest::newRow("while hashing the evidence") << u"signoff.hash"_s;
}

void TestConcurrency::cancelledSignoffLeavesNothing()
{
    QFETCH(QString, point);
    SignoffDialog dialog(workspace(), &m_prompter, m_s.releaseId, m_window.get());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isCheckingRefusals(), 120000);
    const QString before = fingerprint();
    QPushButton *cancel = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel);
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    PointWatch watch(point, 1, [cancel] { cancel->click(); });
    m_prompter.passphrases.append("lead passphrase");
    dialog.setKeyFile(m_keyPath);
    QVERIFY(dialog.sign());
    QTRY_VERIFY_WITH_TIMEOUT(watch.acted(), 120000);
    QVERIFY(watch.onWorker());
    QCOMPARE(rejected.size(), 1);
    QVERIFY(!dialog.isBusy());
    // The worker ends on its own; its result is dropped and nothing is recorded.
    QTest::qWait(0);
    QTRY_COMPARE_WITH_TIMEOUT(QThreadPool::globalInstance()->activeThreadCount(), 0, 120000);
    QCoreApplication::processEvents();
    QCOMPARE(workspace()->signoffs(m_s.releaseId).value().size(), 0);
    QCOMPARE(fingerprint(), before);
}

void TestConcurrency::cancelledReportLeavesNothing_data()
{
    QTest::addColumn<QString>("point");
    QTest::addColumn<int>("nth");
    QTest::newRow("while checking evidence and sign-offs") << u"report.checks"_s << 1;
    QTest::newRow("at the first page drawn") << u"report.draw"_s << 1;
    QTest::newRow("later in the drawing") << u"report.draw"_s << 3;
}

void TestConcurrency::cancelledReportLeavesNothing()
{
    QFETCH(QString, point);
    QFETCH(int, nth);
    const QString before = fingerprint();
    ReportExportDialog dialog(workspace(), &m_prompter, m_window.get());
    dialog.setScope(ReportScope::Kind::Release, u"chat@2.0"_s);
    QSignalSpy finished(&dialog, &ReportExportDialog::finished);
    PointWatch watch(point, nth, [&dialog] { dialog.findChild<QPushButton *>(u"reportCancelButton"_s)->click(); });
    QVERIFY(dialog.generate());
    QVERIFY(finished.wait(120000));
    QVERIFY2(watch.acted(), "the report never reached the point");
    QVERIFY(watch.onWorker());
    QCOMPARE(finished.constLast().at(0).value<ReportPreviewDialog *>(), nullptr);
    QVERIFY(m_prompter.errors.isEmpty());
    QCOMPARE(fingerprint(), before);
}

void TestConcurrency::backupKeepsTheLoopTurning()
{
    {
        LoopProbe copying({u"backup.copy"_s, u"backup.check"_s});
        QVERIFY(runBackup(false));
        QVERIFY2(copying.turnedInFlight(u"backup.copy"_s), qPrintable(copying.describe(u"backup.copy"_s)));
        QVERIFY2(copying.turnedInFlight(u"backup.check"_s), qPrintable(copying.describe(u"backup.check"_s)));
    }
    {
        LoopProbe checking({u"backup.check"_s});
        QVERIFY(runBackup(true));
        QVERIFY2(checking.turnedInFlight(u"backup.check"_s), qPrintable(checking.describe(u"backup.check"_s)));
    }
    QCOMPARE(Backups::generations(m_path).size(), 1);
    QVERIFY(Backups::inspect(m_s.dir->filePath(u"copy.strata"_s)).value().intact());
}

void TestConcurrency::cancelledBackupOrCheckLeavesNothing_data()
{
    QTest::addColumn<int>("operation"); // 0: a new generation, 1: a file, 2: the integrity check
    QTest::addColumn<QString>("point");
    QTest::addColumn<int>("nth");
    QTest::newRow("generation, first pages copied") << 0 << u"backup.copy"_s << 1;
    QTest::newRow("generation, after the first slice copied") << 0 << u"backup.copy"_s << 2;
    QTest::newRow("generation, while checking the copy") << 0 << u"backup.check"_s << 1;
    QTest::newRow("file, half-way through the copy") << 1 << u"backup.copy"_s << 2;
    QTest::newRow("file, while checking the copy") << 1 << u"backup.check"_s << 1;
    QTest::newRow("integrity check, while copying") << 2 << u"backup.copy"_s << 2;
    QTest::newRow("integrity check, while checking") << 2 << u"integrity.check"_s << 1;
}

void TestConcurrency::cancelledBackupOrCheckLeavesNothing()
{
    QFETCH(int, operation);
    QFETCH(QString, point);
    QFETCH(int, nth);
    const QString before = fingerprint();
    BackupController *backups = m_window->backupController();
    QSignalSpy finished(backups, &BackupController::finished);
    QSignalSpy status(backups, &BackupController::statusMessage);
    PointWatch watch(point, nth, [this] { cancelButton(u"backup"_s)->click(); });
    if (operation == 2) {
        backups->checkAction()->trigger();
    } else {
        m_prompter.choices.append(operation);
        m_prompter.fileNames.append(m_s.dir->filePath(u"copy.strata"_s));
        backups->backupAction()->trigger();
    }
    QVERIFY(finished.wait(120000));
    QVERIFY2(watch.acted(), "the operation never reached the point");
    QCOMPARE(finished.constLast().at(0).toBool(), false);
    QVERIFY2(m_prompter.errors.isEmpty(), qPrintable(m_prompter.errors.join(u'\n')));
    QVERIFY(m_prompter.infos.isEmpty());
    QVERIFY(status.constLast().at(0).toString().contains(u"cancelled"_s));
    QVERIFY(!backups->isRunning());
    QCOMPARE(fingerprint(), before);
}

void TestConcurrency::cancelledRestoreLeavesTheWorkspace_data()
{
    QTest::addColumn<QString>("point");
    QTest::addColumn<int>("nth");
    QTest::newRow("checking the backup") << u"restore.check"_s << 1;
    QTest::newRow("copying the backup") << u"restore.copy"_s << 2;
    QTest::newRow("checking the copy") << u"restore.check-copy"_s << 1;
}

void TestConcurrency::cancelledRestoreLeavesTheWorkspace()
{
    QFETCH(QString, point);
    QFETCH(int, nth);
    QVERIFY(runBackup(true));
    // A change after the backup: a completed restore would take it away.
    test::addRecord(*workspace(), RecordKind::Model, u"Made after the backup"_s);
    const QString before = fingerprint();
    const QString identity = Backups::identityOf(m_path).second;
    BackupController *backups = m_window->backupController();
    QSignalSpy finished(backups, &BackupController::finished);
    QSignalSpy status(backups, &BackupController::statusMessage);
    PointWatch watch(point, nth, [this] { cancelButton(u"backup"_s)->click(); });
    m_prompter.choices.append(0);
    m_prompter.answers.append(true);
    backups->restoreAction()->trigger();
    QVERIFY(finished.wait(120000));
    QVERIFY2(watch.acted(), "the restore never reached the point");
    QVERIFY(watch.onWorker());
    QCOMPARE(finished.constLast().at(0).toBool(), false);
    QVERIFY2(m_prompter.errors.isEmpty(), qPrintable(m_prompter.errors.join(u'\n')));
    QCOMPARE(status.constLast().at(0).toString(),
             BackupController::tr("Restore cancelled; the workspace is as it was."));
    QVERIFY(workspace()); // opened again
    QCOMPARE(fingerprint(), before);
    QCOMPARE(Backups::identityOf(m_path).second, identity);
}

QTEST_MAIN(TestConcurrency)
#include "TestConcurrency.moc"
