#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Strata contributors
# SPDX-License-Identifier: Apache-2.0
"""Standalone verifier of a Strata workspace's audit trail, independent of Strata's own code.

Recomputes hash = SHA-256(0x00 || canonical(row) || prev_hash) for every row (format: app/core/audit/AuditChain.h)
and checks that the rows are numbered 1..N and that each one chains to the one before. Reads the file read-only.
Exit code 0 when intact (and, with --checkpoint SEQ:HASH, when row SEQ still has HASH); 1 naming the first bad seq.
"""
import argparse
import hashlib
import sqlite3
import struct
import sys

GENESIS = "0" * 64


def field(value):
    data = value.encode("utf-8")
    return struct.pack(">I", len(data)) + data


def row_hash(seq, at, actor, action, kind, entity_id, before, after, prev_hash):
    canonical = b"".join(field(v) for v in (str(seq), at, actor, action, kind, str(entity_id), before, after))
    return hashlib.sha256(b"\x00" + canonical + bytes.fromhex(prev_hash)).hexdigest()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace")
    parser.add_argument("--checkpoint", help="SEQ:HASH recorded earlier")
    args = parser.parse_args()
    db = sqlite3.connect("file:%s?mode=ro" % args.workspace, uri=True)
    rows = db.execute("SELECT seq, at, actor, action, entity_kind, entity_id, before_json, after_json, prev_hash, "
                      "hash FROM audit ORDER BY seq")
    expected_seq, expected_prev, hashes = 1, GENESIS, {}
    for seq, at, actor, action, kind, entity_id, before, after, prev_hash, stored in rows:
        if seq != expected_seq:
            print("audit row %d: missing or out of sequence (found %d)" % (expected_seq, seq))
            return 1
        try:
            computed = row_hash(seq, at, actor, action, kind, entity_id, before, after, prev_hash)
        except ValueError:
            computed = None
        if prev_hash != expected_prev or computed != stored:
            print("audit row %d: does not match the chain" % seq)
            return 1
        hashes[seq] = stored
        expected_seq, expected_prev = seq + 1, stored
    if args.checkpoint:
        seq, _, want = args.checkpoint.partition(":")
        if hashes.get(int(seq)) != want.lower():
            print("audit row %s: does not match the checkpoint %s" % (seq, args.checkpoint))
            return 1
    print("intact: %d rows, head %d:%s" % (expected_seq - 1, expected_seq - 1, expected_prev))
    return 0


if __name__ == "__main__":
    sys.exit(main())
