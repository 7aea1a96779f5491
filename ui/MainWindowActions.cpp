// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// MainWindow: its actions, their shortcuts, and the menus (the rest is in MainWindow.cpp).
#include "AuditPage.h"
#include "BackupController.h"
#include "BundleController.h"
#include "CatalogImporter.h"
#include "EvidencePage.h"
#include "ExportController.h"
#include "FindingsPage.h"
#include "ImportController.h"
#include "InventoryPage.h"
#include "MainWindow.h"
#include "RecordEditor.h"
#include "WorkspaceEditor.h"
#include "assessments/AssessmentsPage.h"
#include "assessments/WalkthroughView.h"
#include "report/ReportExportDialog.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStackedWidget>
#include <QUndoGroup>

using namespace Qt::Literals::StringLiterals;

namespace strata {

void MainWindow::createActions()
{
    m_newWorkspaceAction = new QAction(tr("&New Workspace…"), this);
    m_newWorkspaceAction->setObjectName(u"newWorkspaceAction"_s);
    m_newWorkspaceAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(m_newWorkspaceAction, &QAction::triggered, this, &MainWindow::chooseAndCreateWorkspace);

    m_openAction = new QAction(tr("&Open Workspace…"), this);
    m_openAction->setObjectName(u"openWorkspaceAction"_s);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseAndOpenWorkspace);

    m_closeAction = new QAction(tr("&Close Workspace"), this);
    m_closeAction->setObjectName(u"closeWorkspaceAction"_s);
    m_closeAction->setShortcut(QKeySequence::Close);
    connect(m_closeAction, &QAction::triggered, this, &MainWindow::closeWorkspace);

    m_importAction = new QAction(tr("&Import…"), this);
    m_importAction->setObjectName(u"importAction"_s);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setToolTip(tr("Import CycloneDX or SPDX 3 documents and Hugging Face cards (or drop them here)"));
    connect(m_importAction, &QAction::triggered, m_import, &ImportController::chooseAndImport);
    m_exportAction = new QAction(tr("&Export…"), this);
    m_exportAction->setObjectName(u"exportAction"_s);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_exportAction, &QAction::triggered, this, [this] {
        InventoryPage *page = currentPage();
        m_export->openDialog(page ? page->selectedRecordId() : 0);
    });

    m_reportAction = new QAction(tr("Export &Report…"), this);
    m_reportAction->setObjectName(u"exportReportAction"_s);
    m_reportAction->setToolTip(tr("Write a PDF assessment report on a release, an assessment or a supplier"));
    connect(m_reportAction, &QAction::triggered, this, &MainWindow::exportReport);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(u"quitAction"_s);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_undoGroup->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(u"undoAction"_s);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_undoGroup->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(u"redoAction"_s);
    m_redoAction->setShortcuts(QKeySequence::Redo);

    m_newRecordAction = new QAction(tr("New &Record"), this);
    m_newRecordAction->setObjectName(u"newRecordAction"_s);
    m_newRecordAction->setShortcut(QKeySequence::New);
    connect(m_newRecordAction, &QAction::triggered, this, [this] {
        if (InventoryPage *page = currentPage())
            page->newRecord();
    });
    m_duplicateAction = new QAction(tr("D&uplicate"), this);
    m_duplicateAction->setObjectName(u"duplicateAction"_s);
    m_duplicateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_duplicateAction, &QAction::triggered, this, [this] {
        if (InventoryPage *page = currentPage())
            page->duplicateSelected();
    });
    m_deleteAction = new QAction(tr("&Delete"), this);
    m_deleteAction->setObjectName(u"deleteAction"_s);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    connect(m_deleteAction, &QAction::triggered, this, [this] {
        if (InventoryPage *page = currentPage())
            page->deleteSelected();
    });
    m_findAction = new QAction(tr("&Find"), this);
    m_findAction->setObjectName(u"findAction"_s);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        if (InventoryPage *page = currentPage())
            page->focusSearch();
    });

    const QList<RecordKind> kinds = allRecordKinds();
    for (int i = 0; i < kinds.size(); ++i) {
        const RecordKind kind = kinds.at(i);
        auto *action = new QAction(recordKindPluralLabel(kind), this);
        action->setObjectName(u"showPageAction_"_s + recordKindKey(kind));
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, kind] { showPage(kind); });
        m_pageActions.append(action);
    }

    m_graphAction = new QAction(tr("Graph"), this);
    m_graphAction->setObjectName(u"showGraphAction"_s);
    m_graphAction->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + kinds.size())));
    connect(m_graphAction, &QAction::triggered, this, [this] { showGraph(); });
    m_assessmentsAction = new QAction(tr("Assessments"), this);
    m_assessmentsAction->setObjectName(u"showAssessmentsAction"_s);
    m_assessmentsAction->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_2 + kinds.size())));
    connect(m_assessmentsAction, &QAction::triggered, this, [this] {
        if (m_assessmentsPage)
            m_sidebar->setCurrentRow(m_pageStack->indexOf(m_assessmentsPage));
    });
    m_evidenceAction = new QAction(tr("Evidence"), this);
    m_evidenceAction->setObjectName(u"showEvidenceAction"_s);
    m_evidenceAction->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_3 + kinds.size())));
    connect(m_evidenceAction, &QAction::triggered, this, [this] {
        if (m_evidencePage)
            m_sidebar->setCurrentRow(m_pageStack->indexOf(m_evidencePage));
    });
    m_findingsAction = new QAction(tr("Findings"), this);
    m_findingsAction->setObjectName(u"showFindingsAction"_s);
    m_findingsAction->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_4 + kinds.size())));
    connect(m_findingsAction, &QAction::triggered, this, [this] {
        if (m_findingsPage)
            m_sidebar->setCurrentRow(m_pageStack->indexOf(m_findingsPage));
    });

    m_auditAction = new QAction(tr("Audit"), this);
    m_auditAction->setObjectName(u"showAuditAction"_s);
    m_auditAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0)); // the tenth page, after Ctrl+1…9
    connect(m_auditAction, &QAction::triggered, this, [this] {
        if (m_auditPage)
            m_sidebar->setCurrentRow(m_pageStack->indexOf(m_auditPage));
    });
    m_verifyAuditAction = new QAction(tr("&Verify Audit Trail"), this);
    m_verifyAuditAction->setObjectName(u"verifyAuditTrailAction"_s);
    m_verifyAuditAction->setStatusTip(tr("Recompute the audit trail's hash chain and name the first bad row"));
    connect(m_verifyAuditAction, &QAction::triggered, this, &MainWindow::verifyAuditTrail);

    auto assessmentsPage = [this] {
        if (m_assessmentsPage)
            m_sidebar->setCurrentRow(m_pageStack->indexOf(m_assessmentsPage));
        return m_assessmentsPage;
    };
    m_newReleaseAction = new QAction(tr("New &Release…"), this);
    m_newReleaseAction->setObjectName(u"newReleaseAction"_s);
    connect(m_newReleaseAction, &QAction::triggered, this, [assessmentsPage] {
        if (AssessmentsPage *page = assessmentsPage())
            page->newRelease();
    });
    m_newAssessmentAction = new QAction(tr("New &Assessment…"), this);
    m_newAssessmentAction->setObjectName(u"newAssessmentAction"_s);
    connect(m_newAssessmentAction, &QAction::triggered, this, [assessmentsPage] {
        if (AssessmentsPage *page = assessmentsPage())
            page->newAssessment();
    });

    m_demoAction = new QAction(tr("Open &Demo Workspace"), this);
    m_demoAction->setObjectName(u"demoAction"_s);
    connect(m_demoAction, &QAction::triggered, this, &MainWindow::openDemoWorkspace);
    m_aboutAction = new QAction(tr("&About Strata"), this);
    m_aboutAction->setObjectName(u"aboutAction"_s);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setObjectName(u"aboutQtAction"_s);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
    m_preferencesAction = new QAction(tr("Pr&eferences…"), this);
    m_preferencesAction->setObjectName(u"preferencesAction"_s);
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    m_preferencesAction->setShortcut(QKeySequence::Preferences);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newWorkspaceAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(u"recentMenu"_s);
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::populateRecentMenu);
    populateRecentMenu();
    file->addAction(m_closeAction);
    file->addSeparator();
    file->addAction(m_importAction);
    file->addAction(m_catalogImporter->action());
    file->addAction(m_exportAction);
    file->addAction(m_reportAction);
    file->addAction(m_bundles->exportAction());
    file->addAction(m_bundles->importAction());
    file->addSeparator();
    file->addAction(m_backups->backupAction());
    file->addAction(m_backups->restoreAction());
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_newRecordAction);
    edit->addAction(m_duplicateAction);
    edit->addAction(m_deleteAction);
    edit->addSeparator();
    edit->addAction(m_newReleaseAction);
    edit->addAction(m_newAssessmentAction);
    edit->addSeparator();
    edit->addAction(m_findAction);
    edit->addSeparator();
    edit->addAction(m_preferencesAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions(m_pageActions);
    view->addAction(m_graphAction);
    view->addAction(m_assessmentsAction);
    view->addAction(m_evidenceAction);
    view->addAction(m_findingsAction);
    view->addAction(m_auditAction);

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->setObjectName(u"toolsMenu"_s);
    tools->addAction(m_verifyAuditAction);
    tools->addAction(m_backups->checkAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_demoAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

qint64 MainWindow::selectedAssessmentId() const
{
    if (!m_assessmentsPage || m_pageStack->currentWidget() != m_assessmentsPage)
        return 0;
    if (WalkthroughView *walkthrough = m_assessmentsPage->walkthrough(); walkthrough && walkthrough->isVisible())
        return walkthrough->assessmentId();
    return m_assessmentsPage->selectedId();
}

ReportExportDialog *MainWindow::exportReport()
{
    if (!m_workspace)
        return nullptr;
    auto *dialog = new ReportExportDialog(m_workspace.get(), m_prompter, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const qint64 assessment = selectedAssessmentId(); assessment != 0) {
        dialog->setScope(ReportScope::Kind::Assessment, QString::number(assessment));
    } else if (InventoryPage *page = currentPage(); page && page->selectedRecordId() != 0) {
        const Result<Record> record = m_workspace->record(page->selectedRecordId());
        if (record && record.value().kind == RecordKind::Supplier)
            dialog->setScope(ReportScope::Kind::Supplier, QString::number(record.value().id));
    }
    dialog->show();
    return dialog;
}

} // namespace strata
