// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "GraphPainter.h"

#include "GraphViewData.h"
#include "graph/GraphLayout.h"
#include "graph/GraphStyle.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPalette>

#include <array>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace strata::graphpainter {

namespace {

constexpr double kArrowLength = 9;
constexpr double kDimOpacity = 0.22;
constexpr int kKinds = 5;
constexpr int kRelationTypes = 6;
/// Straight relations on screen above which they are drawn as plain one-pixel lines.
constexpr int kCrowdedLines = 300;

/// Colours and pens are built once: painting 20,000 records must not parse colour names.
struct Palette
{
    std::array<QColor, kKinds> fill;
    std::array<QColor, kKinds> stroke;
    std::array<QPen, kRelationTypes> relation;
    QColor risk = QColor(graphstyle::riskColor());
    QColor inherited = QColor(graphstyle::inheritedRiskColor());

    Palette()
    {
        for (RecordKind kind : allRecordKinds()) {
            const KindStyle s = graphstyle::kind(kind);
            fill[int(kind)] = QColor(s.fill);
            stroke[int(kind)] = QColor(s.stroke);
        }
        for (RelationType type : allRelationTypes()) {
            const RelationStyle s = graphstyle::relation(type);
            QPen pen(QColor(s.color), s.width);
            if (s.line == LineStyle::Dashed)
                pen.setStyle(Qt::DashLine);
            else if (s.line == LineStyle::Dotted)
                pen.setStyle(Qt::DotLine);
            else if (s.line == LineStyle::DashDot)
                pen.setStyle(Qt::DashDotLine);
            relation[int(type)] = pen;
        }
    }
};

const Palette &colours()
{
    static const Palette p;
    return p;
}

void drawShape(QPainter *painter, NodeShape shape, const QRectF &r)
{
    switch (shape) {
    case NodeShape::Hexagon: {
        const double inset = std::min(r.height() / 2, r.width() / 6);
        const QPointF points[] = {{r.left() + inset, r.top()},    {r.right() - inset, r.top()},
                                  {r.right(), r.center().y()},    {r.right() - inset, r.bottom()},
                                  {r.left() + inset, r.bottom()}, {r.left(), r.center().y()}};
        painter->drawPolygon(points, 6);
        break;
    }
    case NodeShape::RoundedBox:
        painter->drawRoundedRect(r, 8, 8);
        break;
    case NodeShape::Cylinder: {
        const double cap = std::min(8.0, r.height() / 4);
        QPainterPath body;
        body.moveTo(r.left(), r.top() + cap / 2);
        body.arcTo(QRectF(r.left(), r.top(), r.width(), cap), 180, -180);
        body.lineTo(r.right(), r.bottom() - cap / 2);
        body.arcTo(QRectF(r.left(), r.bottom() - cap, r.width(), cap), 0, -180);
        body.closeSubpath();
        painter->drawPath(body);
        painter->drawArc(QRectF(r.left(), r.top(), r.width(), cap), 180 * 16, 180 * 16);
        break;
    }
    case NodeShape::Box:
        painter->drawRect(r);
        break;
    case NodeShape::Ellipse:
        painter->drawEllipse(r);
        break;
    }
}

/// Cuts a line to `r` (Liang-Barsky), so long relations that cross the screen are rasterised only where seen.
bool clip(QLineF &line, const QRectF &r)
{
    const double dx = line.dx();
    const double dy = line.dy();
    double t0 = 0;
    double t1 = 1;
    const double p[] = {-dx, dx, -dy, dy};
    const double q[] = {line.x1() - r.left(), r.right() - line.x1(), line.y1() - r.top(), r.bottom() - line.y1()};
    for (int i = 0; i < 4; ++i) {
        if (std::abs(p[i]) < 1e-12) {
            if (q[i] < 0)
                return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    line = QLineF(line.pointAt(t0), line.pointAt(t1));
    return true;
}

/// Draws many one-pixel lines (scene coordinates, one colour each) straight into an image the size of the exposed
/// area and blits it: for crowded views this is several times cheaper than QPainter's per-line stroking, and at
/// that density antialiasing is not visible anyway.
void rasterLines(QPainter *painter, const QVector<QLineF> &lines, const QVector<QRgb> &colors, const QRectF &exposed)
{
    const QTransform toDevice = painter->worldTransform();
    QRect area = toDevice.mapRect(exposed).toAlignedRect();
    if (const QPaintDevice *device = painter->device())
        area &= QRect(0, 0, device->width(), device->height());
    if (area.isEmpty())
        return;
    QImage image(area.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    const int width = image.width();
    const int height = image.height();
    auto *bits = reinterpret_cast<QRgb *>(image.bits());
    const qsizetype stride = image.bytesPerLine() / qsizetype(sizeof(QRgb));
    const QRectF bounds(0, 0, width - 1, height - 1);
    for (int i = 0; i < lines.size(); ++i) {
        QLineF line = toDevice.map(lines.at(i)).translated(-area.topLeft());
        if (!clip(line, bounds))
            continue;
        const QRgb color = colors.at(i);
        // Bresenham, on the clipped device line.
        int x0 = qRound(line.x1());
        int y0 = qRound(line.y1());
        const int x1 = qRound(line.x2());
        const int y1 = qRound(line.y2());
        const int dx = std::abs(x1 - x0);
        const int dy = -std::abs(y1 - y0);
        const int sx = x0 < x1 ? 1 : -1;
        const int sy = y0 < y1 ? 1 : -1;
        int error = dx + dy;
        for (;;) {
            bits[y0 * stride + x0] = color;
            if (x0 == x1 && y0 == y1)
                break;
            const int twice = 2 * error;
            if (twice >= dy) {
                error += dy;
                x0 += sx;
            }
            if (twice <= dx) {
                error += dx;
                y0 += sy;
            }
        }
    }
    painter->save();
    painter->resetTransform();
    painter->drawImage(area.topLeft(), image);
    painter->restore();
}

/// Zoomed out: every relation as a one-pixel line in its type's colour.
void drawLines(QPainter *painter, const GraphViewData &data, const QRectF &exposed)
{
    QVector<QLineF> lines;
    QVector<QRgb> colors;
    lines.reserve(data.view.edges.size());
    colors.reserve(data.view.edges.size());
    for (int e = 0; e < data.view.edges.size(); ++e) {
        const QVector<QPointF> &route = data.layout.routes.at(e);
        if (route.size() < 2)
            continue;
        QLineF line(route.first(), route.last());
        if (!clip(line, exposed))
            continue;
        lines.append(line);
        colors.append(colours().relation[int(data.view.edges.at(e).type)].color().rgba());
    }
    rasterLines(painter, lines, colors, exposed);
}

void drawArrowhead(QPainter *painter, const QVector<QPointF> &route, const QColor &color)
{
    const QLineF back = QLineF(route.last(), route.at(route.size() - 2));
    if (back.length() <= 0.1)
        return;
    const QPointF u = (back.unitVector().p2() - back.unitVector().p1());
    const QPointF base = route.last() + u * kArrowLength;
    const QPointF side(u.y() * kArrowLength * 0.4, -u.x() * kArrowLength * 0.4);
    const QPointF head[] = {route.last(), base + side, base - side};
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(head, 3);
    painter->setBrush(Qt::NoBrush);
}

} // namespace

QPainterPath routePath(const QVector<QPointF> &route)
{
    QPainterPath path;
    if (route.size() < 2)
        return path;
    path.moveTo(route.first());
    if (route.size() >= 4 && (route.size() - 1) % 3 == 0) {
        for (int i = 1; i + 2 < route.size(); i += 3)
            path.cubicTo(route.at(i), route.at(i + 1), route.at(i + 2));
    } else {
        for (int i = 1; i < route.size(); ++i)
            path.lineTo(route.at(i));
    }
    return path;
}

QRectF nodeBox(const GraphViewData &data, int node)
{
    const QPointF c = data.layout.centers.at(node);
    const QSizeF s = data.layout.sizes.at(node);
    return QRectF(c.x() - s.width() / 2, c.y() - s.height() / 2, s.width(), s.height());
}

void paintNode(QPainter *painter, const GraphViewData &data, int index, const NodePaintState &state, double lod)
{
    const GraphNode &node = data.view.nodes.at(index);
    const Palette &pal = colours();
    const QRectF box = nodeBox(data, index);
    painter->save();
    if (state.dimmed)
        painter->setOpacity(kDimOpacity);
    const RiskReasons reasons = data.reasons.value(index);
    const bool inherits = data.inherits.value(index);
    const bool focus = data.question.focus == node.id;
    QPen outline(pal.stroke[int(node.kind)], focus ? 2.6 : 1.2);
    if (state.selected)
        outline = QPen(QGuiApplication::palette().color(QPalette::Highlight), 3.2);
    painter->setPen(outline);
    painter->setBrush(pal.fill[int(node.kind)]);
    drawShape(painter, graphstyle::kind(node.kind).shape, box);

    if (lod >= kTextFrom) {
        QFont font = painter->font();
        font.setPointSizeF(9);
        font.setBold(focus);
        painter->setFont(font);
        const QFontMetricsF metrics(font);
        const QString name = metrics.elidedText(node.name, Qt::ElideRight, box.width() - 14);
        painter->setPen(QColor(0x20, 0x20, 0x20));
        if (node.version.isEmpty()) {
            painter->drawText(box, Qt::AlignCenter, name);
        } else {
            const double line = metrics.height();
            const QRectF top(box.left(), box.center().y() - line, box.width(), line);
            painter->drawText(top, Qt::AlignHCenter | Qt::AlignBottom, name);
            painter->setPen(QColor(0x55, 0x55, 0x55));
            painter->drawText(top.translated(0, line), Qt::AlignHCenter | Qt::AlignTop,
                              metrics.elidedText(node.version, Qt::ElideMiddle, box.width() - 14));
        }
    }
    if (reasons || inherits) {
        const QPointF center(box.right() - 2, box.top() + 2);
        painter->setPen(QPen(Qt::white, 1.5));
        painter->setBrush(reasons ? pal.risk : pal.inherited);
        painter->drawEllipse(center, kBadgeRadius, kBadgeRadius);
        if (lod >= kTextFrom) {
            QFont font = painter->font();
            font.setBold(true);
            font.setPointSizeF(8);
            painter->setFont(font);
            painter->setPen(Qt::white);
            // "!" for a risk of its own, an up arrow for risk that comes from upstream.
            painter->drawText(QRectF(center - QPointF(kBadgeRadius, kBadgeRadius), QSizeF(2, 2) * kBadgeRadius),
                              Qt::AlignCenter, reasons ? u"!"_s : u"↑"_s);
        }
    }
    painter->restore();
}

void paintEdges(QPainter *painter,
                const GraphViewData &data,
                const QVector<QPainterPath> &paths,
                const QVector<QRectF> &bounds,
                const QRectF &exposed,
                double lod,
                const std::function<bool(int)> &lit,
                const QColor &labelBackground)
{
    if (lod < kOverviewBelow) {
        drawLines(painter, data, exposed);
        return;
    }
    const Palette &pal = colours();
    const bool detailed = lod >= kTextFrom;
    painter->save();
    painter->setBrush(Qt::NoBrush);
    QFont labelFont = painter->font();
    labelFont.setPointSizeF(7.5);
    const QFontMetricsF metrics(labelFont);
    const QRectF area = exposed.adjusted(-20, -20, 20, 20);
    // Emphasised relations are drawn last, on top of the dimmed ones. Straight relations are clipped and batched
    // per type: a record with hundreds of derivations sends hundreds of long lines across the screen.
    for (int pass = 0; pass < (lit ? 2 : 1); ++pass) {
        std::array<QVector<QLineF>, kRelationTypes> straight;
        QVector<int> adorned;
        for (int e = 0; e < data.view.edges.size(); ++e) {
            if (!bounds.at(e).intersects(exposed) || paths.at(e).isEmpty())
                continue;
            const bool on = lit && lit(e);
            if (lit && on != (pass == 1))
                continue;
            const QVector<QPointF> &route = data.layout.routes.at(e);
            const RelationType type = data.view.edges.at(e).type;
            if (route.size() == 2) {
                QLineF line(route.first(), route.last());
                if (!clip(line, area))
                    continue;
                straight[int(type)].append(line);
            } else {
                QPen pen = pal.relation[int(type)];
                if (lit) {
                    QColor c = pen.color();
                    c.setAlphaF(on ? 1.0 : kDimOpacity);
                    pen.setColor(c);
                    pen.setWidthF(pen.widthF() + (on ? 1.2 : 0));
                }
                painter->setPen(pen);
                painter->drawPath(paths.at(e));
            }
            if (detailed && (exposed.contains(route.last()) || !data.view.edges.at(e).subtype.isEmpty()))
                adorned.append(e);
        }
        int crowd = 0;
        for (const QVector<QLineF> &group : straight)
            crowd += int(group.size());
        if (crowd > kCrowdedLines && !(lit && pass == 1)) {
            // A fan of hundreds of relations across the screen: one-pixel lines, drawn in one go.
            QVector<QLineF> lines;
            QVector<QRgb> colors;
            for (int t = 0; t < kRelationTypes; ++t) {
                QColor c = pal.relation[t].color();
                if (lit)
                    c.setAlphaF(kDimOpacity);
                for (const QLineF &line : std::as_const(straight[t])) {
                    lines.append(line);
                    colors.append(qPremultiply(c.rgba()));
                }
                straight[t].clear();
            }
            rasterLines(painter, lines, colors, exposed);
        }
        for (int t = 0; t < kRelationTypes; ++t) {
            if (straight[t].isEmpty())
                continue;
            QPen pen = pal.relation[t];
            if (lit) {
                QColor c = pen.color();
                c.setAlphaF(pass == 1 ? 1.0 : kDimOpacity);
                pen.setColor(c);
                pen.setWidthF(pen.widthF() + (pass == 1 ? 1.2 : 0));
            }
            painter->setPen(pen);
            painter->drawLines(straight[t]);
        }
        // Arrowheads at the downstream end of what is on screen, derivation kinds at the middle.
        for (int e : std::as_const(adorned)) {
            const GraphEdge &edge = data.view.edges.at(e);
            QColor color = pal.relation[int(edge.type)].color();
            if (lit)
                color.setAlphaF(pass == 1 ? 1.0 : kDimOpacity);
            const QVector<QPointF> &route = data.layout.routes.at(e);
            if (exposed.contains(route.last()))
                drawArrowhead(painter, route, color);
            if (edge.subtype.isEmpty())
                continue;
            const QPointF mid =
                route.size() == 2 ? (route.first() + route.last()) / 2 : paths.at(e).pointAtPercent(0.5);
            if (!area.contains(mid))
                continue;
            const QString label = derivationKindLabel(edge.subtype);
            const double width = metrics.horizontalAdvance(label) + 6;
            const QRectF box(mid.x() - width / 2, mid.y() - metrics.height() / 2, width, metrics.height());
            painter->setPen(Qt::NoPen);
            painter->setBrush(labelBackground);
            painter->drawRoundedRect(box, 3, 3);
            painter->setFont(labelFont);
            // On a dark palette's label background the edge's colour is lightened, not darkened, to stay readable.
            painter->setPen(labelBackground.lightness() < 128 ? color.lighter(160) : color.darker(130));
            painter->drawText(box, Qt::AlignCenter, label);
            painter->setBrush(Qt::NoBrush);
        }
    }
    painter->restore();
}

void paintOverview(QPainter *painter, const GraphViewData &data, const QRectF &exposed, bool withEdges, bool withRisk)
{
    const Palette &pal = colours();
    if (withEdges)
        drawLines(painter, data, exposed);
    // Records smaller than two pixels become points: a sub-pixel box would not show at all without antialiasing.
    const double scale = std::abs(painter->worldTransform().m11());
    const bool points = GraphLayout::kDefaultNodeSize.height() * scale < 2;
    std::array<QVector<QRectF>, kKinds> boxes;
    std::array<QVector<QPointF>, kKinds> dots;
    QVector<QRectF> risky;
    QVector<QRectF> inheriting;
    QVector<QPointF> riskyDots;
    QVector<QPointF> inheritingDots;
    for (int i = 0; i < data.view.nodes.size(); ++i) {
        const QRectF r = nodeBox(data, i);
        if (!r.intersects(exposed))
            continue;
        const int kind = int(data.view.nodes.at(i).kind);
        const bool own = data.reasons.value(i);
        const bool inherited = !own && data.inherits.value(i);
        if (points) {
            dots[kind].append(r.center());
            if (own)
                riskyDots.append(r.center());
            else if (inherited)
                inheritingDots.append(r.center());
            continue;
        }
        boxes[kind].append(r);
        if (own)
            risky.append(r);
        else if (inherited)
            inheriting.append(r);
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    const auto cosmetic = [](const QColor &color, double width) {
        QPen pen(color, width);
        pen.setCosmetic(true);
        pen.setCapStyle(Qt::SquareCap);
        return pen;
    };
    for (int k = 0; k < kKinds; ++k) {
        if (points) {
            painter->setPen(cosmetic(pal.stroke[k], 2));
            painter->drawPoints(dots[k].constData(), int(dots[k].size()));
            continue;
        }
        painter->setPen(cosmetic(pal.stroke[k], 0));
        painter->setBrush(pal.fill[k]);
        painter->drawRects(boxes[k]);
    }
    if (withRisk) {
        painter->setBrush(Qt::NoBrush);
        if (points) {
            painter->setPen(cosmetic(pal.risk, 2));
            painter->drawPoints(riskyDots.constData(), int(riskyDots.size()));
            painter->setPen(cosmetic(pal.inherited, 2));
            painter->drawPoints(inheritingDots.constData(), int(inheritingDots.size()));
        } else {
            painter->setPen(cosmetic(pal.risk, 2));
            painter->drawRects(risky);
            painter->setPen(cosmetic(pal.inherited, 2));
            painter->drawRects(inheriting);
        }
    }
    painter->restore();
}

void paintAll(QPainter *painter, const GraphViewData &data)
{
    QVector<QPainterPath> paths;
    QVector<QRectF> bounds;
    paths.reserve(data.layout.routes.size());
    for (const QVector<QPointF> &route : data.layout.routes) {
        paths.append(routePath(route));
        bounds.append(paths.constLast().controlPointRect().adjusted(-8, -8, 8, 8));
    }
    const QRectF everything = data.layout.bounds.adjusted(-50, -50, 50, 50);
    paintEdges(painter, data, paths, bounds, everything, 1.0, {}, QColor(255, 255, 255, 220));
    for (int i = 0; i < data.view.nodes.size(); ++i)
        paintNode(painter, data, i, {}, 1.0);
}

} // namespace strata::graphpainter
