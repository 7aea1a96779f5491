#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Strata contributors
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/build.sh BUILD_DIR [CMAKE_CONFIGURE_ARG...]
# Builds Strata (Release, Ninja) into BUILD_DIR, relative to the repository root unless absolute.
# Configures only when BUILD_DIR has not been configured yet, so a second run is incremental;
# the configure arguments apply to that first configure only (delete BUILD_DIR to change them).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if (($# < 1)); then
    echo "usage: scripts/build.sh BUILD_DIR [CMAKE_CONFIGURE_ARG...]" >&2
    exit 2
fi
build_dir=$1
shift
[[ "$build_dir" == /* ]] || build_dir="$root/$build_dir"

# build.ninja is checked too: a configure that failed half-way leaves a cache but nothing to build.
if [[ ! -f "$build_dir/CMakeCache.txt" || ! -f "$build_dir/build.ninja" ]]; then
    echo "build.sh: configuring $build_dir"
    cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
fi

cmake --build "$build_dir" --parallel "$(nproc)"
