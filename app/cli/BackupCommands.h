// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CommandLine.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace strata {

class Output;

/// The backup commands (backup, restore): checked copies of a workspace and putting one back, for scripts and for
/// the moment the desktop app cannot open a damaged workspace.
class BackupCommands
{
    Q_DECLARE_TR_FUNCTIONS(strata::BackupCommands)

public:
    BackupCommands(const GlobalOptions &options, const Output &out);

    static QList<CommandSpec> specs();
    /// Runs one of the commands in specs(); returns the process exit code.
    int run(const QString &command, const CommandArguments &arguments);

private:
    int backup(const CommandArguments &arguments);
    int list();
    int restore(const CommandArguments &arguments);
    QString workspacePath() const;

    const GlobalOptions &m_options;
    const Output &m_out;
};

} // namespace strata
