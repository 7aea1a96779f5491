-- SPDX-FileCopyrightText: 2026 Strata contributors
-- SPDX-License-Identifier: Apache-2.0
-- The workspace's identity: a random id set once. Open compares it with and without a -wal file found next to the
-- workspace, so a -wal that belongs to another workspace is refused instead of being merged into this one.
CREATE TABLE workspace_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    uuid TEXT NOT NULL CHECK (length(uuid) = 32)
);
INSERT INTO workspace_identity (id, uuid) VALUES (1, lower(hex(randomblob(16))));
