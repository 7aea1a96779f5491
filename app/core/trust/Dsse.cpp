// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "trust/Dsse.h"

#include "interop/JsonScan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

std::optional<QByteArray> decodeBase64(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    const QByteArray text = value.toString().toLatin1();
    // DSSE allows standard or URL-safe base64; both are accepted, anything else is refused.
    const auto options =
        (text.contains('-') || text.contains('_')) ? QByteArray::Base64UrlEncoding : QByteArray::Base64Encoding;
    QByteArray::FromBase64Result decoded =
        QByteArray::fromBase64Encoding(text, options | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return std::move(decoded.decoded);
}

} // namespace

QByteArray DsseEnvelope::preAuthenticationEncoding() const
{
    return Dsse::pae(payloadType.toUtf8(), payload);
}

QByteArray Dsse::pae(const QByteArray &type, const QByteArray &body)
{
    QByteArray out = "DSSEv1 ";
    out += QByteArray::number(type.size());
    out += ' ';
    out += type;
    out += ' ';
    out += QByteArray::number(body.size());
    out += ' ';
    out += body;
    return out;
}

Result<DsseEnvelope> Dsse::fromJson(const QJsonObject &object, const QString &where)
{
    auto invalid = [&](const QString &field, const QString &what) {
        return Error{ErrorCode::InvalidInput, tr("%1: the DSSE envelope's \"%2\" %3").arg(where, field, what)};
    };
    DsseEnvelope envelope;
    const QJsonValue type = object.value(u"payloadType"_s);
    if (!type.isString() || type.toString().isEmpty())
        return invalid(u"payloadType"_s, tr("is missing or not a string."));
    if (type.toString().size() > dsselimits::kMaxPayloadTypeLength)
        return invalid(u"payloadType"_s, tr("is longer than %1 characters.").arg(dsselimits::kMaxPayloadTypeLength));
    envelope.payloadType = type.toString();
    const std::optional<QByteArray> payload = decodeBase64(object.value(u"payload"_s));
    if (!payload)
        return invalid(u"payload"_s, tr("is missing or not valid base64."));
    envelope.payload = *payload;
    const QJsonValue signatures = object.value(u"signatures"_s);
    if (!signatures.isArray() || signatures.toArray().isEmpty())
        return invalid(u"signatures"_s, tr("is missing or empty; an unsigned envelope proves nothing."));
    const QJsonArray list = signatures.toArray();
    if (list.size() > dsselimits::kMaxSignatures)
        return invalid(
            u"signatures"_s,
            tr("holds %1 signatures; at most %2 are accepted.").arg(list.size()).arg(dsselimits::kMaxSignatures));
    for (int i = 0; i < list.size(); ++i) {
        const QString field = u"signatures[%1]"_s.arg(i);
        if (!list.at(i).isObject())
            return invalid(field, tr("is not an object."));
        const QJsonObject entry = list.at(i).toObject();
        DsseSignature signature;
        const QJsonValue keyId = entry.value(u"keyid"_s);
        if (!keyId.isUndefined() && !keyId.isNull() && !keyId.isString())
            return invalid(field + u".keyid"_s, tr("is not a string."));
        if (keyId.toString().size() > dsselimits::kMaxKeyIdLength)
            return invalid(field + u".keyid"_s, tr("is longer than %1 characters.").arg(dsselimits::kMaxKeyIdLength));
        signature.keyId = keyId.toString();
        const std::optional<QByteArray> sig = decodeBase64(entry.value(u"sig"_s));
        if (!sig || sig->isEmpty())
            return invalid(field + u".sig"_s, tr("is missing, empty or not valid base64."));
        if (sig->size() > dsselimits::kMaxSignatureBytes)
            return invalid(field + u".sig"_s, tr("is longer than %1 bytes.").arg(dsselimits::kMaxSignatureBytes));
        signature.sig = *sig;
        envelope.signatures.append(signature);
    }
    return envelope;
}

Result<DsseEnvelope> Dsse::parse(const QByteArray &json, const QString &where)
{
    if (json.size() > dsselimits::kMaxEnvelopeBytes)
        return Error{ErrorCode::InvalidInput, tr("%1 is larger than %2 MiB; it is not a signature envelope.")
                                                  .arg(where)
                                                  .arg(dsselimits::kMaxEnvelopeBytes / (1024 * 1024))};
    Result<QJsonObject> object = parseObject(json, where, tr("%1 is not a JSON object.").arg(where));
    if (!object)
        return object.error();
    return fromJson(object.value(), where);
}

Result<QJsonObject> Dsse::parseObject(const QByteArray &json, const QString &where, const QString &notObject)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Error{
            ErrorCode::InvalidInput,
            tr("%1 is not valid JSON (at byte %2: %3).").arg(where).arg(error.offset).arg(error.errorString())};
    if (!document.isObject())
        return Error{ErrorCode::InvalidInput, notObject};
    if (Status s = JsonScan::of(json).refuseDuplicateKeys(where); !s)
        return s.error();
    return document.object();
}

QJsonObject Dsse::toJson(const DsseEnvelope &envelope)
{
    QJsonArray signatures;
    for (const DsseSignature &signature : envelope.signatures)
        signatures.append(
            QJsonObject{{u"keyid"_s, signature.keyId}, {u"sig"_s, QString::fromLatin1(signature.sig.toBase64())}});
    return QJsonObject{{u"payloadType"_s, envelope.payloadType},
                       {u"payload"_s, QString::fromLatin1(envelope.payload.toBase64())},
                       {u"signatures"_s, signatures}};
}

QByteArray Dsse::serialize(const DsseEnvelope &envelope)
{
    return QJsonDocument(toJson(envelope)).toJson(QJsonDocument::Compact);
}

} // namespace strata
