// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/LineageGraph.h"

#include <QVector>

namespace strata {

/// One record a traversal reached, and how: `parent` and `edge` lead back towards the start.
struct ReachedNode
{
    int node = -1;
    int distance = 0;
    int parent = -1; ///< position in Traversal::reached of the node it was reached from; -1 for the start
    int edge = -1;   ///< edge followed from the parent; -1 for the start
    GraphDirection direction = GraphDirection::Upstream;
};

/// What a breadth-first walk reached, start first, then by distance: each record once, at its shortest distance.
struct Traversal
{
    QVector<ReachedNode> reached;
};

/// How far and along which relations a traversal goes.
struct TraversalOptions
{
    GraphDirection direction = GraphDirection::Upstream;
    int maxDepth = -1; ///< -1: no limit
    RelationMask relations = kAllRelations;
};

/// A chain of records joined by relations: nodes.size() == edges.size() + 1.
struct GraphPath
{
    QVector<int> nodes;
    QVector<int> edges;
};

/// Limits that keep a path search short on graphs with exponentially many paths.
struct PathOptions
{
    int maxPaths = 100;
    int maxLength = 16;          ///< relations per path
    qint64 maxSteps = 2'000'000; ///< edges examined before the search gives up
    RelationMask relations = kAllRelations;
};

/// The simple paths found between two records, shortest first.
struct PathSearch
{
    QVector<GraphPath> paths;
    /// Upstream: the first record is made of the second; Downstream: the second is made of the first.
    GraphDirection direction = GraphDirection::Upstream;
    bool truncated = false; ///< a limit stopped the search: there may be more paths
};

/// How much of a record's lineage one supplier provides.
struct SupplierShare
{
    int supplier = -1;
    QVector<int> records; ///< records in the lineage provided by it, ascending by position
    double share = 0;     ///< records.size() / records in the lineage (suppliers not counted)
};

/// The suppliers under a record, most records first.
struct SupplierConcentration
{
    int lineageRecords = 0;  ///< records in the lineage, the record itself included, suppliers excluded
    QVector<int> noSupplier; ///< of those, the records with no known supplier
    QVector<SupplierShare> suppliers;
};

/// Supply-chain questions answered on a LineageGraph. Pure functions: no database, no UI, no state; all of them
/// terminate on cycles and self-references, each record being visited once.
namespace graphquery {

/// Breadth-first walk from `start` (a node position). With GraphDirection::Both, the upstream walk comes first and
/// a record reached both ways is listed once.
Traversal traverse(const LineageGraph &graph, int start, const TraversalOptions &options);
/// Everything upstream of `start`: what it derives from, was trained or evaluated on, depends on, runs on, and who
/// provides those.
Traversal lineage(const LineageGraph &graph, int start, int maxDepth = -1);
/// Everything downstream of `start`: the blast radius of a problem in it.
Traversal impact(const LineageGraph &graph, int start, int maxDepth = -1);
/// Positions in Traversal::reached from the start to `entry` (both included).
QVector<int> pathTo(const Traversal &traversal, int entry);

/// Simple paths from `from` to `to` following relations upstream; when there is none, downstream.
PathSearch paths(const LineageGraph &graph, int from, int to, const PathOptions &options = {});

/// What a supplier provides: records with provided_by it (distance 1), then everything derived from, trained on,
/// depending on or hosted on those (distance > 1). The supplier is reached[0].
Traversal suppliedBy(const LineageGraph &graph, int supplier, int maxDepth = -1);

/// Groups of records that reach themselves (strongly connected components with a cycle, self-references
/// included), each sorted by record id, groups ordered by their smallest id.
QVector<QVector<int>> cycles(const LineageGraph &graph);
/// Models with no known origin: neither derived from another record nor provided by a supplier. By name.
QVector<int> orphans(const LineageGraph &graph);
/// The suppliers of the records in the lineage of `start`, the record itself included.
SupplierConcentration supplierConcentration(const LineageGraph &graph, int start, int maxDepth = -1);

/// The nodes of a traversal with every relation between them (of the given types): what a view of the question
/// shows, including merges and relations between two reached records that the walk did not follow.
GraphSnapshot subgraph(const LineageGraph &graph, const Traversal &traversal, RelationMask relations = kAllRelations);
/// The same for a set of node positions.
GraphSnapshot subgraph(const LineageGraph &graph, const QVector<int> &nodes, RelationMask relations = kAllRelations);

} // namespace graphquery
} // namespace strata
