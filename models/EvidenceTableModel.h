// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "evidence/Evidence.h"
#include "workspace/Workspace.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QPointer>

namespace strata {

/// Every evidence item of a workspace with its dates, digest and what it supports, so a reviewer sees at a glance
/// which proof is stale, expiring or damaged.
class EvidenceTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Title,
        FileName,
        Size,
        Sha256,
        MediaType,
        Source,
        Effective,
        Expires,
        AddedBy,
        AddedAt,
        Linked,
        Check,
        ColumnCount
    };
    enum Role {
        EvidenceIdRole = Qt::UserRole + 1,
        SortRole,   ///< raw value for sorting: numbers, ISO dates, lowercase text
        ExpiryRole, ///< an ExpiryState as int
        CheckRole,  ///< a CheckState as int
    };
    enum class ExpiryState { NoExpiry, Current, ExpiringSoon, Expired };
    enum class CheckState { NotChecked, Verified, Altered, Missing };

    /// Evidence that expires within this many days is flagged as expiring soon.
    static constexpr int kExpiringSoonDays = 30;

    explicit EvidenceTableModel(Workspace *workspace, QObject *parent = nullptr);

    /// The day expiry is judged against; today unless a test fixes it.
    void setToday(const QDate &today);
    QDate today() const { return m_today; }
    ExpiryState expiryState(const Evidence &evidence) const;

    const Evidence *evidenceAt(int row) const;
    int rowOf(qint64 evidenceId) const;
    /// The outcome of the last "Verify evidence", by evidence id; items not named are verified when `checked`.
    void setVerification(const EvidenceVerification &verification);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    QVariant display(const Evidence &e, int column) const;
    QVariant sortValue(const Evidence &e, int column) const;

    QPointer<Workspace> m_workspace;
    QDate m_today;
    QList<Evidence> m_evidence;
    QHash<qint64, int> m_links; ///< evidence id → assessment items it supports
    QHash<qint64, CheckState> m_checks;
};

} // namespace strata
