// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <memory>

class QAction;
class QTimer;
class QWidget;

namespace strata {

class Prompter;
class TaskProgressWidget;
class Workspace;

/// File › Export Bundle… and File › Import Bundle…: every question goes through the Prompter, the slow parts (unlocking
/// the key, hashing and writing the archive, reading and checking a received one) run on a worker thread with
/// progress in the status bar, and only the workspace reads and the one-transaction merge run on the GUI thread.
class BundleController : public QObject
{
    Q_OBJECT

public:
    BundleController(Prompter *prompter, QWidget *window);
    ~BundleController() override;

    QAction *exportAction() const { return m_exportAction; }
    QAction *importAction() const { return m_importAction; }
    TaskProgressWidget *progressWidget() const { return m_progress; }
    bool isRunning() const { return m_running; }

    /// The workspace bundles come from and go into; nullptr when none is open.
    void setWorkspace(Workspace *workspace);

    /// Asks for the release, the kind of bundle, the key, its passphrase and the file, then exports.
    void exportBundle();
    /// Asks for a bundle and imports it.
    void importBundle();
    /// Imports `path` without asking for it (drops, tests).
    void importFile(const QString &path);
    /// What the progress widget's Cancel does. While the archive is written the writer stops and removes its
    /// temporary file, so no partial bundle appears and an existing file stays as it was; earlier steps cannot be
    /// interrupted, so their result is dropped (an import then writes nothing).
    void cancel();

Q_SIGNALS:
    /// The export's archive is being written on the worker now (the key is unlocked and the manifest signed).
    void writingStarted();
    void runningChanged(bool running);
    /// A short line for the status bar.
    void statusMessage(const QString &message);
    /// An export or import ended; `ok` is false after an error.
    void finished(bool ok);

private:
    void setRunning(bool running, const QString &text = {});
    void updateActions();
    void fail(const QString &message);

    Prompter *m_prompter = nullptr;
    QWidget *m_window = nullptr;
    QPointer<Workspace> m_workspace;
    QAction *m_exportAction = nullptr;
    QAction *m_importAction = nullptr;
    TaskProgressWidget *m_progress = nullptr;
    QTimer *m_progressTimer = nullptr;
    std::shared_ptr<std::atomic<qint64>> m_done;
    std::shared_ptr<std::atomic<qint64>> m_total;
    std::shared_ptr<std::atomic<bool>> m_cancel; ///< the running export's; a new one per export
    bool m_running = false;
    bool m_writing = false; ///< an export's archive is being written and can still be stopped
};

} // namespace strata
