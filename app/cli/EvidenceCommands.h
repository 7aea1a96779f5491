// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CommandLine.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace strata {

class Output;
class Workspace;

/// The evidence commands (evidence add, list, verify): files kept as proof, by content digest, with their dates.
class EvidenceCommands
{
    Q_DECLARE_TR_FUNCTIONS(strata::EvidenceCommands)

public:
    EvidenceCommands(const GlobalOptions &options, const Output &out);

    static QList<CommandSpec> specs();
    /// Runs one of the commands in specs(); returns the process exit code.
    int run(const QString &command, const CommandArguments &arguments);

private:
    int add(const CommandArguments &arguments);
    int list();
    int verify();

    const GlobalOptions &m_options;
    const Output &m_out;
};

} // namespace strata
