// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QCoreApplication>

namespace strata {

class Workspace;

/// Fills a workspace with a small, realistic LLM supply chain so new users see Strata at work.
class DemoWorkspace
{
    Q_DECLARE_TR_FUNCTIONS(strata::DemoWorkspace)

public:
    /// Adds the demo records and relations in one transaction; refuses a workspace that already has records.
    static Status populate(Workspace &workspace);
};

} // namespace strata
