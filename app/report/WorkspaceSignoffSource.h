// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "SignoffSource.h"
#include "signoff/Signoff.h"

#include <QCoreApplication>

namespace strata {

/// The sign-offs a workspace keeps, each verified and compared with the release now, as a report prints them.
class WorkspaceSignoffSource : public SignoffSource
{
    Q_DECLARE_TR_FUNCTIONS(strata::WorkspaceSignoffSource)

public:
    Result<ReportSignoffState> signoffs(const Workspace &workspace, qint64 releaseId) const override;
    /// The report's view of a checked status (Workspace::signoffStatus or checkSignoffStatus), with `auditHead`.
    static ReportSignoffState stateOf(const ReleaseSignoffStatus &status, const QString &auditHead);
};

} // namespace strata
