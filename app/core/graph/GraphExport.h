// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "graph/GraphRisk.h"
#include "graph/GraphSnapshot.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QSizeF>
#include <QStringList>
#include <QVector>

#include <optional>

namespace strata {

/// Picture formats a view of the graph can be saved in.
enum class GraphFormat { Dot, Svg, Png };

/// What an exported view shows about risk: one entry per node of the view (reasons of its own, and whether it
/// inherits risk from upstream); empty for none.
struct ExportRisk
{
    QVector<RiskReasons> reasons;
    QVector<bool> inherits;
};

/// Writes a view of the lineage graph as DOT (for Graphviz and other tools), or as SVG or PNG drawn by Graphviz
/// with the same shapes and colours as the graph page; the CLI's `graph` command and the page's export use it.
class GraphExport
{
    Q_DECLARE_TR_FUNCTIONS(strata::GraphExport)

public:
    static QStringList formatKeys(); ///< "svg", "png", "dot"
    static std::optional<GraphFormat> formatFromKey(const QString &key);
    static QString formatKey(GraphFormat format);

    /// A DOT digraph: records as nodes (shape and colour by kind, risky ones outlined), relations as edges drawn
    /// from upstream to downstream (so `dot` puts what a record is made of above it) with derivation kinds as
    /// labels. UTF-8, every name escaped.
    static QByteArray toDot(const GraphSnapshot &view, const ExportRisk &risk = {});
    /// DOT, or SVG/PNG laid out like the graph page (GraphLayout) and drawn by Graphviz.
    static Result<QByteArray> write(const GraphSnapshot &view, GraphFormat format, const ExportRisk &risk = {});
    /// The size a record's box needs for its name and version, estimated without fonts (points).
    static QSizeF estimatedSize(const GraphNode &node);
};

} // namespace strata
