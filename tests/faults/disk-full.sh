#!/bin/sh
# SPDX-FileCopyrightText: 2026 Strata contributors
# SPDX-License-Identifier: Apache-2.0
# Runs inside `unshare -rm` for TestDiskFull: mounts a small tmpfs, copies the prepared workspace onto it, fills the
# disk until FREE_KB are left, then runs the import and the evidence add that must fail cleanly, recording exit
# codes, messages and the SHA-256 of every file before and after. Exit 77: no tmpfs could be mounted.
set -u
MNT=$1 SRC=$2 OUT=$3 CLI=$4 BOM=$5 EVIDENCE=$6 FREE_KB=$7
mount -t tmpfs -o size=2m tmpfs "$MNT" 2>"$OUT/mount.err" || exit 77
cp -a "$SRC"/. "$MNT"/ || exit 1
avail=$(df -k --output=avail "$MNT" | tail -n 1)
fill=$((avail - FREE_KB))
if [ "$fill" -gt 0 ]; then
    dd if=/dev/zero of="$MNT/filler" bs=1k count="$fill" 2>/dev/null
fi
# Completely full: also take what the block count above left over.
if [ "$FREE_KB" -eq 0 ]; then
    dd if=/dev/zero of="$MNT/filler2" bs=512 2>/dev/null
fi
df -k "$MNT" >"$OUT/df.txt"
cd "$MNT" || exit 1
find w.strata w.strata-evidence -type f | sort >"$OUT/files.txt"
xargs sha256sum <"$OUT/files.txt" >"$OUT/before.sum"
"$CLI" --workspace "$MNT/w.strata" import "$BOM" >"$OUT/import.out" 2>"$OUT/import.err"
echo $? >"$OUT/import.rc"
"$CLI" --workspace "$MNT/w.strata" evidence add "$EVIDENCE" >"$OUT/evidence.out" 2>"$OUT/evidence.err"
echo $? >"$OUT/evidence.rc"
"$CLI" --workspace "$MNT/w.strata" list >"$OUT/list.out" 2>"$OUT/list.err"
echo $? >"$OUT/list.rc"
xargs sha256sum <"$OUT/files.txt" >"$OUT/after.sum"
rm -f "$MNT/filler" "$MNT/filler2"
mkdir -p "$OUT/after"
cp -a "$MNT"/w.strata* "$OUT/after/"
cd / && umount "$MNT"
exit 0
