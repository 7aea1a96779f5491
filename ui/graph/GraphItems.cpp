// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "GraphItems.h"

#include "GraphPainter.h"
#include "GraphScene.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

namespace strata {

NodeItem::NodeItem(GraphScene *scene, int index, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_scene(scene)
    , m_index(index)
    , m_box(scene->boxOf(index))
{
    const GraphNode &node = scene->data()->view.nodes.at(index);
    setToolTip(QStringLiteral("%1 — %2").arg(node.name, recordKindLabel(node.kind)));
}

qint64 NodeItem::recordId() const
{
    return m_scene->data()->view.nodes.at(m_index).id;
}

QRectF NodeItem::boundingRect() const
{
    // Room for the risk badge on the top-right corner and for a thick selection outline.
    const double badge = graphpainter::kBadgeRadius + 2;
    return m_box.adjusted(-4, -badge, badge, 4);
}

QPainterPath NodeItem::shape() const
{
    QPainterPath path;
    path.addRect(m_box);
    return path;
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(widget)
    NodePaintState state;
    state.selected = m_scene->selectedRecord() == recordId();
    state.dimmed = m_scene->highlightActive() && !m_scene->nodeLit(m_index);
    graphpainter::paintNode(painter, *m_scene->data(), m_index, state,
                            option->levelOfDetailFromTransform(painter->worldTransform()));
}

EdgeLayerItem::EdgeLayerItem(GraphScene *scene)
    : m_scene(scene)
{
    setFlag(ItemUsesExtendedStyleOption); // exposedRect: draw only what is on screen
    setZValue(-1);
}

QRectF EdgeLayerItem::boundingRect() const
{
    return m_scene->sceneRect();
}

void EdgeLayerItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(widget)
    std::function<bool(int)> lit;
    if (m_scene->highlightActive())
        lit = [scene = m_scene](int e) { return scene->edgeLit(e); };
    QColor labelBackground = QApplication::palette().color(QPalette::Base);
    labelBackground.setAlphaF(0.85);
    graphpainter::paintEdges(painter, *m_scene->data(), m_scene->edgePaths(), m_scene->edgeBounds(),
                             option->exposedRect, option->levelOfDetailFromTransform(painter->worldTransform()), lit,
                             labelBackground);
}

OverviewItem::OverviewItem(GraphScene *scene)
    : m_scene(scene)
{
    setFlag(ItemUsesExtendedStyleOption);
}

QRectF OverviewItem::boundingRect() const
{
    return m_scene->sceneRect();
}

void OverviewItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(widget)
    graphpainter::paintOverview(painter, *m_scene->data(), option->exposedRect, false, true);
}

} // namespace strata
