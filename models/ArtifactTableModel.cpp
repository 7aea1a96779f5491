// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ArtifactTableModel.h"

#include <QLocale>

#include <algorithm>

namespace strata {

namespace {

bool sameRows(const QList<Artifact> &a, const QList<Artifact> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(), [](const Artifact &x, const Artifact &y) {
        return x.id == y.id && x.recordId == y.recordId && x.fileName == y.fileName && x.size == y.size &&
               x.algorithm == y.algorithm && x.digest == y.digest;
    });
}

} // namespace

ArtifactTableModel::ArtifactTableModel(Workspace *workspace, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
{
    if (!workspace)
        return;
    connect(workspace, &Workspace::recordChanged, this, [this](qint64 id) {
        if (id == m_recordId && id != 0)
            reload();
    });
    // The record itself may have been removed or restored.
    connect(workspace, &Workspace::recordsChanged, this, [this] {
        if (m_recordId != 0)
            reload();
    });
    connect(workspace, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_artifacts.clear();
        endResetModel();
    });
}

void ArtifactTableModel::setRecord(qint64 recordId)
{
    m_recordId = recordId;
    reload();
}

const Artifact *ArtifactTableModel::artifactAt(int row) const
{
    return row >= 0 && row < m_artifacts.size() ? &m_artifacts.at(row) : nullptr;
}

int ArtifactTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_artifacts.size());
}

int ArtifactTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ArtifactTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Artifact &artifact = m_artifacts.at(index.row());
    if (role == ArtifactIdRole)
        return artifact.id;
    if (role == Qt::TextAlignmentRole && index.column() == Size)
        return (Qt::AlignRight | Qt::AlignVCenter).toInt();
    if (role == Qt::ToolTipRole) {
        if (index.column() == Size && artifact.size >= 0)
            return tr("%1 bytes").arg(QLocale().toString(artifact.size));
        if (index.column() == Digest || index.column() == FileName)
            return index.column() == Digest ? artifact.digest : artifact.fileName;
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};

    switch (index.column()) {
    case FileName:
        return artifact.fileName;
    case Size:
        return artifact.size < 0 ? tr("unknown", "file size") : QLocale().formattedDataSize(artifact.size);
    case Algorithm:
        return artifact.algorithm;
    case Digest:
        return artifact.digest;
    default:
        return {};
    }
}

QVariant ArtifactTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FileName:
        return tr("File");
    case Size:
        return tr("Size");
    case Algorithm:
        return tr("Algorithm");
    case Digest:
        return tr("Digest");
    default:
        return {};
    }
}

void ArtifactTableModel::reload()
{
    QList<Artifact> artifacts;
    QString error;
    if (m_workspace && m_recordId != 0) {
        auto snapshot = m_workspace->snapshot(m_recordId);
        if (snapshot)
            artifacts = snapshot.value().artifacts;
        else if (snapshot.error().code != ErrorCode::NotFound)
            error = snapshot.error().message;
    }
    if (!sameRows(artifacts, m_artifacts)) {
        beginResetModel();
        m_artifacts = std::move(artifacts);
        endResetModel();
    }
    if (!error.isEmpty())
        Q_EMIT errorOccurred(error);
}

} // namespace strata
