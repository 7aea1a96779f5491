// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// The assessment-bundle part of Workspace: sequence numbers against replay, and the one-transaction merge of a bundle
// that BundleImporter has already verified (signature, listing, sizes and digests).
#include "bundle/BundleManifest.h"
#include "evidence/EvidenceStore.h"
#include "interop/ImportDocument.h"
#include "storage/AssessmentRepository.h"
#include "storage/BundleRepository.h"
#include "util/CrashPoint.h"
#include "workspace/Workspace.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

/// Puts the actor back however the merge ends.
class ActorScope
{
public:
    ActorScope(Workspace &workspace, const QString &actor)
        : m_workspace(workspace)
        , m_previous(workspace.actor())
    {
        m_workspace.setActor(actor);
    }
    ~ActorScope() { m_workspace.setActor(m_previous); }
    ActorScope(const ActorScope &) = delete;
    ActorScope &operator=(const ActorScope &) = delete;

private:
    Workspace &m_workspace;
    QString m_previous;
};

QString refLabel(const BundleRecordRef &ref)
{
    return ref.version.isEmpty() ? ref.name : ref.name + u'@' + ref.version;
}

} // namespace

Result<qint64> Workspace::nextBundleSequence(const QString &signer, const QString &bundleId)
{
    qint64 next = 0;
    BundleRepository repository(*m_db);
    const Status s = inTransaction([&]() -> Status {
        Result<qint64> last = repository.lastSequence(signer, BundleRepository::Direction::Exported);
        if (!last)
            return last.error();
        next = qMax(last.value() + 1, QDateTime::currentMSecsSinceEpoch());
        if (Status recorded = repository.recordSequence(signer, BundleRepository::Direction::Exported, next, bundleId,
                                                        QDateTime::currentDateTimeUtc());
            !recorded)
            return recorded;
        return recordAudit(
            u"bundle.export"_s, u"release"_s, 0, {},
            QJsonObject{{u"bundle"_s, bundleId}, {u"sequence"_s, QString::number(next)}, {u"signer"_s, signer}});
    });
    if (!s)
        return s.error();
    return next;
}

Result<qint64> Workspace::lastImportedBundleSequence(const QString &signer) const
{
    return BundleRepository(*m_db).lastSequence(signer, BundleRepository::Direction::Imported);
}

Result<BundleMergeSummary> Workspace::mergeBundle(const BundleManifest &manifest,
                                                  const ImportDocument &bom,
                                                  const Identity &signer)
{
    if (Status s = writable(); !s)
        return s.error();
    BundleMergeSummary summary;
    summary.sequence = manifest.sequence;
    BundleRepository bundles(*m_db);
    AssessmentRepository assessments(*m_db);
    // Answers, findings and evidence rows carry the name of the person who signed the bundle.
    ActorScope actor(*this, signer.name);
    const CrashScope crashScope("bundle");
    const Status s = inTransaction([&]() -> Status {
        // Checked again under the write lock: two imports of the same bundle cannot both pass.
        Result<qint64> last = bundles.lastSequence(signer.fingerprint, BundleRepository::Direction::Imported);
        if (!last)
            return last.error();
        if (manifest.sequence <= last.value())
            return Error{ErrorCode::Conflict, tr("This bundle from %1 has sequence %2, but one with sequence %3 was "
                                                 "already imported: it is a replayed or older bundle, and nothing "
                                                 "was imported.")
                                                  .arg(signer.name)
                                                  .arg(manifest.sequence)
                                                  .arg(last.value())};
        if (bom.recordCount() > 0) {
            Result<ImportSummary> imported = applyImport(bom);
            if (!imported)
                return imported.error();
            summary.recordsAdded = imported.value().added;
            summary.recordsUpdated = imported.value().updated;
        }

        Result<std::optional<qint64>> existing = assessments.findRelease(manifest.releaseName, manifest.releaseVersion);
        if (!existing)
            return existing.error();
        Release release;
        if (existing.value()) {
            Result<Release> found = assessments.release(*existing.value());
            if (!found)
                return found.error();
            release = found.value();
        } else {
            Result<qint64> rootId = resolve(refLabel(manifest.root), manifest.root.kind);
            if (!rootId)
                return Error{ErrorCode::InvalidInput,
                             tr("The bundle's release %1 has the root %2, which is not in "
                                "the workspace after merging its BOM: %3")
                                 .arg(manifest.releaseName, refLabel(manifest.root), rootId.error().message)};
            Result<Release> created = createRelease(manifest.releaseName, manifest.releaseVersion, rootId.value());
            if (!created)
                return created.error();
            release = created.value();
            summary.releaseCreated = true;
        }
        summary.releaseLabel = release.label();

        QHash<QString, qint64> evidenceIds;
        for (const BundleEvidence &e : manifest.evidence) {
            EvidenceInput input;
            input.path = e.fileName.isEmpty() ? e.title : e.fileName;
            input.title = e.title;
            input.sourceUrl = e.sourceUrl;
            input.effectiveDate = e.effectiveDate;
            input.expiryDate = e.expiryDate;
            Result<EvidenceAddResult> recorded = recordStoredEvidence(input, e.sha256, e.size, false);
            if (!recorded)
                return recorded.error();
            evidenceIds.insert(e.sha256, recorded.value().evidence.id);
            summary.evidenceAdded += recorded.value().created ? 1 : 0;
        }

        Result<QList<AssessmentSummary>> all = this->assessments();
        if (!all)
            return all.error();
        for (int index = 0; index < manifest.assessments.size(); ++index) {
            const BundleAssessment &incoming = manifest.assessments.at(index);
            qint64 assessmentId = 0;
            for (const AssessmentSummary &candidate : std::as_const(all.value())) {
                if (candidate.catalogKey != incoming.catalogKey || candidate.catalogVersion != incoming.catalogVersion)
                    continue;
                Result<Assessment> a = assessments.assessment(candidate.id);
                if (a && a.value().scope.releaseId == release.id) {
                    assessmentId = candidate.id;
                    break;
                }
            }
            if (assessmentId == 0) {
                Result<Assessment> created = createAssessment(
                    AssessmentScope{release.id, 0}, u"%1@%2"_s.arg(incoming.catalogKey, incoming.catalogVersion));
                if (!created)
                    return created.error();
                assessmentId = created.value().id;
                ++summary.assessmentsCreated;
            }
            Result<Assessment> current = assessment(assessmentId);
            if (!current)
                return current.error();

            // Answers first (a finding needs its item failed; a risk is accepted only on an accepted finding).
            const auto apply = [&](const BundleAnswer &answer, ItemStatus status) -> Status {
                const AssessmentItem *ours = current.value().item(answer.key);
                if (!ours)
                    return Error{ErrorCode::InvalidInput, tr("The bundle answers item %1, which the assessment of %2 "
                                                             "with catalog %3 does not hold.")
                                                              .arg(answer.key, release.label(), incoming.catalogKey)};
                ItemUpdate update;
                update.itemKey = answer.key;
                update.status = status;
                update.notes = answer.notes;
                QSet<qint64> linked;
                for (const Evidence &e : ours->evidence)
                    linked.insert(e.id);
                for (const QString &sha : answer.evidence) {
                    const qint64 id = evidenceIds.value(sha);
                    if (id == 0)
                        return Error{ErrorCode::InvalidInput,
                                     tr("Item %1 of the bundle links evidence %2, which the bundle does not describe.")
                                         .arg(answer.key, sha)};
                    if (!linked.contains(id))
                        update.evidenceIds.append(id);
                }
                if (ours->status == status && ours->notes == answer.notes && update.evidenceIds.isEmpty())
                    return Ok{};
                Result<AssessmentItem> set = setItemStatus(assessmentId, update);
                if (!set)
                    return set.error();
                ++summary.answersChanged;
                return Ok{};
            };
            for (const BundleAnswer &answer : incoming.items) {
                if (answer.status == ItemStatus::NotStarted)
                    continue; // an unanswered item never erases an answer here
                const ItemStatus first = answer.status == ItemStatus::RiskAccepted ? ItemStatus::Fail : answer.status;
                const AssessmentItem *ours = current.value().item(answer.key);
                if (ours && ours->status == ItemStatus::RiskAccepted && first == ItemStatus::Fail &&
                    answer.status == ItemStatus::RiskAccepted)
                    continue;
                if (Status a = apply(answer, first); !a)
                    return a;
            }

            Result<QList<Finding>> findings = this->findings(assessmentId);
            if (!findings)
                return findings.error();
            for (const BundleFinding &incomingFinding : manifest.findings) {
                if (incomingFinding.assessment != index)
                    continue;
                const bool known =
                    std::any_of(findings.value().cbegin(), findings.value().cend(), [&](const Finding &f) {
                        return f.itemKey.compare(incomingFinding.itemKey, Qt::CaseInsensitive) == 0 &&
                               f.title == incomingFinding.title;
                    });
                if (known)
                    continue;
                Finding finding;
                finding.assessmentId = assessmentId;
                finding.itemKey = incomingFinding.itemKey;
                finding.title = incomingFinding.title;
                finding.likelihood = incomingFinding.likelihood;
                finding.impact = incomingFinding.impact;
                finding.owner = incomingFinding.owner;
                finding.dueDate = incomingFinding.dueDate;
                finding.status = incomingFinding.status == FindingStatus::Mitigating ? FindingStatus::Mitigating
                                                                                     : FindingStatus::Open;
                Result<Finding> added = addFinding(finding);
                if (!added)
                    return added.error();
                ++summary.findingsAdded;
                if (incomingFinding.status == FindingStatus::Accepted) {
                    Result<Finding> accepted =
                        acceptFinding(added.value().id, incomingFinding.justification, incomingFinding.acceptedUntil);
                    if (!accepted)
                        return accepted.error();
                } else if (incomingFinding.status == FindingStatus::Closed) {
                    Result<Finding> closed = setFindingStatus(added.value().id, FindingStatus::Closed);
                    if (!closed)
                        return closed.error();
                }
            }
            current = assessment(assessmentId);
            if (!current)
                return current.error();
            for (const BundleAnswer &answer : incoming.items) {
                if (answer.status == ItemStatus::RiskAccepted)
                    if (Status a = apply(answer, ItemStatus::RiskAccepted); !a)
                        return a;
            }
        }
        if (Status recorded =
                bundles.recordSequence(signer.fingerprint, BundleRepository::Direction::Imported, manifest.sequence,
                                       manifest.bundleId, QDateTime::currentDateTimeUtc());
            !recorded)
            return recorded;
        // One entry for the bundle as a whole, after the entries of the answers and findings it changed.
        return recordAudit(u"bundle.import"_s, u"release"_s, 0, {},
                           QJsonObject{{u"bundle"_s, manifest.bundleId},
                                       {u"sequence"_s, QString::number(manifest.sequence)},
                                       {u"signer"_s, signer.fingerprint},
                                       {u"release"_s, summary.releaseLabel},
                                       {u"exporter_audit_head"_s, manifest.auditHead},
                                       {u"records_added"_s, summary.recordsAdded},
                                       {u"answers_changed"_s, summary.answersChanged},
                                       {u"findings_added"_s, summary.findingsAdded},
                                       {u"evidence_added"_s, summary.evidenceAdded}});
    });
    if (!s)
        return s.error();
    const EvidenceStore store(evidenceFolder());
    for (const BundleEvidence &e : manifest.evidence)
        store.markRecorded(e.sha256);
    changed(Change::Evidence);
    changed(Change::Assessments);
    return summary;
}

} // namespace strata
