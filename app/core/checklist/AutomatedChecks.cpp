// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "checklist/AutomatedChecks.h"

#include "domain/Fields.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata::automated_checks {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(strata::AutomatedChecks)
};

const QString kModelDigest = u"model-digest"_s;
const QString kModelSignature = u"model-signature"_s;
const QString kDatasetLicense = u"dataset-license"_s;
const QString kSupplierCertification = u"supplier-certification"_s;
const QString kPlaceholder = u"placeholder"_s;

QString displayName(const Record &r)
{
    return r.version.isEmpty() ? r.name : u"%1 %2"_s.arg(r.name, r.version);
}

} // namespace

QString itemForCheck(const QString &check)
{
    if (check == kModelDigest)
        return u"SC-SRC-09"_s; // pinned and verified model files
    if (check == kModelSignature)
        return u"SC-SRC-09"_s; // publisher signatures verified
    if (check == kDatasetLicense)
        return u"SC-GOV-07"_s; // legal, licence and IP obligations
    if (check == kSupplierCertification)
        return u"SC-OPS-08"_s; // supplier certifications kept current
    if (check == kPlaceholder)
        return u"SC-GOV-04"_s; // inventory of AI assets
    return {};
}

bool isWeightsFile(const QString &fileName)
{
    static const QStringList suffixes = {u".safetensors"_s, u".gguf"_s, u".ggml"_s,    u".bin"_s,    u".pt"_s,
                                         u".pth"_s,         u".ckpt"_s, u".onnx"_s,    u".h5"_s,     u".keras"_s,
                                         u".tflite"_s,      u".pb"_s,   u".msgpack"_s, u".mlmodel"_s};
    return std::any_of(suffixes.cbegin(), suffixes.cend(),
                       [&](const QString &suffix) { return fileName.endsWith(suffix, Qt::CaseInsensitive); });
}

bool isSignature(const QString &fileName, const QString &mediaType)
{
    static const QStringList suffixes = {u".sig"_s, u".sigstore"_s, u".sigstore.json"_s, u".asc"_s, u".p7s"_s};
    static const QStringList mediaTypes = {u"application/vnd.dev.sigstore.bundle+json"_s,
                                           u"application/vnd.dev.sigstore.bundle.v0.3+json"_s,
                                           u"application/pgp-signature"_s, u"application/pkcs7-signature"_s};
    return mediaTypes.contains(mediaType.trimmed(), Qt::CaseInsensitive) ||
           std::any_of(suffixes.cbegin(), suffixes.cend(),
                       [&](const QString &suffix) { return fileName.endsWith(suffix, Qt::CaseInsensitive); });
}

QList<CheckSuggestion> run(const QList<CheckedRecord> &records, const QStringList &itemKeys, const QDate &today)
{
    QList<CheckSuggestion> suggestions;
    const auto suggest = [&](const QString &check, const Record &r, const QString &message) {
        CheckSuggestion s;
        s.check = check;
        s.recordId = r.id;
        s.recordName = displayName(r);
        const QString item = itemForCheck(check);
        if (itemKeys.contains(item, Qt::CaseInsensitive))
            s.itemKey = item;
        s.message = message;
        suggestions.append(s);
    };
    for (const CheckedRecord &checked : records) {
        const Record &r = checked.record;
        if (r.kind == RecordKind::Model) {
            const bool hasDigest = std::any_of(checked.artifacts.cbegin(), checked.artifacts.cend(),
                                               [](const Artifact &a) { return !a.digest.isEmpty(); });
            if (!hasDigest)
                suggest(kModelDigest, r,
                        Tr::tr("Model %1 (record %2) has no file with a recorded digest, so its weights cannot be "
                               "verified.")
                            .arg(displayName(r), QString::number(r.id)));
        }
        if (r.kind == RecordKind::Model) {
            QStringList weights;
            for (const Artifact &a : checked.artifacts) {
                if (isWeightsFile(a.fileName))
                    weights << a.fileName;
            }
            const bool signedFiles =
                std::any_of(checked.artifacts.cbegin(), checked.artifacts.cend(),
                            [](const Artifact &a) { return isSignature(a.fileName); }) ||
                std::any_of(checked.signatureEvidence.cbegin(), checked.signatureEvidence.cend(),
                            [](const Evidence &e) { return isSignature(e.fileName, e.mediaType); });
            if (!weights.isEmpty() && !signedFiles)
                suggest(kModelSignature, r,
                        Tr::tr("Model %1 (record %2) has weights (%3) but no signature file or signature evidence; "
                               "verify the publisher's signature (for example with model_signing verify) and attach "
                               "the result.")
                            .arg(displayName(r), QString::number(r.id), weights.join(u", "_s)));
        }
        if (r.kind == RecordKind::Dataset && r.license.trimmed().isEmpty())
            suggest(
                kDatasetLicense, r,
                Tr::tr("Dataset %1 (record %2) has no licence recorded.").arg(displayName(r), QString::number(r.id)));
        if (r.kind == RecordKind::Supplier) {
            for (const Certification &c : fields::certifications(r)) {
                if (c.validUntil.isValid() && c.validUntil < today)
                    suggest(
                        kSupplierCertification, r,
                        Tr::tr("Supplier %1 (record %2): certification %3 expired on %4.")
                            .arg(displayName(r), QString::number(r.id), c.name, c.validUntil.toString(Qt::ISODate)));
            }
        }
        if (r.placeholder)
            suggest(kPlaceholder, r,
                    Tr::tr("%1 (record %2) is a placeholder from an import that nobody has verified yet.")
                        .arg(displayName(r), QString::number(r.id)));
    }
    return suggestions;
}

} // namespace strata::automated_checks
