// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QGraphicsItem>
#include <QRectF>

namespace strata {

class GraphScene;

/// One record of the view: shape and colour by kind, name and version, a badge when it is risky. Painting drops
/// the text when the record is only a few pixels tall; below that the scene shows the overview instead.
class NodeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 41 };

    NodeItem(GraphScene *scene, int index, QGraphicsItem *parent);

    int type() const override { return Type; }
    /// Position of the record in the view (GraphViewData::view.nodes).
    int index() const { return m_index; }
    qint64 recordId() const;
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    GraphScene *m_scene;
    int m_index;
    QRectF m_box;
};

/// Every relation of the view in one item: thousands of separate items would cost more to manage than to draw.
/// Culls to the exposed area, draws straight lines without arrowheads or labels when zoomed out, and emphasises
/// the paths through the hovered record.
class EdgeLayerItem : public QGraphicsItem
{
public:
    explicit EdgeLayerItem(GraphScene *scene);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    GraphScene *m_scene;
};

/// All records as plain coloured boxes, drawn in a few batched calls: what the view shows when records are too
/// small to read, instead of thousands of items.
class OverviewItem : public QGraphicsItem
{
public:
    explicit OverviewItem(GraphScene *scene);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    GraphScene *m_scene;
};

} // namespace strata
