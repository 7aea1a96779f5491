// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"
#include "domain/Relation.h"

#include <QDate>
#include <QString>
#include <QVector>

namespace strata {

/// One record as the graph sees it: what to draw and what the risk rules read, nothing more.
struct GraphNode
{
    qint64 id = 0;
    RecordKind kind = RecordKind::Model;
    QString name;
    QString version;
    bool placeholder = false; ///< referenced by an import but not verified by anyone yet
    bool hasLicense = false;  ///< the license field is not empty
    bool hasDigest = false;   ///< at least one artifact with a digest
    QString certification;    ///< the supplier certification that expires first; empty when none
    QDate certificationValidUntil;
};

/// One relation as the graph sees it: `from TYPE to` ("fine-tune derived_from base").
struct GraphEdge
{
    qint64 id = 0; ///< the relation's id; 0 in hand-made graphs
    qint64 from = 0;
    qint64 to = 0;
    RelationType type = RelationType::DependsOn;
    QString subtype; ///< derivation kind for derived_from
};

} // namespace strata

// Both hold only relocatable members (QString, QDate): a growing QVector moves them with one memcpy.
Q_DECLARE_TYPEINFO(strata::GraphNode, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(strata::GraphEdge, Q_RELOCATABLE_TYPE);

namespace strata {

/// Plain data copied out of the workspace, so queries, layout and tests work without a database.
struct GraphSnapshot
{
    QVector<GraphNode> nodes;
    QVector<GraphEdge> edges;
};

/// Which way a question walks the relations. Upstream follows `from -> to` (what a record is made of: its lineage);
/// downstream follows `to -> from` (what is made of it: its impact).
enum class GraphDirection { Upstream, Downstream, Both };

/// A bit per RelationType, to follow only some relations.
using RelationMask = quint32;
constexpr RelationMask kAllRelations = 0x3f;
constexpr RelationMask relationBit(RelationType type)
{
    return RelationMask(1) << static_cast<int>(type);
}

/// Which part of the graph to read: everything, or what is reachable from one record.
struct GraphScope
{
    qint64 focus = 0; ///< 0: the whole workspace
    GraphDirection direction = GraphDirection::Both;
    int maxDepth = -1; ///< hops from the focus; -1: no limit
};

/// A whole-graph read in slices, so a window can load a million relations without freezing (Workspace::readGraph).
struct GraphLoad
{
    GraphSnapshot snapshot;
    qint64 lastNodeId = 0;
    qint64 lastEdgeId = 0;
    bool nodesDone = false;
    bool edgesDone = false;
    qint64 totalNodes = -1; ///< counted on the first slice, for progress
    qint64 totalEdges = -1;

    bool done() const { return nodesDone && edgesDone; }
};

} // namespace strata
