// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CommandLine.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace strata {

class Output;
class Workspace;

/// The trust commands (key new, import, export, list; verify-model): signing identities and model signatures.
class TrustCommands
{
    Q_DECLARE_TR_FUNCTIONS(strata::TrustCommands)

public:
    TrustCommands(const GlobalOptions &options, const Output &out);

    static QList<CommandSpec> specs();
    /// Runs one of the commands in specs(); returns the process exit code.
    int run(const QString &command, const CommandArguments &arguments);

private:
    int keyCommand(const CommandArguments &arguments);
    int keyNew(const CommandArguments &arguments);
    int keyImport(const CommandArguments &arguments);
    int keyExport(const CommandArguments &arguments);
    int keyList();
    int verifyModel(const CommandArguments &arguments);

    const GlobalOptions &m_options;
    const Output &m_out;
};

} // namespace strata
