// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"
#include "domain/Result.h"
#include "storage/SqliteStatement.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <memory>

namespace strata {

class Database;

/// The only place that knows the SQL for artifacts (the files of models and datasets).
class ArtifactRepository
{
    Q_DECLARE_TR_FUNCTIONS(strata::ArtifactRepository)

public:
    explicit ArtifactRepository(const Database &db);

    /// Inserts the artifact; an id > 0 is kept (restore).
    Result<Artifact> insert(const Artifact &artifact);
    Status remove(qint64 artifactId);
    Result<Artifact> get(qint64 artifactId) const;
    Result<QList<Artifact>> forRecord(qint64 recordId) const;

private:
    const Database &m_db;
    std::unique_ptr<SqliteStatement> m_insert; ///< prepared once, on the C API: imports add many files
};

} // namespace strata
