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

/// The findings commands (list, add, accept): the risks assessments turned up and who carries them until when.
class FindingCommands
{
    Q_DECLARE_TR_FUNCTIONS(strata::FindingCommands)

public:
    FindingCommands(const GlobalOptions &options, const Output &out);

    static QList<CommandSpec> specs();
    /// Runs one of the commands in specs(); returns the process exit code.
    int run(const QString &command, const CommandArguments &arguments);

private:
    int list();
    int add(const CommandArguments &arguments);
    int accept(const CommandArguments &arguments);

    const GlobalOptions &m_options;
    const Output &m_out;
};

} // namespace strata
