// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "interop/ExportSet.h"

#include <QCoreApplication>

namespace strata {

class Workspace;

/// Chooses what an export contains: the whole workspace, or one record and everything upstream of it
/// (what it derives from, was trained and evaluated on, depends on, is hosted on and provided by).
class ExportScope
{
    Q_DECLARE_TR_FUNCTIONS(strata::ExportScope)

public:
    /// `scopeId` 0 exports everything. Relations are kept only when both ends are in the set.
    static Result<ExportSet> build(const Workspace &workspace, qint64 scopeId, const QDateTime &timestamp);
};

} // namespace strata
