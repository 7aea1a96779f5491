// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CatalogCommands.h"

#include "CommandLine.h"
#include "Output.h"
#include "checklist/CatalogJson.h"
#include "checklist/CatalogReader.h"
#include "util/IsoText.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

const QString kList = u"list"_s;
const QString kShow = u"show"_s;
const QString kImport = u"import"_s;

template<typename T>
QString joinKeys(const QList<T> &values, QString (*keyOf)(T))
{
    QStringList keys;
    for (T value : values)
        keys << keyOf(value);
    return keys.join(u", "_s);
}

QJsonObject summaryJson(const CatalogSummary &summary)
{
    return QJsonObject{{u"id"_s, summary.id},
                       {u"catalog"_s, summary.key},
                       {u"version"_s, summary.version},
                       {u"title"_s, CatalogJson::textToJson(summary.title)},
                       {u"format"_s, catalogFormatKey(summary.format)},
                       {u"builtin"_s, summary.builtin},
                       {u"items"_s, summary.itemCount},
                       {u"imported_at"_s, iso::time(summary.importedAt)}};
}

/// What the workspace knows about a stored catalog beyond its content; "x-" keys are ignored on import, so the
/// output of `catalog show --json` can be edited and imported again.
QJsonObject workspaceJson(const Catalog &catalog, int itemCount)
{
    return QJsonObject{{u"id"_s, catalog.id},
                       {u"format"_s, catalogFormatKey(catalog.format)},
                       {u"builtin"_s, catalog.builtin},
                       {u"file_name"_s, catalog.fileName},
                       {u"content_sha256"_s, catalog.contentSha256},
                       {u"imported_at"_s, iso::time(catalog.importedAt)},
                       {u"imported_by"_s, catalog.importedBy},
                       {u"items"_s, itemCount}};
}

} // namespace

CatalogCommands::CatalogCommands(const GlobalOptions &options, const Output &out)
    : m_options(options)
    , m_out(out)
{
}

QList<CommandSpec> CatalogCommands::specs()
{
    return {{u"catalog"_s,
             tr("list | show ID [--kind KIND] [--item ITEM] | import FILE"),
             tr("List, show and import checklist catalogs"),
             tr("catalog list            the catalogs of the workspace, with the number of their items\n"
                "catalog show ID         a catalog and its items by lifecycle stage; ID is the number from\n"
                "                        \"catalog list\", a catalog id (its newest version) or id@version\n"
                "  --kind KIND           only the items that apply to records of KIND (supplier, model,\n"
                "                        dataset, software, service)\n"
                "  --item ITEM           one item in full: requirement, guidance, evidence and mappings\n"
                "catalog import FILE     a Strata catalog (JSON or YAML) or a CISO Assistant framework\n"
                "                        library (YAML); the format is read from the content\n"
                "Every workspace holds the built-in WDTA AI-STR-03 catalog. An import is checked completely\n"
                "before anything is stored: a file that fails changes nothing. Importing the same catalog id\n"
                "and version again changes nothing; the same id and version with other content is refused.\n"
                "With --json, \"catalog show\" prints the catalog in the Strata catalog format, which can be\n"
                "edited, given a new version, and imported again."),
             {{u"kind"_s, tr("KIND"), tr("show only the items that apply to records of this kind"), false, false},
              {u"item"_s, tr("ITEM"), tr("show one item in full"), false, false}},
             {tr("list|show|import"), tr("ID|FILE")},
             1}};
}

int CatalogCommands::run(const QString &command, const CommandArguments &arguments)
{
    if (command != u"catalog"_s)
        return m_out.usageError(tr("Unknown command \"%1\".").arg(command));
    const QString action = arguments.positional.value(0);
    const QString usage = u"strata-cli catalog %1"_s.arg(specs().constFirst().synopsis);
    const bool hasOptions = arguments.has(u"kind"_s) || arguments.has(u"item"_s);
    if (action == kList) {
        if (arguments.positional.size() > 1 || hasOptions)
            return m_out.usageError(tr("\"catalog list\" takes no arguments; usage: %1").arg(usage));
        return list();
    }
    if (action == kShow) {
        if (arguments.positional.size() != 2)
            return m_out.usageError(tr("\"catalog show\" needs one catalog ID; usage: %1").arg(usage));
        return show(arguments);
    }
    if (action == kImport) {
        if (arguments.positional.size() != 2 || hasOptions)
            return m_out.usageError(tr("\"catalog import\" needs one FILE and no options; usage: %1").arg(usage));
        return import(arguments);
    }
    return m_out.usageError(
        tr("Unknown catalog command \"%1\"; use list, show or import. Usage: %2").arg(action, usage));
}

QLocale CatalogCommands::locale() const
{
    return m_options.language.isEmpty() ? QLocale::system() : QLocale(m_options.language);
}

int CatalogCommands::list()
{
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Result<QList<CatalogSummary>> summaries = opened.value()->catalogs();
    if (!summaries)
        return m_out.fail(summaries.error());
    if (m_out.isJson()) {
        QJsonArray array;
        for (const CatalogSummary &summary : summaries.value())
            array.append(summaryJson(summary));
        m_out.printJson(array);
        return 0;
    }
    if (summaries.value().isEmpty()) {
        m_out.print(tr("No catalogs."));
        return 0;
    }
    QList<QStringList> rows;
    for (const CatalogSummary &s : summaries.value()) {
        const QString source = s.builtin ? tr("built in") : catalogFormatKey(s.format);
        rows.append(
            {QString::number(s.id), s.key, s.version, QString::number(s.itemCount), source, s.title.text(locale())});
    }
    m_out.printTable({tr("ID"), tr("CATALOG"), tr("VERSION"), tr("ITEMS"), tr("SOURCE"), tr("TITLE")}, rows);
    return 0;
}

int CatalogCommands::show(const CommandArguments &arguments)
{
    std::optional<RecordKind> kind;
    if (arguments.has(u"kind"_s)) {
        kind = recordKindFromKey(arguments.value(u"kind"_s));
        if (!kind) {
            QStringList kinds;
            for (RecordKind k : allRecordKinds())
                kinds << recordKindKey(k);
            return m_out.usageError(
                tr("Unknown record kind \"%1\"; use one of: %2.").arg(arguments.value(u"kind"_s), kinds.join(u", "_s)));
        }
    }
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Workspace &workspace = *opened.value();
    const Result<Catalog> catalog = workspace.catalog(arguments.positional.at(1));
    if (!catalog)
        return m_out.fail(catalog.error());
    const Catalog &c = catalog.value();

    if (arguments.has(u"item"_s)) {
        const QString key = arguments.value(u"item"_s);
        const CatalogItem *item = c.item(key);
        if (!item)
            return m_out.fail(Error{ErrorCode::NotFound, tr("Catalog %1 version %2 has no item \"%3\"; \"strata-cli "
                                                            "catalog show %4\" lists its items.")
                                                             .arg(c.key, c.version, key, QString::number(c.id))});
        if (kind && !item->appliesTo(*kind))
            return m_out.fail(
                Error{ErrorCode::NotFound,
                      tr("Item %1 does not apply to records of kind %2.").arg(item->key, recordKindKey(*kind))});
        if (m_out.isJson()) {
            QJsonObject json = CatalogJson::itemToJson(*item);
            json.insert(u"x-workspace"_s, QJsonObject{{u"id"_s, item->id}, {u"catalog"_s, c.id}});
            m_out.printJson(json);
        } else {
            printItem(c, *item);
        }
        return 0;
    }

    QList<CatalogItem> items = c.items;
    if (kind) {
        const Result<QList<CatalogItem>> applicable = workspace.applicableItems(c.id, *kind);
        if (!applicable)
            return m_out.fail(applicable.error());
        items = applicable.value();
    }
    if (m_out.isJson()) {
        Catalog shown = c;
        shown.items = items;
        QJsonObject json = CatalogJson::toJson(shown);
        json.insert(u"x-workspace"_s, workspaceJson(c, int(items.size())));
        m_out.printJson(json);
        return 0;
    }
    printCatalog(c, items);
    return 0;
}

void CatalogCommands::printCatalog(const Catalog &c, const QList<CatalogItem> &items) const
{
    const QLocale shownIn = locale();
    QStringList source;
    for (const QString &part : {c.sourceStandard, c.sourceEdition, c.sourcePublisher}) {
        if (!part.isEmpty())
            source << part;
    }
    QStringList frameworks;
    for (const CatalogFramework &f : c.frameworks)
        frameworks << tr("%1 %2 (%3)").arg(f.name, f.version, f.id);
    QList<std::pair<QString, QString>> fields{{u"id"_s, QString::number(c.id)},
                                              {u"catalog"_s, c.key},
                                              {u"version"_s, c.version},
                                              {u"title"_s, c.title.text(shownIn)}};
    if (!source.isEmpty())
        fields.append({u"source"_s, source.join(u", "_s)});
    fields.append(
        {u"format"_s, c.builtin ? tr("%1, built in").arg(catalogFormatKey(c.format)) : catalogFormatKey(c.format)});
    if (!c.fileName.isEmpty())
        fields.append({u"file"_s, c.fileName});
    fields.append({u"imported"_s, c.importedBy.isEmpty() ? iso::time(c.importedAt)
                                                         : tr("%1 by %2").arg(iso::time(c.importedAt), c.importedBy)});
    fields.append({u"sha256"_s, c.contentSha256});
    fields.append({u"languages"_s, c.languages.join(u", "_s)});
    if (!frameworks.isEmpty())
        fields.append({u"frameworks"_s, frameworks.join(u'\n')});
    if (!c.wording.isEmpty())
        fields.append({u"wording"_s, c.wording.text(shownIn)});
    m_out.printFields(fields);

    for (LifecycleStage stage : allLifecycleStages()) {
        QList<QStringList> rows;
        for (const CatalogItem &item : items) {
            if (item.stage != stage)
                continue;
            const QString kinds =
                item.kinds.size() == allRecordKinds().size() ? tr("all kinds") : joinKeys(item.kinds, recordKindKey);
            rows.append({item.label(), item.mandatory ? tr("yes") : tr("no"), kinds, item.title.text(shownIn)});
        }
        if (rows.isEmpty())
            continue;
        m_out.print(QString());
        m_out.print(tr("%1 (%2)").arg(lifecycleStageLabel(stage)).arg(rows.size()));
        // Column headers of "catalog show"; like those of "show", they are translated.
        m_out.printTable({tr("ITEM", "catalog show column"), tr("MANDATORY", "catalog show column"),
                          tr("KINDS", "catalog show column"), tr("TITLE", "catalog show column")},
                         rows, 2);
    }
    if (items.isEmpty()) {
        m_out.print(QString());
        m_out.print(tr("No items."));
    }
}

void CatalogCommands::printItem(const Catalog &c, const CatalogItem &item) const
{
    const QLocale shownIn = locale();
    QList<std::pair<QString, QString>> fields{{u"item"_s, item.key}};
    if (!item.ref.isEmpty())
        fields.append({u"ref"_s, item.ref});
    fields.append({u"catalog"_s, tr("%1 version %2").arg(c.key, c.version)});
    fields.append({u"stage"_s, tr("%1 (%2)").arg(lifecycleStageKey(item.stage), lifecycleStageLabel(item.stage))});
    fields.append({u"kinds"_s, joinKeys(item.kinds, recordKindKey)});
    if (!item.layers.isEmpty())
        fields.append({u"layers"_s, joinKeys(item.layers, systemLayerKey)});
    if (!item.properties.isEmpty())
        fields.append({u"properties"_s, joinKeys(item.properties, securityPropertyKey)});
    fields.append({u"mandatory"_s, item.mandatory ? tr("yes") : tr("no")});
    if (!item.section.isEmpty())
        fields.append({u"section"_s, item.section.text(shownIn)});
    fields.append({u"title"_s, item.title.text(shownIn)});
    fields.append({u"requirement"_s, item.requirement.text(shownIn)});
    if (!item.guidance.isEmpty())
        fields.append({u"guidance"_s, item.guidance.text(shownIn)});
    if (!item.evidence.isEmpty())
        fields.append({u"evidence"_s, item.evidence.text(shownIn)});
    QStringList mappings;
    for (auto it = item.mappings.cbegin(); it != item.mappings.cend(); ++it) {
        const CatalogFramework *f = c.framework(it.key());
        const QString framework = f ? tr("%1 %2").arg(f->name, f->version) : it.key();
        mappings << tr("%1: %2").arg(framework, it.value().join(u", "_s));
    }
    if (!mappings.isEmpty())
        fields.append({u"mappings"_s, mappings.join(u'\n')});
    if (!item.wdtaThemes.isEmpty())
        fields.append({u"wdta_themes"_s, item.wdtaThemes.join(u", "_s)});
    if (!item.wdtaClause.isEmpty())
        fields.append({u"wdta_clause"_s, item.wdtaClause});
    m_out.printFields(fields);
}

int CatalogCommands::import(const CommandArguments &arguments)
{
    const QString file = arguments.positional.at(1);
    // Read and check the file before opening the workspace: a bad file never touches it.
    const Result<Catalog> catalog = CatalogReader::readFile(file);
    if (!catalog)
        return m_out.fail(catalog.error());
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Result<CatalogImportResult> imported = opened.value()->importCatalog(catalog.value());
    if (!imported)
        return m_out.fail(imported.error());
    const CatalogImportResult &r = imported.value();
    if (m_out.isJson()) {
        m_out.printJson(QJsonObject{{u"file"_s, QDir::toNativeSeparators(file)},
                                    {u"id"_s, r.catalogId},
                                    {u"catalog"_s, r.key},
                                    {u"version"_s, r.version},
                                    {u"items"_s, r.itemCount},
                                    {u"created"_s, r.created}});
        return 0;
    }
    if (r.created)
        m_out.print(tr("Imported catalog %1 version %2 with %n item(s) as catalog %3.", "", r.itemCount)
                        .arg(r.key, r.version, QString::number(r.catalogId)));
    else
        m_out.print(tr("Catalog %1 version %2 is already in the workspace (catalog %3); nothing changed.")
                        .arg(r.key, r.version, QString::number(r.catalogId)));
    return 0;
}

} // namespace strata
