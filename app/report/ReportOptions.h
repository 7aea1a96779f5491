// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QString>

namespace strata {

/// The parts of a report, in the order they appear; a report can leave any of them out.
enum class ReportSection : quint16 {
    Summary = 0x1,
    Charts = 0x2,
    Lineage = 0x4,
    Inventory = 0x8,
    Checklist = 0x10,
    Findings = 0x20,
    Evidence = 0x40,
    Signoffs = 0x80,
    Verification = 0x100,
};
using ReportSectionMask = quint16;
constexpr ReportSectionMask kAllReportSections = 0x1ff;

/// Paper sizes a report is laid out for.
enum class ReportPaper { A4, Letter };

/// What a report is about: a release, one assessment, or a supplier with what it provides.
struct ReportScope
{
    enum class Kind { Release, Assessment, Supplier };
    Kind kind = Kind::Release;
    QString reference; ///< release name or NAME@VERSION, assessment id, supplier id or name
};

/// How a report is laid out and stamped; the same options and workspace state give the same bytes.
struct ReportOptions
{
    ReportSectionMask sections = kAllReportSections;
    ReportPaper paper = ReportPaper::A4;
    QString language = QStringLiteral("en"); ///< "en" or "zh_CN": the whole report, whatever the window shows
                                             ///< (ReportLanguage)
    bool pdfA = false;                       ///< PDF/A-1b for archiving
    QDateTime date;                          ///< the report's date (creation time); invalid: now
    QString author;                          ///< who produced the report; empty: the workspace actor

    bool has(ReportSection section) const { return (sections & static_cast<ReportSectionMask>(section)) != 0; }
};

} // namespace strata
