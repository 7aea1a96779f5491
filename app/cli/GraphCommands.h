// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CommandLine.h"
#include "domain/Result.h"
#include "graph/GraphSnapshot.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>

namespace strata {

class LineageGraph;
class Output;
class Workspace;
struct Traversal;

/// The graph commands (lineage, impact, paths, graph, graph cycles, graph orphans): supply-chain questions
/// answered in a pipeline, pictures of the lineage graph for reports, and the problems in it.
class GraphCommands
{
    Q_DECLARE_TR_FUNCTIONS(strata::GraphCommands)

public:
    GraphCommands(const GlobalOptions &options, const Output &out);

    static QList<CommandSpec> specs();
    /// Runs one of the commands in specs(); returns the process exit code.
    int run(const QString &command, const CommandArguments &arguments);

private:
    /// lineage and impact: every record upstream or downstream with its distance and the path to it.
    int walk(const CommandArguments &arguments, GraphDirection direction);
    int paths(const CommandArguments &arguments);
    int picture(const CommandArguments &arguments);
    int cycles();
    int orphans();
    Result<std::unique_ptr<LineageGraph>> wholeGraph() const;
    void printWalk(const LineageGraph &graph, const Traversal &walked, GraphDirection direction) const;

    const GlobalOptions &m_options;
    const Output &m_out;
};

} // namespace strata
