// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CliRunner.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

/// Drives `strata-cli release`, `assess` and `findings` as a pipeline would: round trips, exit codes, no half writes.
class TestCliAssess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void releaseAssessAndAnswerRoundTrip();
    void findingsFromFailToRiskAccepted();
    void badAnswersWriteNothing_data();
    void badAnswersWriteNothing();
    void usageErrors_data();
    void usageErrors();

private:
    QString write(const QString &name, const QByteArray &data) const;
    QJsonObject show(int assessment) const;
    QJsonObject item(int assessment, const QString &key) const;
    /// Creates release chat@1.0 of the model and an assessment of it; returns the assessment id.
    int assessRelease() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CliRunner> m_cli;
    qint64 m_model = 0;
    qint64 m_data = 0;
};

void TestCliAssess::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cli = std::make_unique<CliRunner>(m_dir->path());
    const CliRun created = m_cli->run({u"init"_s});
    QVERIFY2(created.exitCode == 0, created.err.constData());
    m_model = m_cli->add(args({"model", "--name", "Chat", "--version", "2"}));
    m_data = m_cli->add(args({"dataset", "--name", "Corpus"}));
    QVERIFY(m_model > 0 && m_data > 0);
    QCOMPARE(m_cli->run(args({"link", "Chat", "trained_on", "Corpus"})).exitCode, 0);
}

QString TestCliAssess::write(const QString &name, const QByteArray &data) const
{
    const QString path = QDir(m_dir->path()).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return {};
    return path;
}

QJsonObject TestCliAssess::show(int assessment) const
{
    const CliRun shown = m_cli->run({u"--json"_s, u"assess"_s, u"show"_s, QString::number(assessment)});
    return shown.exitCode == 0 ? shown.json().object() : QJsonObject{{u"error"_s, shown.error()}};
}

QJsonObject TestCliAssess::item(int assessment, const QString &key) const
{
    for (const QJsonValue &v : show(assessment).value(u"items"_s).toArray()) {
        if (v.toObject().value(u"item"_s).toString() == key)
            return v.toObject();
    }
    return {};
}

int TestCliAssess::assessRelease() const
{
    const CliRun release =
        m_cli->run(args({"--json", "release", "create", "chat", "--version", "1.0", "--root", "Chat"}));
    if (release.exitCode != 0)
        return 0;
    const CliRun assessed = m_cli->run(args({"--json", "assess", "new", "--release", "chat"}));
    return assessed.exitCode == 0 ? assessed.json().object().value(u"id"_s).toInt() : 0;
}

void TestCliAssess::releaseAssessAndAnswerRoundTrip()
{
    const CliRun release =
        m_cli->run(args({"--json", "release", "create", "chat", "--version", "1.0", "--root", "Chat"}));
    QVERIFY2(release.exitCode == 0, release.err.constData());
    QJsonArray members = release.json().object().value(u"members"_s).toArray();
    QCOMPARE(members.size(), 2);
    QCOMPARE(members.at(0).toObject().value(u"id"_s).toInteger(), m_model);
    QCOMPARE(members.at(1).toObject().value(u"kind"_s).toString(), u"dataset"_s);
    const CliRun listed = m_cli->run(args({"--json", "release", "list"}));
    QCOMPARE(listed.json().array().size(), 1);

    const CliRun assessed = m_cli->run(args({"--json", "assess", "new", "--release", "chat@1.0"}));
    QVERIFY2(assessed.exitCode == 0, assessed.err.constData());
    const QJsonObject a = assessed.json().object();
    const int id = a.value(u"id"_s).toInt();
    QCOMPARE(a.value(u"catalog"_s).toString(), u"wdta-ai-str-03"_s);
    QCOMPARE(a.value(u"kinds"_s).toArray(), (QJsonArray{u"model"_s, u"dataset"_s}));
    QVERIFY(a.value(u"items"_s).toArray().size() > 10);
    // The automated checks report the model without a digest and the dataset without a licence; nothing is set.
    QStringList checks;
    for (const QJsonValue &s : a.value(u"suggestions"_s).toArray())
        checks << s.toObject().value(u"check"_s).toString();
    QCOMPARE(checks, (QStringList{u"model-digest"_s, u"dataset-license"_s}));
    QCOMPARE(item(id, u"SC-SRC-09"_s).value(u"status"_s).toString(), u"not_started"_s);

    const CliRun set = m_cli->run({u"assess"_s, u"set"_s, QString::number(id), u"sc-dat-01"_s, u"pass"_s, u"--note"_s,
                                   u"Datasheet *reviewed*."_s, u"--evidence"_s, write(u"abc.txt"_s, "abc"),
                                   u"--evidence"_s, write(u"empty.txt"_s, "")});
    QVERIFY2(set.exitCode == 0, set.err.constData());
    const QJsonObject answered = item(id, u"SC-DAT-01"_s);
    QCOMPARE(answered.value(u"status"_s).toString(), u"pass"_s);
    QCOMPARE(answered.value(u"notes"_s).toString(), u"Datasheet *reviewed*."_s);
    QVERIFY(!answered.value(u"reviewer"_s).toString().isEmpty());
    QVERIFY(QDateTime::fromString(answered.value(u"updated_at"_s).toString(), Qt::ISODate).isValid());
    QStringList digests;
    for (const QJsonValue &e : answered.value(u"evidence"_s).toArray())
        digests << e.toObject().value(u"sha256"_s).toString();
    digests.sort();
    QCOMPARE(digests, (QStringList{u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s,
                                   u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s}));
    const CliRun summary = m_cli->run(args({"--json", "assess", "list"}));
    QCOMPARE(summary.json().array().at(0).toObject().value(u"answered"_s).toInt(), 1);
    // The text form names the stage progress.
    const CliRun text = m_cli->run({u"assess"_s, u"show"_s, QString::number(id)});
    QVERIFY2(text.out.contains("SC-DAT-01"), text.out.constData());
}

void TestCliAssess::findingsFromFailToRiskAccepted()
{
    const int id = assessRelease();
    QVERIFY(id > 0);
    const QString a = QString::number(id);
    // A finding needs a failed item.
    CliRun f = m_cli->run({u"findings"_s, u"add"_s, u"--assessment"_s, a, u"--item"_s, u"SC-DAT-02"_s, u"--title"_s,
                           u"No checksums"_s, u"--likelihood"_s, u"3"_s, u"--impact"_s, u"4"_s});
    QCOMPARE(f.exitCode, 1);
    QCOMPARE(m_cli->run(args({"--json", "findings", "list"})).json().array().size(), 0);
    QCOMPARE(m_cli->run({u"assess"_s, u"set"_s, a, u"SC-DAT-02"_s, u"fail"_s}).exitCode, 0);
    f = m_cli->run({u"--json"_s, u"findings"_s, u"add"_s, u"--assessment"_s, a, u"--item"_s, u"SC-DAT-02"_s,
                    u"--title"_s, u"No checksums"_s, u"--likelihood"_s, u"3"_s, u"--impact"_s, u"4"_s});
    QVERIFY2(f.exitCode == 0, f.err.constData());
    const QString finding = QString::number(f.json().object().value(u"id"_s).toInt());
    QCOMPARE(f.json().object().value(u"score"_s).toInt(), 12);
    // risk_accepted is refused until the finding is accepted, and acceptance needs a later expiry.
    QCOMPARE(m_cli->run({u"assess"_s, u"set"_s, a, u"SC-DAT-02"_s, u"risk_accepted"_s}).exitCode, 1);
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    const CliRun early =
        m_cli->run({u"findings"_s, u"accept"_s, finding, u"--justification"_s, u"ok"_s, u"--until"_s, today});
    QCOMPARE(early.exitCode, 1);
    QVERIFY2(early.error().contains(today), qPrintable(early.error()));
    const QString later = QDate::currentDate().addDays(30).toString(Qt::ISODate);
    QCOMPARE(
        m_cli->run({u"findings"_s, u"accept"_s, finding, u"--justification"_s, u"Hash on load"_s, u"--until"_s, later})
            .exitCode,
        0);
    const QJsonObject listed = m_cli->run(args({"--json", "findings", "list"})).json().array().at(0).toObject();
    QCOMPARE(listed.value(u"status"_s).toString(), u"accepted"_s);
    QCOMPARE(listed.value(u"accepted_until"_s).toString(), later);
    QCOMPARE(listed.value(u"justification"_s).toString(), u"Hash on load"_s);
    QCOMPARE(m_cli->run({u"assess"_s, u"set"_s, a, u"SC-DAT-02"_s, u"risk_accepted"_s}).exitCode, 0);
    QCOMPARE(item(id, u"SC-DAT-02"_s).value(u"status"_s).toString(), u"risk_accepted"_s);
}

void TestCliAssess::badAnswersWriteNothing_data()
{
    QTest::addColumn<QStringList>("arguments"); // after "assess set ID"
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown item") << args({"SC-NOPE", "pass", "--evidence", "EVIDENCE"}) << 1 << u"SC-NOPE"_s;
    QTest::newRow("unknown status") << args({"SC-DAT-01", "done", "--evidence", "EVIDENCE"}) << 2 << u"done"_s;
    QTest::newRow("not applicable without reason")
        << args({"SC-DAT-01", "not_applicable", "--evidence", "EVIDENCE"}) << 1 << u"reason"_s;
    QTest::newRow("evidence that does not exist")
        << args({"SC-DAT-01", "pass", "--evidence", "missing.pdf"}) << 1 << u"missing.pdf"_s;
    QTest::newRow("unknown assessment") << args({"SC-DAT-01", "pass"}) << 1 << u"999"_s;
}

void TestCliAssess::badAnswersWriteNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);
    const int id = assessRelease();
    QVERIFY(id > 0);
    const QString evidence = write(u"proof.txt"_s, "proof");
    arguments.replaceInStrings(u"EVIDENCE"_s, evidence);
    const QJsonObject before = show(id);
    const QString target = mentions == u"999"_s ? u"999"_s : QString::number(id);
    const CliRun set = m_cli->run(QStringList{u"assess"_s, u"set"_s, target} + arguments);
    QCOMPARE(set.exitCode, exitCode);
    QCOMPARE(set.errorLines().size(), 1);
    QVERIFY2(set.error().contains(mentions), qPrintable(set.error()));
    QCOMPARE(show(id), before);
    // The evidence file of a refused answer is not left recorded either.
    QCOMPARE(m_cli->run(args({"--json", "evidence", "list"})).json().array().size(), 0);
}

void TestCliAssess::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("release create without version") << args({"release", "create", "x", "--root", "Chat"});
    QTest::newRow("release without action") << args({"release"});
    QTest::newRow("assess new with both scopes") << args({"assess", "new", "--release", "x", "--scope", "Chat"});
    QTest::newRow("assess new with neither") << args({"assess", "new"});
    QTest::newRow("assess set missing status") << args({"assess", "set", "1", "SC-DAT-01"});
    QTest::newRow("assess show without id") << args({"assess", "show"});
    QTest::newRow("findings add without impact")
        << args({"findings", "add", "--assessment", "1", "--item", "X", "--title", "T", "--likelihood", "3"});
    QTest::newRow("findings add likelihood 6") << args(
        {"findings", "add", "--assessment", "1", "--item", "X", "--title", "T", "--likelihood", "6", "--impact", "1"});
    QTest::newRow("findings accept bad date")
        << args({"findings", "accept", "1", "--justification", "x", "--until", "tomorrow"});
}

void TestCliAssess::usageErrors()
{
    QFETCH(QStringList, arguments);
    const CliRun run = m_cli->run(arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errorLines().size(), 1);
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliAssess)
#include "TestCliAssess.moc"
