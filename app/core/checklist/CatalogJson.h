// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Catalog.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace strata {

/// Writes catalogs in the Strata catalog format (version 1): what `catalog show --json` prints, what storage keeps
/// for texts and mappings, and the canonical form whose digest tells two versions of a catalog apart.
class CatalogJson
{
public:
    /// The whole catalog as a format-1 document; reading it back gives an equal catalog.
    static QJsonObject toJson(const Catalog &catalog);
    static QJsonObject itemToJson(const CatalogItem &item);
    static QJsonValue textToJson(const LocalizedText &text);
    static LocalizedText textFromJson(const QJsonValue &value);
    /// SHA-256 (lowercase hex) of the compact canonical JSON: the same content gives the same digest however the
    /// file was formatted, and whether it came as JSON or YAML.
    static QString digest(const Catalog &catalog);
};

} // namespace strata
