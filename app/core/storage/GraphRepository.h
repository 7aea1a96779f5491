// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "graph/GraphSnapshot.h"

#include <QByteArray>
#include <QCoreApplication>
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
    /// impact never reads the other 900k), or the whole graph when there is no focus. Runs of nearby ids (records
    /// imported or created together) are read as ranges, which is what keeps a large impact fast. The focus comes
    /// first, then the other records by id.
    Result<GraphSnapshot> read(const GraphScope &scope) const;
    /// Reads up to `rows` more nodes or edges of the whole graph into `load`, in id order.
    Status readSlice(GraphLoad &load, int rows) const;

    /// The stored layout with this key; an empty array when there is none.
    Result<QByteArray> layout(const QByteArray &key) const;
    Status storeLayout(const QByteArray &key, const QByteArray &data, int nodeCount);

private:
    static Error failed(const QString &what, const QString &detail);
    /// The records with these ids, ascending by id; ids with no record are left out.
    Result<QVector<GraphNode>> nodes(const QVector<qint64> &ids) const;
    /// What a walk has seen: the ids of the records reached, and relations.
    struct Walked;
    /// Follows relations level by level from `focus`, reading ids close together as ranges of the relation index,
    /// collecting the relations and the ids of the records reached.
    Status walk(qint64 focus, GraphDirection direction, int maxDepth, Walked &walked) const;

    const Database &m_db;
};

} // namespace strata
