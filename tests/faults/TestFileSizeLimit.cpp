// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "FaultSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata::faults;

/// S3's size limit: under `ulimit -f` a write past the limit fails with EFBIG (Strata ignores SIGXFSZ, which
/// would otherwise kill it mid-write without a word). An import and an evidence add that outgrow the limit must
/// exit with an error that names the file and the limit, leave the workspace whole with nothing half-added, and
/// succeed once the limit is gone.
class TestFileSizeLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importPastTheLimitFailsCleanly();
    void evidencePastTheLimitFailsCleanly();

private:
    /// strata-cli on `workspace` with a file size limit of `bytes`, through prlimit(1).
    FaultRun runLimited(const QString &workspace, qint64 bytes, const QStringList &arguments);
    /// The limit for a run on `workspace`: room for what open copies and checks, not for what the run adds.
    static qint64 limitFor(const QString &workspace);

    QString m_prlimit;
};

void TestFileSizeLimit::initTestCase()
{
    m_prlimit = QStandardPaths::findExecutable(u"prlimit"_s);
    if (m_prlimit.isEmpty())
        QSKIP("prlimit(1) from util-linux is not installed, so no file size limit can be set for strata-cli");
}

FaultRun TestFileSizeLimit::runLimited(const QString &workspace, qint64 bytes, const QStringList &arguments)
{
    const QString limit = QString::number(bytes);
    return runProcess(QFileInfo(workspace).absolutePath(), m_prlimit,
                      QStringList{u"--fsize=%1:%1"_s.arg(limit), cliProgram(), u"--workspace"_s, workspace} +
                          arguments);
}

qint64 TestFileSizeLimit::limitFor(const QString &workspace)
{
    return QFileInfo(workspace).size() + 64 * 1024;
}

void TestFileSizeLimit::importPastTheLimitFailsCleanly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString workspace = dir.filePath(u"w.strata"_s);
    QCOMPARE(runCli(workspace, {u"init"_s}).exitCode, 0);
    QVERIFY(writeFile(dir.filePath(u"first.json"_s), generatedBom(u"first"_s, 50)));
    QCOMPARE(runCli(workspace, {u"import"_s, dir.filePath(u"first.json"_s)}).exitCode, 0);
    const QString bom = dir.filePath(u"big.json"_s);
    QVERIFY(writeFile(bom, generatedBom(u"big"_s, 3000)));
    const QString before = tableCounts(workspace);

    const FaultRun run = runLimited(workspace, limitFor(workspace), {u"import"_s, bom});
    QVERIFY2(!run.killed, qPrintable(u"strata-cli died of a signal (SIGXFSZ?) instead of reporting: "_s + run.error()));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.error().contains(u"file size limit"_s), qPrintable(run.error()));
    QVERIFY2(run.error().contains(u"big.json"_s), qPrintable(run.error()));

    const QStringList problems = checkWorkspace(workspace);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(tableCounts(workspace), before);

    QCOMPARE(runCli(workspace, {u"import"_s, bom}).exitCode, 0);
    QCOMPARE(scalar(workspace, u"SELECT count(*) FROM record WHERE name LIKE 'big-c%'"_s), 3000);
}

void TestFileSizeLimit::evidencePastTheLimitFailsCleanly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString workspace = dir.filePath(u"w.strata"_s);
    QCOMPARE(runCli(workspace, {u"init"_s}).exitCode, 0);
    QByteArray bytes(2 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator random(11);
    for (char &c : bytes)
        c = static_cast<char>(random.bounded(256));
    const QString evidence = dir.filePath(u"large.bin"_s);
    QVERIFY(writeFile(evidence, bytes));
    const QString before = tableCounts(workspace);

    const FaultRun run = runLimited(workspace, limitFor(workspace), {u"evidence"_s, u"add"_s, evidence});
    QVERIFY2(!run.killed, qPrintable(u"strata-cli died of a signal (SIGXFSZ?) instead of reporting: "_s + run.error()));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.error().contains(u"large.bin"_s), qPrintable(run.error()));
    QVERIFY2(run.error().contains(u"file size limit"_s), qPrintable(run.error()));

    const QStringList problems = checkWorkspace(workspace);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(tableCounts(workspace), before);

    QCOMPARE(runCli(workspace, {u"evidence"_s, u"add"_s, evidence}).exitCode, 0);
    QCOMPARE(scalar(workspace, u"SELECT count(*) FROM evidence"_s), 1);
}

QTEST_GUILESS_MAIN(TestFileSizeLimit)
#include "TestFileSizeLimit.moc"
