// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Assessment.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>

#include <optional>

namespace strata {

class Database;

/// One stored answer, without the catalog texts (Workspace joins them from the catalog).
struct StoredItemAnswer
{
    qint64 itemId = 0;
    ItemStatus status = ItemStatus::NotStarted;
    QString notes;
    QString reviewer;
    QDateTime updatedAt;
    QList<qint64> evidenceIds;
};

/// The only place that knows the SQL for releases, assessments, their answers and findings. Callers own the
/// transaction.
class AssessmentRepository
{
    Q_DECLARE_TR_FUNCTIONS(strata::AssessmentRepository)

public:
    explicit AssessmentRepository(const Database &db);

    /// Stores the release and its members; returns the new row id.
    Result<qint64> insertRelease(const Release &release);
    /// Every release with its members, by name then version.
    Result<QList<Release>> releases() const;
    Result<Release> release(qint64 releaseId) const;
    /// Row ids of the releases with this name (compared without regard to case), newest first.
    Result<QList<qint64>> releasesNamed(const QString &name) const;
    Result<std::optional<qint64>> findRelease(const QString &name, const QString &version) const;

    /// Stores the assessment with one not-started answer per catalog item id; returns the new row id.
    Result<qint64> insertAssessment(const Assessment &assessment, const QList<qint64> &itemIds);
    /// The assessment's header (no items); NotFound when there is none.
    Result<Assessment> assessment(qint64 assessmentId) const;
    Result<QList<StoredItemAnswer>> answers(qint64 assessmentId) const;
    Result<QList<AssessmentSummary>> assessments() const;

    Status updateAnswer(qint64 assessmentId, const StoredItemAnswer &answer);
    /// Links evidence to an item; an existing link is kept as it is.
    Status linkEvidence(qint64 assessmentId, qint64 itemId, qint64 evidenceId, const QDateTime &at, const QString &by);
    /// Removes one evidence link of an item; the evidence itself stays in the store and in other items.
    Status unlinkEvidence(qint64 assessmentId, qint64 itemId, qint64 evidenceId);

    Result<qint64> insertFinding(const Finding &finding);
    Status updateFinding(const Finding &finding);
    Result<Finding> finding(qint64 findingId) const;
    /// Findings of one assessment (0: all), highest likelihood × impact first.
    Result<QList<Finding>> findings(qint64 assessmentId = 0) const;

private:
    Result<QList<ReleaseMember>> members(qint64 releaseId) const;

    const Database &m_db;
};

} // namespace strata
