// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStyledItemDelegate>

namespace strata {

/// Paints a lifecycle stage as its name, "done/total" and a thin bar (red share for failed items), so the stage
/// list shows at a glance where a review stands.
class StageProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    static constexpr int kDoneRole = Qt::UserRole + 1;
    static constexpr int kTotalRole = Qt::UserRole + 2;
    static constexpr int kFailedRole = Qt::UserRole + 3;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The count drawn beside the stage's name: "done/total", and the failed items too, so they do not rest on the
    /// bar's red share alone.
    static QString countText(int done, int total, int failed);
};

} // namespace strata
