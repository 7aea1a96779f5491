// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "AuditTableModel.h"

#include "StatusIcons.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kSummaryMax = 120;

QString valueText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isArray())
        return AuditTableModel::tr("%n item(s)", "", static_cast<int>(v.toArray().size()));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return v.toVariant().toString();
}

} // namespace

void AuditTableModel::setEntries(QList<AuditEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

const AuditEntry *AuditTableModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int AuditTableModel::rowOfSeq(qint64 seq) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).seq == seq)
            return row;
    }
    return -1;
}

void AuditTableModel::setFirstBadSeq(qint64 seq)
{
    const int before = rowOfSeq(m_firstBad);
    m_firstBad = seq;
    const int after = rowOfSeq(seq);
    for (int row : {before, after}) {
        if (row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const AuditEntry &e = m_entries.at(index.row());
    const bool bad = m_firstBad != 0 && e.seq == m_firstBad;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Seq:
            return e.seq;
        case Time:
            return QLocale().toString(e.time().toLocalTime(), QLocale::ShortFormat);
        case Actor:
            return e.actor;
        case Action:
            return e.action;
        case Entity:
            return e.entityKind.isEmpty() ? QString() : tr("%1 %2").arg(e.entityKind).arg(e.entityId);
        case Change:
            return changeSummary(e);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Time)
            return e.at;
        return bad ? tr("The verification found this row bad.") : QVariant();
    case Qt::DecorationRole:
        if (index.column() == Seq && bad)
            return status_icons::icon(status_icons::Severity::Bad);
        return {};
    case Qt::ForegroundRole:
        if (bad)
            return status_icons::color(status_icons::Severity::Bad);
        return {};
    case SeqRole:
        return e.seq;
    case BeforeRole:
        return indented(e.beforeJson);
    case AfterRole:
        return indented(e.afterJson);
    case BadRole:
        return bad;
    default:
        return {};
    }
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Seq:
        return tr("Seq");
    case Time:
        return tr("Time");
    case Actor:
        return tr("Actor");
    case Action:
        return tr("Action");
    case Entity:
        return tr("Changed");
    case Change:
        return tr("Details");
    default:
        return {};
    }
}

QString AuditTableModel::indented(const QString &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (!doc.isObject())
        return json;
    if (doc.object().isEmpty())
        return {};
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
}

QString AuditTableModel::changeSummary(const AuditEntry &entry)
{
    QJsonObject o = QJsonDocument::fromJson(entry.afterJson.toUtf8()).object();
    if (o.isEmpty())
        o = QJsonDocument::fromJson(entry.beforeJson.toUtf8()).object();
    QStringList parts;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        parts << tr("%1: %2").arg(it.key(), valueText(it.value()).simplified());
    QString text = parts.join(u"; "_s);
    if (text.size() > kSummaryMax)
        text = text.left(kSummaryMax - 1) + u'…';
    return text;
}

} // namespace strata
