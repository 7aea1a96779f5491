// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "evidence/Evidence.h"
#include "evidence/EvidenceStore.h"

#include <QCoreApplication>

#include <atomic>
#include <functional>

namespace strata {

/// Re-hashes the blobs of evidence rows read beforehand, touching no database, so the slow part of "Verify
/// evidence" can run on a worker thread while the workspace connection stays on the thread that owns it.
class EvidenceVerifier
{
    Q_DECLARE_TR_FUNCTIONS(strata::EvidenceVerifier)

public:
    using Progress = std::function<void(qint64 done, qint64 total)>;

    /// Every item of `items` is checked against its blob in `store`; progress is in bytes of the recorded sizes.
    /// Cancelled (ErrorCode::Cancelled) as soon as `cancel` is set; missing and altered blobs are problems, not errors.
    static Result<EvidenceVerification> verify(const EvidenceStore &store,
                                               const QList<Evidence> &items,
                                               const std::atomic<bool> *cancel = nullptr,
                                               const Progress &progress = {});
};

} // namespace strata
