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
#include <QWidget>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace strata {

BundleController::BundleController(Prompter *prompter, QWidget *window)
    : BackgroundTask(prompter, window, u"bundle"_s, tr("Stop waiting for the bundle"))
{
    m_exportAction = new QAction(tr("Export &Bundle…"), this);
    m_exportAction->setObjectName(u"exportBundleAction"_s);
    m_exportAction->setStatusTip(tr("Write a release's assessment as a signed bundle for a supplier or colleague"));
    connect(m_exportAction, &QAction::triggered, this, &BundleController::exportBundle);
    m_importAction = new QAction(tr("Import B&undle…"), this);
    m_importAction->setObjectName(u"importBundleAction"_s);
    m_importAction->setStatusTip(tr("Check a signed bundle and merge its answers and evidence"));
    connect(m_importAction, &QAction::triggered, this, &BundleController::importBundle);
    connect(this, &BackgroundTask::runningChanged, this, [this] { m_writing = false; });
    updateActions();
}

BundleController::~BundleController() = default;

void BundleController::cancel()
{
    if (!isRunning())
        return;
    job()->cancel.store(true);
    if (m_writing) {
        // The writer stops within one chunk and throws its temporary file away; the finish handler reports it.
        setProgressText(tr("Cancelling the export…"));
        return;
    }
    // Neither unlocking a key nor checking a signature can be stopped halfway: hide the progress and drop the result
    // (an import then writes nothing).
    setRunning(false);
    Q_EMIT statusMessage(tr("Stopped waiting; an import that was still being checked writes nothing."));
}

void BundleController::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    updateActions();
}

void BundleController::updateActions()
{
    m_exportAction->setEnabled(m_workspace && !isRunning());
    m_importAction->setEnabled(m_workspace && !m_workspace->isReadOnly() && !isRunning());
}

void BundleController::reportFinished(bool ok, const QString &)
{
    Q_EMIT finished(ok);
}

void BundleController::exportBundle()
{
    if (!m_workspace || isRunning())
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
    const std::shared_ptr<JobState> state = job();
    // 1. The key, on a worker: PBKDF2 with 600,000 rounds takes a noticeable moment.
    runInBackground<std::optional<Result<PrivateKey>>>(
        [options] { return std::optional<Result<PrivateKey>>(KeyFile::read(options.keyFile, options.passphrase)); },
        [this, options, state](const std::optional<Result<PrivateKey>> &key) {
            if (!isRunning() || state != job())
                return;
            if (!key || !key->ok())
                return fail(key ? key->error().message : tr("The key could not be read."));
            // 2. The manifest and its signature, on the GUI thread, which owns the workspace.
            if (!m_workspace)
                return fail(tr("The bundle was not exported: the workspace was closed."));
            Result<PreparedExport> prepared = BundleExporter::prepare(*m_workspace, options, key->value());
            if (!prepared)
                return fail(prepared.error().message);
            setProgressText(tr("Writing the bundle…"));
            // 3. The archive, on a worker: every evidence file is read, hashed and written.
            const PreparedExport ready = prepared.value();
            m_writing = true;
            Q_EMIT writingStarted();
            runInBackground<Status>(
                [ready, state] {
                    return BundleExporter::write(
                        ready,
                        [state](qint64 d, qint64 t) {
                            state->done.store(d);
                            state->total.store(t);
                        },
                        &state->cancel);
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
    if (!m_workspace || isRunning())
        return;
    const QString path = m_prompter->openFileName(m_window, tr("Import Bundle"), tr("Bundles (*.zip);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void BundleController::importFile(const QString &path)
{
    if (!m_workspace || isRunning())
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
    const std::shared_ptr<JobState> state = job();
    runInBackground<std::optional<Result<PreparedBundle>>>(
        [path, trusted, lastSequences, evidenceFolder, state] {
            return std::optional<Result<PreparedBundle>>(BundleImporter::prepare(
                path, trusted, lastSequences, evidenceFolder, ZipLimits{}, [state](qint64 d, qint64 t) {
                    state->done.store(d);
                    state->total.store(t);
                }));
        },
        [this, state](std::optional<Result<PreparedBundle>> prepared) {
            // After Cancel the checked bundle is dropped: its staged copies go with it, and nothing was written.
            if (!isRunning() || state != job())
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
