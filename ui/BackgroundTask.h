// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "PoolJob.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>

class QTimer;
class QWidget;

namespace strata {

class Prompter;
class TaskProgressWidget;

/// The shape the status-bar jobs share (backups, bundles, catalogs): one job at a time, its progress and Cancel in
/// the status bar, workers whose results come back on the GUI thread, and errors shown through the Prompter. Written
/// once here so the three cannot drift apart in how they start, report, fail and stop.
class BackgroundTask : public QObject
{
    Q_OBJECT

public:
    /// The progress widget's children are named "<prefix>Label", "<prefix>ProgressBar", "<prefix>CancelButton";
    /// `cancelName` is what a screen reader says for Cancel.
    BackgroundTask(Prompter *prompter, QWidget *window, const QString &prefix, const QString &cancelName);
    ~BackgroundTask() override;

    TaskProgressWidget *progressWidget() const { return m_progress; }
    bool isRunning() const { return m_running; }
    /// What the progress widget's Cancel does; each task says what stopping means for it.
    virtual void cancel() = 0;

Q_SIGNALS:
    void runningChanged(bool running);
    /// A short line for the status bar.
    void statusMessage(const QString &message);

protected:
    /// The running job's progress and stop flag, shared with its workers so a worker that outlives the job (or the
    /// task) writes into memory it owns. A new one for every job.
    struct JobState
    {
        std::atomic<qint64> done{0};
        std::atomic<qint64> total{0}; ///< 0: unknown, the bar shows a busy indicator
        std::atomic<bool> cancel{false};
    };

    /// The job started by the last setRunning(true).
    const std::shared_ptr<JobState> &job() const { return m_job; }
    /// Shows (with `text`) or hides the progress, starts a fresh JobState on start, and updates the actions.
    void setRunning(bool running, const QString &text = {});
    void setProgressText(const QString &text);
    /// Ends the job with an error shown through the Prompter, then reportFinished(false, message).
    void fail(const QString &message);
    /// Emits the subclass's own "finished" signal.
    virtual void reportFinished(bool ok, const QString &message) = 0;
    /// Enables the subclass's actions for the current workspace and isRunning().
    virtual void updateActions() = 0;

    /// Runs `work` on the thread pool and hands its result to `done` on the GUI thread; the watcher goes with it.
    template<typename T, typename Work, typename Done>
    void runInBackground(Work work, Done done)
    {
        auto *watcher = new QFutureWatcher<T>(this);
        QObject::connect(watcher, &QFutureWatcherBase::finished, this, [watcher, done] {
            watcher->deleteLater();
            done(watcher->result());
        });
        watcher->setFuture(runPoolJob(work));
    }

    Prompter *m_prompter = nullptr;
    QWidget *m_window = nullptr;

private:
    void updateProgress();

    TaskProgressWidget *m_progress = nullptr;
    QTimer *m_progressTimer = nullptr;
    std::shared_ptr<JobState> m_job;
    bool m_running = false;
};

} // namespace strata
