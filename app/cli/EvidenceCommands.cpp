// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "EvidenceCommands.h"

#include "CommandLine.h"
#include "Output.h"
#include "util/IsoText.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

/// Evidence that expires within this many days is flagged in lists.
constexpr int kSoonDays = 30;

QString statusKey(const Evidence &e, const QDate &today)
{
    if (e.isExpired(today))
        return u"expired"_s;
    if (e.expiresWithin(today, kSoonDays))
        return u"expires-soon"_s;
    return u"current"_s;
}

QJsonObject evidenceJson(const Evidence &e, const QDate &today)
{
    return QJsonObject{{u"id"_s, e.id},
                       {u"sha256"_s, e.sha256},
                       {u"size"_s, e.size},
                       {u"title"_s, e.title},
                       {u"file_name"_s, e.fileName},
                       {u"media_type"_s, e.mediaType},
                       {u"source_url"_s, e.sourceUrl},
                       {u"effective"_s, iso::date(e.effectiveDate)},
                       {u"expires"_s, iso::date(e.expiryDate)},
                       {u"status"_s, statusKey(e, today)},
                       {u"added_at"_s, e.addedAt.toUTC().toString(Qt::ISODate)},
                       {u"added_by"_s, e.addedBy}};
}

} // namespace

EvidenceCommands::EvidenceCommands(const GlobalOptions &options, const Output &out)
    : m_options(options)
    , m_out(out)
{
}

QList<CommandSpec> EvidenceCommands::specs()
{
    return {{u"evidence"_s,
             tr("add FILE [--title T] [--effective DATE] [--expires DATE] [--url URL] | list | verify"),
             tr("Add, list and verify evidence files"),
             tr("evidence add FILE   keep FILE as evidence: it is copied into the store beside the workspace\n"
                "                    (NAME.strata-evidence), named by its SHA-256, and recorded. The same\n"
                "                    content added again is stored once and keeps its first title.\n"
                "  --title T         title to show (default: the file name)\n"
                "  --effective DATE  the day the evidence was true, YYYY-MM-DD (not the day it was added)\n"
                "  --expires DATE    the day it stops supporting answers, YYYY-MM-DD\n"
                "  --url URL         where the file came from\n"
                "evidence list       every evidence item, with expired and soon-expiring ones flagged\n"
                "evidence verify     hash every stored file again; the exit code is 1 when a file is missing\n"
                "                    or altered, and each one is named"),
             {{u"title"_s, tr("T"), tr("title of the evidence"), false, false},
              {u"effective"_s, tr("DATE"), tr("when the evidence was true (YYYY-MM-DD)"), false, false},
              {u"expires"_s, tr("DATE"), tr("when it expires (YYYY-MM-DD)"), false, false},
              {u"url"_s, tr("URL"), tr("where the file came from"), false, false}},
             {tr("add|list|verify"), tr("FILE")},
             1}};
}

int EvidenceCommands::run(const QString &command, const CommandArguments &arguments)
{
    if (command != u"evidence"_s)
        return m_out.usageError(tr("Unknown command \"%1\".").arg(command));
    const QString action = arguments.positional.value(0);
    const QString usage = u"strata-cli evidence %1"_s.arg(specs().constFirst().synopsis);
    const bool hasOptions = !arguments.options.isEmpty();
    if (action == u"add"_s) {
        if (arguments.positional.size() != 2)
            return m_out.usageError(tr("\"evidence add\" needs one FILE; usage: %1").arg(usage));
        return add(arguments);
    }
    if (action == u"list"_s || action == u"verify"_s) {
        if (arguments.positional.size() != 1 || hasOptions)
            return m_out.usageError(tr("\"evidence %1\" takes no arguments; usage: %2").arg(action, usage));
        return action == u"list"_s ? list() : verify();
    }
    return m_out.usageError(
        tr("Unknown evidence command \"%1\"; use add, list or verify. Usage: %2").arg(action, usage));
}

int EvidenceCommands::add(const CommandArguments &arguments)
{
    EvidenceInput input;
    input.path = arguments.positional.at(1);
    input.title = arguments.value(u"title"_s);
    input.sourceUrl = arguments.value(u"url"_s);
    for (const QString &option : {u"effective"_s, u"expires"_s}) {
        if (arguments.value(option).isEmpty())
            continue;
        const std::optional<QDate> date = CommandLine::parseDay(arguments.value(option));
        if (!date)
            return m_out.usageError(
                tr("--%1 \"%2\" is not a date; write it as YYYY-MM-DD.").arg(option, arguments.value(option)));
        (option == u"effective"_s ? input.effectiveDate : input.expiryDate) = *date;
    }
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Result<EvidenceAddResult> added = opened.value()->addEvidence(input);
    if (!added) {
        // Errors from the database ("Saving the changes failed") do not say which file they were about.
        Error error = added.error();
        const QString shown = QDir::toNativeSeparators(input.path);
        if (!error.message.contains(shown))
            error.message = tr("Adding %1 as evidence failed: %2").arg(shown, error.message);
        return m_out.fail(error);
    }
    const Evidence &e = added.value().evidence;
    if (m_out.isJson()) {
        QJsonObject json = evidenceJson(e, QDate::currentDate());
        json.insert(u"created"_s, added.value().created);
        m_out.printJson(json);
        return 0;
    }
    if (added.value().created)
        m_out.print(tr("Added evidence %1 \"%2\" (%3 bytes, SHA-256 %4).")
                        .arg(QString::number(e.id), e.title, QString::number(e.size), e.sha256));
    else
        m_out.print(tr("The same content is already evidence %1 \"%2\" (SHA-256 %3); nothing changed.")
                        .arg(QString::number(e.id), e.title, e.sha256));
    return 0;
}

int EvidenceCommands::list()
{
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Result<QList<Evidence>> all = opened.value()->evidence();
    if (!all)
        return m_out.fail(all.error());
    const QDate today = QDate::currentDate();
    if (m_out.isJson()) {
        QJsonArray array;
        for (const Evidence &e : all.value())
            array.append(evidenceJson(e, today));
        m_out.printJson(array);
        return 0;
    }
    if (all.value().isEmpty()) {
        m_out.print(tr("No evidence."));
        return 0;
    }
    QList<QStringList> rows;
    for (const Evidence &e : all.value()) {
        const QString status = e.isExpired(today)                  ? tr("expired")
                               : e.expiresWithin(today, kSoonDays) ? tr("expires soon")
                                                                   : QString();
        rows.append({QString::number(e.id), e.sha256.left(16), QString::number(e.size), iso::date(e.effectiveDate),
                     iso::date(e.expiryDate), status, e.title});
    }
    m_out.printTable({tr("ID"), tr("SHA256"), tr("BYTES"), tr("EFFECTIVE"), tr("EXPIRES"), tr("STATUS"), tr("TITLE")},
                     rows);
    return 0;
}

int EvidenceCommands::verify()
{
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Result<EvidenceVerification> verified = opened.value()->verifyEvidence();
    if (!verified)
        return m_out.fail(verified.error());
    const EvidenceVerification &v = verified.value();
    if (m_out.isJson()) {
        QJsonArray problems;
        for (const EvidenceProblem &p : v.problems) {
            problems.append(
                QJsonObject{{u"id"_s, p.evidence.id},
                            {u"title"_s, p.evidence.title},
                            {u"file_name"_s, p.evidence.fileName},
                            {u"sha256"_s, p.evidence.sha256},
                            {u"problem"_s, p.kind == EvidenceProblem::Kind::Missing ? u"missing"_s : u"altered"_s},
                            {u"actual_sha256"_s, p.actualSha256}});
        }
        m_out.printJson(
            QJsonObject{{u"checked"_s, v.checked}, {u"ok"_s, v.problems.isEmpty()}, {u"problems"_s, problems}});
    } else {
        for (const EvidenceProblem &p : v.problems)
            m_out.print(p.detail);
        if (v.problems.isEmpty())
            m_out.print(tr("Checked %n evidence file(s): every one matches its SHA-256.", "", v.checked));
        else
            m_out.print(
                tr("Checked %n evidence file(s): %1 missing or altered.", "", v.checked).arg(v.problems.size()));
    }
    return v.problems.isEmpty() ? 0 : 1;
}

} // namespace strata
