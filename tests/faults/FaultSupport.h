// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "TestFiles.h"

#include <QByteArray>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace strata::faults {

using strata::test::generatedBom;
using strata::test::writeFile;

/// How one run of strata-cli under fault injection ended.
struct FaultRun
{
    int exitCode = -1;
    bool killed = false;   ///< we sent SIGKILL, or it died of a signal
    bool finished = false; ///< it ended on its own within the time limit
    QByteArray out;
    QByteArray err;
    QString error() const { return QString::fromUtf8(err).trimmed(); }
};

/// The strata-cli under test: $STRATA_CLI, else the one this build made.
QString cliProgram();

/// The environment strata-cli runs with in these tests: English messages, defaults inside `folder`.
QProcessEnvironment cliEnvironment(const QString &folder);

/// Runs `program arguments` (the CLI, or strace wrapping it) with `extra` added to cliEnvironment(folder).
/// `killAfterMs` >= 0 sends SIGKILL after that many milliseconds unless it has finished.
FaultRun runProcess(const QString &folder,
                    const QString &program,
                    const QStringList &arguments,
                    const QMap<QString, QString> &extra = {},
                    int killAfterMs = -1);

/// Runs strata-cli on `workspace`.
FaultRun runCli(const QString &workspace,
                const QStringList &arguments,
                const QMap<QString, QString> &extra = {},
                int killAfterMs = -1);

/// Everything S1 asks of a workspace after a crash, kill or failed write, as a list of problems (empty: whole):
/// it opens writable through Workspace::open (which also clears what an interrupted add left), PRAGMA
/// integrity_check is ok and foreign_key_check empty (read through the SQLite C API), every evidence row's blob is
/// there and matches, no blob is left without a row and nothing in the store's tmp/, and `strata-cli audit verify`
/// passes. `runAuditCli` false checks the chain in process instead (the same verifier), for the fast loops.
QStringList checkWorkspace(const QString &workspace, bool runAuditCli = true);

/// Row counts of every table, "table=count" one per line: two states compare equal when no row was added or lost.
QString tableCounts(const QString &workspace);

/// One number from the workspace through a read-only SQLite connection; -1 when the query fails.
qint64 scalar(const QString &workspace, const QString &sql);

/// Copies a closed workspace and its evidence folder to `folder` (same file name); returns the new path.
QString copyWorkspace(const QString &workspace, const QString &folder);

/// Whether a strata-cli run exited 0; logs its error otherwise, so a failed preparation says why.
bool cliSucceeded(const FaultRun &run);

/// Makes a fresh workspace at `workspace` (inside `folder`) ready for one operation the fault tests interrupt:
/// "import" (a 40-component BOM), "evidence" (a small file), "signoff" (a release and a security lead's key) or
/// "bundle" (a bundle signed by a second workspace's analyst, whose key this one trusts). Returns the strata-cli
/// arguments that run the operation; empty when preparing failed (the failing command is logged).
QStringList prepareOperation(const QString &operation, const QString &folder, const QString &workspace);

/// SHA-256 of every regular file under `folder` (relative path -> hex), to tell a file changed in place.
QMap<QString, QString> fileDigests(const QString &folder);

} // namespace strata::faults
