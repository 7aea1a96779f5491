// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace strata {

/// The typed edges of the supply-chain graph. "from TYPE to": a fine-tune is derived_from its base.
enum class RelationType { DerivedFrom, TrainedOn, EvaluatedOn, ProvidedBy, DependsOn, HostedOn };

QList<RelationType> allRelationTypes();
QString relationTypeKey(RelationType type); ///< "derived_from"
std::optional<RelationType> relationTypeFromKey(const QString &key);
QString relationTypeLabel(RelationType type); ///< translated, "derived from"
/// Sub-kinds a derived_from relation may carry ("finetune", "quantized", ...); other types take none.
QStringList derivationKinds();
QString derivationKindLabel(const QString &key);
/// Whether a relation of this type may go from a record of kind `from` to one of kind `to`.
bool relationAllowed(RelationType type, RecordKind from, RecordKind to);

/// A typed edge between two records.
struct Relation
{
    qint64 id = 0;
    qint64 fromId = 0;
    RelationType type = RelationType::DependsOn;
    qint64 toId = 0;
    QString subtype;     ///< derivation kind for derived_from, empty otherwise
    QString source;      ///< who or what made it: "user:alice", "import:bom.json"
    qint64 importId = 0; ///< the import that stated it, 0 when a person made it
    QDateTime createdAt;
    QString createdBy;
};

/// A relation seen from one record, with the name of the record at the other end.
struct RelatedRecord
{
    Relation relation;
    bool outgoing = true; ///< true when the viewed record is relation.fromId
    qint64 otherId = 0;
    RecordKind otherKind = RecordKind::Model;
    QString otherName;
    QString otherVersion;
};

/// Everything that belongs to one record: what `show` prints, what delete removes and undo restores.
struct RecordSnapshot
{
    Record record;
    QList<RelatedRecord> relations;
    QList<Artifact> artifacts;
};

} // namespace strata
