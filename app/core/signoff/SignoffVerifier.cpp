// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "signoff/SignoffVerifier.h"

#include "signoff/CanonicalJson.h"
#include "signoff/SignoffManifest.h"
#include "trust/Dsse.h"
#include "trust/Keys.h"
#include "util/Sha256.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

/// The manifest bytes as a JSON object, only when they are exactly their own canonical form.
std::optional<QJsonObject> canonicalObject(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    if (CanonicalJson::serialize(document.object()) != bytes)
        return std::nullopt;
    return document.object();
}

} // namespace

SignoffCheck SignoffVerifier::check(const Signoff &stored,
                                    const std::optional<Identity> &identity,
                                    const QByteArray &currentManifest)
{
    SignoffCheck result;
    result.signoff = stored;
    result.state = SignoffState::Broken;
    const auto broken = [&result](const QString &why) {
        result.problems << why;
        return result;
    };
    const QString where = tr("sign-off %1").arg(stored.id);

    if (!identity)
        return broken(tr("The identity that signed (id %1) is no longer in this workspace.").arg(stored.identityId));
    Result<PublicKey> key = PublicKey::fromPem(identity->publicKey, {KeyType::Ed25519}, where);
    if (!key)
        return broken(key.error().message);
    if (key.value().fingerprint() != stored.keyFingerprint)
        return broken(tr("The identity %1's key %2 is not the key %3 the sign-off names.")
                          .arg(identity->name, Identities::displayFingerprint(key.value().fingerprint()),
                               Identities::displayFingerprint(stored.keyFingerprint)));

    Result<DsseEnvelope> envelope = Dsse::parse(stored.envelope, where);
    if (!envelope)
        return broken(tr("The envelope is malformed: %1").arg(envelope.error().message));
    if (envelope.value().payloadType != signoffformat::kPayloadType)
        return broken(tr("The envelope's payload type is \"%1\", not %2.")
                          .arg(envelope.value().payloadType, signoffformat::kPayloadType));
    if (envelope.value().signatures.isEmpty())
        return broken(tr("The envelope holds no signature."));
    const QByteArray signedBytes = envelope.value().preAuthenticationEncoding();
    bool verified = false;
    for (const DsseSignature &signature : std::as_const(envelope.value().signatures))
        verified = verified || key.value().verify(signedBytes, signature.sig);
    if (!verified)
        return broken(tr("No signature in the envelope verifies with %1's key %2.")
                          .arg(identity->name, Identities::displayFingerprint(stored.keyFingerprint)));

    // Only now is the payload trusted enough to parse, and only exactly the bytes that verified.
    Result<QJsonObject> payload =
        Dsse::parseObject(envelope.value().payload, where, tr("The signed payload is not a JSON object."));
    if (!payload)
        return broken(tr("The signed payload is malformed: %1").arg(payload.error().message));
    Result<Signoff> statement = SignoffStatement::parse(payload.value(), &result.auditHead);
    if (!statement)
        return broken(statement.error().message);
    const Signoff &said = statement.value();

    // The row's columns are what lists and the gate read: each must be what the signature covers.
    QStringList mismatches;
    if (said.releaseId != stored.releaseId)
        mismatches << tr("release");
    if (said.signer != stored.signer)
        mismatches << tr("signer");
    if (said.role != stored.role)
        mismatches << tr("role");
    if (said.decision != stored.decision)
        mismatches << tr("decision");
    if (said.conditions != stored.conditions)
        mismatches << tr("conditions");
    if (said.signedAt != stored.signedAt)
        mismatches << tr("time");
    if (said.keyFingerprint != stored.keyFingerprint)
        mismatches << tr("key fingerprint");
    if (said.manifestSha256 != stored.manifestSha256)
        mismatches << tr("manifest digest");
    if (!mismatches.isEmpty())
        return broken(
            tr("The stored sign-off differs from its signed statement in: %1.").arg(mismatches.join(u", "_s)));

    const QString manifestDigest = Sha256::hex(stored.manifest);
    if (manifestDigest != said.manifestSha256)
        return broken(tr("The stored manifest hashes to %1, but the signature covers %2.")
                          .arg(manifestDigest, said.manifestSha256));
    const std::optional<QJsonObject> signedManifest = canonicalObject(stored.manifest);
    if (!signedManifest)
        return broken(tr("The stored manifest is not canonical JSON."));
    if (signedManifest->value(u"release"_s).toObject().value(u"id"_s).toInteger() != stored.releaseId)
        return broken(tr("The signed manifest is about another release."));
    if (signedManifest->value(u"audit_head"_s).toString() != result.auditHead)
        return broken(tr("The manifest's audit-trail head differs from the statement's."));

    const std::optional<QJsonObject> now = canonicalObject(currentManifest);
    if (!now) {
        result.problems << tr("The current state of the release could not be read as a manifest.");
        return result;
    }
    result.changes = SignoffManifest::diff(*signedManifest, *now);
    result.state = result.changes.isEmpty() ? SignoffState::Valid : SignoffState::Stale;
    return result;
}

} // namespace strata
