// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "SidebarDelegate.h"

#include <QApplication>
#include <QPainter>

namespace strata {
namespace {

constexpr int kIndent = 12;
constexpr int kExtraHeight = 14;

} // namespace

QSize SidebarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize size = QStyledItemDelegate::sizeHint(option, index);
    return {size.width() + 2 * kIndent, size.height() + kExtraHeight};
}

void SidebarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem item(option);
    initStyleOption(&item, index);
    const QWidget *widget = item.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    // The row's background and selection as the style draws them, then the text, indented.
    const QString text = item.text;
    item.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);

    const QRect textRect = item.rect.adjusted(kIndent, 0, -kIndent / 2, 0);
    const bool selected = item.state.testFlag(QStyle::State_Selected);
    const QString elided = item.fontMetrics.elidedText(text, Qt::ElideRight, textRect.width());
    painter->save();
    painter->setFont(item.font);
    style->drawItemText(painter, textRect, Qt::AlignLeft | Qt::AlignVCenter, item.palette,
                        item.state.testFlag(QStyle::State_Enabled), elided,
                        selected ? QPalette::HighlightedText : QPalette::Text);
    painter->restore();
}

} // namespace strata
