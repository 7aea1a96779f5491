// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "domain/Fields.h"
#include "interop/CycloneDxReader.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

QString dataPath(const QString &name)
{
    return QStringLiteral(STRATA_SOURCE_DIR) + u"/tests/data/cyclonedx/"_s + name;
}

QByteArray fixture(const QString &name)
{
    QFile file(dataPath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test fixture %s", qPrintable(name));
    return file.readAll();
}

Result<ImportDocument> readFixture(const QString &name, const ImportLimits &limits = {})
{
    return CycloneDxReader::read(fixture(name), name, limits);
}

const ImportedRecord *find(const ImportDocument &doc, RecordKind kind, const QString &name)
{
    const auto it = std::find_if(doc.records.cbegin(), doc.records.cend(), [&](const ImportedRecord &r) {
        return r.record.kind == kind && r.record.name == name;
    });
    return it == doc.records.cend() ? nullptr : &*it;
}

int countKind(const ImportDocument &doc, RecordKind kind)
{
    return static_cast<int>(std::count_if(doc.records.cbegin(), doc.records.cend(),
                                          [kind](const ImportedRecord &r) { return r.record.kind == kind; }));
}

QString nameOf(const ImportDocument &doc, const QString &ref)
{
    for (const ImportedRecord &r : doc.records) {
        if (r.ref == ref)
            return r.record.name;
    }
    return {};
}

/// "from TYPE to [subtype]" lines by record name, to compare relations in one readable list.
QStringList relationLines(const ImportDocument &doc)
{
    QStringList lines;
    for (const ImportedRelation &r : doc.relations) {
        QString line = u"%1 %2 %3"_s.arg(nameOf(doc, r.fromRef), relationTypeKey(r.type), nameOf(doc, r.toRef));
        if (!r.subtype.isEmpty())
            line += u" [%1]"_s.arg(r.subtype);
        lines << line;
    }
    lines.sort();
    return lines;
}

QByteArray toJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject library(const QString &ref, const QString &name)
{
    return QJsonObject{{u"bom-ref"_s, ref}, {u"type"_s, u"library"_s}, {u"name"_s, name}};
}

QJsonObject bom(const QJsonArray &components)
{
    return QJsonObject{{u"bomFormat"_s, u"CycloneDX"_s},
                       {u"specVersion"_s, u"1.6"_s},
                       {u"version"_s, 1},
                       {u"components"_s, components}};
}

} // namespace

class TestCycloneDxReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAnMlBomWithModelCardAndDatasets();
    void keepsStructuresWithoutAFieldInExtras();
    void nestedComponentsAreFlattenedUnderTheirParent();
    void filesUnderAModelBecomeItsArtifacts();
    void aiBomDatasetUsageSplitsTrainingFromEvaluation();
    void dependencyCyclesAreReportedNotFollowed();
    void licensesBecomeOneExpression_data();
    void licensesBecomeOneExpression();
    void readsEverySupportedSpecVersion_data();
    void readsEverySupportedSpecVersion();
    void rejectsInvalidDocuments_data();
    void rejectsInvalidDocuments();
    void rejectsNestingDeeperThanTheCap();
    void rejectsMoreComponentsThanTheCap();
    void rejectsStringsLongerThanTheCap();
    void rejectsMalformedJson();
    void rejectsRepeatedKeys();
    void rejectsValuesARecordCannotHold();
    void keepsValuesAFieldRefusesAsExtras();
    void strataPropertiesMustNameElementsOfTheBom();
    void cancelStopsTheRead();
    void reportsProgress();
    void importsIntoAWorkspaceAndReimportChangesNothing();
};

void TestCycloneDxReader::readsAnMlBomWithModelCardAndDatasets()
{
    auto doc = readFixture(u"ml-bom.json"_s);
    QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().message));
    const ImportDocument &d = doc.value();
    QCOMPARE(d.format, u"cyclonedx"_s);
    QCOMPARE(d.specVersion, u"1.6"_s);
    QCOMPARE(countKind(d, RecordKind::Model), 2);
    QCOMPARE(countKind(d, RecordKind::Dataset), 2);
    QCOMPARE(countKind(d, RecordKind::Software), 2);
    QCOMPARE(countKind(d, RecordKind::Service), 1);
    // "Acme AI" as supplier, publisher, manufacturer ("ACME AI") and provider: one record.
    QCOMPARE(countKind(d, RecordKind::Supplier), 1);

    const ImportedRecord *chat = find(d, RecordKind::Model, u"acme-chat"_s);
    QVERIFY(chat);
    QCOMPARE(chat->ref, u"model-chat"_s);
    QCOMPARE(chat->record.version, u"1.0"_s);
    QCOMPARE(chat->record.license, u"Apache-2.0"_s);
    QCOMPARE(chat->record.purl, u"pkg:huggingface/acme/acme-chat@1.0"_s);
    QCOMPARE(chat->record.sourceUrl, u"https://huggingface.co/acme/acme-chat"_s); // the model card, not the docs
    QCOMPARE(fields::fieldText(chat->record, u"architecture"_s), u"LlamaForCausalLM"_s);
    QCOMPARE(fields::fieldText(chat->record, u"limitations"_s), u"English only\nNo legal advice"_s);
    QCOMPARE(fields::fieldText(chat->record, u"intended_use"_s), u"Customer support"_s);
    QVERIFY(chat->record.tags.contains(u"chat"_s));
    for (const QString &key : {u"name"_s, u"version"_s, u"license"_s, u"purl"_s, u"architecture"_s})
        QVERIFY2(chat->statedFields.contains(key), qPrintable(key));
    QVERIFY(!chat->statedFields.contains(u"parameter_count"_s));
    QCOMPARE(chat->location, u"components[0]"_s);

    const ImportedRecord *supplier = find(d, RecordKind::Supplier, u"Acme AI"_s);
    QVERIFY(supplier);
    QCOMPARE(fields::fieldText(supplier->record, u"website"_s), u"https://acme.example"_s);
    const ImportedRecord *tickets = find(d, RecordKind::Dataset, u"support-tickets"_s);
    QVERIFY(tickets);
    QCOMPARE(fields::fieldText(tickets->record, u"personal_data"_s), u"yes"_s);
    const ImportedRecord *faq = find(d, RecordKind::Dataset, u"Public FAQ"_s);
    QVERIFY(faq);
    QCOMPARE(faq->record.sourceUrl, u"https://acme.example/faq"_s);
    QCOMPARE(fields::fieldText(find(d, RecordKind::Software, u"torch"_s)->record, u"software_type"_s), u"framework"_s);
    QCOMPARE(fields::fieldText(find(d, RecordKind::Software, u"transformers"_s)->record, u"ecosystem"_s), u"pypi"_s);

    const QStringList expected = {
        u"acme-base provided_by Acme AI"_s,
        u"acme-chat depends_on acme-inference-api"_s,
        u"acme-chat depends_on torch"_s,
        u"acme-chat depends_on transformers"_s,
        u"acme-chat derived_from acme-base [finetune]"_s,
        u"acme-chat provided_by Acme AI"_s,
        u"acme-chat trained_on Public FAQ"_s,
        u"acme-chat trained_on support-tickets"_s,
        u"acme-inference-api provided_by Acme AI"_s,
        u"support-tickets provided_by Acme AI"_s,
        u"transformers depends_on torch"_s,
    };
    QCOMPARE(relationLines(d), expected);
    QVERIFY(d.warnings.isEmpty());
}

void TestCycloneDxReader::keepsStructuresWithoutAFieldInExtras()
{
    const ImportDocument d = readFixture(u"ml-bom.json"_s).value();
    const ImportedRecord *chat = find(d, RecordKind::Model, u"acme-chat"_s);
    QVERIFY(chat);
    const QJsonObject card = chat->extras.value(u"cyclonedx.modelCard"_s).toObject();
    QCOMPARE(card.value(u"modelParameters"_s).toObject().value(u"task"_s).toString(), u"text-generation"_s);
    QCOMPARE(chat->extras.value(u"cyclonedx.externalReferences"_s).toArray().size(), 2);
    QCOMPARE(chat->extras.value(u"cyclonedx.properties"_s).toArray().at(0).toObject().value(u"value"_s).toString(),
             u"gold"_s);
    QCOMPARE(chat->extras.value(u"cyclonedx.group"_s).toString(), u"acme"_s);
    QCOMPARE(chat->extras.value(u"cyclonedx.pedigree"_s).toObject().value(u"notes"_s).toString(),
             u"Fine-tuned on support tickets."_s);
    const ImportedRecord *tickets = find(d, RecordKind::Dataset, u"support-tickets"_s);
    QCOMPARE(tickets->extras.value(u"cyclonedx.data"_s).toArray().at(0).toObject().value(u"classification"_s),
             u"confidential"_s);
    const ImportedRecord *torch = find(d, RecordKind::Software, u"torch"_s);
    QCOMPARE(torch->record.license, u"LicenseRef-BSD-style-3-clause"_s);
    QCOMPARE(torch->extras.value(u"cyclonedx.licenses"_s).toArray().size(), 1); // the name, kept as written
    QVERIFY(torch->artifacts.isEmpty()); // software keeps its hashes as they are: files belong to models and data
    QCOMPARE(torch->extras.value(u"cyclonedx.hashes"_s).toArray().size(), 1);
    const ImportedRecord *transformers = find(d, RecordKind::Software, u"transformers"_s);
    QVERIFY(transformers->extras.value(u"cyclonedx.other"_s).toObject().contains(u"cpe"_s));
    const ImportedRecord *api = find(d, RecordKind::Service, u"acme-inference-api"_s);
    QCOMPARE(api->extras.value(u"cyclonedx.service"_s).toObject().value(u"authenticated"_s).toBool(), true);
    QCOMPARE(fields::fieldText(api->record, u"provider"_s), u"Acme AI"_s);
}

void TestCycloneDxReader::nestedComponentsAreFlattenedUnderTheirParent()
{
    auto doc = readFixture(u"nested.json"_s);
    QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().message));
    const ImportDocument &d = doc.value();
    QCOMPARE(countKind(d, RecordKind::Software), 5); // the app, platform, runtime, tokenizers and a loose file
    QCOMPARE(countKind(d, RecordKind::Supplier), 2);
    const QStringList expected = {
        u"inference-runtime depends_on tokenizers"_s,         u"inference-runtime provided_by Runtime Team"_s,
        u"northwind-assistant depends_on serving-platform"_s, u"northwind-assistant provided_by Northwind"_s,
        u"serving-platform depends_on inference-runtime"_s,
    };
    QCOMPARE(relationLines(d), expected);
    const ImportedRecord *tokenizers = find(d, RecordKind::Software, u"tokenizers"_s);
    QCOMPARE(tokenizers->location, u"components[0].components[0].components[0]"_s);
    const ImportedRecord *runtime = find(d, RecordKind::Software, u"inference-runtime"_s);
    QCOMPARE(fields::fieldText(runtime->record, u"software_type"_s), u"tool"_s);
    QCOMPARE(runtime->extras.value(u"cyclonedx.type"_s).toString(), u"container"_s);
    // A component without a bom-ref still gets a ref of its own, made from the document and where it is in it.
    const ImportedRecord *loose = find(d, RecordKind::Software, u"deploy.yaml"_s);
    QVERIFY2(loose->ref.startsWith(u"auto:"_s) && loose->ref.endsWith(u":components[1]"_s), qPrintable(loose->ref));
    const ImportDocument again = readFixture(u"nested.json"_s).value();
    QCOMPARE(find(again, RecordKind::Software, u"deploy.yaml"_s)->ref, loose->ref); // the same on every read
}

void TestCycloneDxReader::filesUnderAModelBecomeItsArtifacts()
{
    const ImportDocument d = readFixture(u"ml-bom.json"_s).value();
    const ImportedRecord *chat = find(d, RecordKind::Model, u"acme-chat"_s);
    QCOMPARE(chat->artifacts.size(), 2);
    QCOMPARE(chat->artifacts.at(0).fileName, u"acme-chat@1.0"_s); // the component's own hash
    QCOMPARE(chat->artifacts.at(1).fileName, u"model.safetensors"_s);
    QCOMPARE(chat->artifacts.at(1).algorithm, u"sha256"_s); // preferred over the MD5 beside it
    QCOMPARE(chat->artifacts.at(1).digest, u"9a129038d9a00aed0cf6a7ea059ca50a813449061ab87848cf1a13eafdf33b2c"_s);
    const QJsonArray unhashed = chat->extras.value(u"cyclonedx.files"_s).toArray();
    QCOMPARE(unhashed.size(), 1);
    QCOMPARE(unhashed.at(0).toObject().value(u"name"_s).toString(), u"config.json"_s);
    QVERIFY(!find(d, RecordKind::Software, u"model.safetensors"_s)); // a file of the model, not software

    const ImportDocument ai = readFixture(u"ai-bom.json"_s).value();
    const ImportedRecord *tiny = find(ai, RecordKind::Model, u"org/tiny-chat"_s);
    QCOMPARE(tiny->artifacts.size(), 1);
    QCOMPARE(tiny->artifacts.at(0).algorithm, u"sha512"_s);
    QCOMPARE(tiny->extras.value(u"cyclonedx.files"_s).toArray().size(), 1);
}

void TestCycloneDxReader::aiBomDatasetUsageSplitsTrainingFromEvaluation()
{
    auto doc = readFixture(u"ai-bom.json"_s);
    QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().message));
    const ImportDocument &d = doc.value();
    QCOMPARE(countKind(d, RecordKind::Dataset), 5);  // MMLU twice: the workspace merges them
    QCOMPARE(countKind(d, RecordKind::Supplier), 1); // "org" and the ancestor's author "ORG"
    const QStringList expected = {
        u"org/tiny-chat depends_on transformers"_s,
        u"org/tiny-chat derived_from tiny-base [quantized]"_s,
        u"org/tiny-chat evaluated_on MMLU"_s,
        u"org/tiny-chat evaluated_on MMLU"_s,
        u"org/tiny-chat evaluated_on WikiText2"_s,
        u"org/tiny-chat provided_by org"_s,
        u"org/tiny-chat trained_on Alpaca"_s,
        u"org/tiny-chat trained_on Notes"_s,     // no usage stated: what the model was built with
        u"org/tiny-chat trained_on WikiText2"_s, // calibration data shapes the weights
        u"tiny-base provided_by org"_s,
    };
    QCOMPARE(relationLines(d), expected);
    // Each nested dataset has its own ref even without a bom-ref.
    QStringList refs;
    for (const ImportedRecord &r : d.records)
        refs << r.ref;
    QCOMPARE(QSet<QString>(refs.cbegin(), refs.cend()).size(), refs.size());
    const ImportedRecord *tiny = find(d, RecordKind::Model, u"org/tiny-chat"_s);
    QCOMPARE(tiny->record.license, u"LicenseRef-Tiny-Community-License"_s);
    QCOMPARE(fields::fieldText(tiny->record, u"intended_use"_s), u"Chat in English."_s);
    QCOMPARE(fields::fieldText(tiny->record, u"out_of_scope_use"_s), u"Medical advice."_s);
    QCOMPARE(fields::fieldText(tiny->record, u"architecture"_s), u"llama"_s);
}

void TestCycloneDxReader::dependencyCyclesAreReportedNotFollowed()
{
    auto doc = readFixture(u"cycle.json"_s);
    QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().message));
    QCOMPARE(doc.value().relations.size(), 4); // every edge is kept, the cycle included
    const QStringList &warnings = doc.value().warnings;
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().contains(u"a -> b -> c -> a"_s), qPrintable(warnings.first()));
    QVERIFY(warnings.first().contains(u"cycle.json"_s));
}

void TestCycloneDxReader::licensesBecomeOneExpression_data()
{
    QTest::addColumn<QByteArray>("licenses");
    QTest::addColumn<QString>("expected");
    QTest::newRow("id") << R"([{"license": {"id": "MIT"}}])"_ba << u"MIT"_s;
    QTest::newRow("name") << R"([{"license": {"name": "Llama 3.2 Community License"}}])"_ba
                          << u"LicenseRef-Llama-3.2-Community-License"_s;
    QTest::newRow("several") << R"([{"license": {"id": "MIT"}}, {"license": {"id": "Apache-2.0"}}])"_ba
                             << u"MIT AND Apache-2.0"_s;
    QTest::newRow("expression") << R"([{"expression": "MIT OR Apache-2.0"}])"_ba << u"MIT OR Apache-2.0"_s;
    QTest::newRow("expression and id")
        << R"([{"expression": "MIT OR GPL-2.0-only"}, {"license": {"id": "BSD-3-Clause"}}])"_ba
        << u"(MIT OR GPL-2.0-only) AND BSD-3-Clause"_s;
    QTest::newRow("invalid expression") << R"([{"expression": "see LICENSE file"}])"_ba
                                        << u"LicenseRef-see-LICENSE-file"_s;
}

void TestCycloneDxReader::licensesBecomeOneExpression()
{
    QFETCH(QByteArray, licenses);
    QFETCH(QString, expected);
    QJsonObject component = library(u"a"_s, u"liba"_s);
    component.insert(u"licenses"_s, QJsonDocument::fromJson(licenses).array());
    auto doc = CycloneDxReader::read(toJson(bom({component})), u"licenses.json"_s);
    QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().message));
    QCOMPARE(doc.value().records.at(0).record.license, expected);
}

void TestCycloneDxReader::readsEverySupportedSpecVersion_data()
{
    QTest::addColumn<QString>("version");
    for (const QString &v : {u"1.4"_s, u"1.5"_s, u"1.6"_s, u"1.7"_s})
        QTest::newRow(qPrintable(v)) << v;
}

void TestCycloneDxReader::readsEverySupportedSpecVersion()
{
    QFETCH(QString, version);
    QJsonObject root = bom({library(u"a"_s, u"liba"_s)});
    root.insert(u"specVersion"_s, version);
    auto doc = CycloneDxReader::read(toJson(root), u"v.json"_s);
    QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().message));
    QCOMPARE(doc.value().specVersion, version);
    QCOMPARE(doc.value().records.size(), 1);
}

void TestCycloneDxReader::rejectsInvalidDocuments_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason"); ///< a word the message must contain
    QTest::newRow("wrong bomFormat") << u"wrong-bomformat.json"_s << u"bomFormat"_s << u"SPDX"_s;
    QTest::newRow("spec 1.3") << u"spec-1.3.json"_s << u"specVersion"_s << u"1.3"_s;
    QTest::newRow("spec 2.0") << u"spec-2.0.json"_s << u"specVersion"_s << u"2.0"_s;
    QTest::newRow("duplicate bom-ref") << u"duplicate-bom-ref.json"_s << u"components[1].components[0].bom-ref"_s
                                       << u"components[0].bom-ref"_s;
    QTest::newRow("dangling dependency") << u"dangling-dependency.json"_s << u"dependencies[0].dependsOn[1]"_s
                                         << u"ghost"_s;
    QTest::newRow("dangling dataset ref")
        << u"dangling-dataset-ref.json"_s << u"components[0].modelCard.modelParameters.datasets[0].ref"_s
        << u"ghost-data"_s;
    QTest::newRow("bad hash length") << u"bad-hash-length.json"_s << u"components[0].hashes[0].content"_s << u"64"_s;
    QTest::newRow("bad hash algorithm") << u"bad-hash-algorithm.json"_s
                                        << u"components[1].externalReferences[0].hashes[0].alg"_s << u"SHA-224"_s;
    QTest::newRow("bad timestamp") << u"bad-timestamp.json"_s << u"metadata.timestamp"_s << u"2026-13-01"_s;
    QTest::newRow("unknown type") << u"unknown-type.json"_s << u"components[0].type"_s << u"\"model\""_s;
    QTest::newRow("missing name") << u"missing-name.json"_s << u"components[0].components[0].name"_s << u"name"_s;
}

void TestCycloneDxReader::rejectsInvalidDocuments()
{
    QFETCH(QString, file);
    QFETCH(QString, path);
    QFETCH(QString, reason);
    auto doc = readFixture(u"invalid/"_s + file);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::InvalidInput);
    const QString message = doc.error().message;
    QVERIFY2(message.contains(u"invalid/"_s + file), qPrintable(message));
    QVERIFY2(message.contains(u"at %1:"_s.arg(path)), qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
}

void TestCycloneDxReader::rejectsNestingDeeperThanTheCap()
{
    ImportLimits limits;
    limits.maxDepth = 8;
    // Built from the inside out: component 0 holds 1 holds 2 ... 9 levels in all.
    QJsonObject inner = library(u"c9"_s, u"lib9"_s);
    for (int level = 8; level >= 1; --level) {
        QJsonObject outer = library(u"c%1"_s.arg(level), u"lib%1"_s.arg(level));
        outer.insert(u"components"_s, QJsonArray{inner});
        inner = outer;
    }
    const QByteArray data = toJson(bom({inner}));
    auto doc = CycloneDxReader::read(data, u"deep.json"_s, limits);
    QVERIFY(!doc.ok());
    QString expectedPath = u"components[0]"_s;
    for (int level = 2; level <= 9; ++level)
        expectedPath += u".components[0]"_s;
    QVERIFY2(doc.error().message.contains(u"at %1:"_s.arg(expectedPath)), qPrintable(doc.error().message));
    QVERIFY(doc.error().message.contains(u"8"_s));

    limits.maxDepth = 9; // exactly at the cap is fine
    QVERIFY(CycloneDxReader::read(data, u"deep.json"_s, limits).ok());
}

void TestCycloneDxReader::rejectsMoreComponentsThanTheCap()
{
    ImportLimits limits;
    limits.maxRecords = 5;
    QJsonArray components;
    for (int i = 0; i < 6; ++i)
        components << library(u"c%1"_s.arg(i), u"lib%1"_s.arg(i));
    auto doc = CycloneDxReader::read(toJson(bom(components)), u"many.json"_s, limits);
    QVERIFY(!doc.ok());
    QVERIFY2(doc.error().message.contains(u"at components[5]:"_s), qPrintable(doc.error().message));
    components.removeLast();
    QVERIFY(CycloneDxReader::read(toJson(bom(components)), u"many.json"_s, limits).ok());
}

void TestCycloneDxReader::rejectsStringsLongerThanTheCap()
{
    ImportLimits limits;
    limits.maxStringLength = 1000;
    QJsonObject component = library(u"a"_s, u"liba"_s);
    component.insert(u"description"_s, QString(1001, u'x'));
    auto doc = CycloneDxReader::read(toJson(bom({library(u"z"_s, u"libz"_s), component})), u"long.json"_s, limits);
    QVERIFY(!doc.ok());
    QVERIFY2(doc.error().message.contains(u"at components[1].description:"_s), qPrintable(doc.error().message));
    QVERIFY(doc.error().message.contains(u"1001"_s));
}

void TestCycloneDxReader::rejectsMalformedJson()
{
    auto doc =
        CycloneDxReader::read(R"({"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [)"_ba, u"cut.json"_s);
    QVERIFY(!doc.ok());
    QVERIFY(doc.error().message.contains(u"cut.json"_s));
    QVERIFY(doc.error().message.contains(u"JSON"_s));
}

void TestCycloneDxReader::rejectsRepeatedKeys()
{
    // Qt's parser would keep the second purl: Strata would store one identity, other tools another.
    const QByteArray data = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": [\n"
                            "{\"type\": \"library\", \"name\": \"left-pad\", \"purl\": \"pkg:npm/left-pad@1\",\n"
                            " \"purl\": \"pkg:npm/evil-pad@1\"}]}"_ba;
    auto doc = CycloneDxReader::read(data, u"twice.json"_s);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::InvalidInput);
    QVERIFY2(doc.error().message.contains(u"twice.json"_s), qPrintable(doc.error().message));
    QVERIFY2(doc.error().message.contains(u"\"purl\""_s), qPrintable(doc.error().message));
    QVERIFY2(doc.error().message.contains(u"line 3"_s), qPrintable(doc.error().message));
}

void TestCycloneDxReader::rejectsValuesARecordCannotHold()
{
    // A name is the record's identity: one the workspace cannot store refuses the document, with its path.
    QJsonObject component = library(u"a"_s, QString(201, u'n'));
    auto doc = CycloneDxReader::read(toJson(bom({library(u"z"_s, u"libz"_s), component})), u"long-name.json"_s);
    QVERIFY(!doc.ok());
    QVERIFY2(doc.error().message.contains(u"at components[1].name:"_s), qPrintable(doc.error().message));
    QVERIFY(doc.error().message.contains(u"200"_s));

    component = library(u"a"_s, u"liba"_s);
    component.insert(u"version"_s, 1.5); // a number where the schema wants a string
    doc = CycloneDxReader::read(toJson(bom({component})), u"number.json"_s);
    QVERIFY(!doc.ok());
    QVERIFY2(doc.error().message.contains(u"at components[0].version:"_s), qPrintable(doc.error().message));
}

void TestCycloneDxReader::keepsValuesAFieldRefusesAsExtras()
{
    QJsonObject component = library(u"a"_s, u"liba"_s);
    component.insert(u"purl"_s, u"maven:org.example/liba"_s);        // not a package URL
    component.insert(u"description"_s, u"Bell\u0007 in the text"_s); // a control character
    component.insert(u"tags"_s, QJsonArray{u"ok"_s, QString(60, u't')});
    component.insert(u"externalReferences"_s,
                     QJsonArray{QJsonObject{{u"type"_s, u"website"_s}, {u"url"_s, u"ftp://example.org/liba"_s}}});
    auto doc = CycloneDxReader::read(toJson(bom({component})), u"soft.json"_s);
    QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().message));
    const ImportedRecord &r = doc.value().records.at(0);
    QVERIFY(r.record.purl.isEmpty());
    QVERIFY(r.record.description.isEmpty());
    QVERIFY(r.record.sourceUrl.isEmpty()); // only http(s) addresses become the source URL
    QCOMPARE(r.record.tags, QStringList{u"ok"_s});
    const QJsonObject unmapped = r.extras.value(u"cyclonedx.unmapped"_s).toObject();
    QCOMPARE(unmapped.value(u"purl"_s).toString(), u"maven:org.example/liba"_s);
    QCOMPARE(unmapped.value(u"description"_s).toString(), u"Bell\u0007 in the text"_s);
    QCOMPARE(unmapped.value(u"tags"_s).toArray().size(), 1);
    QCOMPARE(r.extras.value(u"cyclonedx.externalReferences"_s).toArray().size(), 1);
    QVERIFY(!r.statedFields.contains(u"purl"_s));
    QCOMPARE(doc.value().warnings.size(), 3); // purl, description, tags: each says where and why
    for (const QString &w : doc.value().warnings)
        QVERIFY2(w.contains(u"soft.json, at components[0]:"_s), qPrintable(w));

    // What does go into the workspace validates there too.
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.filePath(u"w.strata"_s));
    QVERIFY(ws.ok());
    auto summary = ws.value()->applyImport(doc.value());
    QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message));
}

void TestCycloneDxReader::strataPropertiesMustNameElementsOfTheBom()
{
    QJsonObject component = library(u"a"_s, u"liba"_s);
    component.insert(u"properties"_s, QJsonArray{QJsonObject{{u"name"_s, u"strata:provided_by"_s},
                                                             {u"value"_s, u"strata:supplier:9"_s}}});
    auto doc = CycloneDxReader::read(toJson(bom({component})), u"forged.json"_s);
    QVERIFY(!doc.ok());
    QVERIFY2(doc.error().message.contains(u"at components[0].properties:"_s), qPrintable(doc.error().message));
    QVERIFY(doc.error().message.contains(u"strata:supplier:9"_s));

    component.insert(u"properties"_s,
                     QJsonArray{QJsonObject{{u"name"_s, u"strata:evaluated_on"_s}, {u"value"_s, u"nowhere"_s}}});
    doc = CycloneDxReader::read(toJson(bom({component})), u"forged.json"_s);
    QVERIFY(!doc.ok());
    QVERIFY(doc.error().message.contains(u"nowhere"_s));
}

void TestCycloneDxReader::cancelStopsTheRead()
{
    QJsonArray components;
    for (int i = 0; i < 2000; ++i)
        components << library(u"c%1"_s.arg(i), u"lib%1"_s.arg(i));
    std::atomic<bool> cancel{true};
    ImportLimits limits;
    limits.cancel = &cancel;
    auto doc = CycloneDxReader::read(toJson(bom(components)), u"big.json"_s, limits);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::Cancelled);
}

void TestCycloneDxReader::reportsProgress()
{
    QList<int> seen;
    ImportLimits limits;
    limits.progress = [&seen](int value) { seen << value; };
    QVERIFY(readFixture(u"ml-bom.json"_s, limits).ok());
    QVERIFY(seen.size() >= 3);
    QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()));
    QCOMPARE(seen.last(), 1000);
}

void TestCycloneDxReader::importsIntoAWorkspaceAndReimportChangesNothing()
{
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.filePath(u"w.strata"_s));
    QVERIFY(ws.ok());
    for (const QString &name : {u"ml-bom.json"_s, u"ai-bom.json"_s, u"nested.json"_s, u"cycle.json"_s}) {
        const ImportDocument doc = readFixture(name).value();
        auto first = ws.value()->applyImport(doc);
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message));
        QCOMPARE(first.value().relationsSkipped, 0);
        auto again = ws.value()->applyImport(doc);
        QVERIFY(again.ok());
        QCOMPARE(again.value().added + again.value().updated + again.value().relationsAdded, 0);
    }
    const qint64 chat = ws.value()->resolve(u"acme-chat@1.0"_s).value();
    QCOMPARE(ws.value()->snapshot(chat).value().artifacts.size(), 2);
}

QTEST_GUILESS_MAIN(TestCycloneDxReader)
#include "TestCycloneDxReader.moc"
