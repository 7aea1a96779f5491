// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ReportSections.h"

#include "ReportCanvas.h"
#include "ReportCharts.h"
#include "ReportGraph.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

QString evidenceState(const ReportEvidence &item)
{
    QStringList states;
    if (item.missing)
        states << ReportSections::tr("missing");
    if (item.altered)
        states << ReportSections::tr("altered");
    if (item.expired)
        states << ReportSections::tr("expired");
    else if (item.expiring)
        states << ReportSections::tr("expiring");
    return states.isEmpty() ? ReportSections::tr("intact") : states.join(u", "_s);
}

QString findingSeverity(const Finding &finding)
{
    return u"%1 (%2 × %3 = %4)"_s.arg(ReportData::severityLabel(ReportData::severity(finding.score())))
        .arg(finding.likelihood)
        .arg(finding.impact)
        .arg(finding.score());
}

QString itemTitle(const ReportData &data, const QString &key)
{
    if (data.assessment) {
        if (const AssessmentItem *item = data.assessment->item(key))
            return item->title.text(QLocale(data.language));
    }
    return QString();
}

} // namespace

QString ReportSections::dateTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s : QString();
}

QString ReportSections::date(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : u"—"_s;
}

void ReportSections::summary(ReportCanvas &canvas, const ReportData &data)
{
    canvas.section(tr("Executive summary"));
    canvas.paragraph(data.readiness(), ReportCanvas::Style::Bold,
                     data.ready() ? ReportCharts::statusColor(ItemStatus::Pass)
                                  : ReportCharts::statusColor(ItemStatus::Fail));
    if (!data.assessment) {
        canvas.paragraph(tr("No assessment covers this scope yet: the report lists the inventory and lineage only. "
                            "Start one with \"strata-cli assess new\"."));
    } else {
        canvas.paragraph(tr("Assessment %1 applies %2 (%3@%4) to %5; it was started on %6 by %7.")
                             .arg(data.assessment->id)
                             .arg(data.catalogTitle, data.assessment->catalogKey, data.assessment->catalogVersion,
                                  data.scopeLabel, dateTime(data.assessment->createdAt), data.assessment->createdBy));
        canvas.heading(tr("Status by lifecycle stage"), ReportCanvas::Style::Heading2, canvas.pt(40));
        const QList<ItemStatus> statuses{ItemStatus::Pass, ItemStatus::Fail, ItemStatus::RiskAccepted,
                                         ItemStatus::NotApplicable, ItemStatus::NotStarted};
        QList<ReportColumn> columns{{tr("Stage"), 2}};
        for (ItemStatus status : statuses)
            columns.append({itemStatusLabel(status), 1});
        columns.append({tr("Total"), 0.8});
        QList<QStringList> rows;
        QMap<ItemStatus, int> totals;
        for (const ReportStageCount &stage : data.stageCounts()) {
            QStringList row{lifecycleStageLabel(stage.stage)};
            for (ItemStatus status : statuses) {
                row << QString::number(stage.counts.value(status));
                totals[status] += stage.counts.value(status);
            }
            row << QString::number(stage.total());
            rows << row;
        }
        QStringList total{tr("All stages")};
        for (ItemStatus status : statuses)
            total << QString::number(totals.value(status));
        total << QString::number(data.assessment->items.size());
        rows << total;
        canvas.table(columns, rows, [&](int row, int column) {
            if (column < 1 || column > statuses.size() || rows.at(row).at(column) == u"0"_s)
                return QColor();
            return ReportCharts::tint(ReportCharts::statusColor(statuses.at(column - 1)), 0.16);
        });
    }

    canvas.heading(tr("Open findings by severity"), ReportCanvas::Style::Heading2, canvas.pt(40));
    const QList<Finding> open = data.openFindings();
    QList<QStringList> severities;
    for (int severity = 3; severity >= 0; --severity) {
        QStringList titles;
        for (const Finding &finding : open) {
            if (ReportData::severity(finding.score()) == severity)
                titles << finding.title;
        }
        severities << QStringList{ReportData::severityLabel(severity), QString::number(titles.size()),
                                  titles.join(u"; "_s)};
    }
    canvas.table({{tr("Severity"), 1}, {tr("Open"), 0.6}, {tr("Findings"), 5}}, severities, [&](int row, int column) {
        if (column != 0 || severities.at(row).at(1) == u"0"_s)
            return QColor();
        return ReportCharts::tint(ReportCharts::severityColor(3 - row), 0.20);
    });

    canvas.heading(tr("Accepted risks"), ReportCanvas::Style::Heading2, canvas.pt(30));
    const QList<Finding> accepted = data.acceptedFindings();
    if (accepted.isEmpty()) {
        canvas.paragraph(tr("No risk has been accepted."));
    } else {
        QList<QStringList> rows;
        for (const Finding &finding : accepted) {
            const bool lapsed = finding.acceptedUntil.isValid() && finding.acceptedUntil < data.date.date();
            rows << QStringList{finding.title, finding.itemKey, date(finding.acceptedUntil),
                                lapsed ? tr("lapsed") : tr("in force")};
        }
        canvas.table({{tr("Finding"), 4}, {tr("Item"), 1.4}, {tr("Accepted until"), 1.4}, {tr("State"), 1}}, rows);
    }

    canvas.heading(tr("Evidence that needs attention"), ReportCanvas::Style::Heading2, canvas.pt(30));
    QList<QStringList> problems;
    for (const ReportEvidence &item : data.evidence) {
        if (item.missing || item.altered || item.expired || item.expiring)
            problems << QStringList{item.evidence.title, evidenceState(item), date(item.evidence.expiryDate)};
    }
    if (problems.isEmpty())
        canvas.paragraph(data.evidence.isEmpty()
                             ? tr("No evidence is linked to this assessment.")
                             : tr("All %1 linked evidence files are intact and in date.").arg(data.evidence.size()));
    else
        canvas.table({{tr("Evidence"), 4}, {tr("Problem"), 2}, {tr("Expires"), 1.4}}, problems);

    canvas.heading(tr("Sign-off"), ReportCanvas::Style::Heading2, canvas.pt(20));
    canvas.paragraph(data.decision());
}

void ReportSections::charts(ReportCanvas &canvas, const ReportData &data)
{
    canvas.section(tr("Risk heat map and progress"));
    canvas.heading(tr("Findings by likelihood and impact"), ReportCanvas::Style::Heading2, canvas.pt(200));
    ReportCharts::heatMap(canvas, data.findings);
    canvas.heading(tr("Progress by lifecycle stage"), ReportCanvas::Style::Heading2, canvas.pt(60));
    const QList<ReportStageCount> stages = data.stageCounts();
    if (stages.isEmpty())
        canvas.paragraph(tr("No assessment covers this scope, so there is no progress to show."));
    else
        ReportCharts::stageProgress(canvas, stages);
}

void ReportSections::lineage(ReportCanvas &canvas, const ReportData &data)
{
    canvas.section(tr("Lineage graph"));
    canvas.paragraph(tr("What the scope is made of: %n record(s) and their relations, what a record is built from "
                        "drawn above it. Arrows point from what is used to what uses it.",
                        "", int(data.graph.nodes.size())),
                     ReportCanvas::Style::Small, ReportCanvas::muted());
    ReportGraph::draw(canvas, data.graph, data.date.date());
}

void ReportSections::inventory(ReportCanvas &canvas, const ReportData &data)
{
    canvas.section(tr("Inventory"));
    for (RecordKind kind : allRecordKinds()) {
        QList<QStringList> rows;
        for (const ReportRecord &record : data.records) {
            if (record.kind != kind)
                continue;
            QString name = record.name;
            if (record.placeholder)
                name += u" "_s + tr("(placeholder)");
            if (kind == RecordKind::Supplier) {
                // What the supplier provides within the scope.
                QStringList provided;
                for (const ReportRecord &other : data.records) {
                    if (other.kind != RecordKind::Supplier && other.suppliers.split(u", "_s).contains(record.name))
                        provided << other.name;
                }
                rows << QStringList{QString::number(record.id), name, provided.join(u", "_s)};
                continue;
            }
            rows << QStringList{QString::number(record.id),  name, record.version, record.license, record.suppliers,
                                record.digests.join(u"\n"_s)};
        }
        if (rows.isEmpty())
            continue;
        canvas.heading(recordKindPluralLabel(kind), ReportCanvas::Style::Heading2, canvas.pt(70));
        if (kind == RecordKind::Supplier) {
            canvas.table({{tr("ID"), 0.4}, {tr("Name"), 2.6}, {tr("Provides in this scope"), 6.9}}, rows);
            continue;
        }
        canvas.table({{tr("ID"), 0.4},
                      {tr("Name"), 1.8},
                      {tr("Version"), 1},
                      {tr("License"), 1.4},
                      {tr("Suppliers"), 1.2},
                      {tr("Files and SHA-256 digests"), 4.2, true}},
                     rows, [&](int row, int column) {
                         return column == 3 && rows.at(row).at(3).isEmpty() ? QColor(0xfd, 0xec, 0xea) : QColor();
                     });
    }
    if (data.records.isEmpty())
        canvas.paragraph(tr("The scope holds no records."));
}

void ReportSections::checklist(ReportCanvas &canvas, const ReportData &data)
{
    canvas.section(tr("Checklist results"));
    if (!data.assessment) {
        canvas.paragraph(tr("No assessment covers this scope."));
        return;
    }
    const QLocale locale(data.language);
    QPainter &p = canvas.painter();
    for (const ReportStageCount &stage : data.stageCounts()) {
        canvas.heading(lifecycleStageLabel(stage.stage), ReportCanvas::Style::Heading2, canvas.pt(60), true);
        for (const AssessmentItem &item : std::as_const(data.assessment->items)) {
            if (item.stage != stage.stage)
                continue;
            const QFont bold = canvas.font(ReportCanvas::Style::Bold);
            const QString title = u"%1  %2"_s.arg(item.label(), item.title.text(locale));
            const double badgeRoom = canvas.pt(90);
            const double titleHeight = canvas.textHeight(title, bold, canvas.area().width() - badgeRoom);
            canvas.ensure(titleHeight + canvas.pt(30));
            const double top = canvas.y();
            p.setFont(bold);
            p.setPen(ReportCanvas::ink());
            p.drawText(QRectF(canvas.area().left(), top, canvas.area().width() - badgeRoom, titleHeight),
                       Qt::TextWordWrap, title);
            const QString status = itemStatusLabel(item.status);
            const QFontMetricsF small(canvas.font(ReportCanvas::Style::Small), &canvas.writer());
            canvas.badge(canvas.area().right() - small.horizontalAdvance(status) - canvas.pt(10), top, status,
                         ReportCharts::statusColor(item.status));
            canvas.setY(top + titleHeight + canvas.pt(2));
            QStringList meta;
            meta << (item.mandatory ? tr("mandatory") : tr("optional"));
            if (!item.reviewer.isEmpty())
                meta << tr("reviewed by %1 on %2").arg(item.reviewer, dateTime(item.updatedAt));
            canvas.paragraph(meta.join(u" · "_s), ReportCanvas::Style::Small, ReportCanvas::muted(), 10);
            if (!item.notes.trimmed().isEmpty())
                canvas.markdown(item.notes, 10);
            for (const Evidence &evidence : item.evidence) {
                canvas.paragraph(
                    tr("Evidence: %1 (%2), SHA-256 %3").arg(evidence.title, evidence.fileName, evidence.sha256),
                    ReportCanvas::Style::Small, ReportCanvas::accent(), 10);
            }
            canvas.advance(4);
            p.setPen(QPen(ReportCanvas::rule(), canvas.pt(0.4)));
            p.drawLine(QPointF(canvas.area().left(), canvas.y()), QPointF(canvas.area().right(), canvas.y()));
            canvas.advance(6);
        }
    }
}

void ReportSections::findings(ReportCanvas &canvas, const ReportData &data)
{
    canvas.section(tr("Findings and accepted risks"));
    if (data.findings.isEmpty()) {
        canvas.paragraph(tr("No finding was raised."));
        return;
    }
    QList<Finding> sorted = data.findings;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Finding &a, const Finding &b) {
        return a.score() != b.score() ? a.score() > b.score() : a.id < b.id;
    });
    QList<QStringList> rows;
    for (const Finding &finding : std::as_const(sorted)) {
        QStringList owner;
        if (!finding.owner.isEmpty())
            owner << finding.owner;
        if (finding.dueDate.isValid())
            owner << tr("due %1").arg(date(finding.dueDate));
        rows << QStringList{
            QString::number(finding.id),        finding.itemKey,    finding.title, findingSeverity(finding),
            findingStatusLabel(finding.status), owner.join(u", "_s)};
    }
    canvas.table({{tr("ID"), 0.5},
                  {tr("Item"), 1.2},
                  {tr("Title"), 3.4},
                  {tr("Severity"), 1.8},
                  {tr("Status"), 1},
                  {tr("Owner"), 1.4}},
                 rows, [&](int row, int column) {
                     if (column != 3)
                         return QColor();
                     return ReportCharts::tint(
                         ReportCharts::severityColor(ReportData::severity(sorted.at(row).score())), 0.18);
                 });
    const QList<Finding> accepted = data.acceptedFindings();
    for (const Finding &finding : accepted) {
        canvas.heading(tr("Accepted: %1").arg(finding.title), ReportCanvas::Style::Heading3, canvas.pt(30));
        canvas.fields({{tr("Item"), u"%1  %2"_s.arg(finding.itemKey, itemTitle(data, finding.itemKey))},
                       {tr("Severity"), findingSeverity(finding)},
                       {tr("Accepted until"), date(finding.acceptedUntil)},
                       {tr("Raised"), tr("%1 by %2").arg(dateTime(finding.createdAt), finding.createdBy)}});
        canvas.paragraph(tr("Justification"), ReportCanvas::Style::Bold, ReportCanvas::muted());
        canvas.markdown(finding.justification, 10);
    }
}

void ReportSections::evidence(ReportCanvas &canvas, const ReportData &data)
{
    canvas.section(tr("Evidence index"));
    if (data.evidence.isEmpty()) {
        canvas.paragraph(tr("No evidence is linked to this assessment."));
        return;
    }
    QList<QStringList> rows;
    for (const ReportEvidence &item : data.evidence) {
        const QString name = item.evidence.fileName == item.evidence.title
                                 ? item.evidence.title
                                 : u"%1\n%2"_s.arg(item.evidence.title, item.evidence.fileName);
        rows << QStringList{name, item.evidence.sha256, date(item.evidence.effectiveDate),
                            date(item.evidence.expiryDate), evidenceState(item)};
    }
    canvas.table({{tr("Title and file"), 2.1},
                  {tr("SHA-256"), 3.9, true},
                  {tr("Effective"), 1},
                  {tr("Expires"), 1},
                  {tr("State"), 0.9}},
                 rows, [&](int row, int column) {
                     const ReportEvidence &item = data.evidence.at(row);
                     if (column != 4 || !(item.missing || item.altered || item.expired || item.expiring))
                         return QColor();
                     return QColor(0xfd, 0xec, 0xea);
                 });
}

void ReportSections::signoffs(ReportCanvas &canvas, const ReportData &data)
{
    canvas.section(tr("Sign-offs"));
    canvas.paragraph(data.decision(), ReportCanvas::Style::Bold);
    if (data.signoffs.signoffs.isEmpty()) {
        canvas.paragraph(tr("No sign-off recorded for this scope. A release is approved by signing it off with "
                            "\"strata-cli signoff\"; the signatures then appear here with their verification."));
    } else {
        QList<QStringList> rows;
        for (const ReportSignoff &signoff : data.signoffs.signoffs) {
            rows << QStringList{signoff.signer,
                                signoff.role,
                                signoff.decision,
                                signoff.conditions,
                                dateTime(signoff.signedAt),
                                signoff.keyFingerprint,
                                signoff.verification};
        }
        canvas.table({{tr("Signer"), 1.4},
                      {tr("Role"), 1},
                      {tr("Decision"), 1},
                      {tr("Conditions"), 2},
                      {tr("Time"), 1.3},
                      {tr("Key fingerprint"), 2, true},
                      {tr("Verification"), 1.3}},
                     rows);
    }
    canvas.fields({{tr("Audit-trail head"),
                    data.signoffs.auditHead.isEmpty() ? tr("no audit trail recorded") : data.signoffs.auditHead}});
}

void ReportSections::verification(ReportCanvas &canvas, const ReportData &data)
{
    canvas.section(tr("Appendix: verifying this report"));
    canvas.paragraph(tr("Every claim in this report can be checked against the workspace \"%1\" with strata-cli. "
                        "Run these commands where the workspace and its evidence store are:")
                         .arg(data.workspaceName));
    QList<std::pair<QString, QString>> steps;
    const QString workspace = u"--workspace %1"_s.arg(data.workspaceName);
    steps.append({tr("Evidence files"), u"strata-cli %1 evidence verify"_s.arg(workspace)});
    steps.append({tr("What the files say"), tr("sha256sum FILE: compare with the SHA-256 in the evidence index")});
    if (data.assessment)
        steps.append({tr("Checklist answers"),
                      u"strata-cli %1 --json assess show %2"_s.arg(workspace).arg(data.assessment->id)});
    steps.append({tr("Findings"), u"strata-cli %1 findings list"_s.arg(workspace)});
    if (data.scopeKind == ReportScope::Kind::Release)
        steps.append({tr("Sign-offs"), u"strata-cli %1 verify %2"_s.arg(workspace, data.scopeLabel)});
    if (!data.signoffs.auditHead.isEmpty())
        steps.append({tr("Audit trail"),
                      u"strata-cli %1 audit verify --checkpoint %2"_s.arg(workspace, data.signoffs.auditHead)});
    steps.append({tr("This document"),
                  tr("strata-cli %1 report ... --date %2 -o again.pdf, then cmp: the same workspace state and "
                     "options give the same bytes")
                      .arg(workspace, data.date.toString(Qt::ISODate))});
    canvas.fields(steps, 0.24);
    canvas.paragraph(tr("The audit-trail check passes only when no entry up to the head printed in this report was "
                        "changed, removed, reordered or inserted, so even a rewrite of the whole trail after the "
                        "report was made is caught."),
                     ReportCanvas::Style::Small, ReportCanvas::muted());
}

} // namespace strata
