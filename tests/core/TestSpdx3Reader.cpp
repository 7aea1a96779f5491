// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "domain/Fields.h"
#include "interop/DocumentReader.h"
#include "interop/Spdx3Reader.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(STRATA_SOURCE_DIR "/tests/data/spdx3/") + name;
}

QByteArray readFixture(const QString &name)
{
    QFile file(fixture(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

const ImportedRecord *findRecord(const ImportDocument &doc, const QString &name)
{
    const auto it = std::find_if(doc.records.cbegin(), doc.records.cend(),
                                 [&name](const ImportedRecord &r) { return r.record.name == name; });
    return it == doc.records.cend() ? nullptr : &*it;
}

int countRelations(const ImportDocument &doc, const QString &from, RelationType type, const QString &to)
{
    return int(std::count_if(doc.relations.cbegin(), doc.relations.cend(), [&](const ImportedRelation &r) {
        return r.fromRef == from && r.type == type && r.toRef == to;
    }));
}

bool anyContains(const QStringList &lines, const QString &text)
{
    return std::any_of(lines.cbegin(), lines.cend(), [&text](const QString &l) { return l.contains(text); });
}

} // namespace

/// Reads the hand-written SPDX 3 documents in tests/data/spdx3: the mapping, the warnings and every refusal.
class TestSpdx3Reader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detectsSpdx3ByContent();
    void mapsRecordsAndFields();
    void mapsRelationsWithDirection();
    void keepsArtifactsOfModelsOnly();
    void choosesConcludedLicenseAndConvertsOthers();
    void keepsProfilePropertiesAsExtras();
    void warnsAboutWhatItSkips();
    void acceptsSpdx300AndBareLicenseNames();
    void rejectsBrokenDocuments_data();
    void rejectsBrokenDocuments();
    void refusesMoreElementsThanTheCap();
    void refusesLongStrings();
    void stopsWhenCancelled();
    void importsIntoAWorkspaceAndReimportChangesNothing();
};

void TestSpdx3Reader::detectsSpdx3ByContent()
{
    const QByteArray data = readFixture(u"valid-ai-bom.json"_s);
    QVERIFY(!data.isEmpty());
    QCOMPARE(DocumentReader::detect(data), DocumentReader::Format::Spdx3);
}

void TestSpdx3Reader::mapsRecordsAndFields()
{
    auto doc = Spdx3Reader::read(readFixture(u"valid-ai-bom.json"_s), u"valid-ai-bom.json"_s);
    QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().message));
    const ImportDocument &d = doc.value();
    QCOMPARE(d.format, u"spdx3"_s);
    QCOMPARE(d.specVersion, u"3.0.1"_s);
    // 3 models, 2 datasets, 2 software; "ACME AI" is the same supplier as "Acme AI", so 2 suppliers.
    QMap<RecordKind, int> kinds;
    for (const ImportedRecord &r : d.records)
        ++kinds[r.record.kind];
    QCOMPARE(kinds.value(RecordKind::Model), 3);
    QCOMPARE(kinds.value(RecordKind::Dataset), 2);
    QCOMPARE(kinds.value(RecordKind::Software), 2);
    QCOMPARE(kinds.value(RecordKind::Supplier), 2);
    QCOMPARE(kinds.value(RecordKind::Service), 0);

    const ImportedRecord *base = findRecord(d, u"Acme Base"_s);
    QVERIFY(base);
    QCOMPARE(base->ref, u"https://example.org/spdx/model/acme-base"_s);
    QCOMPARE(base->record.version, u"1.0"_s);
    QCOMPARE(base->record.description, u"A base language model."_s);
    QCOMPARE(base->record.sourceUrl, u"https://models.example.org/acme-base"_s);
    QCOMPARE(base->record.purl, u"pkg:huggingface/acme/acme-base@1.0"_s);
    QCOMPARE(fields::fieldText(base->record, u"architecture"_s), u"transformer"_s);
    QCOMPARE(fields::fieldText(base->record, u"limitations"_s), u"English only."_s);
    QCOMPARE(fields::fieldText(base->record, u"intended_use"_s), u"Chat assistants and summarisation."_s);
    for (const QString &key : {u"name"_s, u"version"_s, u"description"_s, u"source_url"_s, u"purl"_s, u"architecture"_s,
                               u"limitations"_s, u"license"_s})
        QVERIFY2(base->statedFields.contains(key), qPrintable(key));
    QVERIFY(!base->statedFields.contains(u"notes"_s));

    const ImportedRecord *chat = findRecord(d, u"Acme Chat"_s);
    QVERIFY(chat);
    QCOMPARE(chat->record.description, u"The chat fine-tune of Acme Base."_s); // from summary
    QCOMPARE(chat->record.notes, u"Reviewed by the platform team."_s);         // from comment
    QCOMPARE(fields::fieldText(chat->record, u"architecture"_s), u"transformer, decoder-only"_s);

    const ImportedRecord *logs = findRecord(d, u"Chat Logs"_s);
    QVERIFY(logs);
    QCOMPARE(fields::fieldText(logs->record, u"size_bytes"_s), u"123456789"_s);
    QCOMPARE(fields::fieldText(logs->record, u"personal_data"_s), u"yes"_s);
    QCOMPARE(fields::fieldText(logs->record, u"collection_method"_s), u"Opt-in logs of the support chat."_s);
    QVERIFY(logs->record.sourceUrl.isEmpty()); // s3:// is not a web address: kept in extras instead
    QCOMPARE(fields::fieldText(findRecord(d, u"Acme Eval"_s)->record, u"personal_data"_s), u"unknown"_s);

    const ImportedRecord *torch = findRecord(d, u"torch"_s);
    QVERIFY(torch);
    QCOMPARE(fields::fieldText(torch->record, u"software_type"_s), u"framework"_s);
    QCOMPARE(torch->record.sourceUrl, u"https://pytorch.org"_s); // the home page, as the download is NOASSERTION
    const ImportedRecord *runner = findRecord(d, u"acme-runner"_s);
    QVERIFY(runner);
    QCOMPARE(fields::fieldText(runner->record, u"software_type"_s), u"tool"_s);
    QVERIFY(runner->record.purl.isEmpty()); // "acme-runner-0.9" is not a package URL

    const ImportedRecord *acme = findRecord(d, u"Acme AI"_s);
    QVERIFY(acme);
    QCOMPARE(acme->ref, u"supplier:acme ai"_s);
    QCOMPARE(acme->record.description, u"Makes the Acme models."_s);
    QVERIFY(!findRecord(d, u"ACME AI"_s));
    const ImportedRecord *jane = findRecord(d, u"Jane Doe"_s);
    QVERIFY(jane);
    QCOMPARE(jane->extras.value(u"spdx.agent"_s).toObject().value(u"type"_s).toString(), u"Person"_s);
}

void TestSpdx3Reader::mapsRelationsWithDirection()
{
    auto doc = Spdx3Reader::read(readFixture(u"valid-ai-bom.json"_s), u"valid-ai-bom.json"_s);
    QVERIFY(doc.ok());
    const ImportDocument &d = doc.value();
    const QString base = u"https://example.org/spdx/model/acme-base"_s;
    const QString chat = u"https://example.org/spdx/model/acme-chat"_s;
    const QString q4 = u"https://example.org/spdx/model/acme-chat-q4"_s;
    const QString logs = u"https://example.org/spdx/dataset/chat-logs"_s;
    const QString eval = u"https://example.org/spdx/dataset/eval"_s;
    const QString torch = u"https://example.org/spdx/software/torch"_s;
    const QString runner = u"https://example.org/spdx/software/runner"_s;
    QCOMPARE(countRelations(d, chat, RelationType::DerivedFrom, base), 1);
    QCOMPARE(countRelations(d, q4, RelationType::DerivedFrom, base), 1); // ancestorOf, reversed
    QCOMPARE(countRelations(d, base, RelationType::DerivedFrom, q4), 0);
    QCOMPARE(countRelations(d, chat, RelationType::TrainedOn, logs), 1);
    QCOMPARE(countRelations(d, chat, RelationType::EvaluatedOn, eval), 1);
    // The identical second copy of the dependsOn relationship is ignored, not counted twice.
    QCOMPARE(countRelations(d, chat, RelationType::DependsOn, torch), 1);
    QCOMPARE(countRelations(d, runner, RelationType::DependsOn, chat), 1);
    QCOMPARE(countRelations(d, base, RelationType::ProvidedBy, u"supplier:acme ai"_s), 1);
    QCOMPARE(countRelations(d, chat, RelationType::ProvidedBy, u"supplier:acme ai"_s), 1);
    QCOMPARE(countRelations(d, chat, RelationType::ProvidedBy, u"supplier:jane doe"_s), 1);
    QCOMPARE(countRelations(d, logs, RelationType::ProvidedBy, u"supplier:acme ai"_s), 1);
    QCOMPARE(d.relations.size(), 10);

    const auto trained = std::find_if(d.relations.cbegin(), d.relations.cend(),
                                      [](const ImportedRelation &r) { return r.type == RelationType::TrainedOn; });
    QVERIFY(trained->location.startsWith(u"@graph[23].to[0]"_s));
    QVERIFY(trained->location.contains(u"development"_s));
    const QJsonArray scopes = findRecord(d, u"Acme Chat"_s)->extras.value(u"spdx.lifecycleScopes"_s).toArray();
    QCOMPARE(scopes.size(), 1);
    QCOMPARE(scopes.at(0).toObject().value(u"scope"_s).toString(), u"development"_s);
    QCOMPARE(scopes.at(0).toObject().value(u"relationshipType"_s).toString(), u"trainedOn"_s);
}

void TestSpdx3Reader::keepsArtifactsOfModelsOnly()
{
    auto doc = Spdx3Reader::read(readFixture(u"valid-ai-bom.json"_s), u"valid-ai-bom.json"_s);
    QVERIFY(doc.ok());
    const ImportedRecord *base = findRecord(doc.value(), u"Acme Base"_s);
    QVERIFY(base);
    QMap<QString, Artifact> byName;
    for (const Artifact &a : base->artifacts)
        byName.insert(a.fileName, a);
    // The package's own hash, and the two contained files that have digests; README.md has none.
    QCOMPARE(byName.keys(), (QList<QString>{u"Acme Base"_s, u"config.json"_s, u"model.safetensors"_s}));
    QCOMPARE(byName.value(u"Acme Base"_s).digest,
             u"eee38a23cbb77fc91a1a25657f1f4b9e1a3fb9ae17cdd0964c387cbc065119bf"_s); // sha256 preferred, lowercased
    QCOMPARE(byName.value(u"model.safetensors"_s).algorithm, u"sha256"_s);
    QCOMPARE(byName.value(u"config.json"_s).algorithm, u"sha512"_s);
    QCOMPARE(byName.value(u"config.json"_s).digest.size(), 128);
    QVERIFY(findRecord(doc.value(), u"acme-runner"_s)->artifacts.isEmpty()); // software keeps no files
}

void TestSpdx3Reader::choosesConcludedLicenseAndConvertsOthers()
{
    auto doc = Spdx3Reader::read(readFixture(u"valid-ai-bom.json"_s), u"valid-ai-bom.json"_s);
    QVERIFY(doc.ok());
    const ImportedRecord *chat = findRecord(doc.value(), u"Acme Chat"_s);
    QCOMPARE(chat->record.license, u"MIT OR Apache-2.0"_s);
    const QJsonObject kept = chat->extras.value(u"spdx.license"_s).toObject();
    QCOMPARE(kept.value(u"hasDeclaredLicense"_s).toString(), u"Apache-2.0"_s);
    QCOMPARE(findRecord(doc.value(), u"Acme Base"_s)->record.license, u"Apache-2.0"_s); // a License List IRI
    const ImportedRecord *logs = findRecord(doc.value(), u"Chat Logs"_s);
    QCOMPARE(logs->record.license, u"LicenseRef-Acme-EULA"_s);
    const QJsonArray elements = logs->extras.value(u"spdx.license"_s).toObject().value(u"elements"_s).toArray();
    QCOMPARE(elements.size(), 1);
    QCOMPARE(elements.at(0).toObject().value(u"simplelicensing_licenseText"_s).toString(), u"Internal use only."_s);
}

void TestSpdx3Reader::keepsProfilePropertiesAsExtras()
{
    auto doc = Spdx3Reader::read(readFixture(u"valid-ai-bom.json"_s), u"valid-ai-bom.json"_s);
    QVERIFY(doc.ok());
    const ImportedRecord *base = findRecord(doc.value(), u"Acme Base"_s);
    const QJsonObject ai = base->extras.value(u"spdx.ai"_s).toObject();
    for (const QString &key :
         {u"ai_typeOfModel"_s, u"ai_limitation"_s, u"ai_domain"_s, u"ai_autonomyType"_s, u"ai_safetyRiskAssessment"_s,
          u"ai_hyperparameter"_s, u"ai_energyConsumption"_s, u"ai_informationAboutApplication"_s})
        QVERIFY2(ai.contains(key), qPrintable(key));
    QCOMPARE(ai.value(u"ai_energyConsumption"_s)
                 .toObject()
                 .value(u"ai_trainingEnergyConsumption"_s)
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(u"ai_energyQuantity"_s)
                 .toString(),
             u"1200.5"_s);
    QCOMPARE(base->extras.value(u"spdx.package"_s).toObject().value(u"releaseTime"_s).toString(),
             u"2024-11-01T00:00:00Z"_s);
    const ImportedRecord *logs = findRecord(doc.value(), u"Chat Logs"_s);
    const QJsonObject dataset = logs->extras.value(u"spdx.dataset"_s).toObject();
    QCOMPARE(dataset.value(u"dataset_intendedUse"_s).toString(), u"Fine-tuning chat models."_s);
    QCOMPARE(dataset.value(u"dataset_confidentialityLevel"_s).toString(), u"amber"_s);
    QCOMPARE(logs->extras.value(u"spdx.package"_s).toObject().value(u"software_downloadLocation"_s).toString(),
             u"s3://acme-data/chat-logs"_s);
}

void TestSpdx3Reader::warnsAboutWhatItSkips()
{
    auto doc = Spdx3Reader::read(readFixture(u"valid-ai-bom.json"_s), u"valid-ai-bom.json"_s);
    QVERIFY(doc.ok());
    const QStringList &w = doc.value().warnings;
    QVERIFY(anyContains(w, u"fooBarOf"_s));         // unknown relationship type: a warning, not an error
    QVERIFY(anyContains(w, u"hasDocumentation"_s)); // known to SPDX, no Strata relation
    QVERIFY(anyContains(w, u"@graph[35] repeats @graph[25]"_s));
    QVERIFY(anyContains(w, u"acme-runner-0.9"_s)); // the purl that is not one
    QVERIFY(anyContains(w, u"Annotation"_s));
    QVERIFY(anyContains(w, u"software_File"_s));      // README.md and main.py
    QVERIFY(anyContains(w, u"@graph[27]: 1 file"_s)); // README.md in Acme Base has no digest
}

void TestSpdx3Reader::acceptsSpdx300AndBareLicenseNames()
{
    // The public SPDX examples use the 3.0.0 context and sometimes name licenses by a bare expression in "to".
    QByteArray data = readFixture(u"valid-ai-bom.json"_s);
    data.replace("rdf/3.0.1/spdx-context", "rdf/3.0.0/spdx-context");
    data.replace("\"to\": [\"https://example.org/spdx/license/acme-eula\"]", "\"to\": [\"BSD-3-Clause OR MIT\"]");
    auto doc = Spdx3Reader::read(data, u"example-3.0.0.json"_s);
    QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().message));
    QCOMPARE(doc.value().specVersion, u"3.0.0"_s);
    QCOMPARE(findRecord(doc.value(), u"Chat Logs"_s)->record.license, u"BSD-3-Clause OR MIT"_s);
    // A target that is an IRI outside the License List is still a dangling reference.
    data.replace("\"to\": [\"BSD-3-Clause OR MIT\"]", "\"to\": [\"https://example.org/spdx/license/gone\"]");
    auto dangling = Spdx3Reader::read(data, u"example-3.0.0.json"_s);
    QVERIFY(!dangling.ok());
    QVERIFY2(dangling.error().message.contains(u"@graph[31].to[0]"_s), qPrintable(dangling.error().message));
}

void TestSpdx3Reader::rejectsBrokenDocuments_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<QStringList>("mentions");

    QTest::newRow("not a @graph") << u"not-a-graph.json"_s << 64 << QStringList{u"\"@graph\""_s};
    QTest::newRow("duplicate spdxId") << u"duplicate-spdxid.json"_s << 64
                                      << QStringList{u"@graph[1]"_s, u"@graph[3]"_s,
                                                     u"https://example.org/spdx/software/tool"_s};
    QTest::newRow("dangling relationship")
        << u"dangling-relationship.json"_s << 64
        << QStringList{u"@graph[3].to[1]"_s, u"https://example.org/spdx/dataset/missing"_s, u"dangling"_s};
    QTest::newRow("missing type") << u"missing-type.json"_s << 64 << QStringList{u"@graph[2]"_s, u"\"type\""_s};
    QTest::newRow("dangling creationInfo")
        << u"dangling-creationinfo.json"_s << 64 << QStringList{u"@graph[1].creationInfo"_s, u"_:creationinfo_of_a"_s};
    QTest::newRow("relationship without from")
        << u"relationship-without-from.json"_s << 64 << QStringList{u"@graph[2]"_s, u"\"from\""_s};
    QTest::newRow("wrong hash length") << u"bad-hash.json"_s << 64
                                       << QStringList{u"@graph[1].verifiedUsing[0].hashValue"_s, u"64"_s, u"63"_s};
    QTest::newRow("unsupported version") << u"unsupported-version.json"_s << 64 << QStringList{u"3.1"_s};
    QTest::newRow("nesting over the cap")
        << u"deep-nesting.json"_s << 64 << QStringList{u"@graph[1].ai_metric[0].value"_s, u"64"_s};
    QTest::newRow("nesting over a small cap")
        << u"valid-ai-bom.json"_s << 5 << QStringList{u"ai_energyConsumption.ai_trainingEnergyConsumption"_s};
}

void TestSpdx3Reader::rejectsBrokenDocuments()
{
    QFETCH(QString, file);
    QFETCH(int, maxDepth);
    QFETCH(QStringList, mentions);
    const QByteArray data = readFixture(file);
    QVERIFY(!data.isEmpty());
    ImportLimits limits;
    limits.maxDepth = maxDepth;
    auto doc = Spdx3Reader::read(data, file, limits);
    QVERIFY(!doc.ok());
    const QString message = doc.error().message;
    QVERIFY2(message.contains(file), qPrintable(message));
    for (const QString &m : mentions)
        QVERIFY2(message.contains(m), qPrintable(u"\"%1\" not in: %2"_s.arg(m, message)));
}

void TestSpdx3Reader::refusesMoreElementsThanTheCap()
{
    ImportLimits limits;
    limits.maxRecords = 5;
    auto doc = Spdx3Reader::read(readFixture(u"valid-ai-bom.json"_s), u"valid-ai-bom.json"_s, limits);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::InvalidInput);
    QVERIFY2(doc.error().message.contains(u"valid-ai-bom.json"_s), qPrintable(doc.error().message));
    QVERIFY2(doc.error().message.contains(u"36"_s) && doc.error().message.contains(u"5"_s),
             qPrintable(doc.error().message));
    limits.maxRecords = 36;
    QVERIFY(Spdx3Reader::read(readFixture(u"valid-ai-bom.json"_s), u"valid-ai-bom.json"_s, limits).ok());
}

void TestSpdx3Reader::refusesLongStrings()
{
    ImportLimits limits;
    limits.maxStringLength = 40;
    auto doc = Spdx3Reader::read(readFixture(u"valid-ai-bom.json"_s), u"valid-ai-bom.json"_s, limits);
    QVERIFY(!doc.ok());
    // The context IRI, 46 characters, is the first value checked.
    const QString message = doc.error().message;
    QVERIFY2(message.contains(u"valid-ai-bom.json: @context is 46 characters long"_s), qPrintable(message));
    QVERIFY2(message.contains(u"40"_s), qPrintable(message));
}

void TestSpdx3Reader::stopsWhenCancelled()
{
    std::atomic<bool> cancel{true};
    ImportLimits limits;
    limits.cancel = &cancel;
    auto doc = Spdx3Reader::read(readFixture(u"valid-ai-bom.json"_s), u"valid-ai-bom.json"_s, limits);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::Cancelled);
}

void TestSpdx3Reader::importsIntoAWorkspaceAndReimportChangesNothing()
{
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.filePath(u"w.strata"_s));
    QVERIFY(ws.ok());
    auto doc = DocumentReader::read(readFixture(u"valid-ai-bom.json"_s), u"valid-ai-bom.json"_s);
    QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().message));
    auto first = ws.value()->applyImport(doc.value());
    QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message));
    QCOMPARE(first.value().added, 9);
    QCOMPARE(first.value().relationsAdded, 10);
    QCOMPARE(first.value().relationsSkipped, 0);

    const qint64 base = ws.value()->resolve(u"Acme Base"_s).value();
    QCOMPARE(ws.value()->snapshot(base).value().artifacts.size(), 3);
    QVERIFY(ws.value()->extras(base).value().contains(u"spdx.ai"_s));
    const qint64 chat = ws.value()->resolve(u"Acme Chat"_s).value();
    QCOMPARE(ws.value()->record(chat).value().license, u"MIT OR Apache-2.0"_s);

    auto again = ws.value()->applyImport(doc.value());
    QVERIFY(again.ok());
    QCOMPARE(again.value().added, 0);
    QCOMPARE(again.value().updated, 0);
    QCOMPARE(again.value().relationsAdded, 0);
    QCOMPARE(again.value().importId, 0);
}

QTEST_GUILESS_MAIN(TestSpdx3Reader)
#include "TestSpdx3Reader.moc"
