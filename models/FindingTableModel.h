// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Assessment.h"
#include "workspace/Workspace.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QPointer>

namespace strata {

/// How serious a finding is, from its likelihood × impact score: the bands of the heat map and the filter.
enum class RiskLevel { Low, Medium, High, Critical };

RiskLevel riskLevel(int score); ///< 1–4 low, 5–9 medium, 10–16 high, 17–25 critical
QString riskLevelLabel(RiskLevel level);

/// The risk register: every finding with its score, owner, due date, status and acceptance, so overdue work and
/// expiring acceptances stand out.
class FindingTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Title,
        Likelihood,
        Impact,
        Score,
        Owner,
        Due,
        Status,
        Item,
        Justification,
        AcceptedUntil,
        ColumnCount
    };
    enum Role {
        FindingIdRole = Qt::UserRole + 1,
        SortRole,
        StatusRole,  ///< FindingStatus as int
        LevelRole,   ///< RiskLevel as int
        OverdueRole, ///< bool: due before today and still open or mitigating
    };

    explicit FindingTableModel(Workspace *workspace, QObject *parent = nullptr);

    void setToday(const QDate &today);
    bool isOverdue(const Finding &finding) const;
    /// An accepted risk whose acceptance ended before today.
    bool acceptanceLapsed(const Finding &finding) const;

    const Finding *findingAt(int row) const;
    int rowOf(qint64 findingId) const;
    const QList<Finding> &findings() const { return m_findings; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    QVariant display(const Finding &f, int column) const;

    QPointer<Workspace> m_workspace;
    QDate m_today;
    QList<Finding> m_findings;
    QHash<qint64, QString> m_scopes; ///< assessment id → what it assessed
};

} // namespace strata
