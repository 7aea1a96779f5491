// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/GraphSnapshot.h"

#include <QCoreApplication>
#include <QDate>

namespace strata {

class ReportCanvas;

/// The lineage graph of a report's scope as a vector drawing, laid out by Graphviz like the Graph page. A graph
/// too large to read on one page gets an overview with a grid of labelled parts, then one page per part at full
/// size: the text stays readable instead of shrinking.
class ReportGraph
{
    Q_DECLARE_TR_FUNCTIONS(strata::ReportGraph)

public:
    /// Below this scale labels get too small to read, and the graph is split into parts.
    static constexpr double kMinScale = 0.7;
    /// The scale the parts of a split graph are drawn at: names in 7 pt.
    static constexpr double kPartScale = 0.875;

    static void draw(ReportCanvas &canvas, const GraphSnapshot &graph, const QDate &today);
};

} // namespace strata
