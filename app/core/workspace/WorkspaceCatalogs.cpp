// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// The checklist-catalog part of Workspace: kept apart so that workspace/Workspace.cpp stays about records.
#include "checklist/CatalogJson.h"
#include "checklist/CatalogReader.h"
#include "storage/CatalogRepository.h"
#include "util/Sha256.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace strata {

Result<CatalogImportResult> Workspace::importCatalog(const Catalog &catalog)
{
    if (Status s = writable(); !s)
        return s.error();
    const QString source = catalog.fileName.isEmpty() ? catalog.key : catalog.fileName;
    if (Status s = CatalogReader::check(catalog, source); !s)
        return s.error();
    Catalog stored = catalog;
    stored.contentSha256 = CatalogJson::digest(catalog);
    stored.importedAt = QDateTime::currentDateTimeUtc();
    stored.importedBy = m_actor;

    CatalogImportResult result;
    result.key = stored.key;
    result.version = stored.version;
    result.itemCount = int(stored.items.size());
    CatalogRepository repository(*m_db);
    const Status s = inTransaction([&]() -> Status {
        Result<std::optional<Catalog>> existing = repository.find(stored.key, stored.version);
        if (!existing)
            return existing.error();
        if (const std::optional<Catalog> &found = existing.value()) {
            if (found->contentSha256 != stored.contentSha256)
                return Error{ErrorCode::Conflict,
                             tr("%1: the workspace already holds catalog %2 version %3 with different content. "
                                "Assessments may refer to it, so it is never replaced: give the edited catalog a new "
                                "version and import it again.")
                                 .arg(source, stored.key, stored.version)};
            result.catalogId = found->id;
            return Ok{};
        }
        Result<qint64> id = repository.insert(stored);
        if (!id)
            return id.error();
        result.catalogId = id.value();
        result.created = true;
        return recordAudit(u"catalog.import"_s, u"catalog"_s, result.catalogId, {},
                           QJsonObject{{u"key"_s, stored.key},
                                       {u"version"_s, stored.version},
                                       {u"file"_s, source},
                                       {u"sha256"_s, stored.contentSha256},
                                       {u"items"_s, result.itemCount}});
    });
    if (!s)
        return s.error();
    if (result.created)
        changed(Change::Catalogs);
    return result;
}

Status Workspace::installBuiltinCatalogs()
{
    CatalogRepository repository(*m_db);
    for (const QString &resource : CatalogReader::builtinResources()) {
        // Runs on every open: when the workspace already holds these very bytes, skip reading them (a few ms).
        QFile file(resource);
        if (file.open(QIODevice::ReadOnly)) {
            Result<bool> held = repository.holdsSource(Sha256::hex(file.readAll()));
            if (!held)
                return held.error();
            if (held.value())
                continue;
        }
        Result<Catalog> catalog = CatalogReader::readBuiltin(resource);
        if (!catalog)
            return catalog.error();
        Result<CatalogImportResult> imported = importCatalog(catalog.value());
        if (!imported)
            return imported.error();
    }
    return Ok{};
}

Result<QList<CatalogSummary>> Workspace::catalogs() const
{
    return CatalogRepository(*m_db).list();
}

Result<Catalog> Workspace::catalog(const QString &idOrKey) const
{
    const QString text = idOrKey.trimmed();
    if (text.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("No catalog was named; give its id, id@version or number.")};
    CatalogRepository repository(*m_db);
    static const QRegularExpression digits(u"^\\d{1,18}$"_s);
    if (digits.match(text).hasMatch()) {
        Result<Catalog> byRow = repository.get(text.toLongLong());
        if (byRow || byRow.error().code != ErrorCode::NotFound)
            return byRow;
    }
    const qsizetype at = text.lastIndexOf(u'@');
    if (at > 0) {
        Result<std::optional<Catalog>> found = repository.find(text.left(at), text.mid(at + 1));
        if (!found)
            return found.error();
        if (found.value())
            return repository.get(found.value()->id);
    }
    Result<QList<qint64>> versions = repository.versions(text);
    if (!versions)
        return versions.error();
    if (versions.value().isEmpty())
        return Error{ErrorCode::NotFound, tr("No catalog is named \"%1\"; \"strata-cli catalog list\" shows the "
                                             "catalogs of this workspace.")
                                              .arg(text)};
    return repository.get(versions.value().constFirst());
}

Result<QList<CatalogItem>> Workspace::applicableItems(qint64 catalogId, RecordKind kind) const
{
    CatalogRepository repository(*m_db);
    Result<QList<CatalogItem>> all = repository.items(catalogId);
    if (!all)
        return all.error();
    if (all.value().isEmpty())
        return Error{ErrorCode::NotFound, tr("There is no catalog with the id %1; \"strata-cli catalog list\" shows "
                                             "the catalogs.")
                                              .arg(catalogId)};
    return repository.items(catalogId, kind);
}

} // namespace strata
