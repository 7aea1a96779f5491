// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "FindingTableModel.h"

#include "StatusIcons.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

} // namespace

RiskLevel riskLevel(int score)
{
    if (score >= 17)
        return RiskLevel::Critical;
    if (score >= 10)
        return RiskLevel::High;
    if (score >= 5)
        return RiskLevel::Medium;
    return RiskLevel::Low;
}

QString riskLevelLabel(RiskLevel level)
{
    switch (level) {
    case RiskLevel::Low:
        return FindingTableModel::tr("Low");
    case RiskLevel::Medium:
        return FindingTableModel::tr("Medium");
    case RiskLevel::High:
        return FindingTableModel::tr("High");
    case RiskLevel::Critical:
        return FindingTableModel::tr("Critical");
    }
    return {};
}

FindingTableModel::FindingTableModel(Workspace *workspace, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
    , m_today(QDate::currentDate())
{
    if (workspace) {
        connect(workspace, &Workspace::assessmentsChanged, this, &FindingTableModel::reload);
        connect(workspace, &QObject::destroyed, this, [this] {
            beginResetModel();
            m_findings.clear();
            endResetModel();
        });
    }
    reload();
}

void FindingTableModel::setToday(const QDate &today)
{
    m_today = today;
    if (!m_findings.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

bool FindingTableModel::isOverdue(const Finding &finding) const
{
    return finding.dueDate.isValid() && finding.dueDate < m_today &&
           (finding.status == FindingStatus::Open || finding.status == FindingStatus::Mitigating);
}

bool FindingTableModel::acceptanceLapsed(const Finding &finding) const
{
    return finding.status == FindingStatus::Accepted && finding.acceptedUntil.isValid() &&
           finding.acceptedUntil < m_today;
}

void FindingTableModel::reload()
{
    QList<Finding> findings;
    QHash<qint64, QString> scopes;
    if (m_workspace) {
        Result<QList<Finding>> all = m_workspace->findings();
        if (!all)
            Q_EMIT errorOccurred(all.error().message);
        else
            findings = all.value();
        const Result<QList<AssessmentSummary>> assessments = m_workspace->assessments();
        for (const AssessmentSummary &summary : assessments ? assessments.value() : QList<AssessmentSummary>())
            scopes.insert(summary.id, summary.scopeLabel);
    }
    beginResetModel();
    m_findings = findings;
    m_scopes = scopes;
    endResetModel();
}

const Finding *FindingTableModel::findingAt(int row) const
{
    return row >= 0 && row < m_findings.size() ? &m_findings.at(row) : nullptr;
}

int FindingTableModel::rowOf(qint64 findingId) const
{
    for (int row = 0; row < m_findings.size(); ++row) {
        if (m_findings.at(row).id == findingId)
            return row;
    }
    return -1;
}

int FindingTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_findings.size());
}

int FindingTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingTableModel::display(const Finding &f, int column) const
{
    switch (column) {
    case Title:
        return f.title;
    case Likelihood:
        return f.likelihood;
    case Impact:
        return f.impact;
    case Score:
        return tr("%1 (%2)").arg(f.score()).arg(riskLevelLabel(riskLevel(f.score())));
    case Owner:
        return f.owner;
    case Due:
        return isOverdue(f) ? tr("%1 (overdue)").arg(dateText(f.dueDate)) : dateText(f.dueDate);
    case Status:
        return findingStatusLabel(f.status);
    case Item: {
        const QString scope = m_scopes.value(f.assessmentId);
        return scope.isEmpty() ? f.itemKey : tr("%1 in %2").arg(f.itemKey, scope);
    }
    case Justification:
        return f.justification;
    case AcceptedUntil:
        return acceptanceLapsed(f) ? tr("%1 (lapsed)").arg(dateText(f.acceptedUntil)) : dateText(f.acceptedUntil);
    }
    return {};
}

QVariant FindingTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Finding &f = m_findings.at(index.row());
    const int column = index.column();
    const bool overdue = isOverdue(f);
    const bool lapsed = acceptanceLapsed(f);
    switch (role) {
    case Qt::DisplayRole:
        return display(f, column);
    case FindingIdRole:
        return f.id;
    case StatusRole:
        return static_cast<int>(f.status);
    case LevelRole:
        return static_cast<int>(riskLevel(f.score()));
    case OverdueRole:
        return overdue;
    case SortRole:
        switch (column) {
        case Likelihood:
            return f.likelihood;
        case Impact:
            return f.impact;
        case Score:
            return f.score();
        case Status:
            return static_cast<int>(f.status);
        case Due:
            return f.dueDate.isValid() ? dateText(f.dueDate) : u"9999-12-31"_s;
        case AcceptedUntil:
            return f.acceptedUntil.isValid() ? dateText(f.acceptedUntil) : u"9999-12-31"_s;
        default:
            return display(f, column).toString().toLower();
        }
    case Qt::TextAlignmentRole:
        if (column == Likelihood || column == Impact || column == Score)
            return (Qt::AlignRight | Qt::AlignVCenter).toInt();
        return {};
    case Qt::ToolTipRole:
        if (column == Due && overdue)
            return tr("Due on %1 and still %2.").arg(dateText(f.dueDate), findingStatusLabel(f.status));
        if (column == AcceptedUntil && lapsed)
            return tr("The acceptance ended on %1; review the risk again.").arg(dateText(f.acceptedUntil));
        if (column == Title || column == Justification || column == Item)
            return display(f, column);
        return {};
    case Qt::ForegroundRole:
        if ((column == Due && overdue) || (column == AcceptedUntil && lapsed))
            return status_icons::color(status_icons::Severity::Bad);
        return {};
    case Qt::DecorationRole:
        if ((column == Due && overdue) || (column == AcceptedUntil && lapsed))
            return status_icons::icon(status_icons::Severity::Bad);
        return {};
    default:
        return {};
    }
}

QVariant FindingTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Title:
        return tr("Title");
    case Likelihood:
        return tr("Likelihood");
    case Impact:
        return tr("Impact");
    case Score:
        return tr("Score");
    case Owner:
        return tr("Owner");
    case Due:
        return tr("Due");
    case Status:
        return tr("Status");
    case Item:
        return tr("Item");
    case Justification:
        return tr("Justification");
    case AcceptedUntil:
        return tr("Accepted until");
    }
    return {};
}

} // namespace strata
