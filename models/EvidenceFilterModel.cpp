// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "EvidenceFilterModel.h"

#include "EvidenceTableModel.h"

namespace strata {

EvidenceFilterModel::EvidenceFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(EvidenceTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void EvidenceFilterModel::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void EvidenceFilterModel::setExpiry(Expiry expiry)
{
    m_expiry = expiry;
    invalidateFilter();
}

bool EvidenceFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    using State = EvidenceTableModel::ExpiryState;
    const auto state =
        static_cast<State>(model->index(sourceRow, 0, sourceParent).data(EvidenceTableModel::ExpiryRole).toInt());
    switch (m_expiry) {
    case Expiry::All:
        break;
    case Expiry::Expired:
        if (state != State::Expired)
            return false;
        break;
    case Expiry::ExpiringSoon:
        if (state != State::ExpiringSoon)
            return false;
        break;
    case Expiry::ExpiredOrSoon:
        if (state != State::Expired && state != State::ExpiringSoon)
            return false;
        break;
    }
    if (m_text.isEmpty())
        return true;
    for (int column : {EvidenceTableModel::Title, EvidenceTableModel::FileName, EvidenceTableModel::MediaType,
                       EvidenceTableModel::Source}) {
        if (model->index(sourceRow, column, sourceParent).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    // The whole digest, so a pasted prefix of any length matches.
    return model->index(sourceRow, EvidenceTableModel::Sha256, sourceParent)
        .data(Qt::ToolTipRole)
        .toString()
        .startsWith(m_text, Qt::CaseInsensitive);
}

} // namespace strata
