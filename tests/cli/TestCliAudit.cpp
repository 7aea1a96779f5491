// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CliRunner.h"
#include "SqlTamper.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

/// Drives `strata-cli audit` as a pipeline would: the trail of CLI changes, filters, JSON, and verify's exit code.
class TestCliAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void changesAreListedNewestFirst();
    void listIsFiltered();
    void verifyPassesAndPrintsTheHead();
    void verifyNamesTheFirstBadRow();
    void checkpointCatchesADroppedTail();
    void verifyNeverWritesTheWorkspace();
    void usageErrors_data();
    void usageErrors();

private:
    QJsonArray list(const QStringList &filters = {}) const;

    QTemporaryDir m_template; ///< the workspace every test starts from, made once: each CLI run takes a while
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CliRunner> m_cli;
    qint64 m_model = 0;
    qint64 m_data = 0;
};

void TestCliAudit::initTestCase()
{
    QVERIFY(m_template.isValid());
    m_cli = std::make_unique<CliRunner>(m_template.path());
    QCOMPARE(m_cli->run({u"init"_s}).exitCode, 0);
    m_model = m_cli->add(args({"model", "--name", "Llama"}));
    m_data = m_cli->add(args({"dataset", "--name", "Corpus"}));
    QVERIFY(m_model > 0 && m_data > 0);
    QCOMPARE(m_cli->run({u"link"_s, QString::number(m_model), u"trained_on"_s, QString::number(m_data)}).exitCode, 0);
    QCOMPARE(m_cli->run({u"edit"_s, QString::number(m_model), u"--set"_s, u"license=MIT"_s}).exitCode, 0);
}

void TestCliAudit::init()
{
    const QString original = m_cli->workspace();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cli = std::make_unique<CliRunner>(m_dir->path());
    QVERIFY(QFile::copy(original, m_cli->workspace()));
}

void TestCliAudit::cleanup()
{
    m_cli = std::make_unique<CliRunner>(m_template.path());
    m_dir.reset();
}

QJsonArray TestCliAudit::list(const QStringList &filters) const
{
    const CliRun run = m_cli->run(QStringList{u"--json"_s, u"audit"_s, u"list"_s} + filters);
    if (run.exitCode != 0)
        qWarning("%s", run.err.constData());
    return run.json().array();
}

void TestCliAudit::changesAreListedNewestFirst()
{
    const QJsonArray all = list();
    QVERIFY(all.size() >= 4);
    QStringList actions;
    for (int i = 0; i < 4; ++i)
        actions << all.at(i).toObject().value(u"action"_s).toString();
    QCOMPARE(actions, (QStringList{u"record.update"_s, u"relation.link"_s, u"record.create"_s, u"record.create"_s}));
    const QJsonObject edit = all.at(0).toObject();
    QCOMPARE(edit.value(u"entity_id"_s).toInteger(), m_model);
    QCOMPARE(edit.value(u"after"_s).toObject().value(u"license"_s).toString(), u"MIT"_s);
    QCOMPARE(edit.value(u"before"_s).toObject().value(u"license"_s).toString(), QString());
    QCOMPARE(edit.value(u"prev_hash"_s).toString(), all.at(1).toObject().value(u"hash"_s).toString());

    const CliRun text = m_cli->run({u"audit"_s, u"list"_s, u"--limit"_s, u"1"_s});
    QCOMPARE(text.exitCode, 0);
    const QStringList lines = QString::fromUtf8(text.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2); // header and one row
    QVERIFY(lines.at(1).contains(u"record.update"_s));
    QVERIFY(lines.at(1).contains(u"MIT"_s));
}

void TestCliAudit::listIsFiltered()
{
    QCOMPARE(list({u"--action"_s, u"relation"_s}).size(), 1);
    QCOMPARE(list({u"--action"_s, u"record.create"_s}).size(), 2);
    QCOMPARE(list({u"--actor"_s, u"nobody"_s}).size(), 0);
    // The dataset's history: its creation and the relation that points at it, found by name.
    const QJsonArray corpus = list({u"--record"_s, u"Corpus"_s});
    QCOMPARE(corpus.size(), 2);
    QCOMPARE(corpus.at(0).toObject().value(u"action"_s).toString(), u"relation.link"_s);
    QCOMPARE(list({u"--since"_s, u"2999-01-01"_s}).size(), 0);
    QCOMPARE(list({u"--since"_s, u"2000-01-01"_s, u"--limit"_s, u"2"_s}).size(), 2);
}

void TestCliAudit::verifyPassesAndPrintsTheHead()
{
    const CliRun run = m_cli->run({u"--json"_s, u"audit"_s, u"verify"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject result = run.json().object();
    QVERIFY(result.value(u"ok"_s).toBool());
    const QString head = result.value(u"head"_s).toString();
    QCOMPARE(head.section(u':', 1), list().at(0).toObject().value(u"hash"_s).toString());
    const CliRun again = m_cli->run({u"audit"_s, u"verify"_s, u"--checkpoint"_s, head});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(QString::fromUtf8(again.out).contains(head));
}

void TestCliAudit::verifyNamesTheFirstBadRow()
{
    const qint64 seq = list({u"--action"_s, u"relation.link"_s}).at(0).toObject().value(u"seq"_s).toInteger();
    QVERIFY(test::execOnFile(m_cli->workspace(), u"DROP TRIGGER audit_no_update"_s));
    QVERIFY(test::execOnFile(m_cli->workspace(), u"UPDATE audit SET actor = 'mallory' WHERE seq = %1"_s.arg(seq)));
    const CliRun run = m_cli->run({u"audit"_s, u"verify"_s});
    QCOMPARE(run.exitCode, 1);
    const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.constFirst().contains(QString::number(seq)), qPrintable(lines.constFirst()));
    QVERIFY2(lines.constFirst().contains(u"changed"_s), qPrintable(lines.constFirst()));
    const QJsonObject json = m_cli->run({u"--json"_s, u"audit"_s, u"verify"_s}).json().object();
    QCOMPARE(json.value(u"ok"_s).toBool(), false);
    QCOMPARE(json.value(u"first_bad_seq"_s).toInteger(), seq);
    QCOMPARE(json.value(u"damage"_s).toString(), u"changed"_s);
}

void TestCliAudit::checkpointCatchesADroppedTail()
{
    const QString head = m_cli->run({u"--json"_s, u"audit"_s, u"verify"_s}).json().object().value(u"head"_s).toString();
    const qint64 last = head.section(u':', 0, 0).toLongLong();
    QVERIFY(test::execOnFile(m_cli->workspace(), u"DROP TRIGGER audit_no_delete"_s));
    QVERIFY(test::execOnFile(m_cli->workspace(), u"DELETE FROM audit WHERE seq >= %1"_s.arg(last - 1)));
    QCOMPARE(m_cli->run({u"audit"_s, u"verify"_s}).exitCode, 0); // consistent on its own
    const CliRun run = m_cli->run({u"audit"_s, u"verify"_s, u"--checkpoint"_s, head});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(QString::fromUtf8(run.out).contains(QString::number(last - 1)), run.out.constData());
}

void TestCliAudit::verifyNeverWritesTheWorkspace()
{
    const qsizetype imports = list({u"--action"_s, u"catalog.import"_s}).size();
    // Without the built-in catalog, any writable open would install it (and audit that) before verifying.
    for (const QString &table : {u"catalog_item_kind"_s, u"catalog_item"_s, u"catalog"_s})
        QVERIFY(test::execOnFile(m_cli->workspace(), u"DELETE FROM %1"_s.arg(table)));
    const auto bytes = [this] {
        QFile file(m_cli->workspace());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    const QByteArray before = bytes();
    QVERIFY(!before.isEmpty());
    const CliRun run = m_cli->run({u"--json"_s, u"audit"_s, u"verify"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.json().object().value(u"ok"_s).toBool());
    QVERIFY2(bytes() == before, "audit verify changed the workspace file");
    QVERIFY(!QFile::exists(m_cli->workspace() + u"-wal"_s));
    // An ordinary command puts the catalog back, which is a write the trail records; verify then sees that entry.
    QCOMPARE(list({u"--action"_s, u"catalog.import"_s}).size(), imports + 1);
    QVERIFY(bytes() != before);
}

void TestCliAudit::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addRow("no action") << args({"audit"});
    QTest::addRow("unknown action") << args({"audit", "erase"});
    QTest::addRow("bad checkpoint") << args({"audit", "verify", "--checkpoint", "12:abc"});
    QTest::addRow("list option on verify") << args({"audit", "verify", "--actor", "x"});
    QTest::addRow("bad limit") << args({"audit", "list", "--limit", "0"});
    QTest::addRow("bad date") << args({"audit", "list", "--since", "yesterday"});
}

void TestCliAudit::usageErrors()
{
    QFETCH(QStringList, arguments);
    const CliRun run = m_cli->run(arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errorLines().size(), 1);
}

QTEST_GUILESS_MAIN(TestCliAudit)
#include "TestCliAudit.moc"
