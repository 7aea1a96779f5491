// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "GraphScene.h"

#include "GraphItems.h"
#include "GraphPainter.h"
#include "graph/GraphQueries.h"

#include <QElapsedTimer>
#include <QGraphicsRectItem>
#include <QGraphicsView>
#include <QTimer>

#include <cmath>

namespace strata {

namespace {

constexpr double kCell = 256;         // grid cell for hit-tests, in points
constexpr qint64 kSliceBudgetMs = 20; // GUI time per slice of items

quint64 cellKey(int x, int y)
{
    return (quint64(quint32(x)) << 32) | quint32(y);
}

} // namespace

GraphScene::GraphScene(QObject *parent)
    : QGraphicsScene(parent)
    , m_buildTimer(new QTimer(this))
{
    m_buildTimer->setInterval(0);
    connect(m_buildTimer, &QTimer::timeout, this, &GraphScene::addSlice);
}

GraphScene::~GraphScene()
{
    // Items refer back to the scene and its data: remove them while both are intact.
    clear();
    // ~QGraphicsScene detaches the views too, but only after this object has stopped being a GraphScene; a view
    // resizes as it lets go, and its minimap would ask a half-destroyed scene for its data.
    const QList<QGraphicsView *> shownIn = views();
    for (QGraphicsView *view : shownIn)
        view->setScene(nullptr);
}

void GraphScene::setData(std::shared_ptr<const GraphViewData> data)
{
    m_buildTimer->stop();
    clear();
    m_items.clear();
    m_nextItem = 0;
    m_hovered = -1;
    m_data = std::move(data);
    m_indexOf.clear();
    m_grid.clear();
    m_edgePaths.clear();
    m_edgeBounds.clear();
    if (!m_data)
        return;
    const GraphViewData &d = *m_data;
    m_viewGraph = LineageGraph(d.view);
    const int n = static_cast<int>(d.view.nodes.size());
    m_indexOf.reserve(n);
    for (int i = 0; i < n; ++i) {
        m_indexOf.insert(d.view.nodes.at(i).id, i);
        const QRectF box = boxOf(i);
        for (int x = int(std::floor(box.left() / kCell)); x <= int(std::floor(box.right() / kCell)); ++x) {
            for (int y = int(std::floor(box.top() / kCell)); y <= int(std::floor(box.bottom() / kCell)); ++y)
                m_grid[cellKey(x, y)].append(i);
        }
    }
    m_edgePaths.reserve(d.layout.routes.size());
    m_edgeBounds.reserve(d.layout.routes.size());
    for (const QVector<QPointF> &route : d.layout.routes) {
        m_edgePaths.append(graphpainter::routePath(route));
        m_edgeBounds.append(m_edgePaths.constLast().controlPointRect().adjusted(-8, -8, 8, 8));
    }
    m_litNodes.assign(n, 0);
    m_litEdges.assign(d.view.edges.size(), 0);

    setSceneRect(d.layout.bounds.adjusted(-40, -40, 40, 40));
    m_edges = new EdgeLayerItem(this);
    addItem(m_edges);
    m_overviewItem = new OverviewItem(this);
    addItem(m_overviewItem);
    m_nodeLayer = new QGraphicsRectItem(); // holds the record items; hidden as a whole in overview mode
    m_nodeLayer->setFlag(QGraphicsItem::ItemHasNoContents);
    addItem(m_nodeLayer);
    m_overviewItem->setVisible(m_overview);
    m_nodeLayer->setVisible(!m_overview);
    m_items.reserve(n);
    m_buildTimer->start();
    addSlice();
}

bool GraphScene::isBuilding() const
{
    return m_data && m_nextItem < m_data->view.nodes.size();
}

void GraphScene::finishBuilding()
{
    while (isBuilding())
        addSlice();
}

void GraphScene::addSlice()
{
    if (!m_data) {
        m_buildTimer->stop();
        return;
    }
    const int total = static_cast<int>(m_data->view.nodes.size());
    QElapsedTimer timer;
    timer.start();
    while (m_nextItem < total && timer.elapsed() < kSliceBudgetMs) {
        for (int k = 0; k < 64 && m_nextItem < total; ++k)
            m_items.append(new NodeItem(this, m_nextItem++, m_nodeLayer));
    }
    Q_EMIT buildProgress(m_nextItem, total);
    if (m_nextItem >= total) {
        m_buildTimer->stop();
        Q_EMIT built();
    }
}

NodeItem *GraphScene::itemFor(qint64 recordId) const
{
    const int i = indexOf(recordId);
    return i >= 0 && i < m_items.size() ? m_items.at(i) : nullptr;
}

QRectF GraphScene::boxOf(int node) const
{
    const QPointF c = m_data->layout.centers.at(node);
    const QSizeF s = m_data->layout.sizes.at(node);
    return QRectF(c.x() - s.width() / 2, c.y() - s.height() / 2, s.width(), s.height());
}

int GraphScene::nodeAt(const QPointF &scenePos) const
{
    if (!m_data)
        return -1;
    const auto it =
        m_grid.constFind(cellKey(int(std::floor(scenePos.x() / kCell)), int(std::floor(scenePos.y() / kCell))));
    if (it == m_grid.cend())
        return -1;
    for (int node : it.value()) {
        if (boxOf(node).contains(scenePos))
            return node;
    }
    return -1;
}

void GraphScene::setSelectedRecord(qint64 id)
{
    if (id == m_selected)
        return;
    const qint64 old = m_selected;
    m_selected = id;
    for (qint64 changed : {old, id}) {
        if (NodeItem *item = itemFor(changed))
            item->update();
    }
}

void GraphScene::setHovered(int node)
{
    if (!m_data || node == m_hovered)
        return;
    m_hovered = node;
    std::fill(m_litNodes.begin(), m_litNodes.end(), 0);
    std::fill(m_litEdges.begin(), m_litEdges.end(), 0);
    if (node >= 0) {
        // Records above the hovered one (what it is made of) and below it (what is built on it), and the
        // relations that join records on the same side.
        std::vector<char> up(m_litNodes.size(), 0);
        std::vector<char> down(m_litNodes.size(), 0);
        for (const ReachedNode &r : graphquery::lineage(m_viewGraph, node).reached)
            up[r.node] = 1;
        for (const ReachedNode &r : graphquery::impact(m_viewGraph, node).reached)
            down[r.node] = 1;
        for (size_t v = 0; v < m_litNodes.size(); ++v)
            m_litNodes[v] = up[v] || down[v];
        for (int e = 0; e < m_viewGraph.edgeCount(); ++e) {
            const int from = m_viewGraph.fromIndex(e);
            const int to = m_viewGraph.toIndex(e);
            m_litEdges[e] = (up[from] && up[to]) || (down[from] && down[to]);
        }
    }
    update();
}

void GraphScene::setViewScale(double scale)
{
    const bool overview = scale < graphpainter::kOverviewBelow;
    if (overview == m_overview)
        return;
    m_overview = overview;
    if (m_overviewItem)
        m_overviewItem->setVisible(overview);
    if (m_nodeLayer)
        m_nodeLayer->setVisible(!overview);
}

} // namespace strata
