#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Strata contributors
# SPDX-License-Identifier: Apache-2.0
#
# Installs the Debian 12 packages Strata needs to build and test, and only those that are missing.
# Runs apt-get as root, or through sudo otherwise. Safe to run again: with nothing missing it changes nothing.
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite qt6-pdf-dev libqt6opengl6-dev
    libquazip1-qt6-dev libssl-dev libsqlite3-dev libgraphviz-dev graphviz libyaml-cpp-dev
    # PDF reports embed their fonts: Liberation for Latin text and digests, WenQuanYi Micro Hei for Chinese. Both
    # are TrueType, whose text Qt's PDF writer maps back to the right characters; Noto Sans CJK (OpenType) renders
    # fine but extracts some ideographs as Kangxi radicals and drops digits, so it is only the last fallback.
    fonts-liberation2 fonts-wqy-microhei fonts-noto-cjk
    # tests
    xvfb xauth xfonts-base poppler-utils python3-jsonschema desktop-file-utils appstream
    # PDF/A-1b checks of reports read the PDF's objects with qpdf (tests/report/PdfAProbe.h)
    qpdf
    # packaging tests: cpack's .deb needs dpkg-shlibdeps; the MIME type is checked with xmllint and shared-mime-info
    dpkg-dev file libxml2-utils shared-mime-info
    clang-format sqlite3
    # fault-injection tests (tests/faults) inject ENOSPC and EIO with strace
    strace
    # sanitizer stage (scripts/sanitize.sh): clang 14, its ASan/UBSan/libFuzzer runtimes, llvm-symbolizer for stacks
    clang-14 libclang-rt-14-dev llvm-14
)

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "deps.sh: this system has no dpkg/apt-get; Strata's scripts support Debian 12." >&2
    echo "deps.sh: install the equivalents of these Debian packages by hand: ${packages[*]}" >&2
    exit 1
fi

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query --show --showformat='${db:Status-Status}' "$package" 2>/dev/null || true)
    if [[ "$status" != installed ]]; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "deps.sh: all ${#packages[@]} required packages are installed; nothing to do."
    exit 0
fi

if ((EUID == 0)); then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    echo "deps.sh: missing packages: ${missing[*]}" >&2
    echo "deps.sh: installing them needs root, and sudo is not available; run this script as root." >&2
    exit 1
fi

echo "deps.sh: installing ${#missing[@]} missing package(s): ${missing[*]}"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
echo "deps.sh: installed ${missing[*]}"
