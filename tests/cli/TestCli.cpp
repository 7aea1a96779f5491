// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CliRunner.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

QJsonObject findById(const QJsonArray &array, qint64 id)
{
    for (const QJsonValue &value : array) {
        if (value.toObject().value(u"id"_s).toInteger() == id)
            return value.toObject();
    }
    return {};
}

QJsonArray ofKind(const QJsonArray &array, const QString &kind)
{
    QJsonArray matching;
    for (const QJsonValue &value : array) {
        if (value.toObject().value(u"kind"_s).toString() == kind)
            matching.append(value);
    }
    return matching;
}

/// The first word of `text`, cut to at most `length` characters: a prefix a user would type.
QString prefixOf(const QString &text, int length)
{
    return text.section(u' ', 0, 0).left(length);
}

} // namespace

/// Drives the built strata-cli through the inventory commands as a pipeline would: JSON out, nothing half-applied.
class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void initCreatesAnEmptyWorkspace();
    void initRefusesAnExistingFile();
    void demoFillsEveryKind();
    void demoRefusesAWorkspaceWithRecords();
    void addAndShowRoundTripFields();
    void addWithSupplierShowsItInList();
    void linkAndUnlinkRoundTrip();
    void derivedFromKeepsItsSubtype();
    void duplicateIsRejected();
    void rejectedInputChangesNothing_data();
    void rejectedInputChangesNothing();
    void searchMatchesNameAndSupplierPrefixes();
    void editChangesOnlyTheGivenFields();
    void removeDeletesTheRecordAndItsRelations();
    void namesWorkAsIds();
    void humanListIsAligned();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CliRunner> m_cli;
};

void TestCli::initTestCase()
{
    QVERIFY2(QFileInfo(CliRunner::program()).isExecutable(),
             qPrintable(u"strata-cli not found at %1"_s.arg(CliRunner::program())));
}

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cli = std::make_unique<CliRunner>(m_dir->path());
}

void TestCli::initCreatesAnEmptyWorkspace()
{
    const CliRun created = m_cli->run({u"--json"_s, u"init"_s});
    QCOMPARE(created.exitCode, 0);
    QVERIFY(created.err.isEmpty());
    QCOMPARE(created.json().object().value(u"action"_s).toString(), u"initialized"_s);
    QVERIFY(QFileInfo(created.json().object().value(u"workspace"_s).toString()) == QFileInfo(m_cli->workspace()));
    QVERIFY(QFileInfo(m_cli->workspace()).size() > 0);
    QCOMPARE(m_cli->listAll(), QJsonArray());
}

void TestCli::initRefusesAnExistingFile()
{
    QCOMPARE(m_cli->run({u"init"_s}).exitCode, 0);
    QVERIFY(m_cli->add({u"model"_s, u"--name"_s, u"Kept"_s}) > 0);
    const QJsonArray before = m_cli->state();

    const CliRun again = m_cli->run({u"init"_s});
    QCOMPARE(again.exitCode, 1);
    QCOMPARE(again.errorLines().size(), 1);
    QVERIFY2(again.error().contains(u"already exists"_s), again.err.constData());
    QVERIFY(again.out.isEmpty());
    QCOMPARE(m_cli->state(), before);
}

void TestCli::demoFillsEveryKind()
{
    const CliRun demo = m_cli->run({u"demo"_s, u"--json"_s});
    QCOMPARE(demo.exitCode, 0);
    const QJsonObject counts = demo.json().object().value(u"counts"_s).toObject();

    const QJsonArray list = m_cli->listAll();
    QVERIFY(ofKind(list, u"supplier"_s).size() >= 3);
    QVERIFY(ofKind(list, u"model"_s).size() >= 8);
    QVERIFY(ofKind(list, u"dataset"_s).size() >= 6);
    QVERIFY(ofKind(list, u"software"_s).size() >= 4);
    QVERIFY(ofKind(list, u"service"_s).size() >= 3);
    for (const QString &kind : {u"supplier"_s, u"model"_s, u"dataset"_s, u"software"_s, u"service"_s})
        QCOMPARE(counts.value(kind).toInt(), ofKind(list, kind).size());
    QCOMPARE(demo.json().object().value(u"total"_s).toInt(), list.size());

    for (const QJsonValue &value : list) {
        const QJsonObject row = value.toObject();
        for (const QString &key : {u"id"_s, u"kind"_s, u"name"_s, u"version"_s, u"supplier"_s})
            QVERIFY2(row.contains(key), qPrintable(u"%1 lacks %2"_s.arg(row.value(u"name"_s).toString(), key)));
        QVERIFY(row.value(u"id"_s).toInteger() > 0);
        QVERIFY(!row.value(u"name"_s).toString().isEmpty());
        const QDateTime updated = QDateTime::fromString(row.value(u"updated_at"_s).toString(), Qt::ISODate);
        QVERIFY(updated.isValid());
        QCOMPARE(updated.timeSpec(), Qt::UTC);
    }
    QVERIFY2(!ofKind(list, u"model"_s).at(0).toObject().value(u"supplier"_s).toString().isEmpty(),
             "a demo model should name its supplier");
}

void TestCli::demoRefusesAWorkspaceWithRecords()
{
    QCOMPARE(m_cli->run({u"demo"_s}).exitCode, 0);
    const QJsonArray before = m_cli->state();
    const CliRun again = m_cli->run({u"demo"_s});
    QCOMPARE(again.exitCode, 1);
    QCOMPARE(again.errorLines().size(), 1);
    QVERIFY(again.errorLines().constFirst().startsWith(u"strata-cli: "_s));
    QCOMPARE(m_cli->state(), before);
}

void TestCli::addAndShowRoundTripFields()
{
    QCOMPARE(m_cli->run({u"init"_s}).exitCode, 0);
    const CliRun added = m_cli->run({u"add"_s, u"model"_s, u"--name"_s, u"Llama 3.1 8B"_s, u"--version"_s, u"3.1"_s,
                                     u"--set"_s, u"parameter_count=8030000000"_s, u"--set"_s, u"format=safetensors"_s,
                                     u"--set"_s, u"license=Apache-2.0"_s, u"--set"_s, u"tags=llm, base"_s, u"--set"_s,
                                     u"source_url=https://huggingface.co/meta-llama/Llama-3.1-8B"_s, u"--set"_s,
                                     u"description=First line\nsecond line"_s});
    QCOMPARE(added.exitCode, 0);
    bool numeric = false;
    const qint64 id = QString::fromUtf8(added.out).trimmed().toLongLong(&numeric);
    QVERIFY2(numeric && id > 0, added.out.constData());

    const CliRun shown = m_cli->run({u"show"_s, QString::number(id), u"--json"_s});
    QCOMPARE(shown.exitCode, 0);
    const QJsonObject record = shown.json().object();
    QCOMPARE(record.value(u"id"_s).toInteger(), id);
    QCOMPARE(record.value(u"kind"_s).toString(), u"model"_s);
    QCOMPARE(record.value(u"name"_s).toString(), u"Llama 3.1 8B"_s);
    QCOMPARE(record.value(u"version"_s).toString(), u"3.1"_s);
    QCOMPARE(record.value(u"license"_s).toString(), u"Apache-2.0"_s);
    QCOMPARE(record.value(u"source_url"_s).toString(), u"https://huggingface.co/meta-llama/Llama-3.1-8B"_s);
    QCOMPARE(record.value(u"description"_s).toString(), u"First line\nsecond line"_s);
    QCOMPARE(record.value(u"tags"_s).toArray(), QJsonArray({u"base"_s, u"llm"_s}));
    const QJsonObject attributes = record.value(u"attributes"_s).toObject();
    QCOMPARE(attributes.value(u"parameter_count"_s).toInteger(), Q_INT64_C(8030000000));
    QCOMPARE(attributes.value(u"format"_s).toString(), u"safetensors"_s);
    QVERIFY(attributes.contains(u"architecture"_s));
    QVERIFY(attributes.value(u"architecture"_s).isNull());
    QCOMPARE(record.value(u"placeholder"_s).toBool(), false);
    const QDateTime created = QDateTime::fromString(record.value(u"created_at"_s).toString(), Qt::ISODate);
    QVERIFY(created.isValid());
    QVERIFY(qAbs(created.secsTo(QDateTime::currentDateTimeUtc())) < 24 * 3600);
    QVERIFY(!record.value(u"created_by"_s).toString().isEmpty());
    QVERIFY(record.value(u"relations"_s).isArray());
    QVERIFY(record.value(u"relations"_s).toArray().isEmpty());
    QVERIFY(record.value(u"artifacts"_s).isArray());

    const CliRun text = m_cli->run({u"show"_s, QString::number(id)});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("parameter_count"));
    QVERIFY(text.out.contains("8030000000"));
}

void TestCli::addWithSupplierShowsItInList()
{
    QCOMPARE(m_cli->run({u"init"_s}).exitCode, 0);
    const qint64 supplier = m_cli->add({u"supplier"_s, u"--name"_s, u"Acme Labs"_s});
    const qint64 other = m_cli->add({u"supplier"_s, u"--name"_s, u"Globex"_s});
    QVERIFY(supplier > 0 && other > 0);
    const qint64 model = m_cli->add({u"model"_s, u"--name"_s, u"Acme-7B"_s, u"--supplier"_s, u"Acme Labs"_s,
                                     u"--supplier"_s, QString::number(other)});
    QVERIFY(model > 0);

    const QString suppliers = findById(m_cli->listAll(), model).value(u"supplier"_s).toString();
    QVERIFY2(suppliers.contains(u"Acme Labs"_s) && suppliers.contains(u"Globex"_s), qPrintable(suppliers));

    const QJsonObject shown = m_cli->run({u"show"_s, u"Acme-7B"_s, u"--json"_s}).json().object();
    const QJsonArray relations = shown.value(u"relations"_s).toArray();
    QCOMPARE(relations.size(), 2);
    QSet<qint64> linked;
    for (const QJsonValue &value : relations) {
        const QJsonObject relation = value.toObject();
        QCOMPARE(relation.value(u"type"_s).toString(), u"provided_by"_s);
        QCOMPARE(relation.value(u"direction"_s).toString(), u"out"_s);
        QCOMPARE(relation.value(u"other"_s)[u"kind"_s].toString(), u"supplier"_s);
        linked.insert(relation.value(u"other"_s)[u"id"_s].toInteger());
    }
    QCOMPARE(linked, QSet<qint64>({supplier, other}));
    QSet<qint64> named;
    for (const QJsonValue &value : shown.value(u"suppliers"_s).toArray())
        named.insert(value[u"id"_s].toInteger());
    QCOMPARE(named, linked);
}

void TestCli::linkAndUnlinkRoundTrip()
{
    QCOMPARE(m_cli->run({u"init"_s}).exitCode, 0);
    const qint64 model = m_cli->add({u"model"_s, u"--name"_s, u"Student"_s});
    const qint64 dataset = m_cli->add({u"dataset"_s, u"--name"_s, u"Corpus"_s, u"--version"_s, u"2024"_s});
    QVERIFY(model > 0 && dataset > 0);

    const CliRun linked = m_cli->run({u"link"_s, u"Student"_s, u"trained_on"_s, u"Corpus"_s, u"--json"_s});
    QCOMPARE(linked.exitCode, 0);
    const qint64 relationId = linked.json()[u"id"_s].toInteger();
    QVERIFY(relationId > 0);

    const QJsonArray outgoing =
        m_cli->run({u"show"_s, QString::number(model), u"--json"_s}).json()[u"relations"_s].toArray();
    QCOMPARE(outgoing.size(), 1);
    QCOMPARE(outgoing.at(0)[u"id"_s].toInteger(), relationId);
    QCOMPARE(outgoing.at(0)[u"type"_s].toString(), u"trained_on"_s);
    QCOMPARE(outgoing.at(0)[u"direction"_s].toString(), u"out"_s);
    QCOMPARE(outgoing.at(0)[u"other"_s][u"id"_s].toInteger(), dataset);
    QCOMPARE(outgoing.at(0)[u"other"_s][u"name"_s].toString(), u"Corpus"_s);
    QCOMPARE(outgoing.at(0)[u"other"_s][u"version"_s].toString(), u"2024"_s);
    const QJsonArray incoming =
        m_cli->run({u"show"_s, QString::number(dataset), u"--json"_s}).json()[u"relations"_s].toArray();
    QCOMPARE(incoming.size(), 1);
    QCOMPARE(incoming.at(0)[u"direction"_s].toString(), u"in"_s);
    QCOMPARE(incoming.at(0)[u"other"_s][u"id"_s].toInteger(), model);

    const CliRun unlinked =
        m_cli->run({u"unlink"_s, QString::number(model), u"trained_on"_s, QString::number(dataset)});
    QCOMPARE(unlinked.exitCode, 0);
    QVERIFY(m_cli->run({u"show"_s, QString::number(model), u"--json"_s}).json()[u"relations"_s].toArray().isEmpty());
    QVERIFY(m_cli->run({u"show"_s, QString::number(dataset), u"--json"_s}).json()[u"relations"_s].toArray().isEmpty());

    const CliRun again = m_cli->run({u"unlink"_s, QString::number(model), u"trained_on"_s, QString::number(dataset)});
    QCOMPARE(again.exitCode, 1);
    QCOMPARE(again.errorLines().size(), 1);
}

void TestCli::derivedFromKeepsItsSubtype()
{
    QCOMPARE(m_cli->run({u"init"_s}).exitCode, 0);
    const qint64 base = m_cli->add({u"model"_s, u"--name"_s, u"Base"_s});
    const qint64 quantized = m_cli->add({u"model"_s, u"--name"_s, u"Base Q4"_s, u"--set"_s, u"format=gguf"_s});
    QVERIFY(base > 0 && quantized > 0);

    const CliRun linked =
        m_cli->run({u"link"_s, u"Base Q4"_s, u"derived_from"_s, u"Base"_s, u"--kind"_s, u"quantized"_s, u"--json"_s});
    QCOMPARE(linked.exitCode, 0);
    QCOMPARE(linked.json()[u"subtype"_s].toString(), u"quantized"_s);

    const QJsonObject child = m_cli->run({u"show"_s, QString::number(quantized), u"--json"_s}).json().object();
    const QJsonObject up = child.value(u"relations"_s).toArray().at(0).toObject();
    QCOMPARE(up.value(u"type"_s).toString(), u"derived_from"_s);
    QCOMPARE(up.value(u"subtype"_s).toString(), u"quantized"_s);
    QCOMPARE(up.value(u"other"_s)[u"id"_s].toInteger(), base);
    const QJsonObject parent = m_cli->run({u"show"_s, QString::number(base), u"--json"_s}).json().object();
    const QJsonObject down = parent.value(u"relations"_s).toArray().at(0).toObject();
    QCOMPARE(down.value(u"direction"_s).toString(), u"in"_s);
    QCOMPARE(down.value(u"subtype"_s).toString(), u"quantized"_s);
}

void TestCli::duplicateIsRejected()
{
    QCOMPARE(m_cli->run({u"init"_s}).exitCode, 0);
    QVERIFY(m_cli->add({u"model"_s, u"--name"_s, u"Twin"_s, u"--version"_s, u"1.0"_s}) > 0);
    const QJsonArray before = m_cli->state();

    const CliRun duplicate = m_cli->run({u"add"_s, u"model"_s, u"--name"_s, u"Twin"_s, u"--version"_s, u"1.0"_s});
    QCOMPARE(duplicate.exitCode, 1);
    QCOMPARE(duplicate.errorLines().size(), 1);
    QVERIFY2(duplicate.error().contains(u"Twin"_s), duplicate.err.constData());
    QVERIFY(duplicate.out.isEmpty());
    QCOMPARE(m_cli->state(), before);

    QVERIFY2(m_cli->add({u"model"_s, u"--name"_s, u"Twin"_s, u"--version"_s, u"2.0"_s}) > 0,
             "another version of the same model is not a duplicate");
    QVERIFY2(m_cli->add({u"dataset"_s, u"--name"_s, u"Twin"_s, u"--version"_s, u"1.0"_s}) > 0,
             "a record of another kind is not a duplicate");
    QCOMPARE(m_cli->listAll().size(), 3);
}

void TestCli::rejectedInputChangesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("named"); // what the one-line error must mention

    const QString tooLong(201, u'x');
    QTest::newRow("empty name") << QStringList{u"add"_s, u"model"_s, u"--name"_s, QString()} << 1 << u"name"_s;
    QTest::newRow("blank name") << args({"add", "model", "--name", " "}) << 1 << u"name"_s;
    QTest::newRow("over-long name") << QStringList{u"add"_s, u"model"_s, u"--name"_s, tooLong} << 1 << u"name"_s;
    QTest::newRow("over-long version") << QStringList{u"add"_s, u"model"_s,     u"--name"_s,
                                                      u"New"_s, u"--version"_s, QString(101, u'9')}
                                       << 1 << u"version"_s;
    QTest::newRow("invalid URL") << args({"add", "model", "--name", "New", "--set", "source_url=notaurl"}) << 1
                                 << u"source_url"_s;
    QTest::newRow("not a number") << args({"add", "model", "--name", "New", "--set", "parameter_count=lots"}) << 1
                                  << u"parameter_count"_s;
    QTest::newRow("not a choice") << args({"add", "model", "--name", "New", "--set", "format=zip"}) << 1 << u"format"_s;
    QTest::newRow("unknown field") << args({"add", "model", "--name", "New", "--set", "colour=red"}) << 1
                                   << u"colour"_s;
    QTest::newRow("no key") << args({"add", "model", "--name", "New", "--set", "=red"}) << 2 << u"--set"_s;
    QTest::newRow("duplicate") << args({"add", "model", "--name", "Base", "--version", "1.0"}) << 1 << u"Base"_s;
    QTest::newRow("unknown supplier") << args({"add", "model", "--name", "New", "--supplier", "Nobody"}) << 1
                                      << u"Nobody"_s;
    QTest::newRow("second supplier unknown")
        << args({"add", "model", "--name", "New", "--supplier", "Acme Labs", "--supplier", "Nobody"}) << 1
        << u"Nobody"_s;
    QTest::newRow("ambiguous supplier") << args({"add", "model", "--name", "New", "--supplier", "Twin"}) << 1
                                        << u"Twin"_s;
    QTest::newRow("supplier is not a supplier")
        << args({"add", "model", "--name", "New", "--supplier", "Corpus"}) << 1 << u"Corpus"_s;
    QTest::newRow("unknown kind") << args({"add", "gadget", "--name", "New"}) << 2 << u"gadget"_s;
    QTest::newRow("edit: invalid URL") << args({"edit", "Base", "--set", "source_url=notaurl"}) << 1 << u"source_url"_s;
    QTest::newRow("edit: empty name") << args({"edit", "Base", "--set", "name="}) << 1 << u"name"_s;
    QTest::newRow("edit: second field invalid")
        << args({"edit", "Base", "--set", "notes=changed", "--set", "format=zip"}) << 1 << u"format"_s;
    QTest::newRow("edit: dangling id") << args({"edit", "9999", "--set", "notes=x"}) << 1 << u"9999"_s;
    QTest::newRow("self-link") << args({"link", "Base", "derived_from", "Base"}) << 1 << u"itself"_s;
    QTest::newRow("relation not allowed") << args({"link", "Base", "trained_on", "Acme Labs"}) << 1 << u"trained_on"_s;
    QTest::newRow("kind on another relation")
        << args({"link", "Base", "trained_on", "Corpus", "--kind", "quantized"}) << 1 << u"trained_on"_s;
    QTest::newRow("unknown relation") << args({"link", "Base", "frobnicates", "Corpus"}) << 2 << u"frobnicates"_s;
    QTest::newRow("unknown derivation kind")
        << args({"link", "Base", "derived_from", "Corpus", "--kind", "bogus"}) << 2 << u"bogus"_s;
    QTest::newRow("link: dangling id") << args({"link", "Base", "trained_on", "9999"}) << 1 << u"9999"_s;
    QTest::newRow("unlink: no such relation") << args({"unlink", "Base", "trained_on", "Corpus"}) << 1 << u"trained"_s;
    QTest::newRow("remove: dangling id") << args({"remove", "9999"}) << 1 << u"9999"_s;
    QTest::newRow("remove: unknown name") << args({"remove", "Nothing Like It"}) << 1 << u"Nothing Like It"_s;
    QTest::newRow("remove: ambiguous name") << args({"remove", "Twin"}) << 1 << u"Twin"_s;
}

void TestCli::rejectedInputChangesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, named);

    QCOMPARE(m_cli->run({u"init"_s}).exitCode, 0);
    QVERIFY(m_cli->add({u"supplier"_s, u"--name"_s, u"Acme Labs"_s}) > 0);
    QVERIFY(m_cli->add({u"supplier"_s, u"--name"_s, u"Twin"_s, u"--version"_s, u"1"_s}) > 0);
    QVERIFY(m_cli->add({u"supplier"_s, u"--name"_s, u"Twin"_s, u"--version"_s, u"2"_s}) > 0);
    QVERIFY(m_cli->add({u"model"_s, u"--name"_s, u"Base"_s, u"--version"_s, u"1.0"_s, u"--supplier"_s, u"Acme Labs"_s,
                        u"--set"_s, u"format=safetensors"_s}) > 0);
    QVERIFY(m_cli->add({u"dataset"_s, u"--name"_s, u"Corpus"_s}) > 0);
    const QJsonArray before = m_cli->state();

    const CliRun rejected = m_cli->run(arguments);
    QCOMPARE(rejected.exitCode, exitCode);
    QVERIFY2(rejected.out.isEmpty(), rejected.out.constData());
    QCOMPARE(rejected.errorLines().size(), 1);
    QVERIFY(rejected.error().startsWith(u"strata-cli: "_s));
    QVERIFY2(rejected.error().contains(named, Qt::CaseInsensitive), rejected.err.constData());
    QCOMPARE(m_cli->state(), before);
}

void TestCli::searchMatchesNameAndSupplierPrefixes()
{
    QCOMPARE(m_cli->run({u"demo"_s}).exitCode, 0);
    const QJsonArray all = m_cli->listAll();
    const auto search = [this](const QString &text) {
        const CliRun found = m_cli->run({u"list"_s, u"--search"_s, text, u"--json"_s});
        return found.exitCode == 0 ? found.json().array() : QJsonArray();
    };

    const QJsonObject model = ofKind(all, u"model"_s).at(0).toObject();
    const QString namePrefix = prefixOf(model.value(u"name"_s).toString(), 4);
    QVERIFY(!findById(search(namePrefix), model.value(u"id"_s).toInteger()).isEmpty());

    QJsonObject supplied;
    for (const QJsonValue &value : all) {
        if (value[u"kind"_s].toString() != u"supplier"_s && !value[u"supplier"_s].toString().isEmpty()) {
            supplied = value.toObject();
            break;
        }
    }
    QVERIFY2(!supplied.isEmpty(), "the demo should have a record with a supplier");
    const QString supplierPrefix = prefixOf(supplied.value(u"supplier"_s).toString(), 4);
    QVERIFY2(!findById(search(supplierPrefix), supplied.value(u"id"_s).toInteger()).isEmpty(),
             qPrintable(supplierPrefix));

    const QJsonArray models = [&] {
        const CliRun found = m_cli->run({u"list"_s, u"model"_s, u"--search"_s, namePrefix, u"--json"_s});
        return found.json().array();
    }();
    QVERIFY(!models.isEmpty());
    QCOMPARE(ofKind(models, u"model"_s).size(), models.size());

    QCOMPARE(search(u"zqxjkw"_s), QJsonArray());
    const CliRun none = m_cli->run({u"list"_s, u"--search"_s, u"zqxjkw"_s});
    QCOMPARE(none.exitCode, 0);
    QVERIFY(none.out.contains("zqxjkw"));
}

void TestCli::editChangesOnlyTheGivenFields()
{
    QCOMPARE(m_cli->run({u"init"_s}).exitCode, 0);
    const qint64 id = m_cli->add({u"model"_s, u"--name"_s, u"Mutable"_s, u"--set"_s, u"license=MIT"_s, u"--set"_s,
                                  u"format=safetensors"_s, u"--set"_s, u"notes=keep me"_s});
    QVERIFY(id > 0);
    const QJsonObject before = m_cli->run({u"show"_s, QString::number(id), u"--json"_s}).json().object();

    const CliRun edited =
        m_cli->run({u"edit"_s, u"Mutable"_s, u"--set"_s, u"format=gguf"_s, u"--set"_s, u"license="_s, u"--json"_s});
    QCOMPARE(edited.exitCode, 0);
    QCOMPARE(edited.json()[u"action"_s].toString(), u"updated"_s);
    QCOMPARE(edited.json()[u"id"_s].toInteger(), id);

    const QJsonObject after = m_cli->run({u"show"_s, QString::number(id), u"--json"_s}).json().object();
    QCOMPARE(after.value(u"attributes"_s)[u"format"_s].toString(), u"gguf"_s);
    QCOMPARE(after.value(u"license"_s).toString(), QString());
    QCOMPARE(after.value(u"name"_s), before.value(u"name"_s));
    QCOMPARE(after.value(u"notes"_s), before.value(u"notes"_s));
    QCOMPARE(after.value(u"created_at"_s), before.value(u"created_at"_s));
    const QDateTime created = QDateTime::fromString(after.value(u"created_at"_s).toString(), Qt::ISODate);
    const QDateTime updated = QDateTime::fromString(after.value(u"updated_at"_s).toString(), Qt::ISODate);
    QVERIFY(updated >= created);
}

void TestCli::removeDeletesTheRecordAndItsRelations()
{
    QCOMPARE(m_cli->run({u"demo"_s}).exitCode, 0);
    const QJsonArray all = m_cli->listAll();
    QJsonObject victim;
    for (const QJsonValue &value : ofKind(all, u"model"_s)) {
        const QString id = QString::number(value[u"id"_s].toInteger());
        const QJsonObject shown = m_cli->run({u"show"_s, id, u"--json"_s}).json().object();
        if (shown.value(u"relations"_s).toArray().size() >= 2) {
            victim = shown;
            break;
        }
    }
    QVERIFY2(!victim.isEmpty(), "the demo should have a model with relations");
    const qint64 id = victim.value(u"id"_s).toInteger();
    const QJsonArray relations = victim.value(u"relations"_s).toArray();

    const CliRun removed = m_cli->run({u"remove"_s, QString::number(id), u"--json"_s});
    QCOMPARE(removed.exitCode, 0);
    QCOMPARE(removed.json()[u"action"_s].toString(), u"removed"_s);
    QCOMPARE(removed.json()[u"relations"_s].toInt(), relations.size());

    const QJsonArray remaining = m_cli->listAll();
    QCOMPARE(remaining.size(), all.size() - 1);
    QVERIFY(findById(remaining, id).isEmpty());
    const CliRun gone = m_cli->run({u"show"_s, QString::number(id)});
    QCOMPARE(gone.exitCode, 1);
    QCOMPARE(gone.errorLines().size(), 1);
    for (const QJsonValue &relation : relations) {
        const QString other = QString::number(relation[u"other"_s][u"id"_s].toInteger());
        const QJsonObject neighbour = m_cli->run({u"show"_s, other, u"--json"_s}).json().object();
        QVERIFY(!neighbour.isEmpty());
        for (const QJsonValue &left : neighbour.value(u"relations"_s).toArray())
            QVERIFY(left[u"other"_s][u"id"_s].toInteger() != id);
    }
}

void TestCli::namesWorkAsIds()
{
    QCOMPARE(m_cli->run({u"init"_s}).exitCode, 0);
    const qint64 first = m_cli->add({u"model"_s, u"--name"_s, u"Llama"_s, u"--version"_s, u"1"_s});
    const qint64 second = m_cli->add({u"model"_s, u"--name"_s, u"Llama"_s, u"--version"_s, u"2"_s});
    const qint64 unique = m_cli->add({u"dataset"_s, u"--name"_s, u"Only One"_s});
    QVERIFY(first > 0 && second > 0 && unique > 0);

    QCOMPARE(m_cli->run({u"show"_s, u"Only One"_s, u"--json"_s}).json()[u"id"_s].toInteger(), unique);
    QCOMPARE(m_cli->run({u"show"_s, u"Llama@2"_s, u"--json"_s}).json()[u"id"_s].toInteger(), second);
    const CliRun ambiguous = m_cli->run({u"show"_s, u"Llama"_s});
    QCOMPARE(ambiguous.exitCode, 1);
    QCOMPARE(ambiguous.errorLines().size(), 1);
    QVERIFY2(ambiguous.error().contains(QString::number(first)) && ambiguous.error().contains(QString::number(second)),
             ambiguous.err.constData());
}

void TestCli::humanListIsAligned()
{
    QCOMPARE(m_cli->run({u"demo"_s}).exitCode, 0);
    const QJsonArray rows = m_cli->listAll();
    const CliRun text = m_cli->run({u"list"_s});
    QCOMPARE(text.exitCode, 0);
    const QStringList lines = QString::fromUtf8(text.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), rows.size() + 1);

    const QString header = lines.constFirst();
    QVERIFY(header.startsWith(u"ID"_s));
    // Every cell starts where its column's header starts; an empty cell leaves blanks there.
    const auto cellStartsWith = [](const QString &line, qsizetype column, const QString &value) {
        const QString rest = line.mid(column);
        return value.isEmpty() ? rest.isEmpty() || rest.startsWith(u' ') : rest.startsWith(value);
    };
    for (const QString &key : {u"NAME"_s, u"VERSION"_s, u"SUPPLIER"_s}) {
        const qsizetype column = header.indexOf(key);
        QVERIFY2(column > 0, qPrintable(header));
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const QJsonObject row = rows.at(i).toObject();
            const QString line = lines.at(i + 1);
            QVERIFY2(line.startsWith(QString::number(row.value(u"id"_s).toInteger())), qPrintable(line));
            QVERIFY2(cellStartsWith(line, column, row.value(key.toLower()).toString()),
                     qPrintable(u"%1 of \"%2\""_s.arg(key, line)));
        }
    }
}

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
