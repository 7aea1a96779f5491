-- SPDX-FileCopyrightText: 2026 Strata contributors
-- SPDX-License-Identifier: Apache-2.0
-- Schema 7: impact walks (what is built on a record) read each relation from one index without touching the table.
-- The new index starts with the same columns as relation_to, so every lookup that used it still has one.
CREATE INDEX relation_to_cover ON relation (to_id, type, from_id, subtype);

DROP INDEX relation_to;
