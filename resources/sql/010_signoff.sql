-- SPDX-FileCopyrightText: 2026 Strata contributors
-- SPDX-License-Identifier: Apache-2.0
-- Release sign-offs, and which roles a release needs signatures from.
--
-- A sign-off keeps exactly the bytes that were signed: the canonical manifest of what was reviewed and the DSSE
-- envelope around the in-toto statement naming its digest. The other columns repeat what the statement says so
-- lists need not parse envelopes; verification checks them against the verified statement, so changing one of
-- them shows the sign-off as broken.
CREATE TABLE signoff (
    id INTEGER PRIMARY KEY,
    release_id INTEGER NOT NULL REFERENCES release (id) ON DELETE CASCADE,
    identity_id INTEGER NOT NULL REFERENCES identity (id),
    signer TEXT NOT NULL CHECK (length(signer) BETWEEN 1 AND 200),
    role TEXT NOT NULL CHECK (length(role) BETWEEN 1 AND 100),
    decision TEXT NOT NULL CHECK (decision IN ('approve', 'approve-with-conditions', 'reject')),
    conditions TEXT NOT NULL DEFAULT '' CHECK (length(conditions) <= 5000),
    signed_at TEXT NOT NULL,
    key_fingerprint TEXT NOT NULL CHECK (length(key_fingerprint) = 64),
    manifest_sha256 TEXT NOT NULL CHECK (length(manifest_sha256) = 64),
    manifest BLOB NOT NULL,
    envelope BLOB NOT NULL
);

CREATE INDEX signoff_release ON signoff (release_id, id);

-- The roles a release needs an approval from, as a JSON array of role keys ("analyst", "security-lead" or a
-- custom role's name). A release without a row needs one approval from a security lead.
CREATE TABLE release_signoff_policy (
    release_id INTEGER PRIMARY KEY REFERENCES release (id) ON DELETE CASCADE,
    roles TEXT NOT NULL CHECK (length(roles) BETWEEN 2 AND 10000)
);
