// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "BackupController.h"
#include "MainWindow.h"
#include "ScriptedPrompter.h"
#include "TaskProgressWidget.h"
#include "UiTestSupport.h"
#include "storage/Backups.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

int recordCount(const Workspace *workspace)
{
    return workspace ? int(workspace->list(RecordQuery{}).value().size()) : -1;
}

void addModel(Workspace *workspace, const QString &name)
{
    Record r;
    r.kind = RecordKind::Model;
    r.name = name;
    QVERIFY(workspace->createRecord(r).ok());
}

} // namespace

/// File › Back Up Workspace…, File › Restore from Backup…, Tools › Check Workspace Integrity and the offer to
/// restore a damaged workspace, driven through the menus with every question answered by a ScriptedPrompter.
class TestBackupController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void menusOfferBackupRestoreAndCheck();
    void backUpToANewGenerationAndToAFile();
    void restoreAGenerationReplacesTheOpenWorkspace();
    void cancelledRestoreChangesNothing();
    void integrityCheckReportsOk();
    void damagedWorkspaceOffersTheNewestBackup();

private:
    bool trigger(QAction *action);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    test::ScriptedPrompter m_prompter;
    std::unique_ptr<MainWindow> m_window;
};

void TestBackupController::initTestCase()
{
    test::isolateSettings();
}

void TestBackupController::init()
{
    m_prompter = test::ScriptedPrompter();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"w.strata"_s);
    m_window = std::make_unique<MainWindow>(&m_prompter);
    QVERIFY(m_window->openWorkspace(m_path, Database::OpenMode::CreateIfMissing));
    addModel(m_window->workspace(), u"First"_s);
}

void TestBackupController::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

bool TestBackupController::trigger(QAction *action)
{
    BackupController *controller = m_window->backupController();
    QSignalSpy finished(controller, &BackupController::finished);
    if (!action->isEnabled())
        return false;
    action->trigger();
    if (!controller->isRunning() && finished.isEmpty())
        return false; // a question was cancelled: nothing started
    // While the worker runs, the progress is shown in the status bar and the actions wait.
    if (controller->isRunning() && !controller->progressWidget()->isVisibleTo(m_window.get()))
        return false;
    return (!finished.isEmpty() || finished.wait(20000)) ? finished.constLast().at(0).toBool() : false;
}

void TestBackupController::menusOfferBackupRestoreAndCheck()
{
    QStringList file;
    QStringList tools;
    for (QAction *menu : m_window->menuBar()->actions()) {
        if (menu->menu() && menu->menu()->objectName() == u"toolsMenu"_s)
            for (QAction *a : menu->menu()->actions())
                tools << a->objectName();
        else if (menu->menu())
            for (QAction *a : menu->menu()->actions())
                file << a->objectName();
    }
    QVERIFY(file.contains(u"backupWorkspaceAction"_s));
    QVERIFY(file.contains(u"restoreWorkspaceAction"_s));
    QVERIFY(tools.contains(u"checkIntegrityAction"_s));
    m_window->closeWorkspace();
    QVERIFY(!m_window->backupController()->backupAction()->isEnabled());
    QVERIFY(!m_window->backupController()->restoreAction()->isEnabled());
}

void TestBackupController::backUpToANewGenerationAndToAFile()
{
    BackupController *controller = m_window->backupController();
    m_prompter.choices = {0};
    QVERIFY(trigger(controller->backupAction()));
    QVERIFY(m_prompter.errors.isEmpty());
    const QList<BackupGeneration> generations = Backups::generations(m_window->workspace()->path());
    QCOMPARE(generations.size(), 1);
    QVERIFY2(m_prompter.choiceItems.constFirst().constFirst().contains(Backups::folderFor(m_path)),
             qPrintable(m_prompter.choiceItems.constFirst().join(u'|')));

    const QString file = m_dir->filePath(u"copy.strata"_s);
    m_prompter.choices = {1};
    m_prompter.fileNames = {file};
    QVERIFY(trigger(controller->backupAction()));
    const Result<BackupCheck> check = Backups::inspect(file);
    QVERIFY(check);
    QVERIFY(check.value().intact());
    // The open workspace itself is refused, with a message, and nothing is written.
    m_prompter.choices = {1};
    m_prompter.fileNames = {m_path};
    QVERIFY(!trigger(controller->backupAction()));
    QCOMPARE(m_prompter.errors.size(), 1);
    QVERIFY(m_prompter.errors.constFirst().contains(u"open workspace itself"_s));
}

void TestBackupController::restoreAGenerationReplacesTheOpenWorkspace()
{
    BackupController *controller = m_window->backupController();
    m_prompter.choices = {0};
    QVERIFY(trigger(controller->backupAction()));
    addModel(m_window->workspace(), u"Second"_s);
    QCOMPARE(recordCount(m_window->workspace()), 2);

    m_prompter.choices = {0}; // the newest generation
    m_prompter.answers = {true};
    QVERIFY(trigger(controller->restoreAction()));
    QVERIFY2(m_prompter.errors.isEmpty(), qPrintable(m_prompter.errors.join(u'\n')));
    QVERIFY(m_prompter.questions.constLast().text.contains(u"kept as a backup first"_s));
    // The window shows the restored workspace again, with what the backup held.
    QVERIFY(m_window->workspace());
    QCOMPARE(recordCount(m_window->workspace()), 1);
    const QList<BackupGeneration> generations = Backups::generations(m_window->workspace()->path());
    QCOMPARE(generations.size(), 2);
    QCOMPARE(generations.constFirst().reason, u"before-restore"_s);
    // The restored workspace's trail ends with the restore, naming where the replaced workspace was kept.
    AuditQuery newest;
    newest.limit = 1;
    const Result<QList<AuditEntry>> trail = m_window->workspace()->auditTrail(newest);
    QVERIFY(trail && trail.value().size() == 1);
    QCOMPARE(trail.value().constFirst().action, u"workspace.restore"_s);
    QVERIFY2(trail.value().constFirst().afterJson.contains(QFileInfo(generations.constFirst().path).fileName()),
             qPrintable(trail.value().constFirst().afterJson));
}

void TestBackupController::cancelledRestoreChangesNothing()
{
    BackupController *controller = m_window->backupController();
    m_prompter.choices = {0};
    QVERIFY(trigger(controller->backupAction()));
    addModel(m_window->workspace(), u"Second"_s);
    m_prompter.choices = {0};
    m_prompter.answers = {false}; // "Replace the workspace?" No
    QVERIFY(!trigger(controller->restoreAction()));
    m_prompter.choices = {std::nullopt}; // the choice itself cancelled
    QVERIFY(!trigger(controller->restoreAction()));
    QCOMPARE(recordCount(m_window->workspace()), 2);
    QCOMPARE(Backups::generations(m_window->workspace()->path()).size(), 1);
    QVERIFY(m_prompter.errors.isEmpty());
}

void TestBackupController::integrityCheckReportsOk()
{
    QVERIFY(trigger(m_window->backupController()->checkAction()));
    QCOMPARE(m_prompter.infos.size(), 1);
    QVERIFY2(m_prompter.infos.constFirst().contains(u"passed"_s), qPrintable(m_prompter.infos.constFirst()));
    QVERIFY(m_prompter.errors.isEmpty());
}

void TestBackupController::damagedWorkspaceOffersTheNewestBackup()
{
    m_prompter.choices = {0};
    QVERIFY(trigger(m_window->backupController()->backupAction()));
    QVERIFY(m_window->closeWorkspace());
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.resize(file.size() - 10));
    file.close();

    QSignalSpy finished(m_window->backupController(), &BackupController::finished);
    m_prompter.answers = {true};
    QVERIFY(!m_window->openWorkspace(m_path)); // not yet: the restore runs on a worker
    QCOMPARE(m_prompter.questions.size(), m_prompter.choiceItems.size() + 1);
    QVERIFY(m_prompter.questions.constLast().text.contains(u"damaged"_s));
    QVERIFY(m_prompter.questions.constLast().text.contains(u"Restore the newest good backup"_s));
    QVERIFY(m_prompter.errors.isEmpty()); // the error was shown once, in the offer
    QVERIFY(finished.wait(20000));
    QVERIFY(finished.constFirst().at(0).toBool());
    QVERIFY(m_window->workspace());
    QCOMPARE(recordCount(m_window->workspace()), 1);
}

QTEST_MAIN(TestBackupController)
#include "TestBackupController.moc"
