// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"
#include "domain/Relation.h"

#include <QString>

namespace strata {

/// Shapes a record kind is drawn as, in the view and in exports.
enum class NodeShape { Hexagon, RoundedBox, Cylinder, Box, Ellipse };
/// Line patterns a relation type is drawn with.
enum class LineStyle { Solid, Dashed, Dotted, DashDot };

/// How a kind of record looks; colours are "#rrggbb" so core needs no GUI types.
struct KindStyle
{
    NodeShape shape;
    QString fill;   ///< light background
    QString stroke; ///< strong outline and legend colour
};

/// How a relation type looks.
struct RelationStyle
{
    LineStyle line;
    QString color;
    double width; ///< points
};

/// One visual language for the lineage graph, shared by the graph page and the SVG, PNG and DOT exports, so an
/// exported picture reads like the screen.
namespace graphstyle {

inline KindStyle kind(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Supplier:
        return {NodeShape::Hexagon, QStringLiteral("#ece3f5"), QStringLiteral("#7b5ea7")};
    case RecordKind::Model:
        return {NodeShape::RoundedBox, QStringLiteral("#dce8f5"), QStringLiteral("#3a6ea5")};
    case RecordKind::Dataset:
        return {NodeShape::Cylinder, QStringLiteral("#e0f0dc"), QStringLiteral("#4c8c40")};
    case RecordKind::Software:
        return {NodeShape::Box, QStringLiteral("#fde8d2"), QStringLiteral("#c46a12")};
    case RecordKind::Service:
        return {NodeShape::Ellipse, QStringLiteral("#dcf0ef"), QStringLiteral("#3d8c86")};
    }
    return {NodeShape::Box, QStringLiteral("#eeeeee"), QStringLiteral("#666666")};
}

inline RelationStyle relation(RelationType type)
{
    switch (type) {
    case RelationType::DerivedFrom:
        return {LineStyle::Solid, QStringLiteral("#3a6ea5"), 1.6};
    case RelationType::TrainedOn:
        return {LineStyle::Dashed, QStringLiteral("#4c8c40"), 1.3};
    case RelationType::EvaluatedOn:
        return {LineStyle::Dotted, QStringLiteral("#4c8c40"), 1.3};
    case RelationType::ProvidedBy:
        return {LineStyle::Dashed, QStringLiteral("#7b5ea7"), 1.0};
    case RelationType::DependsOn:
        return {LineStyle::Solid, QStringLiteral("#c46a12"), 1.0};
    case RelationType::HostedOn:
        return {LineStyle::DashDot, QStringLiteral("#3d8c86"), 1.0};
    }
    return {LineStyle::Solid, QStringLiteral("#666666"), 1.0};
}

/// Outline of a record that is risky in itself, and of one that inherits risk.
inline QString riskColor()
{
    return QStringLiteral("#c62828");
}
inline QString inheritedRiskColor()
{
    return QStringLiteral("#e08a00");
}

} // namespace graphstyle
} // namespace strata
