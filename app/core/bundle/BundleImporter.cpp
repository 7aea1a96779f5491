// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "bundle/BundleImporter.h"

#include "bundle/BundleFormat.h"
#include "bundle/SafeZipReader.h"
#include "evidence/EvidenceStore.h"
#include "interop/CycloneDxReader.h"
#include "trust/Dsse.h"
#include "trust/Keys.h"
#include "util/CrashPoint.h"
#include "util/Sha256.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr qint64 kMaxBomBytes = qint64(256) * 1024 * 1024;

} // namespace

Result<BundleImportResult> BundleImporter::importBundle(Workspace &workspace,
                                                        const QString &path,
                                                        const ZipLimits &limits)
{
    if (workspace.isReadOnly())
        return Error{ErrorCode::ReadOnly, workspace.readOnlyReason()};
    Result<QList<Identity>> identities = workspace.identities();
    if (!identities)
        return identities.error();
    QHash<QString, qint64> lastSequences;
    for (const Identity &identity : std::as_const(identities.value())) {
        Result<qint64> last = workspace.lastImportedBundleSequence(identity.fingerprint);
        if (!last)
            return last.error();
        lastSequences.insert(identity.fingerprint, last.value());
    }
    Result<PreparedBundle> prepared =
        prepare(path, identities.value(), lastSequences, workspace.evidenceFolder(), limits);
    if (!prepared)
        return prepared.error();
    return apply(workspace, prepared.value());
}

Result<PreparedBundle> BundleImporter::prepare(const QString &path,
                                               const QList<Identity> &trusted,
                                               const QHash<QString, qint64> &lastSequences,
                                               const QString &evidenceFolder,
                                               const ZipLimits &limits,
                                               const std::function<void(qint64, qint64)> &progress)
{
    const QString shown = QDir::toNativeSeparators(path);
    const auto refuse = [&](const QString &why) {
        return Error{ErrorCode::Integrity, tr("%1 was not imported: %2 Nothing was written.").arg(shown, why)};
    };

    // 1. The archive's structure, before any entry is inflated.
    SafeZipReader reader(path, limits, bundleformat::isAllowedName);
    if (Status s = reader.open(); !s)
        return s.error();
    QHash<QString, ZipEntry> entries;
    for (const ZipEntry &e : reader.entries())
        entries.insert(e.name, e);
    for (const QLatin1StringView required : {bundleformat::kManifest, bundleformat::kManifestEnvelope}) {
        if (!entries.contains(QString(required)))
            return refuse(tr("it holds no %1, so it is not a signed Strata bundle.").arg(QString(required)));
    }

    // 2. The small entries only: the manifest, its envelope and the BOM.
    QByteArray manifestJson;
    QByteArray envelopeJson;
    QByteArray bomJson;
    Status read = reader.visit([&](const ZipEntry &e) -> Status {
        QByteArray *target = e.name == bundleformat::kManifest           ? &manifestJson
                             : e.name == bundleformat::kManifestEnvelope ? &envelopeJson
                             : e.name == bundleformat::kBom              ? &bomJson
                                                                         : nullptr;
        if (!target)
            return Ok{};
        const qint64 cap = target == &bomJson ? kMaxBomBytes : BundleManifest::kMaxBytes;
        Result<QByteArray> content = reader.readCurrent(cap);
        if (!content)
            return content.error();
        *target = content.value();
        return Ok{};
    });
    if (!read)
        return read.error();

    // 3. The signature, with a key the workspace trusts; then the signed bytes are the manifest.
    Result<DsseEnvelope> envelope =
        Dsse::parse(envelopeJson, shown + u"/"_s + QString(bundleformat::kManifestEnvelope));
    if (!envelope)
        return envelope.error();
    if (envelope.value().payloadType != BundleManifest::kPayloadType)
        return refuse(tr("the payload type of %1 is \"%2\", not a Strata bundle manifest.")
                          .arg(QString(bundleformat::kManifestEnvelope), envelope.value().payloadType.left(100)));
    std::optional<Identity> signer;
    const QByteArray pae = envelope.value().preAuthenticationEncoding();
    for (const Identity &identity : trusted) {
        Result<PublicKey> key = PublicKey::fromPem(identity.publicKey, {KeyType::Ed25519}, identity.name);
        if (!key)
            continue;
        for (const DsseSignature &signature : envelope.value().signatures) {
            if (key.value().verify(pae, signature.sig)) {
                signer = identity;
                break;
            }
        }
        if (signer)
            break;
    }
    if (!signer) {
        const QString hint =
            envelope.value().signatures.isEmpty() ? QString() : envelope.value().signatures.first().keyId.left(64);
        return refuse(tr("%1 is not signed by a key this workspace trusts (the envelope names the key \"%2\"). "
                         "Import the sender's public key with \"strata-cli key import\" if you trust it.")
                          .arg(QString(bundleformat::kManifestEnvelope), hint));
    }
    if (envelope.value().payload != manifestJson)
        return refuse(tr("%1 is not the manifest that %2 signed.").arg(QString(bundleformat::kManifest), signer->name));
    Result<BundleManifest> parsed =
        BundleManifest::parse(manifestJson, shown + u"/"_s + QString(bundleformat::kManifest));
    if (!parsed)
        return parsed.error();
    const BundleManifest &manifest = parsed.value();
    if (manifest.exporterFingerprint != signer->fingerprint)
        return refuse(tr("the manifest names the exporter key %1, but it was signed by %2 (%3).")
                          .arg(manifest.exporterFingerprint.left(16), signer->name, signer->fingerprint.left(16)));

    // 4. Every archive file listed, every listed file present, with the listed size.
    QHash<QString, BundleFile> listed;
    for (const BundleFile &f : manifest.files) {
        if (listed.contains(f.path))
            return refuse(tr("the manifest lists %1 twice.").arg(f.path));
        listed.insert(f.path, f);
    }
    for (const ZipEntry &e : reader.entries()) {
        if (e.name == bundleformat::kManifest || e.name == bundleformat::kManifestEnvelope)
            continue;
        if (!listed.contains(e.name))
            return refuse(tr("the entry %1 is not listed in the signed manifest.").arg(e.name));
        if (listed.value(e.name).size != e.size)
            return refuse(tr("the entry %1 holds %2 bytes, but the manifest says %3.")
                              .arg(e.name)
                              .arg(e.size)
                              .arg(listed.value(e.name).size));
    }
    for (const BundleFile &f : manifest.files) {
        if (!entries.contains(f.path))
            return refuse(tr("the manifest lists %1, but the archive does not hold it.").arg(f.path));
        if (bundleformat::isEvidenceName(f.path) && f.path != bundleformat::evidenceName(f.sha256))
            return refuse(tr("the manifest lists %1 with the digest %2; evidence is stored under its own digest.")
                              .arg(f.path, f.sha256));
    }
    if (!listed.contains(QString(bundleformat::kBom)))
        return refuse(tr("it holds no %1.").arg(QString(bundleformat::kBom)));
    QSet<QString> described;
    for (const BundleEvidence &e : manifest.evidence) {
        described.insert(e.sha256);
        const BundleFile file = listed.value(bundleformat::evidenceName(e.sha256));
        if (file.path.isEmpty() || file.size != e.size)
            return refuse(
                tr("the manifest describes evidence %1, but lists no file of that size for it.").arg(e.sha256));
        const QString url = e.sourceUrl.trimmed();
        const QUrl parsedUrl(url, QUrl::StrictMode);
        if (!url.isEmpty() && (!parsedUrl.isValid() || parsedUrl.host().isEmpty() ||
                               (parsedUrl.scheme() != u"https"_s && parsedUrl.scheme() != u"http"_s)))
            return refuse(tr("the source address of evidence %1 is not an http or https URL.").arg(e.sha256));
    }
    for (const BundleFile &f : manifest.files) {
        if (bundleformat::isEvidenceName(f.path) && !described.contains(f.sha256))
            return refuse(tr("the manifest lists %1 but does not describe it as evidence.").arg(f.path));
    }

    // 5. Not a replay of this signer's earlier bundles.
    const qint64 last = lastSequences.value(signer->fingerprint);
    if (manifest.sequence <= last)
        return refuse(tr("it has sequence %1 from %2, but sequence %3 was already imported; it is a replayed or older "
                         "bundle.")
                          .arg(manifest.sequence)
                          .arg(signer->name)
                          .arg(last));

    // 6. Every digest: the BOM's, then each evidence file's while it is copied into the store's temporary folder.
    if (Sha256::hex(bomJson) != listed.value(QString(bundleformat::kBom)).sha256)
        return refuse(tr("%1 does not have the SHA-256 the manifest lists.").arg(QString(bundleformat::kBom)));
    Result<ImportDocument> bom = CycloneDxReader::read(bomJson, QString(bundleformat::kBom));
    if (!bom)
        return bom.error();
    const EvidenceStore store(evidenceFolder);
    PreparedBundle prepared;
    prepared.staged = std::make_shared<StagedFiles>();
    qint64 total = 0;
    for (const BundleEvidence &e : manifest.evidence)
        total += e.size;
    qint64 done = 0;
    read = reader.visit([&](const ZipEntry &e) -> Status {
        if (!bundleformat::isEvidenceName(e.name))
            return Ok{};
        Result<StagedFile> copy = reader.stageCurrent(store.temporaryFolder(), *prepared.staged);
        if (!copy)
            return copy.error();
        if (copy.value().sha256 != listed.value(e.name).sha256)
            return refuse(tr("the entry %1 does not have the SHA-256 the manifest lists (it hashes to %2).")
                              .arg(e.name, copy.value().sha256));
        prepared.copies.append(copy.value());
        done += copy.value().size;
        if (progress)
            progress(done, total);
        return Ok{};
    });
    if (!read)
        return read.error();
    prepared.path = path;
    prepared.manifest = manifest;
    prepared.bom = std::move(bom).value();
    prepared.bom.fileName = u"%1/%2"_s.arg(QFileInfo(path).fileName(), QString(bundleformat::kBom));
    prepared.signer = *signer;
    return prepared;
}

Result<BundleImportResult> BundleImporter::apply(Workspace &workspace, PreparedBundle &prepared)
{
    // Everything checked: the blobs go into the store (unrecorded ones are removed at the next open), then one
    // transaction, which checks the sequence again under the write lock.
    crashPoint("bundle.verified");
    const EvidenceStore store(workspace.evidenceFolder());
    for (const StagedFile &copy : std::as_const(prepared.copies)) {
        Result<StoredBlob> blob = store.adopt(copy.path, copy.sha256);
        if (!blob)
            return blob.error();
        if (prepared.staged)
            prepared.staged->release(copy.path);
    }
    Result<BundleMergeSummary> merged = workspace.mergeBundle(prepared.manifest, prepared.bom, prepared.signer);
    if (!merged)
        return merged.error();
    BundleImportResult result;
    result.kind = prepared.manifest.kind;
    result.signer = prepared.signer;
    result.bundleId = prepared.manifest.bundleId;
    result.merged = merged.value();
    return result;
}

} // namespace strata
