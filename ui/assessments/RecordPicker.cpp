// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "RecordPicker.h"

#include "workspace/Workspace.h"

#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kMaxMatches = 200;

} // namespace

RecordPicker::RecordPicker(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    m_search = new QLineEdit;
    m_search->setObjectName(u"recordSearch"_s);
    m_search->setPlaceholderText(tr("Search records by name…"));
    m_search->setClearButtonEnabled(true);
    m_matches = new QListWidget;
    m_matches->setObjectName(u"recordMatches"_s);
    m_matches->setAccessibleName(tr("Matching records"));
    m_matches->setMinimumHeight(120);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_matches);
    connect(m_search, &QLineEdit::textChanged, this, &RecordPicker::search);
    connect(m_matches, &QListWidget::currentItemChanged, this, [this] { Q_EMIT recordChanged(recordId()); });
    search();
}

void RecordPicker::setKind(std::optional<RecordKind> kind)
{
    m_kind = kind;
    search();
}

qint64 RecordPicker::recordId() const
{
    const QListWidgetItem *item = m_matches->currentItem();
    return item ? item->data(kIdRole).toLongLong() : 0;
}

QString RecordPicker::recordLabel() const
{
    const QListWidgetItem *item = m_matches->currentItem();
    return item ? item->text() : QString();
}

bool RecordPicker::selectRecord(qint64 id)
{
    for (int i = 0; i < m_matches->count(); ++i) {
        if (m_matches->item(i)->data(kIdRole).toLongLong() == id) {
            m_matches->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

void RecordPicker::search()
{
    const qint64 selected = recordId();
    m_matches->clear();
    if (!m_workspace)
        return;
    RecordQuery query(m_kind, m_search->text().trimmed());
    query.limit = kMaxMatches;
    const Result<QList<RecordSummary>> found = m_workspace->list(query);
    if (!found)
        return;
    for (const RecordSummary &s : found.value()) {
        const QString name =
            s.version.isEmpty() ? s.name : tr("%1 %2", "record name and version").arg(s.name, s.version);
        auto *item = new QListWidgetItem(tr("%1 (%2)", "record and its kind").arg(name, recordKindLabel(s.kind)));
        item->setData(kIdRole, s.id);
        m_matches->addItem(item);
    }
    if (!selectRecord(selected))
        Q_EMIT recordChanged(0);
}

} // namespace strata
