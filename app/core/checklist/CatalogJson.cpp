// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "checklist/CatalogJson.h"

#include "util/Sha256.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

template<typename T>
QJsonArray keys(const QList<T> &values, QString (*keyOf)(T))
{
    QJsonArray array;
    for (T value : values)
        array.append(keyOf(value));
    return array;
}

void insertText(QJsonObject &object, const QString &key, const LocalizedText &text)
{
    if (!text.isEmpty())
        object.insert(key, CatalogJson::textToJson(text));
}

void insertString(QJsonObject &object, const QString &key, const QString &text)
{
    if (!text.isEmpty())
        object.insert(key, text);
}

} // namespace

QJsonValue CatalogJson::textToJson(const LocalizedText &text)
{
    QJsonObject object;
    for (auto it = text.texts.cbegin(); it != text.texts.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

LocalizedText CatalogJson::textFromJson(const QJsonValue &value)
{
    LocalizedText text;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        text.texts.insert(it.key(), it.value().toString());
    return text;
}

QJsonObject CatalogJson::itemToJson(const CatalogItem &item)
{
    QJsonObject o;
    o.insert(u"id"_s, item.key);
    insertString(o, u"ref"_s, item.ref);
    o.insert(u"stage"_s, lifecycleStageKey(item.stage));
    o.insert(u"kinds"_s, keys(item.kinds, recordKindKey));
    if (!item.layers.isEmpty())
        o.insert(u"layers"_s, keys(item.layers, systemLayerKey));
    if (!item.properties.isEmpty())
        o.insert(u"properties"_s, keys(item.properties, securityPropertyKey));
    o.insert(u"mandatory"_s, item.mandatory);
    insertText(o, u"title"_s, item.title);
    insertText(o, u"requirement"_s, item.requirement);
    insertText(o, u"guidance"_s, item.guidance);
    insertText(o, u"evidence"_s, item.evidence);
    insertText(o, u"section"_s, item.section);
    if (!item.mappings.isEmpty()) {
        QJsonObject mappings;
        for (auto it = item.mappings.cbegin(); it != item.mappings.cend(); ++it)
            mappings.insert(it.key(), QJsonArray::fromStringList(it.value()));
        o.insert(u"mappings"_s, mappings);
    }
    if (!item.wdtaThemes.isEmpty())
        o.insert(u"wdta_themes"_s, QJsonArray::fromStringList(item.wdtaThemes));
    insertString(o, u"wdta_clause"_s, item.wdtaClause);
    return o;
}

QJsonObject CatalogJson::toJson(const Catalog &catalog)
{
    QJsonObject o;
    o.insert(u"format"_s, u"strata-catalog"_s);
    o.insert(u"format_version"_s, Catalog::kFormatVersion);
    o.insert(u"id"_s, catalog.key);
    o.insert(u"version"_s, catalog.version);
    o.insert(u"languages"_s, QJsonArray::fromStringList(catalog.languages));
    insertText(o, u"title"_s, catalog.title);
    insertText(o, u"description"_s, catalog.description);
    insertText(o, u"wording"_s, catalog.wording);
    QJsonObject source;
    insertString(source, u"standard"_s, catalog.sourceStandard);
    insertText(source, u"title"_s, catalog.sourceTitle);
    insertString(source, u"edition"_s, catalog.sourceEdition);
    insertString(source, u"publisher"_s, catalog.sourcePublisher);
    insertString(source, u"url"_s, catalog.sourceUrl);
    if (!source.isEmpty())
        o.insert(u"source"_s, source);
    if (!catalog.frameworks.isEmpty()) {
        QJsonArray frameworks;
        for (const CatalogFramework &f : catalog.frameworks) {
            QJsonObject framework{{u"id"_s, f.id}, {u"name"_s, f.name}, {u"version"_s, f.version}};
            insertString(framework, u"url"_s, f.url);
            frameworks.append(framework);
        }
        o.insert(u"frameworks"_s, frameworks);
    }
    QJsonArray items;
    for (const CatalogItem &item : catalog.items)
        items.append(itemToJson(item));
    o.insert(u"items"_s, items);
    return o;
}

QString CatalogJson::digest(const Catalog &catalog)
{
    return Sha256::hex(QJsonDocument(toJson(catalog)).toJson(QJsonDocument::Compact));
}

} // namespace strata
