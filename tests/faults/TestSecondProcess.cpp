// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "FaultSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace strata::faults;

/// S4 across processes, through the CLI a user runs: while another process holds a workspace, strata-cli is refused
/// by the same path, a symlink and a hard link, and changes nothing; a lock left by a killed process, even one
/// killed while writing its lock file, is recovered with no manual step. (tests/core/TestWorkspaceLock covers
/// Database::open in process: same path, symlink, a killed holder.)
class TestSecondProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void secondProcessIsRefused_data();
    void secondProcessIsRefused();
    void killedHolderIsRecovered();
    void emptyLockOfAKilledWriterIsRecovered();
    void emptyLockOfALiveHolderIsRespected();

private:
    bool startHolder(QProcess &holder) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
};

void TestSecondProcess::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_workspace = m_dir->filePath(u"held.strata"_s);
    QCOMPARE(runCli(m_workspace, {u"init"_s}).exitCode, 0);
    QCOMPARE(runCli(m_workspace, {u"add"_s, u"model"_s, u"--name"_s, u"Chat"_s}).exitCode, 0);
}

void TestSecondProcess::cleanup()
{
    m_dir.reset();
}

bool TestSecondProcess::startHolder(QProcess &holder) const
{
    holder.setProcessEnvironment(cliEnvironment(m_dir->path()));
    holder.start(QStringLiteral(STRATA_HOLD_WORKSPACE), {m_workspace});
    return holder.waitForReadyRead(30000) && holder.readLine().trimmed() == "HOLDING";
}

void TestSecondProcess::secondProcessIsRefused_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("same path") << u"same"_s;
    QTest::newRow("symlink") << u"symlink"_s;
    QTest::newRow("hard link") << u"hardlink"_s;
}

void TestSecondProcess::secondProcessIsRefused()
{
    QFETCH(QString, how);
    QString path = m_workspace;
    if (how == u"symlink"_s) {
        path = m_dir->filePath(u"link.strata"_s);
        QVERIFY(QFile::link(m_workspace, path));
    } else if (how == u"hardlink"_s) {
        path = m_dir->filePath(u"hard.strata"_s);
        QCOMPARE(::link(QFile::encodeName(m_workspace).constData(), QFile::encodeName(path).constData()), 0);
    }
    QProcess holder;
    QVERIFY2(startHolder(holder), "the helper process did not open the workspace");

    const FaultRun refused = runCli(path, {u"add"_s, u"model"_s, u"--name"_s, u"Intruder"_s});
    holder.kill();
    holder.waitForFinished();
    QCOMPARE(refused.exitCode, 1);
    // The message says the workspace is taken, never that it is damaged (which would send the user to a backup).
    QVERIFY2(refused.error().contains(u"already open"_s) || refused.error().contains(u"in use"_s),
             qPrintable(refused.error()));
    QVERIFY2(!refused.error().contains(u"damaged"_s), qPrintable(refused.error()));

    const QStringList problems = checkWorkspace(m_workspace);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(scalar(m_workspace, u"SELECT count(*) FROM record WHERE name = 'Intruder'"_s), 0);
    QCOMPARE(scalar(m_workspace, u"SELECT count(*) FROM record WHERE name = 'Chat'"_s), 1);
}

void TestSecondProcess::killedHolderIsRecovered()
{
    QProcess holder;
    QVERIFY2(startHolder(holder), "the helper process did not open the workspace");
    ::kill(static_cast<pid_t>(holder.processId()), SIGKILL);
    QVERIFY(holder.waitForFinished(10000));
    QVERIFY(QFile::exists(m_workspace + u".lock"_s)); // the dead process could not clean up
    const FaultRun next = runCli(m_workspace, {u"add"_s, u"model"_s, u"--name"_s, u"After"_s});
    QVERIFY2(next.exitCode == 0, next.err.constData());
    const QStringList problems = checkWorkspace(m_workspace);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestSecondProcess::emptyLockOfAKilledWriterIsRecovered()
{
    // What a process killed between creating its lock file and writing its pid leaves behind (the random-kill loop
    // met it): QLockFile alone cannot tell such a file is stale.
    QFile lock(m_workspace + u".lock"_s);
    QVERIFY(lock.open(QIODevice::WriteOnly));
    lock.close();
    const FaultRun next = runCli(m_workspace, {u"add"_s, u"model"_s, u"--name"_s, u"After"_s});
    QVERIFY2(next.exitCode == 0, next.err.constData());
    QCOMPARE(scalar(m_workspace, u"SELECT count(*) FROM record WHERE name = 'After'"_s), 1);
}

void TestSecondProcess::emptyLockOfALiveHolderIsRespected()
{
    // A live writer holds an flock on its lock file from the moment it creates it; flock(1) does the same.
    const QString flock = QStandardPaths::findExecutable(u"flock"_s);
    if (flock.isEmpty())
        QSKIP("flock(1) from util-linux is not installed, so no live process can hold an empty lock file");
    const QString lockPath = m_workspace + u".lock"_s;
    QProcess holder;
    holder.start(flock, {u"--exclusive"_s, lockPath, u"sleep"_s, u"30"_s});
    QVERIFY(holder.waitForStarted());
    for (int i = 0; i < 100 && !QFile::exists(lockPath); ++i)
        QTest::qWait(20);
    QTest::qWait(100);
    const FaultRun refused = runCli(m_workspace, {u"add"_s, u"model"_s, u"--name"_s, u"Intruder"_s});
    holder.kill();
    holder.waitForFinished();
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.error().contains(u"already open"_s), qPrintable(refused.error()));
    QCOMPARE(scalar(m_workspace, u"SELECT count(*) FROM record WHERE name = 'Intruder'"_s), 0);
}

QTEST_GUILESS_MAIN(TestSecondProcess)
#include "TestSecondProcess.moc"
