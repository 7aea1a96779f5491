// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CommandLine.h"
#include "checklist/Assessment.h"
#include "domain/Result.h"
#include "signoff/Signoff.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>
#include <utility>

namespace strata {

class Output;
class Workspace;
struct Release;
struct ReleaseSignoffStatus;

/// The release sign-off commands (signoff, verify, gate): a reviewer signs, anyone checks, pipelines gate on it.
class SignoffCommands
{
    Q_DECLARE_TR_FUNCTIONS(strata::SignoffCommands)

public:
    SignoffCommands(const GlobalOptions &options, const Output &out);

    static QList<CommandSpec> specs();
    /// Runs one of the commands in specs(); returns the process exit code.
    int run(const QString &command, const CommandArguments &arguments);

private:
    /// Opens the workspace and checks every sign-off of RELEASE now; verify and gate read the same answer.
    Result<std::pair<Release, ReleaseSignoffStatus>> releaseStatus(const QString &reference) const;

    int signoff(const CommandArguments &arguments);
    int requireRoles(Workspace &workspace, const Release &release, const QStringList &roles);
    int verify(const CommandArguments &arguments);
    int gate(const CommandArguments &arguments);
    void printChecks(const Release &release, const ReleaseSignoffStatus &status) const;

    const GlobalOptions &m_options;
    const Output &m_out;
};

} // namespace strata
