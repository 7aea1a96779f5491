// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "BundleController.h"

#include "Prompter.h"
#include "TaskProgressWidget.h"
#include "bundle/BundleExporter.h"
#include "bundle/BundleImporter.h"
#include "trust/KeyFile.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QDir>
#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kProgressIntervalMs = 100;
constexpr int kProgressSteps = 1000;

/// Runs `work` on the thread pool and hands its result to `done` on the GUI thread; the watcher goes with it.
template<typename T, typename Work, typename Done>
void runInBackground(QObject *owner, Work work, Done done)
{
    auto *watcher = new QFutureWatcher<T>(owner);
    QObject::connect(watcher, &QFutureWatcherBase::finished, owner, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(work));
}

} // namespace

BundleController::BundleController(Prompter *prompter, QWidget *window)
    : QObject(window)
    , m_prompter(prompter)
    , m_window(window)
    , m_done(std::make_shared<std::atomic<qint64>>(0))
    , m_total(std::make_shared<std::atomic<qint64>>(0))
{
    m_exportAction = new QAction(tr("Export &Bundle…"), this);
    m_exportAction->setObjectName(u"exportBundleAction"_s);
    m_exportAction->setStatusTip(tr("Write a release's assessment as a signed bundle for a supplier or colleague"));
    connect(m_exportAction, &QAction::triggered, this, &BundleController::exportBundle);
    m_importAction = new QAction(tr("Import B&undle…"), this);
    m_importAction->setObjectName(u"importBundleAction"_s);
    m_importAction->setStatusTip(tr("Check a signed bundle and merge its answers and evidence"));
    connect(m_importAction, &QAction::triggered, this, &BundleController::importBundle);

    m_progress = new TaskProgressWidget(u"bundle"_s, tr("Stop waiting for the bundle"), window);
    m_progress->hide();
    connect(m_progress, &TaskProgressWidget::cancelRequested, this, &BundleController::cancel);
    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(kProgressIntervalMs);
    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        const qint64 total = m_total->load();
        m_progress->setProgress(total > 0 ? int(m_done->load() * kProgressSteps / total) : 0,
                                total > 0 ? kProgressSteps : 0);
    });
    updateActions();
}

BundleController::~BundleController()
{
    if (m_cancel)
        m_cancel->store(true);
}

void BundleController::cancel()
{
    if (!m_running)
        return;
    if (m_writing) {
        // The writer stops within one chunk and throws its temporary file away; the finish handler reports it.
        m_cancel->store(true);
        m_progress->setText(tr("Cancelling the export…"));
        return;
    }
    // Neither unlocking a key nor checking a signature can be stopped halfway: hide the progress and drop the result
    // (an import then writes nothing).
    if (m_cancel)
        m_cancel->store(true);
    m_running = false;
    m_progress->hide();
    m_progressTimer->stop();
    updateActions();
    Q_EMIT runningChanged(false);
    Q_EMIT statusMessage(tr("Stopped waiting; an import that was still being checked writes nothing."));
}

void BundleController::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    updateActions();
}

void BundleController::updateActions()
{
    m_exportAction->setEnabled(m_workspace && !m_running);
    m_importAction->setEnabled(m_workspace && !m_workspace->isReadOnly() && !m_running);
}

void BundleController::setRunning(bool running, const QString &text)
{
    m_running = running;
    m_writing = false;
    m_done->store(0);
    m_total->store(0);
    if (running) {
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

void BundleController::fail(const QString &message)
{
    setRunning(false);
    m_prompter->showError(m_window, message);
    Q_EMIT finished(false);
}

void BundleController::exportBundle()
{
    if (!m_workspace || m_running)
        return;
    const Result<QList<Release>> releases = m_workspace->releases();
    if (!releases || releases.value().isEmpty()) {
        m_prompter->showError(m_window, releases ? tr("This workspace has no release to export; create a release and "
                                                      "assess it first (Edit › New Release).")
                                                 : releases.error().message);
        return;
    }
    const std::optional<QString> release = m_prompter->askText(
        m_window, tr("Export Bundle"), tr("Release (NAME or NAME@VERSION):"), releases.value().constLast().label());
    if (!release || release->trimmed().isEmpty())
        return;
    BundleExportOptions options;
    options.release = release->trimmed();
    options.questionnaire = m_prompter->confirm(
        m_window, tr("Export Bundle"),
        tr("Export a questionnaire for a supplier to answer (the items only, without our answers, findings or "
           "evidence)? Choose No to export the assessment with everything."));
    options.keyFile =
        m_prompter->openFileName(m_window, tr("Choose Your Signing Key"), tr("Key files (*.key);;All files (*)"));
    if (options.keyFile.isEmpty())
        return;
    const std::optional<QByteArray> passphrase = m_prompter->askPassphrase(
        m_window, tr("Unlock Your Key"), tr("Passphrase of %1:").arg(QDir::toNativeSeparators(options.keyFile)));
    if (!passphrase)
        return;
    options.passphrase = *passphrase;
    options.output = m_prompter->saveFileName(m_window, tr("Export Bundle"), tr("Bundles (*.zip)"));
    if (options.output.isEmpty())
        return;
    if (!options.output.endsWith(u".zip"_s, Qt::CaseInsensitive))
        options.output += u".zip"_s;

    setRunning(true, tr("Unlocking the key…"));
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    // 1. The key, on a worker: PBKDF2 with 600,000 rounds takes a noticeable moment.
    runInBackground<std::optional<Result<PrivateKey>>>(
        this,
        [options] { return std::optional<Result<PrivateKey>>(KeyFile::read(options.keyFile, options.passphrase)); },
        [this, options](const std::optional<Result<PrivateKey>> &key) {
            if (!m_running)
                return;
            if (!key || !key->ok())
                return fail(key ? key->error().message : tr("The key could not be read."));
            // 2. The manifest and its signature, on the GUI thread, which owns the workspace.
            if (!m_workspace)
                return fail(tr("The bundle was not exported: the workspace was closed."));
            Result<PreparedExport> prepared = BundleExporter::prepare(*m_workspace, options, key->value());
            if (!prepared)
                return fail(prepared.error().message);
            m_progress->setText(tr("Writing the bundle…"));
            // 3. The archive, on a worker: every evidence file is read, hashed and written.
            const PreparedExport ready = prepared.value();
            auto done = m_done;
            auto total = m_total;
            auto cancel = m_cancel;
            m_writing = true;
            Q_EMIT writingStarted();
            runInBackground<Status>(
                this,
                [ready, done, total, cancel] {
                    return BundleExporter::write(
                        ready,
                        [done, total](qint64 d, qint64 t) {
                            done->store(d);
                            total->store(t);
                        },
                        cancel.get());
                },
                [this, ready](const Status &written) {
                    if (!written && written.error().code == ErrorCode::Cancelled) {
                        setRunning(false);
                        Q_EMIT statusMessage(tr("Export cancelled: %1 was not written; a file already there is "
                                                "unchanged.")
                                                 .arg(QDir::toNativeSeparators(ready.output)));
                        Q_EMIT finished(false);
                        return;
                    }
                    if (!written)
                        return fail(written.error().message);
                    setRunning(false);
                    const BundleExportResult &r = ready.result;
                    Q_EMIT statusMessage(
                        tr("Exported %1 to %2.").arg(r.releaseLabel, QDir::toNativeSeparators(r.path)));
                    m_prompter->showInfo(
                        m_window, tr("Bundle Exported"),
                        tr("The bundle of %1 was written to %2 and signed by %3: %n evidence file(s).", "", r.evidence)
                            .arg(r.releaseLabel, QDir::toNativeSeparators(r.path), r.signer));
                    Q_EMIT finished(true);
                });
        });
}

void BundleController::importBundle()
{
    if (!m_workspace || m_running)
        return;
    const QString path = m_prompter->openFileName(m_window, tr("Import Bundle"), tr("Bundles (*.zip);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void BundleController::importFile(const QString &path)
{
    if (!m_workspace || m_running)
        return;
    if (m_workspace->isReadOnly())
        return fail(tr("This workspace is read-only (%1), so no bundle can be imported into it.")
                        .arg(m_workspace->readOnlyReason()));
    // What the checks need from the workspace is read here, on the GUI thread; the worker never touches it.
    const Result<QList<Identity>> identities = m_workspace->identities();
    if (!identities)
        return fail(identities.error().message);
    QHash<QString, qint64> lastSequences;
    for (const Identity &identity : identities.value()) {
        const Result<qint64> last = m_workspace->lastImportedBundleSequence(identity.fingerprint);
        if (!last)
            return fail(last.error().message);
        lastSequences.insert(identity.fingerprint, last.value());
    }
    const QList<Identity> trusted = identities.value();
    const QString evidenceFolder = m_workspace->evidenceFolder();
    setRunning(true, tr("Checking %1…").arg(QDir::toNativeSeparators(path)));
    auto done = m_done;
    auto total = m_total;
    runInBackground<std::optional<Result<PreparedBundle>>>(
        this,
        [path, trusted, lastSequences, evidenceFolder, done, total] {
            return std::optional<Result<PreparedBundle>>(BundleImporter::prepare(
                path, trusted, lastSequences, evidenceFolder, ZipLimits{}, [done, total](qint64 d, qint64 t) {
                    done->store(d);
                    total->store(t);
                }));
        },
        [this](std::optional<Result<PreparedBundle>> prepared) {
            // After Cancel the checked bundle is dropped: its staged copies go with it, and nothing was written.
            if (!m_running)
                return;
            if (!prepared || !prepared->ok())
                return fail(prepared ? prepared->error().message : tr("The bundle could not be checked."));
            if (!m_workspace)
                return fail(tr("The bundle was not imported: the workspace was closed."));
            const Result<BundleImportResult> applied = BundleImporter::apply(*m_workspace, prepared->value());
            if (!applied)
                return fail(applied.error().message);
            setRunning(false);
            const BundleImportResult &r = applied.value();
            const BundleMergeSummary &m = r.merged;
            Q_EMIT statusMessage(tr("Imported the bundle of %1 from %2.").arg(m.releaseLabel, r.signer.name));
            const QString text =
                r.kind == BundleManifest::Kind::Questionnaire
                    ? tr("The questionnaire for %1, signed by %2, was checked and merged.\nRecords: %3 added, %4 "
                         "updated. Assessments created: %5.")
                          .arg(m.releaseLabel, r.signer.name)
                          .arg(m.recordsAdded)
                          .arg(m.recordsUpdated)
                          .arg(m.assessmentsCreated)
                    : tr("The assessment bundle of %1, signed by %2, was checked and merged.\nRecords: %3 added, %4 "
                         "updated. Assessments created: %5. Answers changed: %6. Findings added: %7. Evidence files "
                         "added: %8.")
                          .arg(m.releaseLabel, r.signer.name)
                          .arg(m.recordsAdded)
                          .arg(m.recordsUpdated)
                          .arg(m.assessmentsCreated)
                          .arg(m.answersChanged)
                          .arg(m.findingsAdded)
                          .arg(m.evidenceAdded);
            m_prompter->showInfo(m_window, tr("Bundle Imported"), text);
            Q_EMIT finished(true);
        });
}

} // namespace strata
