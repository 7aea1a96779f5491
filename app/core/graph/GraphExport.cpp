// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "graph/GraphExport.h"

#include "graph/GraphLayout.h"
#include "graph/GraphStyle.h"
#include "graph/GraphvizEngine.h"

#include <QHash>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr double kPointsPerInch = 72.0;

/// A DOT double-quoted string: backslashes and quotes escaped, line breaks as \n, other control characters dropped.
QString quoted(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\')
            out += u'\\';
        if (c == u'\n') {
            out += u"\\n"_s;
            continue;
        }
        if (c.category() == QChar::Other_Control)
            continue;
        out += c;
    }
    out += u'"';
    return out;
}

QString dotShape(NodeShape shape)
{
    switch (shape) {
    case NodeShape::Hexagon:
        return u"hexagon"_s;
    case NodeShape::RoundedBox:
    case NodeShape::Box:
        return u"box"_s;
    case NodeShape::Cylinder:
        return u"cylinder"_s;
    case NodeShape::Ellipse:
        return u"ellipse"_s;
    }
    return u"box"_s;
}

QString dotLine(LineStyle line)
{
    switch (line) {
    case LineStyle::Solid:
        return u"solid"_s;
    case LineStyle::Dashed:
    case LineStyle::DashDot:
        return u"dashed"_s;
    case LineStyle::Dotted:
        return u"dotted"_s;
    }
    return u"solid"_s;
}

QString number(double value)
{
    return QString::number(value, 'f', 2);
}

/// The DOT text; with a layout, nodes carry fixed positions and sizes for Graphviz's nop2 engine.
QByteArray dotText(const GraphSnapshot &view, const ExportRisk &risk, const GraphLayoutResult *layout)
{
    QString dot;
    dot += u"// %1\n"_s.arg(GraphExport::tr("Strata lineage graph: %n record(s)", "", int(view.nodes.size())));
    dot += u"// %1\n"_s.arg(GraphExport::tr("Edges point from what a record is made of to the record."));
    dot += u"digraph lineage {\n"_s;
    dot += u"  graph [rankdir=TB, charset=\"UTF-8\", fontname=\"sans-serif\", nodesep=0.3, ranksep=0.55"_s;
    if (layout)
        dot += u", splines=%1, pad=0.2"_s.arg(layout->curved ? u"true"_s : u"false"_s);
    dot += u"];\n"_s;
    dot += u"  node [fontname=\"sans-serif\", fontsize=10, margin=\"0.12,0.05\"];\n"_s;
    dot += u"  edge [fontname=\"sans-serif\", fontsize=8, arrowsize=0.7];\n"_s;

    QHash<qint64, int> index;
    for (int i = 0; i < view.nodes.size(); ++i) {
        const GraphNode &n = view.nodes.at(i);
        index.insert(n.id, i);
        const KindStyle style = graphstyle::kind(n.kind);
        const RiskReasons reasons = risk.reasons.value(i);
        const bool inherits = risk.inherits.value(i);
        QString label = n.version.isEmpty() ? n.name : u"%1\n%2"_s.arg(n.name, n.version);
        if (reasons)
            label = u"⚠ "_s + label;
        QStringList attributes = {
            u"label=%1"_s.arg(quoted(label)), u"shape=%1"_s.arg(dotShape(style.shape)),
            u"style=\"%1\""_s.arg(style.shape == NodeShape::RoundedBox ? u"rounded,filled"_s : u"filled"_s),
            u"fillcolor=\"%1\""_s.arg(style.fill)};
        QStringList tooltip = {u"%1 %2"_s.arg(recordKindLabel(n.kind)).arg(n.id)};
        tooltip << GraphRisk::reasonTexts(n, reasons);
        if (reasons) {
            attributes << u"color=\"%1\""_s.arg(graphstyle::riskColor()) << u"penwidth=2.5"_s;
        } else if (inherits) {
            attributes << u"color=\"%1\""_s.arg(graphstyle::inheritedRiskColor()) << u"penwidth=2"_s;
            tooltip << GraphExport::tr("inherits risk from upstream");
        } else {
            attributes << u"color=\"%1\""_s.arg(style.stroke);
        }
        attributes << u"tooltip=%1"_s.arg(quoted(tooltip.join(u"; "_s)));
        if (layout && i < layout->centers.size()) {
            const QPointF c = layout->centers.at(i);
            const QSizeF s = layout->sizes.value(i);
            attributes << u"pos=\"%1,%2!\""_s.arg(number(c.x()), number(layout->bounds.height() - c.y()))
                       << u"width=%1"_s.arg(number(s.width() / kPointsPerInch))
                       << u"height=%1"_s.arg(number(s.height() / kPointsPerInch)) << u"fixedsize=true"_s;
        }
        dot += u"  r%1 [%2];\n"_s.arg(n.id).arg(attributes.join(u", "_s));
    }
    for (const GraphEdge &e : view.edges) {
        if (!index.contains(e.from) || !index.contains(e.to))
            continue;
        const RelationStyle style = graphstyle::relation(e.type);
        QStringList attributes = {u"color=\"%1\""_s.arg(style.color), u"style=%1"_s.arg(dotLine(style.line)),
                                  u"penwidth=%1"_s.arg(number(style.width)),
                                  u"tooltip=%1"_s.arg(quoted(relationTypeLabel(e.type)))};
        if (!e.subtype.isEmpty())
            attributes << u"label=%1"_s.arg(quoted(derivationKindLabel(e.subtype)));
        // Upstream first: `dot` ranks the tail above the head.
        dot += u"  r%1 -> r%2 [%3];\n"_s.arg(e.to).arg(e.from).arg(attributes.join(u", "_s));
    }
    dot += u"}\n"_s;
    return dot.toUtf8();
}

} // namespace

QStringList GraphExport::formatKeys()
{
    return {u"svg"_s, u"png"_s, u"dot"_s};
}

std::optional<GraphFormat> GraphExport::formatFromKey(const QString &key)
{
    const QString k = key.trimmed().toLower();
    if (k == u"svg"_s)
        return GraphFormat::Svg;
    if (k == u"png"_s)
        return GraphFormat::Png;
    if (k == u"dot"_s || k == u"gv"_s)
        return GraphFormat::Dot;
    return std::nullopt;
}

QString GraphExport::formatKey(GraphFormat format)
{
    switch (format) {
    case GraphFormat::Dot:
        return u"dot"_s;
    case GraphFormat::Svg:
        return u"svg"_s;
    case GraphFormat::Png:
        return u"png"_s;
    }
    return {};
}

QSizeF GraphExport::estimatedSize(const GraphNode &node)
{
    // About 6.2 points per Latin character at 10 points; East Asian characters are twice as wide.
    const auto units = [](const QString &text) {
        double u = 0;
        for (const QChar c : text)
            u += c.unicode() >= 0x1100 ? 2.0 : 1.0;
        return u;
    };
    const double chars = std::max(units(node.name) + 2, units(node.version));
    const double width = std::clamp(chars * 6.2 + 28, 80.0, 260.0);
    return {width, node.version.isEmpty() ? 34.0 : 46.0};
}

QByteArray GraphExport::toDot(const GraphSnapshot &view, const ExportRisk &risk)
{
    return dotText(view, risk, nullptr);
}

Result<QByteArray> GraphExport::write(const GraphSnapshot &view, GraphFormat format, const ExportRisk &risk)
{
    if (format == GraphFormat::Dot)
        return toDot(view, risk);
    LayoutRequest request;
    request.view = view;
    request.sizes.reserve(view.nodes.size());
    for (const GraphNode &n : view.nodes)
        request.sizes.append(estimatedSize(n));
    Result<GraphLayoutResult> layout = GraphLayout::compute(request);
    if (!layout)
        return layout.error();
    const QByteArray dot = dotText(view, risk, &layout.value());
    return GraphvizEngine::render(dot, "nop2", format == GraphFormat::Svg ? "svg" : "png");
}

} // namespace strata
