// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "graph/GraphRisk.h"

#include "graph/GraphQueries.h"

#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr RiskReasons bit(RiskReason reason)
{
    return static_cast<RiskReasons>(reason);
}

} // namespace

RiskReasons GraphRisk::reasonsOf(const GraphNode &node, const RiskOptions &options)
{
    RiskReasons reasons = 0;
    if (node.placeholder)
        reasons |= bit(RiskReason::Placeholder);
    const bool licensed =
        node.kind == RecordKind::Model || node.kind == RecordKind::Dataset || node.kind == RecordKind::Software;
    if (licensed && !node.hasLicense)
        reasons |= bit(RiskReason::MissingLicense);
    if ((node.kind == RecordKind::Model || node.kind == RecordKind::Dataset) && !node.hasDigest)
        reasons |= bit(RiskReason::MissingDigest);
    if (node.kind == RecordKind::Supplier && node.certificationValidUntil.isValid() &&
        node.certificationValidUntil < options.today)
        reasons |= bit(RiskReason::CertificationExpired);
    return reasons;
}

RiskMap GraphRisk::propagate(const LineageGraph &graph, const RiskOptions &options)
{
    RiskMap map;
    const int n = graph.nodeCount();
    map.nodes.resize(n);
    // Every record that carries risk (its own or inherited) is expanded once, in order of distance from the
    // nearest cause, so each record inherits from its nearest risky ancestor.
    std::vector<int> queue;
    for (int v = 0; v < n; ++v) {
        map.nodes[v].reasons = reasonsOf(graph.node(v), options);
        if (map.nodes[v].reasons) {
            ++map.risky;
            queue.push_back(v);
        }
    }
    for (size_t head = 0; head < queue.size(); ++head) {
        const int u = queue[head];
        const NodeRisk &from = map.nodes.at(u);
        const int cause = from.reasons ? u : from.cause;
        const int distance = from.reasons ? 1 : from.distance + 1;
        for (int e : graph.downstreamEdges(u)) {
            const int v = graph.fromIndex(e);
            NodeRisk &to = map.nodes[v];
            if (to.inherits() || v == cause)
                continue;
            to.cause = cause;
            to.distance = distance;
            to.parent = u;
            to.edge = e;
            ++map.inheriting;
            if (!to.reasons)
                queue.push_back(v);
        }
    }
    return map;
}

GraphPath GraphRisk::pathToCause(const LineageGraph &graph, const RiskMap &map, int node)
{
    GraphPath path;
    if (node < 0 || node >= map.nodes.size() || !map.nodes.at(node).inherits())
        return path;
    const int cause = map.nodes.at(node).cause;
    int v = node;
    // Parents lead to the cause; the length bound guards against a map that does not belong to the graph.
    for (int steps = 0; steps <= graph.nodeCount(); ++steps) {
        path.nodes.prepend(v);
        if (v == cause)
            return path;
        path.edges.prepend(map.nodes.at(v).edge);
        v = map.nodes.at(v).parent;
        if (v < 0)
            break;
    }
    return {};
}

QVector<RiskCause> GraphRisk::explain(const LineageGraph &graph, int node, const RiskOptions &options, int limit)
{
    QVector<RiskCause> causes;
    const Traversal up = graphquery::lineage(graph, node);
    for (int i = 1; i < up.reached.size() && causes.size() < limit; ++i) {
        const RiskReasons reasons = reasonsOf(graph.node(up.reached.at(i).node), options);
        if (!reasons)
            continue;
        RiskCause cause;
        cause.cause = up.reached.at(i).node;
        cause.reasons = reasons;
        // pathTo runs from the record to the cause; a cause reads better first.
        const QVector<int> entries = graphquery::pathTo(up, i);
        for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
            cause.path.nodes.append(up.reached.at(*it).node);
            if (up.reached.at(*it).edge >= 0)
                cause.path.edges.append(up.reached.at(*it).edge);
        }
        causes.append(cause);
    }
    return causes;
}

QStringList GraphRisk::reasonKeys(RiskReasons reasons)
{
    QStringList keys;
    if (reasons & bit(RiskReason::Placeholder))
        keys << u"placeholder"_s;
    if (reasons & bit(RiskReason::MissingLicense))
        keys << u"missing_license"_s;
    if (reasons & bit(RiskReason::MissingDigest))
        keys << u"missing_digest"_s;
    if (reasons & bit(RiskReason::CertificationExpired))
        keys << u"certification_expired"_s;
    return keys;
}

QStringList GraphRisk::reasonTexts(const GraphNode &node, RiskReasons reasons)
{
    QStringList texts;
    if (reasons & bit(RiskReason::Placeholder))
        texts << tr("unverified: only referenced by an import, nobody has described it yet");
    if (reasons & bit(RiskReason::MissingLicense))
        texts << tr("no license is recorded");
    if (reasons & bit(RiskReason::MissingDigest))
        texts << tr("no file digest is recorded, so the files cannot be checked");
    if (reasons & bit(RiskReason::CertificationExpired))
        texts << tr("certification %1 expired on %2")
                     .arg(node.certification, node.certificationValidUntil.toString(Qt::ISODate));
    return texts;
}

} // namespace strata
