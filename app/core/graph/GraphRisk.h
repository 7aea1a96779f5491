// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/GraphQueries.h"
#include "graph/LineageGraph.h"

#include <QCoreApplication>
#include <QDate>
#include <QStringList>
#include <QVector>

namespace strata {

/// Why a record is risky in itself. Later issues add failed checklist items and findings.
enum class RiskReason : quint8 {
    Placeholder = 1,          ///< only referenced by an import, never verified
    MissingLicense = 2,       ///< a model, dataset or software with no license
    MissingDigest = 4,        ///< a model or dataset with no file digest to check it against
    CertificationExpired = 8, ///< a supplier whose certification has lapsed
};
using RiskReasons = quint8;

/// What the rules compare against; `today` is a parameter so the answer is reproducible.
struct RiskOptions
{
    QDate today = QDate::currentDate();
};

/// The risk of one record: its own reasons, and the nearest risky record upstream it inherits from.
struct NodeRisk
{
    RiskReasons reasons = 0;
    int cause = -1;   ///< nearest other risky record upstream; -1 when it inherits nothing
    int distance = 0; ///< relations between the cause and this record
    int parent = -1;  ///< next record towards the cause
    int edge = -1;    ///< relation to `parent`

    bool isRisky() const { return reasons != 0; }
    bool inherits() const { return cause >= 0; }
};

/// Risk for every record of a graph, computed in one multi-source walk.
struct RiskMap
{
    QVector<NodeRisk> nodes;
    int risky = 0; ///< records with reasons of their own
    int inheriting = 0;
};

/// One risky record upstream of another, with the chain of relations from the cause down to it.
struct RiskCause
{
    int cause = -1;
    RiskReasons reasons = 0;
    GraphPath path; ///< from the cause (first) to the record asked about (last)
};

/// Marks records that are risky in themselves and what inherits risk from them downstream, with the path to the
/// cause. Pure functions over a LineageGraph; they terminate on cycles.
class GraphRisk
{
    Q_DECLARE_TR_FUNCTIONS(strata::GraphRisk)

public:
    static RiskReasons reasonsOf(const GraphNode &node, const RiskOptions &options = {});
    static RiskMap propagate(const LineageGraph &graph, const RiskOptions &options = {});
    /// Node positions from the record's nearest cause down to the record; empty when it inherits nothing.
    static GraphPath pathToCause(const LineageGraph &graph, const RiskMap &map, int node);
    /// Every risky record upstream of `node` (at most `limit`), nearest first, each with a shortest path.
    static QVector<RiskCause> explain(const LineageGraph &graph,
                                      int node,
                                      const RiskOptions &options = {},
                                      int limit = 50);

    /// Stable keys for JSON ("placeholder", "missing_license", ...), and translated sentences for people.
    static QStringList reasonKeys(RiskReasons reasons);
    static QStringList reasonTexts(const GraphNode &node, RiskReasons reasons);
};

} // namespace strata
