// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace strata::cyclonedx {

/// What the CycloneDX 1.6 schema allows in the objects the writer fills from kept structures: a structure kept
/// from a 1.7 BOM may hold keys 1.6 refuses (the schema forbids unknown keys), and the export must validate.
const QStringList &componentKeys();
const QStringList &serviceKeys();
const QStringList &referenceTypes(); ///< externalReferences[].type
const QStringList &modelCardKeys();
const QStringList &dataKeys(); ///< componentData: data[] entries

/// Drops the keys `allowed` does not list; false when it had to, so the caller keeps the original whole in a
/// strata:extra property.
bool keepAllowed(QJsonObject &object, const QStringList &allowed);
/// The same for each object of an array.
bool keepAllowed(QJsonArray &array, const QStringList &allowed);

} // namespace strata::cyclonedx
