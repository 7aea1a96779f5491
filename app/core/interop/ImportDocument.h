// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"
#include "domain/Relation.h"
#include "domain/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

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

/// The records of a validated document, made again from the file's bytes whenever they are asked for: a large
/// document's records take several times the file's size, so a streamed document holds the bytes instead.
class ImportRecordStream
{
public:
    using Sink = std::function<Status(const ImportedRecord &)>;

    virtual ~ImportRecordStream() = default;
    /// How many records forEach() hands over.
    virtual qsizetype count() const = 0;
    /// Hands every record to `sink` in document order, each one only for the length of the call; stops at the
    /// first error `sink` returns and returns it.
    virtual Status forEach(const Sink &sink) const = 0;
};

/// A parsed and fully validated document: pure data, made off the GUI thread, applied in one transaction.
struct ImportDocument
{
    QString format; ///< "cyclonedx", "spdx3", "hf-card"
    QString specVersion;
    QString fileName;              ///< as given by the user, for the summary and provenance
    QString sha256;                ///< of the file's bytes, lowercase hex
    QList<ImportedRecord> records; ///< empty when `stream` holds the records
    /// Set by readers that stream (CycloneDX from DocumentReader): the records, made again when asked for.
    std::shared_ptr<const ImportRecordStream> stream;
    QList<ImportedRelation> relations;
    /// Things the reader noticed but accepted: cycles, skipped entries and why. Translated.
    QStringList warnings;

    qsizetype recordCount() const { return stream ? stream->count() : records.size(); }
    /// Every record in document order, from `records` or from `stream`.
    Status forEachRecord(const ImportRecordStream::Sink &sink) const
    {
        if (stream)
            return stream->forEach(sink);
        for (const ImportedRecord &record : records) {
            if (Status s = sink(record); !s)
                return s;
        }
        return Ok{};
    }
};

} // namespace strata
