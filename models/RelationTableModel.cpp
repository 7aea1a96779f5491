// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "RelationTableModel.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

bool sameRows(const QList<RelatedRecord> &a, const QList<RelatedRecord> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(), [](const RelatedRecord &x, const RelatedRecord &y) {
        return x.relation.id == y.relation.id && x.relation.fromId == y.relation.fromId &&
               x.relation.type == y.relation.type && x.relation.toId == y.relation.toId &&
               x.relation.subtype == y.relation.subtype && x.relation.source == y.relation.source &&
               x.outgoing == y.outgoing && x.otherId == y.otherId && x.otherKind == y.otherKind &&
               x.otherName == y.otherName && x.otherVersion == y.otherVersion;
    });
}

} // namespace

RelationTableModel::RelationTableModel(Workspace *workspace, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
{
    if (!workspace)
        return;
    connect(workspace, &Workspace::recordChanged, this, &RelationTableModel::onRecordChanged);
    // A record at the other end may have been removed, restored or renamed.
    connect(workspace, &Workspace::recordsChanged, this, [this] {
        if (m_recordId != 0)
            reload();
    });
    connect(workspace, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_relations.clear();
        endResetModel();
    });
}

void RelationTableModel::setRecord(qint64 recordId)
{
    m_recordId = recordId;
    reload();
}

const RelatedRecord *RelationTableModel::relationAt(int row) const
{
    return row >= 0 && row < m_relations.size() ? &m_relations.at(row) : nullptr;
}

int RelationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_relations.size());
}

int RelationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RelationTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RelatedRecord &related = m_relations.at(index.row());
    const QString otherTitle =
        related.otherVersion.isEmpty()
            ? related.otherName
            : tr("%1 %2", "record name and version").arg(related.otherName, related.otherVersion);
    switch (role) {
    case RelationIdRole:
        return related.relation.id;
    case OtherRecordIdRole:
        return related.otherId;
    case OutgoingRole:
        return related.outgoing;
    case Qt::ToolTipRole: {
        // The relation as a sentence, always read from its source: "A derived from B".
        const QString from = related.outgoing ? m_recordName : otherTitle;
        const QString to = related.outgoing ? otherTitle : m_recordName;
        return tr("%1 %2 %3", "record, relation, record").arg(from, relationTypeLabel(related.relation.type), to);
    }
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

    switch (index.column()) {
    case Relation:
        return related.outgoing ? relationTypeLabel(related.relation.type) : incomingLabel(related.relation.type);
    case OtherRecord:
        return otherTitle;
    case OtherKind:
        return recordKindLabel(related.otherKind);
    case Subtype:
        return related.relation.subtype.isEmpty() ? QString() : derivationKindLabel(related.relation.subtype);
    case Source:
        return related.relation.source;
    default:
        return {};
    }
}

QVariant RelationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Relation:
        return tr("Relation");
    case OtherRecord:
        return tr("Record");
    case OtherKind:
        return tr("Kind");
    case Subtype:
        return tr("Subtype");
    case Source:
        return tr("Source");
    default:
        return {};
    }
}

QString RelationTableModel::incomingLabel(RelationType type)
{
    switch (type) {
    case RelationType::DerivedFrom:
        return tr("is base of", "incoming derived_from: this record is the parent");
    case RelationType::TrainedOn:
        return tr("trained", "incoming trained_on: this dataset trained the other model");
    case RelationType::EvaluatedOn:
        return tr("evaluated", "incoming evaluated_on: this dataset evaluated the other model");
    case RelationType::ProvidedBy:
        return tr("provides", "incoming provided_by: this supplier provides the other record");
    case RelationType::DependsOn:
        return tr("is needed by", "incoming depends_on");
    case RelationType::HostedOn:
        return tr("hosts", "incoming hosted_on: this service hosts the other record");
    }
    return relationTypeLabel(type);
}

void RelationTableModel::reload()
{
    QList<RelatedRecord> relations;
    QString name;
    QString error;
    if (m_workspace && m_recordId != 0) {
        auto snapshot = m_workspace->snapshot(m_recordId);
        if (snapshot) {
            relations = snapshot.value().relations;
            name = snapshot.value().record.name;
        } else if (snapshot.error().code != ErrorCode::NotFound) {
            error = snapshot.error().message;
        }
    }
    if (name != m_recordName || !sameRows(relations, m_relations)) {
        beginResetModel();
        m_relations = std::move(relations);
        m_recordName = std::move(name);
        endResetModel();
    }
    if (!error.isEmpty())
        Q_EMIT errorOccurred(error);
}

void RelationTableModel::onRecordChanged(qint64 id)
{
    if (m_recordId == 0)
        return;
    const bool shown = id == m_recordId || std::any_of(m_relations.cbegin(), m_relations.cend(),
                                                       [id](const auto &r) { return r.otherId == id; });
    if (shown)
        reload();
}

} // namespace strata
