// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "domain/Fields.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata::fields {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(strata::Fields)
};

constexpr int kTagMax = 50;
constexpr int kTagCount = 50;

FieldSpec spec(const QString &key, FieldType type, int maxLength = 200)
{
    FieldSpec s;
    s.key = key;
    s.type = type;
    s.maxLength = maxLength;
    return s;
}

FieldSpec choice(const QString &key, const QStringList &choices)
{
    FieldSpec s = spec(key, FieldType::Choice);
    s.choices = choices;
    return s;
}

FieldSpec integer(const QString &key, qint64 minimum, qint64 maximum)
{
    FieldSpec s = spec(key, FieldType::Integer, 20);
    s.minimum = minimum;
    s.maximum = maximum;
    return s;
}

Error invalid(const QString &key, const QString &reason)
{
    return Error{ErrorCode::InvalidInput, Tr::tr("Field \"%1\" (%2): %3").arg(key, label(key), reason)};
}

bool hasControlCharacters(const QString &text, bool allowNewlines)
{
    return std::any_of(text.cbegin(), text.cend(), [allowNewlines](QChar c) {
        if (allowNewlines && (c == u'\n' || c == u'\t' || c == u'\r'))
            return false;
        return c.category() == QChar::Other_Control;
    });
}

// An SPDX license expression: ids and LicenseRef-s joined by AND, OR, WITH, with parentheses.
bool isLicenseExpression(const QString &text)
{
    static const QRegularExpression token(u"^[A-Za-z0-9.+:-]+$"_s);
    QString spaced = text;
    spaced.replace(u'(', u" ( "_s).replace(u')', u" ) "_s);
    int depth = 0;
    bool expectOperand = true;
    const QStringList parts = spaced.split(u' ', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (part == u"("_s) {
            if (!expectOperand)
                return false;
            ++depth;
        } else if (part == u")"_s) {
            if (expectOperand || --depth < 0)
                return false;
        } else if (part == u"AND"_s || part == u"OR"_s || part == u"WITH"_s || part == u"and"_s || part == u"or"_s) {
            if (expectOperand)
                return false;
            expectOperand = true;
        } else {
            if (!expectOperand || !token.match(part).hasMatch())
                return false;
            expectOperand = false;
        }
    }
    return depth == 0 && !expectOperand;
}

Status checkField(const Record &record, const FieldSpec &s);

Status checkText(const FieldSpec &s, const QString &value)
{
    if (value.size() > s.maxLength)
        return invalid(s.key,
                       Tr::tr("%1 characters is too long; at most %2 are allowed.").arg(value.size()).arg(s.maxLength));
    const bool multiline = s.type == FieldType::LongText;
    if (hasControlCharacters(value, multiline))
        return invalid(s.key, Tr::tr("control characters are not allowed; remove them and try again."));
    return Ok{};
}

} // namespace

namespace {

QList<FieldSpec> buildCommonFields()
{
    QList<FieldSpec> list = {
        spec(u"name"_s, FieldType::Text, kNameMax),
        spec(u"version"_s, FieldType::Text, kVersionMax),
        spec(u"description"_s, FieldType::LongText, 10000),
        spec(u"license"_s, FieldType::Text, 500),
        spec(u"source_url"_s, FieldType::Url, 2000),
        spec(u"purl"_s, FieldType::Text, 1000),
        spec(u"tags"_s, FieldType::Tags, kTagCount * (kTagMax + 2)),
        spec(u"notes"_s, FieldType::LongText, 100000),
    };
    for (FieldSpec &s : list)
        s.common = true;
    return list;
}

QList<FieldSpec> buildKindFields(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Model:
        return {spec(u"architecture"_s, FieldType::Text),
                integer(u"parameter_count"_s, 1, 1000000000000000LL),
                choice(u"format"_s, {u"safetensors"_s, u"gguf"_s, u"onnx"_s, u"pytorch"_s, u"other"_s}),
                choice(u"modality"_s, {u"text"_s, u"image"_s, u"audio"_s, u"video"_s, u"multimodal"_s, u"other"_s}),
                spec(u"intended_use"_s, FieldType::LongText, 10000),
                spec(u"out_of_scope_use"_s, FieldType::LongText, 10000),
                spec(u"limitations"_s, FieldType::LongText, 10000),
                spec(u"training_cutoff"_s, FieldType::Date)};
    case RecordKind::Dataset:
        return {choice(u"origin"_s, {u"collected"_s, u"licensed"_s, u"public"_s, u"synthetic"_s}),
                spec(u"collection_method"_s, FieldType::LongText, 10000),
                integer(u"size_records"_s, 0, 1000000000000000LL),
                integer(u"size_bytes"_s, 0, 1000000000000000000LL),
                spec(u"languages"_s, FieldType::Text),
                choice(u"personal_data"_s, {u"yes"_s, u"no"_s, u"unknown"_s}),
                spec(u"legal_basis"_s, FieldType::Text, 1000),
                spec(u"retention"_s, FieldType::Text, 1000)};
    case RecordKind::Supplier:
        return {spec(u"legal_name"_s, FieldType::Text),
                spec(u"jurisdiction"_s, FieldType::Text),
                spec(u"website"_s, FieldType::Url, 2000),
                spec(u"security_contact"_s, FieldType::Text),
                spec(u"certifications"_s, FieldType::Certifications, 5000),
                integer(u"criticality_tier"_s, 1, 4),
                choice(u"contract_status"_s, {u"none"_s, u"negotiating"_s, u"active"_s, u"expired"_s, u"terminated"_s}),
                spec(u"last_review"_s, FieldType::Date),
                spec(u"next_review"_s, FieldType::Date)};
    case RecordKind::Software:
        return {choice(u"software_type"_s, {u"library"_s, u"framework"_s, u"tool"_s}),
                spec(u"ecosystem"_s, FieldType::Text)};
    case RecordKind::Service:
        return {choice(u"service_type"_s, {u"hosted_api"_s, u"cloud"_s, u"compute"_s}),
                spec(u"provider"_s, FieldType::Text), spec(u"region"_s, FieldType::Text),
                spec(u"data_processing_terms"_s, FieldType::LongText, 10000)};
    }
    return {};
}

QList<FieldSpec> buildAllFields(RecordKind kind)
{
    QList<FieldSpec> list = buildCommonFields();
    // Notes last: the long free text reads best after the structured fields.
    const FieldSpec notes = list.takeLast();
    list << buildKindFields(kind) << notes;
    return list;
}

} // namespace

// The catalog is built once: imports validate hundreds of thousands of fields.
const QList<FieldSpec> &commonFields()
{
    static const QList<FieldSpec> list = buildCommonFields();
    return list;
}

const QList<FieldSpec> &kindFields(RecordKind kind)
{
    static const QList<FieldSpec> lists[] = {
        buildKindFields(RecordKind::Supplier), buildKindFields(RecordKind::Model), buildKindFields(RecordKind::Dataset),
        buildKindFields(RecordKind::Software), buildKindFields(RecordKind::Service)};
    return lists[static_cast<int>(kind)];
}

const QList<FieldSpec> &allFields(RecordKind kind)
{
    static const QList<FieldSpec> lists[] = {buildAllFields(RecordKind::Supplier), buildAllFields(RecordKind::Model),
                                             buildAllFields(RecordKind::Dataset), buildAllFields(RecordKind::Software),
                                             buildAllFields(RecordKind::Service)};
    return lists[static_cast<int>(kind)];
}

std::optional<FieldSpec> findField(RecordKind kind, const QString &key)
{
    const QList<FieldSpec> list = allFields(kind);
    for (const FieldSpec &s : list) {
        if (s.key == key)
            return s;
    }
    return std::nullopt;
}

QString label(const QString &key)
{
    static const QHash<QString, const char *> labels = {
        {u"name"_s, QT_TRANSLATE_NOOP("strata::Fields", "Name")},
        {u"version"_s, QT_TRANSLATE_NOOP("strata::Fields", "Version")},
        {u"description"_s, QT_TRANSLATE_NOOP("strata::Fields", "Description")},
        {u"license"_s, QT_TRANSLATE_NOOP("strata::Fields", "License")},
        {u"source_url"_s, QT_TRANSLATE_NOOP("strata::Fields", "Source URL")},
        {u"purl"_s, QT_TRANSLATE_NOOP("strata::Fields", "Package URL")},
        {u"tags"_s, QT_TRANSLATE_NOOP("strata::Fields", "Tags")},
        {u"notes"_s, QT_TRANSLATE_NOOP("strata::Fields", "Notes")},
        {u"architecture"_s, QT_TRANSLATE_NOOP("strata::Fields", "Architecture")},
        {u"parameter_count"_s, QT_TRANSLATE_NOOP("strata::Fields", "Parameters")},
        {u"format"_s, QT_TRANSLATE_NOOP("strata::Fields", "Format")},
        {u"modality"_s, QT_TRANSLATE_NOOP("strata::Fields", "Modality")},
        {u"intended_use"_s, QT_TRANSLATE_NOOP("strata::Fields", "Intended use")},
        {u"out_of_scope_use"_s, QT_TRANSLATE_NOOP("strata::Fields", "Out-of-scope use")},
        {u"limitations"_s, QT_TRANSLATE_NOOP("strata::Fields", "Limitations")},
        {u"training_cutoff"_s, QT_TRANSLATE_NOOP("strata::Fields", "Training cut-off")},
        {u"origin"_s, QT_TRANSLATE_NOOP("strata::Fields", "Origin")},
        {u"collection_method"_s, QT_TRANSLATE_NOOP("strata::Fields", "Collection method")},
        {u"size_records"_s, QT_TRANSLATE_NOOP("strata::Fields", "Size (records)")},
        {u"size_bytes"_s, QT_TRANSLATE_NOOP("strata::Fields", "Size (bytes)")},
        {u"languages"_s, QT_TRANSLATE_NOOP("strata::Fields", "Languages")},
        {u"personal_data"_s, QT_TRANSLATE_NOOP("strata::Fields", "Contains personal data")},
        {u"legal_basis"_s, QT_TRANSLATE_NOOP("strata::Fields", "Consent or legal basis")},
        {u"retention"_s, QT_TRANSLATE_NOOP("strata::Fields", "Retention")},
        {u"legal_name"_s, QT_TRANSLATE_NOOP("strata::Fields", "Legal name")},
        {u"jurisdiction"_s, QT_TRANSLATE_NOOP("strata::Fields", "Country or jurisdiction")},
        {u"website"_s, QT_TRANSLATE_NOOP("strata::Fields", "Website")},
        {u"security_contact"_s, QT_TRANSLATE_NOOP("strata::Fields", "Security contact")},
        {u"certifications"_s, QT_TRANSLATE_NOOP("strata::Fields", "Certifications")},
        {u"criticality_tier"_s, QT_TRANSLATE_NOOP("strata::Fields", "Criticality tier")},
        {u"contract_status"_s, QT_TRANSLATE_NOOP("strata::Fields", "Contract status")},
        {u"last_review"_s, QT_TRANSLATE_NOOP("strata::Fields", "Last review")},
        {u"next_review"_s, QT_TRANSLATE_NOOP("strata::Fields", "Next review")},
        {u"software_type"_s, QT_TRANSLATE_NOOP("strata::Fields", "Type")},
        {u"ecosystem"_s, QT_TRANSLATE_NOOP("strata::Fields", "Ecosystem")},
        {u"service_type"_s, QT_TRANSLATE_NOOP("strata::Fields", "Type")},
        {u"provider"_s, QT_TRANSLATE_NOOP("strata::Fields", "Provider")},
        {u"region"_s, QT_TRANSLATE_NOOP("strata::Fields", "Region")},
        {u"data_processing_terms"_s, QT_TRANSLATE_NOOP("strata::Fields", "Data-processing terms")},
    };
    const auto it = labels.constFind(key);
    return it == labels.cend() ? key : Tr::tr(it.value());
}

QString choiceLabel(const QString &fieldKey, const QString &choice)
{
    static const QHash<QString, const char *> labels = {
        {u"safetensors"_s, QT_TRANSLATE_NOOP("strata::Fields", "safetensors")},
        {u"gguf"_s, QT_TRANSLATE_NOOP("strata::Fields", "GGUF")},
        {u"onnx"_s, QT_TRANSLATE_NOOP("strata::Fields", "ONNX")},
        {u"pytorch"_s, QT_TRANSLATE_NOOP("strata::Fields", "PyTorch")},
        {u"other"_s, QT_TRANSLATE_NOOP("strata::Fields", "Other")},
        {u"text"_s, QT_TRANSLATE_NOOP("strata::Fields", "Text")},
        {u"image"_s, QT_TRANSLATE_NOOP("strata::Fields", "Image")},
        {u"audio"_s, QT_TRANSLATE_NOOP("strata::Fields", "Audio")},
        {u"video"_s, QT_TRANSLATE_NOOP("strata::Fields", "Video")},
        {u"multimodal"_s, QT_TRANSLATE_NOOP("strata::Fields", "Multimodal")},
        {u"collected"_s, QT_TRANSLATE_NOOP("strata::Fields", "Collected")},
        {u"licensed"_s, QT_TRANSLATE_NOOP("strata::Fields", "Licensed")},
        {u"public"_s, QT_TRANSLATE_NOOP("strata::Fields", "Public")},
        {u"synthetic"_s, QT_TRANSLATE_NOOP("strata::Fields", "Synthetic")},
        {u"yes"_s, QT_TRANSLATE_NOOP("strata::Fields", "Yes")},
        {u"no"_s, QT_TRANSLATE_NOOP("strata::Fields", "No")},
        {u"unknown"_s, QT_TRANSLATE_NOOP("strata::Fields", "Unknown")},
        {u"none"_s, QT_TRANSLATE_NOOP("strata::Fields", "None")},
        {u"negotiating"_s, QT_TRANSLATE_NOOP("strata::Fields", "Negotiating")},
        {u"active"_s, QT_TRANSLATE_NOOP("strata::Fields", "Active")},
        {u"expired"_s, QT_TRANSLATE_NOOP("strata::Fields", "Expired")},
        {u"terminated"_s, QT_TRANSLATE_NOOP("strata::Fields", "Terminated")},
        {u"library"_s, QT_TRANSLATE_NOOP("strata::Fields", "Library")},
        {u"framework"_s, QT_TRANSLATE_NOOP("strata::Fields", "Framework")},
        {u"tool"_s, QT_TRANSLATE_NOOP("strata::Fields", "Tool")},
        {u"hosted_api"_s, QT_TRANSLATE_NOOP("strata::Fields", "Hosted API")},
        {u"cloud"_s, QT_TRANSLATE_NOOP("strata::Fields", "Cloud")},
        {u"compute"_s, QT_TRANSLATE_NOOP("strata::Fields", "Compute")},
    };
    Q_UNUSED(fieldKey)
    const auto it = labels.constFind(choice);
    return it == labels.cend() ? choice : Tr::tr(it.value());
}

int digestHexLength(const QString &algorithm)
{
    static const QHash<QString, int> lengths = {
        {u"sha256"_s, 64},       {u"sha384"_s, 96},    {u"sha512"_s, 128},     {u"sha3-256"_s, 64},
        {u"sha3-384"_s, 96},     {u"sha3-512"_s, 128}, {u"blake2b-256"_s, 64}, {u"blake2b-384"_s, 96},
        {u"blake2b-512"_s, 128}, {u"blake3"_s, 64},    {u"sha1"_s, 40},        {u"md5"_s, 32},
    };
    return lengths.value(algorithm, 0);
}

Status normalizeArtifact(Artifact &a)
{
    a.fileName = a.fileName.trimmed();
    a.algorithm = a.algorithm.trimmed().toLower();
    a.digest = a.digest.trimmed().toLower();
    if (a.fileName.isEmpty() || a.fileName.size() > 1000 || hasControlCharacters(a.fileName, false))
        return Error{ErrorCode::InvalidInput,
                     Tr::tr("A file needs a name of 1 to 1000 characters without control characters.")};
    const int length = digestHexLength(a.algorithm);
    if (length == 0)
        return Error{ErrorCode::InvalidInput,
                     Tr::tr("\"%1\" (file \"%2\") is not a supported digest algorithm; use sha256, sha384 or sha512.")
                         .arg(a.algorithm, a.fileName)};
    static const QRegularExpression hex(u"^[0-9a-f]+$"_s);
    if (a.digest.size() != length || !hex.match(a.digest).hasMatch())
        return Error{ErrorCode::InvalidInput, Tr::tr("The %1 digest of \"%2\" must be %3 hexadecimal characters; got "
                                                     "\"%4\".")
                                                  .arg(a.algorithm, a.fileName)
                                                  .arg(length)
                                                  .arg(a.digest.left(140))};
    if (a.size < -1)
        return Error{ErrorCode::InvalidInput, Tr::tr("The size of \"%1\" cannot be negative.").arg(a.fileName)};
    return Ok{};
}

QStringList normalizeTags(const QStringList &tags)
{
    QStringList out;
    for (const QString &tag : tags) {
        const QString t = tag.simplified();
        if (!t.isEmpty() && !out.contains(t, Qt::CaseInsensitive))
            out << t;
    }
    std::sort(out.begin(), out.end(),
              [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return out;
}

Result<QList<Certification>> parseCertifications(const QString &text)
{
    QList<Certification> list;
    const QStringList entries = text.split(u';', Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        if (entry.trimmed().isEmpty())
            continue;
        const QStringList parts = entry.split(u'|');
        if (parts.size() != 3 || parts.at(0).trimmed().isEmpty())
            return invalid(u"certifications"_s, Tr::tr("\"%1\" should be NAME|ISSUER|YYYY-MM-DD, for example "
                                                       "\"ISO/IEC 27001|BSI|2027-03-31\"; separate several with \";\".")
                                                    .arg(entry.trimmed()));
        Certification c;
        c.name = parts.at(0).trimmed();
        c.issuer = parts.at(1).trimmed();
        const QString date = parts.at(2).trimmed();
        if (!date.isEmpty()) {
            c.validUntil = QDate::fromString(date, Qt::ISODate);
            if (!c.validUntil.isValid())
                return invalid(u"certifications"_s, Tr::tr("\"%1\" is not a date; write it as YYYY-MM-DD.").arg(date));
        }
        list << c;
    }
    return list;
}

QString certificationsText(const QList<Certification> &certifications)
{
    QStringList parts;
    for (const Certification &c : certifications)
        parts << u"%1|%2|%3"_s.arg(c.name, c.issuer, c.validUntil.toString(Qt::ISODate));
    return parts.join(u"; "_s);
}

QList<Certification> certifications(const Record &record)
{
    QList<Certification> list;
    const QVariantList items = record.attributes.value(u"certifications"_s).toList();
    for (const QVariant &item : items) {
        const QVariantMap m = item.toMap();
        list << Certification{m.value(u"name"_s).toString(), m.value(u"issuer"_s).toString(),
                              QDate::fromString(m.value(u"valid_until"_s).toString(), Qt::ISODate)};
    }
    return list;
}

void setCertifications(Record &record, const QList<Certification> &certifications)
{
    if (certifications.isEmpty()) {
        record.attributes.remove(u"certifications"_s);
        return;
    }
    QVariantList items;
    for (const Certification &c : certifications)
        items << QVariantMap{
            {u"name"_s, c.name}, {u"issuer"_s, c.issuer}, {u"valid_until"_s, c.validUntil.toString(Qt::ISODate)}};
    record.attributes.insert(u"certifications"_s, items);
}

void assign(Record &record, const QString &key, const QString &value, const QVariant &stored)
{
    if (key == u"name"_s)
        record.name = value;
    else if (key == u"version"_s)
        record.version = value;
    else if (key == u"description"_s)
        record.description = value;
    else if (key == u"license"_s)
        record.license = value;
    else if (key == u"source_url"_s)
        record.sourceUrl = value;
    else if (key == u"purl"_s)
        record.purl = value;
    else if (key == u"tags"_s)
        record.tags = normalizeTags(value.split(u',', Qt::SkipEmptyParts));
    else if (key == u"notes"_s)
        record.notes = value;
    else if (value.isEmpty())
        record.attributes.remove(key);
    else
        record.attributes.insert(key, stored);
}

Status setField(Record &record, const QString &key, const QString &text)
{
    const std::optional<FieldSpec> found = findField(record.kind, key);
    if (!found)
        return Error{ErrorCode::InvalidInput, Tr::tr("\"%1\" is not a field of a %2. Known fields: %3.")
                                                  .arg(key, recordKindLabel(record.kind).toLower(), [&record] {
                                                      QStringList keys;
                                                      for (const FieldSpec &s : allFields(record.kind))
                                                          keys << s.key;
                                                      return keys.join(u", "_s);
                                                  }())};
    const FieldSpec &s = *found;
    const QString value = s.type == FieldType::LongText ? text : text.trimmed();
    if (Status ok = checkText(s, value); !ok)
        return ok;

    QVariant stored = value;
    switch (s.type) {
    case FieldType::Integer:
        if (!value.isEmpty()) {
            bool ok = false;
            const qint64 n = QString(value).remove(u'_').remove(u',').toLongLong(&ok);
            if (!ok || n < s.minimum || n > s.maximum)
                return invalid(
                    key,
                    Tr::tr("\"%1\" is not a whole number from %2 to %3.").arg(value).arg(s.minimum).arg(s.maximum));
            stored = n;
        }
        break;
    case FieldType::Date:
        if (!value.isEmpty()) {
            const QDate date = QDate::fromString(value, Qt::ISODate);
            if (!date.isValid())
                return invalid(key, Tr::tr("\"%1\" is not a date; write it as YYYY-MM-DD.").arg(value));
            stored = date.toString(Qt::ISODate);
        }
        break;
    case FieldType::Choice:
        if (!value.isEmpty() && !s.choices.contains(value.toLower()))
            return invalid(key, Tr::tr("\"%1\" is not one of: %2.").arg(value, s.choices.join(u", "_s)));
        stored = value.toLower();
        break;
    case FieldType::Certifications: {
        Result<QList<Certification>> certs = parseCertifications(value);
        if (!certs)
            return certs.error();
        setCertifications(record, certs.value());
        return Ok{};
    }
    default:
        break;
    }

    Record candidate = record;
    assign(candidate, key, value, stored);
    // Checked on a copy: a rejected value must leave the record as it was.
    if (Status ok = checkField(candidate, s); !ok)
        return ok;
    record = std::move(candidate);
    return Ok{};
}

QString fieldText(const Record &record, const QString &key)
{
    if (key == u"name"_s)
        return record.name;
    if (key == u"version"_s)
        return record.version;
    if (key == u"description"_s)
        return record.description;
    if (key == u"license"_s)
        return record.license;
    if (key == u"source_url"_s)
        return record.sourceUrl;
    if (key == u"purl"_s)
        return record.purl;
    if (key == u"tags"_s)
        return record.tags.join(u", "_s);
    if (key == u"notes"_s)
        return record.notes;
    if (key == u"certifications"_s)
        return certificationsText(certifications(record));
    return record.attributes.value(key).toString();
}

namespace {

Status checkUrl(const QString &key, const QString &text)
{
    if (text.isEmpty())
        return Ok{};
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http"_s && scheme != u"https"_s) || url.host().isEmpty())
        return invalid(key, Tr::tr("\"%1\" is not a valid web address; use an http or https URL such as "
                                   "https://huggingface.co/org/model.")
                                .arg(text));
    return Ok{};
}

/// Checks one field of a record: length, characters and the syntax its type asks for.
Status checkField(const Record &record, const FieldSpec &s)
{
    if (s.type == FieldType::Certifications)
        return Ok{};
    const QString text = fieldText(record, s.key);
    if (Status ok = checkText(s, text); !ok)
        return ok;
    if (s.key == u"name"_s && text.trimmed().isEmpty())
        return invalid(s.key, Tr::tr("a record needs a name."));
    if (s.type == FieldType::Url)
        return checkUrl(s.key, text);
    if (s.type == FieldType::Tags) {
        for (const QString &tag : record.tags) {
            if (tag.size() > kTagMax)
                return invalid(s.key, Tr::tr("the tag \"%1\" is longer than %2 characters.").arg(tag).arg(kTagMax));
        }
        if (record.tags.size() > kTagCount)
            return invalid(
                s.key, Tr::tr("%1 tags is too many; at most %2 are allowed.").arg(record.tags.size()).arg(kTagCount));
    }
    if (s.key == u"purl"_s && !text.isEmpty() && !text.startsWith(u"pkg:"_s))
        return invalid(s.key, Tr::tr("\"%1\" is not a package URL; it must start with \"pkg:\", for example "
                                     "pkg:huggingface/meta-llama/Llama-3.1-8B.")
                                  .arg(text));
    if (s.key == u"license"_s && !text.isEmpty() && !isLicenseExpression(text))
        return invalid(s.key, Tr::tr("\"%1\" is not an SPDX license expression; use identifiers such as "
                                     "\"Apache-2.0\" or \"MIT OR Apache-2.0\", or LicenseRef-NAME for others.")
                                  .arg(text));
    return Ok{};
}

} // namespace

Status validate(const Record &record)
{
    const QList<FieldSpec> specs = allFields(record.kind);
    for (const FieldSpec &s : specs) {
        if (Status ok = checkField(record, s); !ok)
            return ok;
    }
    for (auto it = record.attributes.cbegin(); it != record.attributes.cend(); ++it) {
        if (!findField(record.kind, it.key()))
            return Error{
                ErrorCode::InvalidInput,
                Tr::tr("\"%1\" is not a field of a %2.").arg(it.key(), recordKindLabel(record.kind).toLower())};
    }
    return Ok{};
}

} // namespace strata::fields
