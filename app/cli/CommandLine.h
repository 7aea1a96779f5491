// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace strata {

class Output;
class Workspace;

/// One option of a command, described once so that parsing, usage errors and help agree.
struct OptionSpec
{
    QString name;      ///< without the dashes: "set"
    QString valueName; ///< placeholder shown in help ("KEY=VALUE"); empty for a flag
    QString help;      ///< translated one-line description
    bool repeatable = false;
    bool required = false;
    QChar shortName = QChar(); ///< one-letter alias used with a single dash ('o' for -o); null when there is none

    bool takesValue() const { return !valueName.isEmpty(); }
};

/// One command: its syntax, its help text and the arguments it takes.
struct CommandSpec
{
    QString name;
    QString synopsis; ///< what follows the name: "ID --set KEY=VALUE..."
    QString summary;  ///< translated one-liner for the command list
    QString details;  ///< translated paragraphs for `help COMMAND`; may be empty
    QList<OptionSpec> options;
    QStringList argumentNames; ///< positional arguments, required ones first: {"ID"}
    int requiredArguments = 0;
    bool repeatsLastArgument = false; ///< the last positional argument may be given any number of times: FILE...
};

/// Options every command understands; they may come before or after the command.
struct GlobalOptions
{
    QString workspace; ///< empty: Workspace::defaultPath()
    QString language;  ///< empty: the system locale
    bool json = false;
    bool help = false;
    bool version = false;
};

/// The positional arguments and options given to one command.
struct CommandArguments
{
    QStringList positional;
    QHash<QString, QStringList> options; ///< option name -> values in command-line order ("" for flags)

    bool has(const QString &option) const { return options.contains(option); }
    /// The last value given for `option`, or an empty string.
    QString value(const QString &option) const;
    QStringList values(const QString &option) const { return options.value(option); }
};

/// A parsed command line, or the usage error that stopped the parse.
struct Invocation
{
    GlobalOptions global;
    QString command;
    CommandArguments arguments;
    QString error; ///< translated; non-empty means bad usage (exit code 2)
};

/// Splits the arguments into global options, a command and its arguments, checked against the command specs.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(strata::CommandLine)

public:
    static Invocation parse(const QStringList &arguments, const QList<CommandSpec> &commands);
    /// The value of --lang, read before translations are loaded so that parse errors are already translated.
    static QString scanLanguage(const QStringList &arguments);
    static const CommandSpec *find(const QList<CommandSpec> &commands, const QString &name);
    /// A YYYY-MM-DD day, or nullopt when the text is not one.
    static std::optional<QDate> parseDay(const QString &text);
    /// A key's passphrase: STRATA_PASSPHRASE, or asked on the terminal with echo off (twice when `confirm`), never
    /// from an argument. nullopt, after a usage error on `out`, when there is no terminal or the two differ.
    static std::optional<QByteArray> readPassphrase(const Output &out, bool confirm);
    /// The workspace the global options name (or the default one), opened only if it exists: a typo in --workspace
    /// must not leave a new empty file behind.
    static Result<std::unique_ptr<Workspace>> openExisting(const GlobalOptions &options);
    /// Prints Workspace::storageWarning() (a network or FUSE file system) on stderr, if there is one; every command
    /// that opens a workspace for writing calls it once.
    static void warnAboutStorage(const Workspace &workspace);
    /// The same workspace opened read-only (Database::OpenMode::ReadOnly), for commands that only check it.
    static Result<std::unique_ptr<Workspace>> openReadOnly(const GlobalOptions &options);
    /// Refuses an -o file whose folder does not exist, before any work is done for it.
    static Status checkOutputFolder(const QString &output);
    /// An ISO 8601 date or date and time; without an offset it is read as UTC, so the same command gives the same
    /// result in every time zone. Nullopt when the text is not one.
    static std::optional<QDateTime> parseDateTime(const QString &text);
};

} // namespace strata
