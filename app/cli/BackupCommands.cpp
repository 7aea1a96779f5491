// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "BackupCommands.h"

#include "Output.h"
#include "storage/Backups.h"
#include "workspace/RestoreAudit.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QJsonObject checkJson(const BackupCheck &check)
{
    return QJsonObject{{u"file"_s, check.path},
                       {u"bytes"_s, check.bytes},
                       {u"schema"_s, check.schemaVersion},
                       {u"integrity"_s, check.integrity},
                       {u"identity"_s, check.identity}};
}

} // namespace

BackupCommands::BackupCommands(const GlobalOptions &options, const Output &out)
    : m_options(options)
    , m_out(out)
{
}

QList<CommandSpec> BackupCommands::specs()
{
    return {{u"backup"_s,
             tr("[-o FILE | --list]"),
             tr("Make a checked backup of the workspace, or list its backups"),
             tr("backup -o FILE   write a consistent copy of the workspace to FILE (never the workspace itself);\n"
                "                 the copy is checked with integrity_check and synced to disk before it is kept\n"
                "backup           the same, as a new generation in WORKSPACE.backups/ (the newest %1 are kept;\n"
                "                 Strata also makes one there before it upgrades a workspace to a newer schema)\n"
                "backup --list    the generations in WORKSPACE.backups/, newest first")
                 .arg(Backups::kKeep),
             {{u"output"_s, tr("FILE"), tr("the backup file to write"), false, false, u'o'},
              {u"list"_s, QString(), tr("list the backup generations"), false, false}},
             {},
             0},
            {u"restore"_s,
             tr("FILE"),
             tr("Replace the workspace with a backup"),
             tr("FILE is checked completely first: it must be a Strata workspace, pass integrity_check and have a\n"
                "schema this version knows. The workspace must not be open anywhere. The current workspace is kept\n"
                "as a generation in WORKSPACE.backups/ (with its -wal, if it has one), then FILE's copy replaces it\n"
                "in one rename. \"strata-cli backup --list\" shows the generations to choose from."),
             {},
             {tr("FILE")},
             1}};
}

int BackupCommands::run(const QString &command, const CommandArguments &arguments)
{
    if (command == u"backup"_s) {
        if (!arguments.positional.isEmpty())
            return m_out.usageError(tr("\"backup\" takes no arguments; write the file with -o FILE."));
        if (arguments.has(u"list"_s) && arguments.has(u"output"_s))
            return m_out.usageError(tr("\"backup --list\" does not take -o."));
        return arguments.has(u"list"_s) ? list() : backup(arguments);
    }
    if (command == u"restore"_s) {
        if (arguments.positional.size() != 1)
            return m_out.usageError(tr("\"restore\" takes one backup file; usage: strata-cli restore FILE"));
        return restore(arguments);
    }
    return m_out.usageError(tr("Unknown command \"%1\".").arg(command));
}

QString BackupCommands::workspacePath() const
{
    const QString path = m_options.workspace.isEmpty() ? Workspace::defaultPath() : m_options.workspace;
    const QFileInfo info(path);
    return info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
}

int BackupCommands::backup(const CommandArguments &arguments)
{
    const QString output = arguments.value(u"output"_s);
    if (arguments.has(u"output"_s) && output.trimmed().isEmpty())
        return m_out.usageError(tr("-o needs a file name."));
    if (!output.isEmpty()) {
        if (Status s = CommandLine::checkOutputFolder(output); !s)
            return m_out.fail(s.error());
    }
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Workspace &ws = *opened.value();
    Result<BackupCheck> made = Error{};
    if (output.isEmpty()) {
        const Result<BackupGeneration> generation = ws.backupGeneration();
        if (!generation)
            return m_out.fail(generation.error());
        made = Backups::inspect(generation.value().path, false); // checked in full when made; read it back
    } else {
        made = ws.backupTo(output);
    }
    if (!made)
        return m_out.fail(made.error());
    const BackupCheck &check = made.value();
    if (m_out.isJson()) {
        m_out.printJson(checkJson(check));
        return 0;
    }
    m_out.print(tr("Backed up %1 to %2 (%3, schema %4); integrity check: %5.")
                    .arg(native(ws.path()), native(check.path), QLocale().formattedDataSize(check.bytes))
                    .arg(check.schemaVersion)
                    .arg(check.integrity));
    return 0;
}

int BackupCommands::list()
{
    const QString path = workspacePath();
    const QList<BackupGeneration> generations = Backups::generations(path);
    if (m_out.isJson()) {
        QJsonArray rows;
        for (const BackupGeneration &g : generations)
            rows.append(QJsonObject{{u"file"_s, g.path},
                                    {u"created"_s, g.created.toString(Qt::ISODateWithMs)},
                                    {u"schema"_s, g.schemaVersion},
                                    {u"reason"_s, g.reason},
                                    {u"bytes"_s, g.bytes},
                                    {u"has_wal"_s, g.hasWal}});
        m_out.printJson(rows);
        return 0;
    }
    if (generations.isEmpty()) {
        m_out.print(tr("No backups of %1 yet in %2.").arg(native(path), native(Backups::folderFor(path))));
        return 0;
    }
    QList<QStringList> rows;
    for (const BackupGeneration &g : generations)
        rows.append({g.created.toString(Qt::ISODate), QString::number(g.schemaVersion), g.reason,
                     QLocale().formattedDataSize(g.bytes), native(g.path)});
    m_out.printTable({tr("Made (UTC)"), tr("Schema"), tr("Reason"), tr("Size"), tr("File")}, rows);
    return 0;
}

int BackupCommands::restore(const CommandArguments &arguments)
{
    const QString file = arguments.positional.constFirst();
    const QString path = workspacePath();
    const Result<RestoreResult> restored = Backups::restore(path, file);
    if (!restored)
        return m_out.fail(restored.error());
    const RestoreResult &r = restored.value();
    // The restored workspace's own trail says it was put back, from which file and by whom. The restore stands
    // either way, so a failure to record it is a warning.
    const auto opened = CommandLine::openExisting(m_options);
    const Status recorded = opened ? recordRestore(*opened.value(), r) : Status(opened.error());
    if (!recorded)
        Output::warn(tr("The workspace was restored, but the restore could not be recorded in its audit trail: %1")
                         .arg(recorded.error().message));
    if (m_out.isJson()) {
        m_out.printJson(QJsonObject{{u"workspace"_s, path},
                                    {u"restored_from"_s, r.restoredFrom},
                                    {u"kept_as"_s, r.keptAs},
                                    {u"schema"_s, r.schemaVersion}});
        return 0;
    }
    m_out.print(tr("Restored %1 from %2 (schema %3).").arg(native(path), native(r.restoredFrom)).arg(r.schemaVersion));
    if (!r.keptAs.isEmpty())
        m_out.print(tr("The workspace it replaced was kept as %1.").arg(native(r.keptAs)));
    return 0;
}

} // namespace strata
