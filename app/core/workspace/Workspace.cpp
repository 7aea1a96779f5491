// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "workspace/Workspace.h"

#include "audit/AuditJson.h"
#include "domain/Fields.h"
#include "evidence/EvidenceStore.h"
#include "interop/ImportDocument.h"
#include "storage/ArtifactRepository.h"
#include "storage/EvidenceRepository.h"
#include "storage/FileSystemCheck.h"
#include "storage/GraphRepository.h"
#include "storage/ProvenanceRepository.h"
#include "storage/RecordRepository.h"
#include "storage/RelationRepository.h"
#include "workspace/ImportApplier.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QStandardPaths>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

QString loginName()
{
    for (const char *var : {"STRATA_ACTOR", "USER", "LOGNAME", "USERNAME"}) {
        const QString name = qEnvironmentVariable(var).trimmed();
        if (!name.isEmpty())
            return name;
    }
    if (const passwd *pw = ::getpwuid(::geteuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    return u"unknown"_s;
}

} // namespace

Workspace::Workspace(std::unique_ptr<Database> db)
    : m_db(std::move(db))
    , m_records(std::make_unique<RecordRepository>(*m_db))
    , m_relations(std::make_unique<RelationRepository>(*m_db))
    , m_artifacts(std::make_unique<ArtifactRepository>(*m_db))
    , m_provenance(std::make_unique<ProvenanceRepository>(*m_db))
    , m_actor(loginName())
{
}

Workspace::~Workspace()
{
    // Repositories hold prepared statements on the connection: release them before the Database closes it.
    m_records.reset();
    m_relations.reset();
    m_artifacts.reset();
    m_provenance.reset();
}

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &path, Database::OpenMode mode)
{
    Result<std::unique_ptr<Database>> db = Database::open(path, mode);
    if (!db && (db.error().code == ErrorCode::Integrity || db.error().code == ErrorCode::InvalidInput)) {
        // A damaged workspace: name the newest backup that passes its check, and how to restore it.
        const QFileInfo info(path);
        const QString at = info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
        if (const QString hint = Backups::restoreHint(at); !hint.isEmpty())
            return Error{db.error().code, u"%1 %2"_s.arg(db.error().message, hint)};
    }
    if (!db)
        return db.error();
    std::unique_ptr<Workspace> workspace(new Workspace(std::move(db).value()));
    if (!workspace->isReadOnly()) {
        if (Status s = workspace->installBuiltinCatalogs(); !s)
            return s.error();
        // The writer's lock is held, so no copy into the store can be running: what is left in its temporary
        // area is from an add that crashed or was killed.
        const EvidenceStore store(workspace->evidenceFolder());
        store.removeUnrecorded([&workspace](const QString &sha256) {
            const Result<std::optional<Evidence>> row = EvidenceRepository(*workspace->m_db).findBySha256(sha256);
            return !row || row.value().has_value(); // when in doubt, keep the blob
        });
        store.removeTemporaryFiles();
    }
    return workspace;
}

QString Workspace::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(u"workspace.strata"_s);
}

QString Workspace::path() const
{
    return m_db->path();
}

bool Workspace::isReadOnly() const
{
    return m_db->isReadOnly();
}

QString Workspace::readOnlyReason() const
{
    return m_db->readOnlyReason();
}

QString Workspace::storageWarning() const
{
    return FileSystemCheck::warningFor(path());
}

Status Workspace::writable() const
{
    if (m_db->isReadOnly())
        return Error{ErrorCode::ReadOnly, m_db->readOnlyReason()};
    return Ok{};
}

Status Workspace::inTransaction(const std::function<Status()> &work)
{
    if (Status s = writable(); !s)
        return s;
    if (m_importing)
        return Error{ErrorCode::Conflict,
                     tr("An import is being written to the workspace; try again when it has finished.")};
    TransactionGuard tx(*m_db);
    if (Status s = tx.begun(); !s)
        return s;
    ++m_depth;
    Status result = work();
    --m_depth;
    m_records->invalidateCaches(); // every write can change which records a list shows, or their order
    if (result.ok() && m_depth == 0)
        result = m_records->writeSearch(std::exchange(m_searchStale, {}));
    // The audit entries go into the same transaction as the change they describe, last, so the chain never forks
    // and a rolled-back change leaves no entry.
    if (result.ok() && m_depth == 0)
        result = appendAudit();
    if (result.ok())
        result = tx.commit();
    if (m_depth == 0) {
        if (result.ok()) {
            flushSignals();
        } else {
            m_pendingKinds.clear();
            m_pendingIds.clear();
            m_pendingChanges = 0;
            m_records->discardPendingSearch();
            m_searchStale.clear();
            m_pendingAudit.clear();
        }
    }
    return result;
}

void Workspace::changed(Change change)
{
    m_pendingChanges |= static_cast<int>(change);
    if (m_depth == 0)
        flushSignals();
}

void Workspace::flushSignals()
{
    const QSet<int> kinds = std::exchange(m_pendingKinds, {});
    const QSet<qint64> ids = std::exchange(m_pendingIds, {});
    const int changes = std::exchange(m_pendingChanges, 0);
    if (changes & static_cast<int>(Change::Assessments))
        Q_EMIT assessmentsChanged();
    if (changes & static_cast<int>(Change::Catalogs))
        Q_EMIT catalogsChanged();
    if (changes & static_cast<int>(Change::Evidence))
        Q_EMIT evidenceChanged();
    if (changes & static_cast<int>(Change::Identities))
        Q_EMIT identitiesChanged();
    if (changes & static_cast<int>(Change::Signoffs))
        Q_EMIT signoffsChanged();
    for (RecordKind kind : allRecordKinds()) {
        if (kinds.contains(static_cast<int>(kind)))
            Q_EMIT recordsChanged(kind);
    }
    for (qint64 id : ids)
        Q_EMIT recordChanged(id);
}

Status Workspace::batch(const std::function<Status()> &work)
{
    return inTransaction(work);
}

Result<Record> Workspace::record(qint64 id) const
{
    return m_records->get(id);
}

Result<RecordSnapshot> Workspace::snapshot(qint64 id) const
{
    Result<Record> record = m_records->get(id);
    if (!record)
        return record.error();
    Result<QList<RelatedRecord>> relations = m_relations->forRecord(id);
    if (!relations)
        return relations.error();
    Result<QList<Artifact>> artifacts = m_artifacts->forRecord(id);
    if (!artifacts)
        return artifacts.error();
    return RecordSnapshot{record.value(), relations.value(), artifacts.value()};
}

Result<QVector<qint64>> Workspace::recordIds(const RecordQuery &query) const
{
    return m_records->ids(query);
}

Result<QList<RecordSummary>> Workspace::summaries(const QVector<qint64> &ids) const
{
    return m_records->summaries(ids);
}

Result<QList<RecordSummary>> Workspace::list(const RecordQuery &query) const
{
    Result<QVector<qint64>> ids = m_records->ids(query);
    if (!ids)
        return ids.error();
    return m_records->summaries(ids.value());
}

Result<QMap<RecordKind, int>> Workspace::countsByKind() const
{
    return m_records->countsByKind();
}

Result<RecordProvenance> Workspace::provenance(qint64 id) const
{
    Result<Record> record = m_records->get(id);
    if (!record)
        return record.error();
    Result<RecordProvenance> p = m_provenance->provenance(id);
    if (p)
        p.value().manualFields = record.value().manualFields;
    return p;
}

Result<QJsonObject> Workspace::extras(qint64 id) const
{
    return m_provenance->extras(id);
}

Result<ImportSummary> Workspace::applyImport(const ImportDocument &document, const ImportOptions &options)
{
    return ImportApplier(*this).apply(document, options);
}

Result<GraphSnapshot> Workspace::graph(const GraphScope &scope) const
{
    return GraphRepository(*m_db).read(scope);
}

Status Workspace::readGraph(GraphLoad &load, int rows) const
{
    return GraphRepository(*m_db).readSlice(load, rows);
}

Result<QByteArray> Workspace::storedLayout(const QByteArray &key) const
{
    return GraphRepository(*m_db).layout(key);
}

Status Workspace::storeLayout(const QByteArray &key, const QByteArray &data, int nodeCount)
{
    // A computed layout is a cache, not an edit: it records no audit entry.
    if (m_db->isReadOnly())
        return Ok{};
    return inTransaction([&] { return GraphRepository(*m_db).storeLayout(key, data, nodeCount); });
}

Result<qint64> Workspace::resolve(const QString &idOrName, std::optional<RecordKind> kind) const
{
    const QString text = idOrName.trimmed();
    if (text.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("No record was named; give an id or a name.")};
    static const QRegularExpression digits(u"^\\d{1,18}$"_s);
    if (digits.match(text).hasMatch()) {
        Result<Record> r = m_records->get(text.toLongLong());
        if (!r)
            return r.error();
        if (kind && r.value().kind != *kind)
            return Error{ErrorCode::InvalidInput,
                         tr("Record %1 is a %2, not a %3.")
                             .arg(text, recordKindLabel(r.value().kind).toLower(), recordKindLabel(*kind).toLower())};
        return r.value().id;
    }
    Result<QVector<qint64>> ids = m_records->idsByName(text, kind);
    if (ids && ids.value().isEmpty() && text.contains(u'@')) {
        const qsizetype at = text.lastIndexOf(u'@');
        const QString version = text.mid(at + 1);
        ids = m_records->idsByName(text.left(at), kind, &version);
    }
    if (!ids)
        return ids.error();
    if (ids.value().isEmpty() && kind) {
        // Say so when the name exists, but as another kind: "Corpus is a dataset, not a supplier".
        Result<Record> other = Error{ErrorCode::NotFound, {}};
        if (Result<QVector<qint64>> any = m_records->idsByName(text, std::nullopt); any && any.value().size() == 1)
            other = m_records->get(any.value().constFirst());
        if (other)
            return Error{ErrorCode::InvalidInput, tr("\"%1\" is a %2, not a %3.")
                                                      .arg(text, recordKindLabel(other.value().kind).toLower(),
                                                           recordKindLabel(*kind).toLower())};
    }
    if (ids.value().isEmpty())
        return Error{ErrorCode::NotFound, tr("No record has the id or name \"%1\"; \"strata-cli list --search\" "
                                             "finds records by part of their name.")
                                              .arg(text)};
    if (ids.value().size() > 1) {
        QStringList list;
        for (qint64 id : ids.value())
            list << QString::number(id);
        return Error{ErrorCode::InvalidInput, tr("\"%1\" names %2 records (ids %3); use an id or NAME@VERSION.")
                                                  .arg(text)
                                                  .arg(ids.value().size())
                                                  .arg(list.join(u", "_s))};
    }
    return ids.value().constFirst();
}

Result<qint64> Workspace::createRecord(const Record &record)
{
    if (record.id != 0)
        return Error{ErrorCode::InvalidInput, tr("A new record must not have an id yet.")};
    if (Status s = fields::validate(record); !s)
        return s.error();
    Record stored = record;
    stored.tags = fields::normalizeTags(record.tags);
    stored.createdAt = stored.updatedAt = QDateTime::currentDateTimeUtc();
    stored.createdBy = stored.updatedBy = m_actor;
    stored.manualFields.clear();
    for (const FieldSpec &spec : fields::allFields(stored.kind)) {
        if (!fields::fieldText(stored, spec.key).isEmpty())
            stored.manualFields << spec.key;
    }
    qint64 id = 0;
    const Status s = inTransaction([&]() -> Status {
        Result<qint64> inserted = m_records->insert(stored);
        if (!inserted)
            return inserted.error();
        id = inserted.value();
        noteKind(stored.kind);
        return recordAudit(u"record.create"_s, u"record"_s, id, {}, audit_json::record(stored));
    });
    if (!s)
        return s.error();
    return id;
}

Result<qint64> Workspace::duplicateRecord(qint64 id)
{
    Result<RecordSnapshot> original = snapshot(id);
    if (!original)
        return original.error();
    Record copy = original.value().record;
    copy.id = 0;
    copy.placeholder = false;
    qint64 newId = 0;
    const auto copyParts = [&]() -> Status {
        // One audit entry for the copy as a whole, not one for the record and one per relation it copies.
        const QScopedValueRollback<int> quiet(m_auditMuted, m_auditMuted + 1);
        for (int n = 1;; ++n) {
            copy.name = n == 1 ? tr("%1 (copy)").arg(original.value().record.name)
                               : tr("%1 (copy %2)").arg(original.value().record.name).arg(n);
            copy.name.truncate(fields::kNameMax);
            Result<QVector<qint64>> taken = m_records->idsByName(copy.name, copy.kind, &copy.version);
            if (!taken)
                return taken.error();
            if (taken.value().isEmpty())
                break;
        }
        Result<qint64> created = createRecord(copy);
        if (!created)
            return created.error();
        newId = created.value();
        for (const RelatedRecord &r : original.value().relations) {
            if (!r.outgoing)
                continue;
            Result<Relation> linked = link(newId, r.relation.type, r.otherId, r.relation.subtype);
            if (!linked)
                return linked.error();
        }
        return Ok{};
    };
    const Status s = inTransaction([&]() -> Status {
        if (Status copied = copyParts(); !copied)
            return copied;
        QJsonObject after = audit_json::record(copy);
        after.insert(u"copyOf"_s, id);
        return recordAudit(u"record.duplicate"_s, u"record"_s, newId, {}, after);
    });
    if (!s)
        return s.error();
    return newId;
}

Status Workspace::updateRecord(const Record &record)
{
    if (Status s = fields::validate(record); !s)
        return s;
    return inTransaction([&]() -> Status {
        Result<Record> existing = m_records->get(record.id);
        if (!existing)
            return existing.error();
        if (existing.value().kind != record.kind)
            return Error{ErrorCode::InvalidInput,
                         tr("The kind of a record cannot change (record %1 is a %2); create a new record instead.")
                             .arg(record.id)
                             .arg(recordKindLabel(existing.value().kind).toLower())};
        Record stored = record;
        stored.tags = fields::normalizeTags(record.tags);
        stored.createdAt = existing.value().createdAt;
        stored.createdBy = existing.value().createdBy;
        stored.updatedAt = QDateTime::currentDateTimeUtc();
        stored.updatedBy = m_actor;
        // A person changed these: a re-import must not undo their work.
        stored.manualFields = existing.value().manualFields;
        for (const FieldSpec &spec : fields::allFields(stored.kind)) {
            if (fields::fieldText(stored, spec.key) != fields::fieldText(existing.value(), spec.key) &&
                !stored.manualFields.contains(spec.key))
                stored.manualFields << spec.key;
        }
        stored.manualFields.sort();
        if (Status s = m_records->update(stored); !s)
            return s;
        const auto [before, after] = audit_json::recordChanges(existing.value(), stored);
        if (Status s = recordAudit(u"record.update"_s, u"record"_s, stored.id, before, after); !s)
            return s;
        noteIndexStale(stored.id);
        if (stored.kind == RecordKind::Supplier && stored.name != existing.value().name) {
            // Records show and search by their supplier's name: re-index them too.
            Result<QVector<qint64>> provided = m_relations->providedBy(stored.id);
            if (!provided)
                return provided.error();
            for (qint64 id : provided.value())
                noteIndexStale(id);
            for (RecordKind kind : allRecordKinds())
                noteKind(kind);
        }
        noteKind(stored.kind);
        noteRecord(stored.id);
        return Ok{};
    });
}

Result<RecordSnapshot> Workspace::removeRecord(qint64 id)
{
    Result<RecordSnapshot> removed = snapshot(id);
    if (!removed)
        return removed.error();
    const Status s = inTransaction([&]() -> Status {
        Result<QVector<qint64>> provided = m_relations->providedBy(id);
        if (!provided)
            return provided.error();
        if (Status s = m_records->remove(id); !s)
            return s;
        for (qint64 other : provided.value())
            noteIndexStale(other);
        noteKind(removed.value().record.kind);
        for (const RelatedRecord &r : removed.value().relations) {
            noteRecord(r.otherId);
            noteKind(r.otherKind);
        }
        QJsonObject before = audit_json::record(removed.value().record);
        before.insert(u"relations"_s, static_cast<int>(removed.value().relations.size()));
        before.insert(u"artifacts"_s, static_cast<int>(removed.value().artifacts.size()));
        return recordAudit(u"record.remove"_s, u"record"_s, id, before, {});
    });
    if (!s)
        return s.error();
    return removed;
}

Status Workspace::restoreRecord(const RecordSnapshot &snapshot)
{
    if (snapshot.record.id <= 0)
        return Error{ErrorCode::InvalidInput, tr("Only a record that was removed can be restored.")};
    if (Status s = fields::validate(snapshot.record); !s)
        return s;
    return inTransaction([&]() -> Status {
        Result<qint64> inserted = m_records->insert(snapshot.record);
        if (!inserted)
            return inserted.error();
        for (const RelatedRecord &r : snapshot.relations) {
            Result<Relation> stored = m_relations->insert(r.relation);
            if (!stored)
                return Error{stored.error().code,
                             tr("\"%1\" cannot be restored because its relation to record %2 cannot: %3")
                                 .arg(snapshot.record.name)
                                 .arg(r.otherId)
                                 .arg(stored.error().message)};
            if (r.relation.type == RelationType::ProvidedBy)
                noteIndexStale(r.relation.fromId); // rare (undo): read back from the tables
            noteRecord(r.otherId);
            noteKind(r.otherKind);
        }
        for (const Artifact &a : snapshot.artifacts) {
            if (Result<Artifact> stored = m_artifacts->insert(a); !stored)
                return stored.error();
        }
        noteKind(snapshot.record.kind);
        noteRecord(snapshot.record.id);
        QJsonObject after = audit_json::record(snapshot.record);
        after.insert(u"relations"_s, static_cast<int>(snapshot.relations.size()));
        after.insert(u"artifacts"_s, static_cast<int>(snapshot.artifacts.size()));
        return recordAudit(u"record.restore"_s, u"record"_s, snapshot.record.id, {}, after);
    });
}

} // namespace strata
