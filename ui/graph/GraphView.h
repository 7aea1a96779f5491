// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QGraphicsView>
#include <QImage>
#include <QPoint>

namespace strata {

class GraphScene;
class GraphMiniMap;

/// The graph's viewport: wheel to zoom around the pointer, drag to pan, click to select a record, double-click to
/// focus on it, hover to light the paths through it. Tells the scene its scale so it can drop detail, and keeps
/// a minimap in its corner while the view is larger than the window.
class GraphView : public QGraphicsView
{
    Q_OBJECT

public:
    static constexpr double kMinScale = 0.01;
    static constexpr double kMaxScale = 4.0;

    explicit GraphView(GraphScene *scene, QWidget *parent = nullptr);

    /// The scene shown, or null once it is gone (also while it is being destroyed: its views still hear from it).
    GraphScene *graphScene() const;
    double scale() const;
    /// Shows the whole view (never magnified past 1:1).
    void zoomToFit();
    /// Zooms around the middle of the view, or around the pointer (the wheel).
    void zoomBy(double factor, bool aroundPointer = false);
    /// Scrolls so the record is in the middle.
    void centerOnRecord(qint64 id);
    GraphMiniMap *miniMap() const { return m_miniMap; }
    /// The scene was replaced: redraw the minimap's picture.
    void sceneReplaced();

Q_SIGNALS:
    /// A click on a record (its id), or on the background (0).
    void recordClicked(qint64 id);
    void recordDoubleClicked(qint64 id);
    void scaleChanged(double scale);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void transformChanged();
    qint64 recordAt(const QPoint &viewPos) const;

    GraphMiniMap *m_miniMap;
    QPoint m_pressPos;
    bool m_pressed = false;
};

/// A small picture of the whole view with the visible part outlined; click or drag in it to move there.
class GraphMiniMap : public QWidget
{
    Q_OBJECT

public:
    explicit GraphMiniMap(GraphView *view);

    void renderScene();
    void updateViewport();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    /// The scene's rectangle, empty while the view has no scene.
    QRectF sceneRect() const;
    QRectF pictureRect() const;
    void moveViewTo(const QPoint &pos);

    GraphView *m_view;
    QImage m_picture;
    QRectF m_visible; ///< scene rectangle on screen
};

} // namespace strata
