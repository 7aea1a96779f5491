// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"
#include "storage/Database.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTemporaryDir;
class QUndoGroup;

namespace strata {

class AboutDialog;
class AuditPage;
class CatalogImporter;
class BundleController;
class BackupController;
class EmptyStateWidget;
class EvidencePage;
class FindingsPage;
class ExportController;
class ReportExportDialog;
class GraphPage;
class ImportController;
class AssessmentsPage;
class InventoryPage;
class PreferencesDialog;
class Prompter;
class Workspace;
class WorkspaceEditor;

/// The application window: owns the open workspace and its editor, and assembles the pages, menus and status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Prompter *prompter, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a workspace in place of the current one; on failure the error is shown and nothing changes.
    bool openWorkspace(const QString &path, Database::OpenMode mode = Database::OpenMode::ExistingOnly);
    /// Creates a new, empty workspace at `path` (which must not exist yet) and opens it.
    bool newWorkspace(const QString &path);
    /// Fills a fresh workspace in a temporary folder with the demo supply chain and opens it.
    bool openDemoWorkspace();
    /// Closes the workspace (asking first if an edit is not applied); the window shows its empty state.
    bool closeWorkspace();

    Workspace *workspace() const { return m_workspace.get(); }
    WorkspaceEditor *workspaceEditor() const { return m_editor; }
    InventoryPage *page(RecordKind kind) const;
    InventoryPage *currentPage() const;
    void showPage(RecordKind kind);
    /// Shows a record on its kind's page.
    void showRecord(qint64 id);
    /// The Graph page (null while no workspace is open), and showing it, focused on a record when `focus` != 0.
    GraphPage *graphPage() const { return m_graphPage; }
    void showGraph(qint64 focus = 0);
    /// The Evidence and Findings pages (null while no workspace is open).
    EvidencePage *evidencePage() const { return m_evidencePage; }
    FindingsPage *findingsPage() const { return m_findingsPage; }
    /// The Audit page (null while no workspace is open).
    AuditPage *auditPage() const { return m_auditPage; }
    /// Tools › Verify Audit Trail: shows the Audit page and checks the chain in the background.
    void verifyAuditTrail();
    /// Opens Help › About Strata without blocking and returns the dialog.
    AboutDialog *showAbout();
    /// Opens Edit › Preferences… without blocking and returns the dialog.
    PreferencesDialog *showPreferences();
    /// Imports files and folders into the open workspace in the background (File › Import, drops, the command line).
    void importFiles(const QStringList &paths);
    ImportController *importController() const { return m_import; }
    BundleController *bundleController() const { return m_bundles; }
    BackupController *backupController() const { return m_backups; }
    CatalogImporter *catalogImporter() const { return m_catalogImporter; }
    ExportController *exportController() const { return m_export; }
    /// Opens File › Export Report… without blocking, its scope taken from the selection; null without a workspace.
    ReportExportDialog *exportReport();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createCentralWidgets();
    void setWorkspace(std::unique_ptr<Workspace> workspace, std::unique_ptr<QTemporaryDir> demoDir);
    void clearWorkspace();
    void chooseAndOpenWorkspace();
    void chooseAndCreateWorkspace();
    void populateRecentMenu();
    void updateTitle();
    void updateStatus();
    void updateActions();
    /// The assessment selected or open on the Assessments page while it shows; 0 otherwise.
    qint64 selectedAssessmentId() const;
    void saveWindowState() const;
    void restoreWindowState();
    void createTransfers();

    Prompter *m_prompter = nullptr;
    std::unique_ptr<Workspace> m_workspace;
    WorkspaceEditor *m_editor = nullptr;
    std::unique_ptr<QTemporaryDir> m_demoDir;
    QUndoGroup *m_undoGroup = nullptr;
    ImportController *m_import = nullptr;
    CatalogImporter *m_catalogImporter = nullptr;
    ExportController *m_export = nullptr;
    BundleController *m_bundles = nullptr; ///< File › Export Bundle… and Import Bundle… (issue 6)
    BackupController *m_backups = nullptr; ///< File › Back Up Workspace… and Restore from Backup… (issue 9)
    QList<InventoryPage *> m_pages;
    GraphPage *m_graphPage = nullptr;
    AssessmentsPage *m_assessmentsPage = nullptr; ///< after the inventory pages in the page stack
    EvidencePage *m_evidencePage = nullptr;
    FindingsPage *m_findingsPage = nullptr;
    AuditPage *m_auditPage = nullptr;

    QStackedWidget *m_central = nullptr;
    EmptyStateWidget *m_welcome = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_pageStack = nullptr;
    QLabel *m_pathLabel = nullptr;
    QLabel *m_readOnlyLabel = nullptr;
    QLabel *m_countsLabel = nullptr;

    QMenu *m_recentMenu = nullptr;
    QAction *m_newWorkspaceAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_reportAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_newRecordAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_findAction = nullptr;
    QList<QAction *> m_pageActions;
    QAction *m_graphAction = nullptr;
    QAction *m_assessmentsAction = nullptr;
    QAction *m_newReleaseAction = nullptr;
    QAction *m_newAssessmentAction = nullptr;
    QAction *m_evidenceAction = nullptr;
    QAction *m_findingsAction = nullptr;
    QAction *m_auditAction = nullptr;
    QAction *m_verifyAuditAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QAction *m_preferencesAction = nullptr;
};

} // namespace strata
