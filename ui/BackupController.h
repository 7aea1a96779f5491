// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "BackgroundTask.h"
#include "storage/Backups.h"

#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

class QAction;
class QTimer;

namespace strata {

class PageCopy;
class Workspace;

/// File › Back Up Workspace…, File › Restore from Backup… and Tools › Check Workspace Integrity, plus the offer to
/// restore when a workspace cannot be opened because it is damaged. Only the page copy needs the workspace's own
/// connection, and it runs a slice at a time between events; checking, syncing, renaming and restoring run on a
/// worker. Every step shows progress and can be cancelled, leaving no temporary file, no new backup and, for a
/// restore, the workspace exactly as it was. Every question goes through the Prompter.
class BackupController : public BackgroundTask
{
    Q_OBJECT

public:
    /// Closes the open workspace (false when the user kept it open) / opens a workspace by path.
    using CloseWorkspace = std::function<bool()>;
    using OpenWorkspace = std::function<bool(const QString &)>;

    BackupController(Prompter *prompter, QWidget *window);
    ~BackupController() override;

    QAction *backupAction() const { return m_backupAction; }
    QAction *restoreAction() const { return m_restoreAction; }
    QAction *checkAction() const { return m_checkAction; }

    /// The workspace to back up or restore; nullptr when none is open. A page copy of the old one is abandoned.
    void setWorkspace(Workspace *workspace);
    /// How a restore closes the open workspace before replacing it, and opens the result.
    void setHost(CloseWorkspace close, OpenWorkspace open);

    /// Asks whether to make a new generation or write a file, then backs up.
    void backUp();
    /// Asks for a generation or a file, confirms, and restores it over the open workspace.
    void restore();
    /// Runs the full integrity check and reports the result.
    void checkIntegrity();
    /// After `path` failed to open with `error`: when it is damaged and a good backup exists, offers to restore
    /// it. True when the user was shown the error this way (do not show it again).
    bool offerRestore(const QString &path, const Error &error);
    /// Stops the backup, restore or check under way; what it made so far is removed.
    void cancel() override;

Q_SIGNALS:
    /// A backup, restore or check ended; `ok` is false after an error, a failed check or Cancel.
    void finished(bool ok);

protected:
    void reportFinished(bool ok, const QString &message) override;
    void updateActions() override;

private:
    /// What to do with the page copy once it is complete (on a worker).
    using AfterCopy = std::function<void(const QString &copy)>;

    void backUpTo(const QString &destination, bool generation);
    void restoreFrom(const QString &workspacePath, const QString &file, bool reopenOnFailure);
    /// Starts copying the workspace into `file` a slice at a time; `after` runs once it is complete.
    bool startCopy(const QString &file, const QString &text, AfterCopy after);
    void copySlice();
    void endCancelled(const QString &message);
    /// The progress callback for Backups: reports into the running job, stops when it is cancelled, and reaches
    /// the checkpoints "<operation>.check", ".copy" and ".check-copy".
    BackupProgress progressFn(const char *operation) const;

    QPointer<Workspace> m_workspace;
    CloseWorkspace m_close;
    OpenWorkspace m_open;
    QAction *m_backupAction = nullptr;
    QAction *m_restoreAction = nullptr;
    QAction *m_checkAction = nullptr;
    QTimer *m_sliceTimer = nullptr;
    std::unique_ptr<PageCopy> m_copy; ///< the page copy under way on the GUI thread, if any
    AfterCopy m_afterCopy;
    QString m_cancelledMessage; ///< what Cancel tells the user for the job under way
    QString m_copyFailure;      ///< how a failed page copy is reported, "%1" being SQLite's reason
};

} // namespace strata
