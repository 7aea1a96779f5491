// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QAction;
class QWidget;

namespace strata {

class Prompter;
class TaskProgressWidget;
class Workspace;

/// File › Back Up Workspace…, File › Restore from Backup… and Tools › Check Workspace Integrity, plus the offer to
/// restore when a workspace cannot be opened because it is damaged. Only the step that needs the workspace's own
/// connection (VACUUM INTO, or the page copy for a check) runs on the GUI thread; checking, syncing, renaming and
/// restoring run on a worker with progress in the status bar, and every question goes through the Prompter.
class BackupController : public QObject
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
    TaskProgressWidget *progressWidget() const { return m_progress; }
    bool isRunning() const { return m_running; }

    /// The workspace to back up or restore; nullptr when none is open.
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

Q_SIGNALS:
    void runningChanged(bool running);
    /// A short line for the status bar.
    void statusMessage(const QString &message);
    /// A backup, restore or check ended; `ok` is false after an error or a failed check.
    void finished(bool ok);

private:
    void backUpTo(const QString &destination, bool generation);
    void restoreFrom(const QString &workspacePath, const QString &file, bool reopenOnFailure);
    void setRunning(bool running, const QString &text = {});
    void updateActions();
    void fail(const QString &message);

    Prompter *m_prompter = nullptr;
    QWidget *m_window = nullptr;
    QPointer<Workspace> m_workspace;
    CloseWorkspace m_close;
    OpenWorkspace m_open;
    QAction *m_backupAction = nullptr;
    QAction *m_restoreAction = nullptr;
    QAction *m_checkAction = nullptr;
    TaskProgressWidget *m_progress = nullptr;
    bool m_running = false;
};

} // namespace strata
