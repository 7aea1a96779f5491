#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Strata contributors
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/sanitize.sh [--hostile] [BUILD_DIR]   (default build/asan)
# The sanitizer stage (promise P1, tests/RELIABILITY.md): builds with clang 14, AddressSanitizer and
# UndefinedBehaviorSanitizer in BUILD_DIR, runs tests there, replays every committed corpus under tests/fuzz/corpus,
# then fuzzes each libFuzzer target for STRATA_FUZZ_SECONDS, two at a time (default 15: the nine targets then take
# 75 s, the replay and fuzzing together under two minutes).
#   --hostile  what CI runs: only the code that reads outside input. It builds strata-cli, the fuzz targets and the
#              tests labelled core, interop and cli (the parsers, the workspace, the archive and key readers, and the
#              built strata-cli driven from outside), and runs those tests. The GUI's tests are left out to keep CI
#              within its budget (tests/RELIABILITY.md, section Sanitizers, has the measured times).
#   (default)  every target and every test except the labels named below.
# Any sanitizer report, crash, leak, timeout or memory blow-up fails the stage; inputs that failed are kept in
# BUILD_DIR/fuzz-artifacts (tests/fuzz/README.md says how to turn one into a regression input).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
part=all
if [[ "${1:-}" == --hostile ]]; then
    part=hostile
    shift
fi
build_dir=${1:-build/asan}
[[ "$build_dir" == /* ]] || build_dir="$root/$build_dir"
fuzz_seconds=${STRATA_FUZZ_SECONDS:-15}
stage_start=$SECONDS
part_start=$SECONDS

# Each part's own time and the running total, so CI's log shows where the stage's minutes go.
stamp() {
    echo "sanitize.sh: $* ($((SECONDS - part_start)) s for this part, $((SECONDS - stage_start)) s into the stage)"
    part_start=$SECONDS
}

# -O0 with line tables only: stacks name file and line, and a file compiles in half the CPU time of -O1 or -O2 -g
# (measured in tests/fuzz/README.md); strata_core, where the fuzzers spend their time, is built at -O1 (tests/fuzz).
# The Debug configuration keeps Q_ASSERT and assert() on.
if [[ ! -f "$build_dir/CMakeCache.txt" || ! -f "$build_dir/build.ninja" ]]; then
    stamp "configuring $build_dir"
    cmake -S "$root" -B "$build_dir" -G Ninja \
        -DCMAKE_BUILD_TYPE=Debug \
        -DCMAKE_CXX_COMPILER=clang++-14 \
        -DCMAKE_CXX_FLAGS_DEBUG="-O0 -gline-tables-only" \
        -DSTRATA_FUZZ=ON \
        -DSTRATA_BUILD_BENCHMARKS=OFF
fi
corpus="$root/tests/fuzz/corpus"
mapfile -t targets < <(cd "$corpus" && ls -d fuzz_* | sort)
hostile_labels='^(core|interop|cli)$'
if [[ "$part" == hostile ]]; then
    # The tests' names are their executables' target names (tests/CMakeLists.txt, strata_add_test).
    mapfile -t hostile_tests < <(ctest --test-dir "$build_dir" -N -L "$hostile_labels" | awk '/Test +#/ {print $3}')
    cmake --build "$build_dir" --parallel "$(nproc)" --target strata-cli "${targets[@]}" "${hostile_tests[@]}"
    stamp "built strata-cli, ${#targets[@]} fuzz targets and ${#hostile_tests[@]} tests"
else
    cmake --build "$build_dir" --parallel "$(nproc)"
    stamp "built"
fi

suppressions="$root/tests/fuzz/sanitizer-suppressions"
export ASAN_OPTIONS="detect_stack_use_after_return=0:strict_string_checks=1:check_initialization_order=1:detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$suppressions/ubsan.supp"
export LSAN_OPTIONS="suppressions=$suppressions/lsan.supp:print_suppressions=0"
if command -v llvm-symbolizer-14 >/dev/null 2>&1; then
    ASAN_SYMBOLIZER_PATH=$(command -v llvm-symbolizer-14)
    export ASAN_SYMBOLIZER_PATH
fi

# Not here: `install` (installs and packages the Release tree, which sanitizers do not change; the normal suite runs
# it), the benchmarks (not built above, to keep the stage within CI's budget: they time code the suite covers) and
# `faults` (crash points, random SIGKILLs, strace-injected I/O errors, a second process: they test what survives a
# dead process, not memory safety, and the normal suite runs them; the code they drive runs here through the core and
# cli tests). tests/RELIABILITY.md, section Sanitizers, has the measured times.
export QT_QPA_PLATFORM=offscreen
# QtTest stops a test function after 300 s; under the sanitizers a CLI test function that starts many strata-cli
# processes can take longer on a loaded machine.
export QTEST_FUNCTION_TIMEOUT=${QTEST_FUNCTION_TIMEOUT:-900000}
if [[ "$part" == hostile ]]; then
    ctest --test-dir "$build_dir" --output-on-failure --no-tests=error -j2 -L "$hostile_labels"
    stamp "core, interop and cli tests passed under ASan and UBSan"
else
    ctest --test-dir "$build_dir" --output-on-failure --no-tests=error -j2 -LE '^(install|faults)$'
    stamp "test suite passed under ASan and UBSan"
fi

fuzz_bin="$build_dir/tests/fuzz"
fixtures="$root/../shared/fixtures"
artifacts="$build_dir/fuzz-artifacts"
mkdir -p "$artifacts"

dictionary() {
    case "$1" in
    fuzz_cyclonedx | fuzz_spdx3 | fuzz_bundle_manifest | fuzz_dsse) echo "-dict=$root/tests/fuzz/json.dict" ;;
    fuzz_hf_card | fuzz_catalog) echo "-dict=$root/tests/fuzz/yaml.dict" ;;
    esac
}

# Third-party files from the shared fixtures folder are extra seeds when it exists; they are never committed.
extra_seeds() {
    local target=$1 dir=$2
    mkdir -p "$dir"
    [[ -d "$fixtures" ]] || return 0
    case "$target" in
    fuzz_cyclonedx) find "$fixtures/cyclonedx" "$fixtures/aibom" -name '*.json' -exec cp {} "$dir/" \; ;;
    fuzz_spdx3) find "$fixtures/spdx3" -name '*.json' -exec cp {} "$dir/" \; ;;
    fuzz_hf_card) find "$fixtures/hf-cards" -name '*.md' -exec cp {} "$dir/" \; ;;
    fuzz_pem_public) find "$fixtures/model-signing" -name '*.pem' -exec cp {} "$dir/" \; ;;
    esac
    return 0
}

for target in "${targets[@]}"; do
    "$fuzz_bin/$target" -runs=0 -rss_limit_mb=2048 -timeout=5 "$corpus/$target" 2>"$artifacts/$target-replay.log" || {
        tail -n 60 "$artifacts/$target-replay.log"
        echo "sanitize.sh: $target failed on its committed corpus; the log is $artifacts/$target-replay.log" >&2
        exit 1
    }
done
stamp "replayed ${#targets[@]} corpora"

fuzz_one() {
    local target=$1
    local work="$build_dir/fuzz-work/$target"
    rm -rf "$work"
    mkdir -p "$work/new"
    extra_seeds "$target" "$work/seeds"
    # shellcheck disable=SC2046 # the dictionary option is one word or none
    if "$fuzz_bin/$target" -max_total_time="$fuzz_seconds" -rss_limit_mb=2048 -timeout=5 -print_final_stats=1 \
        $(dictionary "$target") -artifact_prefix="$artifacts/$target-" \
        "$work/new" "$corpus/$target" "$work/seeds" >"$artifacts/$target.log" 2>&1; then
        echo "sanitize.sh: $target: $(grep -E 'stat::number_of_executed_units' "$artifacts/$target.log" |
            awk '{print $2}') runs in ${fuzz_seconds} s, no finding"
    else
        tail -n 60 "$artifacts/$target.log"
        echo "sanitize.sh: $target found a failing input in $artifacts (log $artifacts/$target.log)" >&2
        return 1
    fi
}

failed=0
running=0
for target in "${targets[@]}"; do
    if ((running >= 2)); then
        wait -n || failed=1
        running=$((running - 1))
    fi
    fuzz_one "$target" &
    running=$((running + 1))
done
while ((running > 0)); do
    wait -n || failed=1
    running=$((running - 1))
done
if ((failed)); then
    echo "sanitize.sh: fuzzing found failing inputs; see above" >&2
    exit 1
fi
stamp "fuzzed ${#targets[@]} targets for ${fuzz_seconds} s each, no finding"
