// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ReportData.h"
#include "ReportOptions.h"
#include "SignoffSource.h"
#include "domain/Result.h"

#include <QCoreApplication>

namespace strata {

class Workspace;

/// Reads what a report needs through the Workspace API, on the thread that owns the workspace, into a ReportData
/// that the renderer can then use anywhere.
class ReportCollector
{
    Q_DECLARE_TR_FUNCTIONS(strata::ReportCollector)

public:
    static Result<ReportData> collect(const Workspace &workspace,
                                      const ReportScope &scope,
                                      const ReportOptions &options,
                                      const SignoffSource &signoffs = NoSignoffSource());
};

} // namespace strata
