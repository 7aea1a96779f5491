// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "trust/Dsse.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

class PrivateKey;

/// One file an OpenSSF model signature covers.
struct ModelResource
{
    QString name;   ///< relative, '/'-separated
    QString sha256; ///< lowercase hex
};

/// What an OpenSSF model signature (OMS v1.0) states: the in-toto subject and the predicate's file list and
/// serialization settings.
struct ModelStatement
{
    QString subjectName;
    QString subjectSha256; ///< SHA-256 over the concatenated raw digests of the resources, in their order
    QList<ModelResource> resources;
    QString method = QStringLiteral("files");
    QString hashType = QStringLiteral("sha256");
    bool allowSymlinks = false;
    QStringList ignorePaths;
};

/// Caps on model signatures, which may be hostile.
namespace modellimits {
constexpr qint64 kMaxSignatureFileBytes = 16 * 1024 * 1024;
constexpr int kMaxResources = 100000;
constexpr int kMaxPathLength = 4096;
constexpr int kMaxIgnorePaths = 1000;
} // namespace modellimits

/// Reads and writes OpenSSF model-signing bundles (a Sigstore bundle around a DSSE envelope around an in-toto
/// Statement v1), checking every field a verifier relies on.
class ModelStatements
{
    Q_DECLARE_TR_FUNCTIONS(strata::ModelStatements)

public:
    static const QString kPayloadType;   ///< application/vnd.in-toto+json
    static const QString kStatementType; ///< https://in-toto.io/Statement/v1
    static const QString kPredicateType; ///< https://model_signing/signature/v1.0

    /// The DSSE envelope inside a Sigstore bundle (model.sig); `where` names the file in messages.
    static Result<DsseEnvelope> parseBundle(const QByteArray &json, const QString &where);
    /// The statement in a verified payload; refuses another statement or predicate type and unsafe file names.
    static Result<ModelStatement> parseStatement(const QByteArray &payload, const QString &where);
    /// A relative '/'-separated path with no empty, "." or ".." part, no backslash and no control character.
    static bool isSafeRelativePath(const QString &path);
    /// SHA-256 over the concatenated raw digests, as OMS defines the subject digest.
    static QString subjectDigest(const QList<ModelResource> &resources);

    /// The statement as in-toto JSON, resources sorted by name and the subject digest filled in.
    static QByteArray statementJson(ModelStatement statement);
    /// Signs `payload` as a DSSE envelope and wraps it in a Sigstore bundle with a public-key hint.
    static Result<QByteArray> signBundle(const QByteArray &payload, const QString &payloadType, const PrivateKey &key);
};

} // namespace strata
