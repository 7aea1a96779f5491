// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace strata {

/// Caps on DSSE envelopes read from files, which may be hostile.
namespace dsselimits {
constexpr qint64 kMaxEnvelopeBytes = 16 * 1024 * 1024;
constexpr int kMaxPayloadTypeLength = 256;
constexpr int kMaxSignatures = 16;
constexpr int kMaxSignatureBytes = 1024;
constexpr int kMaxKeyIdLength = 1024;
} // namespace dsselimits

/// One signature in a DSSE envelope.
struct DsseSignature
{
    QString keyId; ///< optional hint; never trusted
    QByteArray sig;
};

/// A DSSE envelope (secure-systems-lab/dsse): the signature covers PAE(payloadType, payload), so the payload bytes
/// are signed exactly as stored and never need canonical JSON.
struct DsseEnvelope
{
    QString payloadType;
    QByteArray payload; ///< decoded bytes
    QList<DsseSignature> signatures;

    /// The bytes a signature covers: PAE(payloadType, payload).
    QByteArray preAuthenticationEncoding() const;
};

/// Reads and writes DSSE envelopes, refusing anything malformed or oversized with a message naming the field.
class Dsse
{
    Q_DECLARE_TR_FUNCTIONS(strata::Dsse)

public:
    /// "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths in ASCII decimal.
    static QByteArray pae(const QByteArray &type, const QByteArray &body);
    /// Parses an envelope object; `where` names it in messages (a file, or a file and a field).
    static Result<DsseEnvelope> fromJson(const QJsonObject &object, const QString &where);
    static Result<DsseEnvelope> parse(const QByteArray &json, const QString &where);
    /// Parses a JSON object from a hostile file: malformed JSON and repeated keys (which different parsers would
    /// read differently) are refused; `notObject` is the message when the document is valid but not an object.
    static Result<QJsonObject> parseObject(const QByteArray &json, const QString &where, const QString &notObject);
    static QJsonObject toJson(const DsseEnvelope &envelope);
    static QByteArray serialize(const DsseEnvelope &envelope);
};

} // namespace strata
