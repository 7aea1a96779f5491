// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/CycloneDxMapping.h"

#include "domain/Fields.h"
#include "interop/CycloneDxReader.h"

#include <QHash>
#include <QJsonDocument>
#include <QUrl>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata::cyclonedx {

namespace {

struct HashAlgorithm
{
    QString cdx;
    QString strata; ///< empty: the workspace keeps no digests of this kind
    int hexLength;
};

/// Ordered by preference for the one digest an artifact keeps.
const QList<HashAlgorithm> &hashAlgorithms()
{
    static const QList<HashAlgorithm> list = {
        {u"SHA-256"_s, u"sha256"_s, 64},
        {u"SHA-512"_s, u"sha512"_s, 128},
        {u"SHA-384"_s, u"sha384"_s, 96},
        {u"SHA3-256"_s, u"sha3-256"_s, 64},
        {u"SHA3-512"_s, u"sha3-512"_s, 128},
        {u"SHA3-384"_s, u"sha3-384"_s, 96},
        {u"BLAKE2b-256"_s, u"blake2b-256"_s, 64},
        {u"BLAKE2b-512"_s, u"blake2b-512"_s, 128},
        {u"BLAKE2b-384"_s, u"blake2b-384"_s, 96},
        {u"BLAKE3"_s, u"blake3"_s, 64},
        {u"SHA-1"_s, u"sha1"_s, 40},
        {u"MD5"_s, u"md5"_s, 32},
    };
    return list;
}

const HashAlgorithm *findAlgorithm(const QString &cdx)
{
    for (const HashAlgorithm &a : hashAlgorithms()) {
        if (a.cdx == cdx)
            return &a;
    }
    return nullptr;
}

/// The few field types a component's own keys map to, assigned the way fields::setField stores them: text
/// trimmed, long text as it is, tags normalised, choices lower-cased. fields::validate then checks the record
/// once, and a record it refuses is mapped again through setField, field by field (see mapFields). This keeps
/// the reader's hot path to one validation per component instead of one per field.
void assignDirect(Record &r, const QString &key, const QString &text)
{
    static const QStringList longText = {u"description"_s, u"limitations"_s, u"intended_use"_s, u"out_of_scope_use"_s};
    static const QStringList choices = {u"personal_data"_s, u"software_type"_s};
    const QString value = longText.contains(key) ? text : text.trimmed();
    fields::assign(r, key, value, choices.contains(key) ? value.toLower() : value);
}

/// Stores fields in a record: directly (checked later, all at once) or through fields::setField, which checks
/// each value and keeps a refused one aside with the reason.
class FieldSetter
{
public:
    FieldSetter(MappedFields &m, bool direct)
        : m_m(m)
        , m_direct(direct)
    {
    }

    void set(const QString &key, const QString &text)
    {
        if (text.isEmpty())
            return;
        if (m_direct) {
            assignDirect(m_m.record, key, text);
            state(key);
            return;
        }
        setChecked(key, text);
    }

    /// Always through setField: for strata: properties, which may hold any field's text, even an empty one.
    void setChecked(const QString &key, const QString &text)
    {
        if (Status s = fields::setField(m_m.record, key, text); !s) {
            m_m.unmapped.insert(key, text);
            m_m.problems << CycloneDxReader::tr("the %1 was kept in the record's extras (\"cyclonedx.unmapped\") "
                                                "instead: %2")
                                .arg(fields::label(key), s.error().message);
            return;
        }
        state(key);
    }

private:
    void state(const QString &key)
    {
        if (!m_m.stated.contains(key))
            m_m.stated << key;
    }

    MappedFields &m_m;
    bool m_direct;
};

QString joinLines(const QJsonArray &items)
{
    QStringList lines;
    for (const QJsonValue &v : items) {
        if (v.isString() && !v.toString().trimmed().isEmpty())
            lines << v.toString().trimmed();
    }
    return lines.join(u'\n');
}

bool isLicenseExpression(const QString &text)
{
    // A BOM repeats the same few licenses thousands of times; remember the answers (per thread: readers may run
    // on several import threads at once).
    constexpr qsizetype kCacheSize = 4096;
    thread_local QHash<QString, bool> cache;
    const auto known = cache.constFind(text);
    if (known != cache.cend())
        return known.value();
    Record scratch;
    scratch.kind = RecordKind::Software;
    const bool ok = fields::setField(scratch, u"license"_s, text).ok();
    if (cache.size() >= kCacheSize)
        cache.clear();
    cache.insert(text, ok);
    return ok;
}

QString stringValue(const QJsonObject &o, const QString &key)
{
    return o.value(key).toString();
}

void setTags(FieldSetter &set, MappedFields &m, const QJsonArray &tags)
{
    constexpr int kTagMax = 50;
    QStringList kept;
    QStringList dropped;
    for (const QJsonValue &v : tags) {
        const QString tag = v.toString().simplified();
        if (tag.isEmpty())
            continue;
        if (tag.size() > kTagMax || tag.contains(u',') || kept.size() >= kTagMax)
            dropped << tag;
        else
            kept << tag;
    }
    if (!dropped.isEmpty()) {
        m.unmapped.insert(u"tags"_s, QJsonArray::fromStringList(dropped));
        m.problems << CycloneDxReader::tr("%n tag(s) longer than 50 characters, containing a comma or beyond the "
                                          "50th were kept in the record's extras (\"cyclonedx.unmapped\").",
                                          "", static_cast<int>(dropped.size()));
    }
    set.set(u"tags"_s, kept.join(u", "_s));
}

void applyStrataProperties(FieldSetter &set, RecordKind kind, const QJsonArray &properties)
{
    const QString prefix = strataPrefix();
    for (const QJsonValue &v : properties) {
        const QString name = v.toObject().value(u"name"_s).toString();
        if (!name.startsWith(prefix))
            continue;
        const QString key = name.mid(prefix.size());
        if (key == u"name"_s || key == u"version"_s || !fields::findField(kind, key))
            continue;
        set.setChecked(key, v.toObject().value(u"value"_s).toString());
    }
}

void mapModel(FieldSetter &set, const ComponentView &c)
{
    const QJsonObject card = c[ComponentView::ModelCard].toObject();
    const QJsonObject parameters = card.value(u"modelParameters"_s).toObject();
    QString architecture = stringValue(parameters, u"modelArchitecture"_s).trimmed();
    if (architecture.isEmpty())
        architecture = stringValue(parameters, u"architectureFamily"_s).trimmed();
    set.set(u"architecture"_s, architecture);
    const QJsonObject considerations = card.value(u"considerations"_s).toObject();
    set.set(u"limitations"_s, joinLines(considerations.value(u"technicalLimitations"_s).toArray()));
    QString intended = joinLines(considerations.value(u"useCases"_s).toArray());
    // AI-BOM generators state these as plain properties.
    const QJsonArray properties = c[ComponentView::Properties].toArray();
    if (intended.isEmpty())
        intended = propertyValues(properties, u"intendedUse"_s).join(u'\n');
    set.set(u"intended_use"_s, intended);
    set.set(u"out_of_scope_use"_s, propertyValues(properties, u"outOfScopeUse"_s).join(u'\n'));
}

bool statesSensitiveData(const QJsonObject &data)
{
    const QJsonValue sensitive = data.value(u"sensitiveData"_s);
    return sensitive.isArray() && !sensitive.toArray().isEmpty();
}

} // namespace

ComponentView::ComponentView(const QJsonObject &object)
    : m_object(object)
{
    static const QHash<QString, Key> keys = {
        {u"type"_s, Type},
        {u"bom-ref"_s, BomRef},
        {u"name"_s, Name},
        {u"version"_s, Version},
        {u"description"_s, Description},
        {u"licenses"_s, Licenses},
        {u"purl"_s, Purl},
        {u"externalReferences"_s, ExternalReferences},
        {u"tags"_s, Tags},
        {u"properties"_s, Properties},
        {u"modelCard"_s, ModelCard},
        {u"data"_s, Data},
        {u"group"_s, Group},
        {u"hashes"_s, Hashes},
        {u"pedigree"_s, Pedigree},
        {u"components"_s, Components},
        {u"supplier"_s, Supplier},
        {u"manufacturer"_s, Manufacturer},
        {u"publisher"_s, Publisher},
        {u"author"_s, Author},
        {u"authors"_s, Authors},
        {u"provider"_s, Provider},
        {u"services"_s, Services},
    };
    m_values.fill(QJsonValue(QJsonValue::Undefined)); // a default QJsonValue is null, not absent
    m_entries.reserve(object.size());
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        const auto known = keys.constFind(key);
        if (known != keys.cend())
            m_values[known.value()] = value;
        m_entries.append(qMakePair(key, value));
    }
}

int hashHexLength(const QString &cdxAlgorithm)
{
    const HashAlgorithm *a = findAlgorithm(cdxAlgorithm);
    return a ? a->hexLength : 0;
}

QString artifactAlgorithm(const QString &cdxAlgorithm)
{
    const HashAlgorithm *a = findAlgorithm(cdxAlgorithm);
    return a ? a->strata : QString();
}

QString cdxAlgorithm(const QString &artifactAlgorithm)
{
    const QString wanted = artifactAlgorithm.toLower();
    for (const HashAlgorithm &a : hashAlgorithms()) {
        if (!a.strata.isEmpty() && a.strata == wanted)
            return a.cdx;
    }
    return {};
}

int preferredHash(const QJsonArray &hashes)
{
    int best = -1;
    qsizetype bestRank = hashAlgorithms().size();
    for (int i = 0; i < hashes.size(); ++i) {
        const QString alg = hashes.at(i).toObject().value(u"alg"_s).toString();
        for (qsizetype rank = 0; rank < bestRank; ++rank) {
            const HashAlgorithm &a = hashAlgorithms().at(rank);
            if (a.cdx == alg && !a.strata.isEmpty()) {
                best = i;
                bestRank = rank;
                break;
            }
        }
    }
    return best;
}

bool isComponentType(const QString &type)
{
    static const QStringList types =
        QStringLiteral(
            u"application framework library container platform operating-system device device-driver firmware "
            u"file machine-learning-model data cryptographic-asset")
            .split(u' ');
    return types.contains(type);
}

RecordKind kindForType(const QString &type)
{
    if (type == u"machine-learning-model"_s)
        return RecordKind::Model;
    if (type == u"data"_s)
        return RecordKind::Dataset;
    return RecordKind::Software;
}

QString softwareTypeFor(const QString &type)
{
    if (type == u"library"_s || type == u"framework"_s)
        return type;
    return u"tool"_s;
}

bool isDataType(const QString &type)
{
    static const QStringList types = {u"source-code"_s, u"configuration"_s, u"dataset"_s, u"definition"_s, u"other"_s};
    return types.contains(type);
}

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == u"http"_s || scheme == u"https"_s) && !url.host().isEmpty();
}

QString licenseRef(const QString &name)
{
    constexpr int kMaxName = 200;
    QString out;
    out.reserve(name.size());
    for (const QChar c : name) {
        const bool keep = (c.unicode() < 128 && c.isLetterOrNumber()) || c == u'.' || c == u'-';
        const QChar next = keep ? c : QChar(u'-');
        if (next == u'-' && out.endsWith(u'-'))
            continue;
        out += next;
    }
    while (out.startsWith(u'-'))
        out.remove(0, 1);
    out.truncate(kMaxName);
    while (out.endsWith(u'-'))
        out.chop(1);
    return u"LicenseRef-%1"_s.arg(out.isEmpty() ? u"unknown"_s : out);
}

QString licenseExpression(const QJsonArray &licenses, bool *lossy)
{
    QStringList parts;
    bool changed = false;
    for (const QJsonValue &v : licenses) {
        const QJsonObject entry = v.toObject();
        QString part;
        if (entry.contains(u"expression"_s)) {
            const QString expression = stringValue(entry, u"expression"_s).trimmed();
            if (expression.isEmpty())
                continue;
            if (isLicenseExpression(expression)) {
                part = expression;
            } else {
                part = licenseRef(expression);
                changed = true;
            }
        } else {
            const QJsonObject license = entry.value(u"license"_s).toObject();
            const QString id = stringValue(license, u"id"_s).trimmed();
            const QString name = stringValue(license, u"name"_s).trimmed();
            if (!id.isEmpty() && isLicenseExpression(id) && !id.contains(u' ')) {
                part = id;
            } else if (!id.isEmpty() || !name.isEmpty()) {
                part = licenseRef(id.isEmpty() ? name : id);
                changed = true;
            }
        }
        if (!part.isEmpty() && !parts.contains(part))
            parts << part;
    }
    if (parts.size() > 1) {
        for (QString &p : parts) {
            if (p.contains(u' '))
                p = u"(%1)"_s.arg(p);
        }
    }
    if (lossy)
        *lossy = changed;
    return parts.join(u" AND "_s);
}

QString sourceUrl(const QJsonArray &externalReferences)
{
    static const QStringList types = {u"website"_s, u"vcs"_s, u"distribution"_s, u"model-card"_s};
    for (const QJsonValue &v : externalReferences) {
        const QJsonObject ref = v.toObject();
        const QString url = stringValue(ref, u"url"_s).trimmed();
        if (types.contains(stringValue(ref, u"type"_s)) && isHttpUrl(url))
            return url;
    }
    return {};
}

QStringList propertyValues(const QJsonArray &properties, const QString &name)
{
    QStringList values;
    for (const QJsonValue &v : properties) {
        const QJsonObject p = v.toObject();
        if (stringValue(p, u"name"_s) == name && p.value(u"value"_s).isString())
            values << stringValue(p, u"value"_s);
    }
    return values;
}

QStringList declaredTags(const ComponentView &component)
{
    QStringList tags;
    for (const QJsonValue &v : component[ComponentView::Tags].toArray())
        tags << v.toString().trimmed();
    for (const QString &list : propertyValues(component[ComponentView::Properties].toArray(), u"tags"_s)) {
        for (const QString &tag : list.split(u',', Qt::SkipEmptyParts))
            tags << tag.trimmed();
    }
    return tags;
}

MappedFields mapFields(const QJsonObject &component, RecordKind kind)
{
    return mapFields(ComponentView(component), kind);
}

namespace {

MappedFields mapComponent(const ComponentView &c, RecordKind kind, bool direct)
{
    MappedFields m;
    m.record.kind = kind;
    static const QList<QPair<QString, ComponentView::Key>> identity = {{u"name"_s, ComponentView::Name},
                                                                       {u"version"_s, ComponentView::Version}};
    for (const auto &[key, viewKey] : identity) {
        if (direct) {
            assignDirect(m.record, key, c.text(viewKey));
        } else if (Status s = fields::setField(m.record, key, c.text(viewKey)); !s && m.invalidKey.isEmpty()) {
            m.invalidKey = key;
            m.invalidReason = s.error().message;
        }
        m.stated << key;
    }
    if (m.record.name.isEmpty() && m.invalidKey.isEmpty()) {
        m.invalidKey = u"name"_s;
        m.invalidReason = CycloneDxReader::tr("a record needs a name.");
    }

    FieldSetter set(m, direct);
    set.set(u"description"_s, c.text(ComponentView::Description));
    set.set(u"license"_s, licenseExpression(c[ComponentView::Licenses].toArray(), &m.licensesLossy));
    m.licensesLossy = m.licensesLossy || m.unmapped.contains(u"license"_s);
    set.set(u"purl"_s, c.text(ComponentView::Purl).trimmed());
    set.set(u"source_url"_s, sourceUrl(c[ComponentView::ExternalReferences].toArray()));
    setTags(set, m, c[ComponentView::Tags].toArray());

    switch (kind) {
    case RecordKind::Model:
        mapModel(set, c);
        break;
    case RecordKind::Dataset: {
        const QJsonArray data = c[ComponentView::Data].toArray();
        const bool sensitive = std::any_of(data.begin(), data.end(),
                                           [](const QJsonValue &d) { return statesSensitiveData(d.toObject()); });
        if (sensitive)
            set.set(u"personal_data"_s, u"yes"_s);
        break;
    }
    case RecordKind::Software: {
        set.set(u"software_type"_s, softwareTypeFor(c.text(ComponentView::Type)));
        const QString purl = m.record.purl;
        const qsizetype slash = purl.indexOf(u'/');
        if (purl.startsWith(u"pkg:"_s) && slash > 4)
            set.set(u"ecosystem"_s, purl.mid(4, slash - 4).toLower());
        break;
    }
    case RecordKind::Service:
        set.set(u"provider"_s, c[ComponentView::Provider].toObject().value(u"name"_s).toString().trimmed());
        break;
    case RecordKind::Supplier:
        break;
    }
    applyStrataProperties(set, kind, c[ComponentView::Properties].toArray());
    return m;
}

} // namespace

MappedFields mapFields(const ComponentView &c, RecordKind kind)
{
    MappedFields m = mapComponent(c, kind, true);
    if (m.invalidKey.isEmpty() && m.unmapped.isEmpty() && fields::validate(m.record).ok())
        return m;
    return mapComponent(c, kind, false); // find out which field is refused, and why
}

MappedFields mapInlineDataset(const QJsonObject &data)
{
    MappedFields m;
    m.record.kind = RecordKind::Dataset;
    if (Status s = fields::setField(m.record, u"name"_s, stringValue(data, u"name"_s)); !s) {
        m.invalidKey = u"name"_s;
        m.invalidReason = s.error().message;
    }
    if (m.record.name.isEmpty() && m.invalidKey.isEmpty()) {
        m.invalidKey = u"name"_s;
        m.invalidReason = CycloneDxReader::tr("a record needs a name.");
    }
    m.stated << u"name"_s << u"version"_s;
    FieldSetter set(m, false);
    set.set(u"description"_s, stringValue(data, u"description"_s));
    const QString url = data.value(u"contents"_s).toObject().value(u"url"_s).toString().trimmed();
    if (isHttpUrl(url))
        set.set(u"source_url"_s, url);
    if (statesSensitiveData(data))
        set.set(u"personal_data"_s, u"yes"_s);
    return m;
}

bool parseExtra(const QString &value, QJsonValue *out)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(value.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1)
        return false;
    *out = doc.array().at(0);
    return true;
}

} // namespace strata::cyclonedx
