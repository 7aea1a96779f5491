// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "AuditCommands.h"

#include "CommandLine.h"
#include "Output.h"
#include "audit/AuditChain.h"
#include "workspace/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kChangeWidth = 80;

QJsonValue jsonOrText(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (doc.isObject())
        return doc.object();
    return text; // a row damaged by hand is shown as it is stored
}

QJsonObject entryJson(const AuditEntry &e)
{
    return QJsonObject{{u"seq"_s, e.seq},
                       {u"at"_s, e.at},
                       {u"actor"_s, e.actor},
                       {u"action"_s, e.action},
                       {u"entity_kind"_s, e.entityKind},
                       {u"entity_id"_s, e.entityId},
                       {u"before"_s, jsonOrText(e.beforeJson)},
                       {u"after"_s, jsonOrText(e.afterJson)},
                       {u"prev_hash"_s, e.prevHash},
                       {u"hash"_s, e.hash}};
}

/// What changed, in one line: the after object, or the before object for a removal.
QString changeText(const AuditEntry &e)
{
    QString text = e.afterJson == u"{}"_s ? e.beforeJson : e.afterJson;
    text = Output::sanitized(text);
    if (text.size() > kChangeWidth)
        text = text.left(kChangeWidth - 1) + u'…';
    return text;
}

QString damageKey(AuditDamage damage)
{
    switch (damage) {
    case AuditDamage::None:
        return u"none"_s;
    case AuditDamage::Changed:
        return u"changed"_s;
    case AuditDamage::Removed:
        return u"removed"_s;
    case AuditDamage::Reordered:
        return u"reordered"_s;
    case AuditDamage::Inserted:
        return u"inserted"_s;
    case AuditDamage::Truncated:
        return u"truncated"_s;
    case AuditDamage::Rewritten:
        return u"rewritten"_s;
    }
    return {};
}

} // namespace

AuditCommands::AuditCommands(const GlobalOptions &options, const Output &out)
    : m_options(options)
    , m_out(out)
{
}

QList<CommandSpec> AuditCommands::specs()
{
    return {{u"audit"_s,
             tr("verify [--checkpoint SEQ:HASH] | list [--action A] [--actor X] [--record ID] [--since DATE] "
                "[--limit N]"),
             tr("Verify and list the audit trail"),
             tr("audit verify        recompute the hash chain of every change; exit 0 only when it is intact,\n"
                "                    otherwise exit 1 and name the first bad row and what happened to it\n"
                "  --checkpoint S:H  a head recorded earlier (by a sign-off, a bundle or a report, or printed by\n"
                "                    this command): also catches dropped rows and a rewrite of the whole trail\n"
                "audit list          the trail, newest first\n"
                "  --action A        only this action, or every action under a prefix (\"finding\")\n"
                "  --actor X         only changes made by X\n"
                "  --record ID       only changes to this record, with the imports and relations that touched it\n"
                "  --since DATE      only changes from this day or time on (ISO 8601, UTC unless an offset is given)\n"
                "  --limit N         at most N rows"),
             {{u"checkpoint"_s, tr("SEQ:HASH"), tr("a trail head recorded earlier"), false, false},
              {u"action"_s, tr("A"), tr("action or action prefix"), false, false},
              {u"actor"_s, tr("X"), tr("who made the change"), false, false},
              {u"record"_s, tr("ID"), tr("record id or unique name"), false, false},
              {u"since"_s, tr("DATE"), tr("earliest time (ISO 8601)"), false, false},
              {u"limit"_s, tr("N"), tr("most rows to list"), false, false}},
             {tr("verify|list")},
             1}};
}

int AuditCommands::run(const QString &command, const CommandArguments &arguments)
{
    if (command != u"audit"_s)
        return m_out.usageError(tr("Unknown command \"%1\".").arg(command));
    const QString action = arguments.positional.value(0);
    const QString usage = u"strata-cli audit %1"_s.arg(specs().constFirst().synopsis);
    const auto stray = [&](const QStringList &allowed) {
        for (auto it = arguments.options.cbegin(); it != arguments.options.cend(); ++it) {
            if (!allowed.contains(it.key()))
                return it.key();
        }
        return QString();
    };
    if (arguments.positional.size() > 1)
        return m_out.usageError(tr("\"audit %1\" takes no further arguments; usage: %2").arg(action, usage));
    if (action == u"verify"_s) {
        if (const QString option = stray({u"checkpoint"_s}); !option.isEmpty())
            return m_out.usageError(tr("\"audit verify\" does not take --%1; usage: %2").arg(option, usage));
        return verify(arguments);
    }
    if (action == u"list"_s) {
        if (const QString option = stray({u"action"_s, u"actor"_s, u"record"_s, u"since"_s, u"limit"_s});
            !option.isEmpty())
            return m_out.usageError(tr("\"audit list\" does not take --%1; usage: %2").arg(option, usage));
        return list(arguments);
    }
    return m_out.usageError(tr("Unknown audit command \"%1\"; use verify or list. Usage: %2").arg(action, usage));
}

int AuditCommands::verify(const CommandArguments &arguments)
{
    std::optional<AuditHead> checkpoint;
    if (arguments.has(u"checkpoint"_s)) {
        checkpoint = AuditHead::fromString(arguments.value(u"checkpoint"_s));
        if (!checkpoint)
            return m_out.usageError(tr("--checkpoint \"%1\" is not a trail head; write it as SEQ:HASH, with the "
                                       "64 hex digits \"strata-cli audit verify\" prints.")
                                        .arg(arguments.value(u"checkpoint"_s)));
    }
    // Read-only: verifying must never write, not even the catalogs an ordinary open installs.
    const auto opened = CommandLine::openReadOnly(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Result<AuditVerification> verified = opened.value()->verifyAudit(checkpoint);
    if (!verified)
        return m_out.fail(verified.error());
    const AuditVerification &v = verified.value();
    if (m_out.isJson()) {
        QJsonObject result{{u"ok"_s, v.intact()},
                           {u"rows"_s, v.rowsChecked},
                           {u"head"_s, v.head.toString()},
                           {u"damage"_s, damageKey(v.damage)},
                           {u"message"_s, v.message}};
        if (!v.intact())
            result.insert(u"first_bad_seq"_s, v.firstBadSeq);
        if (checkpoint)
            result.insert(u"checkpoint"_s, checkpoint->toString());
        m_out.printJson(result);
    } else {
        m_out.print(v.message);
    }
    return v.intact() ? 0 : 1;
}

int AuditCommands::list(const CommandArguments &arguments)
{
    AuditQuery query;
    query.action = arguments.value(u"action"_s).trimmed();
    query.actor = arguments.value(u"actor"_s).trimmed();
    if (arguments.has(u"since"_s)) {
        const std::optional<QDateTime> since = CommandLine::parseDateTime(arguments.value(u"since"_s));
        if (!since)
            return m_out.usageError(tr("--since \"%1\" is not a date; write it as YYYY-MM-DD or an ISO 8601 time.")
                                        .arg(arguments.value(u"since"_s)));
        query.since = *since;
    }
    if (arguments.has(u"limit"_s)) {
        bool ok = false;
        query.limit = arguments.value(u"limit"_s).toInt(&ok);
        if (!ok || query.limit < 1)
            return m_out.usageError(
                tr("--limit \"%1\" is not a positive whole number.").arg(arguments.value(u"limit"_s)));
    }
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    Workspace &ws = *opened.value();
    if (arguments.has(u"record"_s)) {
        const Result<qint64> id = ws.resolve(arguments.value(u"record"_s));
        if (!id)
            return m_out.fail(id.error());
        query.entityKind = u"record"_s;
        query.entityId = id.value();
    }
    const Result<QList<AuditEntry>> rows = ws.auditTrail(query);
    if (!rows)
        return m_out.fail(rows.error());
    if (m_out.isJson()) {
        QJsonArray array;
        for (const AuditEntry &e : rows.value())
            array.append(entryJson(e));
        m_out.printJson(array);
        return 0;
    }
    if (rows.value().isEmpty()) {
        m_out.print(tr("No audit entries match."));
        return 0;
    }
    QList<QStringList> table;
    for (const AuditEntry &e : rows.value()) {
        const QString entity = e.entityKind.isEmpty() ? QString() : u"%1 %2"_s.arg(e.entityKind).arg(e.entityId);
        table.append({QString::number(e.seq), e.at, Output::sanitized(e.actor), Output::sanitized(e.action),
                      Output::sanitized(entity), changeText(e)});
    }
    m_out.printTable({tr("SEQ"), tr("TIME"), tr("ACTOR"), tr("ACTION"), tr("ENTITY"), tr("CHANGE")}, table);
    return 0;
}

} // namespace strata
