// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ReportGraph.h"

#include "ReportCanvas.h"
#include "graph/GraphExport.h"
#include "graph/GraphLayout.h"
#include "graph/GraphRisk.h"
#include "graph/GraphStyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QTransform>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr double kLegendHeight = 62; // points
constexpr double kOverlap = 24;      // points of layout shared by neighbouring parts

struct Drawing
{
    const GraphSnapshot &graph;
    const GraphLayoutResult &layout;
    const RiskMap &risk;
};

Qt::PenStyle penStyle(LineStyle style)
{
    switch (style) {
    case LineStyle::Dashed:
        return Qt::DashLine;
    case LineStyle::Dotted:
        return Qt::DotLine;
    case LineStyle::DashDot:
        return Qt::DashDotLine;
    case LineStyle::Solid:
        break;
    }
    return Qt::SolidLine;
}

QPainterPath shapePath(NodeShape shape, const QRectF &box)
{
    QPainterPath path;
    const double r = box.height() * 0.18;
    switch (shape) {
    case NodeShape::Hexagon: {
        const double d = box.height() * 0.3;
        path.moveTo(box.left() + d, box.top());
        path.lineTo(box.right() - d, box.top());
        path.lineTo(box.right(), box.center().y());
        path.lineTo(box.right() - d, box.bottom());
        path.lineTo(box.left() + d, box.bottom());
        path.lineTo(box.left(), box.center().y());
        path.closeSubpath();
        break;
    }
    case NodeShape::RoundedBox:
        path.addRoundedRect(box, r, r);
        break;
    case NodeShape::Cylinder: {
        const double e = box.height() * 0.12;
        path.moveTo(box.left(), box.top() + e);
        path.arcTo(QRectF(box.left(), box.top(), box.width(), 2 * e), 180, -180);
        path.lineTo(box.right(), box.bottom() - e);
        path.arcTo(QRectF(box.left(), box.bottom() - 2 * e, box.width(), 2 * e), 0, -180);
        path.closeSubpath();
        path.moveTo(box.left(), box.top() + e);
        path.arcTo(QRectF(box.left(), box.top(), box.width(), 2 * e), 180, 180);
        break;
    }
    case NodeShape::Box:
        path.addRect(box);
        break;
    case NodeShape::Ellipse:
        path.addEllipse(box);
        break;
    }
    return path;
}

/// Draws the part of the layout that `toDevice` maps into `clip` (device units), at `scale` × actual size.
void drawGraph(
    ReportCanvas &canvas, const Drawing &drawing, const QTransform &toDevice, double scale, const QRectF &clip)
{
    QPainter &p = canvas.painter();
    p.save();
    p.setClipRect(clip);
    p.setRenderHint(QPainter::Antialiasing);
    const GraphLayoutResult &layout = drawing.layout;
    QFont label = canvas.font(ReportCanvas::Style::Small);
    label.setPointSizeF(std::max(2.0, 7.0 * scale));
    for (int i = 0; i < drawing.graph.edges.size() && i < layout.routes.size(); ++i) {
        const QVector<QPointF> &route = layout.routes.at(i);
        if (route.size() < 2)
            continue;
        QPainterPath path(route.first());
        if (layout.curved && (route.size() - 1) % 3 == 0) {
            for (int j = 1; j + 2 < route.size(); j += 3)
                path.cubicTo(route.at(j), route.at(j + 1), route.at(j + 2));
        } else {
            for (int j = 1; j < route.size(); ++j)
                path.lineTo(route.at(j));
        }
        const GraphEdge &edge = drawing.graph.edges.at(i);
        const RelationStyle style = graphstyle::relation(edge.type);
        QPen pen(QColor(style.color), canvas.pt(style.width * scale), penStyle(style.line));
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawPath(toDevice.map(path));
        // Arrowhead at the downstream end: what the relation builds.
        const QPointF tip = toDevice.map(route.last());
        const QPointF from = toDevice.map(route.at(route.size() - 2));
        const double angle = std::atan2(tip.y() - from.y(), tip.x() - from.x());
        const double size = canvas.pt(6 * scale);
        QPolygonF head;
        head << tip << tip - QPointF(size * std::cos(angle - 0.4), size * std::sin(angle - 0.4))
             << tip - QPointF(size * std::cos(angle + 0.4), size * std::sin(angle + 0.4));
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(style.color));
        p.drawPolygon(head);
        const QPointF middle = toDevice.map(path.pointAtPercent(0.5));
        // Only labels inside the clip: clipped text would still be found by search and text extraction.
        if (!edge.subtype.isEmpty() && clip.contains(middle)) {
            p.setFont(label);
            p.setPen(QColor(style.color));
            p.drawText(QRectF(middle.x() + canvas.pt(3), middle.y() - canvas.pt(6 * scale), canvas.pt(120 * scale),
                              canvas.pt(12 * scale)),
                       Qt::AlignLeft | Qt::AlignVCenter, derivationKindLabel(edge.subtype));
        }
    }
    QFont nameFont = canvas.font(ReportCanvas::Style::Bold);
    nameFont.setPointSizeF(std::max(2.0, 8.0 * scale));
    for (int i = 0; i < drawing.graph.nodes.size() && i < layout.centers.size(); ++i) {
        const GraphNode &node = drawing.graph.nodes.at(i);
        const QSizeF size = layout.sizes.value(i, GraphLayout::kDefaultNodeSize);
        const QRectF box =
            toDevice.mapRect(QRectF(layout.centers.at(i) - QPointF(size.width() / 2, size.height() / 2), size));
        if (!box.intersects(clip))
            continue;
        const KindStyle style = graphstyle::kind(node.kind);
        const NodeRisk &risk = drawing.risk.nodes.value(i);
        QColor stroke(style.stroke);
        double width = 1.0;
        if (risk.isRisky()) {
            stroke = QColor(graphstyle::riskColor());
            width = 2.0;
        } else if (risk.inherits()) {
            stroke = QColor(graphstyle::inheritedRiskColor());
            width = 1.8;
        }
        p.setPen(QPen(stroke, canvas.pt(width * scale)));
        p.setBrush(QColor(style.fill));
        p.drawPath(shapePath(style.shape, box));
        const QRectF text =
            box.adjusted(canvas.pt(8 * scale), canvas.pt(3 * scale), -canvas.pt(8 * scale), -canvas.pt(3 * scale));
        p.setPen(ReportCanvas::ink());
        p.setFont(nameFont);
        const QFontMetricsF nameMetrics(nameFont, &canvas.writer());
        const QString name = nameMetrics.elidedText(node.name, Qt::ElideRight, text.width());
        if (node.version.isEmpty()) {
            p.drawText(text, Qt::AlignCenter, name);
        } else {
            p.drawText(QRectF(text.left(), text.top(), text.width(), text.height() / 2),
                       Qt::AlignHCenter | Qt::AlignBottom, name);
            p.setFont(label);
            p.setPen(ReportCanvas::muted());
            p.drawText(QRectF(text.left(), text.center().y(), text.width(), text.height() / 2),
                       Qt::AlignHCenter | Qt::AlignTop, node.version);
        }
    }
    p.restore();
}

void drawLegend(ReportCanvas &canvas)
{
    QPainter &p = canvas.painter();
    const QFont small = canvas.font(ReportCanvas::Style::Small);
    const QFontMetricsF metrics(small, &canvas.writer());
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(small);
    double x = canvas.area().left();
    double y = canvas.y() + canvas.pt(4);
    for (RecordKind kind : allRecordKinds()) {
        const KindStyle style = graphstyle::kind(kind);
        p.setPen(QPen(QColor(style.stroke), canvas.pt(0.8)));
        p.setBrush(QColor(style.fill));
        p.drawPath(shapePath(style.shape, QRectF(x, y, canvas.pt(22), canvas.pt(11))));
        p.setPen(ReportCanvas::ink());
        const QString text = recordKindLabel(kind);
        p.drawText(QPointF(x + canvas.pt(26), y + canvas.pt(9)), text);
        x += canvas.pt(36) + metrics.horizontalAdvance(text);
    }
    x = canvas.area().left();
    y += canvas.pt(18);
    for (RelationType type : allRelationTypes()) {
        const RelationStyle style = graphstyle::relation(type);
        p.setPen(QPen(QColor(style.color), canvas.pt(style.width), penStyle(style.line)));
        p.drawLine(QPointF(x, y + canvas.pt(6)), QPointF(x + canvas.pt(22), y + canvas.pt(6)));
        p.setPen(ReportCanvas::ink());
        const QString text = relationTypeLabel(type);
        p.drawText(QPointF(x + canvas.pt(26), y + canvas.pt(9)), text);
        x += canvas.pt(36) + metrics.horizontalAdvance(text);
    }
    x = canvas.area().left();
    y += canvas.pt(18);
    const QList<std::pair<QString, QString>> outlines{
        {graphstyle::riskColor(),
         ReportGraph::tr("risky in itself (placeholder, no license, no digest, lapsed certificate)")},
        {graphstyle::inheritedRiskColor(), ReportGraph::tr("inherits risk from upstream")}};
    for (const auto &[color, text] : outlines) {
        p.setPen(QPen(QColor(color), canvas.pt(2)));
        p.setBrush(Qt::white);
        p.drawRoundedRect(QRectF(x, y, canvas.pt(22), canvas.pt(11)), canvas.pt(2), canvas.pt(2));
        p.setPen(ReportCanvas::ink());
        p.drawText(QPointF(x + canvas.pt(26), y + canvas.pt(9)), text);
        x += canvas.pt(36) + metrics.horizontalAdvance(text);
    }
    p.restore();
    canvas.setY(canvas.y() + canvas.pt(kLegendHeight));
}

QString partName(int row, int column)
{
    return u"%1%2"_s.arg(QChar(u'A' + row % 26)).arg(column + 1);
}

} // namespace

void ReportGraph::draw(ReportCanvas &canvas, const GraphSnapshot &graph, const QDate &today)
{
    if (graph.nodes.isEmpty()) {
        canvas.paragraph(tr("The scope holds no records, so there is no lineage to draw."));
        return;
    }
    LayoutRequest request{graph, {}, {}};
    for (const GraphNode &node : graph.nodes)
        request.sizes << GraphExport::estimatedSize(node);
    Result<GraphLayoutResult> computed = GraphLayout::compute(request);
    if (!computed) {
        canvas.paragraph(tr("The lineage graph could not be laid out: %1").arg(computed.error().message));
        return;
    }
    const GraphLayoutResult &layout = computed.value();
    const RiskMap risk = GraphRisk::propagate(LineageGraph(graph), RiskOptions{today});
    const Drawing drawing{graph, layout, risk};
    const QRectF bounds = layout.bounds.adjusted(-8, -8, 8, 8);
    const double k = canvas.pt(1);

    auto available = [&]() {
        return QSizeF(canvas.area().width(), canvas.area().bottom() - canvas.y() - canvas.pt(kLegendHeight + 6));
    };
    if (available().height() < canvas.pt(160))
        canvas.newPage();
    QSizeF room = available();
    const double fit = std::min({1.0, room.width() / (bounds.width() * k), room.height() / (bounds.height() * k)});
    auto place = [&](double scale) {
        const double width = bounds.width() * k * scale;
        const double left = canvas.area().left() + (canvas.area().width() - width) / 2;
        QTransform t;
        t.translate(left, canvas.y());
        t.scale(k * scale, k * scale);
        t.translate(-bounds.left(), -bounds.top());
        return t;
    };
    if (fit >= kMinScale) {
        drawGraph(canvas, drawing, place(fit), fit, canvas.area());
        canvas.setY(canvas.y() + bounds.height() * k * fit + canvas.pt(8));
        drawLegend(canvas);
        return;
    }

    // Too large for one readable page: an overview with the grid of parts, then each part at a readable size,
    // placed one below the other (a wide, shallow graph gives several parts per page).
    const double partScale = kPartScale;
    const double headingRoom = canvas.pt(28);
    const QSizeF part(canvas.area().width() / (k * partScale) - kOverlap,
                      std::min(bounds.height(), (canvas.area().height() - headingRoom) / (k * partScale) - kOverlap));
    const int columns = std::max(1, int(std::ceil(bounds.width() / part.width() - 0.001)));
    const int rows = std::max(1, int(std::ceil(bounds.height() / part.height() - 0.001)));
    canvas.paragraph(tr("The graph is too large to read on one page. This overview shows where each of its %1 parts "
                        "lies; the parts follow at a readable size, each overlapping its neighbours slightly.")
                         .arg(rows * columns),
                     ReportCanvas::Style::Small, ReportCanvas::muted());
    room = available();
    const double overview = std::min(room.width() / (bounds.width() * k), room.height() / (bounds.height() * k));
    const QTransform t = place(overview);
    drawGraph(canvas, drawing, t, overview, canvas.area());
    auto cellOf = [&](int r, int c) {
        return QRectF(bounds.left() + c * part.width(), bounds.top() + r * part.height(), part.width() + kOverlap,
                      part.height() + kOverlap)
            .intersected(bounds);
    };
    QPainter &p = canvas.painter();
    p.save();
    p.setFont(canvas.font(ReportCanvas::Style::Heading3));
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            const QRectF cell = t.mapRect(cellOf(r, c));
            p.setPen(QPen(ReportCanvas::accent(), canvas.pt(0.8), Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawRect(cell);
            p.setPen(ReportCanvas::accent());
            p.drawText(cell.adjusted(canvas.pt(3), canvas.pt(1), 0, 0), Qt::AlignLeft | Qt::AlignTop, partName(r, c));
        }
    }
    p.restore();
    canvas.setY(canvas.y() + bounds.height() * k * overview + canvas.pt(8));
    drawLegend(canvas);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            const QRectF cell = cellOf(r, c);
            const double height = cell.height() * k * partScale;
            canvas.heading(tr("Lineage graph, part %1 (row %2 of %3, column %4 of %5)")
                               .arg(partName(r, c))
                               .arg(r + 1)
                               .arg(rows)
                               .arg(c + 1)
                               .arg(columns),
                           ReportCanvas::Style::Heading3, height);
            QTransform tile;
            tile.translate(canvas.area().left(), canvas.y());
            tile.scale(k * partScale, k * partScale);
            tile.translate(-cell.left(), -cell.top());
            const QRectF clip = tile.mapRect(cell);
            p.save();
            p.setPen(QPen(ReportCanvas::rule(), canvas.pt(0.6)));
            p.drawRect(clip);
            p.restore();
            drawGraph(canvas, drawing, tile, partScale, clip);
            canvas.setY(clip.bottom() + canvas.pt(10));
        }
    }
}

} // namespace strata
