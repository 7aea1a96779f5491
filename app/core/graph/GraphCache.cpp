// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "graph/GraphCache.h"

#include "workspace/Workspace.h"

namespace strata {

GraphCache::GraphCache(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
{
    if (workspace) {
        // Any change can add or remove a relation or change what the risk rules read.
        connect(workspace, &Workspace::recordsChanged, this, &GraphCache::invalidate);
        connect(workspace, &Workspace::recordChanged, this, &GraphCache::invalidate);
    }
}

void GraphCache::invalidate()
{
    ++m_generation;
    m_load.reset();
    const bool had = m_graph != nullptr;
    m_graph.reset();
    if (had)
        Q_EMIT invalidated();
}

Result<std::shared_ptr<const LineageGraph>> GraphCache::graph()
{
    if (m_graph)
        return m_graph;
    if (!m_workspace)
        return Error{ErrorCode::NotFound, tr("No workspace is open.")};
    Result<GraphSnapshot> snapshot = m_workspace->graph();
    if (!snapshot)
        return snapshot.error();
    m_load.reset();
    m_graph = std::make_shared<const LineageGraph>(std::move(snapshot).value());
    return m_graph;
}

Result<bool> GraphCache::loadSlice(int rows)
{
    if (!m_workspace)
        return Error{ErrorCode::NotFound, tr("No workspace is open.")};
    if (!m_load)
        m_load = std::make_unique<GraphLoad>();
    if (Status s = m_workspace->readGraph(*m_load, rows); !s) {
        m_load.reset();
        return s.error();
    }
    return m_load->done();
}

qint64 GraphCache::rowsRead() const
{
    return m_load ? m_load->snapshot.nodes.size() + m_load->snapshot.edges.size() : 0;
}

qint64 GraphCache::rowsTotal() const
{
    return m_load && m_load->totalNodes >= 0 ? m_load->totalNodes + m_load->totalEdges : 0;
}

GraphSnapshot GraphCache::takeSnapshot()
{
    if (!m_load)
        return {};
    GraphSnapshot snapshot = std::move(m_load->snapshot);
    m_load.reset();
    return snapshot;
}

bool GraphCache::adopt(std::shared_ptr<const LineageGraph> graph, quint64 generation)
{
    if (generation != m_generation || !graph)
        return false;
    m_graph = std::move(graph);
    return true;
}

} // namespace strata
