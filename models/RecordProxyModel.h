// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSortFilterProxyModel>

namespace strata {

/// Sits between a RecordTableModel and its view: forwards sorting to the source, where it is an
/// ORDER BY in SQLite, so the proxy never reads every row; optionally hides placeholder records.
class RecordProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    void setHidePlaceholders(bool hide);
    bool hidePlaceholders() const { return m_hidePlaceholders; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_hidePlaceholders = false;
};

} // namespace strata
