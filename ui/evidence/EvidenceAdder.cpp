// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "EvidenceAdder.h"

#include "PoolJob.h"
#include "Prompter.h"
#include "TaskProgressWidget.h"
#include "evidence/EvidenceStore.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMimeData>
#include <QTimer>
#include <QUrl>
#include <QWidget>

#include <algorithm>
#include <atomic>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace strata {
namespace {

constexpr int kProgressIntervalMs = 100;
constexpr int kScale = 1000;

} // namespace

/// One file being copied on a worker thread; shared with the worker so a cancelled copy can end after the job.
struct EvidenceAdder::Copy
{
    QString path;
    QString storeRoot;
    std::atomic<bool> cancel{false};
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
    std::optional<Result<StoredBlob>> result;
};

/// The files of one add, in order.
struct EvidenceAdder::Job
{
    QStringList queue;
    QVariant context;
    int total = 0;
    int finished = 0;
    int added = 0;
    std::shared_ptr<Copy> current;
};

EvidenceAdder::EvidenceAdder(Prompter *prompter, QWidget *window)
    : QObject(window)
    , m_prompter(prompter)
    , m_window(window)
{
    m_progress = new TaskProgressWidget(u"evidence"_s, tr("Cancel adding evidence"));
    m_progress->hide();
    connect(m_progress, &TaskProgressWidget::cancelRequested, this, &EvidenceAdder::cancel);
    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(kProgressIntervalMs);
    connect(m_progressTimer, &QTimer::timeout, this, &EvidenceAdder::updateProgress);
}

EvidenceAdder::~EvidenceAdder()
{
    if (m_job && m_job->current)
        m_job->current->cancel.store(true);
    if (!m_progress->parent())
        delete m_progress;
}

void EvidenceAdder::setWorkspace(Workspace *workspace)
{
    if (workspace == m_workspace)
        return;
    if (m_job)
        cancel();
    m_workspace = workspace;
}

QStringList EvidenceAdder::droppedFiles(const QMimeData *data) const
{
    if (!m_workspace || m_workspace->isReadOnly() || !data || !data->hasUrls())
        return {};
    QStringList paths;
    for (const QUrl &url : data->urls()) {
        if (!url.isLocalFile() || !QFileInfo(url.toLocalFile()).isFile())
            return {};
        paths << url.toLocalFile();
    }
    return paths;
}

void EvidenceAdder::chooseAndAdd(const QVariant &context)
{
    if (!m_workspace)
        return;
    const QStringList paths = m_prompter->openFileNames(m_window, tr("Add Evidence"), tr("All files (*)"));
    if (!paths.isEmpty())
        addFiles(paths, context);
}

void EvidenceAdder::addFiles(const QStringList &paths, const QVariant &context)
{
    if (!m_workspace || paths.isEmpty())
        return;
    if (m_job) {
        m_prompter->showError(m_window, tr("Evidence is being added already; wait until it is done or cancel it, "
                                           "then add %1 again.")
                                            .arg(QDir::toNativeSeparators(paths.first())));
        return;
    }
    // Bad input is refused before anything is copied.
    for (const QString &path : paths) {
        EvidenceInput input;
        input.path = path;
        if (const Status s = m_workspace->checkEvidenceInput(input); !s) {
            m_prompter->showError(m_window, s.error().message);
            return;
        }
    }
    m_job = std::make_unique<Job>();
    m_job->queue = paths;
    m_job->context = context;
    m_job->total = static_cast<int>(paths.size());
    m_progress->show();
    m_progressTimer->start();
    Q_EMIT runningChanged(true);
    startNext();
}

void EvidenceAdder::cancel()
{
    if (!m_job)
        return;
    if (m_job->current)
        m_job->current->cancel.store(true);
    finish(true);
}

void EvidenceAdder::startNext()
{
    if (m_job->queue.isEmpty()) {
        finish(false);
        return;
    }
    auto copy = std::make_shared<Copy>();
    copy->path = m_job->queue.takeFirst();
    copy->storeRoot = m_workspace->evidenceFolder();
    m_job->current = copy;
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, copy] {
        watcher->deleteLater();
        onCopied(copy);
    });
    watcher->setFuture(runPoolJob([copy] {
        EvidenceAddOptions options;
        options.cancel = &copy->cancel;
        options.progress = [copy](qint64 done, qint64 total) {
            copy->done.store(done, std::memory_order_relaxed);
            copy->total.store(total, std::memory_order_relaxed);
        };
        copy->result.emplace(EvidenceStore(copy->storeRoot).store(copy->path, options));
    }));
    updateProgress();
}

void EvidenceAdder::onCopied(const std::shared_ptr<Copy> &copy)
{
    // After Cancel the job is gone (or is a new one): the copy is never recorded.
    if (!m_job || m_job->current != copy)
        return;
    m_job->current.reset();
    ++m_job->finished;
    const QString shown = QDir::toNativeSeparators(copy->path);
    if (!m_workspace) {
        finish(true);
        return;
    }
    if (!copy->result || !copy->result->ok()) {
        m_prompter->showError(m_window, copy->result ? copy->result->error().message
                                                     : tr("%1 could not be copied into the evidence store: the copy "
                                                          "stopped unexpectedly. Nothing was added.")
                                                           .arg(shown));
        if (m_job)
            startNext();
        return;
    }
    EvidenceInput input;
    input.path = copy->path;
    const StoredBlob &blob = copy->result->value();
    const Result<EvidenceAddResult> recorded =
        m_workspace->recordStoredEvidence(input, blob.sha256, blob.size, blob.created);
    if (!recorded) {
        m_prompter->showError(m_window, recorded.error().message);
    } else {
        ++m_job->added;
        Q_EMIT evidenceAdded(recorded.value().evidence, recorded.value().created, m_job->context);
    }
    if (m_job)
        startNext();
}

void EvidenceAdder::finish(bool cancelled)
{
    const int added = m_job ? m_job->added : 0;
    m_job.reset();
    m_progressTimer->stop();
    m_progress->hide();
    Q_EMIT runningChanged(false);
    Q_EMIT finished(added, cancelled);
}

void EvidenceAdder::updateProgress()
{
    if (!m_job)
        return;
    qint64 done = 0;
    qint64 total = 0;
    QString name;
    if (m_job->current) {
        done = m_job->current->done.load(std::memory_order_relaxed);
        total = m_job->current->total.load(std::memory_order_relaxed);
        name = QFileInfo(m_job->current->path).fileName();
    }
    const int fileShare = total > 0 ? static_cast<int>(done * kScale / total) : 0;
    m_progress->setProgress(m_job->finished * kScale + fileShare, std::max(1, m_job->total) * kScale);
    m_progress->setText(m_job->total > 1
                            ? tr("Adding evidence %1 (%2 of %3)…").arg(name).arg(m_job->finished + 1).arg(m_job->total)
                            : tr("Adding evidence %1…").arg(name));
}

} // namespace strata
