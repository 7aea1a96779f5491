// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/GraphSnapshot.h"

#include <QString>

namespace strata::bench {

class Rng;

/// A workspace file with one base model whose impact is exactly `descendants` records, among ten times as many
/// relations that do not reach it: fine-tunes and quantizations under the base, a background forest of derived
/// models provided by suppliers, and datasets they were trained on.
struct ImpactWorkspace
{
    qint64 root = 0;
    int descendants = 0;
    qint64 records = 0;
    qint64 relations = 0;
};

/// Creates the schema through Workspace::open, then writes the rows through the raw C API in one transaction
/// (a million Workspace::link calls would take most of an hour). False with a message on stderr on failure.
bool writeImpactWorkspace(const QString &path, int descendants, ImpactWorkspace &out);

/// What the graph page shows for the impact of a popular base model: `n` records in a tree of fine-tunes,
/// quantizations and adapters (half of them leaves), 3 % merges with a second parent, and apps and services that
/// depend on 5 % of the models. Seeded: the same `n` gives the same graph.
GraphSnapshot impactShapedView(int n, quint32 seed);

/// DOT of the same boxes and edges as GraphLayout is given (fixed sizes, no labels), for plain `dot -Tsvg`.
QByteArray plainDot(const GraphSnapshot &view);

} // namespace strata::bench
