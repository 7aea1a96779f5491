// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ReportData.h"

#include <QColor>
#include <QCoreApplication>

namespace strata {

class ReportCanvas;

/// The report's vector charts: the likelihood × impact heat map and the per-stage progress bars, drawn with
/// QPainter so they stay sharp at any zoom and their labels remain text.
class ReportCharts
{
    Q_DECLARE_TR_FUNCTIONS(strata::ReportCharts)

public:
    static QColor statusColor(ItemStatus status);
    static QColor severityColor(int severity);
    /// `color` blended with white: a light background without transparency, which PDF/A-1b forbids.
    static QColor tint(const QColor &color, double strength);
    /// The open and accepted findings counted in a 5 × 5 grid, at the cursor.
    static void heatMap(ReportCanvas &canvas, const QList<Finding> &findings);
    /// One stacked bar per lifecycle stage, with a legend, at the cursor.
    static void stageProgress(ReportCanvas &canvas, const QList<ReportStageCount> &stages);
};

} // namespace strata
