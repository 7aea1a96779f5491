// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "AboutDialog.h"
#include "InventoryPage.h"
#include "MainWindow.h"
#include "RecentWorkspaces.h"
#include "RecordEditor.h"
#include "RecordTableModel.h"
#include "ScriptedPrompter.h"
#include "UiTestSupport.h"
#include "WorkspaceEditor.h"
#include "util/LibraryVersions.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void startsWithoutWorkspace();
    void failedOpenShowsErrorAndStaysEmpty();
    void openShowsNameCountsAndPath();
    void ctrlNumberSwitchesPages();
    void undoAndRedoShortcuts();
    void deleteKeyAsksFirst();
    void ctrlFFocusesSearch();
    void newWorkspaceAsksForFile();
    void newWorkspaceRefusesExistingFile();
    void demoWorkspaceOpens();
    void recentWorkspacesAreRemembered();
    void windowStateIsRestored();
    void aboutNamesLibraryVersions();
    void assessmentActionsNeedAWorkspace();

private:
    MainWindow *makeWindow();
    QString createWorkspaceFile(const QString &fileName, const QStringList &modelNames);
    QAction *action(const QString &name) const { return m_window->findChild<QAction *>(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    ScriptedPrompter m_prompter;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    isolateSettings();
}

void TestMainWindow::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_prompter = ScriptedPrompter();
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestMainWindow::assessmentActionsNeedAWorkspace()
{
    makeWindow();
    QVERIFY(!action(u"newReleaseAction"_s)->isEnabled());
    QVERIFY(!action(u"newAssessmentAction"_s)->isEnabled());
    QVERIFY(m_window->openWorkspace(createWorkspaceFile(u"w.strata"_s, {u"Alpha"_s})));
    QVERIFY(action(u"newReleaseAction"_s)->isEnabled());
    QVERIFY(action(u"newAssessmentAction"_s)->isEnabled());
    // The empty Assessments page offers the same two starts.
    action(u"showAssessmentsAction"_s)->trigger();
    QVERIFY(m_window->findChild<QWidget *>(u"assessmentsEmpty"_s)->isVisible());
    QVERIFY(m_window->findChild<QPushButton *>(u"emptyNewRelease"_s)->isVisible());
    QVERIFY(m_window->findChild<QPushButton *>(u"emptyNewAssessment"_s)->isVisible());
}

MainWindow *TestMainWindow::makeWindow()
{
    m_window = std::make_unique<MainWindow>(&m_prompter);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    if (!QTest::qWaitForWindowActive(m_window.get()))
        qWarning("The main window did not become active; shortcuts may not reach it.");
    return m_window.get();
}

QString TestMainWindow::createWorkspaceFile(const QString &fileName, const QStringList &modelNames)
{
    const QString path = m_dir->filePath(fileName);
    auto opened = Workspace::open(path);
    if (!opened)
        return {};
    for (const QString &name : modelNames)
        addRecord(*opened.value(), RecordKind::Model, name);
    return path;
}

void TestMainWindow::startsWithoutWorkspace()
{
    makeWindow();
    QVERIFY(!m_window->workspace());
    QCOMPARE(m_window->windowTitle(), u"Strata"_s);
    QVERIFY(m_window->findChild<QWidget *>(u"welcome"_s)->isVisible());
    for (const QString &button : {u"welcomeNewButton"_s, u"welcomeOpenButton"_s, u"welcomeDemoButton"_s})
        QVERIFY2(m_window->findChild<QPushButton *>(button)->isVisible(), qPrintable(button));
    QVERIFY(!action(u"newRecordAction"_s)->isEnabled());
}

void TestMainWindow::failedOpenShowsErrorAndStaysEmpty()
{
    makeWindow();
    const QString missing = m_dir->filePath(u"missing.strata"_s);

    QVERIFY(!m_window->openWorkspace(missing));

    QCOMPARE(m_prompter.errors.size(), 1);
    QVERIFY(!m_window->workspace());
    QVERIFY(m_window->findChild<QWidget *>(u"welcome"_s)->isVisible());
    QVERIFY(!QFile::exists(missing));
}

void TestMainWindow::openShowsNameCountsAndPath()
{
    const QString path = createWorkspaceFile(u"Acme AI.strata"_s, {u"Alpha"_s, u"Beta"_s});
    makeWindow();

    QVERIFY(m_window->openWorkspace(path));

    QCOMPARE(m_window->windowTitle(), u"Acme AI — Strata"_s);
    const QString counts = m_window->findChild<QLabel *>(u"countsLabel"_s)->text();
    QVERIFY2(counts.contains(recordKindPluralLabel(RecordKind::Model) + u": 2"_s), qPrintable(counts));
    QVERIFY2(counts.contains(recordKindPluralLabel(RecordKind::Supplier) + u": 0"_s), qPrintable(counts));
    QVERIFY(m_window->findChild<QLabel *>(u"pathLabel"_s)->text().contains(u"Acme AI.strata"_s));

    m_window->showPage(RecordKind::Supplier);
    m_window->currentPage()->newRecord();
    QTest::keyClicks(m_window->currentPage()->findChild<QLineEdit *>(u"field_name"_s), u"Meta"_s);
    QVERIFY(m_window->currentPage()->recordEditor()->apply());
    QTRY_VERIFY(m_window->findChild<QLabel *>(u"countsLabel"_s)
                    ->text()
                    .contains(recordKindPluralLabel(RecordKind::Supplier) + u": 1"_s));
}

void TestMainWindow::ctrlNumberSwitchesPages()
{
    makeWindow();
    QVERIFY(m_window->openWorkspace(createWorkspaceFile(u"w.strata"_s, {u"Alpha"_s})));
    QCOMPARE(m_window->currentPage()->kind(), RecordKind::Supplier);

    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage()->kind(), RecordKind::Model);
    QCOMPARE(m_window->findChild<QListWidget *>(u"sidebar"_s)->currentRow(), 1);
    QVERIFY(m_window->currentPage()->isVisible());

    QTest::keyClick(m_window.get(), Qt::Key_5, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage()->kind(), RecordKind::Service);
}

void TestMainWindow::undoAndRedoShortcuts()
{
    makeWindow();
    QVERIFY(m_window->openWorkspace(createWorkspaceFile(u"w.strata"_s, {u"Alpha"_s})));
    m_window->showPage(RecordKind::Model);
    InventoryPage *page = m_window->currentPage();
    const qint64 id = m_window->workspace()->resolve(u"Alpha"_s).value();
    QVERIFY(page->showRecord(id));
    auto *version = page->findChild<QLineEdit *>(u"field_version"_s);
    QTest::keyClicks(version, u"1.0"_s);
    QTest::mouseClick(page->findChild<QPushButton *>(u"applyButton"_s), Qt::LeftButton);
    QCOMPARE(m_window->workspace()->record(id).value().version, u"1.0"_s);

    auto *view = page->findChild<QTableView *>(u"recordView"_s);
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_window->workspace()->record(id).value().version, QString());
    QCOMPARE(version->text(), QString());
    QCOMPARE(columnTexts(view->model(), RecordTableModel::Version), QStringList{QString()});

    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_window->workspace()->record(id).value().version, u"1.0"_s);
    QCOMPARE(version->text(), u"1.0"_s);
}

void TestMainWindow::deleteKeyAsksFirst()
{
    makeWindow();
    QVERIFY(m_window->openWorkspace(createWorkspaceFile(u"w.strata"_s, {u"Alpha"_s, u"Beta"_s})));
    m_window->showPage(RecordKind::Model);
    InventoryPage *page = m_window->currentPage();
    const qint64 alpha = m_window->workspace()->resolve(u"Alpha"_s).value();
    QVERIFY(page->showRecord(alpha));
    auto *view = page->findChild<QTableView *>(u"recordView"_s);
    view->setFocus();

    m_prompter.answers = {true};
    QTest::keyClick(view, Qt::Key_Delete);

    QCOMPARE(m_prompter.questions.size(), 1);
    QVERIFY(!m_window->workspace()->record(alpha).ok());
    QCOMPARE(columnTexts(view->model()), QStringList{u"Beta"_s});
    // The next record becomes current, so Delete can be pressed again.
    QCOMPARE(page->recordEditor()->recordId(), m_window->workspace()->resolve(u"Beta"_s).value());
}

void TestMainWindow::ctrlFFocusesSearch()
{
    makeWindow();
    QVERIFY(m_window->openWorkspace(createWorkspaceFile(u"w.strata"_s, {u"Alpha"_s})));
    m_window->showPage(RecordKind::Model);
    auto *view = m_window->currentPage()->findChild<QTableView *>(u"recordView"_s);
    view->setFocus();

    QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);

    QTRY_COMPARE(QApplication::focusWidget(), m_window->currentPage()->findChild<QLineEdit *>(u"searchEdit"_s));
}

void TestMainWindow::newWorkspaceAsksForFile()
{
    makeWindow();
    const QString path = m_dir->filePath(u"fresh"_s);
    m_prompter.fileNames = {path};

    action(u"newWorkspaceAction"_s)->trigger();

    QVERIFY(m_window->workspace());
    QCOMPARE(m_window->workspace()->path(), path + u".strata"_s);
    QVERIFY(QFile::exists(path + u".strata"_s));
    QCOMPARE(m_window->windowTitle(), u"fresh — Strata"_s);
    QVERIFY(m_window->currentPage()->showsEmptyState());
}

void TestMainWindow::newWorkspaceRefusesExistingFile()
{
    makeWindow();
    const QString path = createWorkspaceFile(u"taken.strata"_s, {u"Alpha"_s});

    QVERIFY(!m_window->newWorkspace(path));

    QCOMPARE(m_prompter.errors.size(), 1);
    QVERIFY(m_prompter.errors.first().contains(u"taken.strata"_s));
    QVERIFY(!m_window->workspace());
}

void TestMainWindow::demoWorkspaceOpens()
{
    makeWindow();
    action(u"demoAction"_s)->trigger();

    QVERIFY2(m_prompter.errors.isEmpty(), qPrintable(m_prompter.errors.join(u'\n')));
    QVERIFY(m_window->workspace());
    const QMap<RecordKind, int> counts = m_window->workspace()->countsByKind().value();
    QVERIFY(counts.value(RecordKind::Model) > 0);
    QVERIFY(!m_window->currentPage()->showsEmptyState());
    QVERIFY(m_window->findChild<QLabel *>(u"pathLabel"_s)->text().contains(u"demo"_s));
    const QString demoPath = m_window->workspace()->path();

    QVERIFY(m_window->closeWorkspace());
    QVERIFY(!QFile::exists(demoPath));
    QVERIFY(!RecentWorkspaces::paths().contains(demoPath));
}

void TestMainWindow::recentWorkspacesAreRemembered()
{
    makeWindow();
    QStringList paths;
    for (int i = 0; i < RecentWorkspaces::kMaxEntries + 2; ++i)
        paths.append(createWorkspaceFile(u"w%1.strata"_s.arg(i), {}));
    for (const QString &path : std::as_const(paths))
        QVERIFY(m_window->openWorkspace(path));

    QStringList recent = RecentWorkspaces::paths();
    QCOMPARE(recent.size(), RecentWorkspaces::kMaxEntries);
    QCOMPARE(recent.first(), paths.last());
    QVERIFY(!recent.contains(paths.first()));

    QVERIFY(m_window->closeWorkspace());
    QVERIFY(QFile::remove(paths.last()));
    recent = RecentWorkspaces::paths();
    QCOMPARE(recent.size(), RecentWorkspaces::kMaxEntries - 1);
    QVERIFY(!recent.contains(paths.last()));
}

void TestMainWindow::windowStateIsRestored()
{
    const QString path = createWorkspaceFile(u"w.strata"_s, {u"Alpha"_s});
    makeWindow();
    QVERIFY(m_window->openWorkspace(path));
    m_window->resize(1111, 777);
    auto *splitter = m_window->currentPage()->findChild<QSplitter *>(u"pageSplitter"_s);
    splitter->setSizes({300, 700});
    const QList<int> sizes = splitter->sizes();
    QVERIFY(m_window->close());
    m_window.reset();

    makeWindow();
    QVERIFY(m_window->openWorkspace(path));
    QCOMPARE(m_window->size(), QSize(1111, 777));
    QCOMPARE(m_window->currentPage()->findChild<QSplitter *>(u"pageSplitter"_s)->sizes(), sizes);
}

void TestMainWindow::aboutNamesLibraryVersions()
{
    const LibraryVersions versions = LibraryVersions::current();
    for (const QString &version : {versions.qt, versions.sqlite, versions.openssl, versions.quazip})
        QVERIFY(!version.isEmpty());

    AboutDialog dialog;
    const QString text = dialog.versionsText();
    for (const QString &version : {versions.strata, versions.qt, versions.sqlite, versions.openssl, versions.quazip})
        QVERIFY2(text.contains(version), qPrintable(text));

    makeWindow();
    AboutDialog *shown = m_window->showAbout();
    QVERIFY(shown->isVisible());
    QCOMPARE(shown->versionsText(), text);
    shown->close();
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
