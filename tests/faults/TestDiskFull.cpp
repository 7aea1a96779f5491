// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "FaultSupport.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata::faults;

/// S3 on a real full disk: a 2 MiB tmpfs (mounted in a private mount namespace, `unshare -rm`) holds a workspace
/// and its evidence; it is filled, then an import and an evidence add must fail with a clear "disk is full" error,
/// change no existing file by a byte, leave the workspace whole and readable, and succeed once space is back.
class TestDiskFull : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullDiskFailsCleanly_data();
    void fullDiskFailsCleanly();
};

namespace {

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

} // namespace

void TestDiskFull::fullDiskFailsCleanly_data()
{
    QTest::addColumn<int>("freeKb");
    QTest::addColumn<bool>("opens"); // with not a byte left not even the lock file can be written
    QTest::newRow("64 KiB left") << 64 << true;
    QTest::newRow("nothing left") << 0 << false;
}

void TestDiskFull::fullDiskFailsCleanly()
{
    QFETCH(int, freeKb);
    QFETCH(bool, opens);
    const QString unshare = QStandardPaths::findExecutable(u"unshare"_s);
    if (unshare.isEmpty())
        QSKIP("unshare(1) from util-linux is not installed, so no private tmpfs can be mounted");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    QVERIFY(root.mkpath(u"src"_s) && root.mkpath(u"mnt"_s) && root.mkpath(u"out"_s));
    const QString source = root.filePath(u"src/w.strata"_s);
    QCOMPARE(runCli(source, {u"init"_s}).exitCode, 0);
    QVERIFY(writeFile(root.filePath(u"first.json"_s), generatedBom(u"first"_s, 50)));
    QCOMPARE(runCli(source, {u"import"_s, root.filePath(u"first.json"_s)}).exitCode, 0);
    QVERIFY(writeFile(root.filePath(u"kept.txt"_s), "evidence that is already stored\n"));
    QCOMPARE(runCli(source, {u"evidence"_s, u"add"_s, root.filePath(u"kept.txt"_s)}).exitCode, 0);

    // More than the disk has left: a 3000-record BOM and a 1 MiB evidence file.
    const QString bom = root.filePath(u"big.json"_s);
    QVERIFY(writeFile(bom, generatedBom(u"big"_s, 3000)));
    QByteArray bytes(1024 * 1024, Qt::Uninitialized);
    QRandomGenerator random(7);
    for (char &c : bytes)
        c = static_cast<char>(random.bounded(256));
    const QString evidence = root.filePath(u"large.bin"_s);
    QVERIFY(writeFile(evidence, bytes));

    const QString out = root.filePath(u"out"_s);
    const QString script = QStringLiteral(STRATA_SOURCE_DIR "/tests/faults/disk-full.sh");
    const QStringList scriptArguments = {
        root.filePath(u"mnt"_s), root.filePath(u"src"_s), out, cliProgram(), bom, evidence, QString::number(freeKb)};
    FaultRun run = runProcess(dir.path(), unshare, QStringList{u"-rm"_s, u"sh"_s, script} + scriptArguments);
    if (run.exitCode != 0 && run.exitCode != 77) // no user namespaces: as root a mount namespace is enough
        run = runProcess(dir.path(), unshare, QStringList{u"-m"_s, u"sh"_s, script} + scriptArguments);
    if (run.exitCode != 0)
        QSKIP(qPrintable(u"no tmpfs can be mounted here (unshare/mount refused: %1 %2); the disk-full test needs "
                         "user namespaces or root"_s.arg(run.error(), readText(out + u"/mount.err"_s))));

    const QString importError = readText(out + u"/import.err"_s);
    QVERIFY2(readText(out + u"/import.rc"_s) == u"1"_s, qPrintable(u"import did not fail: "_s + importError));
    QVERIFY2(importError.contains(u"disk is full"_s, Qt::CaseInsensitive), qPrintable(importError));
    // Names what failed: the document, or the workspace when it could not even be opened.
    QVERIFY2(importError.contains(opens ? u"big.json"_s : u"w.strata.lock"_s), qPrintable(importError));

    const QString evidenceError = readText(out + u"/evidence.err"_s);
    QVERIFY2(readText(out + u"/evidence.rc"_s) == u"1"_s, qPrintable(u"evidence add did not fail: "_s + evidenceError));
    QVERIFY2(evidenceError.contains(u"disk is full"_s, Qt::CaseInsensitive) ||
                 evidenceError.contains(u"No space left"_s, Qt::CaseInsensitive),
             qPrintable(evidenceError));
    QVERIFY2(evidenceError.contains(opens ? u"large.bin"_s : u"w.strata.lock"_s), qPrintable(evidenceError));

    // Still readable on the full disk, or refused with the same clear reason when nothing at all is left.
    if (opens) {
        QVERIFY2(readText(out + u"/list.rc"_s) == u"0"_s, qPrintable(readText(out + u"/list.err"_s)));
        QVERIFY2(readText(out + u"/list.out"_s).contains(u"first-c0"_s), qPrintable(readText(out + u"/list.out"_s)));
    } else {
        QCOMPARE(readText(out + u"/list.rc"_s), u"1"_s);
        QVERIFY2(readText(out + u"/list.err"_s).contains(u"disk is full"_s),
                 qPrintable(readText(out + u"/list.err"_s)));
    }

    // No existing file was truncated or changed in place.
    QCOMPARE(readText(out + u"/after.sum"_s), readText(out + u"/before.sum"_s));

    const QString after = out + u"/after/w.strata"_s;
    const QStringList problems = checkWorkspace(after);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(scalar(after, u"SELECT count(*) FROM record WHERE name LIKE 'big-c%'"_s), 0);
    QCOMPARE(scalar(after, u"SELECT count(*) FROM evidence"_s), 1);

    // With space again, the same operations succeed.
    QCOMPARE(runCli(after, {u"import"_s, bom}).exitCode, 0);
    QCOMPARE(runCli(after, {u"evidence"_s, u"add"_s, evidence}).exitCode, 0);
    QCOMPARE(scalar(after, u"SELECT count(*) FROM record WHERE name LIKE 'big-c%'"_s), 3000);
}

QTEST_GUILESS_MAIN(TestDiskFull)
#include "TestDiskFull.moc"
