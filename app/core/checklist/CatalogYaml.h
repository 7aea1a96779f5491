// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/CatalogTree.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace strata {

/// Reads a YAML catalog (a Strata catalog or a CISO Assistant library) into a CatalogTree straight from the
/// parser's events, under caps on nesting, values and text that also count every alias expansion, so a hostile
/// file can neither recurse the parser deep nor expand into gigabytes.
class CatalogYaml
{
    Q_DECLARE_TR_FUNCTIONS(strata::CatalogReader)

public:
    /// Plain scalars: true/false become booleans, integers of up to 15 digits numbers, null and ~ null;
    /// everything else, and every quoted scalar, stays text (so "1.10" is not turned into 1.1).
    static Result<CatalogTree> parse(const QByteArray &data, const QString &fileName, const CatalogLimits &limits);
};

} // namespace strata
