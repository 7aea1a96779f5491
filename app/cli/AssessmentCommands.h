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

/// The release and assess commands: freeze what ships, then walk a catalog over it and record the answers.
class AssessmentCommands
{
    Q_DECLARE_TR_FUNCTIONS(strata::AssessmentCommands)

public:
    AssessmentCommands(const GlobalOptions &options, const Output &out);

    static QList<CommandSpec> specs();
    /// Runs one of the commands in specs(); returns the process exit code.
    int run(const QString &command, const CommandArguments &arguments);

private:
    /// A usage error unless only `allowed` options were given.
    int onlyOptions(const CommandArguments &arguments, const QStringList &allowed, const QString &what) const;

    int runRelease(const CommandArguments &arguments);
    int runAssess(const CommandArguments &arguments);
    int createRelease(const CommandArguments &arguments);
    int listReleases();
    int newAssessment(const CommandArguments &arguments);
    int listAssessments();
    int show(const CommandArguments &arguments);
    int set(const CommandArguments &arguments);

    const GlobalOptions &m_options;
    const Output &m_out;
};

} // namespace strata
