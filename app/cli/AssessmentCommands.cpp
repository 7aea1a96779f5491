// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "AssessmentCommands.h"

#include "CommandLine.h"
#include "Output.h"
#include "checklist/ChecklistExport.h"
#include "util/IsoText.h"
#include "workspace/Workspace.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

QJsonObject releaseJson(const Release &r)
{
    QJsonArray members;
    for (const ReleaseMember &m : r.members)
        members.append(QJsonObject{
            {u"id"_s, m.recordId}, {u"kind"_s, recordKindKey(m.kind)}, {u"name"_s, m.name}, {u"version"_s, m.version}});
    return QJsonObject{{u"id"_s, r.id},
                       {u"name"_s, r.name},
                       {u"version"_s, r.version},
                       {u"root"_s, r.rootId},
                       {u"members"_s, members},
                       {u"created_at"_s, iso::time(r.createdAt)},
                       {u"created_by"_s, r.createdBy}};
}

QJsonArray suggestionsJson(const QList<CheckSuggestion> &suggestions)
{
    QJsonArray array;
    for (const CheckSuggestion &s : suggestions)
        array.append(QJsonObject{{u"check"_s, s.check},
                                 {u"record"_s, s.recordId},
                                 {u"record_name"_s, s.recordName},
                                 {u"item"_s, s.itemKey},
                                 {u"suggested_status"_s, itemStatusKey(s.suggested)},
                                 {u"message"_s, s.message}});
    return array;
}

QJsonObject assessmentJson(const Assessment &a, const QList<CheckSuggestion> &suggestions)
{
    QJsonArray items;
    for (const AssessmentItem &item : a.items)
        items.append(ChecklistExport::itemJson(item));
    QJsonArray kinds;
    for (RecordKind kind : a.kinds)
        kinds.append(recordKindKey(kind));
    const bool release = a.scope.releaseId > 0;
    return QJsonObject{{u"id"_s, a.id},
                       {u"catalog"_s, a.catalogKey},
                       {u"catalog_version"_s, a.catalogVersion},
                       {u"scope"_s, QJsonObject{{u"type"_s, release ? u"release"_s : u"record"_s},
                                                {u"id"_s, release ? a.scope.releaseId : a.scope.recordId},
                                                {u"label"_s, a.scopeLabel}}},
                       {u"kinds"_s, kinds},
                       {u"created_at"_s, iso::time(a.createdAt)},
                       {u"created_by"_s, a.createdBy},
                       {u"items"_s, items},
                       {u"suggestions"_s, suggestionsJson(suggestions)}};
}

QString statusKeys()
{
    QStringList keys;
    for (ItemStatus status : allItemStatuses())
        keys << itemStatusKey(status);
    return keys.join(u", "_s);
}

} // namespace

AssessmentCommands::AssessmentCommands(const GlobalOptions &options, const Output &out)
    : m_options(options)
    , m_out(out)
{
}

QList<CommandSpec> AssessmentCommands::specs()
{
    return {{u"release"_s,
             tr("create NAME --version V --root ID | list"),
             tr("Create and list releases: a root record and everything upstream of it"),
             tr("release create NAME --version V --root ID\n"
                "                    record a release of the model or service ID with every record upstream\n"
                "                    of it (what it is derived from, trained and evaluated on, provided by,\n"
                "                    depends on and hosted on). The members are stored, so the release stays\n"
                "                    what was reviewed when records change later.\n"
                "release list        every release with its root and number of records"),
             {{u"version"_s, tr("V"), tr("version of the release"), false, false},
              {u"root"_s, tr("ID"), tr("the model or service being shipped (id or name)"), false, false}},
             {tr("create|list"), tr("NAME")},
             1},
            {u"assess"_s,
             tr("new --release NAME|--scope ID [--catalog ID] | list | show ID | set ASSESSMENT ITEM STATUS "
                "[--note TEXT] [--evidence FILE]..."),
             tr("Assess a release or a record against a checklist catalog"),
             tr("assess new          apply a catalog (default: the built-in WDTA AI-STR-03) to a release\n"
                "                    (--release NAME or NAME@VERSION) or one record (--scope ID); the items\n"
                "                    that apply follow from the kinds of record in scope. Automated checks\n"
                "                    print what the inventory already says; they never set a status.\n"
                "assess list         every assessment with its progress\n"
                "assess show ID      every item with its status, reviewer and evidence; with --json also\n"
                "                    the notes and the evidence digests\n"
                "assess set ASSESSMENT ITEM STATUS\n"
                "                    record an answer. STATUS is not_started, pass, fail, not_applicable\n"
                "                    (needs a reason in --note) or risk_accepted (needs an accepted finding).\n"
                "  --note TEXT       Markdown notes (replace the item's notes)\n"
                "  --evidence FILE   add FILE to the evidence store and link it to the item; repeatable"),
             {{u"release"_s, tr("NAME"), tr("the release to assess"), false, false},
              {u"scope"_s, tr("ID"), tr("the record to assess"), false, false},
              {u"catalog"_s, tr("ID"), tr("the catalog to apply (id, id@version or number)"), false, false},
              {u"note"_s, tr("TEXT"), tr("notes for the item, in Markdown"), false, false},
              {u"evidence"_s, tr("FILE"), tr("evidence file to link to the item"), true, false}},
             {tr("new|list|show|set"), tr("ID|ASSESSMENT"), tr("ITEM"), tr("STATUS")},
             1}};
}

int AssessmentCommands::run(const QString &command, const CommandArguments &arguments)
{
    if (command == u"release"_s)
        return runRelease(arguments);
    if (command == u"assess"_s)
        return runAssess(arguments);
    return m_out.usageError(tr("Unknown command \"%1\".").arg(command));
}

int AssessmentCommands::onlyOptions(const CommandArguments &arguments,
                                    const QStringList &allowed,
                                    const QString &what) const
{
    for (auto it = arguments.options.cbegin(); it != arguments.options.cend(); ++it) {
        if (!allowed.contains(it.key()))
            return m_out.usageError(tr("\"%1\" does not take --%2; run \"strata-cli help %3\".")
                                        .arg(what, it.key(), what.section(u' ', 0, 0)));
    }
    return 0;
}

int AssessmentCommands::runRelease(const CommandArguments &arguments)
{
    const QString action = arguments.positional.value(0);
    const QString usage = u"strata-cli release %1"_s.arg(specs().constFirst().synopsis);
    if (action == u"create"_s) {
        if (arguments.positional.size() != 2 || !arguments.has(u"version"_s) || !arguments.has(u"root"_s))
            return m_out.usageError(tr("\"release create\" needs NAME, --version and --root; usage: %1").arg(usage));
        return createRelease(arguments);
    }
    if (action == u"list"_s) {
        if (arguments.positional.size() != 1 || !arguments.options.isEmpty())
            return m_out.usageError(tr("\"release list\" takes no arguments; usage: %1").arg(usage));
        return listReleases();
    }
    return m_out.usageError(tr("Unknown release command \"%1\"; use create or list. Usage: %2").arg(action, usage));
}

int AssessmentCommands::runAssess(const CommandArguments &arguments)
{
    const QString action = arguments.positional.value(0);
    const QString usage = u"strata-cli assess %1"_s.arg(specs().constLast().synopsis);
    if (action == u"new"_s) {
        if (int bad = onlyOptions(arguments, {u"release"_s, u"scope"_s, u"catalog"_s}, u"assess new"_s))
            return bad;
        if (arguments.positional.size() != 1 || arguments.has(u"release"_s) == arguments.has(u"scope"_s))
            return m_out.usageError(
                tr("\"assess new\" needs either --release NAME or --scope ID; usage: %1").arg(usage));
        return newAssessment(arguments);
    }
    if (action == u"list"_s) {
        if (arguments.positional.size() != 1 || !arguments.options.isEmpty())
            return m_out.usageError(tr("\"assess list\" takes no arguments; usage: %1").arg(usage));
        return listAssessments();
    }
    if (action == u"show"_s) {
        if (arguments.positional.size() != 2 || !arguments.options.isEmpty())
            return m_out.usageError(tr("\"assess show\" needs one assessment ID; usage: %1").arg(usage));
        return show(arguments);
    }
    if (action == u"set"_s) {
        if (int bad = onlyOptions(arguments, {u"note"_s, u"evidence"_s}, u"assess set"_s))
            return bad;
        if (arguments.positional.size() != 4)
            return m_out.usageError(tr("\"assess set\" needs ASSESSMENT ITEM STATUS; usage: %1").arg(usage));
        return set(arguments);
    }
    return m_out.usageError(
        tr("Unknown assess command \"%1\"; use new, list, show or set. Usage: %2").arg(action, usage));
}

int AssessmentCommands::createRelease(const CommandArguments &arguments)
{
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    Workspace &ws = *opened.value();
    const Result<qint64> root = ws.resolve(arguments.value(u"root"_s));
    if (!root)
        return m_out.fail(root.error());
    const Result<Release> release =
        ws.createRelease(arguments.positional.at(1), arguments.value(u"version"_s), root.value());
    if (!release)
        return m_out.fail(release.error());
    const Release &r = release.value();
    if (m_out.isJson()) {
        m_out.printJson(releaseJson(r));
        return 0;
    }
    m_out.print(tr("Created release %1 (id %2) with %n record(s):", "", int(r.members.size()))
                    .arg(Output::sanitized(r.label()), QString::number(r.id)));
    QList<QStringList> rows;
    for (const ReleaseMember &m : r.members)
        rows.append({QString::number(m.recordId), recordKindKey(m.kind), Output::sanitized(m.name),
                     Output::sanitized(m.version)});
    m_out.printTable({tr("ID"), tr("KIND"), tr("NAME"), tr("VERSION")}, rows, 2);
    return 0;
}

int AssessmentCommands::listReleases()
{
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Result<QList<Release>> all = opened.value()->releases();
    if (!all)
        return m_out.fail(all.error());
    if (m_out.isJson()) {
        QJsonArray array;
        for (const Release &r : all.value())
            array.append(releaseJson(r));
        m_out.printJson(array);
        return 0;
    }
    if (all.value().isEmpty()) {
        m_out.print(tr("No releases."));
        return 0;
    }
    QList<QStringList> rows;
    for (const Release &r : all.value()) {
        const QString root = r.members.isEmpty() ? QString::number(r.rootId) : r.members.constFirst().name;
        rows.append({QString::number(r.id), Output::sanitized(r.name), Output::sanitized(r.version),
                     Output::sanitized(root), QString::number(r.members.size()), iso::time(r.createdAt)});
    }
    m_out.printTable({tr("ID"), tr("NAME"), tr("VERSION"), tr("ROOT"), tr("RECORDS"), tr("CREATED")}, rows);
    return 0;
}

int AssessmentCommands::newAssessment(const CommandArguments &arguments)
{
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    Workspace &ws = *opened.value();
    AssessmentScope scope;
    if (arguments.has(u"release"_s)) {
        const Result<Release> release = ws.release(arguments.value(u"release"_s));
        if (!release)
            return m_out.fail(release.error());
        scope.releaseId = release.value().id;
    } else {
        const Result<qint64> record = ws.resolve(arguments.value(u"scope"_s));
        if (!record)
            return m_out.fail(record.error());
        scope.recordId = record.value();
    }
    const Result<Assessment> created = ws.createAssessment(scope, arguments.value(u"catalog"_s));
    if (!created)
        return m_out.fail(created.error());
    const Assessment &a = created.value();
    const Result<QList<CheckSuggestion>> suggestions = ws.suggestions(a.id);
    if (!suggestions)
        return m_out.fail(suggestions.error());
    if (m_out.isJson()) {
        m_out.printJson(assessmentJson(a, suggestions.value()));
        return 0;
    }
    m_out.print(tr("Created assessment %1 of %2 with catalog %3 %4: %n item(s) apply.", "", int(a.items.size()))
                    .arg(QString::number(a.id), Output::sanitized(a.scopeLabel), a.catalogKey, a.catalogVersion));
    if (!suggestions.value().isEmpty()) {
        m_out.print(tr("Automated checks suggest (confirm with \"strata-cli assess set\"):"));
        for (const CheckSuggestion &s : suggestions.value())
            m_out.print(u"  %1  %2"_s.arg(s.itemKey.isEmpty() ? u"-"_s : s.itemKey, Output::sanitized(s.message)));
    }
    return 0;
}

int AssessmentCommands::listAssessments()
{
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Result<QList<AssessmentSummary>> all = opened.value()->assessments();
    if (!all)
        return m_out.fail(all.error());
    if (m_out.isJson()) {
        QJsonArray array;
        for (const AssessmentSummary &s : all.value())
            array.append(QJsonObject{{u"id"_s, s.id},
                                     {u"catalog"_s, s.catalogKey},
                                     {u"catalog_version"_s, s.catalogVersion},
                                     {u"scope"_s, s.scopeLabel},
                                     {u"scope_type"_s, s.releaseScope ? u"release"_s : u"record"_s},
                                     {u"items"_s, s.itemCount},
                                     {u"answered"_s, s.answered},
                                     {u"failed"_s, s.failed},
                                     {u"created_at"_s, iso::time(s.createdAt)}});
        m_out.printJson(array);
        return 0;
    }
    if (all.value().isEmpty()) {
        m_out.print(tr("No assessments."));
        return 0;
    }
    QList<QStringList> rows;
    for (const AssessmentSummary &s : all.value())
        rows.append({QString::number(s.id), Output::sanitized(s.scopeLabel),
                     u"%1@%2"_s.arg(s.catalogKey, s.catalogVersion), u"%1/%2"_s.arg(s.answered).arg(s.itemCount),
                     QString::number(s.failed), iso::time(s.createdAt)});
    m_out.printTable({tr("ID"), tr("SCOPE"), tr("CATALOG"), tr("ANSWERED"), tr("FAILED"), tr("CREATED")}, rows);
    return 0;
}

int AssessmentCommands::show(const CommandArguments &arguments)
{
    bool isNumber = false;
    const qint64 id = arguments.positional.at(1).toLongLong(&isNumber);
    if (!isNumber)
        return m_out.usageError(tr("\"%1\" is not an assessment id; \"strata-cli assess list\" shows them.")
                                    .arg(arguments.positional.at(1)));
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Workspace &ws = *opened.value();
    const Result<Assessment> assessment = ws.assessment(id);
    if (!assessment)
        return m_out.fail(assessment.error());
    const Result<QList<CheckSuggestion>> suggestions = ws.suggestions(id);
    if (!suggestions)
        return m_out.fail(suggestions.error());
    const Assessment &a = assessment.value();
    if (m_out.isJson()) {
        m_out.printJson(assessmentJson(a, suggestions.value()));
        return 0;
    }
    const QLocale locale = m_options.language.isEmpty() ? QLocale::system() : QLocale(m_options.language);
    m_out.printFields({{tr("Assessment"), QString::number(a.id)},
                       {tr("Scope"), Output::sanitized(a.scopeLabel)},
                       {tr("Catalog"), u"%1 %2"_s.arg(a.catalogKey, a.catalogVersion)},
                       {tr("Created"), tr("%1 by %2").arg(iso::time(a.createdAt), Output::sanitized(a.createdBy))}});
    for (LifecycleStage stage : allLifecycleStages()) {
        QList<QStringList> rows;
        int answered = 0;
        for (const AssessmentItem &item : a.items) {
            if (item.stage != stage)
                continue;
            answered += item.status != ItemStatus::NotStarted ? 1 : 0;
            rows.append({item.label(), itemStatusKey(item.status), Output::sanitized(item.reviewer),
                         QString::number(item.evidence.size()), Output::sanitized(item.title.text(locale))});
        }
        if (rows.isEmpty())
            continue;
        m_out.print(QString());
        m_out.print(tr("%1: %2 of %n answered", "", int(rows.size())).arg(lifecycleStageLabel(stage)).arg(answered));
        m_out.printTable({tr("ITEM"), tr("STATUS"), tr("REVIEWER"), tr("EVIDENCE"), tr("TITLE")}, rows, 2);
    }
    if (!suggestions.value().isEmpty()) {
        m_out.print(QString());
        m_out.print(tr("Automated checks suggest (confirm with \"strata-cli assess set\"):"));
        for (const CheckSuggestion &s : suggestions.value())
            m_out.print(u"  %1  %2"_s.arg(s.itemKey.isEmpty() ? u"-"_s : s.itemKey, Output::sanitized(s.message)));
    }
    return 0;
}

int AssessmentCommands::set(const CommandArguments &arguments)
{
    bool isNumber = false;
    const qint64 id = arguments.positional.at(1).toLongLong(&isNumber);
    if (!isNumber)
        return m_out.usageError(tr("\"%1\" is not an assessment id; \"strata-cli assess list\" shows them.")
                                    .arg(arguments.positional.at(1)));
    const std::optional<ItemStatus> status = itemStatusFromKey(arguments.positional.at(3));
    if (!status)
        return m_out.usageError(
            tr("Unknown status \"%1\"; use one of: %2.").arg(arguments.positional.at(3), statusKeys()));
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    Workspace &ws = *opened.value();
    ItemUpdate update;
    update.itemKey = arguments.positional.at(2);
    update.status = *status;
    if (arguments.has(u"note"_s))
        update.notes = arguments.value(u"note"_s);
    AssessmentItem item;
    // One transaction: evidence rows and the answer are saved together, or neither is.
    const Status s = ws.batch([&]() -> Status {
        for (const QString &file : arguments.values(u"evidence"_s)) {
            EvidenceInput input;
            input.path = file;
            const Result<EvidenceAddResult> added = ws.addEvidence(input);
            if (!added)
                return added.error();
            update.evidenceIds.append(added.value().evidence.id);
        }
        const Result<AssessmentItem> saved = ws.setItemStatus(id, update);
        if (!saved)
            return saved.error();
        item = saved.value();
        return Ok{};
    });
    if (!s)
        return m_out.fail(s.error());
    if (m_out.isJson()) {
        QJsonObject json = ChecklistExport::itemJson(item);
        json.insert(u"assessment"_s, id);
        m_out.printJson(json);
        return 0;
    }
    m_out.print(tr("Assessment %1, item %2: %3 (%4, %5).")
                    .arg(QString::number(id), item.label(), itemStatusKey(item.status),
                         Output::sanitized(item.reviewer), iso::time(item.updatedAt)));
    for (const Evidence &e : item.evidence)
        m_out.print(
            tr("  evidence %1 \"%2\" SHA-256 %3").arg(QString::number(e.id), Output::sanitized(e.title), e.sha256));
    return 0;
}

} // namespace strata
