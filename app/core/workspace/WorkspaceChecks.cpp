// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// The automated-check part of Workspace: what the inventory already says about the records an assessment covers.
// It reads only; a reviewer confirms a suggestion before any answer changes.
#include "checklist/AutomatedChecks.h"
#include "storage/ArtifactRepository.h"
#include "storage/AssessmentRepository.h"
#include "storage/RecordRepository.h"
#include "storage/RelationRepository.h"
#include "workspace/Workspace.h"

using namespace Qt::Literals::StringLiterals;

namespace strata {

Result<QList<CheckSuggestion>> Workspace::suggestions(qint64 assessmentId) const
{
    Result<Assessment> assessment = this->assessment(assessmentId);
    if (!assessment)
        return assessment.error();
    QList<qint64> ids;
    const AssessmentScope &scope = assessment.value().scope;
    if (scope.releaseId > 0) {
        Result<Release> release = AssessmentRepository(*m_db).release(scope.releaseId);
        if (!release)
            return release.error();
        for (const ReleaseMember &member : std::as_const(release.value().members))
            ids << member.recordId;
    } else {
        ids << scope.recordId;
        Result<Record> record = m_records->get(scope.recordId);
        if (record && record.value().kind == RecordKind::Supplier) {
            Result<QVector<qint64>> provided = m_relations->providedBy(scope.recordId);
            if (!provided)
                return provided.error();
            for (qint64 id : std::as_const(provided.value()))
                ids << id;
        }
    }
    // Signature evidence is linked to the item on model signatures, and counts for every model in scope.
    QList<Evidence> signatureEvidence;
    if (const AssessmentItem *item = assessment.value().item(automated_checks::itemForCheck(u"model-signature"_s)))
        signatureEvidence = item->evidence;
    QList<CheckedRecord> records;
    for (qint64 id : std::as_const(ids)) {
        Result<Record> record = m_records->get(id);
        if (!record) {
            if (record.error().code == ErrorCode::NotFound)
                continue; // deleted since the release was made: nothing left to check
            return record.error();
        }
        Result<QList<Artifact>> artifacts = m_artifacts->forRecord(id);
        if (!artifacts)
            return artifacts.error();
        records.append({record.value(), artifacts.value(), signatureEvidence});
    }
    QStringList keys;
    for (const AssessmentItem &item : std::as_const(assessment.value().items))
        keys << item.key;
    return automated_checks::run(records, keys, QDate::currentDate());
}

} // namespace strata
