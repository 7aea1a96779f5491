// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "bundle/BundleExporter.h"

#include "bundle/BundleFormat.h"
#include "bundle/BundleManifest.h"
#include "bundle/BundleWriter.h"
#include "evidence/EvidenceStore.h"
#include "interop/CycloneDxWriter.h"
#include "trust/Dsse.h"
#include "trust/KeyFile.h"
#include "util/Sha256.h"
#include "workspace/ExportScope.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace strata {

QString BundleExporter::auditHead(const Workspace &workspace)
{
    const Result<AuditHead> head = workspace.auditHead();
    return head ? head.value().toString() : QString();
}

Result<BundleExportResult> BundleExporter::exportBundle(Workspace &workspace, const BundleExportOptions &options)
{
    Result<PrivateKey> key = KeyFile::read(options.keyFile, options.passphrase);
    if (!key)
        return key.error();
    Result<PreparedExport> prepared = prepare(workspace, options, key.value());
    if (!prepared)
        return prepared.error();
    if (Status written = write(prepared.value(), options.progress); !written)
        return written.error();
    return prepared.value().result;
}

Result<PreparedExport> BundleExporter::prepare(Workspace &workspace,
                                               const BundleExportOptions &options,
                                               const PrivateKey &key)
{
    const QString shown = QDir::toNativeSeparators(options.output);
    const QFileInfo target(options.output);
    if (options.output.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("No file was named for the bundle; give the .zip to write.")};
    if (!target.absoluteDir().exists())
        return Error{ErrorCode::NotFound, tr("The folder %1 does not exist; create it, or choose another file.")
                                              .arg(QDir::toNativeSeparators(target.absolutePath()))};
    if (target == QFileInfo(workspace.path()))
        return Error{ErrorCode::Conflict, tr("%1 is the workspace itself; choose another file.").arg(shown)};

    Result<Release> release = workspace.release(options.release);
    if (!release)
        return release.error();
    if (key.isNull() || key.type() != KeyType::Ed25519)
        return Error{ErrorCode::InvalidInput, tr("%1 is not an Ed25519 key; bundles are signed with a signing "
                                                 "identity's key (strata-cli key new).")
                                                  .arg(QDir::toNativeSeparators(options.keyFile))};
    const QString fingerprint = key.publicKey().fingerprint();
    Result<Identity> identity = workspace.identity(fingerprint);
    if (!identity)
        return Error{ErrorCode::NotFound,
                     tr("The key %1 belongs to no identity of this workspace; import its public key first "
                        "(strata-cli key import %2.pub).")
                         .arg(Identities::displayFingerprint(fingerprint), QDir::toNativeSeparators(options.keyFile))};

    BundleManifest manifest;
    manifest.kind = options.questionnaire ? BundleManifest::Kind::Questionnaire : BundleManifest::Kind::Assessment;
    manifest.bundleId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    manifest.createdAt = QDateTime::currentDateTimeUtc();
    manifest.exporterName = identity.value().name;
    manifest.exporterRole = Identities::displayRole(identity.value());
    manifest.exporterFingerprint = fingerprint;
    manifest.releaseName = release.value().name;
    manifest.releaseVersion = release.value().version;
    manifest.auditHead = auditHead(workspace);
    for (const ReleaseMember &m : release.value().members) {
        const BundleRecordRef ref{m.kind, m.name, m.version};
        if (m.recordId == release.value().rootId)
            manifest.root = ref;
        manifest.members.append(ref);
    }

    Result<QList<AssessmentSummary>> summaries = workspace.assessments();
    if (!summaries)
        return summaries.error();
    QHash<QString, Evidence> evidence;
    BundleExportResult result;
    for (const AssessmentSummary &summary : std::as_const(summaries.value())) {
        if (!summary.releaseScope)
            continue;
        Result<Assessment> assessment = workspace.assessment(summary.id);
        if (!assessment)
            return assessment.error();
        if (assessment.value().scope.releaseId != release.value().id)
            continue;
        BundleAssessment out;
        out.catalogKey = assessment.value().catalogKey;
        out.catalogVersion = assessment.value().catalogVersion;
        for (const AssessmentItem &item : assessment.value().items) {
            BundleAnswer answer;
            answer.key = item.key;
            if (!options.questionnaire) {
                answer.status = item.status;
                answer.notes = item.notes;
                answer.reviewer = item.reviewer;
                answer.updatedAt = item.updatedAt;
                for (const Evidence &e : item.evidence) {
                    answer.evidence.append(e.sha256);
                    evidence.insert(e.sha256, e);
                }
                result.answered += item.status != ItemStatus::NotStarted ? 1 : 0;
            }
            out.items.append(answer);
        }
        if (!options.questionnaire) {
            Result<QList<Finding>> findings = workspace.findings(summary.id);
            if (!findings)
                return findings.error();
            for (const Finding &f : std::as_const(findings.value()))
                manifest.findings.append(BundleFinding{int(manifest.assessments.size()), f.itemKey, f.title,
                                                       f.likelihood, f.impact, f.owner, f.dueDate, f.status,
                                                       f.justification, f.acceptedUntil});
        }
        manifest.assessments.append(out);
    }
    if (manifest.assessments.isEmpty())
        return Error{ErrorCode::NotFound, tr("Release %1 has no assessment to export; create one first "
                                             "(strata-cli assess new --release %1).")
                                              .arg(release.value().label())};

    Result<ExportSet> scope = ExportScope::build(workspace, release.value().rootId, manifest.createdAt);
    if (!scope)
        return scope.error();
    Result<QByteArray> bom = CycloneDxWriter::write(scope.value());
    if (!bom)
        return bom.error();
    manifest.files.append(BundleFile{QString(bundleformat::kBom), Sha256::hex(bom.value()), bom.value().size()});
    QStringList digests = evidence.keys();
    digests.sort();
    const EvidenceStore store(workspace.evidenceFolder());
    for (const QString &sha : std::as_const(digests)) {
        const Evidence &e = evidence.value(sha);
        const QFileInfo blob(store.blobPath(sha));
        if (!blob.isFile() || blob.size() != e.size)
            return Error{ErrorCode::Integrity, tr("The evidence \"%1\" (%2) is missing from the evidence store or has "
                                                  "another size; run \"strata-cli evidence verify\".")
                                                   .arg(e.title, sha.left(12))};
        manifest.evidence.append(
            BundleEvidence{sha, e.size, e.title, e.fileName, e.sourceUrl, e.effectiveDate, e.expiryDate});
        manifest.files.append(BundleFile{bundleformat::evidenceName(sha), sha, e.size});
    }

    // The sequence is taken last, just before signing: a failed export only leaves a gap, which is harmless.
    Result<qint64> sequence = workspace.nextBundleSequence(fingerprint, manifest.bundleId);
    if (!sequence)
        return sequence.error();
    manifest.sequence = sequence.value();
    const QByteArray manifestJson = manifest.toJson();
    DsseEnvelope envelope;
    envelope.payloadType = BundleManifest::kPayloadType;
    envelope.payload = manifestJson;
    Result<QByteArray> signature = key.sign(envelope.preAuthenticationEncoding());
    if (!signature)
        return signature.error();
    envelope.signatures.append(DsseSignature{fingerprint, signature.value()});

    PreparedExport prepared;
    prepared.output = options.output;
    prepared.manifest = manifestJson;
    prepared.envelope = Dsse::serialize(envelope);
    prepared.bom = bom.value();
    for (const QString &sha : std::as_const(digests))
        prepared.evidence.append({sha, store.blobPath(sha)});
    result.path = target.absoluteFilePath();
    result.bundleId = manifest.bundleId;
    result.sequence = manifest.sequence;
    result.releaseLabel = release.value().label();
    result.assessments = int(manifest.assessments.size());
    result.evidence = int(digests.size());
    result.signer = identity.value().name;
    prepared.result = result;
    return prepared;
}

Status BundleExporter::write(const PreparedExport &prepared,
                             const std::function<void(qint64, qint64)> &progress,
                             const std::atomic<bool> *cancel)
{
    BundleWriter writer(prepared.output, bundleformat::isAllowedName);
    writer.addData(QString(bundleformat::kManifest), prepared.manifest);
    writer.addData(QString(bundleformat::kManifestEnvelope), prepared.envelope);
    writer.addData(QString(bundleformat::kBom), prepared.bom);
    for (const auto &[sha, blob] : prepared.evidence)
        writer.addFile(bundleformat::evidenceName(sha), blob, sha);
    return writer.write(progress, cancel);
}

} // namespace strata
