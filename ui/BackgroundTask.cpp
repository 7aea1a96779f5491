// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "BackgroundTask.h"

#include "Prompter.h"
#include "TaskProgressWidget.h"

#include <QTimer>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kProgressIntervalMs = 100;
constexpr int kProgressSteps = 1000;

} // namespace

BackgroundTask::BackgroundTask(Prompter *prompter, QWidget *window, const QString &prefix, const QString &cancelName)
    : QObject(window)
    , m_prompter(prompter)
    , m_window(window)
    , m_job(std::make_shared<JobState>())
{
    m_progress = new TaskProgressWidget(prefix, cancelName, window);
    m_progress->hide();
    connect(m_progress, &TaskProgressWidget::cancelRequested, this, [this] {
        if (m_running)
            cancel();
    });
    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(kProgressIntervalMs);
    connect(m_progressTimer, &QTimer::timeout, this, &BackgroundTask::updateProgress);
}

BackgroundTask::~BackgroundTask()
{
    // A worker still running sees the flag at its next check; its result is dropped with the watcher.
    m_job->cancel.store(true);
}

void BackgroundTask::setRunning(bool running, const QString &text)
{
    m_running = running;
    if (running) {
        m_job->cancel.store(true); // a worker of an earlier job, dropped after Cancel, stops too
        m_job = std::make_shared<JobState>();
        m_progress->setText(text);
        m_progress->setProgress(0, 0);
        m_progress->show();
        m_progressTimer->start();
    } else {
        m_progressTimer->stop();
        m_progress->hide();
    }
    updateActions();
    Q_EMIT runningChanged(running);
}

void BackgroundTask::setProgressText(const QString &text)
{
    m_progress->setText(text);
}

void BackgroundTask::fail(const QString &message)
{
    setRunning(false);
    m_prompter->showError(m_window, message);
    reportFinished(false, message);
}

void BackgroundTask::updateProgress()
{
    const qint64 total = m_job->total.load();
    const qint64 done = std::min(m_job->done.load(), total);
    m_progress->setProgress(total > 0 ? int(done * kProgressSteps / total) : 0, total > 0 ? kProgressSteps : 0);
}

} // namespace strata
