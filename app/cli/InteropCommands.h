// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CommandLine.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>

namespace strata {

class Output;
class Workspace;
struct ImportReport;

/// The interop commands (import, export): how BOMs and cards from vendors and hubs get in, and standard BOMs out.
class InteropCommands
{
    Q_DECLARE_TR_FUNCTIONS(strata::InteropCommands)

public:
    InteropCommands(const GlobalOptions &options, const Output &out);

    static QList<CommandSpec> specs();
    /// Runs one of the commands in specs(); returns the process exit code.
    int run(const QString &command, const CommandArguments &arguments);

private:
    /// Reads and applies one file as one all-or-nothing unit.
    ImportReport importFile(Workspace &workspace, const QString &path, bool preferImport) const;
    /// Writes every file or, when one fails, removes those this run created and reports the failure.
    static Status writeAll(const QList<std::pair<QString, QByteArray>> &files);

    int importFiles(const CommandArguments &arguments);
    int exportSet(const CommandArguments &arguments);

    const GlobalOptions &m_options;
    const Output &m_out;
};

} // namespace strata
