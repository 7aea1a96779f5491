// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Provenance.h"
#include "domain/Result.h"
#include "interop/ImportDocument.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <memory>

namespace strata {

struct RecordKey;

/// Merges a validated ImportDocument into a workspace: plans first (match by purl, then kind+name+version,
/// then the document ids earlier imports recorded; diff field by field, keeping hand-typed values), and
/// writes only when the plan changes something, in one transaction.
class ImportApplier
{
    Q_DECLARE_TR_FUNCTIONS(strata::ImportApplier)

public:
    explicit ImportApplier(Workspace &workspace);
    Result<ImportSummary> apply(const ImportDocument &document, const ImportOptions &options);

private:
    enum class Action { Add, Update, Unchanged, Alias };

    struct PlannedRecord
    {
        Action action = Action::Add;
        int aliasOf = -1; ///< for Alias: index of the earlier document record it repeats
        qint64 existingId = 0;
        /// The existing record plus changes (Update, Unchanged); null for Add, which stores the document's record:
        /// a Record held per planned row would double what a large import keeps in memory.
        std::shared_ptr<Record> merged;
        QList<Artifact> newArtifacts;
        QList<Artifact> changedArtifacts; ///< same file name, new digest: stored and reported
        QJsonObject changedExtras;
        qint64 finalId = 0;            ///< filled while applying
        bool matchedByHubName = false; ///< matched "NAME" to "org/NAME": keep the existing name and purl
    };

    struct PlannedRelation
    {
        int from = -1; ///< index into the plan's records
        int to = -1;
        const ImportedRelation *source = nullptr;
    };

    Status loadIndex();
    Status planRecords(const ImportDocument &document, const ImportOptions &options);
    Status planRecord(const ImportedRecord &imported, const ImportOptions &options, PlannedRecord &plan);
    Status planRelations(const ImportDocument &document);
    Status write(const ImportDocument &document, const ImportOptions &options);
    void releasePlan();
    qint64 findExisting(const ImportedRecord &imported) const;
    qint64 findByHubName(const ImportedRecord &imported) const;
    static QString hubName(const Record &record, bool *qualified);
    int resolved(int index) const;
    /// What record `index` of the plan will be once written (the document's record for an Add).
    const Record &target(int index) const;
    static QString nameKey(RecordKind kind, const QString &name, const QString &version);

    Workspace &m_ws;
    const ImportDocument *m_document = nullptr;
    ImportSummary m_summary;
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
