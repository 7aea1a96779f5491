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

/// The bundle commands (bundle export, bundle import): signed assessment bundles exchanged with suppliers and
/// colleagues.
class BundleCommands
{
    Q_DECLARE_TR_FUNCTIONS(strata::BundleCommands)

public:
    BundleCommands(const GlobalOptions &options, const Output &out);

    static QList<CommandSpec> specs();
    /// Runs one of the commands in specs(); returns the process exit code.
    int run(const QString &command, const CommandArguments &arguments);

private:
    int exportBundle(const CommandArguments &arguments);
    int importBundle(const CommandArguments &arguments);

    const GlobalOptions &m_options;
    const Output &m_out;
};

} // namespace strata
