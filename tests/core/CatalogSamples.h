// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>

namespace strata::samples {

/// A small valid catalog in the Strata format: three items whose kinds are known, two languages, two frameworks.
inline QJsonObject smallCatalog()
{
    using namespace Qt::Literals::StringLiterals;
    const auto text = [](const QString &en, const QString &zh) { return QJsonObject{{u"en"_s, en}, {u"zh_CN"_s, zh}}; };
    const auto item = [&](const QString &id, const QString &stage, const QStringList &kinds) {
        return QJsonObject{{u"id"_s, id},
                           {u"stage"_s, stage},
                           {u"kinds"_s, QJsonArray::fromStringList(kinds)},
                           {u"layers"_s, QJsonArray{u"model"_s}},
                           {u"properties"_s, QJsonArray{u"integrity"_s}},
                           {u"title"_s, text(u"Title of %1"_s.arg(id), u"%1 的标题"_s.arg(id))},
                           {u"requirement"_s, text(u"Requirement of %1"_s.arg(id), u"%1 的要求"_s.arg(id))},
                           {u"mappings"_s, QJsonObject{{u"owasp-llm"_s, QJsonArray{u"LLM03:2025"_s}},
                                                       {u"mitre-atlas"_s, QJsonArray{u"AML.T0010.003"_s}}}}};
    };
    return QJsonObject{
        {u"format"_s, u"strata-catalog"_s},
        {u"format_version"_s, 1},
        {u"id"_s, u"acme-intake"_s},
        {u"version"_s, u"1"_s},
        {u"languages"_s, QJsonArray{u"en"_s, u"zh_CN"_s}},
        {u"title"_s, text(u"Acme intake"_s, u"Acme 准入"_s)},
        {u"frameworks"_s,
         QJsonArray{QJsonObject{{u"id"_s, u"owasp-llm"_s}, {u"name"_s, u"OWASP LLM"_s}, {u"version"_s, u"2025"_s}},
                    QJsonObject{{u"id"_s, u"mitre-atlas"_s}, {u"name"_s, u"ATLAS"_s}, {u"version"_s, u"5.6.0"_s}}}},
        {u"items"_s, QJsonArray{item(u"ACME-1"_s, u"sourcing"_s, {u"model"_s}),
                                item(u"ACME-2"_s, u"data"_s, {u"dataset"_s, u"model"_s}),
                                item(u"ACME-3"_s, u"operations"_s, {u"supplier"_s})}}};
}

/// smallCatalog() after `change`, as JSON bytes.
inline QByteArray changed(const std::function<void(QJsonObject &)> &change)
{
    QJsonObject catalog = smallCatalog();
    change(catalog);
    return QJsonDocument(catalog).toJson();
}

/// Applies `change` to items[index] of the catalog.
inline void changeItem(QJsonObject &catalog, int index, const std::function<void(QJsonObject &)> &change)
{
    using namespace Qt::Literals::StringLiterals;
    QJsonArray items = catalog.value(u"items"_s).toArray();
    QJsonObject item = items.at(index).toObject();
    change(item);
    items.replace(index, item);
    catalog.insert(u"items"_s, items);
}

} // namespace strata::samples
