// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CommandLine.h"

#include <QCoreApplication>
#include <QList>

namespace strata {

class Output;

/// Runs one strata-cli invocation: translations, global options, help, --version and dispatch to a command.
class CliApplication
{
    Q_DECLARE_TR_FUNCTIONS(strata::CliApplication)

public:
    explicit CliApplication(QCoreApplication &app);

    /// Returns the process exit code: 0 success, 1 the operation failed, 2 bad usage.
    int run();

private:
    static QList<CommandSpec> commands();
    static int printUsage(const Output &out, const QList<CommandSpec> &commands);
    static int printCommandHelp(const Output &out, const CommandSpec &spec);
    static int printVersion(const Output &out);

    QCoreApplication &m_app;
};

} // namespace strata
