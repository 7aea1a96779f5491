// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

/// Drives `strata-cli bundle export|import` between two workspaces as two people would: exit codes, messages that
/// name what is wrong, and nothing written by a refused import.
class TestCliBundle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void exportAndImportBetweenTwoWorkspaces();
    void refusedBundlesExitOneAndWriteNothing_data();
    void refusedBundlesExitOneAndWriteNothing();
    void usageErrors_data();
    void usageErrors();

private:
    QString path(const QString &name) const { return QDir(m_dir->path()).filePath(name); }
    /// What a user of workspace B can see: records, assessments, evidence.
    QString stateOfB() const;
    QString exportBundle(const QString &name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CliRunner> m_a;
    std::unique_ptr<CliRunner> m_b;
};

void TestCliBundle::init()
{
    qputenv("STRATA_PASSPHRASE", "correct horse battery");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir(m_dir->path()).mkpath(u"a"_s) && QDir(m_dir->path()).mkpath(u"b"_s));
    m_a = std::make_unique<CliRunner>(path(u"a"_s));
    m_b = std::make_unique<CliRunner>(path(u"b"_s));
    QCOMPARE(m_a->run({u"init"_s}).exitCode, 0);
    QCOMPARE(m_b->run({u"init"_s}).exitCode, 0);
    QVERIFY(m_a->add(args({"model", "--name", "Chat", "--version", "2"})) > 0);
    QVERIFY(m_a->add(args({"dataset", "--name", "Corpus"})) > 0);
    QCOMPARE(m_a->run(args({"link", "Chat", "trained_on", "Corpus"})).exitCode, 0);
    QCOMPARE(m_a->run(args({"release", "create", "chat", "--version", "1.0", "--root", "Chat"})).exitCode, 0);
    QCOMPARE(m_a->run(args({"assess", "new", "--release", "chat"})).exitCode, 0);
    QFile evidence(path(u"datasheet.txt"_s));
    QVERIFY(evidence.open(QIODevice::WriteOnly) && evidence.write("datasheet v3\n") > 0);
    evidence.close();
    const CliRun set = m_a->run({u"assess"_s, u"set"_s, u"1"_s, u"sc-dat-01"_s, u"pass"_s, u"--note"_s,
                                 u"Datasheet reviewed."_s, u"--evidence"_s, evidence.fileName()});
    QVERIFY2(set.exitCode == 0, set.err.constData());
    const CliRun key = m_a->run(
        {u"key"_s, u"new"_s, u"--name"_s, u"Alice"_s, u"--role"_s, u"analyst"_s, u"-o"_s, path(u"alice.key"_s)});
    QVERIFY2(key.exitCode == 0, key.err.constData());
    QCOMPARE(m_b->run({u"key"_s, u"import"_s, path(u"alice.key.pub"_s)}).exitCode, 0);
}

void TestCliBundle::cleanup()
{
    m_dir.reset();
}

QString TestCliBundle::stateOfB() const
{
    QStringList parts;
    parts << QString::fromUtf8(QJsonDocument(m_b->listAll()).toJson());
    parts << QString::fromUtf8(m_b->run(args({"--json", "assess", "list"})).out);
    parts << QString::fromUtf8(m_b->run(args({"--json", "evidence", "list"})).out);
    return parts.join(u'\n');
}

QString TestCliBundle::exportBundle(const QString &name) const
{
    const CliRun exported = m_a->run({u"--json"_s, u"bundle"_s, u"export"_s, u"--release"_s, u"chat@1.0"_s, u"--key"_s,
                                      path(u"alice.key"_s), u"-o"_s, path(name)});
    if (exported.exitCode != 0)
        qWarning("%s", exported.err.constData());
    return exported.exitCode == 0 ? path(name) : QString();
}

void TestCliBundle::exportAndImportBetweenTwoWorkspaces()
{
    const CliRun exported = m_a->run({u"--json"_s, u"bundle"_s, u"export"_s, u"--release"_s, u"chat@1.0"_s, u"--key"_s,
                                      path(u"alice.key"_s), u"-o"_s, path(u"chat.zip"_s)});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    const QJsonObject e = exported.json().object();
    QCOMPARE(e.value(u"signed_by"_s).toString(), u"Alice"_s);
    QCOMPARE(e.value(u"answered_items"_s).toInt(), 1);
    QCOMPARE(e.value(u"evidence_files"_s).toInt(), 1);
    QVERIFY(QFile::exists(path(u"chat.zip"_s)));

    const CliRun imported = m_b->run({u"--json"_s, u"bundle"_s, u"import"_s, path(u"chat.zip"_s)});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    const QJsonObject i = imported.json().object();
    QCOMPARE(i.value(u"release"_s).toString(), u"chat@1.0"_s);
    QCOMPARE(i.value(u"records_added"_s).toInt(), 2);
    QCOMPARE(i.value(u"evidence_added"_s).toInt(), 1);
    const QJsonObject shown = m_b->run(args({"--json", "assess", "show", "1"})).json().object();
    bool found = false;
    for (const QJsonValue &v : shown.value(u"items"_s).toArray()) {
        if (v.toObject().value(u"item"_s).toString() != u"SC-DAT-01"_s)
            continue;
        found = true;
        QCOMPARE(v.toObject().value(u"status"_s).toString(), u"pass"_s);
        QCOMPARE(v.toObject().value(u"notes"_s).toString(), u"Datasheet reviewed."_s);
        QCOMPARE(v.toObject().value(u"reviewer"_s).toString(), u"Alice"_s);
    }
    QVERIFY(found);

    // Importing the same bundle again is a replay: exit 1, and the message says so.
    const QString before = stateOfB();
    const CliRun again = m_b->run({u"bundle"_s, u"import"_s, path(u"chat.zip"_s)});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.error().contains(u"replayed or older"_s), again.err.constData());
    QCOMPARE(stateOfB(), before);
}

void TestCliBundle::refusedBundlesExitOneAndWriteNothing_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not a zip") << u"text"_s << u"end record"_s;
    QTest::newRow("flipped byte in the evidence") << u"flip"_s << u"evidence/"_s;
    QTest::newRow("junk after the archive") << u"append"_s << u"end record"_s;
    QTest::newRow("cut short") << u"truncate"_s << u"cut short"_s;
    QTest::newRow("missing file") << u"missing"_s << u"missing.zip"_s;
}

void TestCliBundle::refusedBundlesExitOneAndWriteNothing()
{
    QFETCH(QString, damage);
    QFETCH(QString, reason);
    const QString bundle = exportBundle(u"chat.zip"_s);
    QVERIFY(!bundle.isEmpty());
    QFile file(bundle);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    QString target = path(u"damaged.zip"_s);
    if (damage == u"text"_s) {
        bytes = QByteArray("name,version\nChat,2\n").repeated(4);
    } else if (damage == u"flip"_s) {
        // The last central entry is the evidence file: flip the first byte of its data.
        const auto u16 = [&](qsizetype at) { return int(quint8(bytes.at(at))) | int(quint8(bytes.at(at + 1))) << 8; };
        const qsizetype central = bytes.lastIndexOf(QByteArray("PK\x01\x02", 4));
        QVERIFY(central > 0);
        const qsizetype local = u16(central + 42) | qsizetype(u16(central + 44)) << 16;
        const qsizetype data = local + 30 + u16(local + 26) + u16(local + 28);
        bytes[data] = char(bytes.at(data) ^ 0x55);
    } else if (damage == u"append"_s) {
        bytes += "trailing";
    } else if (damage == u"truncate"_s) {
        bytes.chop(40);
    } else if (damage == u"missing"_s) {
        target = path(u"missing.zip"_s);
    }
    if (damage != u"missing"_s) {
        QFile out(target);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size());
    }
    const QString before = stateOfB();
    const CliRun imported = m_b->run({u"bundle"_s, u"import"_s, target});
    QCOMPARE(imported.exitCode, 1);
    QVERIFY2(imported.error().contains(reason), imported.err.constData());
    QCOMPARE(stateOfB(), before);
}

void TestCliBundle::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("export without --key") << args({"bundle", "export", "--release", "chat", "-o", "x.zip"});
    QTest::newRow("export without -o") << args({"bundle", "export", "--release", "chat", "--key", "k"});
    QTest::newRow("import without a file") << args({"bundle", "import"});
    QTest::newRow("import with an option") << args({"bundle", "import", "x.zip", "--release", "chat"});
    QTest::newRow("unknown action") << args({"bundle", "send", "x.zip"});
}

void TestCliBundle::usageErrors()
{
    QFETCH(QStringList, arguments);
    const CliRun run = m_a->run(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.error().contains(u"bundle"_s), run.err.constData());
}

QTEST_GUILESS_MAIN(TestCliBundle)
#include "TestCliBundle.moc"
