// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "interop/ExportSet.h"

#include <QByteArray>
#include <QCoreApplication>

namespace strata {

/// Writes a CycloneDX 1.6 JSON ML-BOM that validates against the official bom-1.6 schema and imports back to the same
/// records and relations.
class CycloneDxWriter
{
    Q_DECLARE_TR_FUNCTIONS(strata::CycloneDxWriter)

public:
    static Result<QByteArray> write(const ExportSet &set);
};

} // namespace strata
