// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"
#include "workspace/Workspace.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace strata {

/// The files (name, size, digest) recorded for one model or dataset.
class ArtifactTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FileName, Size, Algorithm, Digest, ColumnCount };
    enum Role { ArtifactIdRole = Qt::UserRole + 1 };

    explicit ArtifactTableModel(Workspace *workspace, QObject *parent = nullptr);

    void setRecord(qint64 recordId);
    qint64 recordId() const { return m_recordId; }
    const Artifact *artifactAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// Reading the record's artifacts failed (not when the record was deleted: the table just empties).
    void errorOccurred(const QString &message);

private:
    void reload();

    QPointer<Workspace> m_workspace;
    qint64 m_recordId = 0;
    QList<Artifact> m_artifacts;
};

} // namespace strata
