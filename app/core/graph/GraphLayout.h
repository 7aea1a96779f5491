// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "graph/GraphSnapshot.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QVector>

#include <atomic>
#include <optional>

namespace strata {

/// How much work the layout may spend, chosen by size: dot's crossing reduction grows much faster than the graph.
enum class LayoutTier {
    Detailed, ///< dot with its crossing reduction and curved edge routes
    Fast,     ///< dot with crossing reduction and network simplex cut short (mclimit, nslimit); straight edges
    Forest,   ///< dot on a spanning forest that keeps every record's longest-path rank; other edges drawn straight
};

/// A view to lay out: its records and relations, and the size of each record's box in points.
struct LayoutRequest
{
    GraphSnapshot view;
    QVector<QSizeF> sizes;          ///< one per node; missing ones get kDefaultNodeSize
    std::optional<LayoutTier> tier; ///< default: chosen by size (GraphLayout::tierFor)
};

/// Where everything goes, in points, y downwards, top-left origin. Indexes follow the request's nodes and edges.
struct GraphLayoutResult
{
    QRectF bounds;
    QVector<QPointF> centers;
    QVector<QSizeF> sizes;
    /// Per edge, from the upstream record (drawn above) to the downstream one: a cubic Bézier chain when curved,
    /// else a straight segment clipped to both boxes.
    QVector<QVector<QPointF>> routes;
    bool curved = false;
    LayoutTier tier = LayoutTier::Detailed;
};

/// The layered, top-to-bottom layout of a lineage view (what a record is made of above it), computed by Graphviz
/// dot. Pure and reentrant apart from the Graphviz lock, so it runs on worker threads; results are cached under
/// key() (in the workspace, see Workspace::storeLayout).
class GraphLayout
{
    Q_DECLARE_TR_FUNCTIONS(strata::GraphLayout)

public:
    static constexpr int kDetailedMaxNodes = 300;
    static constexpr int kFastMaxNodes = 1500;
    static constexpr QSizeF kDefaultNodeSize{160, 44};

    static LayoutTier tierFor(int nodes);
    static QString tierKey(LayoutTier tier);
    /// A digest of everything the layout depends on: records, relations, sizes, tier and this code's version.
    static QByteArray key(const LayoutRequest &request);
    static Result<GraphLayoutResult> compute(const LayoutRequest &request, const std::atomic<bool> *cancel = nullptr);

    /// Compact binary form for the cache; fromBytes() refuses data that does not fit the request.
    static QByteArray toBytes(const GraphLayoutResult &layout);
    static std::optional<GraphLayoutResult> fromBytes(const QByteArray &bytes, const LayoutRequest &request);

    /// Pairs of relations of `view` that cross when each is drawn straight from centre to centre (pairs that share
    /// a record never count): the usual measure of a layered drawing, comparable between tiers whatever their
    /// routes. What a faster tier gives up, for benchmarks and tests.
    static qint64 crossings(const GraphLayoutResult &layout, const GraphSnapshot &view);
};

} // namespace strata
