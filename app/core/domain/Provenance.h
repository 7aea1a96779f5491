// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

/// One import of one file: what was read, when and by whom.
struct ImportSource
{
    qint64 id = 0;
    QString fileName;
    QString sha256;
    QString format;
    QString specVersion;
    QDateTime importedAt;
    QString importedBy;
};

/// Where a record's content came from: the imports that described it and the fields a person typed.
struct RecordProvenance
{
    QList<ImportSource> imports;
    QStringList externalRefs; ///< the ids documents gave the record (bom-ref, spdxId, Hub id)
    QStringList manualFields; ///< typed by a person; a re-import keeps them unless told otherwise
};

/// What an import did, for the person who ran it: counts, and each skip or kept value with its reason.
struct ImportSummary
{
    QString fileName;
    QString format;
    QString specVersion;
    qint64 importId = 0; ///< 0 when nothing changed and so nothing was recorded
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int skipped = 0;
    int relationsAdded = 0;
    int relationsUnchanged = 0;
    int relationsSkipped = 0;
    int placeholders = 0; ///< records added as unverified placeholders
    QStringList notes;    ///< translated: skipped entries and why, hand-typed values kept, reader warnings

    bool changedAnything() const { return added + updated + relationsAdded > 0; }
};

} // namespace strata
