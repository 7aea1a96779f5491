// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CliApplication.h"

#include "AssessmentCommands.h"
#include "AuditCommands.h"
#include "BackupCommands.h"
#include "BundleCommands.h"
#include "CatalogCommands.h"
#include "EvidenceCommands.h"
#include "FindingCommands.h"
#include "GraphCommands.h"
#include "InteropCommands.h"
#include "InventoryCommands.h"
#include "Output.h"
#include "ReportCommands.h"
#include "SignoffCommands.h"
#include "Translations.h"
#include "TrustCommands.h"
#include "util/LibraryVersions.h"

#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

const QString kHelpCommand = u"help"_s;

} // namespace

CliApplication::CliApplication(QCoreApplication &app)
    : m_app(app)
{
}

QList<CommandSpec> CliApplication::commands()
{
    QList<CommandSpec> all = InventoryCommands::specs();
    all.append(InteropCommands::specs());
    all.append(CatalogCommands::specs());
    all.append(EvidenceCommands::specs());
    all.append(GraphCommands::specs());
    all.append(AssessmentCommands::specs());
    all.append(FindingCommands::specs());
    all.append(TrustCommands::specs());
    all.append(ReportCommands::specs());
    all.append(SignoffCommands::specs());
    all.append(AuditCommands::specs());
    all.append(BundleCommands::specs());
    all.append(BackupCommands::specs());
    all.append({kHelpCommand,
                tr("[COMMAND]"),
                tr("Show the commands, or the options of one command"),
                QString(),
                {},
                {tr("COMMAND")},
                0});
    return all;
}

int CliApplication::run()
{
    const QStringList arguments = QCoreApplication::arguments();
    installTranslations(m_app, CommandLine::scanLanguage(arguments));
    const QList<CommandSpec> all = commands();
    const Invocation invocation = CommandLine::parse(arguments, all);
    const Output out(invocation.global.json);
    if (!invocation.error.isEmpty())
        return out.usageError(invocation.error);
    if (invocation.global.version)
        return printVersion(out);

    QString helpFor;
    if (invocation.command == kHelpCommand)
        helpFor = invocation.arguments.positional.value(0);
    else if (invocation.global.help)
        helpFor = invocation.command;
    else if (invocation.command.isEmpty())
        return out.usageError(tr("No command was given; run \"strata-cli --help\" for the list of commands."));
    else if (CommandLine::find(InteropCommands::specs(), invocation.command))
        return InteropCommands(invocation.global, out).run(invocation.command, invocation.arguments);
    else if (CommandLine::find(CatalogCommands::specs(), invocation.command))
        return CatalogCommands(invocation.global, out).run(invocation.command, invocation.arguments);
    else if (CommandLine::find(EvidenceCommands::specs(), invocation.command))
        return EvidenceCommands(invocation.global, out).run(invocation.command, invocation.arguments);
    else if (CommandLine::find(GraphCommands::specs(), invocation.command))
        return GraphCommands(invocation.global, out).run(invocation.command, invocation.arguments);
    else if (CommandLine::find(AssessmentCommands::specs(), invocation.command))
        return AssessmentCommands(invocation.global, out).run(invocation.command, invocation.arguments);
    else if (CommandLine::find(FindingCommands::specs(), invocation.command))
        return FindingCommands(invocation.global, out).run(invocation.command, invocation.arguments);
    else if (CommandLine::find(TrustCommands::specs(), invocation.command))
        return TrustCommands(invocation.global, out).run(invocation.command, invocation.arguments);
    else if (CommandLine::find(ReportCommands::specs(), invocation.command))
        return ReportCommands(invocation.global, out).run(invocation.command, invocation.arguments);
    else if (CommandLine::find(SignoffCommands::specs(), invocation.command))
        return SignoffCommands(invocation.global, out).run(invocation.command, invocation.arguments);
    else if (CommandLine::find(AuditCommands::specs(), invocation.command))
        return AuditCommands(invocation.global, out).run(invocation.command, invocation.arguments);
    else if (CommandLine::find(BundleCommands::specs(), invocation.command))
        return BundleCommands(invocation.global, out).run(invocation.command, invocation.arguments);
    else if (CommandLine::find(BackupCommands::specs(), invocation.command))
        return BackupCommands(invocation.global, out).run(invocation.command, invocation.arguments);
    else
        return InventoryCommands(invocation.global, out).run(invocation.command, invocation.arguments);

    if (helpFor.isEmpty())
        return printUsage(out, all);
    const CommandSpec *spec = CommandLine::find(all, helpFor);
    if (!spec) {
        return out.usageError(
            tr("Unknown command \"%1\"; run \"strata-cli --help\" for the list of commands.").arg(helpFor));
    }
    return printCommandHelp(out, *spec);
}

int CliApplication::printUsage(const Output &out, const QList<CommandSpec> &commands)
{
    out.print(tr("Usage: strata-cli [--workspace PATH] [--json] [--lang LOCALE] COMMAND [ARGS]"));
    out.print(QString());
    out.print(tr("Keeps the inventory of an LLM supply chain in a Strata workspace file."));
    out.print(QString());
    out.print(tr("Commands:"));
    QList<QStringList> rows;
    for (const CommandSpec &spec : commands)
        rows.append({spec.name, spec.summary});
    out.printTable({}, rows, 2);
    out.print(QString());
    out.print(tr("Global options:"));
    out.printFields({{u"--workspace PATH"_s, tr("workspace file (default: the one the Strata app opens)")},
                     {u"--json"_s, tr("print JSON on stdout instead of text for people")},
                     {u"--lang LOCALE"_s, tr("language of messages, such as en or zh_CN (default: the system's)")},
                     {u"--help"_s, tr("show this help, or a command's help after the command")},
                     {u"--version"_s, tr("show the versions of Strata and of the libraries it uses")}},
                    2);
    out.print(QString());
    out.print(tr("Exit codes: 0 success, 1 the operation failed, 2 bad usage."));
    out.print(tr("Run \"strata-cli help COMMAND\" for the arguments of a command."));
    return 0;
}

int CliApplication::printCommandHelp(const Output &out, const CommandSpec &spec)
{
    out.print(tr("Usage: strata-cli [global options] %1").arg(u"%1 %2"_s.arg(spec.name, spec.synopsis).trimmed()));
    out.print(QString());
    out.print(spec.summary);
    if (!spec.options.isEmpty()) {
        out.print(QString());
        out.print(tr("Options:"));
        QList<std::pair<QString, QString>> options;
        for (const OptionSpec &option : spec.options) {
            QString names = u"--%1 %2"_s.arg(option.name, option.valueName).trimmed();
            if (!option.shortName.isNull())
                names = u"-%1, %2"_s.arg(option.shortName, names);
            options.append({names, option.help});
        }
        out.printFields(options, 2);
    }
    if (!spec.details.isEmpty()) {
        out.print(QString());
        out.print(spec.details);
    }
    return 0;
}

int CliApplication::printVersion(const Output &out)
{
    LibraryVersions versions = LibraryVersions::current();
    // OpenSSL_version(OPENSSL_VERSION) reads "OpenSSL 3.0.15 3 Sep 2024"; print only the version number.
    if (versions.openssl.startsWith(u"OpenSSL "_s))
        versions.openssl = versions.openssl.section(u' ', 1, 1);
    if (out.isJson()) {
        out.printJson(QJsonObject{{u"strata"_s, versions.strata},
                                  {u"qt"_s, versions.qt},
                                  {u"sqlite"_s, versions.sqlite},
                                  {u"openssl"_s, versions.openssl},
                                  {u"quazip"_s, versions.quazip}});
        return 0;
    }
    out.print(u"strata-cli %1"_s.arg(versions.strata));
    out.printFields({{u"Qt"_s, versions.qt},
                     {u"SQLite"_s, versions.sqlite},
                     {u"OpenSSL"_s, versions.openssl},
                     {u"QuaZip"_s, versions.quazip}});
    return 0;
}

} // namespace strata
