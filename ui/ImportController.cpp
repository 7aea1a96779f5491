// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ImportController.h"

#include "PoolJob.h"
#include "Prompter.h"
#include "TaskCheckpoint.h"
#include "TaskProgressWidget.h"
#include "interop/DocumentReader.h"
#include "interop/ImportDocument.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QMimeData>
#include <QTimer>
#include <QUrl>
#include <QWidget>

#include <atomic>
#include <optional>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcImport, "strata.ui.import", QtInfoMsg)

namespace strata {
namespace {

constexpr int kStepsPerFile = 1000; // ImportLimits::progress reports 0..1000 per file
constexpr int kProgressIntervalMs = 100;

} // namespace

/// One file being read on a worker thread. Shared by the job and the worker, so a cancelled read can finish on its
/// own after the job is gone; the worker writes `result` and the GUI thread reads it once the future has finished.
struct ImportController::FileRead
{
    QString path;
    std::atomic<bool> cancel{false};
    std::atomic<int> progress{0};
    std::optional<Result<ImportDocument>> result;
};

/// The files of one import, in order, and what became of those done.
struct ImportController::Job
{
    QStringList queue;
    int total = 0;
    int done = 0;
    QList<ImportOutcome> outcomes;
    std::shared_ptr<FileRead> current;
};

ImportController::ImportController(Prompter *prompter, QWidget *window)
    : QObject(window)
    , m_prompter(prompter)
    , m_window(window)
{
    m_progress = new TaskProgressWidget(u"import"_s, tr("Cancel the import"), window);
    m_progress->hide();
    connect(m_progress, &TaskProgressWidget::cancelRequested, this, &ImportController::cancel);
    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(kProgressIntervalMs);
    connect(m_progressTimer, &QTimer::timeout, this, &ImportController::updateProgress);
}

ImportController::~ImportController()
{
    // A read still running stops at its next check and its result is dropped with it.
    if (m_job && m_job->current)
        m_job->current->cancel.store(true);
}

void ImportController::setWorkspace(Workspace *workspace)
{
    if (workspace == m_workspace)
        return;
    if (m_job) {
        if (m_job->current)
            m_job->current->cancel.store(true);
        m_job.reset();
        m_progressTimer->stop();
        m_progress->hide();
        Q_EMIT runningChanged(false);
    }
    if (m_summary)
        m_summary->close();
    m_workspace = workspace;
}

QStringList ImportController::droppedFiles(const QMimeData *data) const
{
    if (!m_workspace || m_workspace->isReadOnly() || !data || !data->hasUrls())
        return {};
    QStringList paths;
    for (const QUrl &url : data->urls()) {
        if (!url.isLocalFile())
            return {};
        paths << url.toLocalFile();
    }
    return paths;
}

void ImportController::chooseAndImport()
{
    if (!m_workspace)
        return;
    const QStringList paths = m_prompter->openFileNames(m_window, tr("Import BOMs and Cards"),
                                                        tr("BOMs and cards (*.json *.md);;All files (*)"));
    if (!paths.isEmpty())
        importPaths(paths);
}

void ImportController::importPaths(const QStringList &paths)
{
    if (!m_workspace || paths.isEmpty())
        return;
    if (m_workspace->isReadOnly()) {
        m_prompter->showError(m_window, tr("This workspace is read-only (%1), so nothing can be imported into it. "
                                           "Open a copy you can write to.")
                                            .arg(m_workspace->readOnlyReason()));
        return;
    }
    QStringList missing;
    const QStringList files = DocumentReader::expandPaths(paths, &missing);
    if (files.isEmpty() && missing.isEmpty()) {
        QStringList shown;
        for (const QString &path : paths)
            shown << QDir::toNativeSeparators(path);
        m_prompter->showError(m_window, tr("There is nothing to import in %1: folders are searched for Markdown "
                                           "cards (*.md) and *.json documents.")
                                            .arg(shown.join(tr(", ", "list separator"))));
        return;
    }
    const bool starting = !m_job;
    if (starting)
        m_job = std::make_unique<Job>();
    for (const QString &path : std::as_const(missing)) {
        ImportOutcome outcome;
        outcome.path = path;
        outcome.error = tr("%1 does not exist; it may have been moved or deleted.").arg(QDir::toNativeSeparators(path));
        m_job->outcomes << outcome;
    }
    m_job->queue << files;
    m_job->total += static_cast<int>(files.size());
    if (!starting)
        return;
    m_progress->show();
    m_progressTimer->start();
    Q_EMIT runningChanged(true);
    startNext();
}

void ImportController::startNext()
{
    if (m_job->queue.isEmpty()) {
        finish();
        return;
    }
    auto read = std::make_shared<FileRead>();
    read->path = m_job->queue.takeFirst();
    m_job->current = read;
    // The watcher goes when its read ends, also after Cancel: onFileRead then finds the read is no longer current.
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, read] {
        watcher->deleteLater();
        onFileRead(read);
    });
    watcher->setFuture(runPoolJob([read] {
        ImportLimits limits;
        limits.cancel = &read->cancel;
        limits.progress = [read](int value) {
            TaskCheckpoint::reach("import.read");
            read->progress.store(value, std::memory_order_relaxed);
        };
        read->result.emplace(DocumentReader::readFile(read->path, limits));
    }));
    updateProgress();
}

void ImportController::onFileRead(const std::shared_ptr<FileRead> &read)
{
    // After Cancel the job is gone (or is a new one): this read's result is never applied.
    if (!m_job || m_job->current != read)
        return;
    m_job->current.reset();
    ImportOutcome outcome;
    outcome.path = read->path;
    if (!read->result) {
        outcome.error = tr("%1 could not be read: the reader stopped unexpectedly. Nothing was imported from it.")
                            .arg(QDir::toNativeSeparators(read->path));
    } else if (!read->result->ok()) {
        outcome.error = read->result->error().message;
    } else if (!m_workspace) {
        outcome.error = tr("%1 was not imported: the workspace was closed.").arg(QDir::toNativeSeparators(read->path));
    } else {
        const Result<ImportSummary> applied = applyOnGuiThread(read->path, read->result->value());
        qCDebug(lcImport) << "applied" << read->path << "in" << m_lastApplyMs << "ms";
        if (!applied && applied.error().code == ErrorCode::Cancelled) {
            finishCancelled(1); // the file whose write was rolled back
            return;
        }
        outcome.ok = applied.ok();
        if (applied)
            outcome.summary = applied.value();
        else
            outcome.error = applied.error().message;
    }
    m_job->outcomes << outcome;
    ++m_job->done;
    startNext();
}

Result<ImportSummary> ImportController::applyOnGuiThread(const QString &path, const ImportDocument &document)
{
    // One transaction on the GUI thread, which owns the workspace connection. The write reports progress; from
    // there the event loop runs every 50 ms so the window repaints and Cancel works. The rest of the window is
    // disabled meanwhile, and the workspace refuses other writes until the import is done.
    const QString name = QFileInfo(path).fileName();
    m_progress->setText(tr("Adding %1 to the workspace…").arg(name));
    QList<QPointer<QWidget>> disabled;
    for (QWidget *child : m_window->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
        if (child->isEnabled() && child != m_progress && !child->isAncestorOf(m_progress)) {
            child->setEnabled(false);
            disabled << child;
        }
    }
    QGuiApplication::setOverrideCursor(Qt::BusyCursor);
    m_applying = true;
    m_cancelApply = false;
    QElapsedTimer timer;
    timer.start();
    QElapsedTimer sinceEvents;
    sinceEvents.start();
    const int fileBase = m_job->done * kStepsPerFile + kStepsPerFile / 2; // reading was the first half
    const int scale = std::max(1, m_job->total) * kStepsPerFile;
    ImportOptions options;
    options.progress = [&](int done, int total) {
        TaskCheckpoint::reach("import.apply");
        if (sinceEvents.elapsed() >= 50) {
            m_progress->setProgress(
                fileBase + static_cast<int>(qint64(done) * (kStepsPerFile / 2) / std::max(1, total)), scale);
            m_progress->setText(tr("Adding %1 to the workspace: %2 of %3 rows…").arg(name).arg(done).arg(total));
            QCoreApplication::processEvents(QEventLoop::AllEvents, 25);
            sinceEvents.restart();
        }
        return !m_cancelApply;
    };
    const Result<ImportSummary> applied = m_workspace->applyImport(document, options);
    m_lastApplyMs = timer.elapsed();
    m_applying = false;
    QGuiApplication::restoreOverrideCursor();
    for (const QPointer<QWidget> &w : std::as_const(disabled)) {
        if (w)
            w->setEnabled(true);
    }
    return applied;
}

void ImportController::finishCancelled(int inFlight)
{
    const int notImported = static_cast<int>(m_job->queue.size()) + inFlight;
    m_job->queue.clear();
    m_job->current.reset();
    m_job->total = m_job->done + notImported;
    finish();
}

void ImportController::cancel()
{
    if (!m_job)
        return;
    if (m_applying) {
        m_cancelApply = true; // the write sees it at its next progress report and rolls back
        return;
    }
    if (m_job->current)
        m_job->current->cancel.store(true);
    finishCancelled(m_job->current ? 1 : 0);
}

void ImportController::finish()
{
    const std::unique_ptr<Job> job = std::move(m_job);
    m_progressTimer->stop();
    m_progress->hide();
    Q_EMIT runningChanged(false);
    const int notImported = job->total - job->done;
    if (job->outcomes.isEmpty()) {
        Q_EMIT statusMessage(tr("Import cancelled; nothing was changed."));
        return;
    }
    if (m_summary)
        m_summary->close();
    m_summary = new ImportSummaryDialog(job->outcomes, notImported, m_window);
    m_summary->setAttribute(Qt::WA_DeleteOnClose);
    m_summary->show();
    m_summary->raise();
    m_summary->activateWindow();
    Q_EMIT statusMessage(m_summary->headline().section(u'\n', 0, 0));
    Q_EMIT summaryShown(m_summary);
}

void ImportController::updateProgress()
{
    if (!m_job || !m_job->current)
        return;
    // Reading a file is the first half of its share of the bar, writing it the second.
    const int value = m_job->done * kStepsPerFile + m_job->current->progress.load(std::memory_order_relaxed) / 2;
    m_progress->setProgress(value, std::max(1, m_job->total) * kStepsPerFile);
    m_progress->setText(tr("Importing %1 (%2 of %3)…")
                            .arg(QFileInfo(m_job->current->path).fileName())
                            .arg(m_job->done + 1)
                            .arg(m_job->total));
}

} // namespace strata
