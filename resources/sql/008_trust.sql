-- SPDX-FileCopyrightText: 2026 Strata contributors
-- SPDX-License-Identifier: Apache-2.0
-- Signing identities, and evidence attached to a record (such as a model-signature verification report).
--
-- An identity holds only the public half of a reviewer's key: the private key stays in an encrypted file outside
-- the workspace. The fingerprint (SHA-256 of the DER SubjectPublicKeyInfo) identifies the key; one key, one identity.
CREATE TABLE identity (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role TEXT NOT NULL CHECK (role IN ('analyst', 'security-lead', 'custom')),
    custom_role TEXT NOT NULL DEFAULT '' CHECK (length(custom_role) <= 100),
    key_type TEXT NOT NULL CHECK (key_type = 'ed25519'),
    public_key TEXT NOT NULL CHECK (length(public_key) BETWEEN 1 AND 4096),
    fingerprint TEXT NOT NULL UNIQUE CHECK (length(fingerprint) = 64),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT ''
);

-- Evidence about a record as a whole rather than about a checklist answer; `purpose` says why it is attached.
CREATE TABLE record_evidence (
    record_id INTEGER NOT NULL REFERENCES record (id) ON DELETE CASCADE,
    evidence_id INTEGER NOT NULL REFERENCES evidence (id),
    purpose TEXT NOT NULL CHECK (length(purpose) BETWEEN 1 AND 100),
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (record_id, evidence_id)
) WITHOUT ROWID;

CREATE INDEX record_evidence_evidence ON record_evidence (evidence_id);
