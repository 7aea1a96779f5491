// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/AuditEntry.h"

#include <QAbstractTableModel>
#include <QList>

namespace strata {

/// The audit trail as a table, newest first, with the first row a verification found bad marked, so the Audit page
/// shows who changed what and where the chain broke.
class AuditTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Seq, Time, Actor, Action, Entity, Change, ColumnCount };
    enum Role {
        SeqRole = Qt::UserRole + 1,
        BeforeRole, ///< the before JSON, indented
        AfterRole,  ///< the after JSON, indented
        BadRole,    ///< bool: the first bad row of the last verification
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setEntries(QList<AuditEntry> entries);
    const QList<AuditEntry> &entries() const { return m_entries; }
    const AuditEntry *entryAt(int row) const;
    int rowOfSeq(qint64 seq) const;
    /// Marks the row with this seq as the first bad one (0: none).
    void setFirstBadSeq(qint64 seq);
    qint64 firstBadSeq() const { return m_firstBad; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// JSON as stored, indented for reading; text that is not a JSON object is returned as it is.
    static QString indented(const QString &json);
    /// A one-line summary of what changed: "license: MIT", or the before values of a removal.
    static QString changeSummary(const AuditEntry &entry);

private:
    QList<AuditEntry> m_entries;
    qint64 m_firstBad = 0;
};

} // namespace strata
