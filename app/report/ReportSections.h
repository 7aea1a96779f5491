// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ReportData.h"

#include <QCoreApplication>

namespace strata {

class ReportCanvas;

/// The body sections of a report, each drawn from a ReportData at the canvas cursor; the renderer decides which
/// of them a report includes and in what order.
class ReportSections
{
    Q_DECLARE_TR_FUNCTIONS(strata::ReportSections)

public:
    static QString dateTime(const QDateTime &time); ///< "2026-03-01 14:05 UTC"; empty for an invalid time
    static QString date(const QDate &date);         ///< ISO; "—" for none

    static void summary(ReportCanvas &canvas, const ReportData &data);
    static void charts(ReportCanvas &canvas, const ReportData &data);
    static void lineage(ReportCanvas &canvas, const ReportData &data);
    static void inventory(ReportCanvas &canvas, const ReportData &data);
    static void checklist(ReportCanvas &canvas, const ReportData &data);
    static void findings(ReportCanvas &canvas, const ReportData &data);
    static void evidence(ReportCanvas &canvas, const ReportData &data);
    static void signoffs(ReportCanvas &canvas, const ReportData &data);
    static void verification(ReportCanvas &canvas, const ReportData &data);
};

} // namespace strata
