// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QVector>

#include <functional>

class QPainter;

namespace strata {

struct GraphViewData;

/// How one record is drawn at the moment.
struct NodePaintState
{
    bool selected = false;
    bool dimmed = false; ///< another record is hovered and this one is not on its paths
};

/// Draws a laid-out view: the scene's items, the minimap, exports and the benchmark all paint through it, so what
/// is saved looks like what is on screen. Pure functions of their arguments: usable on a worker thread for exports.
namespace graphpainter {

/// Radius of the risk badge on a record's top-right corner, in points.
constexpr double kBadgeRadius = 7;
/// Scales (pixels per point) below which records are plain boxes, and from which text and arrowheads appear.
constexpr double kOverviewBelow = 0.2;
constexpr double kTextFrom = 0.4;

/// The drawn path of a layout route: a cubic Bézier chain, or a polyline.
QPainterPath routePath(const QVector<QPointF> &route);
QRectF nodeBox(const GraphViewData &data, int node);

void paintNode(QPainter *painter, const GraphViewData &data, int node, const NodePaintState &state, double lod);
/// Relations meeting `exposed`; `lit` says which to emphasise (null: none is). Derivation labels sit on
/// `labelBackground`.
void paintEdges(QPainter *painter,
                const GraphViewData &data,
                const QVector<QPainterPath> &paths,
                const QVector<QRectF> &bounds,
                const QRectF &exposed,
                double lod,
                const std::function<bool(int)> &lit,
                const QColor &labelBackground);
/// Records as coloured boxes in a few batched calls, risky ones outlined if asked, and relations as lines if
/// asked: the zoomed-out view and the minimap.
void paintOverview(QPainter *painter, const GraphViewData &data, const QRectF &exposed, bool withEdges, bool withRisk);
/// The whole view at full detail on white, as an export shows it; the painter's origin is the layout's. Reads
/// no application state, so an export can paint on a worker thread.
void paintAll(QPainter *painter, const GraphViewData &data);

} // namespace graphpainter
} // namespace strata
