// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "graph/LineageGraph.h"

#include <algorithm>
#include <numeric>

namespace strata {

namespace {

/// Fills a CSR structure: offsets[n]..offsets[n+1] index the edges whose `key` end is node n.
void buildAdjacency(const QVector<int> &keys, int nodeCount, QVector<int> &offsets, QVector<int> &edges)
{
    offsets.fill(0, nodeCount + 1);
    int kept = 0;
    for (int key : keys) {
        if (key >= 0) {
            ++offsets[key + 1];
            ++kept;
        }
    }
    std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
    edges.resize(kept);
    QVector<int> next(offsets.begin(), offsets.end() - 1);
    for (int e = 0; e < keys.size(); ++e) {
        if (keys.at(e) >= 0)
            edges[next[keys.at(e)]++] = e;
    }
}

} // namespace

LineageGraph::LineageGraph(GraphSnapshot snapshot)
    : m_snapshot(std::move(snapshot))
{
    const int n = nodeCount();
    const auto idAt = [this](int i) { return m_snapshot.nodes.at(i).id; };
    // Snapshots read from the workspace come sorted by id (a focused one with its focus first): placing the first
    // node among the sorted rest is linear, where sorting a million nodes is not.
    bool restSorted = true;
    for (int i = 2; i < n && restSorted; ++i)
        restSorted = idAt(i - 1) <= idAt(i);
    m_sortedPosition.reserve(n);
    if (restSorted && n > 0) {
        int i = 1;
        for (; i < n && idAt(i) < idAt(0); ++i)
            m_sortedPosition.append(i);
        m_sortedPosition.append(0);
        for (; i < n; ++i)
            m_sortedPosition.append(i);
    } else {
        m_sortedPosition.resize(n);
        std::iota(m_sortedPosition.begin(), m_sortedPosition.end(), 0);
        std::stable_sort(m_sortedPosition.begin(), m_sortedPosition.end(),
                         [&idAt](int a, int b) { return idAt(a) < idAt(b); });
    }
    m_sortedIds.resize(n);
    for (int i = 0; i < n; ++i)
        m_sortedIds[i] = idAt(m_sortedPosition.at(i));
    // Ids spread over at most four times their number: a direct table, at most 16 bytes per node.
    if (n > 0 && quint64(m_sortedIds.constLast()) - quint64(m_sortedIds.constFirst()) < quint64(n) * 4) {
        m_denseFirst = m_sortedIds.constFirst();
        m_densePosition.fill(-1, qsizetype(m_sortedIds.constLast() - m_denseFirst + 1));
        for (int i = 0; i < n; ++i) {
            int &position = m_densePosition[qsizetype(m_sortedIds.at(i) - m_denseFirst)];
            if (position < 0) // a repeated id: the first, as the binary search finds
                position = m_sortedPosition.at(i);
        }
    }

    // Edges with an unknown end are removed from the snapshot, so edge positions stay dense.
    const qsizetype edgeCount = m_snapshot.edges.size();
    m_edgeFrom.reserve(edgeCount);
    m_edgeTo.reserve(edgeCount);
    QVector<bool> keep(edgeCount, true);
    bool dropped = false;
    for (qsizetype i = 0; i < edgeCount; ++i) {
        const GraphEdge &e = m_snapshot.edges.at(i);
        const int from = indexOf(e.from);
        const int to = indexOf(e.to);
        if (from < 0 || to < 0) {
            keep[i] = false;
            dropped = true;
            continue;
        }
        m_edgeFrom.append(from);
        m_edgeTo.append(to);
    }
    if (dropped) {
        QVector<GraphEdge> kept;
        kept.reserve(m_edgeFrom.size());
        for (qsizetype i = 0; i < edgeCount; ++i) {
            if (keep.at(i))
                kept.append(std::move(m_snapshot.edges[i]));
        }
        m_snapshot.edges = std::move(kept);
    }
    buildAdjacency(m_edgeFrom, n, m_upOffsets, m_upEdges);
    buildAdjacency(m_edgeTo, n, m_downOffsets, m_downEdges);
}

int LineageGraph::indexOf(qint64 id) const
{
    if (!m_densePosition.isEmpty()) {
        const quint64 offset = quint64(id) - quint64(m_denseFirst);
        return offset < quint64(m_densePosition.size()) ? m_densePosition.at(qsizetype(offset)) : -1;
    }
    const auto it = std::lower_bound(m_sortedIds.cbegin(), m_sortedIds.cend(), id);
    if (it == m_sortedIds.cend() || *it != id)
        return -1;
    return m_sortedPosition.at(static_cast<int>(it - m_sortedIds.cbegin()));
}

EdgeRange LineageGraph::upstreamEdges(int node) const
{
    const int *base = m_upEdges.constData();
    return {base + m_upOffsets.at(node), base + m_upOffsets.at(node + 1)};
}

EdgeRange LineageGraph::downstreamEdges(int node) const
{
    const int *base = m_downEdges.constData();
    return {base + m_downOffsets.at(node), base + m_downOffsets.at(node + 1)};
}

EdgeRange LineageGraph::edges(int node, GraphDirection direction) const
{
    return direction == GraphDirection::Downstream ? downstreamEdges(node) : upstreamEdges(node);
}

int LineageGraph::follow(int edge, GraphDirection direction) const
{
    return direction == GraphDirection::Downstream ? m_edgeFrom.at(edge) : m_edgeTo.at(edge);
}

} // namespace strata
