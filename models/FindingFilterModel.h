// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "FindingTableModel.h"
#include "checklist/Assessment.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace strata {

/// Narrows the risk register by status, risk level and one heat-map cell, so the map and the table tell the same
/// story.
class FindingFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit FindingFilterModel(QObject *parent = nullptr);

    void setStatus(std::optional<FindingStatus> status);
    void setLevel(std::optional<RiskLevel> level);
    /// Only findings of this likelihood and impact; nullopt clears it.
    void setCell(std::optional<std::pair<int, int>> likelihoodImpact);
    std::optional<std::pair<int, int>> cell() const { return m_cell; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<FindingStatus> m_status;
    std::optional<RiskLevel> m_level;
    std::optional<std::pair<int, int>> m_cell;
};

} // namespace strata
