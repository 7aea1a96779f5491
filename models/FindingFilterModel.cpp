// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "FindingFilterModel.h"

namespace strata {

FindingFilterModel::FindingFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(FindingTableModel::SortRole);
}

void FindingFilterModel::setStatus(std::optional<FindingStatus> status)
{
    m_status = status;
    invalidateFilter();
}

void FindingFilterModel::setLevel(std::optional<RiskLevel> level)
{
    m_level = level;
    invalidateFilter();
}

void FindingFilterModel::setCell(std::optional<std::pair<int, int>> likelihoodImpact)
{
    m_cell = likelihoodImpact;
    invalidateFilter();
}

bool FindingFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex first = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_status && first.data(FindingTableModel::StatusRole).toInt() != static_cast<int>(*m_status))
        return false;
    if (m_level && first.data(FindingTableModel::LevelRole).toInt() != static_cast<int>(*m_level))
        return false;
    if (m_cell) {
        const int likelihood = sourceModel()
                                   ->index(sourceRow, FindingTableModel::Likelihood, sourceParent)
                                   .data(FindingTableModel::SortRole)
                                   .toInt();
        const int impact = sourceModel()
                               ->index(sourceRow, FindingTableModel::Impact, sourceParent)
                               .data(FindingTableModel::SortRole)
                               .toInt();
        if (likelihood != m_cell->first || impact != m_cell->second)
            return false;
    }
    return true;
}

} // namespace strata
