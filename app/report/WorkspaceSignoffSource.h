// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "SignoffSource.h"

#include <QCoreApplication>

namespace strata {

/// The sign-offs a workspace keeps, each verified and compared with the release now, as a report prints them.
class WorkspaceSignoffSource : public SignoffSource
{
    Q_DECLARE_TR_FUNCTIONS(strata::WorkspaceSignoffSource)

public:
    Result<ReportSignoffState> signoffs(const Workspace &workspace, qint64 releaseId) const override;
};

} // namespace strata
