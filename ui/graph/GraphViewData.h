// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/GraphLayout.h"
#include "graph/GraphRisk.h"
#include "graph/LineageGraph.h"

#include <memory>

namespace strata {

/// What the graph page is asked to show: a record and a direction, or the whole workspace, and the filters.
struct GraphQuestion
{
    qint64 focus = 0; ///< 0: the whole workspace
    GraphDirection direction = GraphDirection::Both;
    int depth = -1; ///< hops from the focus; -1: no limit
    RelationMask relations = kAllRelations;
    quint32 kinds = 0x1f; ///< a bit per RecordKind shown
    qint64 supplier = 0;  ///< show only what this supplier provides, directly or through derivation; 0: any

    static quint32 kindBit(RecordKind kind) { return quint32(1) << static_cast<int>(kind); }
    bool operator==(const GraphQuestion &o) const
    {
        return focus == o.focus && direction == o.direction && depth == o.depth && relations == o.relations &&
               kinds == o.kinds && supplier == o.supplier;
    }
    bool operator!=(const GraphQuestion &o) const { return !(*this == o); }
};

/// What is wrong with the shape of the workspace graph, found once per read on the worker that indexes it.
struct GraphProblems
{
    QVector<QVector<qint64>> cycles; ///< record ids of each group that is made of itself (graphquery::cycles)
    QVector<qint64> orphans;         ///< models with no known origin, by name (graphquery::orphans)
};

/// One laid-out answer: the view's records and relations, their risk, and where everything goes.
struct GraphViewData
{
    GraphQuestion question;
    GraphSnapshot view;
    QVector<RiskReasons> reasons; ///< per view node: its own risks
    QVector<bool> inherits;       ///< per view node: inherits risk from upstream
    GraphLayoutResult layout;
    bool layoutFromCache = false;
    /// For a focused view too large to draw: the most hops that fit (GraphController::kMaxViewNodes), -1 if none.
    int depthThatFits = -1;
    std::shared_ptr<const LineageGraph> graph; ///< the whole workspace the view was cut from
    std::shared_ptr<const RiskMap> risk;       ///< risk of every record of `graph`
};

} // namespace strata
