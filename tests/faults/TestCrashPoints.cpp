// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "FaultSupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata::faults;

/// S1 and C1 with deterministic crash points: strata-cli is stopped (STRATA_CRASH_AT, exit 137 as after kill -9) at
/// every labelled step of import, evidence add, sign-off, bundle import and the audit append; the workspace must then
/// be whole, hold all of the operation or none of it, and take the same operation again.
class TestCrashPoints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyLabelLeavesAWholeWorkspace_data();
    void everyLabelLeavesAWholeWorkspace();
    void acknowledgedImportSurvivesALaterCrash();
};

namespace {

QString at(const QString &folder, const QString &name)
{
    return QDir(folder).filePath(name);
}

} // namespace

void TestCrashPoints::everyLabelLeavesAWholeWorkspace_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("label");
    QTest::addColumn<bool>("committed"); // whether the crash came after COMMIT returned

    QTest::newRow("import after validation") << u"import"_s << u"import.validated"_s << false;
    QTest::newRow("import before COMMIT") << u"import"_s << u"import.before-commit"_s << false;
    QTest::newRow("import after COMMIT") << u"import"_s << u"import.after-commit"_s << true;
    QTest::newRow("import audit append") << u"import"_s << u"audit.appended"_s << false;
    QTest::newRow("any transaction before COMMIT") << u"import"_s << u"tx.before-commit"_s << false;
    QTest::newRow("evidence blob written") << u"evidence"_s << u"evidence.blob-written"_s << false;
    QTest::newRow("evidence blob linked") << u"evidence"_s << u"evidence.blob-linked"_s << false;
    QTest::newRow("evidence before COMMIT") << u"evidence"_s << u"evidence.before-commit"_s << false;
    QTest::newRow("evidence audit append") << u"evidence"_s << u"audit.appended"_s << false;
    QTest::newRow("evidence after COMMIT") << u"evidence"_s << u"evidence.after-commit"_s << true;
    QTest::newRow("sign-off signed") << u"signoff"_s << u"signoff.signed"_s << false;
    QTest::newRow("sign-off before COMMIT") << u"signoff"_s << u"signoff.before-commit"_s << false;
    QTest::newRow("sign-off audit append") << u"signoff"_s << u"audit.appended"_s << false;
    QTest::newRow("sign-off after COMMIT") << u"signoff"_s << u"signoff.after-commit"_s << true;
    QTest::newRow("bundle verified") << u"bundle"_s << u"bundle.verified"_s << false;
    QTest::newRow("bundle before COMMIT") << u"bundle"_s << u"bundle.before-commit"_s << false;
    QTest::newRow("bundle audit append") << u"bundle"_s << u"audit.appended"_s << false;
    QTest::newRow("bundle after COMMIT") << u"bundle"_s << u"bundle.after-commit"_s << true;
}

void TestCrashPoints::everyLabelLeavesAWholeWorkspace()
{
    QFETCH(QString, operation);
    QFETCH(QString, label);
    QFETCH(bool, committed);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString workspace = at(dir.path(), u"w.strata"_s);
    const QStringList command = prepareOperation(operation, dir.path(), workspace);
    QVERIFY2(!command.isEmpty(), "preparing the operation failed");
    const QString before = tableCounts(workspace);

    // The same operation, uninterrupted, on a copy: what "all of it" looks like.
    QVERIFY(QDir(dir.path()).mkpath(u"reference"_s));
    const QString reference = copyWorkspace(workspace, at(dir.path(), u"reference"_s));
    QVERIFY(cliSucceeded(runCli(reference, command)));
    QVERIFY2(checkWorkspace(reference).isEmpty(), qPrintable(checkWorkspace(reference).join(u'\n')));
    const QString done = tableCounts(reference);
    QVERIFY2(done != before, "the operation changed nothing, so the test would prove nothing");

    const FaultRun crashed = runCli(workspace, command, {{u"STRATA_CRASH_AT"_s, label}});
    QVERIFY2(crashed.exitCode == 137, qPrintable(u"the crash point %1 was not reached: exit %2, %3"_s.arg(label)
                                                     .arg(crashed.exitCode)
                                                     .arg(crashed.error())));
    QVERIFY2(crashed.out.isEmpty(), "a crashed run acknowledged something");

    const QStringList problems = checkWorkspace(workspace);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(tableCounts(workspace), committed ? done : before);

    // Usable afterwards: the interrupted operation runs again (a committed one needs no second run).
    if (!committed) {
        QVERIFY(cliSucceeded(runCli(workspace, command)));
        QCOMPARE(tableCounts(workspace), done);
        const QStringList after = checkWorkspace(workspace);
        QVERIFY2(after.isEmpty(), qPrintable(after.join(u'\n')));
    }
}

void TestCrashPoints::acknowledgedImportSurvivesALaterCrash()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString workspace = at(dir.path(), u"w.strata"_s);
    QVERIFY(cliSucceeded(runCli(workspace, {u"init"_s})));
    const QString first = at(dir.path(), u"first.json"_s);
    const QString second = at(dir.path(), u"second.json"_s);
    QVERIFY(writeFile(first, generatedBom(u"first"_s, 30)));
    QVERIFY(writeFile(second, generatedBom(u"second"_s, 30)));

    // The second file's COMMIT never happens; the first file's line was printed after its COMMIT returned.
    const FaultRun crashed =
        runCli(workspace, {u"import"_s, first, second}, {{u"STRATA_CRASH_AT"_s, u"import.before-commit:2"_s}});
    QCOMPARE(crashed.exitCode, 137);
    const QString acknowledged = QString::fromUtf8(crashed.out);
    QVERIFY2(acknowledged.startsWith(first) && !acknowledged.contains(second), qPrintable(acknowledged));

    const QStringList problems = checkWorkspace(workspace);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(scalar(workspace, u"SELECT count(*) FROM record WHERE name LIKE 'first-c%'"_s), 30);
    QCOMPARE(scalar(workspace, u"SELECT count(*) FROM record WHERE name LIKE 'second-c%'"_s), 0);
    QCOMPARE(scalar(workspace, u"SELECT count(*) FROM import_source WHERE file_name = 'second.json'"_s), 0);
}

QTEST_GUILESS_MAIN(TestCrashPoints)
#include "TestCrashPoints.moc"
