-- SPDX-FileCopyrightText: 2026 Strata contributors
-- SPDX-License-Identifier: Apache-2.0
-- Schema 1: the inventory. One statement per ';' at the end of a line (the runner splits there).
PRAGMA application_id = 1398035009;

CREATE TABLE record (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('supplier', 'model', 'dataset', 'software', 'service')),
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
    UNIQUE (kind, name COLLATE NOCASE, version COLLATE NOCASE)
);

CREATE INDEX record_kind_name ON record (kind, name COLLATE NOCASE, id);

CREATE INDEX record_purl ON record (purl) WHERE purl <> '';

CREATE TABLE relation (
    id INTEGER PRIMARY KEY,
    from_id INTEGER NOT NULL REFERENCES record (id) ON DELETE CASCADE,
    type TEXT NOT NULL CHECK (type IN ('derived_from', 'trained_on', 'evaluated_on', 'provided_by', 'depends_on', 'hosted_on')),
    to_id INTEGER NOT NULL REFERENCES record (id) ON DELETE CASCADE,
    subtype TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    CHECK (from_id <> to_id),
    UNIQUE (from_id, type, to_id)
);

CREATE INDEX relation_to ON relation (to_id, type);

CREATE TABLE artifact (
    id INTEGER PRIMARY KEY,
    record_id INTEGER NOT NULL REFERENCES record (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 1000),
    size INTEGER NOT NULL DEFAULT -1,
    algorithm TEXT NOT NULL DEFAULT 'sha256',
    digest TEXT NOT NULL,
    UNIQUE (record_id, file_name)
);

CREATE INDEX artifact_digest ON artifact (digest);
