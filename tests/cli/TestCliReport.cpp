// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

QString pdfText(const QString &pdf)
{
    QProcess process;
    process.start(QStandardPaths::findExecutable(u"pdftotext"_s), {u"-enc"_s, u"UTF-8"_s, pdf, u"-"_s});
    process.waitForFinished(120000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

/// Drives `strata-cli report` as a pipeline would: a PDF comes out, says what the workspace holds, is reproducible
/// with --date, and bad usage is refused with exit code 2 before anything is written.
class TestCliReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void releaseReportRoundTrip();
    void assessmentAndSupplierScopes();
    void chineseLetterPdfA();
    void checklistAsCsvAndJson();
    void checklistNeedsAnAssessment();
    void usageErrors_data();
    void usageErrors();
    void unknownScopesFail_data();
    void unknownScopesFail();

private:
    QString path(const QString &name) const { return QDir(m_dir->path()).filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CliRunner> m_cli;
};

void TestCliReport::initTestCase()
{
    if (QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed; scripts/deps.sh installs it.");
}

void TestCliReport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cli = std::make_unique<CliRunner>(m_dir->path());
    QCOMPARE(m_cli->run({u"init"_s}).exitCode, 0);
    QVERIFY(m_cli->add(args({"supplier", "--name", "Acme Labs"})) > 0);
    QVERIFY(m_cli->add(args({"model", "--name", "Chat", "--version", "2", "--supplier", "Acme Labs"})) > 0);
    QVERIFY(m_cli->add(args({"dataset", "--name", "Corpus"})) > 0);
    QCOMPARE(m_cli->run(args({"link", "Chat", "trained_on", "Corpus"})).exitCode, 0);
    QCOMPARE(m_cli->run(args({"release", "create", "chat", "--version", "1.0", "--root", "Chat"})).exitCode, 0);
    QCOMPARE(m_cli->run(args({"assess", "new", "--release", "chat"})).exitCode, 0);
    QFile evidence(path(u"datasheet.md"_s));
    QVERIFY(evidence.open(QIODevice::WriteOnly));
    evidence.write("# Corpus datasheet\n");
    evidence.close();
    const CliRun answered = m_cli->run({u"assess"_s, u"set"_s, u"1"_s, u"SC-DAT-01"_s, u"pass"_s, u"--note"_s,
                                        u"Datasheet *reviewed*"_s, u"--evidence"_s, evidence.fileName()});
    QVERIFY2(answered.exitCode == 0, answered.err.constData());
    QCOMPARE(m_cli->run(args({"assess", "set", "1", "SC-DAT-02", "fail", "--note", "No consent record"})).exitCode, 0);
    QCOMPARE(m_cli
                 ->run(args({"findings", "add", "--assessment", "1", "--item", "SC-DAT-02", "--title",
                             "Consent not documented", "--likelihood", "3", "--impact", "4"}))
                 .exitCode,
             0);
}

void TestCliReport::releaseReportRoundTrip()
{
    const CliRun first = m_cli->run(
        {u"report"_s, u"--release"_s, u"chat@1.0"_s, u"-o"_s, path(u"a.pdf"_s), u"--date"_s, u"2026-03-01"_s});
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QVERIFY(QString::fromUtf8(first.out).contains(u"a.pdf"_s));
    const QByteArray bytes = readAll(path(u"a.pdf"_s));
    QVERIFY(bytes.startsWith("%PDF-"));
    const QString text = pdfText(path(u"a.pdf"_s));
    QVERIFY(text.contains(u"chat@1.0"_s));
    QVERIFY(text.contains(u"SC-DAT-01"_s));
    QVERIFY(text.contains(u"Consent not documented"_s));
    QVERIFY(text.contains(u"Datasheet reviewed"_s));
    QVERIFY(text.contains(u"2026-03-01"_s));

    const CliRun again = m_cli->run({u"--json"_s, u"report"_s, u"--release"_s, u"chat"_s, u"-o"_s, path(u"b.pdf"_s),
                                     u"--date"_s, u"2026-03-01T00:00:00Z"_s});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(again.json().object().value(u"assessment"_s).toInt(), 1);
    QCOMPARE(readAll(path(u"b.pdf"_s)), bytes);
}

void TestCliReport::assessmentAndSupplierScopes()
{
    const CliRun assessment = m_cli->run({u"report"_s, u"--assessment"_s, u"1"_s, u"-o"_s, path(u"assessment.pdf"_s)});
    QVERIFY2(assessment.exitCode == 0, assessment.err.constData());
    QVERIFY(pdfText(path(u"assessment.pdf"_s)).contains(u"Consent not documented"_s));
    const CliRun supplier =
        m_cli->run({u"report"_s, u"--supplier"_s, u"Acme Labs"_s, u"-o"_s, path(u"supplier.pdf"_s)});
    QVERIFY2(supplier.exitCode == 0, supplier.err.constData());
    const QString text = pdfText(path(u"supplier.pdf"_s));
    QVERIFY(text.contains(u"Supplier Acme Labs"_s));
    QVERIFY2(text.contains(u"Chat"_s), "what the supplier provides is in the inventory");
    QVERIFY2(text.contains(u"No assessment covers this scope"_s), "the supplier itself was never assessed");
}

void TestCliReport::chineseLetterPdfA()
{
    const CliRun run = m_cli->run({u"--lang"_s, u"zh_CN"_s, u"report"_s, u"--release"_s, u"chat"_s, u"--paper"_s,
                                   u"letter"_s, u"--pdfa"_s, u"-o"_s, path(u"zh.pdf"_s)});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString text = pdfText(path(u"zh.pdf"_s));
    QVERIFY(std::any_of(text.cbegin(), text.cend(),
                        [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; }));
    QVERIFY(readAll(path(u"zh.pdf"_s)).contains("pdfaid:part=\"1\""));
    QProcess info;
    info.start(QStandardPaths::findExecutable(u"pdfinfo"_s), {path(u"zh.pdf"_s)});
    info.waitForFinished(60000);
    QVERIFY(info.readAllStandardOutput().contains("612 x 792"));
}

void TestCliReport::checklistAsCsvAndJson()
{
    const CliRun json = m_cli->run({u"report"_s, u"--release"_s, u"chat"_s, u"-o"_s, path(u"results.json"_s)});
    QVERIFY2(json.exitCode == 0, json.err.constData());
    const QJsonObject results = QJsonDocument::fromJson(readAll(path(u"results.json"_s))).object();
    const QJsonArray items = results.value(u"items"_s).toArray();
    QVERIFY2(items.size() > 2, "every applicable item is listed, answered or not");
    QJsonObject passed;
    for (const QJsonValue &item : items) {
        if (item.toObject().value(u"item"_s).toString() == u"SC-DAT-01"_s)
            passed = item.toObject();
    }
    QCOMPARE(passed.value(u"status"_s).toString(), u"pass"_s);
    QCOMPARE(passed.value(u"notes"_s).toString(), u"Datasheet *reviewed*"_s);
    QCOMPARE(passed.value(u"evidence"_s).toArray().size(), 1);
    const QJsonArray findings = results.value(u"findings"_s).toArray();
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.at(0).toObject().value(u"item"_s).toString(), u"SC-DAT-02"_s);

    const CliRun csv = m_cli->run({u"--json"_s, u"report"_s, u"--assessment"_s, u"1"_s, u"-o"_s, path(u"r.csv"_s)});
    QVERIFY2(csv.exitCode == 0, csv.err.constData());
    QCOMPARE(csv.json().object().value(u"format"_s).toString(), u"csv"_s);
    const QList<QByteArray> lines = readAll(path(u"r.csv"_s)).split('\n');
    QVERIFY(lines.first().startsWith("item,ref,stage,mandatory,title,status"));
    QCOMPARE(csv.json().object().value(u"items"_s).toInt(), int(items.size()));
    const auto failed =
        std::find_if(lines.cbegin(), lines.cend(), [](const QByteArray &l) { return l.startsWith("SC-DAT-02,"); });
    QVERIFY(failed != lines.cend());
    QVERIFY(failed->contains(",fail,"));
    QVERIFY2(failed->contains("Consent not documented (12, open)"), failed->constData());
}

void TestCliReport::checklistNeedsAnAssessment()
{
    const CliRun run = m_cli->run({u"report"_s, u"--supplier"_s, u"Acme Labs"_s, u"-o"_s, path(u"s.csv"_s)});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.error().contains(u"assess new"_s));
    QVERIFY(!QFile::exists(path(u"s.csv"_s)));
}

void TestCliReport::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no scope") << args({"report", "-o", "x.pdf"});
    QTest::newRow("two scopes") << args({"report", "--release", "chat", "--assessment", "1", "-o", "x.pdf"});
    QTest::newRow("no output") << args({"report", "--release", "chat"});
    QTest::newRow("bad paper") << args({"report", "--release", "chat", "--paper", "legal", "-o", "x.pdf"});
    QTest::newRow("bad date") << args({"report", "--release", "chat", "--date", "yesterday", "-o", "x.pdf"});
    QTest::newRow("stray argument") << args({"report", "chat", "--release", "chat", "-o", "x.pdf"});
}

void TestCliReport::usageErrors()
{
    QFETCH(QStringList, arguments);
    for (QString &argument : arguments) {
        if (argument == u"x.pdf"_s)
            argument = path(argument);
    }
    const CliRun run = m_cli->run(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.error().isEmpty());
    QVERIFY2(!QFile::exists(path(u"x.pdf"_s)), "bad usage writes nothing");
}

void TestCliReport::unknownScopesFail_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("release") << args({"report", "--release", "nope", "-o", "x.pdf"});
    QTest::newRow("assessment") << args({"report", "--assessment", "42", "-o", "x.pdf"});
    QTest::newRow("supplier") << args({"report", "--supplier", "Nobody", "-o", "x.pdf"});
    QTest::newRow("missing folder") << args({"report", "--release", "chat", "-o", "no/such/folder/x.pdf"});
}

void TestCliReport::unknownScopesFail()
{
    QFETCH(QStringList, arguments);
    for (QString &argument : arguments) {
        if (argument.endsWith(u"x.pdf"_s))
            argument = path(argument);
    }
    const CliRun run = m_cli->run(arguments);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errorLines().size(), 1);
    QVERIFY(!QFile::exists(path(u"x.pdf"_s)));
}

QTEST_MAIN(TestCliReport)
#include "TestCliReport.moc"
