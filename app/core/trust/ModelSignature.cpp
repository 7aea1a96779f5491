// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "trust/ModelSignature.h"

#include "trust/Identity.h"
#include "util/CappedRead.h"
#include "util/Sha256.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kMaxWalkedEntries = 1000000;

/// What the walk found at a relative path.
struct Entry
{
    enum class Kind { File, Unsafe };
    Kind kind = Kind::File;
    QString absolutePath;
    QString reason; ///< for Unsafe
    bool ignored = false;
};

bool isIgnored(const QString &path, const QStringList &ignored)
{
    return std::any_of(ignored.cbegin(), ignored.cend(),
                       [&path](const QString &prefix) { return path == prefix || path.startsWith(prefix + u'/'); });
}

bool isInside(const QString &canonical, const QString &root)
{
    return canonical == root || canonical.startsWith(root + u'/');
}

QString kindKey(ModelFileProblem::Kind kind)
{
    switch (kind) {
    case ModelFileProblem::Kind::Missing:
        return u"missing"_s;
    case ModelFileProblem::Kind::Changed:
        return u"changed"_s;
    case ModelFileProblem::Kind::Unlisted:
        return u"unlisted"_s;
    case ModelFileProblem::Kind::Unsafe:
        return u"unsafe"_s;
    }
    return QString();
}

} // namespace

QJsonObject ModelVerification::toJson() const
{
    QJsonArray files;
    for (const ModelResource &resource : statement.resources) {
        QString status = u"verified"_s;
        for (const ModelFileProblem &problem : problems)
            if (problem.file == resource.name)
                status = kindKey(problem.kind);
        files.append(QJsonObject{{u"name"_s, resource.name}, {u"sha256"_s, resource.sha256}, {u"status"_s, status}});
    }
    QJsonArray found;
    for (const ModelFileProblem &problem : problems)
        found.append(
            QJsonObject{{u"file"_s, problem.file}, {u"kind"_s, kindKey(problem.kind)}, {u"detail"_s, problem.detail}});
    return QJsonObject{
        {u"format"_s, u"strata-model-signature-verification/v1"_s},
        {u"verdict"_s, passed() ? u"passed"_s : u"failed"_s},
        {u"folder"_s, folder},
        {u"signature_file"_s, signatureFile},
        {u"signature_sha256"_s, signatureSha256},
        {u"predicate_type"_s, ModelStatements::kPredicateType},
        {u"signer"_s,
         QJsonObject{{u"key_type"_s, PublicKey::typeName(keyType)}, {u"key_fingerprint_sha256"_s, keyFingerprint}}},
        {u"subject"_s, QJsonObject{{u"name"_s, statement.subjectName}, {u"sha256"_s, statement.subjectSha256}}},
        {u"ignore_paths"_s, QJsonArray::fromStringList(statement.ignorePaths)},
        {u"files"_s, files},
        {u"covered_files"_s, coveredFiles.size()},
        {u"problems"_s, found},
        {u"transparency_log"_s, u"not checked: offline verification against a given public key"_s},
        {u"verified_at"_s, verifiedAt.toUTC().toString(Qt::ISODate)}};
}

QList<KeyType> ModelSignature::acceptedKeyTypes()
{
    return {KeyType::EcdsaP256, KeyType::EcdsaP384, KeyType::EcdsaP521};
}

Result<ModelVerification> ModelSignature::verify(const QString &folder,
                                                 const QString &signaturePath,
                                                 const PublicKey &key,
                                                 const std::atomic<bool> *cancel)
{
    const QString shownSig = QDir::toNativeSeparators(signaturePath);
    const QString shownDir = QDir::toNativeSeparators(folder);
    const QFileInfo dirInfo(folder);
    if (!dirInfo.isDir())
        return Error{ErrorCode::NotFound, tr("%1 is not a folder; give the model's folder.").arg(shownDir)};
    const QString root = dirInfo.canonicalFilePath();

    QFile file(signaturePath);
    if (!QFileInfo(signaturePath).isFile() || !file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound, tr("Cannot read the signature file %1; check the path.").arg(shownSig)};
    const QByteArray bundle = readCapped(file, modellimits::kMaxSignatureFileBytes);
    Result<DsseEnvelope> envelope = ModelStatements::parseBundle(bundle, shownSig);
    if (!envelope)
        return envelope.error();

    // The signature first; only the exact bytes it covers are parsed afterwards.
    const QByteArray signedBytes = envelope.value().preAuthenticationEncoding();
    const auto &signatures = envelope.value().signatures;
    if (std::none_of(signatures.cbegin(), signatures.cend(),
                     [&](const DsseSignature &s) { return key.verify(signedBytes, s.sig); }))
        return Error{
            ErrorCode::Integrity,
            tr("%1: the signature does not verify with the public key %2 (%3). The signature was made with "
               "another key, or the signature file was changed.")
                .arg(shownSig, Identities::displayFingerprint(key.fingerprint()), PublicKey::typeName(key.type()))};
    if (envelope.value().payloadType != ModelStatements::kPayloadType)
        return Error{ErrorCode::InvalidInput,
                     tr("%1: the signed payload type is \"%2\", not %3.")
                         .arg(shownSig, envelope.value().payloadType.left(200), ModelStatements::kPayloadType)};
    Result<ModelStatement> statement = ModelStatements::parseStatement(envelope.value().payload, shownSig);
    if (!statement)
        return statement.error();

    ModelVerification verification;
    verification.folder = QDir::toNativeSeparators(root);
    verification.signatureFile = shownSig;
    verification.signatureSha256 = Sha256::hex(bundle);
    verification.keyType = key.type();
    verification.keyFingerprint = key.fingerprint();
    verification.statement = statement.value();
    verification.verifiedAt = QDateTime::currentDateTimeUtc();
    const ModelStatement &signedStatement = verification.statement;

    QStringList ignored = signedStatement.ignorePaths;
    const QString sigCanonical = QFileInfo(signaturePath).canonicalFilePath();
    if (isInside(sigCanonical, root) && sigCanonical != root)
        ignored.append(sigCanonical.mid(root.size() + 1));
    ignored.append(u"model.sig"_s);

    // Walk without following links: every path below comes from the folder itself, never from the signature.
    QHash<QString, Entry> entries;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        if (entries.size() >= kMaxWalkedEntries)
            return Error{ErrorCode::InvalidInput, tr("%1 holds more than %2 files; it is not a model folder Strata can "
                                                     "verify.")
                                                      .arg(shownDir)
                                                      .arg(kMaxWalkedEntries)};
        const QFileInfo info = it.fileInfo();
        const QString relative = info.absoluteFilePath().mid(root.size() + 1);
        if (info.isDir() && !info.isSymLink())
            continue;
        Entry entry;
        entry.absolutePath = info.absoluteFilePath();
        entry.ignored = isIgnored(relative, ignored);
        if (info.isSymLink()) {
            const QString target = info.canonicalFilePath();
            entry.kind = Entry::Kind::Unsafe;
            if (!signedStatement.allowSymlinks)
                entry.reason = tr("%1 is a symbolic link, and the signature does not allow links.").arg(relative);
            else if (target.isEmpty() || !isInside(target, root))
                entry.reason = tr("%1 is a symbolic link that leads outside the model folder.").arg(relative);
            else if (!QFileInfo(target).isFile())
                entry.reason = tr("%1 is a symbolic link to a folder, which Strata does not follow.").arg(relative);
            else
                entry.kind = Entry::Kind::File;
        } else if (!info.isFile()) {
            entry.kind = Entry::Kind::Unsafe;
            entry.reason = tr("%1 is not a regular file (a device, socket or pipe).").arg(relative);
        }
        entries.insert(relative, entry);
    }

    QSet<QString> listed;
    for (const ModelResource &resource : signedStatement.resources) {
        if (cancel && cancel->load())
            return Error{ErrorCode::Cancelled, tr("Verifying %1 was cancelled.").arg(shownDir)};
        listed.insert(resource.name);
        const auto found = entries.constFind(resource.name);
        if (found == entries.cend()) {
            verification.problems.append(
                {ModelFileProblem::Kind::Missing, resource.name,
                 tr("%1 is listed in the signature but missing from the folder.").arg(resource.name)});
            continue;
        }
        if (found->kind == Entry::Kind::Unsafe) {
            verification.problems.append({ModelFileProblem::Kind::Unsafe, resource.name, found->reason});
            continue;
        }
        QFile content(found->absolutePath);
        if (!content.open(QIODevice::ReadOnly)) {
            verification.problems.append({ModelFileProblem::Kind::Missing, resource.name,
                                          tr("%1 cannot be read: %2").arg(resource.name, content.errorString())});
            continue;
        }
        const Result<QString> digest = Sha256::hex(content);
        if (!digest) {
            verification.problems.append({ModelFileProblem::Kind::Missing, resource.name, digest.error().message});
        } else if (digest.value() != resource.sha256) {
            verification.problems.append({ModelFileProblem::Kind::Changed, resource.name,
                                          tr("%1 was changed: its SHA-256 is %2, the signature says %3.")
                                              .arg(resource.name, digest.value(), resource.sha256)});
        } else {
            verification.coveredFiles.append(resource.name);
        }
    }
    QStringList unlisted;
    for (auto entry = entries.cbegin(); entry != entries.cend(); ++entry)
        if (!entry->ignored && !listed.contains(entry.key()))
            unlisted.append(entry.key());
    unlisted.sort();
    for (const QString &name : std::as_const(unlisted)) {
        const Entry &entry = entries.value(name);
        verification.problems.append(
            {entry.kind == Entry::Kind::Unsafe ? ModelFileProblem::Kind::Unsafe : ModelFileProblem::Kind::Unlisted,
             name,
             entry.kind == Entry::Kind::Unsafe
                 ? entry.reason
                 : tr("%1 is in the folder but not covered by the signature.").arg(name)});
    }
    return verification;
}

} // namespace strata
