// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/GraphSnapshot.h"

#include <QVector>

namespace strata {

/// The edges of one node in one direction: a slice of the adjacency arrays.
struct EdgeRange
{
    const int *first = nullptr;
    const int *last = nullptr;

    const int *begin() const { return first; }
    const int *end() const { return last; }
    int size() const { return static_cast<int>(last - first); }
};

/// The snapshot indexed for traversal: nodes and edges by position, and compressed adjacency arrays (CSR) in
/// both directions, so a query over a million relations touches only what it reaches. Immutable once built;
/// queries (GraphQueries.h) take it by const reference and may run on any thread.
class LineageGraph
{
public:
    LineageGraph() = default;
    /// Edges whose ends are not among the nodes are dropped; self-loops and duplicate edges are kept.
    explicit LineageGraph(GraphSnapshot snapshot);

    const GraphSnapshot &snapshot() const { return m_snapshot; }
    int nodeCount() const { return static_cast<int>(m_snapshot.nodes.size()); }
    int edgeCount() const { return static_cast<int>(m_snapshot.edges.size()); }
    const GraphNode &node(int index) const { return m_snapshot.nodes.at(index); }
    const GraphEdge &edge(int index) const { return m_snapshot.edges.at(index); }
    /// Position of the record with this id, -1 when it is not in the graph.
    int indexOf(qint64 id) const;

    int fromIndex(int edge) const { return m_edgeFrom.at(edge); }
    int toIndex(int edge) const { return m_edgeTo.at(edge); }
    /// Edges `node -> x`: what the node is made of, provided by, depends on.
    EdgeRange upstreamEdges(int node) const;
    /// Edges `x -> node`: what is made of the node or depends on it.
    EdgeRange downstreamEdges(int node) const;
    EdgeRange edges(int node, GraphDirection direction) const;
    /// The node at the far end of `edge` when walking in `direction` (Upstream or Downstream).
    int follow(int edge, GraphDirection direction) const;

private:
    GraphSnapshot m_snapshot;
    QVector<qint64> m_sortedIds;   ///< ids ascending
    QVector<int> m_sortedPosition; ///< node position of m_sortedIds[i]
    /// When the ids are dense (a snapshot read from one workspace): node position of id m_denseFirst + i, or -1,
    /// so indexOf costs one lookup instead of a binary search. Empty otherwise.
    QVector<int> m_densePosition;
    qint64 m_denseFirst = 0;
    QVector<int> m_edgeFrom;
    QVector<int> m_edgeTo;
    QVector<int> m_upOffsets; ///< nodeCount + 1 offsets into m_upEdges
    QVector<int> m_upEdges;
    QVector<int> m_downOffsets;
    QVector<int> m_downEdges;
};

} // namespace strata
