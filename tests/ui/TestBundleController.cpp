// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "BundleController.h"
#include "MainWindow.h"
#include "ScriptedPrompter.h"
#include "TaskProgressWidget.h"
#include "trust/KeyFile.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

/// File › Export Bundle… and Import Bundle…: the questions asked through the Prompter, the work off the GUI thread
/// with progress shown, and what a user of the receiving workspace then sees.
class TestBundleController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void exportsAndImportsThroughTheMenu();
    void refusedBundleShowsTheReasonAndWritesNothing();
    void cancelledQuestionsWriteNothing();
    void cancelledExportKeepsThePreviousFile();
    void fileMenuOffersBundles();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    /// Exports chat@1.0 of workspace A through the controller into `bundle`.
    void exportFromA(QString *bundle);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_a;
    std::unique_ptr<Workspace> m_b;
    std::unique_ptr<QWidget> m_window;
    test::ScriptedPrompter m_prompter;
    QString m_itemKey;
};

void TestBundleController::init()
{
    m_prompter = test::ScriptedPrompter();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_a = Workspace::open(path(u"a.strata"_s)).value();
    m_b = Workspace::open(path(u"b.strata"_s)).value();
    const PrivateKey key = PrivateKey::generate(KeyType::Ed25519).value();
    QVERIFY(KeyFile::write(path(u"alice.key"_s), key, "correct horse battery").ok());
    for (Workspace *ws : {m_a.get(), m_b.get()}) {
        Identity alice;
        alice.name = u"Alice"_s;
        alice.publicKey = key.publicKey().pem();
        QVERIFY(ws->addIdentity(alice).ok());
    }
    Record model;
    model.kind = RecordKind::Model;
    model.name = u"Chat"_s;
    model.version = u"2"_s;
    const qint64 id = m_a->createRecord(model).value();
    const Release release = m_a->createRelease(u"chat"_s, u"1.0"_s, id).value();
    const Assessment assessment = m_a->createAssessment(AssessmentScope{release.id, 0}).value();
    m_itemKey = assessment.items.first().key;
    QVERIFY(m_a->setItemStatus(assessment.id, ItemUpdate{m_itemKey, ItemStatus::Pass, u"Looked fine."_s, {}}).ok());
    m_window = std::make_unique<QWidget>();
}

void TestBundleController::cleanup()
{
    m_window.reset();
    m_a.reset();
    m_b.reset();
    m_dir.reset();
}

void TestBundleController::exportFromA(QString *bundle)
{
    BundleController controller(&m_prompter, m_window.get());
    controller.setWorkspace(m_a.get());
    QVERIFY(controller.exportAction()->isEnabled());
    m_prompter.texts = {u"chat@1.0"_s};
    m_prompter.answers = {false}; // not a questionnaire
    m_prompter.fileNames = {path(u"alice.key"_s), path(u"chat"_s)};
    m_prompter.passphrases = {QByteArray("correct horse battery")};
    QSignalSpy finished(&controller, &BundleController::finished);
    QSignalSpy running(&controller, &BundleController::runningChanged);
    controller.exportAction()->trigger();
    // The work runs in the background: the controller reports it is running and the menu actions wait.
    QCOMPARE(running.count(), 1);
    QVERIFY(!controller.exportAction()->isEnabled());
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!controller.progressWidget()->isVisible());
    *bundle = path(u"chat.zip"_s); // ".zip" is added to the name the user typed
}

void TestBundleController::exportsAndImportsThroughTheMenu()
{
    QString bundle;
    exportFromA(&bundle);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(QFile::exists(bundle));
    QVERIFY2(m_prompter.errors.isEmpty(), qPrintable(m_prompter.errors.join(u'\n')));
    QCOMPARE(m_prompter.infos.size(), 1);
    QVERIFY(m_prompter.infos.first().contains(u"chat@1.0"_s));

    BundleController controller(&m_prompter, m_window.get());
    controller.setWorkspace(m_b.get());
    QSignalSpy assessments(m_b.get(), &Workspace::assessmentsChanged);
    QSignalSpy finished(&controller, &BundleController::finished);
    m_prompter.fileNames = {bundle};
    controller.importAction()->trigger();
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.first().first().toBool(), qPrintable(m_prompter.errors.join(u'\n')));
    QVERIFY(assessments.count() >= 1);
    QCOMPARE(m_prompter.infos.size(), 2);
    QVERIFY2(m_prompter.infos.last().contains(u"Alice"_s), qPrintable(m_prompter.infos.last()));
    const QList<AssessmentSummary> imported = m_b->assessments().value();
    QCOMPARE(imported.size(), 1);
    const Assessment assessment = m_b->assessment(imported.first().id).value(); // kept: the item points into it
    const AssessmentItem *item = assessment.item(m_itemKey);
    QVERIFY(item);
    QCOMPARE(item->status, ItemStatus::Pass);
    QCOMPARE(item->notes, u"Looked fine."_s);
}

void TestBundleController::refusedBundleShowsTheReasonAndWritesNothing()
{
    QString bundle;
    exportFromA(&bundle);
    if (QTest::currentTestFailed())
        return;
    QFile file(bundle);
    QVERIFY(file.open(QIODevice::Append));
    file.write("appended");
    file.close();
    BundleController controller(&m_prompter, m_window.get());
    controller.setWorkspace(m_b.get());
    QSignalSpy finished(&controller, &BundleController::finished);
    controller.importFile(bundle);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(m_prompter.errors.size(), 1);
    QVERIFY2(m_prompter.errors.first().contains(u"chat.zip"_s), qPrintable(m_prompter.errors.first()));
    QVERIFY(m_b->assessments().value().isEmpty());
    QVERIFY(m_b->list(RecordQuery{}).value().isEmpty());
}

void TestBundleController::cancelledQuestionsWriteNothing()
{
    BundleController controller(&m_prompter, m_window.get());
    controller.setWorkspace(m_a.get());
    QSignalSpy running(&controller, &BundleController::runningChanged);
    m_prompter.texts = {u"chat@1.0"_s};
    m_prompter.fileNames = {path(u"alice.key"_s)};
    // No passphrase: the user cancelled the unlock dialog.
    controller.exportBundle();
    QCOMPARE(running.count(), 0);
    QVERIFY(!QFile::exists(path(u"chat.zip"_s)));
    QVERIFY(m_prompter.errors.isEmpty());
    QVERIFY(controller.exportAction()->isEnabled());
}

void TestBundleController::cancelledExportKeepsThePreviousFile()
{
    const QString target = path(u"chat.zip"_s);
    {
        QFile previous(target);
        QVERIFY(previous.open(QIODevice::WriteOnly));
        previous.write("the bundle sent last week");
    }
    BundleController controller(&m_prompter, m_window.get());
    controller.setWorkspace(m_a.get());
    m_prompter.texts = {u"chat@1.0"_s};
    m_prompter.answers = {false};
    m_prompter.fileNames = {path(u"alice.key"_s), target};
    m_prompter.passphrases = {QByteArray("correct horse battery")};
    // The user presses the progress widget's Cancel as soon as the archive is being written.
    auto *cancelButton = controller.progressWidget()->findChild<QPushButton *>(u"bundleCancelButton"_s);
    QVERIFY(cancelButton);
    connect(&controller, &BundleController::writingStarted, cancelButton, &QPushButton::click);
    QSignalSpy writing(&controller, &BundleController::writingStarted);
    QSignalSpy finished(&controller, &BundleController::finished);
    QSignalSpy status(&controller, &BundleController::statusMessage);
    controller.exportAction()->trigger();
    QVERIFY(finished.wait(20000));
    QCOMPARE(writing.count(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(m_prompter.errors.isEmpty()); // a cancel is not an error
    QVERIFY(!status.isEmpty());
    QVERIFY2(status.last().first().toString().contains(u"cancelled"_s), qPrintable(status.last().first().toString()));
    QVERIFY(!controller.isRunning());
    QVERIFY(!controller.progressWidget()->isVisible());
    QVERIFY(controller.exportAction()->isEnabled());
    QFile kept(target);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("the bundle sent last week"));
    // No partial archive or temporary file is left beside it.
    QCOMPARE(QDir(m_dir->path()).entryList({u"chat*"_s}, QDir::Files | QDir::Hidden), QStringList{u"chat.zip"_s});
}

void TestBundleController::fileMenuOffersBundles()
{
    MainWindow window(&m_prompter);
    auto *exportAction = window.findChild<QAction *>(u"exportBundleAction"_s);
    auto *importAction = window.findChild<QAction *>(u"importBundleAction"_s);
    QVERIFY(exportAction && importAction);
    QVERIFY(!exportAction->isEnabled() && !importAction->isEnabled()); // no workspace yet
    m_a.reset();                                                       // one writer at a time: the window opens it
    QVERIFY(window.openWorkspace(path(u"a.strata"_s)));
    QVERIFY(exportAction->isEnabled() && importAction->isEnabled());
    QMenu *file = nullptr;
    for (QMenu *menu : window.menuBar()->findChildren<QMenu *>())
        if (menu->title() == u"&File"_s)
            file = menu;
    QVERIFY(file);
    QVERIFY(file->actions().contains(exportAction) && file->actions().contains(importAction));
    QVERIFY(window.statusBar()->isAncestorOf(window.bundleController()->progressWidget()));
    const QString shots = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        window.resize(1000, 640);
        window.show();
        file->popup(window.mapToGlobal(QPoint(0, 0)));
        QVERIFY(QTest::qWaitForWindowExposed(file));
        file->grab().save(QDir(shots).filePath(u"bundle-file-menu.png"_s));
        file->close();
    }
}

QTEST_MAIN(TestBundleController)
#include "TestBundleController.moc"
