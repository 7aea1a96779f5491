// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "EvidenceTableModel.h"

#include "StatusIcons.h"

#include <QColor>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

} // namespace

EvidenceTableModel::EvidenceTableModel(Workspace *workspace, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
    , m_today(QDate::currentDate())
{
    if (workspace) {
        connect(workspace, &Workspace::evidenceChanged, this, &EvidenceTableModel::reload);
        connect(workspace, &Workspace::assessmentsChanged, this, &EvidenceTableModel::reload);
        connect(workspace, &QObject::destroyed, this, [this] {
            beginResetModel();
            m_evidence.clear();
            endResetModel();
        });
    }
    reload();
}

void EvidenceTableModel::setToday(const QDate &today)
{
    m_today = today;
    if (!m_evidence.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

EvidenceTableModel::ExpiryState EvidenceTableModel::expiryState(const Evidence &evidence) const
{
    if (!evidence.expiryDate.isValid())
        return ExpiryState::NoExpiry;
    if (evidence.isExpired(m_today))
        return ExpiryState::Expired;
    if (evidence.expiresWithin(m_today, kExpiringSoonDays))
        return ExpiryState::ExpiringSoon;
    return ExpiryState::Current;
}

void EvidenceTableModel::reload()
{
    QList<Evidence> evidence;
    QHash<qint64, int> links;
    if (m_workspace) {
        Result<QList<Evidence>> all = m_workspace->evidence();
        if (!all) {
            Q_EMIT errorOccurred(all.error().message);
        } else {
            evidence = all.value();
            // What each item supports: the answers of every assessment that link it.
            const Result<QList<AssessmentSummary>> assessments = m_workspace->assessments();
            for (const AssessmentSummary &summary : assessments ? assessments.value() : QList<AssessmentSummary>()) {
                const Result<Assessment> assessment = m_workspace->assessment(summary.id);
                if (!assessment)
                    continue;
                for (const AssessmentItem &item : assessment.value().items) {
                    for (const Evidence &e : item.evidence)
                        ++links[e.id];
                }
            }
        }
    }
    beginResetModel();
    m_evidence = evidence;
    m_links = links;
    endResetModel();
}

const Evidence *EvidenceTableModel::evidenceAt(int row) const
{
    return row >= 0 && row < m_evidence.size() ? &m_evidence.at(row) : nullptr;
}

int EvidenceTableModel::rowOf(qint64 evidenceId) const
{
    for (int row = 0; row < m_evidence.size(); ++row) {
        if (m_evidence.at(row).id == evidenceId)
            return row;
    }
    return -1;
}

void EvidenceTableModel::setVerification(const EvidenceVerification &verification)
{
    m_checks.clear();
    for (const Evidence &e : std::as_const(m_evidence))
        m_checks.insert(e.id, CheckState::Verified);
    for (const EvidenceProblem &problem : verification.problems)
        m_checks.insert(problem.evidence.id,
                        problem.kind == EvidenceProblem::Kind::Missing ? CheckState::Missing : CheckState::Altered);
    if (!m_evidence.isEmpty())
        Q_EMIT dataChanged(index(0, Check), index(rowCount() - 1, Check));
}

int EvidenceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_evidence.size());
}

int EvidenceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EvidenceTableModel::display(const Evidence &e, int column) const
{
    switch (column) {
    case Title:
        return e.title;
    case FileName:
        return e.fileName;
    case Size:
        return QLocale().formattedDataSize(e.size);
    case Sha256:
        return e.sha256.left(12);
    case MediaType:
        return e.mediaType;
    case Source:
        return e.sourceUrl.isEmpty() ? tr("File") : e.sourceUrl;
    case Effective:
        return dateText(e.effectiveDate);
    case Expires:
        switch (expiryState(e)) {
        case ExpiryState::NoExpiry:
            return QString();
        case ExpiryState::Current:
            return dateText(e.expiryDate);
        case ExpiryState::ExpiringSoon:
            return tr("%1 (expires in %n day(s))", "", static_cast<int>(m_today.daysTo(e.expiryDate)))
                .arg(dateText(e.expiryDate));
        case ExpiryState::Expired:
            return tr("%1 (expired)").arg(dateText(e.expiryDate));
        }
        return QString();
    case AddedBy:
        return e.addedBy;
    case AddedAt:
        return QLocale().toString(e.addedAt.toLocalTime(), QLocale::ShortFormat);
    case Linked:
        return m_links.value(e.id);
    case Check:
        switch (m_checks.value(e.id, CheckState::NotChecked)) {
        case CheckState::NotChecked:
            return tr("Not checked");
        case CheckState::Verified:
            return tr("Verified");
        case CheckState::Altered:
            return tr("Altered");
        case CheckState::Missing:
            return tr("Missing");
        }
    }
    return {};
}

QVariant EvidenceTableModel::sortValue(const Evidence &e, int column) const
{
    switch (column) {
    case Size:
        return e.size;
    case Sha256:
        return e.sha256;
    case Effective:
        return dateText(e.effectiveDate);
    case Expires:
        // Undated last when sorting by what expires first.
        return e.expiryDate.isValid() ? dateText(e.expiryDate) : u"9999-12-31"_s;
    case AddedAt:
        return e.addedAt;
    case Linked:
        return m_links.value(e.id);
    case Check:
        return static_cast<int>(m_checks.value(e.id, CheckState::NotChecked));
    default:
        return display(e, column).toString().toLower();
    }
}

QVariant EvidenceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Evidence &e = m_evidence.at(index.row());
    const int column = index.column();
    const ExpiryState expiry = expiryState(e);
    const CheckState check = m_checks.value(e.id, CheckState::NotChecked);
    switch (role) {
    case Qt::DisplayRole:
        return display(e, column);
    case EvidenceIdRole:
        return e.id;
    case SortRole:
        return sortValue(e, column);
    case ExpiryRole:
        return static_cast<int>(expiry);
    case CheckRole:
        return static_cast<int>(check);
    case Qt::TextAlignmentRole:
        if (column == Size || column == Linked)
            return (Qt::AlignRight | Qt::AlignVCenter).toInt();
        return {};
    case Qt::ToolTipRole:
        if (column == Sha256)
            return e.sha256;
        if (column == Size)
            return tr("%1 bytes").arg(QLocale().toString(e.size));
        if (column == Expires && expiry == ExpiryState::Expired)
            return tr("This evidence expired on %1 and no longer supports an answer.").arg(dateText(e.expiryDate));
        if (column == Expires && expiry == ExpiryState::ExpiringSoon)
            return tr("This evidence expires on %1; ask for a current copy.").arg(dateText(e.expiryDate));
        if (column == Title || column == FileName || column == Source)
            return display(e, column);
        return {};
    case Qt::ForegroundRole:
        if (column == Expires && expiry == ExpiryState::Expired)
            return status_icons::color(status_icons::Severity::Bad);
        if (column == Expires && expiry == ExpiryState::ExpiringSoon)
            return status_icons::color(status_icons::Severity::Warning);
        if (column == Check && (check == CheckState::Altered || check == CheckState::Missing))
            return status_icons::color(status_icons::Severity::Bad);
        return {};
    case Qt::DecorationRole:
        if (column == Expires && expiry == ExpiryState::Expired)
            return status_icons::icon(status_icons::Severity::Bad);
        if (column == Expires && expiry == ExpiryState::ExpiringSoon)
            return status_icons::icon(status_icons::Severity::Warning);
        if (column == Check && check == CheckState::Verified)
            return status_icons::icon(status_icons::Severity::Good);
        if (column == Check && (check == CheckState::Altered || check == CheckState::Missing))
            return status_icons::icon(status_icons::Severity::Bad);
        return {};
    default:
        return {};
    }
}

QVariant EvidenceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Title:
        return tr("Title");
    case FileName:
        return tr("File name");
    case Size:
        return tr("Size");
    case Sha256:
        return tr("SHA-256");
    case MediaType:
        return tr("Media type");
    case Source:
        return tr("Source");
    case Effective:
        return tr("Effective");
    case Expires:
        return tr("Expires");
    case AddedBy:
        return tr("Added by");
    case AddedAt:
        return tr("Added at");
    case Linked:
        return tr("Supports");
    case Check:
        return tr("Check");
    }
    return {};
}

} // namespace strata
