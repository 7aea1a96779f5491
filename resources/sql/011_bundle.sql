-- SPDX-FileCopyrightText: 2026 Strata contributors
-- SPDX-License-Identifier: Apache-2.0
-- Assessment bundles: the last bundle sequence number used per signing key, in each direction.
--
-- 'exported': the last sequence this workspace signed with the key, so the next bundle gets a higher one.
-- 'imported': the last sequence accepted from the key, so an older (replayed) bundle is refused.
CREATE TABLE bundle_sequence (
    signer TEXT NOT NULL CHECK (length(signer) = 64),
    direction TEXT NOT NULL CHECK (direction IN ('exported', 'imported')),
    sequence INTEGER NOT NULL CHECK (sequence > 0),
    bundle_id TEXT NOT NULL CHECK (length(bundle_id) BETWEEN 1 AND 100),
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (signer, direction)
) WITHOUT ROWID;
