#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Strata contributors
# SPDX-License-Identifier: Apache-2.0
#
# Installs what is missing, builds Strata (Release, warnings as errors, build/test) and runs the whole test suite.
# Extra arguments go to ctest, e.g. `scripts/test.sh -L core` or `scripts/test.sh -LE bench`.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

bash scripts/deps.sh
bash scripts/build.sh build/test -DCMAKE_COMPILE_WARNING_AS_ERROR=ON

export QT_QPA_PLATFORM=offscreen
ctest --test-dir build/test --output-on-failure --no-tests=error -j2 "$@"

# The sanitizer stage (scripts/sanitize.sh, tests/fuzz/README.md) in build/asan, after the Release suite:
#   STRATA_SANITIZE=hostile  the code that reads outside input (the core, interop and cli tests under ASan and UBSan,
#                            every fuzz corpus replayed, each fuzzer run for STRATA_FUZZ_SECONDS). The default when
#                            no ctest arguments are given, so CI (.ci/run) runs it.
#   STRATA_SANITIZE=1        the whole tree, GUI tests included (tests/RELIABILITY.md has the times).
#   STRATA_SANITIZE=0        none: the Release suite alone, for a quick local run.
# With ctest arguments (a subset of the Release suite) the stage runs only when STRATA_SANITIZE asks for it.
sanitize=${STRATA_SANITIZE:-}
if [[ -z "$sanitize" ]]; then
    if (($# == 0)); then sanitize=hostile; else sanitize=0; fi
fi
case "$sanitize" in
0) ;;
hostile) bash scripts/sanitize.sh --hostile build/asan ;;
1) bash scripts/sanitize.sh build/asan ;;
*)
    echo "test.sh: STRATA_SANITIZE is \"$sanitize\"; use hostile, 1 or 0." >&2
    exit 2
    ;;
esac
