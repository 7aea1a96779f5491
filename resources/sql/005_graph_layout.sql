-- SPDX-FileCopyrightText: 2026 Strata contributors
-- SPDX-License-Identifier: Apache-2.0
-- Schema 4: computed layouts of lineage-graph views, so a large view opens without laying it out again.
-- Only a cache: the key is a digest of the view's nodes, edges, sizes and settings, so a changed view never
-- matches an old entry; the repository keeps the most recent few and anything here may be deleted.
CREATE TABLE graph_layout (
    key TEXT PRIMARY KEY,
    node_count INTEGER NOT NULL,
    data BLOB NOT NULL,
    created_at TEXT NOT NULL
);

CREATE INDEX graph_layout_created ON graph_layout (created_at);
