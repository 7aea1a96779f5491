// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "util/ThreadCrypto.h"

#include <openssl/crypto.h>

namespace strata {

ThreadCryptoRelease::~ThreadCryptoRelease()
{
    // OpenSSL sets the state up again if the thread calls it later.
    OPENSSL_thread_stop();
}

} // namespace strata
