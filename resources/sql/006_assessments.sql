-- SPDX-FileCopyrightText: 2026 Strata contributors
-- SPDX-License-Identifier: Apache-2.0
-- Releases, assessments and findings.
--
-- A release keeps a copy of its members (kind, name and version as they were), so it stays what was reviewed even
-- when records change or are deleted later; record ids are therefore not foreign keys here.
CREATE TABLE release (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    version TEXT NOT NULL CHECK (length(version) BETWEEN 1 AND 100),
    root_id INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    UNIQUE (name COLLATE NOCASE, version)
);

CREATE TABLE release_member (
    release_id INTEGER NOT NULL REFERENCES release (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    record_id INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('supplier', 'model', 'dataset', 'software', 'service')),
    name TEXT NOT NULL,
    version TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (release_id, record_id),
    UNIQUE (release_id, position)
) WITHOUT ROWID;

-- An assessment is about a release or about one record (never both). The applicable items are fixed when it is
-- made, one assessment_item row each, so a later change of the scope does not move the questions under answers.
CREATE TABLE assessment (
    id INTEGER PRIMARY KEY,
    catalog_id INTEGER NOT NULL REFERENCES catalog (id),
    release_id INTEGER REFERENCES release (id),
    record_id INTEGER,
    scope_label TEXT NOT NULL,
    scope_kinds TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    CHECK ((release_id IS NULL) <> (record_id IS NULL))
);

CREATE TABLE assessment_item (
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES catalog_item (id),
    status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'pass', 'fail', 'not_applicable', 'risk_accepted')),
    notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
    reviewer TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    CHECK (status <> 'not_applicable' OR length(trim(notes)) > 0),
    PRIMARY KEY (assessment_id, item_id)
) WITHOUT ROWID;

CREATE TABLE assessment_evidence (
    assessment_id INTEGER NOT NULL,
    item_id INTEGER NOT NULL,
    evidence_id INTEGER NOT NULL REFERENCES evidence (id),
    linked_at TEXT NOT NULL,
    linked_by TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment_id, item_id, evidence_id),
    FOREIGN KEY (assessment_id, item_id) REFERENCES assessment_item (assessment_id, item_id) ON DELETE CASCADE
) WITHOUT ROWID;

-- Findings: dates are ISO 8601 days ('' when not given). An accepted finding always carries its justification
-- and the day the acceptance ends.
CREATE TABLE finding (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL,
    item_id INTEGER NOT NULL,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
    impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
    owner TEXT NOT NULL DEFAULT '',
    due_date TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'mitigating', 'accepted', 'closed')),
    justification TEXT NOT NULL DEFAULT '',
    accepted_until TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    CHECK (status <> 'accepted' OR (length(trim(justification)) > 0 AND accepted_until <> '')),
    FOREIGN KEY (assessment_id, item_id) REFERENCES assessment_item (assessment_id, item_id) ON DELETE CASCADE
);

CREATE INDEX finding_item ON finding (assessment_id, item_id);
