// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "graph/GraphSnapshot.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QSet>
#include <QVector>

namespace strata {

class Database;

/// The only place that knows the SQL behind the lineage graph: records and relations read as plain graph data,
/// and the cache of computed layouts (graph_layout). Callers own the transaction for writes.
class GraphRepository
{
    Q_DECLARE_TR_FUNCTIONS(strata::GraphRepository)

public:
    /// Layouts kept in the workspace; older ones are deleted when a new one is stored.
    static constexpr int kLayoutsKept = 32;

    explicit GraphRepository(const Database &db);

    /// What is reachable from scope.focus, read level by level through the relation indexes (so a 100k-record
    /// impact never reads the other 900k), or the whole graph when there is no focus.
    Result<GraphSnapshot> read(const GraphScope &scope) const;
    /// Reads up to `rows` more nodes or edges of the whole graph into `load`, in id order.
    Status readSlice(GraphLoad &load, int rows) const;

    /// The stored layout with this key; an empty array when there is none.
    Result<QByteArray> layout(const QByteArray &key) const;
    Status storeLayout(const QByteArray &key, const QByteArray &data, int nodeCount);

private:
    Result<QVector<GraphNode>> nodes(const QVector<qint64> &ids) const;
    /// Relations leaving (Upstream) or entering (Downstream) any of `ids`.
    Result<QVector<GraphEdge>> edgesAt(const QVector<qint64> &ids, GraphDirection direction) const;
    Status walk(qint64 focus,
                GraphDirection direction,
                int maxDepth,
                QSet<qint64> &nodeIds,
                QVector<qint64> &order,
                QSet<qint64> &edgeIds,
                QVector<GraphEdge> &edges) const;

    const Database &m_db;
};

} // namespace strata
