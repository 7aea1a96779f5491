// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "graph/GraphLayout.h"

#include "graph/GraphvizEngine.h"
#include "util/Sha256.h"

#include <QDataStream>
#include <QHash>
#include <QIODevice>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr quint32 kMagic = 0x53474c31; // "SGL1"
constexpr double kLoopReach = 28;      // how far a self-reference loop sticks out of its box, in points

/// The view's edges in the direction of flow (upstream above): tail = the record depended on, head = its user.
struct FlowEdge
{
    int tail = -1;
    int head = -1;
};

QVector<FlowEdge> flowEdges(const LayoutRequest &request)
{
    QHash<qint64, int> index;
    index.reserve(request.view.nodes.size());
    for (int i = 0; i < request.view.nodes.size(); ++i)
        index.insert(request.view.nodes.at(i).id, i);
    QVector<FlowEdge> edges;
    edges.reserve(request.view.edges.size());
    for (const GraphEdge &e : request.view.edges)
        edges.append({index.value(e.to, -1), index.value(e.from, -1)});
    return edges;
}

QSizeF sizeOf(const LayoutRequest &request, int node)
{
    const QSizeF size = request.sizes.value(node);
    return size.isValid() && !size.isEmpty() ? size : GraphLayout::kDefaultNodeSize;
}

/// For each node, the one incoming flow edge that keeps its longest-path rank (from the deepest parent), after
/// breaking cycles; dot lays out that forest without crossings to reduce and every rank stays what the full graph
/// would give. -1 for sources.
QVector<int> forestEdges(int nodeCount, const QVector<FlowEdge> &edges)
{
    std::vector<std::vector<int>> out(nodeCount);
    for (int e = 0; e < edges.size(); ++e) {
        if (edges.at(e).tail >= 0 && edges.at(e).head >= 0 && edges.at(e).tail != edges.at(e).head)
            out[edges.at(e).tail].push_back(e);
    }
    // Iterative depth-first search: an edge to a node still on the stack closes a cycle and is left out.
    std::vector<char> state(nodeCount, 0); // 0 new, 1 on stack, 2 done
    std::vector<char> back(edges.size(), 0);
    std::vector<int> order; // reverse post-order = a topological order of the acyclic rest
    order.reserve(nodeCount);
    std::vector<std::pair<int, size_t>> stack;
    for (int root = 0; root < nodeCount; ++root) {
        if (state[root])
            continue;
        stack.push_back({root, 0});
        state[root] = 1;
        while (!stack.empty()) {
            auto &[v, next] = stack.back();
            if (next < out[v].size()) {
                const int e = out[v][next++];
                const int w = edges.at(e).head;
                if (state[w] == 1)
                    back[e] = 1;
                else if (state[w] == 0) {
                    state[w] = 1;
                    stack.push_back({w, 0});
                }
                continue;
            }
            state[v] = 2;
            order.push_back(v);
            stack.pop_back();
        }
    }
    std::reverse(order.begin(), order.end());
    std::vector<int> rank(nodeCount, 0);
    QVector<int> parentEdge(nodeCount, -1);
    for (int v : order) {
        for (int e : out[v]) {
            const int w = edges.at(e).head;
            if (back[e])
                continue;
            if (parentEdge[w] < 0 || rank[v] + 1 > rank[w]) {
                rank[w] = std::max(rank[w], rank[v] + 1);
                parentEdge[w] = e;
            }
        }
    }
    return parentEdge;
}

QList<std::pair<QByteArray, QByteArray>> attributesFor(LayoutTier tier)
{
    QList<std::pair<QByteArray, QByteArray>> a = {
        {"rankdir", "TB"}, {"nodesep", "0.3"}, {"ranksep", "0.55"}, {"newrank", "true"}};
    if (tier == LayoutTier::Detailed) {
        a.append(std::pair<QByteArray, QByteArray>("splines", "spline"));
        return a;
    }
    // Measured in tests/bench (bench_graph): these cut dot's time by an order of magnitude on lineage graphs.
    a.append(QList<std::pair<QByteArray, QByteArray>>{
        {"splines", "none"}, {"mclimit", "0.01"}, {"nslimit", "0.01"}, {"nslimit1", "0.01"}, {"remincross", "false"}});
    return a;
}

/// Where the segment from the center of box `a` towards `towards` leaves the box.
QPointF boxExit(QPointF center, QSizeF size, QPointF towards)
{
    const double dx = towards.x() - center.x();
    const double dy = towards.y() - center.y();
    if (std::abs(dx) < 1e-9 && std::abs(dy) < 1e-9)
        return center;
    const double tx = std::abs(dx) > 1e-9 ? size.width() / 2 / std::abs(dx) : 1e18;
    const double ty = std::abs(dy) > 1e-9 ? size.height() / 2 / std::abs(dy) : 1e18;
    const double t = std::min({tx, ty, 1.0});
    return {center.x() + dx * t, center.y() + dy * t};
}

QVector<QPointF> loopRoute(QPointF center, QSizeF size)
{
    const double right = center.x() + size.width() / 2;
    return {{right, center.y() - size.height() / 4},
            {right + kLoopReach, center.y() - size.height()},
            {right + kLoopReach, center.y() + size.height()},
            {right, center.y() + size.height() / 4}};
}

bool segmentsCross(QPointF a, QPointF b, QPointF c, QPointF d)
{
    const auto orient = [](QPointF p, QPointF q, QPointF r) {
        const double v = (q.x() - p.x()) * (r.y() - p.y()) - (q.y() - p.y()) * (r.x() - p.x());
        return v > 1e-9 ? 1 : (v < -1e-9 ? -1 : 0);
    };
    const int o1 = orient(a, b, c);
    const int o2 = orient(a, b, d);
    const int o3 = orient(c, d, a);
    const int o4 = orient(c, d, b);
    return o1 * o2 < 0 && o3 * o4 < 0;
}

} // namespace

LayoutTier GraphLayout::tierFor(int nodes)
{
    if (nodes <= kDetailedMaxNodes)
        return LayoutTier::Detailed;
    if (nodes <= kFastMaxNodes)
        return LayoutTier::Fast;
    return LayoutTier::Forest;
}

QString GraphLayout::tierKey(LayoutTier tier)
{
    switch (tier) {
    case LayoutTier::Detailed:
        return u"detailed"_s;
    case LayoutTier::Fast:
        return u"fast"_s;
    case LayoutTier::Forest:
        return u"forest"_s;
    }
    return {};
}

QByteArray GraphLayout::key(const LayoutRequest &request)
{
    const LayoutTier tier = request.tier.value_or(tierFor(static_cast<int>(request.view.nodes.size())));
    QByteArray data;
    QDataStream s(&data, QIODevice::WriteOnly);
    s << QByteArray("strata-graph-layout-1") << tierKey(tier) << qint32(request.view.nodes.size());
    for (int i = 0; i < request.view.nodes.size(); ++i) {
        const QSizeF size = sizeOf(request, i);
        s << request.view.nodes.at(i).id << qint32(std::lround(size.width() * 10))
          << qint32(std::lround(size.height() * 10));
    }
    s << qint32(request.view.edges.size());
    for (const GraphEdge &e : request.view.edges)
        s << e.from << e.to;
    return Sha256::hex(data).toLatin1();
}

Result<GraphLayoutResult> GraphLayout::compute(const LayoutRequest &request, const std::atomic<bool> *cancel)
{
    const int n = static_cast<int>(request.view.nodes.size());
    GraphLayoutResult result;
    result.tier = request.tier.value_or(tierFor(n));
    result.curved = result.tier == LayoutTier::Detailed;
    const QVector<FlowEdge> edges = flowEdges(request);

    GraphvizEngine::Input input;
    input.graphAttributes = attributesFor(result.tier);
    input.routeEdges = result.curved;
    input.nodes.reserve(n);
    for (int i = 0; i < n; ++i)
        input.nodes.append({sizeOf(request, i).width(), sizeOf(request, i).height()});
    // Which request edge each Graphviz edge is, so its route can be handed back.
    QVector<int> laidOut;
    if (result.tier == LayoutTier::Forest) {
        const QVector<int> parents = forestEdges(n, edges);
        for (int e : parents) {
            if (e >= 0) {
                input.edges.append({edges.at(e).tail, edges.at(e).head});
                laidOut.append(e);
            }
        }
    } else {
        for (int e = 0; e < edges.size(); ++e) {
            const FlowEdge &f = edges.at(e);
            if (f.tail >= 0 && f.head >= 0 && f.tail != f.head) {
                input.edges.append({f.tail, f.head});
                laidOut.append(e);
            }
        }
    }
    if (n == 0)
        return result;

    Result<GraphvizEngine::Output> placed = GraphvizEngine::layout(input, cancel);
    if (!placed)
        return placed.error();
    result.bounds = placed.value().bounds;
    result.centers = placed.value().centers;
    result.sizes.reserve(n);
    for (int i = 0; i < n; ++i)
        result.sizes.append(sizeOf(request, i));
    result.routes.resize(edges.size());
    for (int k = 0; k < laidOut.size(); ++k)
        result.routes[laidOut.at(k)] = placed.value().routes.at(k);
    for (int e = 0; e < edges.size(); ++e) {
        const FlowEdge &f = edges.at(e);
        if (f.tail < 0 || f.head < 0 || !result.routes.at(e).isEmpty())
            continue;
        const QPointF a = result.centers.at(f.tail);
        const QPointF b = result.centers.at(f.head);
        if (f.tail == f.head) {
            result.routes[e] = loopRoute(a, result.sizes.at(f.tail));
            result.bounds |= QRectF(a, QSizeF(result.sizes.at(f.tail).width() / 2 + kLoopReach, 1));
        } else {
            result.routes[e] = {boxExit(a, result.sizes.at(f.tail), b), boxExit(b, result.sizes.at(f.head), a)};
        }
    }
    return result;
}

QByteArray GraphLayout::toBytes(const GraphLayoutResult &layout)
{
    QByteArray data;
    QDataStream s(&data, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s << kMagic << tierKey(layout.tier) << layout.curved << layout.bounds << layout.centers << layout.sizes
      << layout.routes;
    return data;
}

std::optional<GraphLayoutResult> GraphLayout::fromBytes(const QByteArray &bytes, const LayoutRequest &request)
{
    QDataStream s(bytes);
    s.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    QString tier;
    GraphLayoutResult layout;
    s >> magic >> tier >> layout.curved >> layout.bounds >> layout.centers >> layout.sizes >> layout.routes;
    if (s.status() != QDataStream::Ok || magic != kMagic || layout.centers.size() != request.view.nodes.size() ||
        layout.sizes.size() != request.view.nodes.size() || layout.routes.size() != request.view.edges.size())
        return std::nullopt;
    for (LayoutTier t : {LayoutTier::Detailed, LayoutTier::Fast, LayoutTier::Forest}) {
        if (tierKey(t) == tier) {
            layout.tier = t;
            return layout;
        }
    }
    return std::nullopt;
}

qint64 GraphLayout::crossings(const GraphLayoutResult &layout, const GraphSnapshot &view)
{
    struct Segment
    {
        QPointF a;
        QPointF b;
        int from;
        int to;
        double minX;
        double maxX;
    };
    LayoutRequest request;
    request.view = view;
    const QVector<FlowEdge> edges = flowEdges(request);
    std::vector<Segment> segments;
    segments.reserve(edges.size());
    for (const FlowEdge &e : edges) {
        if (e.tail < 0 || e.head < 0 || e.tail == e.head || e.tail >= layout.centers.size() ||
            e.head >= layout.centers.size())
            continue;
        const QPointF a = layout.centers.at(e.tail);
        const QPointF b = layout.centers.at(e.head);
        segments.push_back({a, b, e.tail, e.head, std::min(a.x(), b.x()), std::max(a.x(), b.x())});
    }
    // Sweep by x: only segments whose x-extents overlap can cross.
    std::sort(segments.begin(), segments.end(), [](const Segment &l, const Segment &r) { return l.minX < r.minX; });
    qint64 count = 0;
    for (size_t i = 0; i < segments.size(); ++i) {
        const Segment &s = segments[i];
        for (size_t j = i + 1; j < segments.size() && segments[j].minX <= s.maxX; ++j) {
            const Segment &t = segments[j];
            if (s.from == t.from || s.from == t.to || s.to == t.from || s.to == t.to)
                continue;
            if (segmentsCross(s.a, s.b, t.a, t.b))
                ++count;
        }
    }
    return count;
}

} // namespace strata
