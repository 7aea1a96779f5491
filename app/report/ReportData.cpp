// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ReportData.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata {

int ReportStageCount::total() const
{
    int sum = 0;
    for (int count : counts)
        sum += count;
    return sum;
}

QList<ReportStageCount> ReportData::stageCounts() const
{
    QList<ReportStageCount> stages;
    if (!assessment)
        return stages;
    for (LifecycleStage stage : allLifecycleStages()) {
        ReportStageCount count{stage, {}};
        for (const AssessmentItem &item : std::as_const(assessment->items)) {
            if (item.stage == stage)
                ++count.counts[item.status];
        }
        if (count.total() > 0)
            stages << count;
    }
    return stages;
}

int ReportData::itemCount(ItemStatus status) const
{
    if (!assessment)
        return 0;
    return int(std::count_if(assessment->items.cbegin(), assessment->items.cend(),
                             [status](const AssessmentItem &item) { return item.status == status; }));
}

QList<Finding> ReportData::openFindings() const
{
    QList<Finding> open;
    for (const Finding &finding : findings) {
        if (finding.status == FindingStatus::Open || finding.status == FindingStatus::Mitigating)
            open << finding;
    }
    std::stable_sort(open.begin(), open.end(),
                     [](const Finding &a, const Finding &b) { return a.score() > b.score(); });
    return open;
}

QList<Finding> ReportData::acceptedFindings() const
{
    QList<Finding> accepted;
    for (const Finding &finding : findings) {
        if (finding.status == FindingStatus::Accepted)
            accepted << finding;
    }
    std::stable_sort(accepted.begin(), accepted.end(),
                     [](const Finding &a, const Finding &b) { return a.acceptedUntil < b.acceptedUntil; });
    return accepted;
}

const ReportEvidence *ReportData::evidenceItem(qint64 id) const
{
    for (const ReportEvidence &item : evidence) {
        if (item.evidence.id == id)
            return &item;
    }
    return nullptr;
}

int ReportData::evidenceProblems() const
{
    return int(std::count_if(evidence.cbegin(), evidence.cend(), [](const ReportEvidence &item) {
        return item.missing || item.altered || item.expired || item.expiring;
    }));
}

bool ReportData::ready() const
{
    if (!assessment)
        return false;
    for (const AssessmentItem &item : std::as_const(assessment->items)) {
        if (item.status == ItemStatus::NotStarted || item.status == ItemStatus::Fail)
            return false;
    }
    return openFindings().isEmpty() && std::none_of(evidence.cbegin(), evidence.cend(), [](const ReportEvidence &e) {
               return e.missing || e.altered || e.expired;
           });
}

QString ReportData::readiness() const
{
    if (!assessment)
        return tr("Not assessed: no assessment covers this scope.");
    if (ready()) {
        const int accepted = itemCount(ItemStatus::RiskAccepted);
        return accepted > 0 ? tr("Ready, with %n accepted risk(s).", "", accepted)
                            : tr("Ready: every item is answered.");
    }
    const int open = itemCount(ItemStatus::NotStarted);
    const int failed = itemCount(ItemStatus::Fail);
    return tr("Not ready. Not started: %1; failed: %2; open findings: %3.")
        .arg(open)
        .arg(failed)
        .arg(openFindings().size());
}

QString ReportData::decision() const
{
    switch (signoffs.state) {
    case ReportSignoffState::State::None:
        return tr("No sign-off recorded");
    case ReportSignoffState::State::Valid:
        // Verified signatures say who decided, not what: a rejection or a missing role is not an approval.
        if (signoffs.rejected)
            return tr("Rejected (%n signature(s) verified)", "", int(signoffs.signoffs.size()));
        if (!signoffs.gatePasses)
            return tr("Not approved yet (%n signature(s) verified): %1", "", int(signoffs.signoffs.size()))
                .arg(signoffs.gateReason);
        return tr("Approved (%n signature(s) verified)", "", int(signoffs.signoffs.size()));
    case ReportSignoffState::State::Stale:
        return tr("Sign-off is stale: the scope changed after it was signed");
    case ReportSignoffState::State::Broken:
        return tr("Sign-off is broken: a signature or what it covers does not verify");
    }
    return QString();
}

int ReportData::severity(int score)
{
    if (score >= 17)
        return 3;
    if (score >= 10)
        return 2;
    if (score >= 5)
        return 1;
    return 0;
}

QString ReportData::severityLabel(int severity)
{
    switch (severity) {
    case 3:
        return tr("Critical");
    case 2:
        return tr("High");
    case 1:
        return tr("Medium");
    default:
        return tr("Low");
    }
}

} // namespace strata
