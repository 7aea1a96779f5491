// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "interop/ExportSet.h"

#include <QByteArray>
#include <QCoreApplication>

namespace strata {

/// Writes GraphML for yEd and Gephi: records as nodes with their fields as data keys, relations as typed edges.
class GraphMlWriter
{
    Q_DECLARE_TR_FUNCTIONS(strata::GraphMlWriter)

public:
    static Result<QByteArray> write(const ExportSet &set);
};

} // namespace strata
