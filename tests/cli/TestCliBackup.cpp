// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CliRunner.h"
#include "SqlTamper.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

} // namespace

/// Drives `strata-cli backup` and `restore` as a pipeline would (S7), including on a damaged workspace (S6).
class TestCliBackup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void backupThenRestoreRoundTrip();
    void backupRefusesTheWorkspaceItself();
    void generationsAreMadeAndListed();
    void restoreRefusesABadBackup_data();
    void restoreRefusesABadBackup();
    void damagedWorkspaceNamesTheBackupAndRestoreFixesIt();

private:
    void addModels(const QString &prefix, int count);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CliRunner> m_cli;
};

void TestCliBackup::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cli = std::make_unique<CliRunner>(m_dir->path());
    QCOMPARE(m_cli->run({u"init"_s}).exitCode, 0);
}

void TestCliBackup::addModels(const QString &prefix, int count)
{
    for (int i = 0; i < count; ++i)
        QVERIFY(m_cli->add({u"model"_s, u"--name"_s, u"%1 %2"_s.arg(prefix).arg(i)}) > 0);
}

void TestCliBackup::backupThenRestoreRoundTrip()
{
    addModels(u"Early"_s, 3);
    const QString file = m_dir->filePath(u"saved.strata"_s);
    const CliRun made = m_cli->run({u"--json"_s, u"backup"_s, u"-o"_s, file});
    QVERIFY2(made.exitCode == 0, qPrintable(made.error()));
    const QJsonObject summary = made.json().object();
    QCOMPARE(summary.value(u"integrity"_s).toString(), u"ok"_s);
    QCOMPARE(summary.value(u"file"_s).toString(), QFileInfo(file).absoluteFilePath());
    QVERIFY(summary.value(u"schema"_s).toInt() > 0);
    QCOMPARE(summary.value(u"bytes"_s).toInteger(), QFileInfo(file).size());

    addModels(u"Late"_s, 2);
    QCOMPARE(m_cli->listAll().size(), 5);
    const CliRun restored = m_cli->run({u"--json"_s, u"restore"_s, file});
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.error()));
    const QString keptAs = restored.json().object().value(u"kept_as"_s).toString();
    QVERIFY(QFileInfo::exists(keptAs));
    QCOMPARE(m_cli->listAll().size(), 3);
    const CliRun verified = m_cli->run({u"audit"_s, u"verify"_s});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.error()));
    // The restored workspace's trail ends with the restore, naming the backup and where the replaced one went.
    const QJsonObject newest =
        m_cli->run({u"--json"_s, u"audit"_s, u"list"_s, u"--limit"_s, u"1"_s}).json().array().at(0).toObject();
    QCOMPARE(newest.value(u"action"_s).toString(), u"workspace.restore"_s);
    QCOMPARE(newest.value(u"after"_s).toObject().value(u"restored_from"_s).toString(),
             QFileInfo(file).absoluteFilePath());
    QCOMPARE(newest.value(u"after"_s).toObject().value(u"kept_as"_s).toString(), keptAs);

    // The replaced workspace was kept whole: restoring it brings the two later models back.
    QCOMPARE(m_cli->run({u"restore"_s, keptAs}).exitCode, 0);
    QCOMPARE(m_cli->listAll().size(), 5);
}

void TestCliBackup::backupRefusesTheWorkspaceItself()
{
    addModels(u"Model"_s, 2);
    const QByteArray before = fileHash(m_cli->workspace());
    const CliRun run = m_cli->run({u"backup"_s, u"-o"_s, m_cli->workspace()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.error().contains(u"workspace itself"_s), qPrintable(run.error()));
    QCOMPARE(fileHash(m_cli->workspace()), before);
    QCOMPARE(m_cli->listAll().size(), 2);
    QCOMPARE(m_cli->run({u"backup"_s, u"-o"_s, m_dir->filePath(u"missing/x.strata"_s)}).exitCode, 1);
    QCOMPARE(m_cli->run({u"backup"_s, u"extra"_s}).exitCode, 2);
}

void TestCliBackup::generationsAreMadeAndListed()
{
    QCOMPARE(m_cli->run({u"--json"_s, u"backup"_s, u"--list"_s}).json().array().size(), 0);
    addModels(u"Model"_s, 1);
    const CliRun made = m_cli->run({u"--json"_s, u"backup"_s});
    QVERIFY2(made.exitCode == 0, qPrintable(made.error()));
    const QString generation = made.json().object().value(u"file"_s).toString();
    QVERIFY(generation.startsWith(m_cli->workspace() + u".backups/"_s));
    const QJsonArray listed = m_cli->run({u"--json"_s, u"backup"_s, u"--list"_s}).json().array();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value(u"file"_s).toString(), generation);
    QCOMPARE(listed.at(0).toObject().value(u"reason"_s).toString(), u"manual"_s);
    const CliRun text = m_cli->run({u"backup"_s, u"--list"_s});
    QVERIFY(QString::fromUtf8(text.out).contains(QFileInfo(generation).fileName()));
}

void TestCliBackup::restoreRefusesABadBackup_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("expected");
    QTest::newRow("corrupt page") << u"flip"_s << u"damaged"_s;
    QTest::newRow("newer schema") << u"newer"_s << u"newer version"_s;
    QTest::newRow("not a database") << u"text"_s << u"not a SQLite database"_s;
}

void TestCliBackup::restoreRefusesABadBackup()
{
    QFETCH(QString, damage);
    QFETCH(QString, expected);
    addModels(u"Model"_s, 30);
    const QString file = m_dir->filePath(u"bad.strata"_s);
    QCOMPARE(m_cli->run({u"backup"_s, u"-o"_s, file}).exitCode, 0);
    QFile bad(file);
    if (damage == u"flip"_s) {
        QVERIFY(bad.open(QIODevice::ReadWrite));
        bad.seek(2 * 4096); // the b-tree header of page 3
        bad.write(QByteArray(1, char(0x55)));
        bad.close();
    } else if (damage == u"newer"_s) {
        QVERIFY(test::execOnFile(file, u"PRAGMA user_version = 9999"_s));
    } else {
        QVERIFY(bad.open(QIODevice::WriteOnly | QIODevice::Truncate));
        bad.write("name,version\nLlama,3\n");
        bad.close();
    }
    const QByteArray before = fileHash(m_cli->workspace());
    const CliRun run = m_cli->run({u"restore"_s, file});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.error().contains(expected), qPrintable(run.error()));
    QCOMPARE(fileHash(m_cli->workspace()), before);
    QCOMPARE(m_cli->listAll().size(), 30);
    QCOMPARE(m_cli->run({u"--json"_s, u"backup"_s, u"--list"_s}).json().array().size(), 0);
}

void TestCliBackup::damagedWorkspaceNamesTheBackupAndRestoreFixesIt()
{
    addModels(u"Model"_s, 4);
    const CliRun made = m_cli->run({u"--json"_s, u"backup"_s});
    QCOMPARE(made.exitCode, 0);
    const QString generation = made.json().object().value(u"file"_s).toString();
    QFile file(m_cli->workspace());
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.resize(file.size() - 100));
    file.close();
    const QByteArray before = fileHash(m_cli->workspace());

    const CliRun failed = m_cli->run({u"list"_s});
    QCOMPARE(failed.exitCode, 1);
    QCOMPARE(failed.errorLines().size(), 1);
    QVERIFY2(failed.error().contains(u"damaged"_s), qPrintable(failed.error()));
    QVERIFY2(failed.error().contains(QDir::toNativeSeparators(generation)), qPrintable(failed.error()));
    QVERIFY(failed.error().contains(u"restore"_s));
    QCOMPARE(fileHash(m_cli->workspace()), before);

    const CliRun restored = m_cli->run({u"restore"_s, generation});
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.error()));
    QCOMPARE(m_cli->listAll().size(), 4);
    QCOMPARE(m_cli->run({u"audit"_s, u"verify"_s}).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCliBackup)
#include "TestCliBackup.moc"
