// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/GraphQueries.h"
#include "graph/LineageGraph.h"

#include <QMap>
#include <QStringList>

#include <algorithm>

namespace strata::test {

/// Hand-made graphs for the graph tests: records named by hand, ids in creation order unless given.
class GraphBuilder
{
public:
    qint64 add(RecordKind kind, const QString &name, qint64 id = 0)
    {
        GraphNode n;
        n.id = id > 0 ? id : static_cast<qint64>(m_snapshot.nodes.size()) + 1;
        n.kind = kind;
        n.name = name;
        n.hasLicense = true;
        n.hasDigest = true;
        m_snapshot.nodes.append(n);
        m_ids.insert(name, n.id);
        return n.id;
    }
    qint64 model(const QString &name) { return add(RecordKind::Model, name); }
    qint64 dataset(const QString &name) { return add(RecordKind::Dataset, name); }
    qint64 supplier(const QString &name) { return add(RecordKind::Supplier, name); }
    qint64 software(const QString &name) { return add(RecordKind::Software, name); }
    GraphNode &node(const QString &name)
    {
        for (GraphNode &n : m_snapshot.nodes) {
            if (n.name == name)
                return n;
        }
        return m_snapshot.nodes.first();
    }
    /// `from TYPE to`, as records are linked in the workspace.
    void link(const QString &from, RelationType type, const QString &to, const QString &subtype = {})
    {
        m_snapshot.edges.append({0, m_ids.value(from), m_ids.value(to), type, subtype});
    }
    void derived(const QString &from, const QString &to, const QString &kind = QStringLiteral("finetune"))
    {
        link(from, RelationType::DerivedFrom, to, kind);
    }
    qint64 id(const QString &name) const { return m_ids.value(name); }
    GraphSnapshot &snapshot() { return m_snapshot; }
    const GraphSnapshot &snapshot() const { return m_snapshot; }
    LineageGraph build() const { return LineageGraph(m_snapshot); }

private:
    GraphSnapshot m_snapshot;
    QMap<QString, qint64> m_ids;
};

inline int at(const LineageGraph &graph, const QString &name)
{
    for (int i = 0; i < graph.nodeCount(); ++i) {
        if (graph.node(i).name == name)
            return i;
    }
    return -1;
}

inline QStringList names(const LineageGraph &graph, const QVector<int> &nodes)
{
    QStringList list;
    for (int v : nodes)
        list << graph.node(v).name;
    return list;
}

inline QStringList sortedNames(const LineageGraph &graph, const QVector<int> &nodes)
{
    QStringList list = names(graph, nodes);
    std::sort(list.begin(), list.end());
    return list;
}

/// name -> distance for every record a traversal reached.
inline QMap<QString, int> distances(const LineageGraph &graph, const Traversal &t)
{
    QMap<QString, int> map;
    for (const ReachedNode &r : t.reached)
        map.insert(graph.node(r.node).name, r.distance);
    return map;
}

inline QStringList pathNames(const LineageGraph &graph, const Traversal &t, const QString &name)
{
    for (int i = 0; i < t.reached.size(); ++i) {
        if (graph.node(t.reached.at(i).node).name != name)
            continue;
        QStringList list;
        for (int entry : graphquery::pathTo(t, i))
            list << graph.node(t.reached.at(entry).node).name;
        return list;
    }
    return {};
}

} // namespace strata::test
