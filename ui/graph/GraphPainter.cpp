// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "GraphPainter.h"

#include "GraphViewData.h"
#include "graph/GraphStyle.h"

#include <QFontMetricsF>
#include <QGuiApplication>
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

void drawLines(QPainter *painter, const GraphViewData &data, const QRectF &exposed)
{
    std::array<QVector<QLineF>, kRelationTypes> lines;
    for (int e = 0; e < data.view.edges.size(); ++e) {
        const QVector<QPointF> &route = data.layout.routes.at(e);
        if (route.size() < 2)
            continue;
        const QLineF line(route.first(), route.last());
        if (QRectF(line.p1(), line.p2()).normalized().adjusted(-1, -1, 1, 1).intersects(exposed))
            lines[int(data.view.edges.at(e).type)].append(line);
    }
    for (int t = 0; t < kRelationTypes; ++t) {
        QPen pen(colours().relation[t].color(), 0);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->drawLines(lines[t]);
    }
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
    // Emphasised relations are drawn last, on top of the dimmed ones.
    for (int pass = 0; pass < (lit ? 2 : 1); ++pass) {
        for (int e = 0; e < data.view.edges.size(); ++e) {
            if (!bounds.at(e).intersects(exposed) || paths.at(e).isEmpty())
                continue;
            const bool on = lit && lit(e);
            if (lit && on != (pass == 1))
                continue;
            const GraphEdge &edge = data.view.edges.at(e);
            QPen pen = pal.relation[int(edge.type)];
            if (lit) {
                QColor c = pen.color();
                c.setAlphaF(on ? 1.0 : kDimOpacity);
                pen.setColor(c);
                if (on)
                    pen.setWidthF(pen.widthF() + 1.2);
            }
            painter->setPen(pen);
            painter->drawPath(paths.at(e));
            if (!detailed)
                continue;
            // Arrowhead at the downstream end, along the last segment.
            const QVector<QPointF> &route = data.layout.routes.at(e);
            const QLineF back = QLineF(route.last(), route.at(route.size() - 2));
            if (back.length() > 0.1) {
                const QPointF u = (back.unitVector().p2() - back.unitVector().p1());
                const QPointF base = route.last() + u * kArrowLength;
                const QPointF side(u.y() * kArrowLength * 0.4, -u.x() * kArrowLength * 0.4);
                const QPointF head[] = {route.last(), base + side, base - side};
                painter->setPen(Qt::NoPen);
                painter->setBrush(pen.color());
                painter->drawPolygon(head, 3);
                painter->setBrush(Qt::NoBrush);
            }
            if (!edge.subtype.isEmpty()) {
                const QPointF mid = paths.at(e).pointAtPercent(0.5);
                const QString label = derivationKindLabel(edge.subtype);
                const double width = metrics.horizontalAdvance(label) + 6;
                const QRectF box(mid.x() - width / 2, mid.y() - metrics.height() / 2, width, metrics.height());
                painter->setPen(Qt::NoPen);
                painter->setBrush(labelBackground);
                painter->drawRoundedRect(box, 3, 3);
                painter->setFont(labelFont);
                painter->setPen(pen.color().darker(130));
                painter->drawText(box, Qt::AlignCenter, label);
                painter->setBrush(Qt::NoBrush);
            }
        }
    }
    painter->restore();
}

void paintOverview(QPainter *painter, const GraphViewData &data, const QRectF &exposed, bool withEdges, bool withRisk)
{
    const Palette &pal = colours();
    if (withEdges)
        drawLines(painter, data, exposed);
    std::array<QVector<QRectF>, kKinds> boxes;
    QVector<QRectF> risky;
    QVector<QRectF> inheriting;
    for (int i = 0; i < data.view.nodes.size(); ++i) {
        const QRectF r = nodeBox(data, i);
        if (!r.intersects(exposed))
            continue;
        boxes[int(data.view.nodes.at(i).kind)].append(r);
        if (data.reasons.value(i))
            risky.append(r);
        else if (data.inherits.value(i))
            inheriting.append(r);
    }
    for (int k = 0; k < kKinds; ++k) {
        QPen pen(pal.stroke[k], 0);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->setBrush(pal.fill[k]);
        painter->drawRects(boxes[k]);
    }
    if (!withRisk)
        return;
    painter->setBrush(Qt::NoBrush);
    QPen riskPen(pal.risk, 2);
    riskPen.setCosmetic(true);
    painter->setPen(riskPen);
    painter->drawRects(risky);
    riskPen.setColor(pal.inherited);
    painter->setPen(riskPen);
    painter->drawRects(inheriting);
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
