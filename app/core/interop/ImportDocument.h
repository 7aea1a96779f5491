// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"
#include "domain/Relation.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

/// One record as a document describes it, before it is matched against the workspace.
struct ImportedRecord
{
    QString ref;               ///< unique within the document: bom-ref, spdxId, Hub id, or a synthesised key
    Record record;             ///< kind, name, version, fields and attributes; id is always 0
    QList<Artifact> artifacts; ///< recordId is ignored
    /// Structures kept whole because analysts need them and no field holds them, keyed by origin:
    /// "cyclonedx.modelCard", "cyclonedx.data", "cyclonedx.externalReferences", "spdx.ai", "hf.card", ...
    QJsonObject extras;
    /// Fields the document actually states; only these may change an existing record on merge.
    QStringList statedFields;
    QString location; ///< where in the file it was described, for messages: "components[3].components[0]"
};

/// One relation as a document states it, between document refs.
struct ImportedRelation
{
    QString fromRef;
    RelationType type = RelationType::DependsOn;
    QString toRef;
    QString subtype;
    QString location;
};

/// A parsed and fully validated document: pure data, made off the GUI thread, applied in one transaction.
struct ImportDocument
{
    QString format; ///< "cyclonedx", "spdx3", "hf-card"
    QString specVersion;
    QString fileName; ///< as given by the user, for the summary and provenance
    QString sha256;   ///< of the file's bytes, lowercase hex
    QList<ImportedRecord> records;
    QList<ImportedRelation> relations;
    /// Things the reader noticed but accepted: cycles, skipped entries and why. Translated.
    QStringList warnings;
};

} // namespace strata
