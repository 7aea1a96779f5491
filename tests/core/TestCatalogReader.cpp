// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CatalogSamples.h"
#include "checklist/CatalogJson.h"
#include "checklist/CatalogReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::samples;

namespace {

QByteArray nested(int levels)
{
    QByteArray inner = "1";
    for (int i = 0; i < levels; ++i)
        inner = "{\"x-a\": " + inner + "}";
    return inner;
}

/// The small catalog written as YAML by hand, so that line numbers are known: items[0].stage is on line 14.
const QByteArray kYamlCatalog = R"(format: strata-catalog
format_version: 1
id: acme-yaml
version: "1.10"
languages: [en]
title: Acme, written in YAML
frameworks:
  - id: slsa
    name: SLSA
    version: "1.0"
items:
  - id: Y-1
    kinds: [model]
    stage: STAGE
    title: Provenance exists
    requirement: The build emits provenance.
    mandatory: false
    mappings:
      slsa: [Build L1]
)";

} // namespace

/// Catalog files come from outside: every malformed, oversized or misleading file is refused with a message that
/// names the field, and a well-formed one reads exactly as written.
class TestCatalogReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void smallCatalogReads();
    void yamlCatalogReads();
    void hostileFilesAreRefused_data();
    void hostileFilesAreRefused();
    void yamlErrorsNameTheLine();
    void tooManyItemsAreRefused();
    void oversizedFileIsRefusedBeforeReading();
    void missingFileIsReported();
};

void TestCatalogReader::smallCatalogReads()
{
    // Keys starting with _ or x- are comments and extensions, wherever they appear.
    const Result<Catalog> catalog = CatalogReader::read(
        changed([](QJsonObject &c) {
            c.insert(u"_comment"_s, u"reviewed in March"_s);
            c.insert(u"title"_s,
                     QJsonObject{{u"en"_s, u"Acme intake"_s}, {u"zh_CN"_s, u"Acme 准入"_s}, {u"x-note"_s, 1}});
        }),
        u"small.json"_s);
    QVERIFY2(catalog.ok(), catalog.ok() ? "" : qPrintable(catalog.error().message));
    const Catalog &c = catalog.value();
    QCOMPARE(c.key, u"acme-intake"_s);
    QCOMPARE(c.items.size(), 3);
    QCOMPARE(c.items.at(1).kinds, (QList<RecordKind>{RecordKind::Model, RecordKind::Dataset})); // canonical order
    QCOMPARE(c.items.at(1).stage, LifecycleStage::Data);
    QVERIFY(c.items.at(0).mandatory); // the default
    QCOMPARE(c.items.at(2).title.text(QLocale(u"zh_CN"_s)), u"ACME-3 的标题"_s);
    QCOMPARE(c.items.at(2).title.text(QLocale(u"de_DE"_s)), u"Title of ACME-3"_s); // falls back to English
}

void TestCatalogReader::yamlCatalogReads()
{
    QByteArray yaml = kYamlCatalog;
    yaml.replace("STAGE", "development");
    const Result<Catalog> catalog = CatalogReader::read(yaml, u"acme.yaml"_s);
    QVERIFY2(catalog.ok(), catalog.ok() ? "" : qPrintable(catalog.error().message));
    QCOMPARE(catalog.value().version, u"1.10"_s); // quoted: text, not the number 1.1
    QCOMPARE(catalog.value().items.constFirst().mandatory, false);
    QCOMPARE(catalog.value().items.constFirst().mappings.value(u"slsa"_s), QStringList{u"Build L1"_s});
    // A plain string stands for the catalog's first language.
    QCOMPARE(catalog.value().title.texts, (QMap<QString, QString>{{u"en"_s, u"Acme, written in YAML"_s}}));
}

void TestCatalogReader::hostileFilesAreRefused_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QStringList>("expected"); // fragments the message must contain

    const auto item = [](int index, const std::function<void(QJsonObject &)> &change) {
        return changed([&](QJsonObject &c) { changeItem(c, index, change); });
    };
    const QString json = u"c.json"_s;

    QTest::newRow("duplicate id, other case") << item(1, [](QJsonObject &i) { i.insert(u"id"_s, u"acme-1"_s); }) << json
                                              << QStringList{u"items[1].id"_s, u"already used by items[0]"_s};
    QTest::newRow("missing stage") << item(0, [](QJsonObject &i) { i.remove(u"stage"_s); }) << json
                                   << QStringList{u"items[0].stage (item ACME-1)"_s, u"required"_s};
    QTest::newRow("missing requirement") << item(2, [](QJsonObject &i) { i.remove(u"requirement"_s); }) << json
                                         << QStringList{u"items[2].requirement"_s, u"required"_s};
    QTest::newRow("missing id") << item(1, [](QJsonObject &i) { i.remove(u"id"_s); }) << json
                                << QStringList{u"items[1].id"_s, u"required"_s};
    QTest::newRow("missing items") << changed([](QJsonObject &c) { c.remove(u"items"_s); }) << json
                                   << QStringList{u"items"_s, u"required"_s};
    QTest::newRow("no items") << changed([](QJsonObject &c) { c.insert(u"items"_s, QJsonArray()); }) << json
                              << QStringList{u"no items"_s};
    QTest::newRow("missing version") << changed([](QJsonObject &c) { c.remove(u"version"_s); }) << json
                                     << QStringList{u"version"_s, u"required"_s};
    QTest::newRow("empty kinds") << item(0, [](QJsonObject &i) { i.insert(u"kinds"_s, QJsonArray()); }) << json
                                 << QStringList{u"items[0].kinds"_s, u"empty"_s};
    QTest::newRow("unknown stage") << item(0, [](QJsonObject &i) {
        i.insert(u"stage"_s, u"building"_s);
    }) << json << QStringList{u"items[0].stage"_s, u"\"building\" is not a lifecycle stage"_s, u"retirement"_s};
    QTest::newRow("unknown kind") << item(0, [](QJsonObject &i) { i.insert(u"kinds"_s, QJsonArray{u"hardware"_s}); })
                                  << json << QStringList{u"items[0].kinds[0]"_s, u"\"hardware\""_s, u"supplier"_s};
    QTest::newRow("unknown property") << item(0, [](QJsonObject &i) {
        i.insert(u"properties"_s, QJsonArray{u"safety"_s});
    }) << json << QStringList{u"items[0].properties[0]"_s, u"\"safety\""_s, u"controllability"_s};
    QTest::newRow("unknown layer") << item(0, [](QJsonObject &i) { i.insert(u"layers"_s, QJsonArray{u"hardware"_s}); })
                                   << json << QStringList{u"items[0].layers[0]"_s, u"platform"_s};
    QTest::newRow("unknown theme") << item(0, [](QJsonObject &i) {
        i.insert(u"wdta_themes"_s, QJsonArray{u"quantum"_s});
    }) << json << QStringList{u"items[0].wdta_themes[0]"_s, u"ml-bom"_s};
    QTest::newRow("kind listed twice") << item(0, [](QJsonObject &i) {
        i.insert(u"kinds"_s, QJsonArray{u"model"_s, u"model"_s});
    }) << json << QStringList{u"items[0].kinds[1]"_s, u"twice"_s};
    QTest::newRow("undeclared framework") << item(0, [](QJsonObject &i) {
        i.insert(u"mappings"_s, QJsonObject{{u"iso-42001"_s, QJsonArray{u"A.6.2"_s}}});
    }) << json << QStringList{u"items[0].mappings.iso-42001"_s, u"not declared"_s, u"owasp-llm"_s};
    QTest::newRow("malformed ATLAS id") << item(0, [](QJsonObject &i) {
        i.insert(u"mappings"_s, QJsonObject{{u"mitre-atlas"_s, QJsonArray{u"AML.T10"_s}}});
    }) << json << QStringList{u"items[0].mappings.mitre-atlas[0]"_s, u"\"AML.T10\""_s, u"AML.M0014"_s};
    QTest::newRow("OWASP edition other than declared") << item(0, [](QJsonObject &i) {
        i.insert(u"mappings"_s, QJsonObject{{u"owasp-llm"_s, QJsonArray{u"LLM04:2026"_s}}});
    }) << json << QStringList{u"items[0].mappings.owasp-llm[0]"_s, u"2026 edition"_s, u"version 2025"_s};
    QTest::newRow("empty mapping list") << item(0, [](QJsonObject &i) {
        i.insert(u"mappings"_s, QJsonObject{{u"owasp-llm"_s, QJsonArray()}});
    }) << json << QStringList{u"items[0].mappings.owasp-llm"_s, u"empty"_s};
    QTest::newRow("Chinese text missing") << item(2, [](QJsonObject &i) {
        i.insert(u"title"_s, QJsonObject{{u"en"_s, u"Only English"_s}});
    }) << json << QStringList{u"items[2].title"_s, u"zh_CN"_s, u"missing"_s};
    QTest::newRow("bad language code") << item(0, [](QJsonObject &i) {
        i.insert(u"guidance"_s, QJsonObject{{u"en"_s, u"a"_s}, {u"zh_CN"_s, u"b"_s}, {u"Klingon"_s, u"c"_s}});
    }) << json << QStringList{u"items[0].guidance.Klingon"_s, u"language code"_s};
    QTest::newRow("misspelt field") << item(0, [](QJsonObject &i) { i.insert(u"requirment"_s, u"x"_s); }) << json
                                    << QStringList{u"items[0].requirment"_s, u"unknown field"_s};
    QTest::newRow("mandatory as text") << item(0, [](QJsonObject &i) { i.insert(u"mandatory"_s, u"yes"_s); }) << json
                                       << QStringList{u"items[0].mandatory"_s, u"true or false"_s};
    QTest::newRow("requirement too long") << item(0, [](QJsonObject &i) {
        const QString big(20001, u'x');
        i.insert(u"requirement"_s, QJsonObject{{u"en"_s, big}, {u"zh_CN"_s, u"长"_s}});
    }) << json << QStringList{u"items[0].requirement.en"_s, u"20001"_s, u"20000"_s};
    QTest::newRow("item id with a space") << item(0, [](QJsonObject &i) { i.insert(u"id"_s, u"ACME 1"_s); }) << json
                                          << QStringList{u"items[0].id"_s, u"not an item id"_s};
    QTest::newRow("bad catalog id") << changed([](QJsonObject &c) { c.insert(u"id"_s, u"../etc"_s); }) << json
                                    << QStringList{u"id:"_s, u"not a catalog id"_s};
    QTest::newRow("framework without version") << changed([](QJsonObject &c) {
        c.insert(u"frameworks"_s, QJsonArray{QJsonObject{{u"id"_s, u"slsa"_s}, {u"name"_s, u"SLSA"_s}}});
    }) << json << QStringList{u"frameworks[0].version"_s, u"required"_s};
    QTest::newRow("newer format") << changed([](QJsonObject &c) { c.insert(u"format_version"_s, 2); }) << json
                                  << QStringList{u"format_version"_s, u"update Strata"_s};
    QTest::newRow("other format") << changed([](QJsonObject &c) { c.insert(u"format"_s, u"cyclonedx"_s); }) << json
                                  << QStringList{u"format"_s, u"\"cyclonedx\""_s};
    QTest::newRow("not a catalog") << QByteArray(R"({"bomFormat": "CycloneDX"})") << json
                                   << QStringList{u"not a catalog"_s};
    QTest::newRow("malformed JSON") << QByteArray("{\n\"format\": \"strata-catalog\",\n") << json
                                    << QStringList{u"c.json, line"_s, u"malformed"_s};
    QTest::newRow("empty file") << QByteArray(" \n ") << json << QStringList{u"empty"_s};
    QTest::newRow("JSON nested too deep")
        << changed([](QJsonObject &c) { c.insert(u"x-deep"_s, QJsonDocument::fromJson(nested(20)).object()); }) << json
        << QStringList{u"deeper than 16"_s};
    QTest::newRow("JSON nested beyond Qt's own limit")
        << QByteArray(200000, '[') << json << QStringList{u"deeper than 16"_s, u"line 1"_s};
    QTest::newRow("YAML nested too deep")
        << QByteArray("format: strata-catalog\n" + QByteArray("x: ").repeated(1) + QByteArray("[").repeated(40) +
                      QByteArray("]").repeated(40) + "\n")
        << u"c.yaml"_s << QStringList{u"c.yaml, line 2"_s, u"deeper than 16"_s};
    QTest::newRow("YAML alias bomb") << QByteArray("a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                                                   "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                                                   "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                                                   "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                                                   "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                                                   "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n")
                                     << u"bomb.yaml"_s << QStringList{u"bomb.yaml, line 6"_s, u"aliases"_s};
    QTest::newRow("YAML duplicate key") << QByteArray("format: strata-catalog\nid: a\nid: b\n") << u"c.yaml"_s
                                        << QStringList{u"line 3"_s, u"\"id\" appears twice"_s};
    QTest::newRow("YAML list document") << QByteArray("- format\n- items\n") << u"c.yaml"_s
                                        << QStringList{u"is a list"_s};
    QTest::newRow("YAML malformed") << QByteArray("format: [strata-catalog\nid: x\n") << u"c.yaml"_s
                                    << QStringList{u"c.yaml, line"_s, u"malformed"_s};
    QTest::newRow("YAML undefined alias")
        << QByteArray("format: *nowhere\n") << u"c.yaml"_s << QStringList{u"c.yaml"_s};
}

void TestCatalogReader::hostileFilesAreRefused()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, fileName);
    QFETCH(QStringList, expected);
    const Result<Catalog> catalog = CatalogReader::read(document, fileName);
    QVERIFY(!catalog.ok());
    QCOMPARE(catalog.error().code, ErrorCode::InvalidInput);
    const QString message = catalog.error().message;
    QVERIFY2(message.startsWith(fileName), qPrintable(message));
    for (const QString &fragment : expected)
        QVERIFY2(message.contains(fragment), qPrintable(u"\"%1\" not in: %2"_s.arg(fragment, message)));
}

void TestCatalogReader::yamlErrorsNameTheLine()
{
    QByteArray yaml = kYamlCatalog;
    yaml.replace("STAGE", "shipping");
    const Result<Catalog> catalog = CatalogReader::read(yaml, u"acme.yaml"_s);
    QVERIFY(!catalog.ok());
    QVERIFY2(catalog.error().message.startsWith(u"acme.yaml, line 14: items[0].stage (item Y-1): \"shipping\""_s),
             qPrintable(catalog.error().message));
}

void TestCatalogReader::tooManyItemsAreRefused()
{
    const QByteArray document = changed([](QJsonObject &c) {
        const QJsonObject first = c.value(u"items"_s).toArray().at(0).toObject();
        QJsonArray items;
        for (int i = 0; i < CatalogLimits{}.maxItems + 1; ++i) {
            QJsonObject item = first;
            item.insert(u"id"_s, u"I-%1"_s.arg(i));
            items.append(item);
        }
        c.insert(u"items"_s, items);
    });
    QVERIFY(document.size() < CatalogLimits{}.maxFileBytes); // refused for the count, not the size
    const Result<Catalog> catalog = CatalogReader::read(document, u"many.json"_s);
    QVERIFY(!catalog.ok());
    QVERIFY2(catalog.error().message.contains(u"at most %1"_s.arg(CatalogLimits{}.maxItems)),
             qPrintable(catalog.error().message));
}

void TestCatalogReader::oversizedFileIsRefusedBeforeReading()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"huge.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(CatalogLimits{}.maxFileBytes + 1)); // sparse: the reader must refuse it by its size
    file.close();
    const Result<Catalog> catalog = CatalogReader::readFile(path);
    QVERIFY(!catalog.ok());
    QVERIFY2(catalog.error().message.contains(u"at most 16 MiB"_s), qPrintable(catalog.error().message));
    // The same bytes handed over directly are refused as well.
    const Result<Catalog> direct = CatalogReader::read(QByteArray(CatalogLimits{}.maxFileBytes + 1, ' '), u"x"_s);
    QVERIFY(!direct.ok());
}

void TestCatalogReader::missingFileIsReported()
{
    const Result<Catalog> catalog = CatalogReader::readFile(u"/nonexistent/catalog.json"_s);
    QVERIFY(!catalog.ok());
    QCOMPARE(catalog.error().code, ErrorCode::NotFound);
    QVERIFY(catalog.error().message.contains(u"catalog.json"_s));
}

QTEST_GUILESS_MAIN(TestCatalogReader)
#include "TestCatalogReader.moc"
