// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "workspace/ImportApplier.h"

#include "domain/Fields.h"
#include "storage/ArtifactRepository.h"
#include "storage/ConnectionControls.h"
#include "storage/ProvenanceRepository.h"
#include "storage/RecordRepository.h"
#include "storage/RelationRepository.h"
#include "util/CrashPoint.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr qsizetype kSearchRowsAtOnce = 4096;
/// SQLite's page cache while an import writes, in KiB. The connection's usual 32 MiB is twice the size of a
/// 50,000-component BOM, whose import must peak within 4 times the file (issue 3; tests/bench/README.md, session 7).
constexpr int kImportCacheKiB = 4096;

} // namespace

ImportApplier::ImportApplier(Workspace &workspace)
    : m_ws(workspace)
{
}

QString ImportApplier::nameKey(RecordKind kind, const QString &name, const QString &version)
{
    return u"%1|%2|%3"_s.arg(recordKindKey(kind), name.toCaseFolded(), version.toCaseFolded());
}

Status ImportApplier::loadIndex()
{
    Result<QList<RecordKey>> keys = m_ws.m_records->keys();
    if (!keys)
        return keys.error();
    for (const RecordKey &k : keys.value()) {
        m_kinds.insert(k.id, k.kind);
        m_byName.insert(nameKey(k.kind, k.name, k.version), k.id);
        if (!k.purl.isEmpty())
            m_byPurl.insert(recordKindKey(k.kind) + u'|' + k.purl, k.id);
        Record r;
        r.kind = k.kind;
        r.name = k.name;
        r.purl = k.purl;
        bool qualified = false;
        const QString hub = hubName(r, &qualified);
        if (!hub.isEmpty())
            (qualified ? m_qualifiedHubNames : m_bareHubNames).insert(recordKindKey(k.kind) + u'|' + hub, k.id);
    }
    Result<QHash<QString, qint64>> refs = m_ws.m_provenance->recordsByExternalRef();
    if (!refs)
        return refs.error();
    m_byExternalRef = refs.value();
    return Ok{};
}

qint64 ImportApplier::findExisting(const ImportedRecord &imported) const
{
    const Record &r = imported.record;
    if (!r.purl.isEmpty()) {
        if (const qint64 id = m_byPurl.value(recordKindKey(r.kind) + u'|' + r.purl))
            return id;
    }
    if (const qint64 id = m_byName.value(nameKey(r.kind, r.name, r.version)))
        return id;
    // Short refs ("1", "component-a") mean different things in different documents: only distinctive ones
    // (URNs, URLs, Hub ids, generated keys) identify a record across imports.
    const bool distinctive = imported.ref.size() >= 8 || imported.ref.contains(u':') || imported.ref.contains(u'/');
    if (distinctive) {
        const qint64 id = m_byExternalRef.value(imported.ref);
        if (id != 0 && m_kinds.value(id) == r.kind)
            return id;
    }
    return 0;
}

QString ImportApplier::hubName(const Record &record, bool *qualified)
{
    // "org/name" from a Hugging Face purl or name, or a bare name that could be a repository's.
    static const QString prefix = u"pkg:huggingface/"_s;
    QString id = record.purl.startsWith(prefix) ? record.purl.mid(prefix.size()).section(u'@', 0, 0) : QString();
    if (id.isEmpty() && record.name.count(u'/') == 1 && !record.name.contains(u' '))
        id = record.name;
    if (!id.isEmpty()) {
        *qualified = true;
        return id.section(u'/', 1).toCaseFolded();
    }
    *qualified = false;
    if (!record.purl.isEmpty() || record.name.contains(u'/') || record.name.contains(u' '))
        return {};
    return record.name.toCaseFolded();
}

qint64 ImportApplier::findByHubName(const ImportedRecord &imported) const
{
    // Hugging Face cards often omit their own org: the card "acme-support-7b" and the reference
    // "acme-labs/acme-support-7b" name one repository. Match only when exactly one candidate exists.
    if (!m_hubCards)
        return 0;
    bool qualified = false;
    const QString name = hubName(imported.record, &qualified);
    if (name.isEmpty())
        return 0;
    const QList<qint64> candidates =
        (qualified ? m_bareHubNames : m_qualifiedHubNames).values(recordKindKey(imported.record.kind) + u'|' + name);
    return candidates.size() == 1 ? candidates.constFirst() : 0;
}

int ImportApplier::resolved(int index) const
{
    while (index >= 0 && m_records.at(index).action == Action::Alias)
        index = m_records.at(index).aliasOf;
    return index;
}

Status ImportApplier::planRecord(const ImportedRecord &imported,
                                 const ImportOptions &options,
                                 PlannedRecord &plan,
                                 Change &change)
{
    const Record &doc = imported.record;
    QList<Artifact> artifacts = imported.artifacts;
    QStringList stated = imported.statedFields;
    for (Artifact &a : artifacts) {
        if (Status s = fields::normalizeArtifact(a); !s)
            return Error{ErrorCode::InvalidInput,
                         tr("%1 (%2): %3").arg(m_summary.fileName, imported.location, s.error().message)};
    }
    if (!artifacts.isEmpty() && doc.kind != RecordKind::Model && doc.kind != RecordKind::Dataset)
        return Error{ErrorCode::InvalidInput,
                     tr("%1 (%2): files with digests are recorded for models and datasets; \"%3\" is a %4.")
                         .arg(m_summary.fileName, imported.location, doc.name, recordKindLabel(doc.kind).toLower())};
    plan.existingId = findExisting(imported);
    if (plan.existingId == 0) {
        plan.existingId = findByHubName(imported);
        change.matchedByHubName = plan.existingId != 0;
    }
    if (plan.existingId == 0) {
        plan.action = Action::Add;
        // merged stays empty: what is stored is the document's record, not a copy of it.
        change.newArtifacts = artifacts;
        change.changedExtras = imported.extras;
        return Ok{};
    }

    Result<Record> existing = m_ws.m_records->get(plan.existingId);
    if (!existing)
        return existing.error();
    change.merged = std::make_shared<Record>(std::move(existing).value());
    if (change.matchedByHubName) {
        m_summary.notes << tr("Took \"%1\" to be \"%2\", the only record with that repository name; check that they "
                              "are the same.")
                               .arg(doc.name, change.merged->name);
        stated.removeAll(u"name"_s); // keep the org-qualified name and its purl
        stated.removeAll(u"purl"_s);
    }
    // A bare reference (a placeholder) says nothing about a record we already have.
    if (!doc.placeholder) {
        for (const QString &key : std::as_const(stated)) {
            const QString wanted = fields::fieldText(doc, key);
            if (wanted == fields::fieldText(*change.merged, key))
                continue;
            if (change.merged->manualFields.contains(key) && !options.preferImport) {
                m_summary.notes << tr("%1: kept the hand-typed %2 \"%3\" (the file says \"%4\").")
                                       .arg(change.merged->name, fields::label(key),
                                            fields::fieldText(*change.merged, key), wanted);
                continue;
            }
            if (key == u"certifications"_s)
                fields::setCertifications(*change.merged, fields::certifications(doc));
            else if (Status s = fields::setField(*change.merged, key, wanted); !s)
                return s;
            change.merged->manualFields.removeAll(key);
            plan.action = Action::Update;
        }
        if (change.merged->placeholder) {
            change.merged->placeholder = false; // now described by a document: no longer just a reference
            plan.action = Action::Update;
        }
    }

    Result<QList<Artifact>> stored = m_ws.m_artifacts->forRecord(plan.existingId);
    if (!stored)
        return stored.error();
    for (const Artifact &a : std::as_const(artifacts)) {
        const auto same = std::find_if(stored.value().cbegin(), stored.value().cend(),
                                       [&a](const Artifact &e) { return e.fileName == a.fileName; });
        if (same == stored.value().cend()) {
            change.newArtifacts << a;
        } else if (same->digest != a.digest || same->algorithm != a.algorithm) {
            Artifact changed = a;
            changed.id = same->id;
            change.changedArtifacts << changed;
            m_summary.notes << tr("%1: the %2 digest of %3 changed from %4 to %5.")
                                   .arg(change.merged->name, a.algorithm, a.fileName, same->digest, a.digest);
        }
    }
    if (!change.newArtifacts.isEmpty() || !change.changedArtifacts.isEmpty())
        plan.action = Action::Update;

    Result<QJsonObject> extras = m_ws.m_provenance->extras(plan.existingId);
    if (!extras)
        return extras.error();
    for (auto it = imported.extras.begin(); it != imported.extras.end(); ++it) {
        if (extras.value().value(it.key()) != it.value()) {
            change.changedExtras.insert(it.key(), it.value());
            plan.action = Action::Update;
        }
    }
    if (plan.action != Action::Update)
        plan.action = Action::Unchanged;
    return Ok{};
}

Status ImportApplier::step()
{
    // Every 256 rows: often enough for a smooth progress bar, rarely enough to cost nothing.
    if (!m_options->progress || ++m_done % 256 != 0)
        return Ok{};
    m_ws.m_importing = true; // the callback may run the event loop: nothing else may write meanwhile
    const bool goOn = m_options->progress(m_done, m_total);
    m_ws.m_importing = false;
    if (goOn)
        return Ok{};
    return Error{ErrorCode::Cancelled,
                 tr("The import of %1 was cancelled; nothing was changed.").arg(m_summary.fileName)};
}

Status ImportApplier::applyRecord(const ImportedRecord &imported, const ImportOptions &options)
{
    const int index = static_cast<int>(m_records.size());
    PlannedRecord plan;
    plan.kind = imported.record.kind;
    m_refIndex.insert(imported.ref, index);
    const QString key =
        nameKey(imported.record.kind, imported.record.name.trimmed(), imported.record.version.trimmed());
    const auto earlier = m_docNames.constFind(key);
    if (earlier != m_docNames.cend()) {
        // The same record described twice in one document (a dataset listed under two models, say).
        plan.action = Action::Alias;
        plan.aliasOf = earlier.value();
        m_records << plan;
        return Ok{};
    }
    m_docNames.insert(key, index);
    Change change;
    if (Status s = planRecord(imported, options, plan, change); !s)
        return s;
    // Readers validate; this guards the workspace against a reader that let something through.
    if (Status s = fields::validate(change.merged ? *change.merged : imported.record); !s)
        return Error{ErrorCode::InvalidInput,
                     tr("%1 (%2): %3").arg(m_summary.fileName, imported.location, s.error().message)};
    if (change.merged)
        plan.kind = change.merged->kind;
    // Only a supplier's name is needed again (for its records' search rows); any other is read back for a note.
    if (plan.kind == RecordKind::Supplier)
        plan.name = change.merged ? change.merged->name : imported.record.name;
    switch (plan.action) {
    case Action::Add:
        ++m_summary.added;
        if (imported.record.placeholder)
            ++m_summary.placeholders;
        break;
    case Action::Update:
        ++m_summary.updated;
        break;
    case Action::Unchanged:
        ++m_summary.unchanged;
        break;
    case Action::Alias:
        break;
    }
    if (Status s = writeRecord(imported, plan, change); !s)
        return s;
    m_records << plan;
    // The search rows of new records wait in memory for the commit; written every few thousand records instead,
    // a large import does not hold them all. A record that later gets a supplier is indexed again at the commit.
    if (m_records.size() % kSearchRowsAtOnce == 0) {
        if (Status s = m_ws.m_records->writeSearch({}); !s)
            return s;
    }
    return step();
}

Status ImportApplier::writeRecord(const ImportedRecord &imported, PlannedRecord &plan, const Change &change)
{
    if (plan.action == Action::Add) {
        Record r = imported.record;
        r.id = 0;
        r.manualFields.clear();
        r.createdAt = r.updatedAt = m_now;
        r.createdBy = r.updatedBy = m_ws.m_actor;
        Result<qint64> id = m_ws.m_records->insert(r);
        if (!id)
            return Error{id.error().code,
                         tr("%1 (%2): %3").arg(m_summary.fileName, imported.location, id.error().message)};
        plan.finalId = id.value();
        m_addedIds.append(plan.finalId);
    } else {
        plan.finalId = plan.existingId;
        if (plan.action == Action::Update) {
            change.merged->updatedAt = m_now;
            change.merged->updatedBy = m_ws.m_actor;
            if (Status s = m_ws.m_records->update(*change.merged); !s)
                return s;
            m_ws.noteIndexStale(plan.finalId);
            m_updatedIds.append(plan.finalId);
        }
    }
    for (Artifact a : std::as_const(change.newArtifacts)) {
        a.id = 0;
        a.recordId = plan.finalId;
        if (Result<Artifact> stored = m_ws.m_artifacts->insert(a); !stored)
            return stored.error();
    }
    for (Artifact a : std::as_const(change.changedArtifacts)) {
        if (Status s = m_ws.m_artifacts->remove(a.id); !s)
            return s;
        a.recordId = plan.finalId;
        if (Result<Artifact> stored = m_ws.m_artifacts->insert(a); !stored)
            return stored.error();
    }
    for (auto it = change.changedExtras.begin(); it != change.changedExtras.end(); ++it) {
        if (Status s = m_ws.m_provenance->setExtra(plan.finalId, it.key(), it.value(), m_importId); !s)
            return s;
    }
    if (Status s = m_ws.m_provenance->addOrigin(plan.finalId, m_importId, imported.ref); !s)
        return s;
    if (plan.action != Action::Unchanged) {
        m_ws.noteKind(plan.kind);
        m_ws.noteRecord(plan.finalId);
    }
    return Ok{};
}

QString ImportApplier::nameOf(int index) const
{
    const PlannedRecord &p = m_records.at(index);
    if (!p.name.isEmpty() || p.finalId == 0)
        return p.name;
    const Result<Record> stored = m_ws.m_records->get(p.finalId);
    return stored ? stored.value().name : QString();
}

Status ImportApplier::planRelations(const ImportDocument &document)
{
    QSet<QPair<qint64, qint64>> seen;
    for (const ImportedRelation &r : document.relations) {
        const int from = resolved(m_refIndex.value(r.fromRef, -1));
        const int to = resolved(m_refIndex.value(r.toRef, -1));
        const auto skip = [this, &r, from, to](const QString &why) {
            ++m_summary.relationsSkipped;
            // Name records as people know them; fall back to the document's ids when a ref did not resolve.
            const QString fromName = from >= 0 ? nameOf(from) : r.fromRef;
            const QString toName = to >= 0 ? nameOf(to) : r.toRef;
            m_summary.notes << tr("Skipped \"%1\" %2 \"%3\" (%4): %5")
                                   .arg(fromName, relationTypeLabel(r.type), toName, r.location, why);
        };
        if (from < 0 || to < 0) {
            skip(tr("it names a record the document does not describe."));
            continue;
        }
        if (from == to) {
            skip(tr("a record cannot be related to itself."));
            continue;
        }
        const RecordKind fromKind = m_records.at(from).kind;
        const RecordKind toKind = m_records.at(to).kind;
        if (!relationAllowed(r.type, fromKind, toKind)) {
            skip(tr("a %1 cannot be \"%2\" a %3.")
                     .arg(recordKindLabel(fromKind).toLower(), relationTypeLabel(r.type),
                          recordKindLabel(toKind).toLower()));
            continue;
        }
        if (r.type == RelationType::DerivedFrom && !r.subtype.isEmpty() && !derivationKinds().contains(r.subtype)) {
            skip(tr("\"%1\" is not a kind of derivation.").arg(r.subtype));
            continue;
        }
        // Key by the record each end will be: two document records can match one existing record.
        const auto identity = [this](int index) -> qint64 {
            const qint64 existing = m_records.at(index).existingId;
            return existing != 0 ? existing * 2 + 1 : qint64(index) * 2;
        };
        const QPair<qint64, qint64> docKey{identity(from) * 64 + static_cast<int>(r.type), identity(to)};
        if (seen.contains(docKey))
            continue; // stated twice in the document: one edge
        seen.insert(docKey);
        const qint64 fromId = m_records.at(from).existingId;
        const qint64 toId = m_records.at(to).existingId;
        if (fromId != 0 && toId != 0) {
            if (!m_relationKeysLoaded) {
                Result<QSet<QString>> keys = m_ws.m_relations->allKeys();
                if (!keys)
                    return keys.error();
                m_relationKeys = keys.value();
                m_relationKeysLoaded = true;
            }
            if (m_relationKeys.contains(RelationRepository::key(fromId, r.type, toId))) {
                ++m_summary.relationsUnchanged;
                continue;
            }
        }
        m_relations << PlannedRelation{from, to, &r};
    }
    return Ok{};
}

Status ImportApplier::writeRelations(const ImportDocument &document)
{
    const QString relationSource = u"import:%1"_s.arg(document.fileName);
    for (const PlannedRelation &pr : std::as_const(m_relations)) {
        Relation r;
        r.fromId = m_records.at(pr.from).finalId;
        r.toId = m_records.at(pr.to).finalId;
        r.type = pr.source->type;
        r.subtype = pr.source->type == RelationType::DerivedFrom ? pr.source->subtype : QString();
        r.source = relationSource;
        r.importId = m_importId;
        r.createdAt = m_now;
        r.createdBy = m_ws.m_actor;
        if (Result<Relation> stored = m_ws.m_relations->insert(r); !stored)
            return Error{stored.error().code,
                         tr("%1 (%2): %3").arg(document.fileName, pr.source->location, stored.error().message)};
        if (r.type == RelationType::ProvidedBy && !m_ws.m_records->addPendingSupplier(r.fromId, nameOf(pr.to)))
            m_ws.noteIndexStale(r.fromId);
        m_ws.noteRecord(r.fromId);
        m_ws.noteRecord(r.toId);
        m_ws.noteKind(m_records.at(pr.from).kind);
        if (Status s = step(); !s)
            return s;
    }
    return Ok{};
}

Result<ImportSummary> ImportApplier::apply(const ImportDocument &document, const ImportOptions &options)
{
    m_options = &options;
    m_summary.fileName = document.fileName;
    m_summary.format = document.format;
    m_summary.specVersion = document.specVersion;
    m_hubCards = document.format == u"hf-card"_s;
    if (Status s = m_ws.writable(); !s)
        return s.error();
    if (Status s = loadIndex(); !s)
        return s.error();
    crashPoint("import.validated");
    const Status written = write(document, options);
    if (!written && !m_unchanged)
        return written.error();
    if (m_unchanged)
        m_summary.importId = 0; // rolled back: re-importing the same file changes nothing, not even the import log
    m_summary.notes << document.warnings;
    return m_summary;
}

void ImportApplier::releasePlan()
{
    // Everything written: the search rows and the commit that follow are the import's peak of memory, so the plan
    // and its lookups go first.
    m_records = {};
    m_relations = {};
    m_refIndex = {};
    m_docNames = {};
    m_byPurl = {};
    m_byName = {};
    m_byExternalRef = {};
    m_qualifiedHubNames = {};
    m_bareHubNames = {};
    m_kinds = {};
    m_relationKeys = {};
}

Status ImportApplier::write(const ImportDocument &document, const ImportOptions &options)
{
    m_total = static_cast<int>(document.recordCount() + document.relations.size());
    m_records.reserve(document.recordCount());
    const CrashScope crashScope("import");
    // Inside another operation's transaction (a bundle merge), an import that changes nothing cannot roll the
    // transaction back: a savepoint takes back its import row and origins instead.
    const bool nested = m_ws.m_depth > 0;
    const QString what = tr("Recording the import of %1").arg(m_summary.fileName);
    const auto step = [&](connection::SavepointStep at) {
        return connection::savepoint(*m_ws.m_db, at, u"strata_import"_s, what);
    };
    // A smaller page cache while the import writes (not inside another operation's transaction, which set its own).
    qint64 cacheSize = 0;
    if (!nested) {
        cacheSize = connection::cacheSize(*m_ws.m_db);
        if (cacheSize != 0 && !connection::setCacheSize(*m_ws.m_db, -kImportCacheKiB))
            cacheSize = 0;
    }
    const auto restoreCache = qScopeGuard([&] {
        if (cacheSize != 0)
            connection::setCacheSize(*m_ws.m_db, cacheSize);
    });
    return m_ws.inTransaction([&]() -> Status {
        if (nested) {
            if (Status s = step(connection::SavepointStep::Begin); !s)
                return s;
        }
        m_now = QDateTime::currentDateTimeUtc();
        ImportSource source;
        source.fileName = document.fileName;
        source.sha256 = document.sha256;
        source.format = document.format;
        source.specVersion = document.specVersion;
        source.importedAt = m_now;
        source.importedBy = m_ws.m_actor;
        // The counts are known once every record is written; the row comes first because every origin, kept
        // structure and relation names it.
        Result<qint64> importId = m_ws.m_provenance->insertImport(source, QString());
        if (!importId)
            return importId.error();
        m_importId = importId.value();
        m_summary.importId = m_importId;
        if (Status s =
                document.forEachRecord([&](const ImportedRecord &imported) { return applyRecord(imported, options); });
            !s)
            return s;
        if (Status s = planRelations(document); !s)
            return s;
        m_summary.relationsAdded = static_cast<int>(m_relations.size());
        if (!m_summary.changedAnything()) {
            m_unchanged = true;
            if (!nested)
                return Error{ErrorCode::Cancelled, {}}; // rolls back the import row and the origins it recorded again
            if (Status s = step(connection::SavepointStep::RollBack); !s)
                return s;
            return step(connection::SavepointStep::Release);
        }
        if (nested) {
            if (Status s = step(connection::SavepointStep::Release); !s)
                return s;
        }
        if (Status s = writeRelations(document); !s)
            return s;
        const QString summary = tr("%1 added, %2 updated, %3 unchanged; %4 relations added")
                                    .arg(m_summary.added)
                                    .arg(m_summary.updated)
                                    .arg(m_summary.unchanged)
                                    .arg(m_summary.relationsAdded);
        if (Status s = m_ws.m_provenance->setImportSummary(m_importId, document.fileName, summary); !s)
            return s;
        releasePlan();
        // One audit entry for the whole import, naming the document and the records it added or updated: an entry
        // per row would add a hashed insert per record, too slow for 50,000-record documents, and the provenance
        // tables already say which import stated which value.
        return m_ws.recordAudit(u"import"_s, u"import"_s, m_importId, {},
                                QJsonObject{{u"file"_s, document.fileName},
                                            {u"sha256"_s, document.sha256},
                                            {u"format"_s, document.format},
                                            {u"added"_s, std::exchange(m_addedIds, {})},
                                            {u"updated"_s, std::exchange(m_updatedIds, {})},
                                            {u"unchanged"_s, m_summary.unchanged},
                                            {u"relationsAdded"_s, m_summary.relationsAdded}});
    });
}

} // namespace strata
