// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CommandLine.h"
#include "domain/Record.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <utility>

namespace strata {

class Output;
class Workspace;

/// The workspace and inventory commands (init, demo, add, list, show, edit, remove, link, unlink).
class InventoryCommands
{
    Q_DECLARE_TR_FUNCTIONS(strata::InventoryCommands)

public:
    InventoryCommands(const GlobalOptions &options, const Output &out);

    static QList<CommandSpec> specs();
    /// Runs one of the commands in specs(); returns the process exit code.
    int run(const QString &command, const CommandArguments &arguments);

private:
    using Assignments = QList<std::pair<QString, QString>>;

    QString workspacePath() const;
    /// Splits "--set key=value" options; returns a usage message when one has no key.
    static std::optional<QString> parseAssignments(const QStringList &texts, Assignments &assignments);
    static Status applyAssignments(Record &record, const Assignments &assignments);
    static QString fieldHelp();

    int init();
    int demo();
    int add(const CommandArguments &arguments);
    int list(const CommandArguments &arguments);
    int show(const CommandArguments &arguments);
    int edit(const CommandArguments &arguments);
    int remove(const CommandArguments &arguments);
    int link(const CommandArguments &arguments, bool linking);

    const GlobalOptions &m_options;
    const Output &m_out;
};

} // namespace strata
