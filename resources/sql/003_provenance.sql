-- SPDX-FileCopyrightText: 2026 Strata contributors
-- SPDX-License-Identifier: Apache-2.0
-- Schema 3: where records and relations came from. Each import is recorded once; a record remembers every
-- import that described it (with the document's own id for it), the fields a person typed by hand
-- (record.manual_fields, so a re-import does not overwrite them), and structures an import kept whole (a CycloneDX modelCard, ...).
CREATE TABLE import_source (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    format TEXT NOT NULL,
    spec_version TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT ''
);

CREATE INDEX import_source_sha256 ON import_source (sha256);

CREATE TABLE record_origin (
    record_id INTEGER NOT NULL REFERENCES record (id) ON DELETE CASCADE,
    import_id INTEGER NOT NULL REFERENCES import_source (id) ON DELETE CASCADE,
    external_ref TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (record_id, import_id, external_ref)
) WITHOUT ROWID;

CREATE INDEX record_origin_ref ON record_origin (external_ref, record_id);

ALTER TABLE record ADD COLUMN manual_fields TEXT NOT NULL DEFAULT '';

-- A rowid table: kept structures can be large, which WITHOUT ROWID tables store badly.
CREATE TABLE record_extra (
    id INTEGER PRIMARY KEY,
    record_id INTEGER NOT NULL REFERENCES record (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    import_id INTEGER REFERENCES import_source (id) ON DELETE SET NULL,
    UNIQUE (record_id, key)
);

ALTER TABLE relation ADD COLUMN import_id INTEGER REFERENCES import_source (id) ON DELETE SET NULL;
