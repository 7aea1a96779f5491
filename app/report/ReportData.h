// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ReportOptions.h"
#include "SignoffSource.h"
#include "checklist/Assessment.h"
#include "evidence/Evidence.h"
#include "graph/GraphSnapshot.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace strata {

/// One record in scope as the inventory table prints it.
struct ReportRecord
{
    qint64 id = 0;
    RecordKind kind = RecordKind::Model;
    QString name;
    QString version;
    QString license;
    QString suppliers;   ///< names of the provided_by targets, comma separated
    QStringList digests; ///< "file\nhex" (other algorithms: "file\nalgorithm:hex"), one per artifact
    bool placeholder = false;
};

/// One linked evidence item and what its file and dates say now.
struct ReportEvidence
{
    Evidence evidence;
    bool missing = false;
    bool altered = false;
    bool expired = false;
    bool expiring = false; ///< expires within 30 days of the report date
};

/// Answers of one lifecycle stage, counted by status.
struct ReportStageCount
{
    LifecycleStage stage = LifecycleStage::Governance;
    QMap<ItemStatus, int> counts;

    int total() const;
    int answered() const { return total() - counts.value(ItemStatus::NotStarted); }
};

/// Everything a report shows, copied out of the workspace on the caller's thread so rendering can run on a worker.
struct ReportData
{
    Q_DECLARE_TR_FUNCTIONS(strata::ReportData)

public:
    ReportScope::Kind scopeKind = ReportScope::Kind::Release;
    QString scopeLabel;       ///< release name@version, record name
    QString scopeDescription; ///< translated: "Release support-chat@1.0"
    QString workspaceName;
    QString author;
    QDateTime date; ///< the report date, UTC
    QString language;

    std::optional<Assessment> assessment;
    QString catalogTitle;
    QList<ReportRecord> records;
    QList<Finding> findings;
    QList<ReportEvidence> evidence; ///< evidence linked to the assessment's items, each item once
    GraphSnapshot graph;            ///< the records in scope and the relations between them
    ReportSignoffState signoffs;

    QList<ReportStageCount> stageCounts() const;
    int itemCount(ItemStatus status) const;
    QList<Finding> openFindings() const;     ///< open or mitigating, highest score first
    QList<Finding> acceptedFindings() const; ///< accepted, earliest expiry first
    const ReportEvidence *evidenceItem(qint64 id) const;
    int evidenceProblems() const; ///< missing, altered, expired or expiring items

    /// Translated one-liners for the cover: where the scope stands, and the sign-off decision.
    QString readiness() const;
    QString decision() const;
    bool ready() const;
    /// Severity of a likelihood × impact score: 0 low (1-4), 1 medium (5-9), 2 high (10-16), 3 critical (17-25).
    static int severity(int score);
    static QString severityLabel(int severity);
};

} // namespace strata
