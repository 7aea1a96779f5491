// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "FindingCommands.h"

#include "CommandLine.h"
#include "Output.h"
#include "checklist/ChecklistExport.h"
#include "util/IsoText.h"
#include "workspace/Workspace.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

/// A rating from 1 to 5, or 0 when the text is not one.
int parseRating(const QString &text)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    return ok && value >= 1 && value <= 5 ? value : 0;
}

} // namespace

FindingCommands::FindingCommands(const GlobalOptions &options, const Output &out)
    : m_options(options)
    , m_out(out)
{
}

QList<CommandSpec> FindingCommands::specs()
{
    return {{u"findings"_s,
             tr("list | add --assessment ID --item ITEM --title T --likelihood 1-5 --impact 1-5 [--owner NAME] "
                "[--due DATE] | accept ID --justification TEXT --until DATE"),
             tr("List, raise and accept findings"),
             tr("findings list       every finding, highest likelihood × impact first\n"
                "findings add        raise a finding on an item that failed in an assessment\n"
                "  --likelihood N    how likely the risk is, 1 (rare) to 5 (almost certain)\n"
                "  --impact N        how bad it would be, 1 (minor) to 5 (severe)\n"
                "  --owner NAME      who handles it\n"
                "  --due DATE        when it should be handled, YYYY-MM-DD\n"
                "findings accept ID  accept the risk: needs a justification and an expiry date after today;\n"
                "                    the item can then be marked risk_accepted"),
             {{u"assessment"_s, tr("ID"), tr("the assessment the finding belongs to"), false, false},
              {u"item"_s, tr("ITEM"), tr("the failed item"), false, false},
              {u"title"_s, tr("T"), tr("short description of the risk"), false, false},
              {u"likelihood"_s, tr("1-5"), tr("likelihood rating"), false, false},
              {u"impact"_s, tr("1-5"), tr("impact rating"), false, false},
              {u"owner"_s, tr("NAME"), tr("who handles the finding"), false, false},
              {u"due"_s, tr("DATE"), tr("when it is due (YYYY-MM-DD)"), false, false},
              {u"justification"_s, tr("TEXT"), tr("why the risk is acceptable"), false, false},
              {u"until"_s, tr("DATE"), tr("when the acceptance expires (YYYY-MM-DD)"), false, false}},
             {tr("list|add|accept"), tr("ID")},
             1}};
}

int FindingCommands::run(const QString &command, const CommandArguments &arguments)
{
    if (command != u"findings"_s)
        return m_out.usageError(tr("Unknown command \"%1\".").arg(command));
    const QString action = arguments.positional.value(0);
    const QString usage = u"strata-cli findings %1"_s.arg(specs().constFirst().synopsis);
    const QStringList addOptions{u"assessment"_s, u"item"_s,  u"title"_s, u"likelihood"_s,
                                 u"impact"_s,     u"owner"_s, u"due"_s};
    const QStringList acceptOptions{u"justification"_s, u"until"_s};
    const auto only = [&](const QStringList &allowed) {
        for (auto it = arguments.options.cbegin(); it != arguments.options.cend(); ++it) {
            if (!allowed.contains(it.key()))
                return it.key();
        }
        return QString();
    };
    if (action == u"list"_s) {
        if (arguments.positional.size() != 1 || !arguments.options.isEmpty())
            return m_out.usageError(tr("\"findings list\" takes no arguments; usage: %1").arg(usage));
        return list();
    }
    if (action == u"add"_s) {
        const QString stray = only(addOptions);
        if (!stray.isEmpty())
            return m_out.usageError(tr("\"findings add\" does not take --%1; usage: %2").arg(stray, usage));
        for (const QString &required : addOptions.mid(0, 5)) {
            if (!arguments.has(required) || arguments.positional.size() != 1)
                return m_out.usageError(tr("\"findings add\" needs --%1; usage: %2").arg(required, usage));
        }
        return add(arguments);
    }
    if (action == u"accept"_s) {
        const QString stray = only(acceptOptions);
        if (!stray.isEmpty())
            return m_out.usageError(tr("\"findings accept\" does not take --%1; usage: %2").arg(stray, usage));
        if (arguments.positional.size() != 2 || !arguments.has(u"justification"_s) || !arguments.has(u"until"_s))
            return m_out.usageError(
                tr("\"findings accept\" needs a finding ID, --justification and --until; usage: %1").arg(usage));
        return accept(arguments);
    }
    return m_out.usageError(
        tr("Unknown findings command \"%1\"; use list, add or accept. Usage: %2").arg(action, usage));
}

int FindingCommands::list()
{
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Result<QList<Finding>> all = opened.value()->findings();
    if (!all)
        return m_out.fail(all.error());
    if (m_out.isJson()) {
        QJsonArray array;
        for (const Finding &f : all.value())
            array.append(ChecklistExport::findingJson(f));
        m_out.printJson(array);
        return 0;
    }
    if (all.value().isEmpty()) {
        m_out.print(tr("No findings."));
        return 0;
    }
    QList<QStringList> rows;
    for (const Finding &f : all.value()) {
        const QString status = f.status == FindingStatus::Accepted
                                   ? tr("accepted until %1").arg(iso::date(f.acceptedUntil))
                                   : findingStatusKey(f.status);
        rows.append({QString::number(f.id), QString::number(f.score()), QString::number(f.likelihood),
                     QString::number(f.impact), status, QString::number(f.assessmentId), f.itemKey,
                     Output::sanitized(f.owner), iso::date(f.dueDate), Output::sanitized(f.title)});
    }
    m_out.printTable({tr("ID"), tr("SCORE"), tr("L"), tr("I"), tr("STATUS"), tr("ASSESSMENT"), tr("ITEM"), tr("OWNER"),
                      tr("DUE"), tr("TITLE")},
                     rows);
    return 0;
}

int FindingCommands::add(const CommandArguments &arguments)
{
    Finding finding;
    bool isNumber = false;
    finding.assessmentId = arguments.value(u"assessment"_s).toLongLong(&isNumber);
    if (!isNumber)
        return m_out.usageError(
            tr("--assessment \"%1\" is not an assessment id.").arg(arguments.value(u"assessment"_s)));
    finding.likelihood = parseRating(arguments.value(u"likelihood"_s));
    finding.impact = parseRating(arguments.value(u"impact"_s));
    if (finding.likelihood == 0 || finding.impact == 0)
        return m_out.usageError(tr("--likelihood and --impact are whole numbers from 1 to 5 (got \"%1\" and \"%2\").")
                                    .arg(arguments.value(u"likelihood"_s), arguments.value(u"impact"_s)));
    if (arguments.has(u"due"_s)) {
        const std::optional<QDate> due = CommandLine::parseDay(arguments.value(u"due"_s));
        if (!due)
            return m_out.usageError(
                tr("--due \"%1\" is not a date; write it as YYYY-MM-DD.").arg(arguments.value(u"due"_s)));
        finding.dueDate = *due;
    }
    finding.itemKey = arguments.value(u"item"_s);
    finding.title = arguments.value(u"title"_s);
    finding.owner = arguments.value(u"owner"_s);
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Result<Finding> added = opened.value()->addFinding(finding);
    if (!added)
        return m_out.fail(added.error());
    const Finding &f = added.value();
    if (m_out.isJson()) {
        m_out.printJson(ChecklistExport::findingJson(f));
        return 0;
    }
    m_out.print(tr("Raised finding %1 on item %2 of assessment %3: likelihood %4 × impact %5 = %6.")
                    .arg(QString::number(f.id), f.itemKey, QString::number(f.assessmentId),
                         QString::number(f.likelihood), QString::number(f.impact), QString::number(f.score())));
    return 0;
}

int FindingCommands::accept(const CommandArguments &arguments)
{
    bool isNumber = false;
    const qint64 id = arguments.positional.at(1).toLongLong(&isNumber);
    if (!isNumber)
        return m_out.usageError(
            tr("\"%1\" is not a finding id; \"strata-cli findings list\" shows them.").arg(arguments.positional.at(1)));
    const std::optional<QDate> until = CommandLine::parseDay(arguments.value(u"until"_s));
    if (!until)
        return m_out.usageError(
            tr("--until \"%1\" is not a date; write it as YYYY-MM-DD.").arg(arguments.value(u"until"_s)));
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Result<Finding> accepted = opened.value()->acceptFinding(id, arguments.value(u"justification"_s), *until);
    if (!accepted)
        return m_out.fail(accepted.error());
    if (m_out.isJson()) {
        m_out.printJson(ChecklistExport::findingJson(accepted.value()));
        return 0;
    }
    m_out.print(tr("Accepted the risk of finding %1 until %2.").arg(QString::number(id), iso::date(*until)));
    return 0;
}

} // namespace strata
