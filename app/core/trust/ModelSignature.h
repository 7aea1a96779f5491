// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "trust/Keys.h"
#include "trust/ModelStatement.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <atomic>

namespace strata {

/// One way a model folder differs from what its signature lists.
struct ModelFileProblem
{
    enum class Kind { Missing, Changed, Unlisted, Unsafe };
    Kind kind = Kind::Missing;
    QString file;   ///< relative to the model folder
    QString detail; ///< translated, names the file and what is wrong
};

/// The outcome of checking a model folder against a signature whose envelope and signer already verified.
struct ModelVerification
{
    QString folder;
    QString signatureFile;
    QString signatureSha256; ///< of model.sig as read
    KeyType keyType = KeyType::EcdsaP256;
    QString keyFingerprint; ///< SHA-256 of the signer's DER SubjectPublicKeyInfo
    ModelStatement statement;
    QStringList coveredFiles; ///< listed files whose digests matched
    QList<ModelFileProblem> problems;
    QDateTime verifiedAt;

    bool passed() const { return problems.isEmpty(); }
    /// A self-describing report, kept as evidence on a model record.
    QJsonObject toJson() const;
};

/// Verifies a model folder against an OpenSSF model signature (OMS v1.0) offline, with a given public key: the
/// DSSE signature first, then every listed file's SHA-256, then that no unlisted file is present.
class ModelSignature
{
    Q_DECLARE_TR_FUNCTIONS(strata::ModelSignature)

public:
    /// Keys OMS allows for its "key" method.
    static QList<KeyType> acceptedKeyTypes();

    /// An Error when the signature file is malformed, the signature does not verify with `key`, or the statement is
    /// not a model signature; otherwise the per-file verdict. No path from the signature leaves `folder`.
    static Result<ModelVerification> verify(const QString &folder,
                                            const QString &signaturePath,
                                            const PublicKey &key,
                                            const std::atomic<bool> *cancel = nullptr);
};

} // namespace strata
