-- SPDX-FileCopyrightText: 2026 Strata contributors
-- SPDX-License-Identifier: Apache-2.0
-- Schema 5: checklist catalogs and evidence.
--
-- Catalogs. A catalog is stored once per (id, version) and never changed afterwards, so
-- assessments keep pointing at the exact items they were made with; a new version is stored beside the old one.
-- Texts are JSON objects keyed by language ({"en": "...", "zh_CN": "..."}); see resources/catalogs/README.md.
CREATE TABLE catalog (
    id INTEGER PRIMARY KEY,
    catalog_key TEXT NOT NULL CHECK (length(catalog_key) BETWEEN 1 AND 128),
    version TEXT NOT NULL CHECK (length(version) BETWEEN 1 AND 64),
    format TEXT NOT NULL CHECK (format IN ('strata-catalog', 'ciso-assistant')),
    format_version INTEGER NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    languages TEXT NOT NULL,
    metadata TEXT NOT NULL,
    content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
    source_sha256 TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL DEFAULT '',
    UNIQUE (catalog_key COLLATE NOCASE, version)
);

CREATE TABLE catalog_item (
    id INTEGER PRIMARY KEY,
    catalog_id INTEGER NOT NULL REFERENCES catalog (id) ON DELETE CASCADE,
    item_key TEXT NOT NULL CHECK (length(item_key) BETWEEN 1 AND 200),
    position INTEGER NOT NULL,
    ref TEXT NOT NULL DEFAULT '',
    stage TEXT NOT NULL CHECK (stage IN ('governance', 'sourcing', 'data', 'development', 'evaluation', 'release', 'deployment', 'operations', 'retirement')),
    mandatory INTEGER NOT NULL CHECK (mandatory IN (0, 1)),
    layers TEXT NOT NULL DEFAULT '',
    properties TEXT NOT NULL DEFAULT '',
    texts TEXT NOT NULL,
    mappings TEXT NOT NULL DEFAULT '{}',
    wdta_themes TEXT NOT NULL DEFAULT '',
    wdta_clause TEXT NOT NULL DEFAULT '',
    UNIQUE (catalog_id, item_key COLLATE NOCASE),
    UNIQUE (catalog_id, position)
);

CREATE TABLE catalog_item_kind (
    item_id INTEGER NOT NULL REFERENCES catalog_item (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('supplier', 'model', 'dataset', 'software', 'service')),
    PRIMARY KEY (item_id, kind)
) WITHOUT ROWID;

CREATE INDEX catalog_item_kind_kind ON catalog_item_kind (kind, item_id);

-- Evidence: one row per distinct content. The file itself lives in the content-addressed store beside the workspace
-- (NAME.strata-evidence/sha256/ab/<sha256>) and is always written and synced before its row; a row never exists
-- without its blob. Dates are ISO 8601 days ('' when not given).
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size >= 0),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    file_name TEXT NOT NULL DEFAULT '',
    media_type TEXT NOT NULL DEFAULT '',
    source_url TEXT NOT NULL DEFAULT '',
    effective_date TEXT NOT NULL DEFAULT '',
    expiry_date TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL DEFAULT '',
    CHECK (effective_date = '' OR expiry_date = '' OR expiry_date >= effective_date)
);
