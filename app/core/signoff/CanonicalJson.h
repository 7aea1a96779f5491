// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

namespace strata {

/// The one JSON serialisation whose bytes Strata signs and hashes, so the same content always gives the same digest.
///
/// Rules (those of RFC 8785, JSON Canonicalization Scheme, for the values Strata writes):
/// - UTF-8, no byte-order mark, no whitespace between tokens;
/// - object members sorted by key, comparing UTF-16 code units (QString ordering);
/// - strings escape only '"', '\\' and U+0000 to U+001F: \b \t \n \f \r by name, the others as \u00xx (lowercase
///   hex); every other character is written as itself;
/// - numbers that are integers of magnitude below 2^53 are written in plain decimal; other numbers as the shortest
///   round-tripping form (Strata's manifests and statements hold integers only);
/// - true, false and null as themselves.
class CanonicalJson
{
public:
    static QByteArray serialize(const QJsonValue &value);
    static QByteArray serialize(const QJsonObject &object) { return serialize(QJsonValue(object)); }
};

} // namespace strata
