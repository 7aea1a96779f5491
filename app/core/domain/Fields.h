// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"
#include "domain/Result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace strata {

/// How a field's text is parsed, validated and edited.
enum class FieldType { Text, LongText, Url, Integer, Date, Choice, Tags, Certifications };

/// One editable field of a record: the single description the editor, the CLI and validation share.
struct FieldSpec
{
    QString key; ///< stable key: "parameter_count"
    FieldType type = FieldType::Text;
    int maxLength = 200;
    qint64 minimum = 0;
    qint64 maximum = 0;
    QStringList choices; ///< stable keys for FieldType::Choice
    bool common = false; ///< a column of every record rather than a kind-specific attribute
};

/// A supplier's certification and how long it is valid.
struct Certification
{
    QString name;
    QString issuer;
    QDate validUntil;
};

/// Field catalog and parsing for records; all messages are translated and name the field.
namespace fields {

constexpr int kNameMax = 200;
constexpr int kVersionMax = 100;

/// Fields every record has (name, version, description, license, source_url, purl, tags, notes).
const QList<FieldSpec> &commonFields();
/// Fields specific to one kind, stored as attributes.
const QList<FieldSpec> &kindFields(RecordKind kind);
/// Common plus kind-specific fields, in display order.
const QList<FieldSpec> &allFields(RecordKind kind);
std::optional<FieldSpec> findField(RecordKind kind, const QString &key);
/// Translated label for a field key, and for a choice value of a field.
QString label(const QString &key);
QString choiceLabel(const QString &fieldKey, const QString &choice);

/// Parses `text` for `key` and stores it in the record; empty text clears the field.
Status setField(Record &record, const QString &key, const QString &text);
/// Stores an already parsed value without checking it (setField's last step; readers that check the whole
/// record once with validate() use it directly). `stored` is the attribute value for kind-specific fields.
void assign(Record &record, const QString &key, const QString &value, const QVariant &stored);
/// The field's value as text, in the syntax setField accepts.
QString fieldText(const Record &record, const QString &key);

/// Checks every field of a record; the first problem is returned with the field named.
Status validate(const Record &record);

QList<Certification> certifications(const Record &record);
void setCertifications(Record &record, const QList<Certification> &certifications);
/// "ISO 27001|BSI|2027-03-31; SOC 2|AICPA|2026-12-31" <-> list
Result<QList<Certification>> parseCertifications(const QString &text);
QString certificationsText(const QList<Certification> &certifications);

/// Hex length of a digest for an algorithm Strata records ("sha256" -> 64); 0 when unsupported.
int digestHexLength(const QString &algorithm);
/// Trims and lower-cases an artifact's algorithm and digest, then checks name, digest length and size.
Status normalizeArtifact(Artifact &artifact);

/// Tags are trimmed, de-duplicated and sorted; commas separate them in text.
QStringList normalizeTags(const QStringList &tags);

} // namespace fields
} // namespace strata
