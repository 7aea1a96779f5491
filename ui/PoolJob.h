// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/ThreadCrypto.h"

#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace strata {

/// QtConcurrent::run for every job the GUI sends to the thread pool: the pool thread's OpenSSL state is freed when
/// the job ends (ThreadCryptoRelease says why), so a job's hashing, signing or key reading leaves nothing behind.
template<typename Work>
auto runPoolJob(Work work)
{
    return QtConcurrent::run([work = std::move(work)]() {
        const ThreadCryptoRelease release;
        return work();
    });
}

} // namespace strata
