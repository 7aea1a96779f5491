// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CliRunner.h"

#include <QDir>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QtGlobal>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kProcessTimeoutMs = 60000;

} // namespace

CliRunner::CliRunner(const QString &folder)
    : m_folder(folder)
    , m_workspace(QDir(folder).filePath(u"test.strata"_s))
{
}

QString CliRunner::program()
{
    return qEnvironmentVariable("STRATA_CLI", QStringLiteral(STRATA_CLI_PATH));
}

CliRun CliRunner::runRaw(const QStringList &arguments) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // English messages, and a default workspace inside the test folder, never the user's real one.
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    environment.remove(u"LANGUAGE"_s);
    environment.insert(u"XDG_DATA_HOME"_s, QDir(m_folder).filePath(u"xdg-data"_s));
    environment.insert(u"XDG_CONFIG_HOME"_s, QDir(m_folder).filePath(u"xdg-config"_s));

    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program(), arguments);
    CliRun result;
    if (!process.waitForFinished(kProcessTimeoutMs) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        result.err = "strata-cli did not finish";
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

CliRun CliRunner::run(const QStringList &arguments) const
{
    return runRaw(QStringList{u"--workspace"_s, m_workspace} + arguments);
}

QJsonArray CliRunner::listAll() const
{
    const CliRun listed = run({u"list"_s, u"--json"_s});
    return listed.exitCode == 0 ? listed.json().array() : QJsonArray{u"list failed: %1"_s.arg(listed.error())};
}

qint64 CliRunner::add(const QStringList &arguments) const
{
    const CliRun added = run(args({"--json", "add"}) + arguments);
    if (added.exitCode != 0)
        qWarning("add failed: %s", added.err.constData());
    return added.exitCode == 0 ? added.json().object().value(u"id"_s).toInteger() : 0;
}

QJsonArray CliRunner::state() const
{
    QJsonArray everything;
    const QJsonArray list = listAll();
    everything.append(list);
    for (const QJsonValue &row : list) {
        const QString id = QString::number(row.toObject().value(u"id"_s).toInteger());
        everything.append(run({u"show"_s, id, u"--json"_s}).json().object());
    }
    return everything;
}

QStringList args(std::initializer_list<const char *> arguments)
{
    QStringList list;
    for (const char *argument : arguments)
        list.append(QString::fromUtf8(argument));
    return list;
}

} // namespace strata
