// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace strata::reportsamples {

/// Checks a PDF against the clauses of ISO 19005-1 level B (PDF/A-1b) that can be read from its objects and its XMP
/// packet: Debian 12 packages no PDF/A validator, so this is the closest check a test can make here. It reads the
/// file through qpdf, as an independent parser, never through the code that wrote it.
class PdfAProbe
{
public:
    /// Whether qpdf, which the probe reads PDFs with, is installed.
    static bool available();
    /// Every violation found, each "clause: what is wrong (where)"; empty when the file passes every check.
    static QStringList violations(const QString &pdf);
};

} // namespace strata::reportsamples
