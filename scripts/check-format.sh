#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Strata contributors
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/check-format.sh [--fix]
# Checks every C++ file of the repository against .clang-format (clang-format 14); --fix reformats them in place.
# Files: git's tracked and new (not ignored) *.cpp/*.h; outside a git checkout, those under the source folders.
# CLANG_FORMAT names the binary to use; otherwise clang-format-14, then clang-format.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

mode=check
case "${1:-}" in
'') ;;
--fix) mode=fix ;;
-h | --help)
    sed -n '5,8s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
    exit 0
    ;;
*)
    echo "usage: scripts/check-format.sh [--fix]" >&2
    exit 2
    ;;
esac

clang_format=${CLANG_FORMAT:-}
if [[ -z "$clang_format" ]]; then
    for candidate in clang-format-14 clang-format; do
        if command -v "$candidate" >/dev/null 2>&1; then
            clang_format=$candidate
            break
        fi
    done
fi
if [[ -z "$clang_format" ]] || ! command -v "$clang_format" >/dev/null 2>&1; then
    echo "check-format.sh: clang-format not found; scripts/deps.sh installs it." >&2
    exit 1
fi

files=()
if command -v git >/dev/null 2>&1 && git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    while IFS= read -r -d '' file; do
        [[ -f "$file" ]] && files+=("$file") # skip files deleted from the work tree but still in the index
    done < <(git ls-files -z --cached --others --exclude-standard -- '*.cpp' '*.h')
else
    dirs=()
    for dir in app models ui tests translations; do
        [[ -d "$dir" ]] && dirs+=("$dir")
    done
    if ((${#dirs[@]} > 0)); then
        while IFS= read -r -d '' file; do
            files+=("$file")
        done < <(find "${dirs[@]}" -type f \( -name '*.cpp' -o -name '*.h' \) -print0 | sort -z)
    fi
fi

if ((${#files[@]} == 0)); then
    echo "check-format.sh: no C++ files found."
    exit 0
fi

if [[ "$mode" == fix ]]; then
    printf '%s\0' "${files[@]}" | xargs -0 "$clang_format" -i --style=file
    echo "check-format.sh: formatted ${#files[@]} files with $("$clang_format" --version)."
    exit 0
fi

if printf '%s\0' "${files[@]}" | xargs -0 "$clang_format" --dry-run --Werror --ferror-limit=3 --style=file; then
    echo "check-format.sh: ${#files[@]} files follow .clang-format."
else
    echo "check-format.sh: some files differ from .clang-format (see above); run scripts/check-format.sh --fix" >&2
    exit 1
fi
