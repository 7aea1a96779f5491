#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Strata contributors
# SPDX-License-Identifier: Apache-2.0
#
# Installs what is missing, builds Strata (Release, build/release) and opens it on a fresh demo workspace.
# Without a display it runs the headless demo instead and prints the demo inventory.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

bash scripts/deps.sh
bash scripts/build.sh build/release

cli="$root/build/release/app/cli/strata-cli"
gui="$root/build/release/app/gui/strata"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/strata-demo.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
workspace="$tmp/demo.strata"

"$cli" --workspace "$workspace" demo

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "run.sh: no display (DISPLAY and WAYLAND_DISPLAY are empty), so here is the headless demo instead."
    echo "run.sh: the demo inventory in $workspace:"
    "$cli" --workspace "$workspace" list
    exit 0
fi

echo "run.sh: opening Strata on the demo workspace $workspace (deleted when Strata closes)"
"$gui" --workspace "$workspace"
