// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Relation.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace strata {

/// What an export writes: records with their relations, artifacts and the structures imports kept.
/// Built by the workspace (all records, or one record and everything upstream of it); writers are pure
/// functions of it, so the same set and timestamp always give the same bytes.
struct ExportSet
{
    QList<RecordSnapshot> records;     ///< sorted by id; relations point only at records in the set
    QHash<qint64, QJsonObject> extras; ///< record id -> kept structures (see ImportedRecord::extras)
    qint64 scopeId = 0;                ///< the record the export is about, 0 for the whole workspace
    QString workspaceName;
    QDateTime timestamp; ///< written into the document; fixed by callers that need reproducible bytes
    QString toolVersion;
};

} // namespace strata
