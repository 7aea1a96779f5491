-- SPDX-FileCopyrightText: 2026 Strata contributors
-- SPDX-License-Identifier: Apache-2.0
-- Schema 9: the tamper-evident audit trail (issue 6; reliability notes section 5, promise A1).
--
-- Every change to the workspace appends one row in the same transaction, chained by hash:
-- hash = SHA-256(0x00 || canonical(row without prev_hash and hash) || prev_hash), see app/core/audit/AuditChain.
-- seq orders the trail; the clock in `at` can be set by anyone and is only informative.
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
    entity_kind TEXT NOT NULL DEFAULT '',
    entity_id INTEGER NOT NULL DEFAULT 0,
    before_json TEXT NOT NULL DEFAULT '{}',
    after_json TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash TEXT NOT NULL CHECK (length(hash) = 64)
);

CREATE INDEX audit_entity ON audit (entity_kind, entity_id);

-- Accidents stop here: Strata never changes or removes a row. The triggers are not a security boundary (anyone with
-- the file can drop them); the hash chain and the checkpoints carried by sign-offs are what detect tampering.
-- Each trigger is on one line because the migration runner ends a statement at a ';' that ends a line.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit rows cannot be changed: the audit trail is append-only'); END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit rows cannot be deleted: the audit trail is append-only'); END;
