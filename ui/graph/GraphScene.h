// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "GraphViewData.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPainterPath>
#include <QVector>

#include <memory>
#include <vector>

class QTimer;

namespace strata {

class EdgeLayerItem;
class NodeItem;
class OverviewItem;

/// The laid-out view as a scene: an item per record (added in slices so a 20,000-record view never freezes the
/// window), one item for all relations and one overview item for zoomed-out views. It also knows what the
/// pointer is over (a grid index, cheaper than item hit-tests) and which paths the hovered record lies on.
class GraphScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit GraphScene(QObject *parent = nullptr);
    ~GraphScene() override;

    /// Replaces the scene with a new view; items are added over the next event-loop turns.
    void setData(std::shared_ptr<const GraphViewData> data);
    const GraphViewData *data() const { return m_data.get(); }
    std::shared_ptr<const GraphViewData> sharedData() const { return m_data; }
    bool isBuilding() const;
    /// Adds the remaining items now (tests, exports).
    void finishBuilding();

    QList<NodeItem *> nodeItems() const { return m_items; }
    NodeItem *itemFor(qint64 recordId) const;
    /// The view position of the record under `scenePos`, -1 for none.
    int nodeAt(const QPointF &scenePos) const;
    QRectF boxOf(int node) const;
    int indexOf(qint64 recordId) const { return m_indexOf.value(recordId, -1); }

    void setSelectedRecord(qint64 id);
    qint64 selectedRecord() const { return m_selected; }
    /// Emphasises the paths through this view node (-1: none).
    void setHovered(int node);
    int hovered() const { return m_hovered; }
    bool highlightActive() const { return m_hovered >= 0; }
    bool nodeLit(int node) const { return m_litNodes.at(node) != 0; }
    bool edgeLit(int edge) const { return m_litEdges.at(edge) != 0; }

    /// Switches between item and overview drawing for the view's current scale.
    void setViewScale(double scale);
    bool showsOverview() const { return m_overview; }

    /// Per edge of the view: its drawn path (straight or curved) and bounds, for the edge layer.
    const QVector<QPainterPath> &edgePaths() const { return m_edgePaths; }
    const QVector<QRectF> &edgeBounds() const { return m_edgeBounds; }

Q_SIGNALS:
    void buildProgress(int done, int total);
    void built();

private:
    void addSlice();

    std::shared_ptr<const GraphViewData> m_data;
    LineageGraph m_viewGraph; ///< the view itself indexed, for the hover paths
    QHash<qint64, int> m_indexOf;
    QGraphicsItem *m_nodeLayer = nullptr;
    EdgeLayerItem *m_edges = nullptr;
    OverviewItem *m_overviewItem = nullptr;
    QList<NodeItem *> m_items;
    int m_nextItem = 0;
    QTimer *m_buildTimer = nullptr;
    QVector<QPainterPath> m_edgePaths;
    QVector<QRectF> m_edgeBounds;
    QHash<quint64, QVector<int>> m_grid; ///< cell -> nodes whose box touches it
    qint64 m_selected = 0;
    int m_hovered = -1;
    std::vector<char> m_litNodes;
    std::vector<char> m_litEdges;
    bool m_overview = false;
};

} // namespace strata
