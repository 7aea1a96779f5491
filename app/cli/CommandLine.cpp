// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CommandLine.h"

#include "Output.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFileInfo>

#include <cstdio>
#include <cstring>
#include <optional>
#include <termios.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

bool isOption(const QString &argument)
{
    return argument.size() > 1 && argument.startsWith(u'-');
}

const OptionSpec *findOption(const CommandSpec &spec, const QString &name)
{
    for (const OptionSpec &option : spec.options) {
        if (option.name == name)
            return &option;
    }
    return nullptr;
}

const OptionSpec *findShortOption(const CommandSpec &spec, QChar letter)
{
    for (const OptionSpec &option : spec.options) {
        if (!option.shortName.isNull() && option.shortName == letter)
            return &option;
    }
    return nullptr;
}

/// Splits "--name=value" into its parts; "-h" and the command's one-letter options ("-o") give their long name.
std::pair<QString, std::optional<QString>> splitOption(const QString &argument, const CommandSpec *spec)
{
    if (argument == u"-h"_s)
        return {u"help"_s, std::nullopt};
    if (!argument.startsWith(u"--"_s)) {
        const OptionSpec *option = spec && argument.size() == 2 ? findShortOption(*spec, argument.at(1)) : nullptr;
        return {option ? option->name : argument, std::nullopt};
    }
    const QString body = argument.mid(2);
    const qsizetype equals = body.indexOf(u'=');
    if (equals < 0)
        return {body, std::nullopt};
    return {body.left(equals), body.mid(equals + 1)};
}

} // namespace

QString CommandArguments::value(const QString &option) const
{
    const QStringList given = options.value(option);
    return given.isEmpty() ? QString() : given.constLast();
}

const CommandSpec *CommandLine::find(const QList<CommandSpec> &commands, const QString &name)
{
    for (const CommandSpec &spec : commands) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

QString CommandLine::scanLanguage(const QStringList &arguments)
{
    QString language;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--"_s)
            break;
        if (argument == u"--lang"_s && i + 1 < arguments.size())
            language = arguments.at(++i);
        else if (argument.startsWith(u"--lang="_s))
            language = argument.mid(7);
    }
    return language;
}

Invocation CommandLine::parse(const QStringList &arguments, const QList<CommandSpec> &commands)
{
    Invocation invocation;
    GlobalOptions &global = invocation.global;
    CommandArguments &parsed = invocation.arguments;
    const CommandSpec *spec = nullptr;
    bool optionsEnded = false;

    for (qsizetype i = 1; i < arguments.size() && invocation.error.isEmpty(); ++i) {
        const QString &argument = arguments.at(i);
        if (optionsEnded || !isOption(argument)) {
            if (!invocation.command.isEmpty()) {
                parsed.positional.append(argument);
                continue;
            }
            invocation.command = argument;
            spec = find(commands, argument);
            if (!spec) {
                invocation.error =
                    tr("Unknown command \"%1\"; run \"strata-cli --help\" for the list of commands.").arg(argument);
            }
            continue;
        }
        if (argument == u"--"_s) {
            optionsEnded = true;
            continue;
        }

        // Plain variables rather than a structured binding: C++17 lambdas cannot capture bindings.
        const std::pair<QString, std::optional<QString>> split = splitOption(argument, spec);
        const QString name = split.first;
        const std::optional<QString> inlineValue = split.second;
        // Reads the option's value from "--name=value" or from the next argument.
        const auto takeValue = [&]() -> std::optional<QString> {
            if (inlineValue)
                return inlineValue;
            if (i + 1 < arguments.size())
                return arguments.at(++i);
            return std::nullopt;
        };
        const auto missingValue = [&](const QString &valueName) {
            return tr("Option --%1 needs a value (%2).").arg(name, valueName);
        };

        // A command's own option wins over a global one of the same name: `add model --version 1.0`.
        if (const OptionSpec *option = spec ? findOption(*spec, name) : nullptr) {
            if (!option->takesValue()) {
                if (inlineValue)
                    invocation.error = tr("Option --%1 does not take a value.").arg(name);
                else
                    parsed.options[name].append(QString());
                continue;
            }
            const std::optional<QString> value = takeValue();
            if (!value)
                invocation.error = missingValue(option->valueName);
            else if (!option->repeatable && parsed.has(name))
                invocation.error = tr("Option --%1 may be given only once.").arg(name);
            else
                parsed.options[name].append(*value);
            continue;
        }

        if (name == u"workspace"_s || name == u"lang"_s) {
            const std::optional<QString> value = takeValue();
            if (!value || (name == u"workspace"_s && value->isEmpty()))
                invocation.error = missingValue(name == u"workspace"_s ? tr("PATH") : tr("LOCALE"));
            else if (name == u"workspace"_s)
                global.workspace = *value;
            else
                global.language = *value;
        } else if ((name == u"json"_s || name == u"help"_s || name == u"version"_s) && inlineValue) {
            invocation.error = tr("Option --%1 does not take a value.").arg(name);
        } else if (name == u"json"_s) {
            global.json = true;
        } else if (name == u"help"_s) {
            global.help = true;
        } else if (name == u"version"_s && !spec) {
            global.version = true;
        } else if (spec) {
            invocation.error = tr("Unknown option %1 for \"%2\"; run \"strata-cli help %2\" for its options.")
                                   .arg(argument, spec->name);
        } else {
            invocation.error = tr("Unknown option %1; run \"strata-cli --help\" for the options.").arg(argument);
        }
    }

    if (!invocation.error.isEmpty() || !spec || global.help)
        return invocation;

    const qsizetype given = parsed.positional.size();
    const QString usage = u"strata-cli %1 %2"_s.arg(spec->name, spec->synopsis).trimmed();
    if (given < spec->requiredArguments) {
        invocation.error = tr("\"%1\" needs %2; usage: %3").arg(spec->name, spec->argumentNames.at(given), usage);
    } else if (given > spec->argumentNames.size() && !spec->repeatsLastArgument) {
        invocation.error =
            tr("Unexpected argument \"%1\"; usage: %2").arg(parsed.positional.at(spec->argumentNames.size()), usage);
    } else {
        for (const OptionSpec &option : spec->options) {
            if (option.required && !parsed.has(option.name)) {
                invocation.error =
                    tr("\"%1\" needs --%2 %3; usage: %4").arg(spec->name, option.name, option.valueName, usage);
                break;
            }
        }
    }
    return invocation;
}

std::optional<QDate> CommandLine::parseDay(const QString &text)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid() || text.size() != 10)
        return std::nullopt;
    return date;
}

std::optional<QDateTime> CommandLine::parseDateTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const std::optional<QDate> day = parseDay(text);
        if (!day)
            return std::nullopt;
        time = day->startOfDay(Qt::UTC);
    }
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time.toUTC();
}

Result<std::unique_ptr<Workspace>> CommandLine::openExisting(const GlobalOptions &options)
{
    const QString path = options.workspace.isEmpty() ? Workspace::defaultPath() : options.workspace;
    Result<std::unique_ptr<Workspace>> opened = Workspace::open(path, Database::OpenMode::ExistingOnly);
    if (opened.ok())
        warnAboutStorage(*opened.value());
    return opened;
}

void CommandLine::warnAboutStorage(const Workspace &workspace)
{
    if (const QString warning = workspace.storageWarning(); !warning.isEmpty())
        Output::warn(warning);
}

Result<std::unique_ptr<Workspace>> CommandLine::openReadOnly(const GlobalOptions &options)
{
    const QString path = options.workspace.isEmpty() ? Workspace::defaultPath() : options.workspace;
    return Workspace::open(path, Database::OpenMode::ReadOnly);
}

Status CommandLine::checkOutputFolder(const QString &output)
{
    const QFileInfo target(output);
    if (target.absoluteDir().exists())
        return Ok{};
    return Error{ErrorCode::NotFound, tr("The folder %1 does not exist; create it, or choose another file with -o.")
                                          .arg(QDir::toNativeSeparators(target.absolutePath()))};
}

namespace {

/// One line from the terminal with echo off; the buffer is wiped after use.
QByteArray readHidden(const QString &prompt)
{
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    termios saved = {};
    const bool terminal = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    char buffer[1024] = {};
    const bool read = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
    if (terminal)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::fputs("\n", stderr);
    QByteArray line = read ? QByteArray(buffer) : QByteArray();
    std::memset(buffer, 0, sizeof buffer);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace

std::optional<QByteArray> CommandLine::readPassphrase(const Output &out, bool confirm)
{
    if (qEnvironmentVariableIsSet("STRATA_PASSPHRASE"))
        return qgetenv("STRATA_PASSPHRASE");
    if (!::isatty(STDIN_FILENO)) {
        out.usageError(tr("No passphrase: set STRATA_PASSPHRASE, or run the command on a terminal to be asked."));
        return std::nullopt;
    }
    const QByteArray first = readHidden(tr("Passphrase: "));
    if (confirm && readHidden(tr("Passphrase again: ")) != first) {
        out.usageError(tr("The two passphrases differ; nothing was written."));
        return std::nullopt;
    }
    return first;
}

} // namespace strata
