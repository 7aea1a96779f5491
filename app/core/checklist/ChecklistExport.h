// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Assessment.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QLocale>

namespace strata {

/// The checklist results of an assessment as a CSV table or a JSON document, for people who want the report's
/// answers in a spreadsheet or a script; the CLI's `assess show --json` prints items the same way.
class ChecklistExport
{
    Q_DECLARE_TR_FUNCTIONS(strata::ChecklistExport)

public:
    /// One item: key, ref, stage, mandatory, title (every language), status, notes, reviewer, time, evidence.
    static QJsonObject itemJson(const AssessmentItem &item);
    static QJsonObject findingJson(const Finding &finding);
    /// The assessment with every item and, under "findings", the findings raised on it.
    static QJsonObject toJson(const Assessment &assessment, const QList<Finding> &findings);
    /// One row per item, in catalog order; titles in `locale`'s language. Columns have stable English keys so
    /// scripts can read them; evidence and findings are "; "-separated lists in one cell.
    static QByteArray toCsv(const Assessment &assessment,
                            const QList<Finding> &findings,
                            const QLocale &locale = QLocale());
};

} // namespace strata
