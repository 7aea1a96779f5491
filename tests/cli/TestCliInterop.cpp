// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CliRunner.h"
#include "InteropSamples.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::samples;

namespace {

const QString kDate = u"2026-03-01T09:30:00Z"_s;

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList names(const QJsonArray &list)
{
    QStringList found;
    for (const QJsonValue &row : list)
        found.append(row.toObject().value(u"name"_s).toString());
    found.sort();
    return found;
}

/// What a user sees of every record, without what differs between workspaces: ids, times and who made them.
QJsonArray portable(const CliRunner &cli)
{
    QList<QJsonObject> rows;
    for (const QJsonValue &value : cli.listAll()) {
        QJsonObject row = value.toObject();
        const QString id = QString::number(row.take(u"id"_s).toInteger());
        row.remove(u"updated_at"_s);
        const QJsonObject shown = cli.run({u"show"_s, id, u"--json"_s}).json().object();
        QStringList relations;
        for (const QJsonValue &relation : shown.value(u"relations"_s).toArray()) {
            const QJsonObject r = relation.toObject();
            const QJsonObject other = r.value(u"other"_s).toObject();
            relations.append(
                u"%1 %2 [%3] %4 %5@%6"_s.arg(r.value(u"direction"_s).toString(), r.value(u"type"_s).toString(),
                                             r.value(u"subtype"_s).toString(), other.value(u"kind"_s).toString(),
                                             other.value(u"name"_s).toString(), other.value(u"version"_s).toString()));
        }
        relations.sort();
        row.insert(u"relations"_s, QJsonArray::fromStringList(relations));
        for (const QString &key : {u"description"_s, u"purl"_s, u"source_url"_s, u"attributes"_s})
            row.insert(key, shown.value(key));
        rows.append(row);
    }
    const auto key = [](const QJsonObject &row) {
        return QStringList{row.value(u"kind"_s).toString(), row.value(u"name"_s).toString(),
                           row.value(u"version"_s).toString()};
    };
    std::sort(rows.begin(), rows.end(), [&key](const QJsonObject &a, const QJsonObject &b) { return key(a) < key(b); });
    QJsonArray sorted;
    for (const QJsonObject &row : std::as_const(rows))
        sorted.append(row);
    return sorted;
}

} // namespace

/// Drives `import` and `export` as a pipeline would: per-file all-or-nothing imports, reproducible exports.
class TestCliInterop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void importAddsTheRecords();
    void reimportChangesNothing();
    void failingFileChangesNothing_data();
    void failingFileChangesNothing();
    void mixedRunImportsTheGoodFile();
    void folderImportsEveryDocument();
    void commandsNeedAnExistingWorkspace();
    void preferImportOverwritesHandTypedValues();
    void exportImportsBackToTheSameRecords_data();
    void exportImportsBackToTheSameRecords();
    void dateMakesExportsReproducible_data();
    void dateMakesExportsReproducible();
    void csvWritesOneFilePerKind();
    void exportUsageErrors_data();
    void exportUsageErrors();
    void scopeByNameExportsTheRecordAndItsUpstream();
    void exportIntoMissingFolderWritesNothing_data();
    void exportIntoMissingFolderWritesNothing();
    void exportNeverReplacesTheWorkspace();
    void helpDescribesImportAndExport();

private:
    QString path(const QString &name) const { return QDir(m_dir->path()).filePath(name); }
    /// Writes `data` under the test folder and returns its path.
    QString document(const QString &name, const QByteArray &data) const;
    /// A fresh workspace that holds kSpdxChain.
    void importChain();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CliRunner> m_cli;
};

void TestCliInterop::initTestCase()
{
    QVERIFY2(QFileInfo(CliRunner::program()).isExecutable(),
             qPrintable(u"strata-cli not found at %1"_s.arg(CliRunner::program())));
}

void TestCliInterop::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cli = std::make_unique<CliRunner>(m_dir->path());
    QCOMPARE(m_cli->run({u"init"_s}).exitCode, 0);
}

QString TestCliInterop::document(const QString &name, const QByteArray &data) const
{
    const QString file = path(name);
    if (!writeFile(file, data))
        qWarning("cannot write %s", qPrintable(file));
    return file;
}

void TestCliInterop::importChain()
{
    const CliRun imported = m_cli->run({u"import"_s, document(u"chain.json"_s, kSpdxChain)});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
}

void TestCliInterop::importAddsTheRecords()
{
    const QString file = document(u"chain.json"_s, kSpdxChain);
    const CliRun imported = m_cli->run({u"--json"_s, u"import"_s, file});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(imported.err.isEmpty(), imported.err.constData());
    const QJsonArray results = imported.json().array();
    QCOMPARE(results.size(), 1);
    const QJsonObject result = results.at(0).toObject();
    for (const QString &key : {u"file"_s, u"format"_s, u"spec_version"_s, u"import_id"_s, u"added"_s, u"updated"_s,
                               u"unchanged"_s, u"skipped"_s, u"placeholders"_s, u"relations_added"_s,
                               u"relations_unchanged"_s, u"relations_skipped"_s, u"notes"_s, u"error"_s})
        QVERIFY2(result.contains(key), qPrintable(key));
    QCOMPARE(QFileInfo(result.value(u"file"_s).toString()), QFileInfo(file));
    QCOMPARE(result.value(u"format"_s).toString(), u"spdx3"_s);
    QCOMPARE(result.value(u"spec_version"_s).toString(), u"3.0.1"_s);
    QVERIFY(result.value(u"error"_s).isNull());
    QVERIFY(result.value(u"import_id"_s).toInteger() > 0);
    QVERIFY(result.value(u"notes"_s).isArray());

    const QJsonArray list = m_cli->listAll();
    QCOMPARE(names(list), QStringList({u"Acme AI"_s, u"Acme Base"_s, u"Acme Chat"_s, u"Chat Logs"_s, u"torch"_s}));
    QCOMPARE(result.value(u"added"_s).toInt(), list.size());
    QCOMPARE(result.value(u"updated"_s).toInt(), 0);
    QCOMPARE(result.value(u"unchanged"_s).toInt(), 0);
    // descendantOf, trainedOn, dependsOn, and Acme AI providing both models.
    QCOMPARE(result.value(u"relations_added"_s).toInt(), 5);
    const QJsonObject chat = m_cli->run({u"show"_s, u"Acme Chat"_s, u"--json"_s}).json().object();
    QCOMPARE(chat.value(u"supplier"_s).toString(), u"Acme AI"_s);
    QCOMPARE(chat.value(u"relations"_s).toArray().size(), 4);

    // For people: one summary line naming the file and the format.
    const CliRun text = m_cli->run({u"import"_s, file});
    QCOMPARE(text.exitCode, 0);
    const QString line = QString::fromUtf8(text.out).section(u'\n', 0, 0);
    // Any plural ending: English plural forms come from a translation, which a test build may not load.
    const QRegularExpression summary(
        u"^%1 \\(SPDX 3\\.0\\.1\\): 0 added, 0 updated, 5 unchanged, 0 skipped; 0 relation\\S* added, 5 unchanged, 0 skipped$"_s
            .arg(QRegularExpression::escape(QDir::toNativeSeparators(file))));
    QVERIFY2(summary.match(line).hasMatch(), qPrintable(line));
}

void TestCliInterop::reimportChangesNothing()
{
    const QString file = document(u"chain.json"_s, kSpdxChain);
    const CliRun first = m_cli->run({u"import"_s, file, u"--json"_s});
    QCOMPARE(first.exitCode, 0);
    const QJsonObject firstResult = first.json().array().at(0).toObject();
    const QJsonArray before = m_cli->state();

    const CliRun again = m_cli->run({u"import"_s, file, u"--json"_s});
    QCOMPARE(again.exitCode, 0);
    const QJsonObject result = again.json().array().at(0).toObject();
    QCOMPARE(result.value(u"added"_s).toInt(), 0);
    QCOMPARE(result.value(u"updated"_s).toInt(), 0);
    QCOMPARE(result.value(u"unchanged"_s).toInt(), firstResult.value(u"added"_s).toInt());
    QCOMPARE(result.value(u"relations_added"_s).toInt(), 0);
    QCOMPARE(result.value(u"relations_unchanged"_s).toInt(), firstResult.value(u"relations_added"_s).toInt());
    QVERIFY2(result.value(u"import_id"_s).isNull(), "an import that changes nothing records nothing");
    QCOMPARE(m_cli->state(), before);
}

void TestCliInterop::failingFileChangesNothing_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content"); // null: the file is not written
    QTest::addColumn<QString>("named");      // what the error must mention besides the file

    QTest::newRow("SPDX relationship to a missing element")
        << u"dangling.json"_s << kSpdxDangling << u"https://example.org/dataset/missing"_s;
    QTest::newRow("CycloneDX dependency on a missing bom-ref")
        << u"dangling-bom.json"_s << kCycloneDxDangling << u"nowhere"_s;
    QTest::newRow("truncated JSON") << u"truncated.json"_s << kSpdxChain.left(kSpdxChain.size() / 2) << QString();
    QTest::newRow("not a document") << u"notes.json"_s << QByteArray(R"({"hello": "world"})") << QString();
    QTest::newRow("missing file") << u"absent.json"_s << QByteArray() << QString();
}

void TestCliInterop::failingFileChangesNothing()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QString, named);

    importChain();
    const QJsonArray before = m_cli->state();
    const QString file = content.isNull() ? path(fileName) : document(fileName, content);

    const CliRun failed = m_cli->run({u"import"_s, file});
    QCOMPARE(failed.exitCode, 1);
    QCOMPARE(failed.errorLines().size(), 1);
    QVERIFY2(failed.error().startsWith(u"strata-cli: "_s), failed.err.constData());
    QVERIFY2(failed.error().contains(fileName), failed.err.constData());
    QVERIFY2(failed.error().contains(named), failed.err.constData());
    QVERIFY2(failed.out.isEmpty(), failed.out.constData());
    QCOMPARE(m_cli->state(), before);

    const CliRun json = m_cli->run({u"import"_s, file, u"--json"_s});
    QCOMPARE(json.exitCode, 1);
    QCOMPARE(json.errorLines().size(), 1);
    const QJsonObject result = json.json().array().at(0).toObject();
    QVERIFY2(result.value(u"error"_s).toString().contains(fileName), json.out.constData());
    QCOMPARE(result.value(u"added"_s).toInt(), 0);
    QVERIFY(result.value(u"import_id"_s).isNull());
    QCOMPARE(m_cli->state(), before);
}

void TestCliInterop::mixedRunImportsTheGoodFile()
{
    const QString good = document(u"good.json"_s, kSpdxOther);
    const QString bad = document(u"bad.json"_s, kSpdxDangling);
    const CliRun mixed = m_cli->run({u"--json"_s, u"import"_s, bad, good});
    QCOMPARE(mixed.exitCode, 1);
    QCOMPARE(mixed.errorLines().size(), 1);
    QVERIFY2(mixed.error().contains(u"bad.json"_s), mixed.err.constData());
    QVERIFY2(!mixed.error().contains(u"good.json"_s), mixed.err.constData());

    const QJsonArray results = mixed.json().array();
    QCOMPARE(results.size(), 2);
    QVERIFY(!results.at(0).toObject().value(u"error"_s).isNull());
    QVERIFY(results.at(1).toObject().value(u"error"_s).isNull());
    QCOMPARE(results.at(1).toObject().value(u"added"_s).toInt(), 1);
    QCOMPARE(names(m_cli->listAll()), QStringList{u"Other Model"_s});
}

void TestCliInterop::folderImportsEveryDocument()
{
    document(u"inbox/chain.json"_s, kSpdxChain);
    document(u"inbox/vendor/bom.json"_s, kCycloneDx);
    document(u"inbox/vendor/other.json"_s, kSpdxOther);
    document(u"inbox/ignored.txt"_s, "not a document, and not a *.json or README.md either");

    const CliRun imported = m_cli->run({u"import"_s, path(u"inbox"_s), u"--json"_s});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    const QJsonArray results = imported.json().array();
    QCOMPARE(results.size(), 3);
    int added = 0;
    for (const QJsonValue &value : results) {
        QVERIFY(value.toObject().value(u"error"_s).isNull());
        added += value.toObject().value(u"added"_s).toInt();
    }
    const QStringList found = names(m_cli->listAll());
    QCOMPARE(found.size(), added);
    for (const QString &name : {u"Acme Chat"_s, u"Vendor Model"_s, u"Vendor Corpus"_s, u"Other Model"_s})
        QVERIFY2(found.contains(name), qPrintable(name));

    document(u"empty/ignored.txt"_s, "text");
    const CliRun empty = m_cli->run({u"import"_s, path(u"empty"_s)});
    QCOMPARE(empty.exitCode, 1);
    QVERIFY2(empty.error().contains(u"empty"_s), empty.err.constData());
}

void TestCliInterop::commandsNeedAnExistingWorkspace()
{
    const CliRunner elsewhere(path(u"elsewhere"_s));
    const CliRun missing = elsewhere.run({u"import"_s, document(u"chain.json"_s, kSpdxChain)});
    QCOMPARE(missing.exitCode, 1);
    QCOMPARE(missing.errorLines().size(), 1);
    QVERIFY(!QFileInfo::exists(elsewhere.workspace()));

    const CliRun exported = elsewhere.run({u"export"_s, u"--format"_s, u"spdx"_s, u"-o"_s, path(u"out.json"_s)});
    QCOMPARE(exported.exitCode, 1);
    QCOMPARE(exported.errorLines().size(), 1);
    QVERIFY(!QFileInfo::exists(elsewhere.workspace()));
    QVERIFY(!QFileInfo::exists(path(u"out.json"_s)));
}

void TestCliInterop::preferImportOverwritesHandTypedValues()
{
    const QString file = document(u"other.json"_s, kSpdxOther);
    QCOMPARE(m_cli->run({u"import"_s, file}).exitCode, 0);
    const auto description = [this] {
        return m_cli->run({u"show"_s, u"Other Model"_s, u"--json"_s}).json().object().value(u"description"_s);
    };
    QCOMPARE(description().toString(), u"As the vendor describes it."_s);
    QCOMPARE(m_cli->run({u"edit"_s, u"Other Model"_s, u"--set"_s, u"description=Checked by hand."_s}).exitCode, 0);

    const CliRun kept = m_cli->run({u"import"_s, file, u"--json"_s});
    QCOMPARE(kept.exitCode, 0);
    const QJsonObject keptResult = kept.json().array().at(0).toObject();
    QCOMPARE(keptResult.value(u"updated"_s).toInt(), 0);
    QVERIFY2(!keptResult.value(u"notes"_s).toArray().isEmpty(), "the summary should say a hand-typed value was kept");
    QCOMPARE(description().toString(), u"Checked by hand."_s);

    const CliRun preferred = m_cli->run({u"import"_s, file, u"--prefer-import"_s, u"--json"_s});
    QCOMPARE(preferred.exitCode, 0);
    QCOMPARE(preferred.json().array().at(0).toObject().value(u"updated"_s).toInt(), 1);
    QCOMPARE(description().toString(), u"As the vendor describes it."_s);
}

void TestCliInterop::exportImportsBackToTheSameRecords_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("spdx") << u"spdx"_s;
    QTest::newRow("cyclonedx") << u"cyclonedx"_s;
}

void TestCliInterop::exportImportsBackToTheSameRecords()
{
    QFETCH(QString, format);
    importChain();
    QVERIFY(
        m_cli->add({u"supplier"_s, u"--name"_s, u"Northwind"_s, u"--set"_s, u"website=https://northwind.example"_s}));
    QVERIFY(m_cli->add({u"dataset"_s, u"--name"_s, u"Support Tickets"_s, u"--version"_s, u"7"_s, u"--supplier"_s,
                        u"Northwind"_s, u"--set"_s, u"license=CC-BY-4.0"_s, u"--set"_s, u"size_records=1200"_s}));
    QCOMPARE(m_cli->run({u"link"_s, u"Acme Chat"_s, u"evaluated_on"_s, u"Support Tickets"_s}).exitCode, 0);

    const QString exported = path(u"export.json"_s);
    const CliRun written = m_cli->run({u"export"_s, u"--format"_s, format, u"-o"_s, exported, u"--json"_s});
    QVERIFY2(written.exitCode == 0, written.err.constData());
    const QJsonObject summary = written.json().object();
    QCOMPARE(summary.value(u"action"_s).toString(), u"exported"_s);
    QCOMPARE(summary.value(u"format"_s).toString(), format);
    QCOMPARE(summary.value(u"records"_s).toInt(), m_cli->listAll().size());
    QCOMPARE(summary.value(u"relations"_s).toInt(), 7);
    QVERIFY(summary.value(u"scope"_s).isNull());
    QCOMPARE(summary.value(u"files"_s).toArray().size(), 1);
    QCOMPARE(QFileInfo(summary.value(u"files"_s).toArray().at(0).toString()), QFileInfo(exported));

    const CliRunner second(path(u"second"_s));
    QCOMPARE(second.run({u"init"_s}).exitCode, 0);
    const CliRun imported = second.run({u"import"_s, exported});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    QCOMPARE(portable(second), portable(*m_cli));
}

void TestCliInterop::dateMakesExportsReproducible_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("stamped"); // the format writes the time into the document
    QTest::newRow("cyclonedx") << u"cyclonedx"_s << true;
    QTest::newRow("spdx") << u"spdx"_s << true;
    QTest::newRow("graphml") << u"graphml"_s << false;
    QTest::newRow("csv") << u"csv"_s << false;
}

void TestCliInterop::dateMakesExportsReproducible()
{
    QFETCH(QString, format);
    QFETCH(bool, stamped);
    importChain();

    QList<QByteArray> outputs;
    for (const QString &name : {u"first"_s, u"second"_s}) {
        const CliRun written = m_cli->run(
            {u"export"_s, u"--format"_s, format, u"-o"_s, path(name + u".out"_s), u"--date"_s, kDate, u"--json"_s});
        QVERIFY2(written.exitCode == 0, written.err.constData());
        QByteArray bytes;
        for (const QJsonValue &file : written.json().object().value(u"files"_s).toArray())
            bytes += readFile(file.toString());
        QVERIFY(!bytes.isEmpty());
        outputs.append(bytes);
    }
    QCOMPARE(outputs.at(0), outputs.at(1));
    if (stamped)
        QVERIFY2(outputs.at(0).contains(kDate.left(16).toUtf8()), "the document should carry the --date time");
}

void TestCliInterop::csvWritesOneFilePerKind()
{
    importChain();
    const QString target = path(u"tables/inventory.csv"_s);
    QDir().mkpath(path(u"tables"_s));
    const CliRun written = m_cli->run({u"export"_s, u"--format"_s, u"csv"_s, u"-o"_s, target, u"--json"_s});
    QVERIFY2(written.exitCode == 0, written.err.constData());

    QStringList files;
    for (const QJsonValue &file : written.json().object().value(u"files"_s).toArray())
        files.append(QFileInfo(file.toString()).fileName());
    files.sort();
    const QStringList expected{u"inventory-dataset.csv"_s, u"inventory-model.csv"_s, u"inventory-software.csv"_s,
                               u"inventory-supplier.csv"_s};
    QCOMPARE(files, expected);
    QCOMPARE(QDir(path(u"tables"_s)).entryList(QDir::Files, QDir::Name), expected);
    const QByteArray models = readFile(path(u"tables/inventory-model.csv"_s));
    QVERIFY(models.contains("Acme Base") && models.contains("Acme Chat"));
    QVERIFY(!models.contains("Chat Logs"));

    // Without an extension, the kind and .csv go at the end.
    QDir().mkpath(path(u"plain"_s));
    const CliRun plain = m_cli->run({u"export"_s, u"--format"_s, u"csv"_s, u"-o"_s, path(u"plain/inventory"_s)});
    QCOMPARE(plain.exitCode, 0);
    QVERIFY(QFileInfo::exists(path(u"plain/inventory-model.csv"_s)));
    QCOMPARE(QDir(path(u"plain"_s)).entryList(QDir::Files).size(), expected.size());

    const CliRun text = m_cli->run({u"export"_s, u"--format"_s, u"csv"_s, u"-o"_s, target});
    QCOMPARE(text.exitCode, 0);
    const QRegularExpression wrote(u"^Wrote 5 record\\S* and 5 relation\\S* to 4 file\\S*:\n"_s);
    QVERIFY2(wrote.match(QString::fromUtf8(text.out)).hasMatch(), text.out.constData());
    for (const QString &file : expected)
        QVERIFY2(text.out.contains(file.toUtf8()), text.out.constData());
}

void TestCliInterop::exportUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");

    QTest::newRow("unknown format") << args({"export", "--format", "bogus", "-o", "x"}) << u"bogus"_s;
    QTest::newRow("no format") << args({"export", "-o", "x"}) << u"--format"_s;
    QTest::newRow("no output") << args({"export", "--format", "spdx"}) << u"--output"_s;
    QTest::newRow("bad date") << args({"export", "--format", "spdx", "-o", "x", "--date", "yesterday"})
                              << u"yesterday"_s;
    QTest::newRow("two formats") << args({"export", "--format", "spdx", "--format", "csv", "-o", "x"}) << u"--format"_s;
}

void TestCliInterop::exportUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    importChain();
    const QStringList before = QDir(m_dir->path()).entryList(QDir::Files);

    const CliRun misused = m_cli->run(arguments.replaceInStrings(QRegularExpression(u"^x$"_s), path(u"x"_s)));
    QCOMPARE(misused.exitCode, 2);
    QCOMPARE(misused.errorLines().size(), 1);
    QVERIFY2(misused.error().contains(named), misused.err.constData());
    QVERIFY(misused.out.isEmpty());
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), before);
}

void TestCliInterop::scopeByNameExportsTheRecordAndItsUpstream()
{
    importChain();
    QVERIFY(m_cli->add({u"model"_s, u"--name"_s, u"Unrelated"_s}));
    QVERIFY(m_cli->add({u"software"_s, u"--name"_s, u"chat-app"_s}));
    QCOMPARE(m_cli->run({u"link"_s, u"chat-app"_s, u"depends_on"_s, u"Acme Chat"_s}).exitCode, 0);
    const qint64 chatId =
        m_cli->run({u"show"_s, u"Acme Chat"_s, u"--json"_s}).json().object().value(u"id"_s).toInteger();

    const QString exported = path(u"scoped.json"_s);
    const CliRun written = m_cli->run(
        {u"export"_s, u"--format"_s, u"spdx"_s, u"--scope"_s, u"Acme Chat"_s, u"-o"_s, exported, u"--json"_s});
    QVERIFY2(written.exitCode == 0, written.err.constData());
    QCOMPARE(written.json().object().value(u"scope"_s).toInteger(), chatId);
    QCOMPARE(written.json().object().value(u"records"_s).toInt(), 5);

    const CliRunner second(path(u"second"_s));
    QCOMPARE(second.run({u"init"_s}).exitCode, 0);
    QCOMPARE(second.run({u"import"_s, exported}).exitCode, 0);
    // Upstream only: neither the unrelated model nor the app that depends on the chat model.
    QCOMPARE(names(second.listAll()),
             QStringList({u"Acme AI"_s, u"Acme Base"_s, u"Acme Chat"_s, u"Chat Logs"_s, u"torch"_s}));

    const CliRun unknown = m_cli->run(
        {u"export"_s, u"--format"_s, u"spdx"_s, u"--scope"_s, u"Nothing Like It"_s, u"-o"_s, path(u"none.json"_s)});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.error().contains(u"Nothing Like It"_s), unknown.err.constData());
    QVERIFY(!QFileInfo::exists(path(u"none.json"_s)));
}

void TestCliInterop::exportIntoMissingFolderWritesNothing_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("spdx") << u"spdx"_s;
    QTest::newRow("csv") << u"csv"_s;
}

void TestCliInterop::exportIntoMissingFolderWritesNothing()
{
    QFETCH(QString, format);
    importChain();
    const QStringList before = QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);

    const CliRun failed = m_cli->run({u"export"_s, u"--format"_s, format, u"-o"_s, path(u"no-such-folder/out.json"_s)});
    QCOMPARE(failed.exitCode, 1);
    QCOMPARE(failed.errorLines().size(), 1);
    QVERIFY2(failed.error().contains(u"no-such-folder"_s), failed.err.constData());
    QVERIFY(failed.out.isEmpty());
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), before);
}

void TestCliInterop::exportNeverReplacesTheWorkspace()
{
    importChain();
    const QJsonArray before = m_cli->state();
    const CliRun refused = m_cli->run({u"export"_s, u"--format"_s, u"spdx"_s, u"-o"_s, m_cli->workspace()});
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(refused.errorLines().size(), 1);
    QCOMPARE(m_cli->state(), before);
}

void TestCliInterop::helpDescribesImportAndExport()
{
    const QString usage = QString::fromUtf8(m_cli->runRaw({u"--help"_s}).out);
    for (const QString &command : {u"import"_s, u"export"_s}) {
        QVERIFY2(usage.contains(QRegularExpression(u"^\\s+%1\\s"_s.arg(command), QRegularExpression::MultilineOption)),
                 qPrintable(command));
        const CliRun help = m_cli->runRaw({u"help"_s, command});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(u"strata-cli [global options] %1"_s.arg(command).toUtf8()), help.out.constData());
        QCOMPARE(m_cli->runRaw({command, u"--help"_s}).out, help.out);
    }
    QVERIFY(m_cli->runRaw({u"help"_s, u"import"_s}).out.contains("--prefer-import"));
    const QByteArray exportHelp = m_cli->runRaw({u"help"_s, u"export"_s}).out;
    for (const char *expected : {"cyclonedx", "graphml", "-o, --output FILE", "--date", "inventory-model.csv"})
        QVERIFY2(exportHelp.contains(expected), expected);
}

QTEST_GUILESS_MAIN(TestCliInterop)
#include "TestCliInterop.moc"
