// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "trust/ModelStatement.h"

#include "trust/Keys.h"
#include "util/Sha256.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

bool isSha256Hex(const QString &text)
{
    static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
    return hex.match(text).hasMatch();
}

} // namespace

const QString ModelStatements::kPayloadType = u"application/vnd.in-toto+json"_s;
const QString ModelStatements::kStatementType = u"https://in-toto.io/Statement/v1"_s;
const QString ModelStatements::kPredicateType = u"https://model_signing/signature/v1.0"_s;

Result<DsseEnvelope> ModelStatements::parseBundle(const QByteArray &json, const QString &where)
{
    if (json.size() > modellimits::kMaxSignatureFileBytes)
        return Error{ErrorCode::InvalidInput, tr("%1 is larger than %2 MiB; it is not a model signature.")
                                                  .arg(where)
                                                  .arg(modellimits::kMaxSignatureFileBytes / (1024 * 1024))};
    Result<QJsonObject> parsed =
        Dsse::parseObject(json, where, tr("%1 is not a JSON object, so not a Sigstore bundle.").arg(where));
    if (!parsed)
        return parsed.error();
    const QJsonObject bundle = parsed.value();
    const QString mediaType = bundle.value(u"mediaType"_s).toString();
    if (!mediaType.startsWith(u"application/vnd.dev.sigstore.bundle"_s))
        return Error{ErrorCode::InvalidInput,
                     tr("%1: \"mediaType\" is \"%2\", not a Sigstore bundle (application/vnd.dev.sigstore.bundle...).")
                         .arg(where, mediaType.left(200))};
    const QJsonValue envelope = bundle.value(u"dsseEnvelope"_s);
    if (!envelope.isObject())
        return Error{ErrorCode::InvalidInput,
                     tr("%1 holds no \"dsseEnvelope\"; only DSSE model signatures can be verified.").arg(where)};
    return Dsse::fromJson(envelope.toObject(), where);
}

bool ModelStatements::isSafeRelativePath(const QString &path)
{
    if (path.isEmpty() || path.size() > modellimits::kMaxPathLength || path.startsWith(u'/') || path.contains(u'\\'))
        return false;
    for (const QChar c : path)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    const QStringList parts = path.split(u'/');
    return std::none_of(parts.cbegin(), parts.cend(),
                        [](const QString &part) { return part.isEmpty() || part == u"."_s || part == u".."_s; });
}

QString ModelStatements::subjectDigest(const QList<ModelResource> &resources)
{
    Sha256 hash;
    for (const ModelResource &resource : resources)
        hash.update(QByteArray::fromHex(resource.sha256.toLatin1()));
    return hash.finalHex();
}

Result<ModelStatement> ModelStatements::parseStatement(const QByteArray &payload, const QString &where)
{
    auto invalid = [&](const QString &what) { return Error{ErrorCode::InvalidInput, u"%1: %2"_s.arg(where, what)}; };
    Result<QJsonObject> parsed = Dsse::parseObject(
        payload, where, invalid(tr("the signed payload is not a JSON object, so not an in-toto statement.")).message);
    if (!parsed)
        return parsed.error();
    const QJsonObject root = parsed.value();
    if (root.value(u"_type"_s).toString() != kStatementType)
        return invalid(tr("the signed statement's \"_type\" is \"%1\", not %2.")
                           .arg(root.value(u"_type"_s).toString().left(200), kStatementType));
    if (root.value(u"predicateType"_s).toString() != kPredicateType)
        return invalid(tr("the signed statement's \"predicateType\" is \"%1\", not %2; this is not a model signature.")
                           .arg(root.value(u"predicateType"_s).toString().left(200), kPredicateType));
    ModelStatement statement;
    const QJsonArray subjects = root.value(u"subject"_s).toArray();
    const QJsonObject subject = subjects.isEmpty() ? QJsonObject() : subjects.first().toObject();
    statement.subjectName = subject.value(u"name"_s).toString();
    statement.subjectSha256 = subject.value(u"digest"_s).toObject().value(u"sha256"_s).toString().toLower();
    if (subjects.size() != 1 || !isSha256Hex(statement.subjectSha256))
        return invalid(tr("the signed statement needs exactly one subject with a SHA-256 digest."));

    const QJsonObject predicate = root.value(u"predicate"_s).toObject();
    const QJsonObject serialization = predicate.value(u"serialization"_s).toObject();
    statement.method = serialization.value(u"method"_s).toString();
    statement.hashType = serialization.value(u"hash_type"_s).toString();
    if (statement.method != u"files"_s)
        return Error{ErrorCode::Unsupported,
                     u"%1: %2"_s.arg(where, tr("the model was signed with the serialization method \"%1\"; only "
                                               "\"files\" can be verified.")
                                                .arg(statement.method.left(100)))};
    if (statement.hashType != u"sha256"_s)
        return Error{
            ErrorCode::Unsupported,
            u"%1: %2"_s.arg(where, tr("the model's files were hashed with \"%1\"; only sha256 can be verified.")
                                       .arg(statement.hashType.left(100)))};
    statement.allowSymlinks = serialization.value(u"allow_symlinks"_s).toBool(false);
    const QJsonArray ignored = serialization.value(u"ignore_paths"_s).toArray();
    if (ignored.size() > modellimits::kMaxIgnorePaths)
        return invalid(tr("the signature lists %1 ignored paths; at most %2 are accepted.")
                           .arg(ignored.size())
                           .arg(modellimits::kMaxIgnorePaths));
    for (const QJsonValue &value : ignored) {
        QString path = value.toString();
        while (path.endsWith(u'/'))
            path.chop(1);
        // An ignored path outside the folder could hide nothing; it is refused as a sign of a crafted file.
        if (!isSafeRelativePath(path))
            return invalid(tr("the ignored path \"%1\" is not a plain relative path inside the model folder.")
                               .arg(value.toString().left(200)));
        statement.ignorePaths.append(path);
    }

    const QJsonValue resources = predicate.value(u"resources"_s);
    if (!resources.isArray())
        return invalid(tr("the signed statement has no \"resources\" list."));
    const QJsonArray list = resources.toArray();
    if (list.size() > modellimits::kMaxResources)
        return invalid(tr("the signature lists %1 files; at most %2 are accepted.")
                           .arg(list.size())
                           .arg(modellimits::kMaxResources));
    QSet<QString> names;
    for (int i = 0; i < list.size(); ++i) {
        const QJsonObject entry = list.at(i).toObject();
        ModelResource resource;
        resource.name = entry.value(u"name"_s).toString();
        resource.sha256 = entry.value(u"digest"_s).toString().toLower();
        if (!isSafeRelativePath(resource.name))
            return invalid(tr("resource %1 has the name \"%2\", which is not a plain relative path inside the model "
                              "folder (absolute, \"..\", backslash or control characters).")
                               .arg(i)
                               .arg(resource.name.left(200)));
        if (entry.value(u"algorithm"_s).toString() != u"sha256"_s || !isSha256Hex(resource.sha256))
            return invalid(tr("resource \"%1\" has no SHA-256 digest.").arg(resource.name));
        if (names.contains(resource.name))
            return invalid(tr("the file \"%1\" is listed twice.").arg(resource.name));
        names.insert(resource.name);
        statement.resources.append(resource);
    }
    if (subjectDigest(statement.resources) != statement.subjectSha256)
        return invalid(tr("the subject digest does not match the listed files' digests; the statement is "
                          "inconsistent."));
    return statement;
}

QByteArray ModelStatements::statementJson(ModelStatement statement)
{
    std::sort(statement.resources.begin(), statement.resources.end(),
              [](const ModelResource &a, const ModelResource &b) { return a.name < b.name; });
    QJsonArray resources;
    for (const ModelResource &resource : std::as_const(statement.resources))
        resources.append(
            QJsonObject{{u"algorithm"_s, u"sha256"_s}, {u"name"_s, resource.name}, {u"digest"_s, resource.sha256}});
    const QJsonObject serialization{{u"allow_symlinks"_s, statement.allowSymlinks},
                                    {u"method"_s, statement.method},
                                    {u"hash_type"_s, statement.hashType},
                                    {u"ignore_paths"_s, QJsonArray::fromStringList(statement.ignorePaths)}};
    const QJsonObject subject{{u"name"_s, statement.subjectName},
                              {u"digest"_s, QJsonObject{{u"sha256"_s, subjectDigest(statement.resources)}}}};
    const QJsonObject root{
        {u"_type"_s, kStatementType},
        {u"subject"_s, QJsonArray{subject}},
        {u"predicateType"_s, kPredicateType},
        {u"predicate"_s, QJsonObject{{u"resources"_s, resources}, {u"serialization"_s, serialization}}}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<QByteArray> ModelStatements::signBundle(const QByteArray &payload,
                                               const QString &payloadType,
                                               const PrivateKey &key)
{
    DsseEnvelope envelope;
    envelope.payloadType = payloadType;
    envelope.payload = payload;
    Result<QByteArray> sig = key.sign(envelope.preAuthenticationEncoding());
    if (!sig)
        return sig.error();
    envelope.signatures.append(DsseSignature{QString(), sig.value()});
    const QJsonObject material{{u"publicKey"_s, QJsonObject{{u"hint"_s, key.publicKey().fingerprint()}}},
                               {u"tlogEntries"_s, QJsonArray()}};
    const QJsonObject bundle{{u"mediaType"_s, u"application/vnd.dev.sigstore.bundle.v0.3+json"_s},
                             {u"verificationMaterial"_s, material},
                             {u"dsseEnvelope"_s, Dsse::toJson(envelope)}};
    return QJsonDocument(bundle).toJson(QJsonDocument::Compact);
}

} // namespace strata
