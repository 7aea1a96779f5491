// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "signoff/Signoff.h"
#include "signoff/SignoffManifest.h"
#include "trust/Identity.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace strata {

/// What checking a release's sign-offs reads from the workspace, taken on the thread that owns the connection, so
/// re-hashing the evidence and checking the signatures (Workspace::checkSignoffStatus) can run on a worker.
struct SignoffStatusInput
{
    qint64 releaseId = 0;
    QString releaseLabel;
    QStringList requiredRoles;              ///< role keys
    QList<Signoff> signoffs;                ///< oldest first
    QList<std::optional<Identity>> signers; ///< the identity of each sign-off, in the same order; nullopt: unknown
    SignoffScope scope;                     ///< read only when there are sign-offs; evidence not hashed yet
    QString evidenceFolder;                 ///< where the covered evidence files are hashed from
};

} // namespace strata
