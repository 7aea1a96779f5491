// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"
#include "workspace/Workspace.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QVector>

namespace strata {

/// The records of one kind as a lazy table: it holds only ids and fetches rows a page at a time,
/// so a 100k-record workspace opens instantly. Search and sort run in SQLite, not in memory.
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Version, Supplier, License, Tags, Updated, ColumnCount };
    enum Role { RecordIdRole = Qt::UserRole + 1, PlaceholderRole };

    RecordTableModel(Workspace *workspace, RecordKind kind, QObject *parent = nullptr);

    RecordKind kind() const { return m_kind; }
    /// Words to match as prefixes against names, descriptions, tags, notes, licenses and suppliers.
    void setSearch(const QString &text);
    QString search() const { return m_query.search; }
    qint64 recordId(int row) const;
    /// Row of a record in the current order, or -1.
    int rowForId(qint64 id) const;
    /// Refetches ids and drops cached rows (the workspace signals call this).
    void refresh();
    /// Rows fetched from the database so far; tests and benchmarks check that it stays small.
    int cachedRowCount() const { return static_cast<int>(m_cache.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// Sorting is an ORDER BY in SQLite; no row is loaded to sort.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    /// A fetch from the workspace failed; the message is translated.
    void errorOccurred(const QString &message);

private:
    const RecordSummary *summaryAt(int row) const;
    void fetchPage(int row) const;
    void reportErrorLater(const QString &message) const;
    void onRecordChanged(qint64 id);
    /// Reads the ids again and tells views as little as describes the change.
    void requery(bool cacheStillValid);
    void reorder(QVector<qint64> ids);
    void resetRows(QVector<qint64> ids);

    QPointer<Workspace> m_workspace;
    RecordKind m_kind;
    RecordQuery m_query;
    QVector<qint64> m_ids;
    mutable QHash<qint64, RecordSummary> m_cache;
    mutable QSet<qint64> m_missing;     ///< ids a fetch did not return; not asked for again until refresh()
    mutable QHash<qint64, int> m_rowOf; ///< built on the first rowForId() after the ids change
};

} // namespace strata
