// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "checklist/StrataCatalogParser.h"

#include <QRegularExpression>
#include <QSet>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kTitleMax = 500;
constexpr int kTextMax = 20000;
constexpr int kSectionMax = 2000;
constexpr int kShortMax = 500;
constexpr int kVersionMax = 64;
constexpr int kRefMax = 64;
constexpr int kMaxLanguages = 16;
constexpr int kMaxFrameworks = 64;
constexpr int kMaxReferences = 64;

const QString kFormat = u"strata-catalog"_s;

const QRegularExpression &pattern(const QString &expression)
{
    static QHash<QString, QRegularExpression> cache;
    auto it = cache.find(expression);
    if (it == cache.end())
        it = cache.insert(expression, QRegularExpression(expression));
    return it.value();
}

bool matches(const QString &expression, const QString &text)
{
    return pattern(expression).match(text).hasMatch();
}

const QString kCatalogIdPattern = u"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"_s;
const QString kItemIdPattern = u"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$"_s;
const QString kFrameworkIdPattern = u"^[a-z0-9][a-z0-9.-]{0,63}$"_s;
const QString kLanguagePattern = u"^[a-z]{2,3}(_[A-Z]{2})?$"_s;
const QString kPrintablePattern = u"^[^\\x{0}-\\x{1F}\\x{7F}]+$"_s;

QString child(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : u"%1.%2"_s.arg(path, key);
}

QString element(const QString &path, int index)
{
    return u"%1[%2]"_s.arg(path, QString::number(index));
}

bool isIgnoredKey(const QString &key)
{
    return key.startsWith(u'_') || key.startsWith(u"x-"_s);
}

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return StrataCatalogParser::tr("null");
    case QJsonValue::Bool:
        return StrataCatalogParser::tr("a boolean");
    case QJsonValue::Double:
        return StrataCatalogParser::tr("a number");
    case QJsonValue::String:
        return StrataCatalogParser::tr("text");
    case QJsonValue::Array:
        return StrataCatalogParser::tr("a list");
    case QJsonValue::Object:
        return StrataCatalogParser::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return StrataCatalogParser::tr("nothing");
}

} // namespace

StrataCatalogParser::StrataCatalogParser(const CatalogTree &tree, const QString &fileName, const CatalogLimits &limits)
    : m_tree(tree)
    , m_fileName(fileName)
    , m_limits(limits)
{
}

QString StrataCatalogParser::referenceForm(const QString &frameworkId)
{
    if (frameworkId == u"owasp-llm"_s)
        return u"LLM01:2025 … LLM10:2025"_s;
    if (frameworkId == u"nist-ai-rmf"_s)
        return u"GOVERN 6.1, MAP 4.1, MEASURE 2.7, MANAGE 3.2"_s;
    if (frameworkId == u"mitre-atlas"_s)
        return u"AML.T0010, AML.T0010.003, AML.M0014"_s;
    if (frameworkId == u"nist-sp-800-53"_s)
        return u"SR-4, RA-3(1)"_s;
    if (frameworkId == u"slsa"_s)
        return u"Build L1, Build L2, Build L3"_s;
    return {};
}

bool StrataCatalogParser::isWellFormedReference(const QString &frameworkId, const QString &reference)
{
    if (frameworkId == u"owasp-llm"_s)
        return matches(u"^LLM(0[1-9]|10):[0-9]{4}$"_s, reference);
    if (frameworkId == u"nist-ai-rmf"_s)
        return matches(u"^(GOVERN|MAP|MEASURE|MANAGE) [1-9]\\.[0-9]{1,2}$"_s, reference);
    if (frameworkId == u"mitre-atlas"_s)
        return matches(u"^AML\\.(T[0-9]{4}(\\.[0-9]{3})?|M[0-9]{4})$"_s, reference);
    if (frameworkId == u"nist-sp-800-53"_s)
        return matches(
            u"^(AC|AT|AU|CA|CM|CP|IA|IR|MA|MP|PE|PL|PM|PS|PT|RA|SA|SC|SI|SR)-[0-9]{1,2}(\\([0-9]{1,2}\\))?$"_s,
            reference);
    if (frameworkId == u"slsa"_s)
        return matches(u"^Build L[0-3]$"_s, reference);
    return reference.size() <= kRefMax && reference.trimmed() == reference && matches(kPrintablePattern, reference);
}

bool StrataCatalogParser::fail(const QString &path, const QString &problem)
{
    if (m_error)
        return false;
    const QString field = m_itemKey.isEmpty() ? path : tr("%1 (item %2)").arg(path, m_itemKey);
    m_error = Error{ErrorCode::InvalidInput,
                    tr("%1: %2: %3. The catalog was not imported.").arg(location(path), field, problem)};
    return false;
}

QString StrataCatalogParser::location(const QString &path) const
{
    // The nearest value with a known line: the field itself, else the object that holds it.
    QString p = path;
    while (!p.isEmpty()) {
        if (const auto it = m_tree.lines.constFind(p); it != m_tree.lines.cend())
            return tr("%1, line %2").arg(m_fileName, QString::number(it.value()));
        const qsizetype cut = std::max(p.lastIndexOf(u'.'), p.lastIndexOf(u'['));
        p = cut > 0 ? p.left(cut) : QString();
    }
    return m_fileName;
}

bool StrataCatalogParser::checkKeys(const QJsonObject &object, const QString &path, const QStringList &allowed)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()) && !isIgnoredKey(it.key()))
            return fail(child(path, it.key()),
                        tr("unknown field; the fields here are %1 (keys starting with _ or x- are ignored)")
                            .arg(allowed.join(u", "_s)));
    }
    return true;
}

bool StrataCatalogParser::readString(
    const QJsonObject &object, const QString &key, const QString &path, bool required, int maxLength, QString *out)
{
    const QString at = child(path, key);
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return required ? fail(at, tr("this field is required")) : true;
    if (!value.isString())
        return fail(at, tr("expected text, found %1").arg(jsonTypeName(value)));
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return required ? fail(at, tr("this field is required and may not be empty")) : true;
    if (text.size() > maxLength)
        return fail(at, tr("the text is %1 characters long; at most %2 are allowed").arg(text.size()).arg(maxLength));
    *out = text;
    return true;
}

bool StrataCatalogParser::readText(const QJsonObject &object,
                                   const QString &key,
                                   const QString &path,
                                   bool required,
                                   int maxLength,
                                   LocalizedText *out)
{
    const QString at = child(path, key);
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return required ? fail(at, tr("this field is required")) : true;
    LocalizedText text;
    if (value.isString()) {
        QString plain;
        if (!readString(object, key, path, required, maxLength, &plain))
            return false;
        if (!plain.isEmpty())
            text.texts.insert(m_languages.value(0, u"en"_s), plain);
    } else if (value.isObject()) {
        const QJsonObject languages = value.toObject();
        if (languages.size() > kMaxLanguages)
            return fail(at,
                        tr("%1 languages are given; at most %2 are allowed").arg(languages.size()).arg(kMaxLanguages));
        for (auto it = languages.begin(); it != languages.end(); ++it) {
            if (isIgnoredKey(it.key()))
                continue;
            if (!matches(kLanguagePattern, it.key()))
                return fail(child(at, it.key()),
                            tr("\"%1\" is not a language code such as en, fr or zh_CN").arg(it.key()));
            QString one;
            if (!readString(languages, it.key(), at, true, maxLength, &one))
                return false;
            text.texts.insert(it.key(), one);
        }
    } else {
        return fail(at, tr("expected text or an object of texts by language, found %1").arg(jsonTypeName(value)));
    }
    if (required || !text.isEmpty()) {
        for (const QString &language : std::as_const(m_languages)) {
            if (!text.texts.contains(language))
                return fail(at, tr("the %1 text is missing; every text needs each language the catalog lists (%2)")
                                    .arg(language, m_languages.join(u", "_s)));
        }
    }
    *out = text;
    return true;
}

bool StrataCatalogParser::readList(const QJsonObject &object,
                                   const QString &key,
                                   const QString &path,
                                   bool required,
                                   int maxCount,
                                   const QString &expected,
                                   const std::function<bool(const QString &)> &valid,
                                   QStringList *out)
{
    const QString at = child(path, key);
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return required ? fail(at, tr("this field is required")) : true;
    if (!value.isArray())
        return fail(at, tr("expected a list, found %1").arg(jsonTypeName(value)));
    const QJsonArray array = value.toArray();
    if (required && array.isEmpty())
        return fail(at, tr("the list is empty; give at least one of: %1").arg(expected));
    if (array.size() > maxCount)
        return fail(at, tr("the list has %1 entries; at most %2 are allowed").arg(array.size()).arg(maxCount));
    QStringList list;
    for (int i = 0; i < array.size(); ++i) {
        const QString entryPath = element(at, i);
        if (!array.at(i).isString())
            return fail(entryPath, tr("expected text, found %1").arg(jsonTypeName(array.at(i))));
        const QString entry = array.at(i).toString();
        if (!valid(entry))
            return fail(entryPath, tr("\"%1\" is not allowed here; use one of: %2").arg(entry, expected));
        if (list.contains(entry))
            return fail(entryPath, tr("\"%1\" is listed twice").arg(entry));
        list.append(entry);
    }
    *out = list;
    return true;
}

bool StrataCatalogParser::readHeader(Catalog *catalog)
{
    const QJsonObject &root = m_tree.root;
    if (!checkKeys(root, {},
                   {u"format"_s, u"format_version"_s, u"id"_s, u"version"_s, u"languages"_s, u"title"_s,
                    u"description"_s, u"wording"_s, u"source"_s, u"frameworks"_s, u"items"_s}))
        return false;
    QString format;
    if (!readString(root, u"format"_s, {}, true, kShortMax, &format))
        return false;
    if (format != kFormat)
        return fail(u"format"_s, tr("\"%1\" is not a Strata catalog format; it must be \"%2\"").arg(format, kFormat));
    const QJsonValue version = root.value(u"format_version"_s);
    if (!version.isDouble() || version.toDouble() != std::floor(version.toDouble()) || version.toDouble() < 1)
        return fail(u"format_version"_s, tr("expected a whole number such as 1, found %1").arg(jsonTypeName(version)));
    if (version.toDouble() > Catalog::kFormatVersion)
        return fail(u"format_version"_s, tr("the file uses catalog format %1, but this version of Strata reads format "
                                            "%2 only; update Strata to import it")
                                             .arg(version.toInteger())
                                             .arg(Catalog::kFormatVersion));
    catalog->formatVersion = int(version.toInteger());
    if (!readString(root, u"id"_s, {}, true, 128, &catalog->key))
        return false;
    if (!matches(kCatalogIdPattern, catalog->key))
        return fail(u"id"_s, tr("\"%1\" is not a catalog id: use letters, digits and . _ : -, starting with a letter "
                                "or digit, at most 128 characters")
                                 .arg(catalog->key));
    if (!readString(root, u"version"_s, {}, true, kVersionMax, &catalog->version))
        return false;
    if (!matches(kPrintablePattern, catalog->version))
        return fail(u"version"_s, tr("the version contains control characters"));
    if (!readList(
            root, u"languages"_s, {}, true, kMaxLanguages, tr("language codes such as en or zh_CN"),
            [](const QString &code) { return matches(kLanguagePattern, code); }, &catalog->languages))
        return false;
    m_languages = catalog->languages;
    if (!readText(root, u"title"_s, {}, true, kTitleMax, &catalog->title) ||
        !readText(root, u"description"_s, {}, false, kTextMax, &catalog->description) ||
        !readText(root, u"wording"_s, {}, false, kTextMax, &catalog->wording))
        return false;

    const QJsonValue source = root.value(u"source"_s);
    if (!source.isUndefined() && !source.isNull()) {
        if (!source.isObject())
            return fail(u"source"_s, tr("expected an object, found %1").arg(jsonTypeName(source)));
        const QJsonObject s = source.toObject();
        const QString at = u"source"_s;
        if (!checkKeys(s, at, {u"standard"_s, u"title"_s, u"edition"_s, u"publisher"_s, u"url"_s}) ||
            !readString(s, u"standard"_s, at, false, kShortMax, &catalog->sourceStandard) ||
            !readText(s, u"title"_s, at, false, kTitleMax, &catalog->sourceTitle) ||
            !readString(s, u"edition"_s, at, false, kShortMax, &catalog->sourceEdition) ||
            !readString(s, u"publisher"_s, at, false, kShortMax, &catalog->sourcePublisher) ||
            !readString(s, u"url"_s, at, false, kShortMax, &catalog->sourceUrl))
            return false;
    }
    return readFrameworks(catalog);
}

bool StrataCatalogParser::readFrameworks(Catalog *catalog)
{
    const QJsonValue value = m_tree.root.value(u"frameworks"_s);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isArray())
        return fail(u"frameworks"_s, tr("expected a list, found %1").arg(jsonTypeName(value)));
    const QJsonArray array = value.toArray();
    if (array.size() > kMaxFrameworks)
        return fail(u"frameworks"_s,
                    tr("the list has %1 entries; at most %2 are allowed").arg(array.size()).arg(kMaxFrameworks));
    for (int i = 0; i < array.size(); ++i) {
        const QString at = element(u"frameworks"_s, i);
        if (!array.at(i).isObject())
            return fail(at, tr("expected an object, found %1").arg(jsonTypeName(array.at(i))));
        const QJsonObject f = array.at(i).toObject();
        CatalogFramework framework;
        if (!checkKeys(f, at, {u"id"_s, u"name"_s, u"version"_s, u"url"_s}) ||
            !readString(f, u"id"_s, at, true, 64, &framework.id) ||
            !readString(f, u"name"_s, at, true, kShortMax, &framework.name) ||
            !readString(f, u"version"_s, at, true, kVersionMax, &framework.version) ||
            !readString(f, u"url"_s, at, false, kShortMax, &framework.url))
            return false;
        if (!matches(kFrameworkIdPattern, framework.id))
            return fail(child(at, u"id"_s),
                        tr("\"%1\" is not a framework id: use lowercase letters, digits, . and -").arg(framework.id));
        if (catalog->framework(framework.id))
            return fail(child(at, u"id"_s), tr("the framework \"%1\" is declared twice").arg(framework.id));
        catalog->frameworks.append(framework);
    }
    return true;
}

bool StrataCatalogParser::readMappings(const QJsonObject &object,
                                       const QString &path,
                                       const Catalog &catalog,
                                       CatalogItem *item)
{
    const QString at = child(path, u"mappings"_s);
    const QJsonValue value = object.value(u"mappings"_s);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isObject())
        return fail(
            at, tr("expected an object of framework ids to lists of references, found %1").arg(jsonTypeName(value)));
    const QJsonObject mappings = value.toObject();
    for (auto it = mappings.begin(); it != mappings.end(); ++it) {
        if (isIgnoredKey(it.key()))
            continue;
        const CatalogFramework *framework = catalog.framework(it.key());
        if (!framework) {
            QStringList declared;
            for (const CatalogFramework &f : catalog.frameworks)
                declared << f.id;
            return fail(child(at, it.key()),
                        declared.isEmpty()
                            ? tr("the framework \"%1\" is not declared; add it to \"frameworks\" with its version")
                                  .arg(it.key())
                            : tr("the framework \"%1\" is not declared in \"frameworks\" (declared: %2)")
                                  .arg(it.key(), declared.join(u", "_s)));
        }
        const QString form = referenceForm(framework->id);
        const QString expected = form.isEmpty() ? tr("text of at most %1 characters").arg(kRefMax) : form;
        QStringList references;
        if (!readList(
                mappings, it.key(), at, true, kMaxReferences, expected,
                [&framework](const QString &r) { return isWellFormedReference(framework->id, r); }, &references))
            return false;
        if (framework->id == u"owasp-llm"_s) {
            // The year in LLM03:2025 names the edition; it must be the edition the catalog declares.
            for (int i = 0; i < references.size(); ++i) {
                if (references.at(i).right(4) != framework->version)
                    return fail(element(child(at, it.key()), i),
                                tr("\"%1\" belongs to the %2 edition, but owasp-llm is declared as version %3")
                                    .arg(references.at(i), references.at(i).right(4), framework->version));
            }
        }
        item->mappings.insert(it.key(), references);
    }
    return true;
}

bool StrataCatalogParser::readItem(const QJsonValue &value,
                                   const QString &path,
                                   const Catalog &catalog,
                                   CatalogItem *item)
{
    m_itemKey.clear();
    if (!value.isObject())
        return fail(path, tr("expected an object, found %1").arg(jsonTypeName(value)));
    const QJsonObject o = value.toObject();
    if (!readString(o, u"id"_s, path, true, 200, &item->key))
        return false;
    if (!matches(kItemIdPattern, item->key))
        return fail(child(path, u"id"_s), tr("\"%1\" is not an item id: use letters, digits and . _ : / -, starting "
                                             "with a letter or digit, at most 200 characters")
                                              .arg(item->key));
    m_itemKey = item->key;
    if (!checkKeys(o, path,
                   {u"id"_s, u"ref"_s, u"stage"_s, u"kinds"_s, u"layers"_s, u"properties"_s, u"mandatory"_s, u"title"_s,
                    u"requirement"_s, u"guidance"_s, u"evidence"_s, u"section"_s, u"mappings"_s, u"wdta_themes"_s,
                    u"wdta_clause"_s}) ||
        !readString(o, u"ref"_s, path, false, kRefMax, &item->ref))
        return false;

    QString stage;
    QStringList stageKeys;
    for (LifecycleStage s : allLifecycleStages())
        stageKeys << lifecycleStageKey(s);
    if (!readString(o, u"stage"_s, path, true, 64, &stage))
        return false;
    const std::optional<LifecycleStage> parsedStage = lifecycleStageFromKey(stage);
    if (!parsedStage)
        return fail(child(path, u"stage"_s),
                    tr("\"%1\" is not a lifecycle stage; use one of: %2").arg(stage, stageKeys.join(u", "_s)));
    item->stage = *parsedStage;

    QStringList kindKeys;
    for (RecordKind k : allRecordKinds())
        kindKeys << recordKindKey(k);
    QStringList layerKeys;
    for (SystemLayer l : allSystemLayers())
        layerKeys << systemLayerKey(l);
    QStringList propertyKeys;
    for (SecurityProperty p : allSecurityProperties())
        propertyKeys << securityPropertyKey(p);
    QStringList kinds;
    QStringList layers;
    QStringList properties;
    const auto in = [](const QStringList &keys) { return [keys](const QString &k) { return keys.contains(k); }; };
    if (!readList(o, u"kinds"_s, path, true, 5, kindKeys.join(u", "_s), in(kindKeys), &kinds) ||
        !readList(o, u"layers"_s, path, false, 5, layerKeys.join(u", "_s), in(layerKeys), &layers) ||
        !readList(o, u"properties"_s, path, false, 5, propertyKeys.join(u", "_s), in(propertyKeys), &properties) ||
        !readList(o, u"wdta_themes"_s, path, false, wdtaThemeKeys().size(), wdtaThemeKeys().join(u", "_s),
                  in(wdtaThemeKeys()), &item->wdtaThemes))
        return false;
    // Canonical order, so that the order written in the file does not change the catalog's digest.
    for (RecordKind k : allRecordKinds()) {
        if (kinds.contains(recordKindKey(k)))
            item->kinds << k;
    }
    for (SystemLayer l : allSystemLayers()) {
        if (layers.contains(systemLayerKey(l)))
            item->layers << l;
    }
    for (SecurityProperty p : allSecurityProperties()) {
        if (properties.contains(securityPropertyKey(p)))
            item->properties << p;
    }

    const QJsonValue mandatory = o.value(u"mandatory"_s);
    if (!mandatory.isUndefined() && !mandatory.isNull()) {
        if (!mandatory.isBool())
            return fail(child(path, u"mandatory"_s),
                        tr("expected true or false, found %1").arg(jsonTypeName(mandatory)));
        item->mandatory = mandatory.toBool();
    }
    return readText(o, u"title"_s, path, true, kTitleMax, &item->title) &&
           readText(o, u"requirement"_s, path, true, kTextMax, &item->requirement) &&
           readText(o, u"guidance"_s, path, false, kTextMax, &item->guidance) &&
           readText(o, u"evidence"_s, path, false, kTextMax, &item->evidence) &&
           readText(o, u"section"_s, path, false, kSectionMax, &item->section) &&
           readString(o, u"wdta_clause"_s, path, false, kRefMax, &item->wdtaClause) &&
           readMappings(o, path, catalog, item);
}

Result<Catalog> StrataCatalogParser::parse()
{
    Catalog catalog;
    catalog.format = CatalogFormat::Strata;
    if (!readHeader(&catalog))
        return *m_error;
    const QJsonValue items = m_tree.root.value(u"items"_s);
    if (!items.isArray()) {
        fail(u"items"_s, items.isUndefined() ? tr("this field is required")
                                             : tr("expected a list, found %1").arg(jsonTypeName(items)));
        return *m_error;
    }
    const QJsonArray array = items.toArray();
    if (array.isEmpty()) {
        fail(u"items"_s, tr("the catalog has no items"));
        return *m_error;
    }
    if (array.size() > m_limits.maxItems) {
        fail(u"items"_s,
             tr("the catalog has %1 items; at most %2 are allowed").arg(array.size()).arg(m_limits.maxItems));
        return *m_error;
    }
    QHash<QString, int> seen; // lowercase id -> index
    for (int i = 0; i < array.size(); ++i) {
        CatalogItem item;
        const QString path = element(u"items"_s, i);
        if (!readItem(array.at(i), path, catalog, &item))
            return *m_error;
        const QString folded = item.key.toLower();
        if (const auto it = seen.constFind(folded); it != seen.cend()) {
            fail(child(path, u"id"_s), tr("the id \"%1\" is already used by items[%2]; item ids must be unique "
                                          "(compared without regard to case)")
                                           .arg(item.key, QString::number(it.value())));
            return *m_error;
        }
        seen.insert(folded, i);
        catalog.items.append(item);
    }
    return catalog;
}

} // namespace strata
