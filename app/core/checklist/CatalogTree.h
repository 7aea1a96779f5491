// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QtGlobal>

namespace strata {

/// Caps that keep a hostile catalog file from exhausting memory, stack or time; a file past one is refused.
struct CatalogLimits
{
    qint64 maxFileBytes = qint64(16) * 1024 * 1024;
    int maxDepth = 16;      ///< nesting of JSON objects and arrays or YAML mappings and sequences
    int maxItems = 10000;   ///< items a catalog may hold (CISO Assistant: requirement nodes)
    int maxValues = 500000; ///< YAML values, counting every expansion of an alias
};

/// A parsed catalog file before validation: the document as JSON, and for YAML the line of each value.
struct CatalogTree
{
    QJsonObject root;
    QHash<QString, int> lines; ///< path ("items[3].stage") -> 1-based line; empty for JSON
};

} // namespace strata
