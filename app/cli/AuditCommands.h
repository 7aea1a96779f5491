// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CommandLine.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>

namespace strata {

class Output;
class Workspace;

/// The audit commands (verify, list): whether the trail of changes is intact, and what it says, for pipelines and
/// for auditors who do not open the desktop app.
class AuditCommands
{
    Q_DECLARE_TR_FUNCTIONS(strata::AuditCommands)

public:
    AuditCommands(const GlobalOptions &options, const Output &out);

    static QList<CommandSpec> specs();
    /// Runs one of the commands in specs(); returns the process exit code.
    int run(const QString &command, const CommandArguments &arguments);

private:
    int verify(const CommandArguments &arguments);
    int list(const CommandArguments &arguments);

    const GlobalOptions &m_options;
    const Output &m_out;
};

} // namespace strata
