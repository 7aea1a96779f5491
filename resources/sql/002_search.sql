-- SPDX-FileCopyrightText: 2026 Strata contributors
-- SPDX-License-Identifier: Apache-2.0
-- Schema 2: full-text search over names, descriptions, tags, notes, licenses and supplier names.
-- The repository keeps it in step with record and relation in the same transaction (no triggers).
CREATE VIRTUAL TABLE record_search USING fts5 (
    name, description, tags, notes, license, suppliers,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

INSERT INTO record_search (rowid, name, description, tags, notes, license, suppliers)
SELECT r.id, r.name, r.description, r.tags, r.notes, r.license,
       coalesce((SELECT group_concat(s.name, ' ') FROM relation x JOIN record s ON s.id = x.to_id
                 WHERE x.from_id = r.id AND x.type = 'provided_by'), '')
FROM record r;
