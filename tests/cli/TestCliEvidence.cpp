// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CliRunner.h"

#include <QDate>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

/// Drives `strata-cli evidence` as a pipeline would: add with dates, dedup, list with expiry, verify's exit code.
class TestCliEvidence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addListAndVerify();
    void sameFileTwiceIsOneItem();
    void expiredEvidenceIsFlagged();
    void verifyFailsOnTamperingAndNamesTheItem();
    void badDatesAndMissingFilesWriteNothing_data();
    void badDatesAndMissingFilesWriteNothing();
    void usageErrors_data();
    void usageErrors();

private:
    QString write(const QString &name, const QByteArray &data) const;
    QJsonArray list() const;
    QString store() const { return QDir(m_dir->path()).filePath(u"test.strata-evidence"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CliRunner> m_cli;
};

void TestCliEvidence::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cli = std::make_unique<CliRunner>(m_dir->path());
    const CliRun created = m_cli->run({u"init"_s});
    QVERIFY2(created.exitCode == 0, created.err.constData());
}

void TestCliEvidence::cleanup()
{
    QDirIterator it(m_dir->path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        QFile::setPermissions(it.next(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    m_dir.reset();
}

QString TestCliEvidence::write(const QString &name, const QByteArray &data) const
{
    const QString path = QDir(m_dir->path()).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return {};
    return path;
}

QJsonArray TestCliEvidence::list() const
{
    const CliRun listed = m_cli->run({u"--json"_s, u"evidence"_s, u"list"_s});
    return listed.exitCode == 0 ? listed.json().array() : QJsonArray{listed.error()};
}

void TestCliEvidence::addListAndVerify()
{
    const CliRun added = m_cli->run({u"--json"_s, u"evidence"_s, u"add"_s, write(u"abc.txt"_s, "abc"), u"--title"_s,
                                     u"Known answer"_s, u"--effective"_s, u"2026-01-15"_s, u"--expires"_s,
                                     u"2099-01-15"_s, u"--url"_s, u"https://example.org/abc.txt"_s});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    const QJsonObject item = added.json().object();
    QCOMPARE(item.value(u"sha256"_s).toString(), u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s);
    QCOMPARE(item.value(u"created"_s).toBool(), true);
    QCOMPARE(item.value(u"effective"_s).toString(), u"2026-01-15"_s);
    QCOMPARE(item.value(u"status"_s).toString(), u"current"_s);
    QVERIFY(QFile::exists(store() + u"/sha256/ba/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s));

    const QJsonArray all = list();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.at(0).toObject().value(u"title"_s).toString(), u"Known answer"_s);
    QCOMPARE(all.at(0).toObject().value(u"source_url"_s).toString(), u"https://example.org/abc.txt"_s);

    const CliRun text = m_cli->run({u"evidence"_s, u"list"_s});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("ba7816bf8f01cfea") && text.out.contains("Known answer"));

    const CliRun verified = m_cli->run({u"evidence"_s, u"verify"_s});
    QCOMPARE(verified.exitCode, 0);
    QVERIFY2(verified.out.contains("matches its SHA-256"), verified.out.constData());
}

void TestCliEvidence::sameFileTwiceIsOneItem()
{
    const QString first = write(u"one.pdf"_s, "same bytes");
    const QString second = write(u"two.pdf"_s, "same bytes");
    QCOMPARE(m_cli->run({u"evidence"_s, u"add"_s, first}).exitCode, 0);
    const CliRun again = m_cli->run({u"--json"_s, u"evidence"_s, u"add"_s, second});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.json().object().value(u"created"_s).toBool(), false);
    QCOMPARE(again.json().object().value(u"title"_s).toString(), u"one.pdf"_s);
    QCOMPARE(list().size(), 1);
}

void TestCliEvidence::expiredEvidenceIsFlagged()
{
    const QString yesterday = QDate::currentDate().addDays(-1).toString(Qt::ISODate);
    const QString soon = QDate::currentDate().addDays(10).toString(Qt::ISODate);
    QCOMPARE(m_cli->run({u"evidence"_s, u"add"_s, write(u"old.pdf"_s, "old"), u"--expires"_s, yesterday}).exitCode, 0);
    QCOMPARE(m_cli->run({u"evidence"_s, u"add"_s, write(u"soon.pdf"_s, "soon"), u"--expires"_s, soon}).exitCode, 0);
    const QJsonArray all = list();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).toObject().value(u"status"_s).toString(), u"expired"_s);
    QCOMPARE(all.at(1).toObject().value(u"status"_s).toString(), u"expires-soon"_s);
    const CliRun text = m_cli->run({u"evidence"_s, u"list"_s});
    QVERIFY(text.out.contains("expired") && text.out.contains("expires soon"));
}

void TestCliEvidence::verifyFailsOnTamperingAndNamesTheItem()
{
    const CliRun added = m_cli->run({u"--json"_s, u"evidence"_s, u"add"_s, write(u"r.pdf"_s, "red team report"),
                                     u"--title"_s, u"Red team report"_s});
    QCOMPARE(added.exitCode, 0);
    const QString sha = added.json().object().value(u"sha256"_s).toString();
    const QString blob = store() + u"/sha256/%1/%2"_s.arg(sha.left(2), sha);
    QVERIFY(QFile::setPermissions(blob, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    {
        QFile f(blob);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(0));
        QCOMPARE(f.write("R"), 1); // "r" became "R": one bit changed
    }
    const CliRun verified = m_cli->run({u"evidence"_s, u"verify"_s});
    QCOMPARE(verified.exitCode, 1);
    QVERIFY2(verified.out.contains("\"Red team report\"") && verified.out.contains("altered"),
             verified.out.constData());
    const CliRun json = m_cli->run({u"--json"_s, u"evidence"_s, u"verify"_s});
    QCOMPARE(json.exitCode, 1);
    QCOMPARE(json.json().object().value(u"ok"_s).toBool(), false);
    const QJsonObject problem = json.json().object().value(u"problems"_s).toArray().at(0).toObject();
    QCOMPARE(problem.value(u"problem"_s).toString(), u"altered"_s);
    QCOMPARE(problem.value(u"title"_s).toString(), u"Red team report"_s);

    QVERIFY(QFile::remove(blob));
    const CliRun missing = m_cli->run({u"evidence"_s, u"verify"_s});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.out.contains("missing"));
}

void TestCliEvidence::badDatesAndMissingFilesWriteNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("expiry before effective") << args({"--effective", "2026-05-01", "--expires", "2026-04-30"}) << 1;
    QTest::newRow("not a date") << args({"--expires", "next year"}) << 2;
    QTest::newRow("impossible date") << args({"--effective", "2026-02-30"}) << 2;
    QTest::newRow("bad url") << args({"--url", "javascript:alert(1)"}) << 1;
}

void TestCliEvidence::badDatesAndMissingFilesWriteNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const CliRun run = m_cli->run(QStringList{u"evidence"_s, u"add"_s, write(u"f.pdf"_s, "x")} + arguments);
    QCOMPARE(run.exitCode, exitCode);
    QCOMPARE(run.errorLines().size(), 1);
    QCOMPARE(list().size(), 0);
    QVERIFY(!QDir(store() + u"/sha256"_s).exists() || QDir(store() + u"/sha256"_s).isEmpty());

    const CliRun missing = m_cli->run({u"evidence"_s, u"add"_s, QDir(m_dir->path()).filePath(u"none.pdf"_s)});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.error().contains(u"does not exist"_s));
}

void TestCliEvidence::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no subcommand") << args({"evidence"});
    QTest::newRow("unknown subcommand") << args({"evidence", "delete", "1"});
    QTest::newRow("add without file") << args({"evidence", "add"});
    QTest::newRow("list with argument") << args({"evidence", "list", "x"});
    QTest::newRow("verify with option") << args({"evidence", "verify", "--title", "x"});
}

void TestCliEvidence::usageErrors()
{
    QFETCH(QStringList, arguments);
    const CliRun run = m_cli->run(arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errorLines().size(), 1);
}

QTEST_GUILESS_MAIN(TestCliEvidence)
#include "TestCliEvidence.moc"
