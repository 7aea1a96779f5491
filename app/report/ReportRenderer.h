// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ReportData.h"
#include "ReportOptions.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>

#include <functional>

namespace strata {

/// Called while a report is drawn: steps done of the total and the step's name; returning false cancels.
using ReportProgress = std::function<bool(int done, int total, const QString &step)>;

/// Draws a ReportData as a PDF with QPdfWriter and QPainter: cover, contents with page numbers (a first pass finds
/// where each section starts), the sections the options include, and metadata. Needs only the data, so it runs on
/// a worker thread; the same data and options give the same bytes.
class ReportRenderer
{
    Q_DECLARE_TR_FUNCTIONS(strata::ReportRenderer)

public:
    static Result<QByteArray> render(const ReportData &data,
                                     const ReportOptions &options,
                                     const ReportProgress &progress = {});
    /// The document title: "Assessment report: Release support-chat@1.0".
    static QString title(const ReportData &data);
    /// The XMP packet: title, author, subject, keywords, dates, and the PDF/A-1b identification when asked for.
    static QByteArray xmpMetadata(const ReportData &data, const ReportOptions &options);
    /// Replaces what QPdfWriter takes from the clock and the random generator (the creation date and the file
    /// identifier) with the report date and a digest of the document, keeping every byte offset.
    static QByteArray makeDeterministic(QByteArray pdf, const QDateTime &date);
};

} // namespace strata
