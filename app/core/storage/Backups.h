// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <utility>

namespace strata {

/// What a backup (or any candidate workspace file) holds, read through its own read-only handle.
struct BackupCheck
{
    QString path;
    qint64 applicationId = 0;
    int schemaVersion = 0;
    QString identity;  ///< the workspace's random id (schema 12 on); empty before
    QString integrity; ///< "ok", or what integrity_check (or quick_check) reported
    qint64 bytes = 0;

    bool intact() const { return integrity == QLatin1String("ok"); }
};

/// One backup generation kept in the workspace's backup folder.
struct BackupGeneration
{
    QString path;
    QDateTime created; ///< UTC, from the name
    int schemaVersion = 0;
    QString reason; ///< "manual", "before-migration" or "before-restore"
    qint64 bytes = 0;
    bool hasWal = false; ///< a "before-restore" copy of a workspace that had not been checkpointed
};

/// What a restore did.
struct RestoreResult
{
    QString restoredFrom;
    QString keptAs; ///< where the replaced workspace was kept; empty when there was none
    int schemaVersion = 0;
};

/// The parts of a backup, check or restore that report progress.
enum class BackupStep {
    Check,     ///< integrity_check of a backup or of a workspace copy
    Copy,      ///< a restore copying the backup beside the workspace
    CheckCopy, ///< a restore checking that copy again
};

/// Called now and then during a long step with how far it got (`total` is 0 when unknown). Returning false stops the
/// work with ErrorCode::Cancelled, and nothing it made is left behind.
using BackupProgress = std::function<bool(BackupStep step, qint64 done, qint64 total)>;

/// Backups of a workspace as whole SQLite files: checking them, keeping generations, restoring one. Every check
/// opens the file with a separate read-only handle (immutable, so it never creates or reads a -wal), and nothing
/// here ever copies a workspace that SQLite has open.
class Backups
{
    Q_DECLARE_TR_FUNCTIONS(strata::Backups)

public:
    /// Generations kept per workspace; older ones are removed when a new one is made.
    static constexpr int kKeep = 10;

    /// "<workspace>.backups": the folder generations are kept in.
    static QString folderFor(const QString &workspacePath);
    /// A new, unused generation name: the UTC time (so names sort by time), the schema and the reason.
    static QString newGenerationPath(const QString &workspacePath, int schemaVersion, const QString &reason);
    /// The generations of a workspace, newest first.
    static QList<BackupGeneration> generations(const QString &workspacePath);
    /// Removes the oldest generations beyond `keep` (with a -wal kept beside them).
    static Status prune(const QString &workspacePath, int keep = kKeep);

    /// Reads a candidate file's identity and runs integrity_check (`full`) or quick_check on it.
    static Result<BackupCheck> inspect(const QString &file, bool full = true, const BackupProgress &progress = {});
    /// The application id and workspace identity stored in the file itself (a -wal beside it is ignored); no
    /// integrity check, so it also reads a file a crash left mid-checkpoint. Empty identity when there is none.
    static std::pair<qint64, QString> identityOf(const QString &file);
    /// Whether a checked file can replace a workspace: a Strata workspace, intact, schema known to this build.
    static Status checkRestorable(const BackupCheck &check);
    /// The end of every backup: checks the freshly written `temp`, syncs it, renames it to `destination` and
    /// syncs the folder. `temp` is removed on any failure, and `destination` is then left as it was.
    /// `progress` may stop it until the rename; `temp` is then removed too.
    static Result<BackupCheck> finish(const QString &temp,
                                      const QString &destination,
                                      int expectedSchema,
                                      const BackupProgress &progress = {});
    /// Runs the full integrity_check on a page copy of a workspace (made by Database::copyPagesInto): this is how
    /// the app checks a workspace without using its connection off its thread.
    static Result<QString> integrityOfCopy(const QString &copy, const BackupProgress &progress = {});

    /// The newest generation that passes quick_check, if any.
    static std::optional<BackupGeneration> newestGood(const QString &workspacePath);
    /// A translated sentence naming the newest good backup and the command that restores it; empty when none.
    static QString restoreHint(const QString &workspacePath);

    /// Replaces the workspace at `workspacePath` with a copy of `file`, which is checked fully first. The workspace
    /// lock is held throughout; the replaced workspace (with its -wal, if it had one) is kept as a "before-restore"
    /// generation, and the new file is renamed into place, so no -wal of the old file can pair with it. `progress`
    /// may stop it until the workspace is touched: the copy is then removed and the workspace is exactly as it was.
    static Result<RestoreResult> restore(const QString &workspacePath,
                                         const QString &file,
                                         const BackupProgress &progress = {});

    /// Fsyncs a file or folder and reports a failure instead of ignoring it.
    static Status sync(const QString &path, bool folder);
};

} // namespace strata
