// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ReportCharts.h"

#include "ReportCanvas.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

QColor cellColor(int severity)
{
    switch (severity) {
    case 3:
        return QColor(0xf2, 0xb8, 0xb5);
    case 2:
        return QColor(0xf9, 0xd0, 0xa8);
    case 1:
        return QColor(0xfb, 0xe9, 0xb0);
    default:
        return QColor(0xd7, 0xec, 0xd2);
    }
}

} // namespace

QColor ReportCharts::statusColor(ItemStatus status)
{
    switch (status) {
    case ItemStatus::Pass:
        return QColor(0x2e, 0x7d, 0x32);
    case ItemStatus::Fail:
        return QColor(0xc6, 0x28, 0x28);
    case ItemStatus::NotApplicable:
        return QColor(0x78, 0x90, 0x9c);
    case ItemStatus::RiskAccepted:
        return QColor(0xd0, 0x7c, 0x00);
    case ItemStatus::NotStarted:
        break;
    }
    return QColor(0xa9, 0xb4, 0xbe);
}

QColor ReportCharts::severityColor(int severity)
{
    switch (severity) {
    case 3:
        return QColor(0xb7, 0x1c, 0x1c);
    case 2:
        return QColor(0xd4, 0x5d, 0x00);
    case 1:
        return QColor(0xa6, 0x7c, 0x00);
    default:
        return QColor(0x55, 0x8b, 0x2f);
    }
}

QColor ReportCharts::tint(const QColor &color, double strength)
{
    auto mix = [strength](int channel) { return int(255 - (255 - channel) * strength + 0.5); };
    return QColor(mix(color.red()), mix(color.green()), mix(color.blue()));
}

void ReportCharts::heatMap(ReportCanvas &canvas, const QList<Finding> &findings)
{
    QPainter &p = canvas.painter();
    const double cell = canvas.pt(34);
    const double labelWidth = canvas.pt(64);
    const double height = cell * 5 + canvas.pt(44);
    canvas.ensure(height);
    int counts[5][5] = {};
    for (const Finding &finding : findings) {
        if (finding.status == FindingStatus::Closed)
            continue;
        ++counts[qBound(1, finding.likelihood, 5) - 1][qBound(1, finding.impact, 5) - 1];
    }
    const double left = canvas.area().left() + labelWidth;
    const double top = canvas.y();
    p.save();
    const QFont small = canvas.font(ReportCanvas::Style::Small);
    const QFont bold = canvas.font(ReportCanvas::Style::Bold);
    for (int likelihood = 5; likelihood >= 1; --likelihood) {
        const double y = top + (5 - likelihood) * cell;
        p.setFont(small);
        p.setPen(ReportCanvas::muted());
        p.drawText(QRectF(left - canvas.pt(22), y, canvas.pt(18), cell), Qt::AlignRight | Qt::AlignVCenter,
                   QString::number(likelihood));
        for (int impact = 1; impact <= 5; ++impact) {
            const QRectF box(left + (impact - 1) * cell, y, cell, cell);
            const int severity = ReportData::severity(likelihood * impact);
            p.fillRect(box, cellColor(severity));
            p.setPen(QPen(Qt::white, canvas.pt(1.5)));
            p.drawRect(box);
            const int count = counts[likelihood - 1][impact - 1];
            if (count > 0) {
                p.setFont(bold);
                p.setPen(severityColor(severity));
                p.drawText(box, Qt::AlignCenter, QString::number(count));
            }
        }
    }
    p.setFont(small);
    p.setPen(ReportCanvas::muted());
    for (int impact = 1; impact <= 5; ++impact)
        p.drawText(QRectF(left + (impact - 1) * cell, top + 5 * cell + canvas.pt(2), cell, canvas.pt(12)),
                   Qt::AlignCenter, QString::number(impact));
    p.setFont(bold);
    p.drawText(QRectF(left, top + 5 * cell + canvas.pt(14), 5 * cell, canvas.pt(14)), Qt::AlignCenter, tr("Impact →"));
    p.save();
    p.translate(canvas.area().left() + canvas.pt(14), top + 2.5 * cell);
    p.rotate(-90);
    p.drawText(QRectF(-2.5 * cell, -canvas.pt(10), 5 * cell, canvas.pt(20)), Qt::AlignCenter, tr("Likelihood →"));
    p.restore();
    // Legend on the right: what the colours mean.
    const double legendX = left + 5 * cell + canvas.pt(24);
    double legendY = top + canvas.pt(4);
    p.setFont(small);
    for (int severity = 3; severity >= 0; --severity) {
        p.fillRect(QRectF(legendX, legendY, canvas.pt(12), canvas.pt(10)), cellColor(severity));
        p.setPen(ReportCanvas::ink());
        const QStringList ranges{u"1–4"_s, u"5–9"_s, u"10–16"_s, u"17–25"_s};
        p.drawText(QRectF(legendX + canvas.pt(18), legendY - canvas.pt(1), canvas.pt(160), canvas.pt(12)),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   tr("%1 (score %2)").arg(ReportData::severityLabel(severity), ranges.at(severity)));
        legendY += canvas.pt(16);
    }
    p.setPen(ReportCanvas::muted());
    p.drawText(QRectF(legendX, legendY + canvas.pt(4), canvas.area().right() - legendX, canvas.pt(60)),
               Qt::TextWordWrap,
               tr("Numbers count open, mitigating and accepted findings in each cell; closed ones are left out."));
    p.restore();
    canvas.setY(top + height);
}

void ReportCharts::stageProgress(ReportCanvas &canvas, const QList<ReportStageCount> &stages)
{
    QPainter &p = canvas.painter();
    const double barHeight = canvas.pt(12);
    const double rowHeight = canvas.pt(18);
    const double labelWidth = canvas.pt(96);
    const double countWidth = canvas.pt(56);
    const double barWidth = canvas.area().width() - labelWidth - countWidth;
    const QList<ItemStatus> order{ItemStatus::Pass, ItemStatus::RiskAccepted, ItemStatus::NotApplicable,
                                  ItemStatus::Fail, ItemStatus::NotStarted};
    canvas.ensure(rowHeight * (stages.size() + 2));
    const QFont body = canvas.font(ReportCanvas::Style::Body);
    const QFont small = canvas.font(ReportCanvas::Style::Small);
    p.save();
    for (const ReportStageCount &stage : stages) {
        const double y = canvas.y();
        p.setFont(body);
        p.setPen(ReportCanvas::ink());
        p.drawText(QRectF(canvas.area().left(), y, labelWidth, rowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   lifecycleStageLabel(stage.stage));
        double x = canvas.area().left() + labelWidth;
        const double barY = y + (rowHeight - barHeight) / 2;
        for (ItemStatus status : order) {
            const int count = stage.counts.value(status);
            if (count == 0)
                continue;
            const double width = barWidth * count / stage.total();
            const QRectF segment(x, barY, width, barHeight);
            p.fillRect(segment, statusColor(status));
            if (width > canvas.pt(14)) {
                p.setFont(small);
                p.setPen(Qt::white);
                p.drawText(segment, Qt::AlignCenter, QString::number(count));
            }
            x += width;
        }
        p.setFont(small);
        p.setPen(ReportCanvas::muted());
        p.drawText(QRectF(canvas.area().right() - countWidth, y, countWidth, rowHeight),
                   Qt::AlignRight | Qt::AlignVCenter, tr("%1 of %2").arg(stage.answered()).arg(stage.total()));
        canvas.setY(y + rowHeight);
    }
    // Legend
    double x = canvas.area().left() + labelWidth;
    const double y = canvas.y() + canvas.pt(4);
    p.setFont(small);
    const QFontMetricsF metrics(small, &canvas.writer());
    for (ItemStatus status : order) {
        p.fillRect(QRectF(x, y + canvas.pt(1), canvas.pt(9), canvas.pt(9)), statusColor(status));
        p.setPen(ReportCanvas::ink());
        const QString label = itemStatusLabel(status);
        p.drawText(QPointF(x + canvas.pt(13), y + canvas.pt(9)), label);
        x += canvas.pt(24) + metrics.horizontalAdvance(label);
    }
    p.restore();
    canvas.setY(y + canvas.pt(20));
}

} // namespace strata
