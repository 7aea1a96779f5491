// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// Workspace: relations between records and the artifacts of a record (the rest is in Workspace.cpp).
#include "audit/AuditJson.h"
#include "domain/Fields.h"
#include "storage/ArtifactRepository.h"
#include "storage/RecordRepository.h"
#include "storage/RelationRepository.h"
#include "workspace/Workspace.h"

using namespace Qt::Literals::StringLiterals;

namespace strata {

Status Workspace::checkRelation(const Relation &relation, RecordKind *fromKindOut, QString *toName) const
{
    if (relation.fromId == relation.toId)
        return Error{
            ErrorCode::InvalidInput,
            tr("A record cannot be related to itself (record %1); pick two different records.").arg(relation.fromId)};
    Result<RecordKey> from = m_records->key(relation.fromId);
    if (!from)
        return from.error();
    Result<RecordKey> to = m_records->key(relation.toId);
    if (!to)
        return to.error();
    const RecordKind fromKind = from.value().kind;
    const RecordKind toKind = to.value().kind;
    if (fromKindOut)
        *fromKindOut = fromKind;
    if (toName)
        *toName = to.value().name;
    if (!relationAllowed(relation.type, fromKind, toKind))
        return Error{ErrorCode::InvalidInput,
                     tr("A %1 cannot be \"%2\" a %3 (%4 → %5). Check the direction: FROM %6 TO.")
                         .arg(recordKindLabel(fromKind).toLower(), relationTypeLabel(relation.type),
                              recordKindLabel(toKind).toLower(), from.value().name, to.value().name,
                              relationTypeKey(relation.type))};
    if (relation.type == RelationType::DerivedFrom) {
        if (!relation.subtype.isEmpty() && !derivationKinds().contains(relation.subtype))
            return Error{ErrorCode::InvalidInput, tr("\"%1\" is not a kind of derivation; use one of: %2.")
                                                      .arg(relation.subtype, derivationKinds().join(u", "_s))};
    } else if (!relation.subtype.isEmpty()) {
        return Error{
            ErrorCode::InvalidInput,
            tr("Only derived_from relations take a kind; \"%1\" has none.").arg(relationTypeKey(relation.type))};
    }
    return Ok{};
}

Result<Relation> Workspace::link(qint64 fromId, RelationType type, qint64 toId, const QString &subtype)
{
    Relation relation;
    relation.fromId = fromId;
    relation.type = type;
    relation.toId = toId;
    relation.subtype = subtype.trimmed().toLower();
    relation.createdAt = QDateTime::currentDateTimeUtc();
    relation.createdBy = m_actor;
    relation.source = u"user:%1"_s.arg(m_actor);
    return insertRelation(relation);
}

Status Workspace::restoreRelation(const Relation &relation)
{
    Result<Relation> stored = insertRelation(relation);
    if (!stored)
        return stored.error();
    return Ok{};
}

Result<Relation> Workspace::insertRelation(const Relation &relation)
{
    RecordKind fromKind = RecordKind::Model;
    QString supplierName;
    if (Status s = checkRelation(relation, &fromKind, &supplierName); !s)
        return s.error();
    Relation stored;
    const Status s = inTransaction([&]() -> Status {
        Result<Relation> inserted = m_relations->insert(relation);
        if (!inserted)
            return inserted.error();
        stored = inserted.value();
        if (relation.type == RelationType::ProvidedBy) {
            // Records are found by their supplier's name: index it with this one.
            if (!m_records->addPendingSupplier(relation.fromId, supplierName))
                noteIndexStale(relation.fromId);
            noteKind(fromKind);
        }
        noteRecord(relation.fromId);
        noteRecord(relation.toId);
        return recordAudit(u"relation.link"_s, u"relation"_s, stored.id, {}, audit_json::relation(stored));
    });
    if (!s)
        return s.error();
    return stored;
}

Result<Relation> Workspace::unlink(qint64 fromId, RelationType type, qint64 toId)
{
    Result<Relation> existing = m_relations->find(fromId, type, toId);
    if (!existing)
        return existing.error();
    return removeRelation(existing.value().id);
}

Result<Relation> Workspace::removeRelation(qint64 relationId)
{
    Result<Relation> existing = m_relations->get(relationId);
    if (!existing)
        return existing.error();
    const Relation relation = existing.value();
    const Status s = inTransaction([&]() -> Status {
        if (Status s = m_relations->remove(relationId); !s)
            return s;
        if (relation.type == RelationType::ProvidedBy) {
            noteIndexStale(relation.fromId);
            if (Result<Record> from = m_records->get(relation.fromId))
                noteKind(from.value().kind);
        }
        noteRecord(relation.fromId);
        noteRecord(relation.toId);
        return recordAudit(u"relation.unlink"_s, u"relation"_s, relationId, audit_json::relation(relation), {});
    });
    if (!s)
        return s.error();
    return relation;
}

Result<Artifact> Workspace::addArtifact(const Artifact &artifact)
{
    Result<Record> owner = m_records->get(artifact.recordId);
    if (!owner)
        return owner.error();
    if (owner.value().kind != RecordKind::Model && owner.value().kind != RecordKind::Dataset)
        return Error{ErrorCode::InvalidInput,
                     tr("Files with digests are recorded for models and datasets; \"%1\" "
                        "is a %2.")
                         .arg(owner.value().name, recordKindLabel(owner.value().kind).toLower())};
    Artifact a = artifact;
    if (Status s = fields::normalizeArtifact(a); !s)
        return s.error();
    Artifact stored;
    const Status s = inTransaction([&]() -> Status {
        Result<Artifact> inserted = m_artifacts->insert(a);
        if (!inserted)
            return inserted.error();
        stored = inserted.value();
        noteRecord(a.recordId);
        return recordAudit(u"artifact.add"_s, u"artifact"_s, stored.id, {}, audit_json::artifact(stored));
    });
    if (!s)
        return s.error();
    return stored;
}

Result<Artifact> Workspace::removeArtifact(qint64 artifactId)
{
    Result<Artifact> existing = m_artifacts->get(artifactId);
    if (!existing)
        return existing.error();
    const Status s = inTransaction([&]() -> Status {
        if (Status s = m_artifacts->remove(artifactId); !s)
            return s;
        noteRecord(existing.value().recordId);
        return recordAudit(u"artifact.remove"_s, u"artifact"_s, artifactId, audit_json::artifact(existing.value()), {});
    });
    if (!s)
        return s.error();
    return existing;
}

} // namespace strata
