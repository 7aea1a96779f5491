// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace strata {

/// The five kinds of inventory item Strata tracks.
enum class RecordKind { Supplier, Model, Dataset, Software, Service };

/// Every kind, in the order pages and reports show them.
QList<RecordKind> allRecordKinds();
/// Stable key used in the database, the CLI and JSON ("model").
QString recordKindKey(RecordKind kind);
std::optional<RecordKind> recordKindFromKey(const QString &key);
/// Translated singular and plural names for people ("Model", "Models").
QString recordKindLabel(RecordKind kind);
QString recordKindPluralLabel(RecordKind kind);

/// One inventory item: a supplier, model, dataset, software component or service.
struct Record
{
    qint64 id = 0;
    RecordKind kind = RecordKind::Model;
    QString name;
    QString version;
    QString description;
    QString license; ///< SPDX license expression
    QString sourceUrl;
    QString purl;
    QStringList tags;
    QString notes;            ///< Markdown
    QVariantMap attributes;   ///< kind-specific fields, keyed by FieldSpec::key
    bool placeholder = false; ///< referenced by an import but not yet verified by anyone
    QStringList manualFields; ///< field keys a person typed; a re-import keeps their values
    QDateTime createdAt;
    QString createdBy;
    QDateTime updatedAt;
    QString updatedBy;
};

/// The columns a list page shows; cheaper to fetch than a full Record.
struct RecordSummary
{
    qint64 id = 0;
    RecordKind kind = RecordKind::Model;
    QString name;
    QString version;
    QString suppliers; ///< names of provided_by targets, comma separated
    QString license;
    QStringList tags;
    bool placeholder = false;
    QDateTime updatedAt;
};

/// A file that makes up a model or dataset, identified by its digest.
struct Artifact
{
    qint64 id = 0;
    qint64 recordId = 0;
    QString fileName;
    qint64 size = -1; ///< bytes; -1 when unknown
    QString algorithm = QStringLiteral("sha256");
    QString digest; ///< lowercase hex
};

} // namespace strata
