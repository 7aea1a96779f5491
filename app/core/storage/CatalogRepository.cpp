// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/CatalogRepository.h"

#include "checklist/CatalogJson.h"
#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

template<typename T>
QString joinKeys(const QList<T> &values, QString (*keyOf)(T))
{
    QStringList keys;
    for (T value : values)
        keys << keyOf(value);
    return keys.join(u',');
}

template<typename T>
QList<T> splitKeys(const QString &text, std::optional<T> (*fromKey)(const QString &))
{
    QList<T> values;
    for (const QString &key : text.split(u',', Qt::SkipEmptyParts)) {
        if (const std::optional<T> value = fromKey(key))
            values << *value;
    }
    return values;
}

/// What the catalog row keeps besides its columns: everything of the format-1 document except the items.
QJsonObject metadataOf(const Catalog &catalog)
{
    QJsonObject metadata = CatalogJson::toJson(catalog);
    for (const QString &column : {u"format"_s, u"format_version"_s, u"id"_s, u"version"_s, u"languages"_s, u"items"_s})
        metadata.remove(column);
    return metadata;
}

void applyMetadata(const QJsonObject &metadata, Catalog *catalog)
{
    catalog->title = CatalogJson::textFromJson(metadata.value(u"title"_s));
    catalog->description = CatalogJson::textFromJson(metadata.value(u"description"_s));
    catalog->wording = CatalogJson::textFromJson(metadata.value(u"wording"_s));
    const QJsonObject source = metadata.value(u"source"_s).toObject();
    catalog->sourceStandard = source.value(u"standard"_s).toString();
    catalog->sourceTitle = CatalogJson::textFromJson(source.value(u"title"_s));
    catalog->sourceEdition = source.value(u"edition"_s).toString();
    catalog->sourcePublisher = source.value(u"publisher"_s).toString();
    catalog->sourceUrl = source.value(u"url"_s).toString();
    for (const QJsonValue &value : metadata.value(u"frameworks"_s).toArray()) {
        const QJsonObject f = value.toObject();
        catalog->frameworks.append({f.value(u"id"_s).toString(), f.value(u"name"_s).toString(),
                                    f.value(u"version"_s).toString(), f.value(u"url"_s).toString()});
    }
}

const QString kCatalogColumns =
    u"c.id, c.catalog_key, c.version, c.format, c.format_version, c.builtin, c.languages, "
    "c.metadata, c.content_sha256, c.file_name, c.imported_at, c.imported_by, c.source_sha256"_s;

Catalog catalogFromQuery(const QSqlQuery &q)
{
    Catalog c;
    c.id = q.value(0).toLongLong();
    c.key = q.value(1).toString();
    c.version = q.value(2).toString();
    c.format = q.value(3).toString() == u"ciso-assistant"_s ? CatalogFormat::CisoAssistant : CatalogFormat::Strata;
    c.formatVersion = q.value(4).toInt();
    c.builtin = q.value(5).toInt() == 1;
    c.languages = q.value(6).toString().split(u',', Qt::SkipEmptyParts);
    applyMetadata(parseObject(q.value(7).toString()), &c);
    c.contentSha256 = q.value(8).toString();
    c.fileName = q.value(9).toString();
    c.importedAt = sql::timeFromText(q.value(10).toString());
    c.importedBy = q.value(11).toString();
    c.sourceSha256 = q.value(12).toString();
    return c;
}

} // namespace

CatalogRepository::CatalogRepository(const Database &db)
    : m_db(db)
{
}

Result<std::optional<Catalog>> CatalogRepository::find(const QString &key, const QString &version) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(
        u"SELECT %1 FROM catalog c WHERE c.catalog_key = ? COLLATE NOCASE AND c.version = ?"_s.arg(kCatalogColumns));
    q.addBindValue(key);
    q.addBindValue(version);
    if (!q.exec())
        return m_db.sqlError(tr("Looking up the catalog %1 version %2").arg(key, version), q.lastError());
    if (!q.next())
        return std::optional<Catalog>();
    return std::optional<Catalog>(catalogFromQuery(q));
}

Result<bool> CatalogRepository::holdsSource(const QString &sourceSha256) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT 1 FROM catalog WHERE source_sha256 = ? LIMIT 1"_s);
    q.addBindValue(sourceSha256);
    if (!q.exec())
        return m_db.sqlError(tr("Looking up a catalog by its file digest"), q.lastError());
    return q.next();
}

Result<qint64> CatalogRepository::insert(const Catalog &catalog)
{
    const QString what = tr("Storing the catalog %1 version %2").arg(catalog.key, catalog.version);
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO catalog (catalog_key, version, format, format_version, builtin, languages, metadata, "
              "content_sha256, source_sha256, file_name, imported_at, imported_by) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(catalog.key);
    q.addBindValue(catalog.version);
    q.addBindValue(catalogFormatKey(catalog.format));
    q.addBindValue(catalog.formatVersion);
    q.addBindValue(catalog.builtin ? 1 : 0);
    q.addBindValue(catalog.languages.join(u','));
    q.addBindValue(compact(metadataOf(catalog)));
    q.addBindValue(sql::nonNull(catalog.contentSha256));
    q.addBindValue(sql::nonNull(catalog.sourceSha256));
    q.addBindValue(sql::nonNull(catalog.fileName));
    q.addBindValue(sql::timeToText(catalog.importedAt));
    q.addBindValue(sql::nonNull(catalog.importedBy));
    if (!q.exec())
        return m_db.sqlError(what, q.lastError());
    const qint64 catalogId = q.lastInsertId().toLongLong();

    QSqlQuery item(m_db.connection());
    item.prepare(
        u"INSERT INTO catalog_item (catalog_id, item_key, position, ref, stage, mandatory, layers, "
        "properties, texts, mappings, wdta_themes, wdta_clause) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    QSqlQuery kind(m_db.connection());
    kind.prepare(u"INSERT INTO catalog_item_kind (item_id, kind) VALUES (?, ?)"_s);
    for (int position = 0; position < catalog.items.size(); ++position) {
        const CatalogItem &i = catalog.items.at(position);
        const QJsonObject json = CatalogJson::itemToJson(i);
        QJsonObject texts;
        for (const QString &field : {u"title"_s, u"requirement"_s, u"guidance"_s, u"evidence"_s, u"section"_s}) {
            if (json.contains(field))
                texts.insert(field, json.value(field));
        }
        item.addBindValue(catalogId);
        item.addBindValue(i.key);
        item.addBindValue(position);
        item.addBindValue(sql::nonNull(i.ref));
        item.addBindValue(lifecycleStageKey(i.stage));
        item.addBindValue(i.mandatory ? 1 : 0);
        item.addBindValue(sql::nonNull(joinKeys(i.layers, systemLayerKey)));
        item.addBindValue(sql::nonNull(joinKeys(i.properties, securityPropertyKey)));
        item.addBindValue(compact(texts));
        item.addBindValue(compact(json.value(u"mappings"_s).toObject()));
        item.addBindValue(sql::nonNull(i.wdtaThemes.join(u',')));
        item.addBindValue(sql::nonNull(i.wdtaClause));
        if (!item.exec())
            return m_db.sqlError(tr("%1 (item %2)").arg(what, i.key), item.lastError());
        const qint64 itemId = item.lastInsertId().toLongLong();
        for (RecordKind k : i.kinds) {
            kind.addBindValue(itemId);
            kind.addBindValue(recordKindKey(k));
            if (!kind.exec())
                return m_db.sqlError(tr("%1 (item %2)").arg(what, i.key), kind.lastError());
        }
    }
    return catalogId;
}

Result<QList<CatalogSummary>> CatalogRepository::list() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT %1, (SELECT count(*) FROM catalog_item i WHERE i.catalog_id = c.id) FROM catalog c "
                "ORDER BY c.catalog_key COLLATE NOCASE, c.id"_s.arg(kCatalogColumns)))
        return m_db.sqlError(tr("Listing the catalogs"), q.lastError());
    QList<CatalogSummary> summaries;
    while (q.next()) {
        const Catalog c = catalogFromQuery(q);
        summaries.append({c.id, c.key, c.version, c.title, c.format, c.builtin, q.value(13).toInt(), c.importedAt});
    }
    return summaries;
}

Result<QList<qint64>> CatalogRepository::versions(const QString &key) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT id FROM catalog WHERE catalog_key = ? COLLATE NOCASE ORDER BY id DESC"_s);
    q.addBindValue(key);
    if (!q.exec())
        return m_db.sqlError(tr("Looking up the catalog %1").arg(key), q.lastError());
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

Result<Catalog> CatalogRepository::get(qint64 catalogId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT %1 FROM catalog c WHERE c.id = ?"_s.arg(kCatalogColumns));
    q.addBindValue(catalogId);
    if (!q.exec())
        return m_db.sqlError(tr("Reading catalog %1").arg(catalogId), q.lastError());
    if (!q.next())
        return Error{ErrorCode::NotFound, tr("There is no catalog with the id %1; \"strata-cli catalog list\" shows "
                                             "the catalogs.")
                                              .arg(catalogId)};
    Catalog catalog = catalogFromQuery(q);
    Result<QList<CatalogItem>> items = this->items(catalogId);
    if (!items)
        return items.error();
    catalog.items = std::move(items).value();
    return catalog;
}

Result<QList<CatalogItem>> CatalogRepository::items(qint64 catalogId, std::optional<RecordKind> kind) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    QString sqlText = u"SELECT i.id, i.item_key, i.ref, i.stage, i.mandatory, i.layers, i.properties, i.texts, "
                      "i.mappings, i.wdta_themes, i.wdta_clause, "
                      "(SELECT group_concat(k.kind) FROM catalog_item_kind k WHERE k.item_id = i.id) "
                      "FROM catalog_item i WHERE i.catalog_id = ?"_s;
    if (kind)
        sqlText += u" AND EXISTS (SELECT 1 FROM catalog_item_kind k WHERE k.item_id = i.id AND k.kind = ?)"_s;
    q.prepare(sqlText + u" ORDER BY i.position"_s);
    q.addBindValue(catalogId);
    if (kind)
        q.addBindValue(recordKindKey(*kind));
    if (!q.exec())
        return m_db.sqlError(tr("Reading the items of catalog %1").arg(catalogId), q.lastError());
    QList<CatalogItem> items;
    while (q.next()) {
        CatalogItem item;
        item.id = q.value(0).toLongLong();
        item.key = q.value(1).toString();
        item.ref = q.value(2).toString();
        item.stage = lifecycleStageFromKey(q.value(3).toString()).value_or(LifecycleStage::Governance);
        item.mandatory = q.value(4).toInt() == 1;
        item.layers = splitKeys(q.value(5).toString(), systemLayerFromKey);
        item.properties = splitKeys(q.value(6).toString(), securityPropertyFromKey);
        const QJsonObject texts = parseObject(q.value(7).toString());
        item.title = CatalogJson::textFromJson(texts.value(u"title"_s));
        item.requirement = CatalogJson::textFromJson(texts.value(u"requirement"_s));
        item.guidance = CatalogJson::textFromJson(texts.value(u"guidance"_s));
        item.evidence = CatalogJson::textFromJson(texts.value(u"evidence"_s));
        item.section = CatalogJson::textFromJson(texts.value(u"section"_s));
        const QJsonObject mappings = parseObject(q.value(8).toString());
        for (auto it = mappings.begin(); it != mappings.end(); ++it) {
            QStringList references;
            for (const QJsonValue &r : it.value().toArray())
                references << r.toString();
            item.mappings.insert(it.key(), references);
        }
        item.wdtaThemes = q.value(9).toString().split(u',', Qt::SkipEmptyParts);
        item.wdtaClause = q.value(10).toString();
        // Kinds in the canonical order, whatever order the rows came in.
        const QStringList kinds = q.value(11).toString().split(u',', Qt::SkipEmptyParts);
        for (RecordKind k : allRecordKinds()) {
            if (kinds.contains(recordKindKey(k)))
                item.kinds << k;
        }
        items.append(item);
    }
    return items;
}

} // namespace strata
