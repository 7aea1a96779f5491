// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"
#include "domain/Relation.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>

namespace strata {

/// The JSON shapes strata-cli prints, kept in one place because scripts and pipelines depend on them.
class RecordJson
{
public:
    /// A row of `list`: id, kind, name, version, supplier, license, tags, placeholder, updated_at.
    static QJsonObject summary(const RecordSummary &summary);
    /// Everything `show` prints: every field, the kind-specific `attributes`, `relations` and `artifacts`.
    static QJsonObject snapshot(const RecordSnapshot &snapshot);
    static QJsonObject relation(const RelatedRecord &related);
    static QJsonObject artifact(const Artifact &artifact);
    /// ISO 8601 in UTC ("2026-03-01T09:30:00Z"), or null for an unset time.
    static QJsonValue time(const QDateTime &time);
    /// A text that may be empty: null when it is.
    static QJsonValue text(const QString &text);
};

} // namespace strata
