// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ImportOutput.h"

#include "Output.h"
#include "RecordJson.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace strata {

QString ImportOutput::formatName(const QString &format, const QString &specVersion)
{
    QString name = format;
    if (format == u"cyclonedx"_s)
        name = u"CycloneDX"_s;
    else if (format == u"spdx3"_s)
        name = u"SPDX"_s;
    else if (format == u"hf-card"_s)
        name = tr("Hugging Face card");
    return specVersion.isEmpty() ? name : u"%1 %2"_s.arg(name, specVersion);
}

QJsonObject ImportOutput::json(const ImportReport &report)
{
    const ImportSummary &summary = report.summary;
    const bool failed = report.failed();
    return QJsonObject{
        {u"file"_s, report.file},
        {u"format"_s, failed ? QJsonValue(QJsonValue::Null) : RecordJson::text(summary.format)},
        {u"spec_version"_s, failed ? QJsonValue(QJsonValue::Null) : RecordJson::text(summary.specVersion)},
        // 0 means nothing changed, so nothing was recorded: there is no import to point at.
        {u"import_id"_s, summary.importId > 0 ? QJsonValue(summary.importId) : QJsonValue(QJsonValue::Null)},
        {u"added"_s, summary.added},
        {u"updated"_s, summary.updated},
        {u"unchanged"_s, summary.unchanged},
        {u"skipped"_s, summary.skipped},
        {u"placeholders"_s, summary.placeholders},
        {u"relations_added"_s, summary.relationsAdded},
        {u"relations_unchanged"_s, summary.relationsUnchanged},
        {u"relations_skipped"_s, summary.relationsSkipped},
        {u"notes"_s, QJsonArray::fromStringList(summary.notes)},
        {u"error"_s, RecordJson::text(report.error)},
    };
}

void ImportOutput::print(const Output &out, const ImportReport &report)
{
    const ImportSummary &s = report.summary;
    const QString added = s.placeholders > 0 ? tr("%1 added (%n placeholder(s))", "", s.placeholders).arg(s.added)
                                             : tr("%1 added").arg(s.added);
    // One multi-argument arg(): chained calls would also replace "%4" inside a file's name.
    const QString line = tr("%1 (%2): %3, %4 updated, %5 unchanged, %6 skipped; %7, %8 unchanged, %9 skipped")
                             .arg(report.file, formatName(s.format, s.specVersion), added, QString::number(s.updated),
                                  QString::number(s.unchanged), QString::number(s.skipped),
                                  tr("%n relation(s) added", "", s.relationsAdded),
                                  QString::number(s.relationsUnchanged), QString::number(s.relationsSkipped));
    out.print(Output::sanitized(line));
    for (const QString &note : s.notes)
        out.print(u"  %1"_s.arg(Output::sanitized(note)));
}

} // namespace strata
