// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

#include <initializer_list>

namespace strata {

/// What one run of strata-cli left behind: exit code, stdout and stderr.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    QStringList errorLines() const { return QString::fromUtf8(err).split(u'\n', Qt::SkipEmptyParts); }
    QString error() const { return QString::fromUtf8(err).trimmed(); }
};

/// Runs the built strata-cli as a pipeline would, keeping its workspace and default paths inside one folder.
class CliRunner
{
public:
    explicit CliRunner(const QString &folder);

    /// The strata-cli under test: $STRATA_CLI, else the one this build made.
    static QString program();

    QString folder() const { return m_folder; }
    QString workspace() const { return m_workspace; }

    /// Runs strata-cli on workspace().
    CliRun run(const QStringList &arguments) const;
    /// Runs strata-cli with exactly these arguments.
    CliRun runRaw(const QStringList &arguments) const;
    /// `list --json`, or an array holding the error when the list failed.
    QJsonArray listAll() const;
    /// `add --json ARGUMENTS`; the new id, or 0 when the add failed.
    qint64 add(const QStringList &arguments) const;
    /// Everything a user can see in the workspace: the list and every record shown in full.
    QJsonArray state() const;

private:
    QString m_folder;
    QString m_workspace;
};

/// Command-line arguments written as plain literals, so that data tables stay readable.
QStringList args(std::initializer_list<const char *> arguments);

} // namespace strata
