// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QVector>

#include <atomic>
#include <utility>

namespace strata {

/// The only code that calls Graphviz (libgvc/cgraph, private to core). Graphviz keeps global state and is not
/// thread-safe, so every call takes one process-wide lock; callers on worker threads simply wait their turn.
class GraphvizEngine
{
    Q_DECLARE_TR_FUNCTIONS(strata::GraphvizEngine)

public:
    /// A node as a box of the given size in points (1/72 inch); no label is measured.
    struct Node
    {
        double width = 0;
        double height = 0;
    };
    /// An edge in the direction of flow: the tail is placed above the head.
    struct Edge
    {
        int tail = 0;
        int head = 0;
    };
    struct Input
    {
        QVector<Node> nodes;
        QVector<Edge> edges;
        QList<std::pair<QByteArray, QByteArray>> graphAttributes; ///< "nodesep" = "0.25", ...
        bool routeEdges = false; ///< let dot route splines; otherwise edges get no route
    };
    /// Positions in points with y growing downwards, the origin at the top left of `bounds`.
    struct Output
    {
        QRectF bounds;
        QVector<QPointF> centers;
        QVector<QVector<QPointF>> routes; ///< per edge: a cubic Bézier chain (1 + 3k points), or empty
    };

    /// Runs dot on the boxes and edges. Cancelling works while waiting for the lock and between the steps around
    /// the layout; dot itself cannot be interrupted: a layout cancelled while dot runs keeps its worker thread and
    /// the lock until dot returns (the tiers of GraphLayout bound how long), and its result is then thrown away.
    static Result<Output> layout(const Input &input, const std::atomic<bool> *cancel = nullptr);
    /// Lays out a DOT document with `engine` ("dot", or "nop2" for positions given in it) and renders it
    /// ("svg", "png").
    static Result<QByteArray> render(const QByteArray &dot, const QByteArray &engine, const QByteArray &format);
    /// True while a layout or rendering holds Graphviz, so a caller can say why it waits.
    static bool isBusy();
    /// "2.43.0"
    static QString version();
};

} // namespace strata
