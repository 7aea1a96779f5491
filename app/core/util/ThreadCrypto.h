// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace strata {

/// Frees the calling thread's OpenSSL state (its error queue) when it goes out of scope. OpenSSL frees that state
/// itself when a thread exits, but Qt's pool threads are detached: one can still be exiting when the process runs
/// OpenSSL's exit-time cleanup, which then loses the state (LeakSanitizer reports it; openssl/openssl#6214). A job
/// that may call OpenSSL on a pool thread holds one of these, so nothing of OpenSSL outlives the job.
class ThreadCryptoRelease
{
public:
    ThreadCryptoRelease() = default;
    ~ThreadCryptoRelease();
    ThreadCryptoRelease(const ThreadCryptoRelease &) = delete;
    ThreadCryptoRelease &operator=(const ThreadCryptoRelease &) = delete;
};

} // namespace strata
