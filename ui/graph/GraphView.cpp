// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "GraphView.h"

#include "GraphPainter.h"
#include "GraphScene.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kClickSlop = 4;       // pixels a press may move and still be a click
constexpr double kWheelStep = 1.15; // zoom per wheel notch
constexpr int kMiniMapWidth = 180;
constexpr int kMiniMapHeight = 130;
constexpr int kMiniMapMargin = 10;

} // namespace

GraphView::GraphView(GraphScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
{
    setObjectName(u"graphView"_s);
    setAccessibleName(tr("Lineage graph"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setOptimizationFlags(QGraphicsView::DontSavePainterState | QGraphicsView::DontAdjustForAntialiasing);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundBrush(palette().color(QPalette::Base));
    m_miniMap = new GraphMiniMap(this);
    m_miniMap->hide();
}

GraphScene *GraphView::graphScene() const
{
    // Not a pointer kept from the constructor: ~QGraphicsScene detaches its views, and they resize and scroll (so
    // ask the minimap to follow) after ~GraphScene has run. The view's scene() is null once detached, and
    // qobject_cast sees a scene part-way through destruction as the plain QGraphicsScene it has become.
    return qobject_cast<GraphScene *>(scene());
}

double GraphView::scale() const
{
    return transform().m11();
}

void GraphView::zoomToFit()
{
    const GraphScene *scene = graphScene();
    if (!scene || !scene->data())
        return;
    fitInView(scene->sceneRect(), Qt::KeepAspectRatio);
    if (scale() > 1.0)
        setTransform(QTransform());
    centerOn(scene->sceneRect().center());
    transformChanged();
}

void GraphView::zoomBy(double factor, bool aroundPointer)
{
    const double target = std::clamp(scale() * factor, kMinScale, kMaxScale);
    if (std::abs(target - scale()) < 1e-9)
        return;
    const double applied = target / scale();
    setTransformationAnchor(aroundPointer ? QGraphicsView::AnchorUnderMouse : QGraphicsView::AnchorViewCenter);
    QGraphicsView::scale(applied, applied);
    transformChanged();
}

void GraphView::centerOnRecord(qint64 id)
{
    const GraphScene *scene = graphScene();
    const int node = scene ? scene->indexOf(id) : -1;
    if (node >= 0)
        centerOn(scene->boxOf(node).center());
}

void GraphView::sceneReplaced()
{
    m_miniMap->renderScene();
    transformChanged();
}

void GraphView::transformChanged()
{
    if (GraphScene *scene = graphScene())
        scene->setViewScale(scale());
    m_miniMap->updateViewport();
    Q_EMIT scaleChanged(scale());
}

qint64 GraphView::recordAt(const QPoint &viewPos) const
{
    const GraphScene *scene = graphScene();
    if (!scene || !scene->data())
        return 0;
    const int node = scene->nodeAt(mapToScene(viewPos));
    return node >= 0 ? scene->data()->view.nodes.at(node).id : 0;
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (std::abs(notches) < 1e-6) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(kWheelStep, notches), true);
    event->accept();
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_pressPos = event->position().toPoint();
        m_pressed = true;
    }
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent *event)
{
    QGraphicsView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || !m_pressed)
        return;
    m_pressed = false;
    if ((event->position().toPoint() - m_pressPos).manhattanLength() <= kClickSlop)
        Q_EMIT recordClicked(recordAt(event->position().toPoint()));
}

void GraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (const qint64 id = recordAt(event->position().toPoint())) {
            Q_EMIT recordDoubleClicked(id);
            event->accept();
            return;
        }
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void GraphView::mouseMoveEvent(QMouseEvent *event)
{
    QGraphicsView::mouseMoveEvent(event);
    GraphScene *scene = graphScene();
    if (!scene || !scene->data() || (event->buttons() & Qt::LeftButton))
        return;
    scene->setHovered(scene->nodeAt(mapToScene(event->position().toPoint())));
}

void GraphView::leaveEvent(QEvent *event)
{
    if (GraphScene *scene = graphScene())
        scene->setHovered(-1);
    QGraphicsView::leaveEvent(event);
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(kWheelStep * kWheelStep);
        return;
    case Qt::Key_Minus:
        zoomBy(1 / (kWheelStep * kWheelStep));
        return;
    case Qt::Key_0:
    case Qt::Key_F:
        zoomToFit();
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    const QRect area = viewport()->geometry();
    m_miniMap->move(area.right() - kMiniMapWidth - kMiniMapMargin, area.bottom() - kMiniMapHeight - kMiniMapMargin);
    m_miniMap->raise();
    m_miniMap->updateViewport();
}

void GraphView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    m_miniMap->updateViewport();
}

GraphMiniMap::GraphMiniMap(GraphView *view)
    : QWidget(view) // not the viewport: scrolling the viewport would carry its children along
    , m_view(view)
{
    setObjectName(u"graphMiniMap"_s);
    setFixedSize(kMiniMapWidth, kMiniMapHeight);
    setCursor(Qt::PointingHandCursor);
    setAccessibleName(tr("Overview of the whole graph"));
}

QRectF GraphMiniMap::sceneRect() const
{
    const GraphScene *scene = m_view->graphScene();
    return scene ? scene->sceneRect() : QRectF();
}

QRectF GraphMiniMap::pictureRect() const
{
    const QRectF scene = sceneRect();
    if (scene.isEmpty())
        return {};
    const double s = std::min((width() - 8) / scene.width(), (height() - 8) / scene.height());
    const QSizeF size(scene.width() * s, scene.height() * s);
    return QRectF(QPointF((width() - size.width()) / 2, (height() - size.height()) / 2), size);
}

void GraphMiniMap::renderScene()
{
    const GraphScene *scene = m_view->graphScene();
    if (!scene || !scene->data()) {
        m_picture = QImage();
        hide();
        return;
    }
    const QRectF target = pictureRect();
    m_picture = QImage(target.size().toSize().expandedTo(QSize(1, 1)) * devicePixelRatioF(),
                       QImage::Format_ARGB32_Premultiplied);
    m_picture.setDevicePixelRatio(devicePixelRatioF());
    m_picture.fill(Qt::transparent);
    QPainter painter(&m_picture);
    painter.scale(target.width() / scene->sceneRect().width(), target.height() / scene->sceneRect().height());
    painter.translate(-scene->sceneRect().topLeft());
    graphpainter::paintOverview(&painter, *scene->data(), scene->sceneRect(), true, false);
    update();
}

void GraphMiniMap::updateViewport()
{
    const GraphScene *scene = m_view->graphScene();
    if (!scene) {
        m_picture = QImage();
        hide();
        return;
    }
    m_visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    // Only worth its space while part of the view is off screen.
    const bool needed = scene->data() && !m_visible.contains(scene->sceneRect().adjusted(20, 20, -20, -20));
    setVisible(needed && m_view->viewport()->width() > 3 * width());
    update();
}

void GraphMiniMap::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    QColor background = palette().color(QPalette::Window);
    background.setAlphaF(0.92);
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(background);
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
    const QRectF target = pictureRect();
    painter.drawImage(target.topLeft(), m_picture);
    const QRectF scene = sceneRect();
    if (scene.isEmpty())
        return;
    const double sx = target.width() / scene.width();
    const double sy = target.height() / scene.height();
    const QRectF visible((m_visible.left() - scene.left()) * sx + target.left(),
                         (m_visible.top() - scene.top()) * sy + target.top(), m_visible.width() * sx,
                         m_visible.height() * sy);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(visible.intersected(target.adjusted(-1, -1, 1, 1)));
}

void GraphMiniMap::moveViewTo(const QPoint &pos)
{
    const QRectF target = pictureRect();
    const QRectF scene = sceneRect();
    if (target.isEmpty())
        return;
    m_view->centerOn(scene.left() + (pos.x() - target.left()) * scene.width() / target.width(),
                     scene.top() + (pos.y() - target.top()) * scene.height() / target.height());
    updateViewport();
}

void GraphMiniMap::mousePressEvent(QMouseEvent *event)
{
    moveViewTo(event->position().toPoint());
}

void GraphMiniMap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        moveViewTo(event->position().toPoint());
}

} // namespace strata
