// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "RecordProxyModel.h"

#include "RecordTableModel.h"

namespace strata {

void RecordProxyModel::sort(int column, Qt::SortOrder order)
{
    if (auto *records = qobject_cast<RecordTableModel *>(sourceModel())) {
        // The proxy stays unsorted (sortColumn() == -1) and simply follows the source's order.
        records->sort(column, order);
        return;
    }
    QSortFilterProxyModel::sort(column, order);
}

void RecordProxyModel::setHidePlaceholders(bool hide)
{
    if (hide == m_hidePlaceholders)
        return;
    m_hidePlaceholders = hide;
    invalidateRowsFilter();
}

bool RecordProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_hidePlaceholders) {
        const QModelIndex index = sourceModel()->index(sourceRow, RecordTableModel::Name, sourceParent);
        if (index.data(RecordTableModel::PlaceholderRole).toBool())
            return false;
    }
    // Returns true without reading data while no filter text is set.
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace strata
