// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "interop/ExportSet.h"

#include <QByteArray>
#include <QCoreApplication>

namespace strata {

/// Writes SPDX 3.0.1 JSON-LD with the AI and Dataset profiles, which imports back to the same records and relations.
class Spdx3Writer
{
    Q_DECLARE_TR_FUNCTIONS(strata::Spdx3Writer)

public:
    static Result<QByteArray> write(const ExportSet &set);
};

} // namespace strata
