#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Strata contributors
# SPDX-License-Identifier: Apache-2.0
#
# Usage: tests/install/package-test.sh BUILD_DIR SCRATCH_DIR VERSION
# Builds the .deb and the .tar.gz with cpack from an already built BUILD_DIR, checks the tarball's listing, unpacks
# the .deb into SCRATCH_DIR/root with dpkg-deb (no
# root needed, nothing touches the system) and checks what a user gets: the files the package installs, the
# dependencies dpkg-shlibdeps found, and that the installed strata-cli and strata run from there.
set -euo pipefail

if (($# != 3)); then
    echo "usage: package-test.sh BUILD_DIR SCRATCH_DIR VERSION" >&2
    exit 2
fi
build_dir=$1
scratch=$2
version=$3

fail() {
    echo "package-test: $*" >&2
    exit 1
}

rm -rf "$scratch"
mkdir -p "$scratch"
# Qt wants a private runtime folder; the scratch one keeps its warning out of the output.
export XDG_RUNTIME_DIR=$scratch/runtime
mkdir -m 700 "$XDG_RUNTIME_DIR"
cpack --config "$build_dir/CPackConfig.cmake" -G "DEB;TGZ" -B "$scratch/packages" >"$scratch/cpack.log" 2>&1 ||
    { cat "$scratch/cpack.log" >&2; fail "cpack could not build the packages (log above)"; }

shopt -s nullglob
debs=("$scratch"/packages/strata_"$version"_*.deb)
((${#debs[@]} == 1)) || fail "expected one strata_${version}_*.deb in $scratch/packages, found: ${debs[*]:-none}"
deb=${debs[0]}

tarballs=("$scratch"/packages/strata-"$version"-*.tar.gz)
((${#tarballs[@]} == 1)) || fail "expected one strata-${version}-*.tar.gz in $scratch/packages, found: ${tarballs[*]:-none}"
listing=$(tar -tzf "${tarballs[0]}")
for file in bin/strata bin/strata-cli share/applications/io.github.strata.Strata.desktop \
    share/mime/packages/io.github.strata.Strata.xml share/icons/hicolor/512x512/apps/io.github.strata.Strata.png; do
    grep -q "/$file\$" <<<"$listing" || fail "$(basename "${tarballs[0]}") does not hold $file"
done

depends=$(dpkg-deb --field "$deb" Depends)
echo "Depends: $depends"
for package in libqt6core6 libqt6widgets6 libqt6sql6 libqt6sql6-sqlite libssl3 libc6; do
    [[ ", $depends," == *", $package"[\ ,]* ]] || fail "Depends does not name $package: $depends"
done

root=$scratch/root
dpkg-deb -x "$deb" "$root"
expected=(
    usr/bin/strata
    usr/bin/strata-cli
    usr/share/applications/io.github.strata.Strata.desktop
    usr/share/metainfo/io.github.strata.Strata.metainfo.xml
    usr/share/mime/packages/io.github.strata.Strata.xml
    usr/share/icons/hicolor/scalable/apps/io.github.strata.Strata.svg
    usr/share/doc/strata/copyright
)
for size in 16 22 24 32 48 64 128 256 512; do
    expected+=("usr/share/icons/hicolor/${size}x${size}/apps/io.github.strata.Strata.png")
done
for file in "${expected[@]}"; do
    [[ -s "$root/$file" ]] || fail "the package does not install $file"
done
for size in 16 256 512; do
    png=$root/usr/share/icons/hicolor/${size}x${size}/apps/io.github.strata.Strata.png
    file "$png" | grep -q "PNG image data, $size x $size" || fail "$png is not a $size x $size PNG: $(file "$png")"
done

cli=$root/usr/bin/strata-cli
"$cli" --version | tee "$scratch/version.txt"
grep -q "$version" "$scratch/version.txt" || fail "strata-cli --version does not name version $version"

workspace=$scratch/home/demo.strata
mkdir -p "$scratch/home"
HOME=$scratch/home "$cli" --workspace "$workspace" demo
[[ -s "$workspace" ]] || fail "strata-cli demo left no workspace at $workspace"
models=$(HOME=$scratch/home "$cli" --workspace "$workspace" --json list model)
[[ "$models" == *'"name"'* ]] || fail "the demo workspace lists no models: $models"

# The catalogues are embedded in the program: the installed CLI speaks Chinese with nothing else on disk.
help_zh=$(HOME=$scratch/home "$cli" --lang zh_CN --help)
grep -q '用法' <<<"$help_zh" || fail "strata-cli --lang zh_CN --help is not in Chinese: $help_zh"

# The desktop program starts (offscreen) far enough to answer --version.
QT_QPA_PLATFORM=offscreen HOME=$scratch/home "$root/usr/bin/strata" --version | grep -q "$version" ||
    fail "the installed strata does not answer --version with $version"

echo "package-test: $(basename "$deb") installs and runs"
