// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "BackupController.h"

#include "Prompter.h"
#include "TaskProgressWidget.h"
#include "storage/Backups.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QTemporaryFile>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

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

/// A new empty file in `folder` whose name starts with `prefix`; empty when the folder is not writable.
QString reserveFile(const QString &folder, const QString &prefix)
{
    QTemporaryFile reserve(QDir(folder).filePath(prefix + u"-XXXXXX"_s));
    reserve.setAutoRemove(false);
    return reserve.open() ? reserve.fileName() : QString();
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
    : QObject(window)
    , m_prompter(prompter)
    , m_window(window)
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

    m_progress =
        new TaskProgressWidget(u"backup"_s, tr("A backup, restore or check cannot be stopped halfway"), window);
    m_progress->hide();
    connect(m_progress, &TaskProgressWidget::cancelRequested, this, [this] {
        Q_EMIT statusMessage(tr("A backup, restore or check cannot be stopped halfway; it ends on its own shortly."));
    });
    updateActions();
}

BackupController::~BackupController() = default;

void BackupController::setWorkspace(Workspace *workspace)
{
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
    m_backupAction->setEnabled(m_workspace && !m_running);
    m_restoreAction->setEnabled(m_workspace && !m_running && m_close && m_open);
    m_checkAction->setEnabled(m_workspace && !m_running);
}

void BackupController::setRunning(bool running, const QString &text)
{
    m_running = running;
    if (running) {
        m_progress->setText(text);
        m_progress->setProgress(0, 0);
        m_progress->show();
    } else {
        m_progress->hide();
    }
    updateActions();
    Q_EMIT runningChanged(running);
}

void BackupController::fail(const QString &message)
{
    setRunning(false);
    m_prompter->showError(m_window, message);
    Q_EMIT finished(false);
}

void BackupController::backUp()
{
    if (!m_workspace || m_running)
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
    // The snapshot needs the workspace's own connection, so it is taken here; the rest runs on a worker.
    const QString temp = reserveFile(target.absolutePath(), u".%1.backup"_s.arg(target.fileName()));
    if (temp.isEmpty()) {
        m_prompter->showError(m_window,
                              tr("Cannot write in %1; choose another folder.").arg(native(target.absolutePath())));
        return;
    }
    setRunning(true, tr("Backing up the workspace…"));
    if (Status s = m_workspace->database().snapshotInto(temp); !s) {
        QFile::remove(temp);
        fail(s.error().message);
        return;
    }
    const int schema = m_workspace->database().schemaVersion();
    runInBackground<Result<BackupCheck>>(
        this,
        [temp, resolved, schema, generation, live] {
            Result<BackupCheck> check = Backups::finish(temp, resolved, schema);
            if (check && generation) {
                if (Status s = Backups::prune(live); !s)
                    return Result<BackupCheck>(s.error());
            }
            return check;
        },
        [this](const Result<BackupCheck> &check) {
            if (!check) {
                fail(check.error().message);
                return;
            }
            setRunning(false);
            Q_EMIT statusMessage(
                tr("Backed up to %1 (%2); integrity check: ok.")
                    .arg(native(check.value().path), QLocale().formattedDataSize(check.value().bytes)));
            Q_EMIT finished(true);
        });
}

void BackupController::restore()
{
    if (!m_workspace || m_running)
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
    runInBackground<Result<RestoreResult>>(
        this, [workspacePath, file] { return Backups::restore(workspacePath, file); },
        [this, workspacePath, reopenOnFailure](const Result<RestoreResult> &restored) {
            if (!restored) {
                if (reopenOnFailure && m_open)
                    m_open(workspacePath); // the workspace was left as it was: open it again
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
            Q_EMIT statusMessage(message);
            Q_EMIT finished(opened);
        });
}

void BackupController::checkIntegrity()
{
    if (!m_workspace || m_running)
        return;
    // A page-for-page copy keeps any damage as it is; it is taken on the connection's thread and checked on a worker.
    QString copy = reserveFile(QFileInfo(m_workspace->path()).absolutePath(), u".strata-check"_s);
    if (copy.isEmpty())
        copy = reserveFile(QDir::tempPath(), u"strata-check"_s);
    QFile::remove(copy);
    setRunning(true, tr("Checking the workspace…"));
    if (Status s = m_workspace->database().copyPagesInto(copy); !s) {
        fail(tr("The workspace could not be read for the check: %1 Restore it from a backup (File › Restore from "
                "Backup…).")
                 .arg(s.error().message));
        return;
    }
    const QString path = m_workspace->path();
    runInBackground<Result<QString>>(
        this,
        [copy] {
            Result<QString> verdict = Backups::integrityOfCopy(copy);
            QFile::remove(copy);
            return verdict;
        },
        [this, path](const Result<QString> &verdict) {
            setRunning(false);
            if (verdict && verdict.value() == u"ok"_s) {
                m_prompter->showInfo(
                    m_window, tr("Check Workspace Integrity"),
                    tr("%1 passed the full integrity check: every page and index is consistent.").arg(native(path)));
                Q_EMIT finished(true);
                return;
            }
            const QString problems = verdict ? verdict.value() : verdict.error().message;
            m_prompter->showError(m_window, tr("%1 failed the integrity check: %2 Restore it from a backup (File › "
                                               "Restore from Backup…).")
                                                .arg(native(path), problems.left(2000)));
            Q_EMIT finished(false);
        });
}

bool BackupController::offerRestore(const QString &path, const Error &error)
{
    if (m_running || !m_open || (error.code != ErrorCode::Integrity && error.code != ErrorCode::InvalidInput))
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
