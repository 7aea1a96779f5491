// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "InventoryCommands.h"

#include "CommandLine.h"
#include "Output.h"
#include "RecordJson.h"
#include "RecordText.h"
#include "demo/DemoWorkspace.h"
#include "domain/Fields.h"
#include "domain/Relation.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr qsizetype kHelpWidth = 100;

QStringList kindKeys()
{
    QStringList keys;
    for (const RecordKind kind : allRecordKinds())
        keys.append(recordKindKey(kind));
    return keys;
}

QStringList relationKeys()
{
    QStringList keys;
    for (const RelationType type : allRelationTypes())
        keys.append(relationTypeKey(type));
    return keys;
}

/// Removes a workspace file this process created, with SQLite's companions, when setting it up failed.
void removeCreatedWorkspace(const QString &path)
{
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s})
        QFile::remove(path + suffix);
}

} // namespace

InventoryCommands::InventoryCommands(const GlobalOptions &options, const Output &out)
    : m_options(options)
    , m_out(out)
{
}

QList<CommandSpec> InventoryCommands::specs()
{
    const OptionSpec set{u"set"_s, tr("KEY=VALUE"), tr("set a field; may be repeated"), true, false};
    const QString kinds = kindKeys().join(u", "_s);
    const QString relations = relationKeys().join(u", "_s);

    QList<CommandSpec> specs;
    specs.append({u"init"_s,
                  QString(),
                  tr("Create an empty workspace"),
                  tr("Creates the workspace file named by --workspace, or the default workspace.\n"
                     "Fails when the file already exists."),
                  {},
                  {},
                  0});
    specs.append({u"demo"_s,
                  QString(),
                  tr("Create a workspace holding a demo LLM supply chain"),
                  tr("Fills a new or empty workspace with demo suppliers, models, datasets, software and services.\n"
                     "Refuses a workspace that already has records."),
                  {},
                  {},
                  0});
    const QString addDetails =
        tr("KIND is one of: %1.\n"
           "--supplier links the new record to an existing supplier (id or unique name) with provided_by.\n"
           "Nothing is added when any part fails.")
            .arg(kinds);
    specs.append({u"add"_s,
                  tr("KIND --name NAME [--version VERSION] [--supplier SUPPLIER]... [--set KEY=VALUE]..."),
                  tr("Add a record and print its id"),
                  u"%1\n\n%2"_s.arg(addDetails, fieldHelp()),
                  {{u"name"_s, tr("NAME"), tr("name of the record"), false, true},
                   {u"version"_s, tr("VERSION"), tr("version of the record"), false, false},
                   {u"supplier"_s, tr("SUPPLIER"), tr("supplier id or name; may be repeated"), true, false},
                   set},
                  {tr("KIND")},
                  1});
    specs.append({u"list"_s,
                  tr("[KIND] [--search TEXT]"),
                  tr("List records, optionally of one kind or matching a search"),
                  tr("KIND is one of: %1.\n"
                     "--search matches each word as the start of a word in names, suppliers and other fields.")
                      .arg(kinds),
                  {{u"search"_s, tr("TEXT"), tr("words to search for"), false, false}},
                  {tr("KIND")},
                  0});
    specs.append({u"show"_s,
                  tr("ID"),
                  tr("Show every field, relation and artifact of a record"),
                  tr("ID is a record id or a unique name (\"name\" or \"name@version\")."),
                  {},
                  {tr("ID")},
                  1});
    specs.append({u"edit"_s,
                  tr("ID --set KEY=VALUE..."),
                  tr("Change fields of a record"),
                  u"%1\n\n%2"_s.arg(tr("An empty value clears a field."), fieldHelp()),
                  {{set.name, set.valueName, set.help, true, true}},
                  {tr("ID")},
                  1});
    specs.append(
        {u"remove"_s, tr("ID"), tr("Remove a record with its relations and artifacts"), QString(), {}, {tr("ID")}, 1});
    specs.append({u"link"_s,
                  tr("FROM_ID RELATION TO_ID [--kind SUBKIND]"),
                  tr("Add a relation between two records"),
                  tr("RELATION is one of: %1.\n"
                     "Read it as \"FROM RELATION TO\": a fine-tune is derived_from its base model.\n"
                     "--kind gives the kind of derivation: %2.")
                      .arg(relations, derivationKinds().join(u", "_s)),
                  {{u"kind"_s, tr("SUBKIND"), tr("kind of derivation, for derived_from"), false, false}},
                  {tr("FROM_ID"), tr("RELATION"), tr("TO_ID")},
                  3});
    specs.append({u"unlink"_s,
                  tr("FROM_ID RELATION TO_ID"),
                  tr("Remove a relation between two records"),
                  tr("RELATION is one of: %1.").arg(relations),
                  {},
                  {tr("FROM_ID"), tr("RELATION"), tr("TO_ID")},
                  3});
    return specs;
}

QString InventoryCommands::fieldHelp()
{
    // "  model: architecture, format (safetensors|gguf|...), ..." wrapped to stay readable in a terminal.
    const auto describe = [](const QString &title, const QList<FieldSpec> &specs) {
        QStringList lines{u"  %1:"_s.arg(title)};
        for (qsizetype i = 0; i < specs.size(); ++i) {
            const FieldSpec &field = specs.at(i);
            QString key = field.choices.isEmpty() ? field.key : u"%1 (%2)"_s.arg(field.key, field.choices.join(u'|'));
            if (i + 1 < specs.size())
                key += u',';
            if (lines.constLast().size() + key.size() >= kHelpWidth)
                lines.append(u"   "_s);
            lines.last() += u' ' + key;
        }
        return lines.join(u'\n');
    };
    QStringList lines{tr("Fields for --set:"), describe(tr("every kind"), fields::commonFields())};
    for (const RecordKind kind : allRecordKinds()) {
        const QList<FieldSpec> specific = fields::kindFields(kind);
        if (!specific.isEmpty())
            lines.append(describe(recordKindKey(kind), specific));
    }
    return lines.join(u'\n');
}

int InventoryCommands::run(const QString &command, const CommandArguments &arguments)
{
    if (command == u"init"_s)
        return init();
    if (command == u"demo"_s)
        return demo();
    if (command == u"add"_s)
        return add(arguments);
    if (command == u"list"_s)
        return list(arguments);
    if (command == u"show"_s)
        return show(arguments);
    if (command == u"edit"_s)
        return edit(arguments);
    if (command == u"remove"_s)
        return remove(arguments);
    if (command == u"link"_s)
        return link(arguments, true);
    if (command == u"unlink"_s)
        return link(arguments, false);
    return m_out.usageError(tr("Unknown command \"%1\".").arg(command));
}

QString InventoryCommands::workspacePath() const
{
    return m_options.workspace.isEmpty() ? Workspace::defaultPath() : m_options.workspace;
}

std::optional<QString> InventoryCommands::parseAssignments(const QStringList &texts, Assignments &assignments)
{
    for (const QString &text : texts) {
        const qsizetype equals = text.indexOf(u'=');
        const QString key = text.left(equals).trimmed();
        if (equals < 0 || key.isEmpty())
            return tr("--set needs KEY=VALUE; got \"%1\".").arg(text);
        assignments.append({key, text.mid(equals + 1)});
    }
    return std::nullopt;
}

Status InventoryCommands::applyAssignments(Record &record, const Assignments &assignments)
{
    for (const auto &assignment : assignments) {
        const Status set = fields::setField(record, assignment.first, assignment.second);
        if (!set)
            return set;
    }
    return Ok{};
}

int InventoryCommands::init()
{
    const QString path = workspacePath();
    const QFileInfo info(path);
    if (info.exists()) {
        return m_out.fail(
            {ErrorCode::Conflict,
             tr("%1 already exists; choose another file with --workspace, or use the workspace that is there.")
                 .arg(QDir::toNativeSeparators(info.absoluteFilePath()))});
    }
    if (!QDir().mkpath(info.absolutePath())) {
        return m_out.fail({ErrorCode::Io, tr("Cannot create the folder %1; check that its parent is writable.")
                                              .arg(QDir::toNativeSeparators(info.absolutePath()))});
    }
    const auto opened = Workspace::open(path, Database::OpenMode::CreateIfMissing);
    if (!opened) {
        // Locked: another process just created the file and owns it.
        if (opened.error().code != ErrorCode::Locked)
            removeCreatedWorkspace(path);
        return m_out.fail(opened.error());
    }
    CommandLine::warnAboutStorage(*opened.value());

    const QString shownPath = QDir::toNativeSeparators(info.absoluteFilePath());
    if (m_out.isJson())
        m_out.printJson(QJsonObject{{u"action"_s, u"initialized"_s}, {u"workspace"_s, shownPath}});
    else
        m_out.print(tr("Created the empty workspace %1.").arg(shownPath));
    return 0;
}

int InventoryCommands::demo()
{
    const QString path = workspacePath();
    const QFileInfo info(path);
    const bool existed = info.exists();
    if (!existed && !QDir().mkpath(info.absolutePath())) {
        return m_out.fail({ErrorCode::Io, tr("Cannot create the folder %1; check that its parent is writable.")
                                              .arg(QDir::toNativeSeparators(info.absolutePath()))});
    }
    auto opened = Workspace::open(path, Database::OpenMode::CreateIfMissing);
    if (!opened) {
        if (!existed && opened.error().code != ErrorCode::Locked)
            removeCreatedWorkspace(path);
        return m_out.fail(opened.error());
    }
    std::unique_ptr<Workspace> workspace = std::move(opened.value());
    CommandLine::warnAboutStorage(*workspace);

    const Status populated = DemoWorkspace::populate(*workspace);
    const auto counts = populated ? workspace->countsByKind() : Result<QMap<RecordKind, int>>(populated.error());
    if (!counts) {
        workspace.reset();
        if (!existed)
            removeCreatedWorkspace(path);
        return m_out.fail(counts.error());
    }

    const QString shownPath = QDir::toNativeSeparators(info.absoluteFilePath());
    int total = 0;
    QJsonObject perKind;
    QList<std::pair<QString, QString>> lines;
    for (const RecordKind kind : allRecordKinds()) {
        const int count = counts.value().value(kind);
        total += count;
        perKind.insert(recordKindKey(kind), count);
        lines.append({recordKindPluralLabel(kind), QString::number(count)});
    }
    if (m_out.isJson()) {
        m_out.printJson(QJsonObject{
            {u"action"_s, u"populated"_s}, {u"workspace"_s, shownPath}, {u"counts"_s, perKind}, {u"total"_s, total}});
    } else {
        m_out.print(tr("Created the demo workspace %1 with %n record(s):", "", total).arg(shownPath));
        m_out.printFields(lines, 2);
    }
    return 0;
}

int InventoryCommands::add(const CommandArguments &arguments)
{
    const QString kindText = arguments.positional.at(0);
    const std::optional<RecordKind> kind = recordKindFromKey(kindText);
    if (!kind)
        return m_out.usageError(
            tr("Unknown record kind \"%1\"; use one of: %2.").arg(kindText, kindKeys().join(u", "_s)));
    Assignments assignments{{u"name"_s, arguments.value(u"name"_s)}};
    if (arguments.has(u"version"_s))
        assignments.append({u"version"_s, arguments.value(u"version"_s)});
    if (const auto usage = parseAssignments(arguments.values(u"set"_s), assignments))
        return m_out.usageError(*usage);

    Record record;
    record.kind = *kind;
    if (const Status set = applyAssignments(record, assignments); !set)
        return m_out.fail(set.error());

    auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    Workspace &workspace = *opened.value();

    qint64 id = 0;
    QJsonArray supplierIds;
    // One transaction: a supplier that does not resolve leaves no half-added record behind.
    const Status added = workspace.batch([&]() -> Status {
        const Result<qint64> created = workspace.createRecord(record);
        if (!created)
            return created.error();
        id = created.value();
        for (const QString &supplier : arguments.values(u"supplier"_s)) {
            const Result<qint64> supplierId = workspace.resolve(supplier, RecordKind::Supplier);
            if (!supplierId)
                return supplierId.error();
            const Result<Relation> linked = workspace.link(id, RelationType::ProvidedBy, supplierId.value());
            if (!linked)
                return linked.error();
            supplierIds.append(supplierId.value());
        }
        return Ok{};
    });
    if (!added)
        return m_out.fail(added.error());

    if (m_out.isJson()) {
        m_out.printJson(QJsonObject{{u"action"_s, u"added"_s},
                                    {u"id"_s, id},
                                    {u"kind"_s, recordKindKey(record.kind)},
                                    {u"name"_s, record.name},
                                    {u"version"_s, record.version},
                                    {u"suppliers"_s, supplierIds}});
    } else {
        m_out.print(QString::number(id));
    }
    return 0;
}

int InventoryCommands::list(const CommandArguments &arguments)
{
    RecordQuery query;
    if (!arguments.positional.isEmpty()) {
        const QString kindText = arguments.positional.at(0);
        query.kind = recordKindFromKey(kindText);
        if (!query.kind) {
            return m_out.usageError(
                tr("Unknown record kind \"%1\"; use one of: %2.").arg(kindText, kindKeys().join(u", "_s)));
        }
    }
    query.search = arguments.value(u"search"_s);

    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Result<QList<RecordSummary>> summaries = opened.value()->list(query);
    if (!summaries)
        return m_out.fail(summaries.error());

    if (m_out.isJson()) {
        QJsonArray array;
        for (const RecordSummary &summary : summaries.value())
            array.append(RecordJson::summary(summary));
        m_out.printJson(array);
        return 0;
    }
    if (summaries.value().isEmpty()) {
        m_out.print(query.search.isEmpty() ? tr("No records.") : tr("No records match \"%1\".").arg(query.search));
        return 0;
    }
    QList<QStringList> rows;
    for (const RecordSummary &summary : summaries.value()) {
        rows.append({QString::number(summary.id), recordKindKey(summary.kind), summary.name, summary.version,
                     summary.suppliers, summary.license});
    }
    m_out.printTable({tr("ID"), tr("KIND"), tr("NAME"), tr("VERSION"), tr("SUPPLIER"), tr("LICENSE")}, rows);
    return 0;
}

int InventoryCommands::show(const CommandArguments &arguments)
{
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Workspace &workspace = *opened.value();
    const Result<qint64> id = workspace.resolve(arguments.positional.at(0));
    if (!id)
        return m_out.fail(id.error());
    const Result<RecordSnapshot> snapshot = workspace.snapshot(id.value());
    if (!snapshot)
        return m_out.fail(snapshot.error());
    if (m_out.isJson()) {
        m_out.printJson(RecordJson::snapshot(snapshot.value()));
        return 0;
    }

    RecordText::print(m_out, snapshot.value());
    return 0;
}

int InventoryCommands::edit(const CommandArguments &arguments)
{
    Assignments assignments;
    if (const auto usage = parseAssignments(arguments.values(u"set"_s), assignments))
        return m_out.usageError(*usage);

    auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    Workspace &workspace = *opened.value();
    const Result<qint64> id = workspace.resolve(arguments.positional.at(0));
    if (!id)
        return m_out.fail(id.error());
    Result<Record> record = workspace.record(id.value());
    if (!record)
        return m_out.fail(record.error());
    if (const Status set = applyAssignments(record.value(), assignments); !set)
        return m_out.fail(set.error());
    if (const Status updated = workspace.updateRecord(record.value()); !updated)
        return m_out.fail(updated.error());

    const Record &changed = record.value();
    if (m_out.isJson()) {
        QJsonArray keys;
        for (const auto &assignment : assignments)
            keys.append(assignment.first);
        m_out.printJson(QJsonObject{{u"action"_s, u"updated"_s},
                                    {u"id"_s, changed.id},
                                    {u"kind"_s, recordKindKey(changed.kind)},
                                    {u"name"_s, changed.name},
                                    {u"version"_s, changed.version},
                                    {u"fields"_s, keys}});
    } else {
        m_out.print(tr("Updated %1 %2 \"%3\".").arg(recordKindKey(changed.kind)).arg(changed.id).arg(changed.name));
    }
    return 0;
}

int InventoryCommands::remove(const CommandArguments &arguments)
{
    auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    Workspace &workspace = *opened.value();
    const Result<qint64> id = workspace.resolve(arguments.positional.at(0));
    if (!id)
        return m_out.fail(id.error());
    const Result<RecordSnapshot> removed = workspace.removeRecord(id.value());
    if (!removed)
        return m_out.fail(removed.error());

    const RecordSnapshot &snapshot = removed.value();
    const Record &record = snapshot.record;
    const int relations = static_cast<int>(snapshot.relations.size());
    const int artifacts = static_cast<int>(snapshot.artifacts.size());
    if (m_out.isJson()) {
        m_out.printJson(QJsonObject{{u"action"_s, u"removed"_s},
                                    {u"id"_s, record.id},
                                    {u"kind"_s, recordKindKey(record.kind)},
                                    {u"name"_s, record.name},
                                    {u"version"_s, record.version},
                                    {u"relations"_s, relations},
                                    {u"artifacts"_s, artifacts}});
    } else {
        m_out.print(tr("Removed %1 %2 \"%3\" with %4 and %5.")
                        .arg(recordKindKey(record.kind))
                        .arg(record.id)
                        .arg(record.name, tr("%n relation(s)", "", relations), tr("%n artifact(s)", "", artifacts)));
    }
    return 0;
}

int InventoryCommands::link(const CommandArguments &arguments, bool linking)
{
    const QString typeText = arguments.positional.at(1);
    const std::optional<RelationType> type = relationTypeFromKey(typeText);
    if (!type)
        return m_out.usageError(
            tr("Unknown relation \"%1\"; use one of: %2.").arg(typeText, relationKeys().join(u", "_s)));
    const QString subtype = arguments.value(u"kind"_s);
    if (!subtype.isEmpty() && !derivationKinds().contains(subtype)) {
        return m_out.usageError(
            tr("Unknown derivation kind \"%1\"; use one of: %2.").arg(subtype, derivationKinds().join(u", "_s)));
    }

    auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    Workspace &workspace = *opened.value();
    const Result<qint64> from = workspace.resolve(arguments.positional.at(0));
    if (!from)
        return m_out.fail(from.error());
    const Result<qint64> to = workspace.resolve(arguments.positional.at(2));
    if (!to)
        return m_out.fail(to.error());
    const Result<Relation> relation = linking ? workspace.link(from.value(), *type, to.value(), subtype)
                                              : workspace.unlink(from.value(), *type, to.value());
    if (!relation)
        return m_out.fail(relation.error());

    const Relation &done = relation.value();
    if (m_out.isJson()) {
        m_out.printJson(QJsonObject{{u"action"_s, linking ? u"linked"_s : u"unlinked"_s},
                                    {u"id"_s, done.id},
                                    {u"from"_s, done.fromId},
                                    {u"type"_s, relationTypeKey(done.type)},
                                    {u"to"_s, done.toId},
                                    {u"subtype"_s, RecordJson::text(done.subtype)}});
        return 0;
    }
    const auto describe = [&workspace](qint64 recordId) {
        const Result<Record> record = workspace.record(recordId);
        return record ? u"%1 \"%2\""_s.arg(recordId).arg(record.value().name) : QString::number(recordId);
    };
    const QString typeKey = relationTypeKey(done.type);
    m_out.print(linking ? tr("Linked %1 %2 %3.").arg(describe(done.fromId), typeKey, describe(done.toId))
                        : tr("Unlinked %1 %2 %3.").arg(describe(done.fromId), typeKey, describe(done.toId)));
    return 0;
}

} // namespace strata
