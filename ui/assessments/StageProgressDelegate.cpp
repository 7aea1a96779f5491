// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "StageProgressDelegate.h"

#include "StatusIcons.h"

#include <QApplication>
#include <QPainter>

namespace strata {

namespace {

constexpr int kMargin = 8;
constexpr int kBarHeight = 4;
constexpr int kGap = 4;

} // namespace

void StageProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString name = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const int done = index.data(kDoneRole).toInt();
    const int total = index.data(kTotalRole).toInt();
    const int failed = index.data(kFailedRole).toInt();
    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    const QRect area = opt.rect.adjusted(kMargin, kMargin / 2, -kMargin, -kMargin / 2);
    const QFontMetrics metrics(opt.font);
    const QString count = countText(done, total, failed);
    const int countWidth = metrics.horizontalAdvance(count);
    const QRect textRect(area.left(), area.top(), area.width(), metrics.height());

    painter->save();
    QFont font = opt.font;
    font.setBold(selected);
    painter->setFont(font);
    painter->setPen(opt.palette.color(textRole));
    painter->drawText(textRect.adjusted(0, 0, -countWidth - kGap, 0), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(font).elidedText(name, Qt::ElideRight, textRect.width() - countWidth - kGap));
    painter->setFont(opt.font);
    painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, count);

    const QRect bar(area.left(), textRect.bottom() + kGap, area.width(), kBarHeight);
    painter->setPen(Qt::NoPen);
    QColor track = opt.palette.color(textRole);
    track.setAlphaF(0.15);
    painter->setBrush(track);
    painter->drawRoundedRect(bar, 2, 2);
    if (total > 0 && done > 0) {
        QRect fill = bar;
        fill.setWidth(bar.width() * done / total);
        painter->setBrush(selected ? opt.palette.color(QPalette::HighlightedText)
                                   : status_icons::color(status_icons::Severity::Good, opt.palette));
        painter->drawRoundedRect(fill, 2, 2);
        if (failed > 0) {
            QRect bad = bar;
            bad.setWidth(bar.width() * failed / total);
            painter->setBrush(status_icons::color(status_icons::Severity::Bad, opt.palette));
            painter->drawRoundedRect(bad, 2, 2);
        }
    }
    painter->restore();
}

QString StageProgressDelegate::countText(int done, int total, int failed)
{
    if (failed <= 0)
        return QStringLiteral("%1/%2").arg(done).arg(total);
    return tr("%1/%2, %3 \u2716", "stage progress: done/total, then the failed items").arg(done).arg(total).arg(failed);
}

QSize StageProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(QFontMetrics(option.font).height() + kBarHeight + kGap + kMargin * 2);
    return size;
}

} // namespace strata
