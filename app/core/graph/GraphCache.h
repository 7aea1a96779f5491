// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "graph/LineageGraph.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace strata {

class Workspace;

/// Keeps the whole workspace graph indexed in memory between questions, so each one costs milliseconds instead
/// of a read of every relation, and forgets it as soon as the workspace reports a change.
class GraphCache : public QObject
{
    Q_OBJECT

public:
    explicit GraphCache(Workspace *workspace, QObject *parent = nullptr);

    /// The indexed graph, read and indexed now if the cache is stale (this blocks: a GUI uses loadSlice()).
    Result<std::shared_ptr<const LineageGraph>> graph();
    /// The indexed graph if it is current; null otherwise.
    std::shared_ptr<const LineageGraph> current() const { return m_graph; }
    /// Counts changes to the workspace: a graph built from data read before a change is refused by adopt().
    quint64 generation() const { return m_generation; }

    /// Reads the next `rows` records or relations for a graph that is stale; true once every row is read and
    /// takeSnapshot() can be indexed (off the GUI thread if large) and handed back through adopt().
    Result<bool> loadSlice(int rows);
    /// Rows read so far and expected in total, for progress.
    qint64 rowsRead() const;
    qint64 rowsTotal() const;
    GraphSnapshot takeSnapshot();
    /// Takes a graph built from a snapshot read at `generation`; ignored if the workspace changed since.
    bool adopt(std::shared_ptr<const LineageGraph> graph, quint64 generation);

public Q_SLOTS:
    void invalidate();

Q_SIGNALS:
    /// The workspace changed: the cached graph was dropped and questions must be asked again.
    void invalidated();

private:
    QPointer<Workspace> m_workspace;
    std::shared_ptr<const LineageGraph> m_graph;
    std::unique_ptr<GraphLoad> m_load;
    quint64 m_generation = 0;
};

} // namespace strata
