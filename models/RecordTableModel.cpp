// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "RecordTableModel.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

// Rows fetched by one Workspace::summaries() call: about two screens of a table view. Small, because a search
// refetches the first page on every keystroke.
constexpr int kPageSize = 64;

RecordQuery::SortKey sortKeyFor(int column)
{
    switch (column) {
    case RecordTableModel::Version:
        return RecordQuery::SortKey::Version;
    case RecordTableModel::Supplier:
        return RecordQuery::SortKey::Supplier;
    case RecordTableModel::License:
        return RecordQuery::SortKey::License;
    case RecordTableModel::Updated:
        return RecordQuery::SortKey::Updated;
    default: // Name, and Tags, which SQLite cannot order by
        return RecordQuery::SortKey::Name;
    }
}

} // namespace

RecordTableModel::RecordTableModel(Workspace *workspace, RecordKind kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
    , m_kind(kind)
{
    m_query.kind = kind;
    if (workspace) {
        connect(workspace, &Workspace::recordsChanged, this, [this](RecordKind changed) {
            if (changed == m_kind)
                refresh();
        });
        connect(workspace, &Workspace::recordChanged, this, &RecordTableModel::onRecordChanged);
        connect(workspace, &QObject::destroyed, this, [this] { resetRows({}); });
    }
    requery(false);
}

void RecordTableModel::setSearch(const QString &text)
{
    if (text == m_query.search)
        return;
    m_query.search = text;
    requery(true);
}

qint64 RecordTableModel::recordId(int row) const
{
    return m_ids.value(row, 0);
}

int RecordTableModel::rowForId(qint64 id) const
{
    if (m_rowOf.isEmpty() && !m_ids.isEmpty()) {
        m_rowOf.reserve(m_ids.size());
        for (int row = 0; row < m_ids.size(); ++row)
            m_rowOf.insert(m_ids.at(row), row);
    }
    return m_rowOf.value(id, -1);
}

void RecordTableModel::refresh()
{
    requery(false);
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_ids.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == RecordIdRole)
        return m_ids.at(index.row());
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != PlaceholderRole)
        return {};

    const RecordSummary *summary = summaryAt(index.row());
    if (!summary)
        return {};
    if (role == PlaceholderRole)
        return summary->placeholder;

    if (role == Qt::ToolTipRole) {
        if (index.column() != Name)
            return {};
        const QString title = summary->version.isEmpty()
                                  ? summary->name
                                  : tr("%1@%2", "record name@version").arg(summary->name, summary->version);
        return summary->placeholder ? tr("%1\nReferenced by an import but not yet verified.").arg(title) : title;
    }

    switch (index.column()) {
    case Name:
        return summary->placeholder ? tr("%1 (unverified)", "placeholder record").arg(summary->name) : summary->name;
    case Version:
        return summary->version;
    case Supplier:
        return summary->suppliers;
    case License:
        return summary->license;
    case Tags:
        return summary->tags.join(u", "_s);
    case Updated:
        return summary->updatedAt.isValid() ? QLocale().toString(summary->updatedAt.toLocalTime(), QLocale::ShortFormat)
                                            : QString();
    default:
        return {};
    }
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Version:
        return tr("Version");
    case Supplier:
        return tr("Supplier");
    case License:
        return tr("License");
    case Tags:
        return tr("Tags");
    case Updated:
        return tr("Updated");
    default:
        return {};
    }
}

void RecordTableModel::sort(int column, Qt::SortOrder order)
{
    m_query.sortKey = sortKeyFor(column);
    m_query.descending = order == Qt::DescendingOrder;
    requery(true);
}

void RecordTableModel::requery(bool cacheStillValid)
{
    if (!m_workspace) {
        resetRows({});
        return;
    }
    auto ids = m_workspace->recordIds(m_query);
    if (!ids) {
        resetRows({});
        Q_EMIT errorOccurred(ids.error().message);
        return;
    }
    if (!cacheStillValid) {
        const bool shown = !m_cache.isEmpty() || !m_missing.isEmpty();
        m_cache.clear();
        m_missing.clear();
        if (ids.value() == m_ids) {
            // Same rows in the same order (an edit that moved nothing): views keep selection and scroll.
            if (shown && !m_ids.isEmpty())
                Q_EMIT dataChanged(index(0, 0), index(static_cast<int>(m_ids.size()) - 1, ColumnCount - 1));
            return;
        }
    }
    const QSet<qint64> before(m_ids.cbegin(), m_ids.cend());
    const bool sameRecords =
        ids.value().size() == m_ids.size() && before == QSet<qint64>(ids.value().cbegin(), ids.value().cend());
    if (sameRecords)
        reorder(std::move(ids).value());
    else
        resetRows(std::move(ids).value());
}

void RecordTableModel::reorder(QVector<qint64> ids)
{
    // Only the order changed: move persistent indexes (selections, current rows) along with their records.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QVector<qint64> beforeIds;
    beforeIds.reserve(before.size());
    for (const QModelIndex &index : before)
        beforeIds.append(m_ids.value(index.row(), 0));
    m_ids = std::move(ids);
    m_rowOf.clear();
    QModelIndexList after;
    after.reserve(before.size());
    for (int i = 0; i < before.size(); ++i) {
        const int row = rowForId(beforeIds.at(i));
        after.append(row < 0 ? QModelIndex() : index(row, before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void RecordTableModel::resetRows(QVector<qint64> ids)
{
    beginResetModel();
    m_ids = std::move(ids);
    m_rowOf.clear();
    if (m_ids.isEmpty()) {
        m_cache.clear();
        m_missing.clear();
    }
    endResetModel();
}

const RecordSummary *RecordTableModel::summaryAt(int row) const
{
    if (row < 0 || row >= m_ids.size())
        return nullptr;
    const qint64 id = m_ids.at(row);
    auto it = m_cache.constFind(id);
    if (it == m_cache.cend() && !m_missing.contains(id)) {
        fetchPage(row);
        it = m_cache.constFind(id);
    }
    return it == m_cache.cend() ? nullptr : &it.value();
}

void RecordTableModel::fetchPage(int row) const
{
    const int first = row - row % kPageSize;
    const int last = std::min(first + kPageSize, static_cast<int>(m_ids.size()));
    QVector<qint64> wanted;
    wanted.reserve(last - first);
    for (int i = first; i < last; ++i) {
        const qint64 id = m_ids.at(i);
        if (!m_cache.contains(id) && !m_missing.contains(id))
            wanted.append(id);
    }
    if (!m_workspace) {
        m_missing.unite(QSet<qint64>(wanted.cbegin(), wanted.cend()));
        return;
    }

    auto summaries = m_workspace->summaries(wanted);
    if (!summaries) {
        // Leave these rows empty rather than asking again on every paint.
        m_missing.unite(QSet<qint64>(wanted.cbegin(), wanted.cend()));
        reportErrorLater(summaries.error().message);
        return;
    }
    for (const RecordSummary &summary : summaries.value())
        m_cache.insert(summary.id, summary);
    for (qint64 id : std::as_const(wanted)) {
        if (!m_cache.contains(id))
            m_missing.insert(id); // removed since the ids were read; the coming recordsChanged refreshes
    }
}

void RecordTableModel::reportErrorLater(const QString &message) const
{
    // data() is const and may run inside a view's paint event: report once it has returned.
    auto *self = const_cast<RecordTableModel *>(this);
    QMetaObject::invokeMethod(
        self, [self, message] { Q_EMIT self->errorOccurred(message); }, Qt::QueuedConnection);
}

void RecordTableModel::onRecordChanged(qint64 id)
{
    const bool cached = m_cache.remove(id);
    const bool missing = m_missing.remove(id);
    if (!cached && !missing)
        return; // never fetched, so no view shows it
    const int row = rowForId(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace strata
