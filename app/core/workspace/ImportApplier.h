// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Provenance.h"
#include "domain/Result.h"
#include "interop/ImportDocument.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <memory>

namespace strata {

struct RecordKey;

/// Merges a validated ImportDocument into a workspace: matches each record (by purl, then kind+name+version,
/// then the document ids earlier imports recorded), diffs it field by field keeping hand-typed values, and writes
/// it, all in one transaction; relations follow once every record has its id. The records are taken one at a time
/// (a streamed document makes them as they are asked for), so only what matching relations needs stays in memory.
/// When nothing would change, the transaction is rolled back: not even the import log moves.
class ImportApplier
{
    Q_DECLARE_TR_FUNCTIONS(strata::ImportApplier)

public:
    explicit ImportApplier(Workspace &workspace);
    Result<ImportSummary> apply(const ImportDocument &document, const ImportOptions &options);

private:
    enum class Action { Add, Update, Unchanged, Alias };

    /// What is kept of each document record once it is written: enough to resolve and check relations.
    struct PlannedRecord
    {
        Action action = Action::Add;
        int aliasOf = -1; ///< for Alias: index of the earlier document record it repeats
        qint64 existingId = 0;
        qint64 finalId = 0;
        RecordKind kind = RecordKind::Software; ///< of the record as written
        QString name; ///< a supplier's, as written, for its records' search rows; empty for other kinds
    };

    /// The changes one record brings, alive only while that record is planned and written.
    struct Change
    {
        /// The existing record plus changes (Update, Unchanged); null for Add, which stores the document's record.
        std::shared_ptr<Record> merged;
        QList<Artifact> newArtifacts;
        QList<Artifact> changedArtifacts; ///< same file name, new digest: stored and reported
        QJsonObject changedExtras;
        bool matchedByHubName = false; ///< matched "NAME" to "org/NAME": keep the existing name and purl
    };

    struct PlannedRelation
    {
        int from = -1; ///< index into m_records
        int to = -1;
        const ImportedRelation *source = nullptr;
    };

    Status loadIndex();
    Status applyRecord(const ImportedRecord &imported, const ImportOptions &options);
    Status planRecord(const ImportedRecord &imported,
                      const ImportOptions &options,
                      PlannedRecord &plan,
                      Change &change);
    Status writeRecord(const ImportedRecord &imported, PlannedRecord &plan, const Change &change);
    Status planRelations(const ImportDocument &document);
    Status writeRelations(const ImportDocument &document);
    Status write(const ImportDocument &document, const ImportOptions &options);
    Status step();
    void releasePlan();
    qint64 findExisting(const ImportedRecord &imported) const;
    qint64 findByHubName(const ImportedRecord &imported) const;
    static QString hubName(const Record &record, bool *qualified);
    int resolved(int index) const;
    /// The name record `index` was written with.
    QString nameOf(int index) const;
    static QString nameKey(RecordKind kind, const QString &name, const QString &version);

    Workspace &m_ws;
    ImportSummary m_summary;
    const ImportOptions *m_options = nullptr;
    int m_done = 0;           ///< progress steps taken
    int m_total = 0;          ///< progress steps in all: records and relations
    bool m_unchanged = false; ///< the transaction was rolled back because nothing would change
    qint64 m_importId = 0;
    QDateTime m_now;
    QJsonArray m_addedIds;
    QJsonArray m_updatedIds;
    QList<PlannedRecord> m_records;
    QList<PlannedRelation> m_relations;
    QHash<QString, int> m_refIndex; ///< document ref -> index into m_records
    QHash<QString, int> m_docNames; ///< kind+name+version -> first index in this document
    QHash<QString, qint64> m_byPurl;
    QHash<QString, qint64> m_byName;
    QHash<QString, qint64> m_byExternalRef;
    QMultiHash<QString, qint64> m_qualifiedHubNames; ///< kind|name part of "org/name" Hub records
    QMultiHash<QString, qint64> m_bareHubNames;      ///< kind|name of records named without an org
    bool m_hubCards = false;
    QHash<qint64, RecordKind> m_kinds;
    QSet<QString> m_relationKeys;
    bool m_relationKeysLoaded = false;
};

} // namespace strata
