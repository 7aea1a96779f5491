// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "graph/GraphQueries.h"

#include <algorithm>
#include <vector>

namespace strata::graphquery {

namespace {

bool follows(const LineageGraph &graph, int edge, RelationMask relations)
{
    return (relationBit(graph.edge(edge).type) & relations) != 0;
}

/// One breadth-first walk in one direction from the entry `startEntry`, appending what it reaches to `out`;
/// `seen` marks the nodes already listed.
void walk(const LineageGraph &graph,
          int startEntry,
          GraphDirection direction,
          int maxDepth,
          RelationMask relations,
          std::vector<char> &seen,
          Traversal &out)
{
    std::vector<int> queue{startEntry};
    // Room for every node up front: growing by copies costs more than the walk on a 100,000-record impact, and
    // the pages of a large reservation are only touched as far as the walk goes.
    queue.reserve(size_t(graph.nodeCount()));
    for (size_t head = 0; head < queue.size(); ++head) {
        const int entry = queue[head];
        const ReachedNode current = out.reached.at(entry);
        if (maxDepth >= 0 && current.distance >= maxDepth)
            continue;
        for (int e : graph.edges(current.node, direction)) {
            if (!follows(graph, e, relations))
                continue;
            const int next = graph.follow(e, direction);
            if (seen[next])
                continue;
            seen[next] = 1;
            queue.push_back(static_cast<int>(out.reached.size()));
            out.reached.append({next, current.distance + 1, entry, e, direction});
        }
    }
}

/// Shortest distances to `target` walking against `direction`, up to `limit` hops; -1 where unreachable.
std::vector<int> distancesTo(const LineageGraph &graph, int target, GraphDirection direction, int limit, RelationMask m)
{
    const GraphDirection back =
        direction == GraphDirection::Upstream ? GraphDirection::Downstream : GraphDirection::Upstream;
    std::vector<int> distance(graph.nodeCount(), -1);
    std::vector<int> queue{target};
    distance[target] = 0;
    for (size_t head = 0; head < queue.size(); ++head) {
        const int node = queue[head];
        if (distance[node] >= limit)
            continue;
        for (int e : graph.edges(node, back)) {
            const int next = graph.follow(e, back);
            if (follows(graph, e, m) && distance[next] < 0) {
                distance[next] = distance[node] + 1;
                queue.push_back(next);
            }
        }
    }
    return distance;
}

/// Depth-first enumeration of simple paths, pruned to nodes that can still reach the target in time.
PathSearch searchPaths(const LineageGraph &graph, int from, int to, GraphDirection direction, const PathOptions &o)
{
    PathSearch result;
    result.direction = direction;
    const std::vector<int> toTarget = distancesTo(graph, to, direction, o.maxLength, o.relations);
    if (toTarget[from] < 0)
        return result;

    struct Frame
    {
        int node;
        const int *next;
        const int *end;
    };
    std::vector<char> onPath(graph.nodeCount(), 0);
    std::vector<Frame> stack;
    QVector<int> edgeStack;
    qint64 steps = 0;
    const auto push = [&](int node) {
        const EdgeRange range = graph.edges(node, direction);
        stack.push_back({node, range.begin(), range.end()});
        onPath[node] = 1;
    };
    push(from);
    while (!stack.empty()) {
        Frame &top = stack.back();
        if (top.node == to || top.next == top.end) {
            if (top.node == to) {
                GraphPath path;
                for (const Frame &f : stack)
                    path.nodes.append(f.node);
                path.edges = edgeStack;
                result.paths.append(path);
                if (result.paths.size() >= o.maxPaths) {
                    result.truncated = true;
                    break;
                }
            }
            onPath[top.node] = 0;
            stack.pop_back();
            if (!edgeStack.isEmpty())
                edgeStack.removeLast();
            continue;
        }
        const int e = *top.next++;
        if (++steps > o.maxSteps) {
            result.truncated = true;
            break;
        }
        const int next = graph.follow(e, direction);
        const int used = static_cast<int>(stack.size()) - 1; // relations on the path so far
        if (!follows(graph, e, o.relations) || onPath[next] || toTarget[next] < 0 ||
            used + 1 + toTarget[next] > o.maxLength)
            continue;
        edgeStack.append(e);
        push(next);
    }
    std::stable_sort(result.paths.begin(), result.paths.end(),
                     [](const GraphPath &a, const GraphPath &b) { return a.edges.size() < b.edges.size(); });
    return result;
}

} // namespace

Traversal traverse(const LineageGraph &graph, int start, const TraversalOptions &options)
{
    Traversal out;
    if (start < 0 || start >= graph.nodeCount())
        return out;
    std::vector<char> seen(graph.nodeCount(), 0);
    seen[start] = 1;
    out.reached.reserve(graph.nodeCount());
    out.reached.append({start, 0, -1, -1, options.direction});
    if (options.direction != GraphDirection::Downstream)
        walk(graph, 0, GraphDirection::Upstream, options.maxDepth, options.relations, seen, out);
    if (options.direction != GraphDirection::Upstream)
        walk(graph, 0, GraphDirection::Downstream, options.maxDepth, options.relations, seen, out);
    return out;
}

Traversal lineage(const LineageGraph &graph, int start, int maxDepth)
{
    return traverse(graph, start, {GraphDirection::Upstream, maxDepth, kAllRelations});
}

Traversal impact(const LineageGraph &graph, int start, int maxDepth)
{
    return traverse(graph, start, {GraphDirection::Downstream, maxDepth, kAllRelations});
}

QVector<int> pathTo(const Traversal &traversal, int entry)
{
    QVector<int> path;
    for (int i = entry; i >= 0 && i < traversal.reached.size(); i = traversal.reached.at(i).parent)
        path.prepend(i);
    return path;
}

PathSearch paths(const LineageGraph &graph, int from, int to, const PathOptions &options)
{
    if (from < 0 || to < 0 || from >= graph.nodeCount() || to >= graph.nodeCount())
        return {};
    if (from == to) {
        PathSearch same;
        same.paths.append(GraphPath{{from}, {}});
        return same;
    }
    PathSearch up = searchPaths(graph, from, to, GraphDirection::Upstream, options);
    if (!up.paths.isEmpty())
        return up;
    PathSearch down = searchPaths(graph, from, to, GraphDirection::Downstream, options);
    if (!down.paths.isEmpty())
        return down;
    up.truncated = up.truncated || down.truncated;
    return up;
}

Traversal suppliedBy(const LineageGraph &graph, int supplier, int maxDepth)
{
    Traversal out;
    if (supplier < 0 || supplier >= graph.nodeCount())
        return out;
    std::vector<char> seen(graph.nodeCount(), 0);
    seen[supplier] = 1;
    out.reached.append({supplier, 0, -1, -1, GraphDirection::Downstream});
    if (maxDepth == 0)
        return out;
    for (int e : graph.downstreamEdges(supplier)) {
        const int next = graph.follow(e, GraphDirection::Downstream);
        if (graph.edge(e).type == RelationType::ProvidedBy && !seen[next]) {
            seen[next] = 1;
            out.reached.append({next, 1, 0, e, GraphDirection::Downstream});
        }
    }
    // Through derivation: from the records it provides, along every relation but provided_by.
    const RelationMask derived = kAllRelations & ~relationBit(RelationType::ProvidedBy);
    for (int head = 1; head < out.reached.size(); ++head) {
        const ReachedNode current = out.reached.at(head);
        if (maxDepth >= 0 && current.distance >= maxDepth)
            continue;
        for (int e : graph.downstreamEdges(current.node)) {
            const int next = graph.follow(e, GraphDirection::Downstream);
            if (!follows(graph, e, derived) || seen[next])
                continue;
            seen[next] = 1;
            out.reached.append({next, current.distance + 1, head, e, GraphDirection::Downstream});
        }
    }
    return out;
}

QVector<QVector<int>> cycles(const LineageGraph &graph)
{
    // Tarjan's algorithm without recursion: a 100k-long chain must not overflow the stack.
    const int n = graph.nodeCount();
    std::vector<int> index(n, -1);
    std::vector<int> low(n, 0);
    std::vector<char> onStack(n, 0);
    std::vector<int> stack;
    struct Frame
    {
        int node;
        const int *next;
        const int *end;
    };
    std::vector<Frame> calls;
    int counter = 0;
    QVector<QVector<int>> groups;
    for (int root = 0; root < n; ++root) {
        if (index[root] >= 0)
            continue;
        const auto enter = [&](int v) {
            index[v] = low[v] = counter++;
            stack.push_back(v);
            onStack[v] = 1;
            const EdgeRange r = graph.upstreamEdges(v);
            calls.push_back({v, r.begin(), r.end()});
        };
        enter(root);
        while (!calls.empty()) {
            Frame &f = calls.back();
            if (f.next != f.end) {
                const int w = graph.follow(*f.next++, GraphDirection::Upstream);
                if (index[w] < 0)
                    enter(w);
                else if (onStack[w])
                    low[f.node] = std::min(low[f.node], index[w]);
                continue;
            }
            const int v = f.node;
            calls.pop_back();
            if (!calls.empty())
                low[calls.back().node] = std::min(low[calls.back().node], low[v]);
            if (low[v] != index[v])
                continue;
            QVector<int> group;
            int w = -1;
            do {
                w = stack.back();
                stack.pop_back();
                onStack[w] = 0;
                group.append(w);
            } while (w != v);
            bool cyclic = group.size() > 1;
            for (int e : graph.upstreamEdges(v))
                cyclic = cyclic || graph.toIndex(e) == v;
            if (!cyclic)
                continue;
            std::sort(group.begin(), group.end(),
                      [&graph](int a, int b) { return graph.node(a).id < graph.node(b).id; });
            groups.append(group);
        }
    }
    std::sort(groups.begin(), groups.end(), [&graph](const QVector<int> &a, const QVector<int> &b) {
        return graph.node(a.first()).id < graph.node(b.first()).id;
    });
    return groups;
}

QVector<int> orphans(const LineageGraph &graph)
{
    QVector<int> result;
    for (int v = 0; v < graph.nodeCount(); ++v) {
        if (graph.node(v).kind != RecordKind::Model)
            continue;
        bool known = false;
        for (int e : graph.upstreamEdges(v)) {
            const RelationType type = graph.edge(e).type;
            // A model derived from itself (old data) has no origin either.
            if ((type == RelationType::DerivedFrom || type == RelationType::ProvidedBy) && graph.toIndex(e) != v)
                known = true;
        }
        if (!known)
            result.append(v);
    }
    std::sort(result.begin(), result.end(), [&graph](int a, int b) {
        const int byName = QString::compare(graph.node(a).name, graph.node(b).name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : graph.node(a).id < graph.node(b).id;
    });
    return result;
}

SupplierConcentration supplierConcentration(const LineageGraph &graph, int start, int maxDepth)
{
    SupplierConcentration result;
    if (start < 0 || start >= graph.nodeCount())
        return result;
    const Traversal lineageOf = lineage(graph, start, maxDepth);
    QVector<int> recordsOfSupplier(graph.nodeCount(), -1); // supplier node -> position in result.suppliers
    for (const ReachedNode &r : lineageOf.reached) {
        if (graph.node(r.node).kind == RecordKind::Supplier)
            continue;
        ++result.lineageRecords;
        bool any = false;
        for (int e : graph.upstreamEdges(r.node)) {
            const int s = graph.toIndex(e);
            if (graph.edge(e).type != RelationType::ProvidedBy || graph.node(s).kind != RecordKind::Supplier)
                continue;
            if (recordsOfSupplier[s] < 0) {
                recordsOfSupplier[s] = static_cast<int>(result.suppliers.size());
                result.suppliers.append(SupplierShare{s, {}, 0});
            }
            QVector<int> &records = result.suppliers[recordsOfSupplier[s]].records;
            if (records.isEmpty() || records.last() != r.node)
                records.append(r.node);
            any = true;
        }
        if (!any)
            result.noSupplier.append(r.node);
    }
    for (SupplierShare &s : result.suppliers) {
        std::sort(s.records.begin(), s.records.end());
        s.records.erase(std::unique(s.records.begin(), s.records.end()), s.records.end());
        s.share = result.lineageRecords > 0 ? double(s.records.size()) / result.lineageRecords : 0;
    }
    std::sort(result.suppliers.begin(), result.suppliers.end(),
              [&graph](const SupplierShare &a, const SupplierShare &b) {
                  if (a.records.size() != b.records.size())
                      return a.records.size() > b.records.size();
                  return graph.node(a.supplier).id < graph.node(b.supplier).id;
              });
    std::sort(result.noSupplier.begin(), result.noSupplier.end());
    return result;
}

GraphSnapshot subgraph(const LineageGraph &graph, const Traversal &traversal, RelationMask relations)
{
    QVector<int> nodes;
    nodes.reserve(traversal.reached.size());
    for (const ReachedNode &r : traversal.reached)
        nodes.append(r.node);
    return subgraph(graph, nodes, relations);
}

GraphSnapshot subgraph(const LineageGraph &graph, const QVector<int> &nodes, RelationMask relations)
{
    GraphSnapshot out;
    std::vector<char> inside(graph.nodeCount(), 0);
    out.nodes.reserve(nodes.size());
    for (int v : nodes) {
        if (v < 0 || v >= graph.nodeCount() || inside[v])
            continue;
        inside[v] = 1;
        out.nodes.append(graph.node(v));
    }
    for (int v : nodes) {
        if (v < 0 || v >= graph.nodeCount() || inside[v] != 1)
            continue;
        inside[v] = 2; // each node's edges once, even if listed twice
        for (int e : graph.upstreamEdges(v)) {
            if (inside[graph.toIndex(e)] && follows(graph, e, relations))
                out.edges.append(graph.edge(e));
        }
    }
    return out;
}

} // namespace strata::graphquery
