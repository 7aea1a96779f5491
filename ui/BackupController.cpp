// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "BackupController.h"

#include "Prompter.h"
#include "TaskCheckpoint.h"
#include "TaskProgressWidget.h"
#include "storage/PageCopy.h"
#include "workspace/RestoreAudit.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QTemporaryFile>
#include <QTimer>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

/// Pages copied per slice on the GUI thread: about a megabyte, a few milliseconds between two events.
constexpr int kPagesPerSlice = 256;

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

/// An unused name in `folder` starting with `prefix`; empty when the folder is not writable.
QString reserveName(const QString &folder, const QString &prefix)
{
    QTemporaryFile reserve(QDir(folder).filePath(prefix + u"-XXXXXX"_s));
    if (!reserve.open())
        return {};
    return reserve.fileName(); // removed again when `reserve` goes; the page copy creates it anew
}

/// Why a generation was made, in words (its file name carries the key).
QString reasonText(const QString &reason)
{
    if (reason == u"manual"_s)
        return BackupController::tr("made on request");
    if (reason == u"before-migration"_s)
        return BackupController::tr("before an upgrade");
    if (reason == u"before-restore"_s)
        return BackupController::tr("replaced by a restore");
    return reason;
}

} // namespace

BackupController::BackupController(Prompter *prompter, QWidget *window)
    : BackgroundTask(prompter, window, u"backup"_s, tr("Cancel the backup, restore or check"))
{
    m_backupAction = new QAction(tr("Back &Up Workspace…"), this);
    m_backupAction->setObjectName(u"backupWorkspaceAction"_s);
    m_backupAction->setStatusTip(tr("Make a checked copy of the workspace, as a new backup or as a file"));
    connect(m_backupAction, &QAction::triggered, this, &BackupController::backUp);
    m_restoreAction = new QAction(tr("Restore from Bac&kup…"), this);
    m_restoreAction->setObjectName(u"restoreWorkspaceAction"_s);
    m_restoreAction->setStatusTip(tr("Replace the workspace with one of its backups, keeping the current one"));
    connect(m_restoreAction, &QAction::triggered, this, &BackupController::restore);
    m_checkAction = new QAction(tr("Check Workspace &Integrity"), this);
    m_checkAction->setObjectName(u"checkIntegrityAction"_s);
    m_checkAction->setStatusTip(tr("Read every page of the workspace and check that it is consistent"));
    connect(m_checkAction, &QAction::triggered, this, &BackupController::checkIntegrity);
    m_sliceTimer = new QTimer(this);
    m_sliceTimer->setInterval(0);
    connect(m_sliceTimer, &QTimer::timeout, this, &BackupController::copySlice);
    updateActions();
}

BackupController::~BackupController() = default;

void BackupController::setWorkspace(Workspace *workspace)
{
    if (m_copy && workspace != m_workspace) {
        // The copy reads through the old workspace's connection, which is about to go.
        m_sliceTimer->stop();
        m_copy.reset();
        m_afterCopy = nullptr;
        endCancelled(tr("The backup or check stopped: the workspace was closed. Nothing was kept."));
    }
    m_workspace = workspace;
    updateActions();
}

void BackupController::setHost(CloseWorkspace close, OpenWorkspace open)
{
    m_close = std::move(close);
    m_open = std::move(open);
}

void BackupController::updateActions()
{
    m_backupAction->setEnabled(m_workspace && !isRunning());
    m_restoreAction->setEnabled(m_workspace && !isRunning() && m_close && m_open);
    m_checkAction->setEnabled(m_workspace && !isRunning());
}

void BackupController::reportFinished(bool ok, const QString &)
{
    Q_EMIT finished(ok);
}

void BackupController::cancel()
{
    if (!isRunning())
        return;
    job()->cancel.store(true); // a worker stops at its next progress report and removes what it made
    if (m_copy) {
        m_sliceTimer->stop();
        m_copy.reset(); // removes the partial copy
        m_afterCopy = nullptr;
        endCancelled(m_cancelledMessage);
        return;
    }
    setProgressText(tr("Cancelling…"));
}

void BackupController::endCancelled(const QString &message)
{
    setRunning(false);
    Q_EMIT statusMessage(message);
    Q_EMIT finished(false);
}

BackupProgress BackupController::progressFn(const char *operation) const
{
    const std::shared_ptr<JobState> state = job();
    const QByteArray prefix(operation);
    const QByteArray labels[] = {prefix + ".check", prefix + ".copy", prefix + ".check-copy"};
    return [state, labels](BackupStep step, qint64 done, qint64 total) {
        TaskCheckpoint::reach(labels[int(step)].constData());
        state->done.store(done);
        state->total.store(total);
        return !state->cancel.load();
    };
}

bool BackupController::startCopy(const QString &file, const QString &text, AfterCopy after)
{
    Result<std::unique_ptr<PageCopy>> copy = PageCopy::begin(m_workspace->database(), file);
    if (!copy) {
        m_prompter->showError(m_window, m_copyFailure.arg(copy.error().message));
        return false;
    }
    m_copy = std::move(copy).value();
    m_afterCopy = std::move(after);
    setRunning(true, text);
    m_sliceTimer->start();
    return true;
}

void BackupController::copySlice()
{
    if (!m_copy) {
        m_sliceTimer->stop();
        return;
    }
    TaskCheckpoint::reach("backup.copy");
    if (!m_copy) // cancelled at the checkpoint
        return;
    const Result<bool> stepped = m_copy->step(kPagesPerSlice);
    job()->done.store(m_copy->pagesDone());
    job()->total.store(m_copy->pageCount());
    if (stepped && !stepped.value())
        return; // more to copy at the next turn of the event loop
    m_sliceTimer->stop();
    const QString file = m_copy->file();
    m_copy.reset(); // a complete copy stays; a failed one is removed
    if (!stepped) {
        m_afterCopy = nullptr;
        fail(m_copyFailure.arg(stepped.error().message));
        return;
    }
    const AfterCopy after = std::move(m_afterCopy);
    m_afterCopy = nullptr;
    after(file);
}

void BackupController::backUp()
{
    if (!m_workspace || isRunning())
        return;
    const QString folder = Backups::folderFor(m_workspace->path());
    const std::optional<int> choice = m_prompter->askChoice(
        m_window, tr("Back Up Workspace"), tr("Where should the backup go?"),
        {tr("A new backup in %1 (the newest %2 are kept)").arg(native(folder)).arg(Backups::kKeep),
         tr("A file I choose…")});
    if (!choice)
        return;
    if (*choice == 0) {
        if (!QDir().mkpath(folder)) {
            m_prompter->showError(m_window, tr("Cannot create the backup folder %1; check that its folder is "
                                               "writable.")
                                                .arg(native(folder)));
            return;
        }
        backUpTo(Backups::newGenerationPath(m_workspace->path(), m_workspace->database().schemaVersion(), u"manual"_s),
                 true);
        return;
    }
    const QString file =
        m_prompter->saveFileName(m_window, tr("Back Up Workspace"), tr("Strata workspaces (*.strata)"));
    if (!file.isEmpty())
        backUpTo(file, false);
}

void BackupController::backUpTo(const QString &destination, bool generation)
{
    const QFileInfo target(destination);
    const QString resolved = target.exists() ? target.canonicalFilePath() : target.absoluteFilePath();
    const QString live = m_workspace->path();
    if (resolved == live || resolved == live + u"-wal"_s || resolved == live + u".lock"_s) {
        m_prompter->showError(
            m_window,
            tr("%1 is the open workspace itself; a backup must go to another file.").arg(native(destination)));
        return;
    }
    if (QFileInfo(resolved + u"-wal"_s).size() > 0) {
        m_prompter->showError(m_window, tr("%1 is a workspace with changes still in its -wal file; replacing it "
                                           "would damage it. Choose another name.")
                                            .arg(native(destination)));
        return;
    }
    // The copy beside the destination, so the final rename is atomic.
    const QString temp = reserveName(target.absolutePath(), u".%1.backup"_s.arg(target.fileName()));
    if (temp.isEmpty()) {
        m_prompter->showError(m_window,
                              tr("Cannot write in %1; choose another folder.").arg(native(target.absolutePath())));
        return;
    }
    m_cancelledMessage = tr("Backup cancelled; no backup was made.");
    m_copyFailure = u"%1"_s;
    const int schema = m_workspace->database().schemaVersion();
    startCopy(temp, tr("Backing up the workspace…"), [this, resolved, schema, generation, live](const QString &copy) {
        setProgressText(tr("Checking the backup…"));
        const BackupProgress progress = progressFn("backup");
        runInBackground<Result<BackupCheck>>(
            [copy, resolved, schema, generation, live, progress] {
                Result<BackupCheck> check = Backups::finish(copy, resolved, schema, progress);
                if (check && generation) {
                    if (Status s = Backups::prune(live); !s)
                        return Result<BackupCheck>(s.error());
                }
                return check;
            },
            [this](const Result<BackupCheck> &check) {
                if (!check && check.error().code == ErrorCode::Cancelled)
                    return endCancelled(m_cancelledMessage);
                if (!check)
                    return fail(check.error().message);
                setRunning(false);
                Q_EMIT statusMessage(
                    tr("Backed up to %1 (%2); integrity check: ok.")
                        .arg(native(check.value().path), QLocale().formattedDataSize(check.value().bytes)));
                Q_EMIT finished(true);
            });
    });
}

void BackupController::restore()
{
    if (!m_workspace || isRunning())
        return;
    const QString live = m_workspace->path();
    const QList<BackupGeneration> generations = Backups::generations(live);
    QStringList items;
    for (const BackupGeneration &g : generations) {
        items << tr("%1 UTC, %2, schema %3, %4")
                     .arg(QLocale().toString(g.created, QLocale::ShortFormat), reasonText(g.reason))
                     .arg(g.schemaVersion)
                     .arg(QLocale().formattedDataSize(g.bytes));
    }
    items << tr("A file I choose…");
    const std::optional<int> choice = m_prompter->askChoice(
        m_window, tr("Restore from Backup"),
        generations.isEmpty()
            ? tr("There are no backups in %1 yet. Restore from a file?").arg(native(Backups::folderFor(live)))
            : tr("Which backup should replace the workspace? (Backups in %1, newest first.)")
                  .arg(native(Backups::folderFor(live))),
        items);
    if (!choice)
        return;
    QString file;
    if (*choice < generations.size())
        file = generations.at(*choice).path;
    else
        file = m_prompter->openFileName(m_window, tr("Restore from Backup"), tr("Strata workspaces (*.strata)"));
    if (file.isEmpty())
        return;
    if (!m_prompter->confirm(m_window, tr("Restore from Backup"),
                             tr("Replace the workspace %1 with the backup %2? Changes made after that backup are "
                                "no longer shown; the current workspace is kept as a backup first, so this can be "
                                "undone by restoring that one.")
                                 .arg(native(live), native(file))))
        return;
    if (!m_close || !m_close())
        return;
    restoreFrom(live, file, true);
}

void BackupController::restoreFrom(const QString &workspacePath, const QString &file, bool reopenOnFailure)
{
    setRunning(true, tr("Checking and restoring the backup…"));
    const BackupProgress progress = progressFn("restore");
    runInBackground<Result<RestoreResult>>(
        [workspacePath, file, progress] { return Backups::restore(workspacePath, file, progress); },
        [this, workspacePath, reopenOnFailure](const Result<RestoreResult> &restored) {
            if (!restored) {
                if (reopenOnFailure && m_open)
                    m_open(workspacePath); // the workspace was left as it was: open it again
                if (restored.error().code == ErrorCode::Cancelled)
                    return endCancelled(tr("Restore cancelled; the workspace is as it was."));
                fail(restored.error().message);
                return;
            }
            setRunning(false);
            const bool opened = m_open && m_open(workspacePath);
            QString message =
                tr("Restored %1 from %2.").arg(native(workspacePath), native(restored.value().restoredFrom));
            if (!restored.value().keptAs.isEmpty())
                message =
                    tr("%1 The workspace it replaced was kept as %2.").arg(message, native(restored.value().keptAs));
            // The restored workspace's own trail says it was put back (the CLI does the same).
            if (opened && m_workspace) {
                if (Status recorded = recordRestore(*m_workspace, restored.value()); !recorded)
                    message = tr("%1 The restore could not be recorded in the audit trail: %2")
                                  .arg(message, recorded.error().message);
            }
            Q_EMIT statusMessage(message);
            Q_EMIT finished(opened);
        });
}

void BackupController::checkIntegrity()
{
    if (!m_workspace || isRunning())
        return;
    // A page-for-page copy keeps any damage as it is; it is taken between events and checked on a worker.
    QString copy = reserveName(QFileInfo(m_workspace->path()).absolutePath(), u".strata-check"_s);
    if (copy.isEmpty())
        copy = reserveName(QDir::tempPath(), u"strata-check"_s);
    m_cancelledMessage = tr("Integrity check cancelled.");
    m_copyFailure = tr("The workspace could not be read for the check: %1 Restore it from a backup (File › Restore "
                       "from Backup…).");
    const QString path = m_workspace->path();
    startCopy(copy, tr("Checking the workspace…"), [this, path](const QString &copied) {
        const BackupProgress progress = progressFn("integrity");
        runInBackground<Result<QString>>(
            [copied, progress] {
                Result<QString> verdict = Backups::integrityOfCopy(copied, progress);
                QFile::remove(copied);
                return verdict;
            },
            [this, path](const Result<QString> &verdict) {
                if (!verdict && verdict.error().code == ErrorCode::Cancelled)
                    return endCancelled(m_cancelledMessage);
                setRunning(false);
                if (verdict && verdict.value() == u"ok"_s) {
                    m_prompter->showInfo(m_window, tr("Check Workspace Integrity"),
                                         tr("%1 passed the full integrity check: every page and index is consistent.")
                                             .arg(native(path)));
                    Q_EMIT finished(true);
                    return;
                }
                const QString problems = verdict ? verdict.value() : verdict.error().message;
                m_prompter->showError(m_window, tr("%1 failed the integrity check: %2 Restore it from a backup (File "
                                                   "› Restore from Backup…).")
                                                    .arg(native(path), problems.left(2000)));
                Q_EMIT finished(false);
            });
    });
}

bool BackupController::offerRestore(const QString &path, const Error &error)
{
    if (isRunning() || !m_open || (error.code != ErrorCode::Integrity && error.code != ErrorCode::InvalidInput))
        return false;
    const QFileInfo info(path);
    const QString live = info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
    const std::optional<BackupGeneration> good = Backups::newestGood(live);
    if (!good)
        return false;
    if (m_prompter->confirm(m_window, tr("Restore from Backup"),
                            tr("%1\n\nRestore the newest good backup, made %2 UTC? The damaged file is kept as a "
                               "backup first.")
                                .arg(error.message, QLocale().toString(good->created, QLocale::ShortFormat))))
        restoreFrom(live, good->path, false);
    return true;
}

} // namespace strata
