// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Assessment.h"
#include "domain/Record.h"
#include "domain/Relation.h"

#include <QJsonObject>
#include <QString>

#include <utility>

namespace strata {

/// The before/after JSON the audit trail keeps for each kind of thing, so every write path describes a change the
/// same way (stable keys, not translated labels) and the trail can be filtered by the records an entry touches.
namespace audit_json {

/// A compact JSON text, the form stored and hashed.
QString text(const QJsonObject &object);
/// The kind, name and every non-empty field of a record.
QJsonObject record(const Record &record);
/// Only the fields that differ, as (before, after); both empty when nothing changed.
std::pair<QJsonObject, QJsonObject> recordChanges(const Record &before, const Record &after);
QJsonObject relation(const Relation &relation);
QJsonObject artifact(const Artifact &artifact);
QJsonObject finding(const Finding &finding);

} // namespace audit_json

} // namespace strata
