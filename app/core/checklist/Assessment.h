// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Catalog.h"
#include "domain/Record.h"
#include "evidence/Evidence.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace strata {

/// A reviewer's answer to one checklist item.
enum class ItemStatus { NotStarted, Pass, Fail, NotApplicable, RiskAccepted };

QList<ItemStatus> allItemStatuses();
QString itemStatusKey(ItemStatus status); ///< "not_applicable"
std::optional<ItemStatus> itemStatusFromKey(const QString &key);
QString itemStatusLabel(ItemStatus status); ///< translated

/// Where a finding stands in its handling.
enum class FindingStatus { Open, Mitigating, Accepted, Closed };

QList<FindingStatus> allFindingStatuses();
QString findingStatusKey(FindingStatus status);
std::optional<FindingStatus> findingStatusFromKey(const QString &key);
QString findingStatusLabel(FindingStatus status);

/// Caps on what a reviewer types, shared by validation and the schema's CHECK constraints.
namespace assessment_limits {
constexpr int kNotesMax = 20000;
constexpr int kNameMax = 200;
constexpr int kVersionMax = 100;
constexpr int kTitleMax = 500;
constexpr int kOwnerMax = 200;
constexpr int kJustificationMax = 5000;
} // namespace assessment_limits

/// One record of a release as it was when the release was made, so a release stays what was reviewed.
struct ReleaseMember
{
    qint64 recordId = 0;
    RecordKind kind = RecordKind::Model;
    QString name;
    QString version;
};

/// A named, versioned set of records: a root and what it was built from, frozen for review and sign-off.
struct Release
{
    qint64 id = 0;
    QString name;
    QString version;
    qint64 rootId = 0;
    QList<ReleaseMember> members; ///< the root first, then upstream records in walk order
    QDateTime createdAt;
    QString createdBy;

    QString label() const { return version.isEmpty() ? name : name + QLatin1Char('@') + version; }
};

/// What an assessment is about: a release, or one record (a supplier's scope includes what it provides).
struct AssessmentScope
{
    qint64 releaseId = 0;
    qint64 recordId = 0;
};

/// One applicable catalog item of an assessment with the reviewer's answer.
struct AssessmentItem
{
    qint64 catalogItemId = 0;
    QString key;
    QString ref;
    LifecycleStage stage = LifecycleStage::Governance;
    bool mandatory = true;
    LocalizedText title;
    ItemStatus status = ItemStatus::NotStarted;
    QString notes; ///< Markdown; for not_applicable, the reason
    QString reviewer;
    QDateTime updatedAt; ///< invalid while not started
    QList<Evidence> evidence;

    QString label() const { return ref.isEmpty() ? key : ref; }
};

/// A catalog applied to a scope, with an answer per applicable item.
struct Assessment
{
    qint64 id = 0;
    qint64 catalogId = 0;
    QString catalogKey;
    QString catalogVersion;
    AssessmentScope scope;
    QString scopeLabel;      ///< the release or record name when the assessment was made
    QList<RecordKind> kinds; ///< kinds of records in scope, which decided the applicable items
    QDateTime createdAt;
    QString createdBy;
    QList<AssessmentItem> items; ///< in catalog order

    const AssessmentItem *item(const QString &keyOrRef) const;
};

/// An assessment as lists show it.
struct AssessmentSummary
{
    qint64 id = 0;
    QString catalogKey;
    QString catalogVersion;
    QString scopeLabel;
    bool releaseScope = false;
    qint64 releaseId = 0; ///< the release assessed; 0 for a record or a supplier
    int itemCount = 0;
    int answered = 0; ///< items no longer not_started
    int failed = 0;
    QDateTime createdAt;
};

/// A reviewer's change to one item: status, notes and evidence to link (added to what is linked already).
struct ItemUpdate
{
    QString itemKey; ///< catalog item id or ref, compared without regard to case
    ItemStatus status = ItemStatus::NotStarted;
    std::optional<QString> notes; ///< nullopt: keep the notes the item has
    QList<qint64> evidenceIds;
};

/// A risk found while assessing an item.
struct Finding
{
    qint64 id = 0;
    qint64 assessmentId = 0;
    qint64 catalogItemId = 0;
    QString itemKey;
    QString title;
    int likelihood = 1; ///< 1..5
    int impact = 1;     ///< 1..5
    QString owner;
    QDate dueDate;
    FindingStatus status = FindingStatus::Open;
    QString justification; ///< why the risk was accepted
    QDate acceptedUntil;   ///< acceptance expires after this day
    QDateTime createdAt;
    QString createdBy;

    int score() const { return likelihood * impact; }
};

/// What an automated check found about one record, for a reviewer to confirm; it never sets a status.
struct CheckSuggestion
{
    QString check; ///< stable key: "model-digest", "dataset-license", "supplier-certification", "placeholder"
    qint64 recordId = 0;
    QString recordName;
    QString itemKey; ///< the catalog item the finding bears on; empty when the assessment does not hold it
    ItemStatus suggested = ItemStatus::Fail;
    QString message; ///< translated, names the record and what is missing
};

} // namespace strata
