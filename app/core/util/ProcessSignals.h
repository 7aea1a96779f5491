// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace strata {

/// Makes a write past the session's file size limit (`ulimit -f`) fail with EFBIG, which Strata reports and rolls
/// back, instead of SIGXFSZ killing the program in the middle of a write with no word to the user. Both programs
/// call it first thing in main().
void ignoreFileSizeLimitSignal();

} // namespace strata
