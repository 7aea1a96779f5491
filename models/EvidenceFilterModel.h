// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSortFilterProxyModel>

namespace strata {

/// Narrows the evidence list by words (title, file, digest, media type, source) and by expiry, and sorts by the
/// raw values, so "expired" and "expires next month" are one click away.
class EvidenceFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Expiry { All, Expired, ExpiringSoon, ExpiredOrSoon };

    explicit EvidenceFilterModel(QObject *parent = nullptr);

    void setText(const QString &text);
    void setExpiry(Expiry expiry);
    Expiry expiry() const { return m_expiry; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    Expiry m_expiry = Expiry::All;
};

} // namespace strata
