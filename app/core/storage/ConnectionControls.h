// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QString>

namespace strata {

class Database;

/// The connection-level statements an operation above storage needs (the page cache's size, savepoints inside the
/// open transaction), so that no SQL is written outside storage.
namespace connection {

/// The page cache size as PRAGMA cache_size reports it (negative: KiB); 0 when it cannot be read.
qint64 cacheSize(const Database &db);
/// Sets PRAGMA cache_size to `value` (negative: KiB); false when SQLite refused.
bool setCacheSize(const Database &db, qint64 value);

enum class SavepointStep { Begin, RollBack, Release };
/// SAVEPOINT, ROLLBACK TO or RELEASE of `name` (an identifier Strata chose) inside the open transaction; a failure
/// names `what` ("Recording the import of bom.json").
Status savepoint(const Database &db, SavepointStep step, const QString &name, const QString &what);

} // namespace connection
} // namespace strata
