// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CommandLine.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>

#include <optional>

namespace strata {

class Output;
struct ReportData;

/// The report command: a PDF assessment report of a release, an assessment or a supplier, for people who sign,
/// file or audit it.
class ReportCommands
{
    Q_DECLARE_TR_FUNCTIONS(strata::ReportCommands)

public:
    ReportCommands(const GlobalOptions &options, const Output &out);

    static QList<CommandSpec> specs();
    /// Whether the command line runs `report`, which draws and so needs a QGuiApplication; read before one exists.
    static bool isReport(const QStringList &arguments);
    /// Runs one of the commands in specs(); returns the process exit code.
    int run(const QString &command, const CommandArguments &arguments);

private:
    /// Writes the checklist results of the report's assessment as CSV or JSON (`format`) instead of the PDF.
    int writeChecklist(const ReportData &report, const QString &output, const QString &format);

    const GlobalOptions &m_options;
    const Output &m_out;
};

} // namespace strata
