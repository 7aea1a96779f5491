// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "MainWindow.h"

#include "AboutDialog.h"
#include "AuditPage.h"
#include "BackupController.h"
#include "BundleController.h"
#include "CatalogImporter.h"
#include "EmptyStateWidget.h"
#include "EvidencePage.h"
#include "ExportController.h"
#include "FindingsPage.h"
#include "GraphPage.h"
#include "ImportController.h"
#include "InventoryPage.h"
#include "PreferencesDialog.h"
#include "Prompter.h"
#include "RecentWorkspaces.h"
#include "RecordEditor.h"
#include "SidebarDelegate.h"
#include "TaskProgressWidget.h"
#include "WorkspaceEditor.h"
#include "assessments/AssessmentsPage.h"
#include "demo/DemoWorkspace.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QUndoGroup>
#include <QUndoStack>

using namespace Qt::Literals::StringLiterals;

namespace strata {
namespace {

constexpr int kWelcomeIndex = 0;
constexpr int kWorkspaceIndex = 1;

QString workspaceFilter()
{
    return MainWindow::tr("Strata workspaces (*.strata);;All files (*)");
}

} // namespace

MainWindow::MainWindow(Prompter *prompter, QWidget *parent)
    : QMainWindow(parent)
    , m_prompter(prompter)
{
    setObjectName(u"mainWindow"_s);
    m_undoGroup = new QUndoGroup(this);
    setAcceptDrops(true);
    createTransfers();
    createActions();
    createMenus();
    createCentralWidgets();
    restoreWindowState();
    updateTitle();
    updateStatus();
    updateActions();
}

MainWindow::~MainWindow()
{
    clearWorkspace();
}

void MainWindow::createCentralWidgets()
{
    m_welcome = new EmptyStateWidget;
    m_welcome->setObjectName(u"welcome"_s);
    m_welcome->setTitle(tr("No workspace is open"));
    m_welcome->setText(tr("A workspace is one file that holds your inventory of suppliers, models, datasets, "
                          "software and services. Create a new one, open an existing one, or explore the demo."));
    connect(m_welcome->addButton(tr("New Workspace…"), u"welcomeNewButton"_s), &QPushButton::clicked, this,
            &MainWindow::chooseAndCreateWorkspace);
    connect(m_welcome->addButton(tr("Open Workspace…"), u"welcomeOpenButton"_s), &QPushButton::clicked, this,
            &MainWindow::chooseAndOpenWorkspace);
    connect(m_welcome->addButton(tr("Open Demo Workspace"), u"welcomeDemoButton"_s), &QPushButton::clicked, this,
            &MainWindow::openDemoWorkspace);

    m_sidebar = new QListWidget;
    m_sidebar->setObjectName(u"sidebar"_s);
    m_sidebar->setAccessibleName(tr("Pages"));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sidebar->setItemDelegate(new SidebarDelegate(m_sidebar));
    for (RecordKind kind : allRecordKinds())
        new QListWidgetItem(recordKindPluralLabel(kind), m_sidebar);
    new QListWidgetItem(tr("Graph"), m_sidebar);
    new QListWidgetItem(tr("Assessments"), m_sidebar);
    new QListWidgetItem(tr("Evidence"), m_sidebar);
    new QListWidgetItem(tr("Findings"), m_sidebar);
    new QListWidgetItem(tr("Audit"), m_sidebar);
    m_sidebar->setMinimumWidth(140);

    m_pageStack = new QStackedWidget;
    m_pageStack->setObjectName(u"pageStack"_s);
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_pageStack->count())
            m_pageStack->setCurrentIndex(row);
        updateActions();
    });

    m_mainSplitter = new QSplitter(Qt::Horizontal);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->setChildrenCollapsible(false);
    m_mainSplitter->addWidget(m_sidebar);
    m_mainSplitter->addWidget(m_pageStack);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({170, 1100});

    m_central = new QStackedWidget(this);
    m_central->insertWidget(kWelcomeIndex, m_welcome);
    m_central->insertWidget(kWorkspaceIndex, m_mainSplitter);
    setCentralWidget(m_central);

    m_pathLabel = new QLabel(this);
    m_pathLabel->setObjectName(u"pathLabel"_s);
    m_pathLabel->setTextFormat(Qt::PlainText);
    m_readOnlyLabel = new QLabel(this);
    m_readOnlyLabel->setObjectName(u"readOnlyLabel"_s);
    m_readOnlyLabel->setTextFormat(Qt::PlainText);
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(u"countsLabel"_s);
    m_countsLabel->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_pathLabel, 1);
    statusBar()->addWidget(m_readOnlyLabel);
    statusBar()->addPermanentWidget(m_import->progressWidget());
    statusBar()->addPermanentWidget(m_export->progressWidget());
    statusBar()->addPermanentWidget(m_bundles->progressWidget());
    statusBar()->addPermanentWidget(m_backups->progressWidget());
    statusBar()->addPermanentWidget(m_catalogImporter->progressWidget());
    statusBar()->addPermanentWidget(m_countsLabel);
}

void MainWindow::createTransfers()
{
    m_import = new ImportController(m_prompter, this);
    m_catalogImporter = new CatalogImporter(m_prompter, this);
    m_export = new ExportController(m_prompter, this);
    connect(m_import, &ImportController::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    connect(m_export, &ExportController::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    connect(m_export, &ExportController::runningChanged, this, &MainWindow::updateActions);
    m_bundles = new BundleController(m_prompter, this);
    connect(m_bundles, &BundleController::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    m_backups = new BackupController(m_prompter, this);
    m_backups->setHost([this] { return closeWorkspace(); },
                       [this](const QString &path) { return openWorkspace(path); });
    connect(m_backups, &BackupController::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    connect(m_catalogImporter, &CatalogImporter::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
}

InventoryPage *MainWindow::page(RecordKind kind) const
{
    for (InventoryPage *page : m_pages) {
        if (page->kind() == kind)
            return page;
    }
    return nullptr;
}

InventoryPage *MainWindow::currentPage() const
{
    return m_pages.isEmpty() ? nullptr : qobject_cast<InventoryPage *>(m_pageStack->currentWidget());
}

void MainWindow::showPage(RecordKind kind)
{
    const int row = static_cast<int>(allRecordKinds().indexOf(kind));
    if (row >= 0 && !m_pages.isEmpty())
        m_sidebar->setCurrentRow(row);
}

void MainWindow::showGraph(qint64 focus)
{
    if (!m_graphPage)
        return;
    m_sidebar->setCurrentRow(m_pageStack->indexOf(m_graphPage));
    if (focus != 0)
        m_graphPage->focusOn(focus);
}

void MainWindow::showRecord(qint64 id)
{
    if (!m_workspace)
        return;
    const Result<Record> record = m_workspace->record(id);
    if (!record) {
        m_prompter->showError(this, record.error().message);
        return;
    }
    showPage(record.value().kind);
    if (InventoryPage *target = page(record.value().kind))
        target->showRecord(id);
}

bool MainWindow::openWorkspace(const QString &path, Database::OpenMode mode)
{
    // The open workspace holds the file's lock: opening it again would be refused as locked.
    if (m_workspace && QFileInfo(path).absoluteFilePath() == QFileInfo(m_workspace->path()).absoluteFilePath())
        return true;
    // After a crash the -wal is replayed into a scratch copy first (OpenCheck), seconds on a large workspace. The
    // connection must be opened on this thread, so the window says why it waits instead of freezing silently.
    const bool replaying = QFileInfo(path + u"-wal"_s).size() > 0;
    if (replaying) {
        statusBar()->showMessage(tr("Checking the changes the last session left in %1 before opening it…")
                                     .arg(QDir::toNativeSeparators(path)));
        QApplication::setOverrideCursor(Qt::BusyCursor);
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    }
    Result<std::unique_ptr<Workspace>> opened = Workspace::open(path, mode);
    if (replaying) {
        QApplication::restoreOverrideCursor();
        statusBar()->clearMessage();
    }
    if (!opened) {
        if (m_backups->offerRestore(path, opened.error()))
            return false; // the error was shown with the offer to restore the newest good backup
        m_prompter->showError(this, opened.error().message);
        return false;
    }
    if (!closeWorkspace())
        return false;
    setWorkspace(std::move(opened).value(), nullptr);
    RecentWorkspaces::add(m_workspace->path());
    if (const QString warning = m_workspace->storageWarning(); !warning.isEmpty())
        m_prompter->showInfo(this, tr("Workspace on a Shared Disk"), warning);
    return true;
}

bool MainWindow::newWorkspace(const QString &path)
{
    if (QFileInfo::exists(path)) {
        m_prompter->showError(this, tr("“%1” already exists. Choose another name for the new workspace, or open "
                                       "this one with File › Open Workspace.")
                                        .arg(QDir::toNativeSeparators(path)));
        return false;
    }
    return openWorkspace(path, Database::OpenMode::CreateIfMissing);
}

bool MainWindow::openDemoWorkspace()
{
    auto dir = std::make_unique<QTemporaryDir>(QDir::temp().filePath(u"strata-demo-XXXXXX"_s));
    if (!dir->isValid()) {
        m_prompter->showError(this, tr("Could not create a folder for the demo workspace: %1. Check that the "
                                       "temporary folder is writable.")
                                        .arg(dir->errorString()));
        return false;
    }
    Result<std::unique_ptr<Workspace>> opened =
        Workspace::open(dir->filePath(tr("Demo") + u".strata"_s), Database::OpenMode::CreateIfMissing);
    if (!opened) {
        m_prompter->showError(this, opened.error().message);
        return false;
    }
    const Status populated = DemoWorkspace::populate(*opened.value());
    if (!populated) {
        m_prompter->showError(this, populated.error().message);
        return false;
    }
    if (!closeWorkspace())
        return false;
    setWorkspace(std::move(opened).value(), std::move(dir));
    return true;
}

bool MainWindow::closeWorkspace()
{
    for (InventoryPage *page : std::as_const(m_pages)) {
        if (!page->recordEditor()->confirmDiscard())
            return false;
    }
    clearWorkspace();
    updateTitle();
    updateStatus();
    updateActions();
    return true;
}

void MainWindow::clearWorkspace()
{
    for (InventoryPage *page : std::as_const(m_pages)) {
        page->saveState();
        delete page;
    }
    m_pages.clear();
    delete m_graphPage;
    m_graphPage = nullptr;
    delete m_assessmentsPage;
    m_assessmentsPage = nullptr;
    delete m_evidencePage;
    m_evidencePage = nullptr;
    delete m_findingsPage;
    m_findingsPage = nullptr;
    delete m_auditPage;
    m_auditPage = nullptr;
    m_import->setWorkspace(nullptr);
    m_catalogImporter->setWorkspace(nullptr);
    m_export->setWorkspace(nullptr);
    m_bundles->setWorkspace(nullptr);
    m_backups->setWorkspace(nullptr);
    if (m_editor) {
        m_undoGroup->removeStack(m_editor->undoStack());
        delete m_editor;
        m_editor = nullptr;
    }
    // The workspace closes (and releases its lock) before its temporary folder is removed.
    m_workspace.reset();
    m_demoDir.reset();
    if (m_central)
        m_central->setCurrentIndex(kWelcomeIndex);
}

void MainWindow::setWorkspace(std::unique_ptr<Workspace> workspace, std::unique_ptr<QTemporaryDir> demoDir)
{
    m_workspace = std::move(workspace);
    m_demoDir = std::move(demoDir);
    m_editor = new WorkspaceEditor(m_workspace.get(), this);
    m_undoGroup->addStack(m_editor->undoStack());
    m_undoGroup->setActiveStack(m_editor->undoStack());
    connect(m_editor, &WorkspaceEditor::errorOccurred, this,
            [this](const QString &message) { m_prompter->showError(this, message); });
    connect(m_workspace.get(), &Workspace::recordsChanged, this, &MainWindow::updateStatus);
    m_import->setWorkspace(m_workspace.get());
    m_catalogImporter->setWorkspace(m_workspace.get());
    m_export->setWorkspace(m_workspace.get());
    m_bundles->setWorkspace(m_workspace.get());
    m_backups->setWorkspace(m_workspace.get());

    const int current = std::max(0, m_sidebar->currentRow());
    for (RecordKind kind : allRecordKinds()) {
        auto *page = new InventoryPage(m_workspace.get(), m_editor, kind, m_prompter);
        page->restoreState();
        connect(page, &InventoryPage::openDemoRequested, this, &MainWindow::openDemoWorkspace);
        connect(page, &InventoryPage::importRequested, m_import, &ImportController::chooseAndImport);
        connect(page, &InventoryPage::openRecordRequested, this, &MainWindow::showRecord);
        connect(page, &InventoryPage::selectionChanged, this, &MainWindow::updateActions);
        m_pageStack->addWidget(page);
        m_pages.append(page);
    }
    m_graphPage = new GraphPage(m_workspace.get(), m_prompter);
    connect(m_graphPage, &GraphPage::openRecordRequested, this, &MainWindow::showRecord);
    connect(m_graphPage, &GraphPage::recordSelected, this, [this](qint64 id) {
        // Select it in its table too, unless that would ask about an edit being made there.
        const Result<Record> record = m_workspace->record(id);
        InventoryPage *target = record ? page(record.value().kind) : nullptr;
        if (target && !target->recordEditor()->isModified())
            target->showRecord(id);
    });
    m_pageStack->addWidget(m_graphPage);
    m_assessmentsPage = new AssessmentsPage(m_workspace.get(), m_prompter);
    m_pageStack->addWidget(m_assessmentsPage);
    m_evidencePage = new EvidencePage(m_workspace.get(), m_prompter);
    m_pageStack->addWidget(m_evidencePage);
    m_findingsPage = new FindingsPage(m_editor, m_prompter);
    m_pageStack->addWidget(m_findingsPage);
    m_auditPage = new AuditPage(m_workspace.get(), m_prompter);
    m_pageStack->addWidget(m_auditPage);
    m_central->setCurrentIndex(kWorkspaceIndex);
    m_sidebar->setCurrentRow(-1);
    m_sidebar->setCurrentRow(current);
    updateTitle();
    updateStatus();
    updateActions();
}

void MainWindow::chooseAndOpenWorkspace()
{
    const QString path = m_prompter->openFileName(this, tr("Open Workspace"), workspaceFilter());
    if (!path.isEmpty())
        openWorkspace(path, Database::OpenMode::ExistingOnly);
}

void MainWindow::chooseAndCreateWorkspace()
{
    QString path = m_prompter->saveFileName(this, tr("New Workspace"), workspaceFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".strata"_s;
    newWorkspace(path);
}

void MainWindow::populateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList paths = RecentWorkspaces::paths();
    for (int i = 0; i < paths.size(); ++i) {
        const QString &path = paths.at(i);
        QAction *action =
            m_recentMenu->addAction(tr("&%1 %2").arg(QString::number(i + 1), QDir::toNativeSeparators(path)));
        connect(action, &QAction::triggered, this, [this, path] { openWorkspace(path); });
    }
    if (paths.isEmpty()) {
        m_recentMenu->addAction(tr("No Recent Workspaces"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    connect(m_recentMenu->addAction(tr("Clear Menu")), &QAction::triggered, this, [] { RecentWorkspaces::clear(); });
}

void MainWindow::updateTitle()
{
    if (!m_workspace) {
        setWindowTitle(tr("Strata"));
        return;
    }
    setWindowTitle(tr("%1 — Strata").arg(QFileInfo(m_workspace->path()).completeBaseName()));
}

void MainWindow::updateStatus()
{
    if (!m_workspace) {
        m_pathLabel->setText(tr("No workspace open"));
        m_readOnlyLabel->clear();
        m_readOnlyLabel->hide();
        m_countsLabel->clear();
        return;
    }
    const QString path = QDir::toNativeSeparators(m_workspace->path());
    m_pathLabel->setText(m_demoDir ? tr("%1 (temporary demo: removed when it is closed)").arg(path) : path);
    m_readOnlyLabel->setVisible(m_workspace->isReadOnly());
    m_readOnlyLabel->setText(tr("Read-only: %1").arg(m_workspace->readOnlyReason()));

    const Result<QMap<RecordKind, int>> counts = m_workspace->countsByKind();
    if (!counts) {
        m_countsLabel->setText(counts.error().message);
        return;
    }
    QStringList parts;
    for (RecordKind kind : allRecordKinds())
        parts.append(tr("%1: %2").arg(recordKindPluralLabel(kind)).arg(counts.value().value(kind)));
    m_countsLabel->setText(parts.join(tr(" · ", "separator between counts")));
}

void MainWindow::updateActions()
{
    const bool open = m_workspace != nullptr;
    const bool writable = open && !m_workspace->isReadOnly();
    InventoryPage *page = currentPage();
    const bool selected = page && page->selectedRecordId() != 0;
    m_closeAction->setEnabled(open);
    m_importAction->setEnabled(writable);
    m_exportAction->setEnabled(open && !m_export->isRunning());
    m_reportAction->setEnabled(open);
    m_newRecordAction->setEnabled(writable && page);
    m_duplicateAction->setEnabled(writable && selected);
    m_deleteAction->setEnabled(writable && selected);
    m_findAction->setEnabled(page != nullptr);
    for (QAction *action : std::as_const(m_pageActions))
        action->setEnabled(open);
    m_graphAction->setEnabled(open);
    m_assessmentsAction->setEnabled(open);
    m_newReleaseAction->setEnabled(writable);
    m_newAssessmentAction->setEnabled(writable);
    m_evidenceAction->setEnabled(open);
    m_findingsAction->setEnabled(open);
    m_auditAction->setEnabled(open);
    m_verifyAuditAction->setEnabled(open && m_auditPage && !m_auditPage->isVerifying());
}

void MainWindow::verifyAuditTrail()
{
    if (!m_auditPage)
        return;
    m_sidebar->setCurrentRow(m_pageStack->indexOf(m_auditPage));
    m_auditPage->verifyTrail();
}

AboutDialog *MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

PreferencesDialog *MainWindow::showPreferences()
{
    auto *dialog = new PreferencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void MainWindow::importFiles(const QStringList &paths)
{
    m_import->importPaths(paths);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!m_import->droppedFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (!m_import->droppedFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = m_import->droppedFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    importFiles(paths);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    for (InventoryPage *page : std::as_const(m_pages)) {
        if (!page->recordEditor()->confirmDiscard()) {
            event->ignore();
            return;
        }
    }
    saveWindowState();
    for (InventoryPage *page : std::as_const(m_pages))
        page->saveState();
    event->accept();
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.beginGroup(u"mainWindow"_s);
    settings.setValue(u"geometry"_s, saveGeometry());
    settings.setValue(u"state"_s, saveState());
    settings.setValue(u"splitter"_s, m_mainSplitter->saveState());
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    settings.beginGroup(u"mainWindow"_s);
    if (!restoreGeometry(settings.value(u"geometry"_s).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(u"state"_s).toByteArray());
    const QByteArray splitter = settings.value(u"splitter"_s).toByteArray();
    if (!splitter.isEmpty())
        m_mainSplitter->restoreState(splitter);
}

} // namespace strata
