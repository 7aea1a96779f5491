// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CliRunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QLockFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

/// What strata-cli promises scripts besides the commands: exit code 2, one-line errors, help, versions, no stray files.
class TestCliUsage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void initUsesTheDefaultWorkspace();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
    void missingWorkspaceIsNotCreated_data();
    void missingWorkspaceIsNotCreated();
    void versionNamesTheLibraries();
    void helpDescribesEachCommand();
    void openWorkspaceCannotBeWrittenByASecondProcess();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CliRunner> m_cli;
};

void TestCliUsage::initTestCase()
{
    QVERIFY2(QFileInfo(CliRunner::program()).isExecutable(),
             qPrintable(u"strata-cli not found at %1"_s.arg(CliRunner::program())));
}

void TestCliUsage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cli = std::make_unique<CliRunner>(m_dir->path());
}

void TestCliUsage::initUsesTheDefaultWorkspace()
{
#ifndef Q_OS_LINUX
    QSKIP("The default workspace is redirected into the test folder through XDG_DATA_HOME, which only Linux reads.");
#endif
    const CliRun created = m_cli->runRaw({u"init"_s, u"--json"_s});
    QCOMPARE(created.exitCode, 0);
    const QString path = created.json().object().value(u"workspace"_s).toString();
    QVERIFY2(path.startsWith(QDir(m_cli->folder()).filePath(u"xdg-data"_s)), qPrintable(path));
    QVERIFY(QFileInfo::exists(path));

    QCOMPARE(m_cli->runRaw({u"add"_s, u"dataset"_s, u"--name"_s, u"Default"_s}).exitCode, 0);
    const CliRun listed = m_cli->runRaw({u"list"_s, u"--json"_s});
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(listed.json().array().size(), 1);
    QCOMPARE(listed.json().array().at(0).toObject().value(u"name"_s).toString(), u"Default"_s);
}

void TestCliUsage::usageErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");

    QTest::newRow("no command") << QStringList{} << u"command"_s;
    QTest::newRow("unknown command") << args({"frobnicate"}) << u"frobnicate"_s;
    QTest::newRow("unknown global option") << args({"--frob", "list"}) << u"--frob"_s;
    QTest::newRow("unknown command option") << args({"list", "--frob"}) << u"--frob"_s;
    QTest::newRow("--version after a command") << args({"list", "--version"}) << u"--version"_s;
    QTest::newRow("show without ID") << args({"show"}) << u"ID"_s;
    QTest::newRow("link without TO_ID") << args({"link", "1", "derived_from"}) << u"TO_ID"_s;
    QTest::newRow("add without KIND") << args({"add"}) << u"KIND"_s;
    QTest::newRow("add without --name") << args({"add", "model"}) << u"--name"_s;
    QTest::newRow("--name without value") << args({"add", "model", "--name"}) << u"--name"_s;
    QTest::newRow("--name twice") << args({"add", "model", "--name", "A", "--name", "B"}) << u"--name"_s;
    QTest::newRow("edit without --set") << args({"edit", "1"}) << u"--set"_s;
    QTest::newRow("--set without =") << args({"edit", "1", "--set", "notes"}) << u"notes"_s;
    QTest::newRow("list of an unknown kind") << args({"list", "gadget"}) << u"gadget"_s;
    QTest::newRow("extra argument") << args({"show", "1", "2"}) << u"\"2\""_s;
    QTest::newRow("help for an unknown command") << args({"help", "frobnicate"}) << u"frobnicate"_s;
    QTest::newRow("--json with a value") << args({"list", "--json=yes"}) << u"--json"_s;
    QTest::newRow("in another language") << args({"--lang", "zh_CN", "frobnicate"}) << u"frobnicate"_s;
}

void TestCliUsage::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);

    const CliRun misused = m_cli->run(arguments);
    QCOMPARE(misused.exitCode, 2);
    QVERIFY2(misused.out.isEmpty(), misused.out.constData());
    QCOMPARE(misused.errorLines().size(), 1);
    QVERIFY(misused.error().startsWith(u"strata-cli: "_s));
    QVERIFY2(misused.error().contains(named), misused.err.constData());
    QVERIFY2(!QFileInfo::exists(m_cli->workspace()), "bad usage must not create the workspace");
}

void TestCliUsage::missingWorkspaceIsNotCreated_data()
{
    QTest::addColumn<QStringList>("arguments");

    QTest::newRow("list") << args({"list"});
    QTest::newRow("show") << args({"show", "1"});
    QTest::newRow("add") << args({"add", "model", "--name", "Orphan"});
    QTest::newRow("edit") << args({"edit", "1", "--set", "notes=x"});
    QTest::newRow("remove") << args({"remove", "1"});
    QTest::newRow("link") << args({"link", "1", "depends_on", "2"});
}

void TestCliUsage::missingWorkspaceIsNotCreated()
{
    QFETCH(QStringList, arguments);

    const CliRun missing = m_cli->run(arguments);
    QCOMPARE(missing.exitCode, 1);
    QCOMPARE(missing.errorLines().size(), 1);
    QVERIFY2(missing.error().contains(QFileInfo(m_cli->workspace()).fileName()), missing.err.constData());
    QVERIFY(missing.out.isEmpty());
    QVERIFY(!QFileInfo::exists(m_cli->workspace()));
    QCOMPARE(QDir(m_cli->folder()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

void TestCliUsage::versionNamesTheLibraries()
{
    const CliRun text = m_cli->runRaw({u"--version"_s});
    QCOMPARE(text.exitCode, 0);
    const QString out = QString::fromUtf8(text.out);
    QVERIFY2(out.contains(QStringLiteral(STRATA_VERSION)), text.out.constData());
    QVERIFY2(out.contains(QString::fromLatin1(qVersion())), text.out.constData());
    for (const QString &library : {u"Qt"_s, u"SQLite"_s, u"OpenSSL"_s, u"QuaZip"_s}) {
        const QRegularExpression line(u"^%1\\s+\\S*\\d+\\.\\d+"_s.arg(library), QRegularExpression::MultilineOption);
        QVERIFY2(line.match(out).hasMatch(), qPrintable(u"no version line for %1 in:\n%2"_s.arg(library, out)));
    }

    const CliRun json = m_cli->runRaw({u"--json"_s, u"--version"_s});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject versions = json.json().object();
    QCOMPARE(versions.value(u"strata"_s).toString(), QStringLiteral(STRATA_VERSION));
    QCOMPARE(versions.value(u"qt"_s).toString(), QString::fromLatin1(qVersion()));
    for (const QString &key : {u"sqlite"_s, u"openssl"_s, u"quazip"_s})
        QVERIFY2(versions.value(key).toString().contains(QRegularExpression(u"\\d+\\.\\d+"_s)), qPrintable(key));
}

void TestCliUsage::helpDescribesEachCommand()
{
    const CliRun usage = m_cli->runRaw({u"--help"_s});
    QCOMPARE(usage.exitCode, 0);
    QVERIFY(usage.err.isEmpty());
    const QStringList commands{u"init"_s, u"demo"_s,   u"add"_s,  u"list"_s,  u"show"_s,
                               u"edit"_s, u"remove"_s, u"link"_s, u"unlink"_s};
    for (const QString &command : commands) {
        const QRegularExpression listed(u"^\\s+%1\\s"_s.arg(command), QRegularExpression::MultilineOption);
        QVERIFY2(listed.match(QString::fromUtf8(usage.out)).hasMatch(), qPrintable(command));

        const CliRun help = m_cli->runRaw({u"help"_s, command});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(u"strata-cli [global options] %1"_s.arg(command).toUtf8()), help.out.constData());
        const CliRun afterCommand = m_cli->runRaw({command, u"--help"_s});
        QCOMPARE(afterCommand.exitCode, 0);
        QCOMPARE(afterCommand.out, help.out);
    }
    QVERIFY(m_cli->runRaw({u"help"_s, u"add"_s}).out.contains("parameter_count"));
    const QByteArray link = m_cli->runRaw({u"help"_s, u"link"_s}).out;
    QVERIFY(link.contains("derived_from") && link.contains("quantized"));
}

void TestCliUsage::openWorkspaceCannotBeWrittenByASecondProcess()
{
    QCOMPARE(m_cli->run({u"init"_s}).exitCode, 0);
    const QJsonArray before = m_cli->state();

    // This process plays the Strata app that has the workspace open: it holds the workspace's lock file.
    QLockFile held(QFileInfo(m_cli->workspace()).canonicalFilePath() + u".lock"_s);
    QVERIFY(held.tryLock(0));
    const CliRun blocked = m_cli->run({u"add"_s, u"model"_s, u"--name"_s, u"Intruder"_s});
    QCOMPARE(blocked.exitCode, 1);
    QCOMPARE(blocked.errorLines().size(), 1);
    QVERIFY2(blocked.error().contains(QString::number(QCoreApplication::applicationPid())), blocked.err.constData());
    held.unlock();

    QCOMPARE(m_cli->state(), before);
    QVERIFY(m_cli->add({u"model"_s, u"--name"_s, u"Welcome"_s}) > 0);
}

QTEST_GUILESS_MAIN(TestCliUsage)
#include "TestCliUsage.moc"
