// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/AuditEntry.h"
#include "checklist/Assessment.h"
#include "checklist/Catalog.h"
#include "domain/Provenance.h"
#include "domain/Record.h"
#include "domain/Relation.h"
#include "domain/Result.h"
#include "evidence/Evidence.h"
#include "graph/GraphSnapshot.h"
#include "signoff/Signoff.h"
#include "signoff/SignoffManifest.h"
#include "signoff/SignoffStatusInput.h"
#include "storage/Database.h"
#include "trust/Identity.h"

#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QVector>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace strata {

class RecordRepository;
class RelationRepository;
class ArtifactRepository;
class ProvenanceRepository;
struct ImportDocument;
struct ModelVerification;
class PrivateKey;
struct BundleManifest;
struct BundleMergeSummary;

/// How an import treats values a person typed by hand.
struct ImportOptions
{
    bool preferImport = false; ///< overwrite hand-typed values with the document's
    /// Called while the records and relations are written (done of total steps), from inside the transaction;
    /// returning false cancels the import, which then leaves the workspace unchanged. The GUI repaints its
    /// progress from here; writes to the workspace made meanwhile are refused.
    std::function<bool(int done, int total)> progress;
};

/// Which records a list shows and in what order; the search runs in SQLite's full-text index.
struct RecordQuery
{
    enum class SortKey { Name, Version, Supplier, License, Updated, Id };

    RecordQuery() = default;
    explicit RecordQuery(std::optional<RecordKind> kind, QString search = {})
        : kind(kind)
        , search(std::move(search))
    {
    }

    std::optional<RecordKind> kind;
    QString search; ///< words typed by the user; each is matched as a prefix
    SortKey sortKey = SortKey::Name;
    bool descending = false;
    int limit = -1; ///< -1: all
};

/// The one entry point to a workspace: validated, transactional operations and change signals.
/// Every write validates first and runs in one transaction; on error nothing is changed.
class Workspace : public QObject
{
    Q_OBJECT

public:
    ~Workspace() override;

    /// Opens (or creates) a workspace file; see Database::open for the checks made.
    static Result<std::unique_ptr<Workspace>> open(const QString &path,
                                                   Database::OpenMode mode = Database::OpenMode::CreateIfMissing);
    /// `workspace.strata` under the application data location.
    static QString defaultPath();

    QString path() const;
    bool isReadOnly() const;
    QString readOnlyReason() const;
    /// Empty on a local disk; a warning when the workspace lives on a network or FUSE file system (FileSystemCheck).
    QString storageWarning() const;
    const Database &database() const { return *m_db; }

    /// Who is making changes; recorded as created_by/updated_by. Defaults to the login name.
    void setActor(const QString &actor) { m_actor = actor; }
    QString actor() const { return m_actor; }

    // Reads
    Result<Record> record(qint64 id) const;
    Result<RecordSnapshot> snapshot(qint64 id) const;
    /// Ids of the matching records in display order: cheap enough for 100k rows, rows are fetched later.
    Result<QVector<qint64>> recordIds(const RecordQuery &query) const;
    /// Summaries of the given records, in the order of `ids`; unknown ids are skipped.
    Result<QList<RecordSummary>> summaries(const QVector<qint64> &ids) const;
    Result<QList<RecordSummary>> list(const RecordQuery &query) const;
    Result<QMap<RecordKind, int>> countsByKind() const;
    /// Imports that described the record, its external ids, and the fields a person typed.
    Result<RecordProvenance> provenance(qint64 id) const;
    /// Structures imports kept whole for the record (a CycloneDX modelCard, a card's metadata, ...).
    Result<QJsonObject> extras(qint64 id) const;
    /// Resolves a numeric id, or a name (optionally "name@version") that matches exactly one record.
    Result<qint64> resolve(const QString &idOrName, std::optional<RecordKind> kind = {}) const;

    // Writes
    /// Creates a record (record.id must be 0); returns the new id.
    Result<qint64> createRecord(const Record &record);
    /// Creates a copy named "NAME (copy)" with the same fields and outgoing relations, no artifacts.
    Result<qint64> duplicateRecord(qint64 id);
    /// Replaces the fields of an existing record.
    Status updateRecord(const Record &record);
    /// Deletes a record with its relations and artifacts; returns what was removed, for undo.
    Result<RecordSnapshot> removeRecord(qint64 id);
    /// Puts back a removed record with the same ids (undo of removeRecord).
    Status restoreRecord(const RecordSnapshot &snapshot);

    Result<Relation> link(qint64 fromId, RelationType type, qint64 toId, const QString &subtype = {});
    /// Removes the relation `from TYPE to`; returns it, for undo.
    Result<Relation> unlink(qint64 fromId, RelationType type, qint64 toId);
    Result<Relation> removeRelation(qint64 relationId);
    Status restoreRelation(const Relation &relation);

    Result<Artifact> addArtifact(const Artifact &artifact);
    Result<Artifact> removeArtifact(qint64 artifactId);

    /// Merges a parsed document into the workspace in one transaction (see ImportApplier); a document
    /// that would change nothing writes nothing.
    Result<ImportSummary> applyImport(const ImportDocument &document, const ImportOptions &options = {});

    /// Runs several operations as one transaction: all of them happen or none. The search index is brought
    /// up to date once, just before the commit, so a search made inside `work` does not see its changes.
    Status batch(const std::function<Status()> &work);

    // Checklist catalogs (issue 5), implemented in WorkspaceCatalogs.cpp.
    /// Checks and stores a catalog in one transaction. The same catalog id and version again changes nothing; the
    /// same id and version with other content is refused; a new version is stored beside the older ones.
    Result<CatalogImportResult> importCatalog(const Catalog &catalog);
    /// Stores the catalogs that ship with Strata unless the workspace already holds their versions (run on open).
    Status installBuiltinCatalogs();
    Result<QList<CatalogSummary>> catalogs() const;
    /// A stored catalog with its items: by row id, by catalog id (its newest version), or by "id@version".
    Result<Catalog> catalog(const QString &idOrKey) const;
    /// The items of a stored catalog that apply to records of `kind`, in catalog order.
    Result<QList<CatalogItem>> applicableItems(qint64 catalogId, RecordKind kind) const;

    // Evidence (issue 5), implemented in WorkspaceEvidence.cpp.
    /// The content-addressed store beside the workspace file ("NAME.strata-evidence").
    QString evidenceFolder() const;
    /// Streams the file into the evidence store, makes it durable, then records its row; the same content added
    /// again returns the existing item. On any error nothing is recorded and no partial copy is left behind.
    Result<EvidenceAddResult> addEvidence(const EvidenceInput &input, const EvidenceAddOptions &options = {});
    /// What addEvidence checks before a byte is copied (writable workspace, readable file, title, URL, dates), so a
    /// caller that copies on a worker thread (EvidenceStore::store) can refuse bad input first.
    Status checkEvidenceInput(const EvidenceInput &input) const;
    /// The second half of addEvidence for a blob a worker thread already put into evidenceFolder(): checks the
    /// blob is there with the recorded size, then records its row (or returns the existing one) in one transaction.
    Result<EvidenceAddResult> recordStoredEvidence(const EvidenceInput &input,
                                                   const QString &sha256,
                                                   qint64 size,
                                                   bool blobCreated);
    Result<QList<Evidence>> evidence() const;
    /// Re-hashes every stored file and reports the missing and altered ones.
    Result<EvidenceVerification> verifyEvidence(const std::atomic<bool> *cancel = nullptr) const;
    // Lineage graph (issue 4): plain graph data read through GraphRepository, and the cache of computed layouts.
    /// Records and relations reachable from scope.focus (or all of them), with what the risk rules read.
    Result<GraphSnapshot> graph(const GraphScope &scope = {}) const;
    /// Reads the next `rows` records or relations of the whole graph into `load`, so a window stays responsive.
    Status readGraph(GraphLoad &load, int rows) const;
    /// A layout stored under `key`, or an empty array. Layouts are a cache: storing one is not an edit, emits no
    /// signal, and is skipped on a read-only workspace.
    Result<QByteArray> storedLayout(const QByteArray &key) const;
    Status storeLayout(const QByteArray &key, const QByteArray &data, int nodeCount);

    // Releases, assessments and findings (issue 5), implemented in WorkspaceAssessments.cpp.
    /// The root and every record upstream of it (outgoing relations of any type, followed without looping).
    Result<QList<qint64>> upstreamOf(qint64 rootId) const;
    /// Records a release of `rootId` and everything upstream of it, as the records are now.
    Result<Release> createRelease(const QString &name, const QString &version, qint64 rootId);
    Result<QList<Release>> releases() const;
    /// A release by row id, "name@version", or a name that only one release has.
    Result<Release> release(const QString &idOrName) const;
    /// Applies a stored catalog (id, id@version or row id; empty: the built-in one) to a release or a record, with
    /// one not-started answer per item that applies to a kind of record in scope.
    Result<Assessment> createAssessment(const AssessmentScope &scope, const QString &catalog = {});
    Result<QList<AssessmentSummary>> assessments() const;
    /// The assessment with every applicable item, its answer and its linked evidence, in catalog order.
    Result<Assessment> assessment(qint64 id) const;
    /// Records a reviewer's answer; checks the item, the status rules, the notes and the evidence before writing.
    Result<AssessmentItem> setItemStatus(qint64 assessmentId, const ItemUpdate &update);
    /// Takes one evidence item off an answer (the file stays in the store and on other items); the answer's status
    /// and notes are kept. Refused when the item does not have that evidence.
    Result<AssessmentItem> unlinkItemEvidence(qint64 assessmentId, const QString &itemKey, qint64 evidenceId);
    /// What the inventory already says about the records in scope; never changes an answer.
    Result<QList<CheckSuggestion>> suggestions(qint64 assessmentId) const;
    /// Raises a finding on an item that failed (finding.assessmentId and finding.itemKey name it).
    Result<Finding> addFinding(const Finding &finding);
    Result<QList<Finding>> findings(qint64 assessmentId = 0) const;
    /// Accepts a finding's risk with a justification until a day after today.
    Result<Finding> acceptFinding(qint64 findingId, const QString &justification, const QDate &until);
    /// Moves a finding to open, mitigating or closed (accepting goes through acceptFinding).
    Result<Finding> setFindingStatus(qint64 findingId, FindingStatus status);

    // Signing identities and model-signature evidence (issue 6), implemented in WorkspaceTrust.cpp.
    /// Records a reviewer's identity: the name and role are checked and the public key must be Ed25519. A key the
    /// workspace already knows is refused, naming the identity that has it.
    Result<Identity> addIdentity(const Identity &identity);
    Result<QList<Identity>> identities() const;
    /// By row id, or by fingerprint (a prefix of at least 8 hex digits that only one key has).
    Result<Identity> identity(const QString &idOrFingerprint) const;
    /// Keeps a model-signature verification report (passed or failed) as evidence attached to a model record.
    Result<Evidence> attachModelVerification(qint64 recordId, const ModelVerification &verification);
    /// Evidence attached to a record as a whole, each with why it was attached, oldest first.
    Result<QList<std::pair<Evidence, QString>>> recordEvidence(qint64 recordId) const;

    // Release sign-off (issue 6), implemented in WorkspaceSignoff.cpp.
    /// Everything a sign-off of the release covers, read now; every covered evidence file is hashed again.
    Result<SignoffScope> signoffScope(qint64 releaseId) const;
    /// signoffScope without the hashing: read on the thread that owns the workspace, then hashed with
    /// hashSignoffEvidence on a worker, so a large evidence store never blocks the window.
    Result<SignoffScope> readSignoffScope(qint64 releaseId) const;
    /// Hashes every evidence file `scope` covers again (ScopeEvidence::fileSha256; empty when the file is missing).
    /// Touches no database, so it runs on any thread; a set `cancel` returns ErrorCode::Cancelled.
    static Status hashSignoffEvidence(SignoffScope &scope,
                                      const QString &evidenceFolder,
                                      const std::atomic<bool> *cancel = nullptr);
    /// The canonical manifest (SignoffManifest) of what a sign-off of the release would cover now.
    Result<QByteArray> signoffManifest(qint64 releaseId) const;
    /// Why the release cannot be approved now, every reason listed; empty when it can.
    Result<QStringList> approvalRefusals(qint64 releaseId) const;
    /// Signs the release with `key`, whose public key must be an identity of this workspace: builds the manifest,
    /// wraps the in-toto statement naming its digest in a DSSE envelope and stores both. An approval is refused,
    /// with every reason, while approvalRefusals() names any; conditions turn an approval into "approve with
    /// conditions". A rejection is always recorded.
    Result<Signoff> signOff(qint64 releaseId,
                            const PrivateKey &key,
                            SignoffDecision decision,
                            const QString &conditions = {});
    /// signOff with the evidence hashed beforehand, off the GUI thread (readSignoffScope, then hashSignoffEvidence on
    /// a worker): the scope is read again here, each file's digest is taken from `hashed` and any file it does not
    /// cover is hashed now, so the signature always covers the release as it is when signed.
    Result<Signoff> signOff(qint64 releaseId,
                            const PrivateKey &key,
                            SignoffDecision decision,
                            const QString &conditions,
                            const SignoffScope &hashed);
    /// The stored sign-offs of a release, oldest first, unchecked.
    Result<QList<Signoff>> signoffs(qint64 releaseId) const;
    /// Every sign-off of the release verified and compared with the release now, and the gate's verdict.
    Result<ReleaseSignoffStatus> signoffStatus(qint64 releaseId) const;
    /// What signoffStatus reads from the database, without hashing anything: the GUI reads it on its own thread and
    /// hands it to checkSignoffStatus on a worker, so evidence hashing never blocks the window.
    Result<SignoffStatusInput> signoffStatusInput(qint64 releaseId) const;
    /// The second half of signoffStatus: hashes the covered evidence, checks every signature and compares the
    /// manifests. Touches no database, so it runs on any thread; a set `cancel` returns ErrorCode::Cancelled.
    static Result<ReleaseSignoffStatus> checkSignoffStatus(SignoffStatusInput input,
                                                           const std::atomic<bool> *cancel = nullptr);
    /// The roles whose approval the release needs (role keys); SignoffRoles::defaultRoles() unless set.
    Result<QStringList> requiredSignoffRoles(qint64 releaseId) const;
    /// Sets the roles a release needs an approval from ("analyst", "security-lead" or custom role names).
    Status setRequiredSignoffRoles(qint64 releaseId, const QStringList &roles);
    // Audit trail (issue 6), implemented in WorkspaceAudit.cpp. Every write above appends one entry, chained by
    // hash, in its own transaction; the layout cache (storeLayout) is not an edit and is not audited.
    /// The newest entry's seq and hash; seq 0 and 64 zeros for an empty trail. Sign-offs, bundles and reports carry
    /// it as a checkpoint, so even a rewrite of the whole trail is caught later.
    Result<AuditHead> auditHead() const;
    /// Entries matching `query`, newest first.
    Result<QList<AuditEntry>> auditTrail(const AuditQuery &query) const;
    /// Recomputes the whole chain; names the first bad seq and what is wrong with it. With a checkpoint, a trail
    /// that ends before it (dropped rows) or disagrees with its hash (rewritten) fails too. The GUI reads the rows
    /// with auditTrail (oldestFirst) and runs AuditChain::verify on a worker instead.
    Result<AuditVerification> verifyAudit(const std::optional<AuditHead> &checkpoint = {},
                                          const std::atomic<bool> *cancel = nullptr) const;
    /// The audit-trail heads named by sign-offs whose signatures verify, oldest first: checkpoints a rewrite of the
    /// trail cannot move without breaking a signature. verifyAudit without a checkpoint checks against all of them.
    Result<QList<AuditHead>> auditCheckpoints() const;

    // Backups (WorkspaceBackup.cpp): VACUUM INTO on this connection, checked before it is kept; see storage/Backups.h.
    /// Writes a checked, synced copy of the workspace to `file`; refuses the workspace's own files.
    Result<BackupCheck> backupTo(const QString &file) const;
    /// Makes a new generation in Backups::folderFor(path()), keeping the newest Backups::kKeep.
    Result<BackupGeneration> backupGeneration() const;
    /// The full PRAGMA integrity_check on this connection: "ok" or the problems found (blocks; the GUI checks a page
    /// copy on a worker instead, see Database::copyPagesInto).
    Result<QString> checkIntegrity() const;
    /// Queues one audit entry for the transaction in progress; for write paths outside this file (sign-off, bundle
    /// import). Call it inside batch() (or inTransaction) after the change succeeded: the entry is chained and
    /// appended just before that transaction commits, and dropped if it rolls back. `action` is a dotted verb
    /// ("signoff.create", "bundle.import"); `entityKind`/`entityId` name what changed ("release", 7); `before` and
    /// `after` hold the changed fields with stable keys ({} when not applicable). Refused outside a transaction,
    /// where the entry could not be written together with the change. Example, as the last step of a batch():
    ///     return recordAudit(u"signoff.create"_s, u"release"_s, releaseId, {}, after);
    Status recordAudit(const QString &action,
                       const QString &entityKind,
                       qint64 entityId,
                       const QJsonObject &before = {},
                       const QJsonObject &after = {});
    // Assessment bundles (issue 6), implemented in WorkspaceBundle.cpp; BundleExporter and BundleImporter use them.
    /// A sequence number for a new bundle signed with the key `signer` (a fingerprint), recorded so it is never used
    /// again: above the last one, and at least the time in milliseconds so it also grows across workspaces.
    Result<qint64> nextBundleSequence(const QString &signer, const QString &bundleId);
    /// The last bundle sequence imported from the key `signer`; 0 when none was.
    Result<qint64> lastImportedBundleSequence(const QString &signer) const;
    /// Merges a bundle whose signature and digests were checked, in one transaction: the BOM's records, the release,
    /// its assessments, the evidence rows (the blobs must already be in the store), answers and findings, then the
    /// bundle's sequence. An older or replayed bundle, or anything that does not fit, changes nothing.
    Result<BundleMergeSummary> mergeBundle(const BundleManifest &manifest,
                                           const ImportDocument &bom,
                                           const Identity &signer);

Q_SIGNALS:
    /// A release, assessment, answer or finding changed: assessment pages should refetch.
    void assessmentsChanged();
    /// A catalog was stored: catalog lists should refetch.
    void catalogsChanged();
    /// Evidence was added: evidence lists should refetch.
    void evidenceChanged();
    /// A signing identity was added: identity lists should refetch.
    void identitiesChanged();
    /// A release was signed off or its required roles changed: sign-off states should be read again.
    void signoffsChanged();
    /// Records of this kind were added, removed or renamed: lists should refetch.
    void recordsChanged(strata::RecordKind kind);
    /// One record's fields, relations or artifacts changed.
    void recordChanged(qint64 id);

private:
    friend class ImportApplier;

    explicit Workspace(std::unique_ptr<Database> db);
    Status writable() const;
    Status inTransaction(const std::function<Status()> &work);
    Status checkRelation(const Relation &relation, RecordKind *fromKind = nullptr, QString *toName = nullptr) const;
    Result<Relation> insertRelation(const Relation &relation);
    void noteKind(RecordKind kind) { m_pendingKinds.insert(static_cast<int>(kind)); }
    void noteRecord(qint64 id) { m_pendingIds.insert(id); }
    /// What a write changed besides records. Outside a batch the signal goes out now; inside one it goes out after
    /// the outermost commit (and not at all when the batch is rolled back), like recordsChanged.
    enum class Change { Assessments = 1, Catalogs = 2, Evidence = 4, Identities = 8, Signoffs = 16 };
    void changed(Change change);
    /// The record, or the name of one of its suppliers, changed: its search row is rewritten before COMMIT.
    void noteIndexStale(qint64 id) { m_searchStale.insert(id); }
    void flushSignals();
    /// The audit-trail head a sign-off names (WorkspaceSignoff.cpp).
    QString signoffAuditHead() const;
    Status appendAudit();

    std::unique_ptr<Database> m_db;
    std::unique_ptr<RecordRepository> m_records;
    std::unique_ptr<RelationRepository> m_relations;
    std::unique_ptr<ArtifactRepository> m_artifacts;
    std::unique_ptr<ProvenanceRepository> m_provenance;
    QString m_actor;
    int m_depth = 0;
    bool m_importing = false; ///< an import is writing and may let the event loop run (ImportOptions::progress)
    QSet<int> m_pendingKinds;
    int m_pendingChanges = 0; ///< Change flags waiting for the outermost commit
    QSet<qint64> m_pendingIds;
    QSet<qint64> m_searchStale;
    QList<AuditEntry> m_pendingAudit; ///< entries of the open transaction, appended just before COMMIT
    int m_auditMuted = 0;             ///< > 0 while an operation that records one entry of its own calls other writes
};

} // namespace strata
