// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "FaultSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace strata::faults;

/// S3 and C1 with injected I/O errors: strace fails the N-th write, pwrite64, fsync, fdatasync or rename of an
/// import, an evidence add, a sign-off or a bundle import with ENOSPC or EIO, for N over the calls the operation
/// makes. Every run must end with success or a clear error (never a crash), leave the workspace whole and the
/// operation all or nothing, and never change evidence that was already stored.
class TestIoErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void injectedErrorsFailCleanly_data();
    void injectedErrorsFailCleanly();

private:
    QString m_strace;
    QTemporaryDir m_dir;
    QHash<QString, QString> m_bases;        ///< operation -> the prepared workspace, copied for every run
    QHash<QString, QStringList> m_commands; ///< operation -> the strata-cli arguments that run it
};

namespace {

constexpr int kRecords = 200;
constexpr int kMaxPoints = 16; // N values per syscall and error: the first and last call and evenly between

/// The N values to try among `calls` calls.
QList<int> sweep(int calls)
{
    QList<int> points;
    if (calls <= kMaxPoints) {
        for (int n = 1; n <= calls; ++n)
            points << n;
        return points;
    }
    for (int i = 0; i < kMaxPoints; ++i)
        points << 1 + static_cast<int>(static_cast<qint64>(i) * (calls - 1) / (kMaxPoints - 1));
    return points;
}

} // namespace

void TestIoErrors::initTestCase()
{
    m_strace = QStandardPaths::findExecutable(u"strace"_s);
    if (m_strace.isEmpty())
        QSKIP("strace is not installed (scripts/deps.sh installs it), so no I/O error can be injected");
    const FaultRun probe = runProcess(m_dir.path(), m_strace, {u"-f"_s, u"-qq"_s, u"-o"_s, u"/dev/null"_s, u"true"_s});
    if (probe.exitCode != 0)
        QSKIP(qPrintable(u"strace cannot trace here (ptrace is not permitted?): %1"_s.arg(probe.error())));

    QVERIFY(m_dir.isValid());
    // Import and evidence add: a workspace that already holds records and one evidence file, which must not change.
    QVERIFY(QDir(m_dir.path()).mkpath(u"base"_s));
    const QString base = QDir(m_dir.path()).filePath(u"base/w.strata"_s);
    QCOMPARE(runCli(base, {u"init"_s}).exitCode, 0);
    QVERIFY(writeFile(m_dir.filePath(u"first.json"_s), generatedBom(u"first"_s, 20)));
    QCOMPARE(runCli(base, {u"import"_s, m_dir.filePath(u"first.json"_s)}).exitCode, 0);
    QVERIFY(writeFile(m_dir.filePath(u"kept.txt"_s), "evidence that is already stored\n"));
    QCOMPARE(runCli(base, {u"evidence"_s, u"add"_s, m_dir.filePath(u"kept.txt"_s)}).exitCode, 0);
    QVERIFY(writeFile(m_dir.filePath(u"sweep.json"_s), generatedBom(u"sweep"_s, kRecords)));
    QByteArray bytes(200 * 1024, 'x');
    for (int i = 0; i < bytes.size(); i += 97)
        bytes[i] = static_cast<char>(i % 251);
    QVERIFY(writeFile(m_dir.filePath(u"sweep.bin"_s), bytes));
    m_bases.insert(u"import"_s, base);
    m_commands.insert(u"import"_s, {u"import"_s, m_dir.filePath(u"sweep.json"_s)});
    m_bases.insert(u"evidence"_s, base);
    m_commands.insert(u"evidence"_s, {u"evidence"_s, u"add"_s, m_dir.filePath(u"sweep.bin"_s)});
    // Sign-off and bundle import, prepared as the crash-point test prepares them.
    for (const QString &operation : {u"signoff"_s, u"bundle"_s}) {
        const QString folder = QDir(m_dir.path()).filePath(operation);
        QVERIFY(QDir().mkpath(folder));
        const QString workspace = QDir(folder).filePath(u"w.strata"_s);
        const QStringList command = prepareOperation(operation, folder, workspace);
        QVERIFY2(!command.isEmpty(), qPrintable(u"preparing the %1 failed"_s.arg(operation)));
        m_bases.insert(operation, workspace);
        m_commands.insert(operation, command);
    }
}

void TestIoErrors::injectedErrorsFailCleanly_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("syscall");
    QTest::addColumn<QString>("error");
    const QList<std::pair<QString, QStringList>> plan = {
        {u"import"_s, {u"write"_s, u"pwrite64"_s, u"fdatasync"_s, u"fsync"_s}},
        {u"evidence"_s, {u"write"_s, u"pwrite64"_s, u"fdatasync"_s, u"fsync"_s, u"rename"_s}},
        {u"signoff"_s, {u"write"_s, u"pwrite64"_s, u"fdatasync"_s, u"fsync"_s}},
        {u"bundle"_s, {u"write"_s, u"pwrite64"_s, u"fdatasync"_s, u"fsync"_s, u"rename"_s}},
    };
    for (const auto &[operation, syscalls] : plan)
        for (const QString &syscall : syscalls)
            for (const QString &error : {u"ENOSPC"_s, u"EIO"_s})
                QTest::addRow("%s %s %s", qPrintable(operation), qPrintable(syscall), qPrintable(error))
                    << operation << syscall << error;
}

void TestIoErrors::injectedErrorsFailCleanly()
{
    QFETCH(QString, operation);
    QFETCH(QString, syscall);
    QFETCH(QString, error);
    const QString base = m_bases.value(operation);
    const QStringList command = m_commands.value(operation);
    const QMap<QString, QString> storedBlobs = fileDigests(base + u"-evidence"_s);
    const QString before = tableCounts(base);

    // How many such calls the operation makes when nothing fails.
    int run = 0;
    const auto freshCopy = [&] {
        const QString folder = QDir(m_dir.path()).filePath(u"%1-%2-%3-%4"_s.arg(operation, syscall, error).arg(run++));
        QDir().mkpath(folder);
        return copyWorkspace(base, folder);
    };
    const QString counted = freshCopy();
    const QString trace = counted + u".trace"_s;
    const FaultRun clean = runProcess(m_dir.path(), m_strace,
                                      QStringList{u"-f"_s, u"-qq"_s, u"-o"_s, trace, u"-e"_s, u"trace="_s + syscall,
                                                  cliProgram(), u"--workspace"_s, counted} +
                                          command);
    QCOMPARE(clean.exitCode, 0);
    const QString done = tableCounts(counted); // what all of the operation looks like
    QVERIFY2(done != before, "the operation changed nothing, so the test would prove nothing");
    QFile traced(trace);
    QVERIFY(traced.open(QIODevice::ReadOnly));
    const int calls = static_cast<int>(traced.readAll().count('\n'));
    if (calls == 0)
        QSKIP(qPrintable(u"strata-cli made no %1 call for this operation here"_s.arg(syscall)));

    for (const int n : sweep(calls)) {
        const QString workspace = freshCopy();
        const qint64 sizeBefore = QFileInfo(workspace).size();
        const QString inject = u"inject=%1:error=%2:when=%3"_s.arg(syscall, error).arg(n);
        const FaultRun injected =
            runProcess(m_dir.path(), m_strace,
                       QStringList{u"-f"_s, u"-qq"_s, u"-o"_s, u"/dev/null"_s, u"-e"_s, u"trace="_s + syscall, u"-e"_s,
                                   inject, cliProgram(), u"--workspace"_s, workspace} +
                           command);
        const QString where = u"%1 of %2 %3 calls failing with %4: "_s.arg(n).arg(calls).arg(syscall, error);
        QVERIFY2(
            injected.finished && (injected.exitCode == 0 || injected.exitCode == 1),
            qPrintable(where +
                       u"exit %1, killed %2: %3"_s.arg(injected.exitCode).arg(injected.killed).arg(injected.error())));
        if (injected.exitCode == 1) {
            // One line that says the disk is full or failing, and names the document, the file or the workspace.
            const QString message = injected.error();
            static const QStringList causes = {u"disk is full"_s, u"No space left on device"_s,
                                               u"disk reported an error"_s, u"Input/output error"_s,
                                               u"disk has free space and reports no errors"_s};
            const bool saysWhy = std::any_of(causes.cbegin(), causes.cend(),
                                             [&](const QString &cause) { return message.contains(cause); });
            const bool saysWhat =
                message.contains(workspace) || std::any_of(command.cbegin(), command.cend(), [&](const QString &arg) {
                    return QFileInfo(arg).isAbsolute() && message.contains(arg);
                });
            QVERIFY2(message.startsWith(u"strata-cli: "_s) && !message.contains(u'\n') && saysWhy && saysWhat,
                     qPrintable(where + message));
        }

        const QStringList problems = checkWorkspace(workspace, false);
        QVERIFY2(problems.isEmpty(), qPrintable(where + problems.join(u'\n')));
        QVERIFY2(QFileInfo(workspace).size() >= sizeBefore, qPrintable(where + u"the workspace file shrank"_s));
        QMap<QString, QString> blobsNow = fileDigests(QFileInfo(workspace).absolutePath() + u"/w.strata-evidence"_s);
        for (auto it = storedBlobs.cbegin(); it != storedBlobs.cend(); ++it)
            QVERIFY2(blobsNow.value(it.key()) == it.value(), qPrintable(where + it.key() + u" changed"_s));

        // All or nothing: every table holds what it held before, or what the uninterrupted operation left.
        const QString now = tableCounts(workspace);
        QVERIFY2(now == done || (now == before && injected.exitCode != 0),
                 qPrintable(where + u"exit %1, tables neither as before nor as after the operation:\n%2"_s
                                        .arg(injected.exitCode)
                                        .arg(now)));
    }
}

QTEST_GUILESS_MAIN(TestIoErrors)
#include "TestIoErrors.moc"
