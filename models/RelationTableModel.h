// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Relation.h"
#include "workspace/Workspace.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace strata {

/// The relations of one record, both directions, for the detail panel.
class RelationTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Relation, OtherRecord, OtherKind, Subtype, Source, ColumnCount };
    enum Role { RelationIdRole = Qt::UserRole + 1, OtherRecordIdRole, OutgoingRole };

    explicit RelationTableModel(Workspace *workspace, QObject *parent = nullptr);

    /// Shows the relations of this record; 0 clears the table.
    void setRecord(qint64 recordId);
    qint64 recordId() const { return m_recordId; }
    const RelatedRecord *relationAt(int row) const;
    /// Translated label of a relation read from its target ("is base of" for derived_from).
    static QString incomingLabel(RelationType type);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// Reading the record's relations failed (not when the record was deleted: the table just empties).
    void errorOccurred(const QString &message);

private:
    void reload();
    void onRecordChanged(qint64 id);

    QPointer<Workspace> m_workspace;
    qint64 m_recordId = 0;
    QString m_recordName;
    QList<RelatedRecord> m_relations;
};

} // namespace strata
