// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

const QString kLibrary = QStringLiteral(STRATA_SOURCE_DIR "/tests/data/catalogs/ciso-assistant-acme.yaml");

const QByteArray kOwnCatalog = R"({
  "format": "strata-catalog",
  "format_version": 1,
  "id": "acme-intake",
  "version": "2026.1",
  "languages": ["en"],
  "title": "Acme model intake",
  "frameworks": [{"id": "owasp-llm", "name": "OWASP Top 10 for LLM Applications", "version": "2025"}],
  "items": [
    {"id": "ACME-1", "stage": "sourcing", "kinds": ["model"], "title": "Digest recorded",
     "requirement": "The SHA-256 digest of every model file is recorded before first use.",
     "mappings": {"owasp-llm": ["LLM03:2025"]}},
    {"id": "ACME-2", "stage": "operations", "kinds": ["supplier"], "title": "Supplier reviewed",
     "requirement": "Every supplier is reviewed once a year.", "mandatory": false}
  ]
}
)";

QStringList ids(const QJsonArray &items)
{
    QStringList found;
    for (const QJsonValue &item : items)
        found << item.toObject().value(u"id"_s).toString();
    return found;
}

} // namespace

/// Drives `strata-cli catalog` as a pipeline would: list, show (text and JSON), import with all-or-nothing.
class TestCliCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void listShowsTheBuiltinCatalog();
    void showGroupsItemsByStage();
    void showKindListsOnlyApplicableItems_data();
    void showKindListsOnlyApplicableItems();
    void showItemPrintsEverything();
    void showInChinese();
    void importOwnCatalogThenAgain();
    void showJsonImportsBackUnchanged();
    void importCisoAssistantLibrary();
    void badFileChangesNothing_data();
    void badFileChangesNothing();
    void usageErrors_data();
    void usageErrors();
    void needsAnExistingWorkspace();
    void helpDescribesTheCatalogCommands();

private:
    QString write(const QString &name, const QByteArray &data) const;
    QJsonArray catalogs() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CliRunner> m_cli;
};

void TestCliCatalog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cli = std::make_unique<CliRunner>(m_dir->path());
    const CliRun created = m_cli->run({u"init"_s});
    QVERIFY2(created.exitCode == 0, created.err.constData());
}

QString TestCliCatalog::write(const QString &name, const QByteArray &data) const
{
    const QString path = QDir(m_dir->path()).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return {};
    return path;
}

QJsonArray TestCliCatalog::catalogs() const
{
    const CliRun listed = m_cli->run({u"--json"_s, u"catalog"_s, u"list"_s});
    return listed.exitCode == 0 ? listed.json().array() : QJsonArray{listed.error()};
}

void TestCliCatalog::listShowsTheBuiltinCatalog()
{
    const QJsonArray list = catalogs();
    QCOMPARE(list.size(), 1);
    const QJsonObject builtin = list.at(0).toObject();
    QCOMPARE(builtin.value(u"catalog"_s).toString(), u"wdta-ai-str-03"_s);
    QCOMPARE(builtin.value(u"builtin"_s).toBool(), true);
    QVERIFY(builtin.value(u"items"_s).toInt() >= 70);
    QVERIFY(builtin.value(u"title"_s).toObject().value(u"zh_CN"_s).toString().contains(u"大模型供应链安全"_s));

    const CliRun text = m_cli->run({u"catalog"_s, u"list"_s});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(QString::fromUtf8(text.out).contains(QRegularExpression(
        u"^1\\s+wdta-ai-str-03\\s+1\\.0\\s+\\d+\\s+built in"_s, QRegularExpression::MultilineOption)));
}

void TestCliCatalog::showGroupsItemsByStage()
{
    const CliRun shown = m_cli->run({u"catalog"_s, u"show"_s, u"wdta-ai-str-03"_s});
    QCOMPARE(shown.exitCode, 0);
    const QString out = QString::fromUtf8(shown.out);
    QVERIFY(out.contains(u"paraphrase"_s));
    qsizetype previous = -1;
    for (const QString &stage : {u"Governance"_s, u"Sourcing"_s, u"Data"_s, u"Development"_s, u"Evaluation"_s,
                                 u"Release"_s, u"Deployment"_s, u"Operations"_s, u"Retirement"_s}) {
        const QRegularExpression heading(u"^%1 \\((\\d+)\\)$"_s.arg(stage), QRegularExpression::MultilineOption);
        const QRegularExpressionMatch match = heading.match(out);
        QVERIFY2(match.hasMatch(), qPrintable(stage));
        QVERIFY2(match.capturedStart() > previous, qPrintable(stage)); // walkthrough order
        previous = match.capturedStart();
    }
    QVERIFY(out.contains(QRegularExpression(u"^  SC-SRC-09\\s+yes\\s+model\\s+Pinned and verified model files$"_s,
                                            QRegularExpression::MultilineOption)));
}

void TestCliCatalog::showKindListsOnlyApplicableItems_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("included");
    QTest::addColumn<QString>("excluded");
    QTest::newRow("supplier") << u"supplier"_s << u"SC-SRC-01"_s << u"SC-SRC-09"_s;
    QTest::newRow("model") << u"model"_s << u"SC-SRC-09"_s << u"SC-SRC-01"_s;
    QTest::newRow("dataset") << u"dataset"_s << u"SC-DAT-05"_s << u"SC-DEV-06"_s;
    QTest::newRow("software") << u"software"_s << u"SC-DEV-06"_s << u"SC-DAT-05"_s;
    QTest::newRow("service") << u"service"_s << u"SC-DEP-07"_s << u"SC-DAT-01"_s;
}

void TestCliCatalog::showKindListsOnlyApplicableItems()
{
    QFETCH(QString, kind);
    QFETCH(QString, included);
    QFETCH(QString, excluded);
    const CliRun all = m_cli->run({u"--json"_s, u"catalog"_s, u"show"_s, u"1"_s});
    const CliRun shown = m_cli->run({u"--json"_s, u"catalog"_s, u"show"_s, u"1"_s, u"--kind"_s, kind});
    QCOMPARE(shown.exitCode, 0);
    const QJsonArray items = shown.json().object().value(u"items"_s).toArray();
    QVERIFY(!items.isEmpty());
    QVERIFY(items.size() < all.json().object().value(u"items"_s).toArray().size());
    for (const QJsonValue &item : items)
        QVERIFY(item.toObject().value(u"kinds"_s).toArray().contains(kind));
    QVERIFY(ids(items).contains(included));
    QVERIFY(!ids(items).contains(excluded));
    QCOMPARE(shown.json().object().value(u"x-workspace"_s).toObject().value(u"items"_s).toInt(), items.size());
}

void TestCliCatalog::showItemPrintsEverything()
{
    const CliRun shown = m_cli->run({u"catalog"_s, u"show"_s, u"wdta-ai-str-03@1.0"_s, u"--item"_s, u"sc-src-09"_s});
    QCOMPARE(shown.exitCode, 0);
    const QString out = QString::fromUtf8(shown.out);
    for (const QString &expected :
         {u"item         SC-SRC-09"_s, u"stage        sourcing (Sourcing)"_s, u"requirement  Every model file"_s,
          u"guidance"_s, u"evidence"_s, u"MITRE ATLAS 5.6.0: AML.M0014, AML.M0013"_s, u"LLM03:2025"_s})
        QVERIFY2(out.contains(expected), qPrintable(expected + u"\n"_s + out));

    const CliRun json = m_cli->run({u"--json"_s, u"catalog"_s, u"show"_s, u"1"_s, u"--item"_s, u"SC-SRC-09"_s});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject item = json.json().object();
    QVERIFY(item.value(u"mappings"_s).toObject().contains(u"nist-sp-800-53"_s));
    QVERIFY(!item.value(u"mappings"_s).toObject().contains(u"slsa"_s));
    QCOMPARE(item.value(u"evidence"_s).toObject().size(), 2);

    const CliRun missing = m_cli->run({u"catalog"_s, u"show"_s, u"1"_s, u"--item"_s, u"SC-XYZ-99"_s});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.error().contains(u"SC-XYZ-99"_s));
    const CliRun wrongKind =
        m_cli->run({u"catalog"_s, u"show"_s, u"1"_s, u"--item"_s, u"SC-SRC-09"_s, u"--kind"_s, u"supplier"_s});
    QCOMPARE(wrongKind.exitCode, 1);
}

void TestCliCatalog::showInChinese()
{
    const CliRun shown = m_cli->run({u"--lang"_s, u"zh_CN"_s, u"catalog"_s, u"show"_s, u"1"_s});
    QCOMPARE(shown.exitCode, 0);
    const QString out = QString::fromUtf8(shown.out);
    QVERIFY2(out.contains(u"固定版本并验证模型文件"_s), qPrintable(out.left(400)));
    QVERIFY(out.contains(u"采购与准入"_s)); // the stage heading, translated
}

void TestCliCatalog::importOwnCatalogThenAgain()
{
    const QString file = write(u"acme.json"_s, kOwnCatalog);
    const CliRun first = m_cli->run({u"--json"_s, u"catalog"_s, u"import"_s, file});
    QVERIFY2(first.exitCode == 0, first.err.constData());
    const QJsonObject result = first.json().object();
    QCOMPARE(result.value(u"catalog"_s).toString(), u"acme-intake"_s);
    QCOMPARE(result.value(u"items"_s).toInt(), 2);
    QCOMPARE(result.value(u"created"_s).toBool(), true);

    const QJsonArray before = catalogs();
    const CliRun second = m_cli->run({u"catalog"_s, u"import"_s, file});
    QCOMPARE(second.exitCode, 0);
    QVERIFY(second.out.contains("nothing changed"));
    QCOMPARE(catalogs(), before);
    QCOMPARE(before.size(), 2);

    // An edited copy under the same version is refused; under a new version it is stored beside.
    QByteArray edited = kOwnCatalog;
    edited.replace("once a year", "twice a year");
    const CliRun conflict = m_cli->run({u"catalog"_s, u"import"_s, write(u"edited.json"_s, edited)});
    QCOMPARE(conflict.exitCode, 1);
    QVERIFY2(conflict.error().contains(u"new version"_s), conflict.err.constData());
    QCOMPARE(catalogs(), before);
    edited.replace("2026.1", "2026.2");
    const CliRun newer = m_cli->run({u"catalog"_s, u"import"_s, write(u"newer.json"_s, edited)});
    QCOMPARE(newer.exitCode, 0);
    QCOMPARE(catalogs().size(), 3);
    const CliRun latest = m_cli->run({u"--json"_s, u"catalog"_s, u"show"_s, u"acme-intake"_s});
    QCOMPARE(latest.json().object().value(u"version"_s).toString(), u"2026.2"_s);
}

void TestCliCatalog::showJsonImportsBackUnchanged()
{
    const CliRun shown = m_cli->run({u"--json"_s, u"catalog"_s, u"show"_s, u"wdta-ai-str-03"_s});
    QCOMPARE(shown.exitCode, 0);
    const QJsonObject json = shown.json().object();
    QCOMPARE(json.value(u"format"_s).toString(), u"strata-catalog"_s);
    const QString digest = json.value(u"x-workspace"_s).toObject().value(u"content_sha256"_s).toString();
    QCOMPARE(digest.size(), 64);
    const QString file = write(u"copy.json"_s, shown.out);
    const CliRun again = m_cli->run({u"--json"_s, u"catalog"_s, u"import"_s, file});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(again.json().object().value(u"created"_s).toBool(), false);

    // Given a new version, the same content is a new catalog beside the built-in one.
    QByteArray renamed = shown.out;
    renamed.replace("\"version\": \"1.0\"", "\"version\": \"1.0-acme\"");
    const CliRun copy = m_cli->run({u"--json"_s, u"catalog"_s, u"import"_s, write(u"acme-copy.json"_s, renamed)});
    QVERIFY2(copy.exitCode == 0, copy.err.constData());
    QCOMPARE(copy.json().object().value(u"created"_s).toBool(), true);
    QCOMPARE(catalogs().size(), 2);
}

void TestCliCatalog::importCisoAssistantLibrary()
{
    const CliRun imported = m_cli->run({u"catalog"_s, u"import"_s, kLibrary});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    QVERIFY(imported.out.contains("7 items"));
    const CliRun shown = m_cli->run({u"catalog"_s, u"show"_s, u"urn:strata-test:risk:library:acme-ai-vendor"_s});
    QCOMPARE(shown.exitCode, 0);
    QVERIFY(shown.out.contains("ciso-assistant"));
    QVERIFY(QString::fromUtf8(shown.out).contains(
        QRegularExpression(u"^Retirement \\(1\\)\\n.*\\n  2\\.2 "_s, QRegularExpression::MultilineOption)));
}

void TestCliCatalog::badFileChangesNothing_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QByteArray duplicate = kOwnCatalog;
    duplicate.replace("\"ACME-2\"", "\"acme-1\"");
    QTest::newRow("duplicate ids") << duplicate << u"items[1].id (item acme-1)"_s;
    QByteArray missing = kOwnCatalog;
    missing.replace("\"stage\": \"operations\", ", "");
    QTest::newRow("missing stage") << missing << u"items[1].stage"_s;
    QByteArray stage = kOwnCatalog;
    stage.replace("\"sourcing\"", "\"shopping\"");
    QTest::newRow("unknown stage") << stage << u"\"shopping\" is not a lifecycle stage"_s;
    QByteArray mapping = kOwnCatalog;
    mapping.replace("LLM03:2025", "LLM3");
    QTest::newRow("bad mapping") << mapping << u"items[0].mappings.owasp-llm[0]"_s;
    QTest::newRow("deep") << QByteArray("{\"format\": " + QByteArray("[").repeated(50) + QByteArray("]").repeated(50) +
                                        "}")
                          << u"deeper than 16"_s;
    QTest::newRow("not a catalog") << QByteArray("name: just some YAML\n") << u"not a catalog"_s;
}

void TestCliCatalog::badFileChangesNothing()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QJsonArray before = catalogs();
    const QString file = write(u"bad.json"_s, content);
    const CliRun imported = m_cli->run({u"catalog"_s, u"import"_s, file});
    QCOMPARE(imported.exitCode, 1);
    QVERIFY(imported.out.isEmpty());
    QCOMPARE(imported.errorLines().size(), 1);
    QVERIFY2(imported.error().startsWith(u"strata-cli: bad.json"_s), imported.err.constData());
    QVERIFY2(imported.error().contains(expected), imported.err.constData());
    QCOMPARE(catalogs(), before);
}

void TestCliCatalog::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no subcommand") << args({"catalog"});
    QTest::newRow("unknown subcommand") << args({"catalog", "remove", "1"});
    QTest::newRow("show without id") << args({"catalog", "show"});
    QTest::newRow("list with argument") << args({"catalog", "list", "x"});
    QTest::newRow("list with --kind") << args({"catalog", "list", "--kind", "model"});
    QTest::newRow("import two files") << args({"catalog", "import", "a.json", "b.json"});
    QTest::newRow("import with --item") << args({"catalog", "import", "a.json", "--item", "X"});
    QTest::newRow("unknown kind") << args({"catalog", "show", "1", "--kind", "hardware"});
    QTest::newRow("unknown option") << args({"catalog", "show", "1", "--stage", "data"});
}

void TestCliCatalog::usageErrors()
{
    QFETCH(QStringList, arguments);
    const CliRun run = m_cli->run(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(run.errorLines().size(), 1);
}

void TestCliCatalog::needsAnExistingWorkspace()
{
    const QString missing = QDir(m_dir->path()).filePath(u"missing.strata"_s);
    for (const QStringList &arguments : {args({"catalog", "list"}), args({"catalog", "show", "1"}),
                                         QStringList{u"catalog"_s, u"import"_s, kLibrary}}) {
        const CliRun run = m_cli->runRaw(QStringList{u"--workspace"_s, missing} + arguments);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.error().contains(u"does not exist"_s));
        QVERIFY(!QFile::exists(missing));
    }
}

void TestCliCatalog::helpDescribesTheCatalogCommands()
{
    const CliRun usage = m_cli->runRaw({u"--help"_s});
    QVERIFY(QString::fromUtf8(usage.out).contains(
        QRegularExpression(u"^\\s+catalog\\s"_s, QRegularExpression::MultilineOption)));
    const CliRun help = m_cli->runRaw({u"help"_s, u"catalog"_s});
    QCOMPARE(help.exitCode, 0);
    for (const char *expected :
         {"catalog list", "catalog show ID", "--kind KIND", "--item ITEM", "catalog import FILE", "CISO Assistant"})
        QVERIFY2(help.out.contains(expected), expected);
}

QTEST_GUILESS_MAIN(TestCliCatalog)
#include "TestCliCatalog.moc"
