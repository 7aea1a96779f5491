-- SPDX-FileCopyrightText: 2026 Strata contributors
-- SPDX-License-Identifier: Apache-2.0
-- Schema 13: record and relation again, with their kind and type checks written as comparisons (issue 3).
-- SQLite evaluates a CHECK (kind IN ('supplier', ...)) by filling a temporary b-tree with the list on every insert;
-- measured on 50,000-component imports that is about a quarter of a record insert and a sixth of a relation insert.
-- kind = 'supplier' OR kind = 'model' ... accepts and refuses exactly the same values without one.
-- SQLite cannot change a CHECK in place, so both tables are rebuilt as its documentation describes (create, copy,
-- drop, rename, indexes). Database::migrate runs this migration with foreign keys off, so dropping the old tables
-- does not cascade to the rows that refer to them, and runs PRAGMA foreign_key_check before it commits.
CREATE TABLE record_new (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind = 'supplier' OR kind = 'model' OR kind = 'dataset' OR kind = 'software' OR kind = 'service'),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    version TEXT NOT NULL DEFAULT '' CHECK (length(version) <= 100),
    description TEXT NOT NULL DEFAULT '',
    license TEXT NOT NULL DEFAULT '',
    source_url TEXT NOT NULL DEFAULT '',
    purl TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    attributes TEXT NOT NULL DEFAULT '{}',
    placeholder INTEGER NOT NULL DEFAULT 0 CHECK (placeholder IN (0, 1)),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    manual_fields TEXT NOT NULL DEFAULT '',
    UNIQUE (kind, name COLLATE NOCASE, version COLLATE NOCASE)
);

INSERT INTO record_new (id, kind, name, version, description, license, source_url, purl, tags, notes, attributes,
                        placeholder, created_at, created_by, updated_at, updated_by, manual_fields)
SELECT id, kind, name, version, description, license, source_url, purl, tags, notes, attributes,
       placeholder, created_at, created_by, updated_at, updated_by, manual_fields
FROM record;

DROP TABLE record;

ALTER TABLE record_new RENAME TO record;

CREATE INDEX record_kind_name ON record (kind, name COLLATE NOCASE, id);

CREATE INDEX record_purl ON record (purl) WHERE purl <> '';

CREATE TABLE relation_new (
    id INTEGER PRIMARY KEY,
    from_id INTEGER NOT NULL REFERENCES record (id) ON DELETE CASCADE,
    type TEXT NOT NULL CHECK (type = 'derived_from' OR type = 'trained_on' OR type = 'evaluated_on' OR type = 'provided_by' OR type = 'depends_on' OR type = 'hosted_on'),
    to_id INTEGER NOT NULL REFERENCES record (id) ON DELETE CASCADE,
    subtype TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    import_id INTEGER REFERENCES import_source (id) ON DELETE SET NULL,
    CHECK (from_id <> to_id),
    UNIQUE (from_id, type, to_id)
);

INSERT INTO relation_new (id, from_id, type, to_id, subtype, source, created_at, created_by, import_id)
SELECT id, from_id, type, to_id, subtype, source, created_at, created_by, import_id
FROM relation;

DROP TABLE relation;

ALTER TABLE relation_new RENAME TO relation;

CREATE INDEX relation_to_cover ON relation (to_id, type, from_id, subtype);
