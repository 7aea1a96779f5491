// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "domain/Fields.h"
#include "interop/CycloneDxWriter.h"
#include "interop/DocumentReader.h"
#include "workspace/ExportScope.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

QString fixtures()
{
    return QStringLiteral(STRATA_FIXTURES_DIR);
}

/// The real third-party CycloneDX documents: the specification's test files and the generated AI-BOMs.
QStringList validFiles()
{
    QStringList files;
    for (const QString &folder : {u"cyclonedx"_s, u"aibom"_s}) {
        const QDir dir(fixtures() + u'/' + folder);
        for (const QString &name : dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name))
            files << folder + u'/' + name;
    }
    return files;
}

int relationCount(const Workspace &ws, std::optional<RelationType> type = {})
{
    int count = 0;
    for (qint64 id : ws.recordIds(RecordQuery{}).value()) {
        for (const RelatedRecord &r : ws.snapshot(id).value().relations)
            count += r.outgoing && (!type || r.relation.type == *type) ? 1 : 0;
    }
    return count;
}

/// Records with their fields, artifacts and outgoing relations, one sorted line each (see TestCycloneDxWriter).
QStringList describe(const Workspace &ws)
{
    QStringList lines;
    for (qint64 id : ws.recordIds(RecordQuery{}).value()) {
        const RecordSnapshot s = ws.snapshot(id).value();
        const QString who = u"%1 %2@%3"_s.arg(recordKindKey(s.record.kind), s.record.name, s.record.version);
        for (const FieldSpec &spec : fields::allFields(s.record.kind)) {
            if (!fields::fieldText(s.record, spec.key).isEmpty())
                lines << u"%1 | %2 = %3"_s.arg(who, spec.key, fields::fieldText(s.record, spec.key));
        }
        lines << u"%1 | placeholder = %2"_s.arg(who).arg(s.record.placeholder);
        for (const Artifact &a : s.artifacts)
            lines << u"%1 | file %2 %3:%4"_s.arg(who, a.fileName, a.algorithm, a.digest);
        for (const RelatedRecord &r : s.relations) {
            if (r.outgoing)
                lines << u"%1 | %2 %3@%4 [%5]"_s.arg(who, relationTypeKey(r.relation.type), r.otherName, r.otherVersion,
                                                     r.relation.subtype);
        }
    }
    lines.sort();
    return lines;
}

} // namespace

class TestCycloneDxFixtures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void everyFixtureHasExpectations();
    void importsEachValidFile_data();
    void importsEachValidFile();
    void qwenAiBomLineageAndDatasets();
    void llamaAiBomLicenseAndCalibrationData();
    void specificationModelCardIsKeptWhole();
    void invalidFilesAreRejectedAndChangeNothing();
    void exportOfTheFixturesValidatesAndRoundTrips();

private:
    std::unique_ptr<Workspace> open(const QString &name);
    void importFile(Workspace &ws, const QString &relative);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCycloneDxFixtures::initTestCase()
{
    if (!QFileInfo(fixtures() + u"/cyclonedx"_s).isDir())
        QSKIP("The shared third-party fixtures (../shared/fixtures/cyclonedx) are not available in this checkout.");
}

void TestCycloneDxFixtures::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestCycloneDxFixtures::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<Workspace> TestCycloneDxFixtures::open(const QString &name)
{
    auto ws = Workspace::open(m_dir->filePath(name));
    if (!ws)
        qFatal("%s", qPrintable(ws.error().message));
    return std::move(ws).value();
}

void TestCycloneDxFixtures::importFile(Workspace &ws, const QString &relative)
{
    auto doc = DocumentReader::readFile(fixtures() + u'/' + relative);
    QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().message));
    QCOMPARE(doc.value().format, u"cyclonedx"_s);
    auto summary = ws.applyImport(doc.value());
    QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message));
    QVERIFY2(summary.value().relationsSkipped == 0, qPrintable(summary.value().notes.join(u'\n')));
}

void TestCycloneDxFixtures::everyFixtureHasExpectations()
{
    // A file added to the shared fixtures should get its expected counts in importsEachValidFile_data().
    const QStringList expected = {u"aibom/Llama-3.2-1B-Instruct.json"_s, u"aibom/Qwen2.5-7B-Instruct.json"_s,
                                  u"cyclonedx/valid-attestation-1.6.json"_s,
                                  u"cyclonedx/valid-machine-learning-1.5.json"_s,
                                  u"cyclonedx/valid-machine-learning-1.6.json"_s};
    QStringList found = validFiles();
    found.sort();
    QCOMPARE(found, expected);
}

void TestCycloneDxFixtures::importsEachValidFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("models");
    QTest::addColumn<int>("datasets");
    QTest::addColumn<int>("suppliers");
    QTest::addColumn<int>("software");
    QTest::addColumn<int>("relations");
    // Declarations only (assessors, claims, evidence): no component, so nothing to import, and no error either.
    QTest::newRow("attestation 1.6") << u"cyclonedx/valid-attestation-1.6.json"_s << 0 << 0 << 0 << 0 << 0;
    // stable-diffusion with one inline modelCard dataset ("Training Data"): trained_on. No supplier in 1.5.
    QTest::newRow("ML 1.5") << u"cyclonedx/valid-machine-learning-1.5.json"_s << 1 << 1 << 0 << 0 << 1;
    // The same, plus publisher "Acme Inc": a supplier and provided_by.
    QTest::newRow("ML 1.6") << u"cyclonedx/valid-machine-learning-1.6.json"_s << 1 << 1 << 1 << 0 << 2;
    // Llama: the model, 21 nested data components of which MMLU twice (20 datasets), supplier meta-llama,
    // transformers and PyTorch. Relations: provided_by 1, trained_on 6 (training or calibration), evaluated_on 15
    // (WikiText2 both), depends_on 2 = 24. The 13 files have no hashes: no artifacts.
    QTest::newRow("Llama AI-BOM") << u"aibom/Llama-3.2-1B-Instruct.json"_s << 1 << 20 << 1 << 2 << 24;
    // Qwen: the model and its pedigree ancestor Qwen2.5-7B, 45 data components of which MMLU, HellaSwag and
    // TruthfulQA twice (42 datasets), supplier Qwen (also the ancestor's author), 2 libraries. Relations:
    // provided_by 2, derived_from 1, trained_on 2 (PG19, Together's Long-Data), evaluated_on 40, depends_on 2 = 47.
    QTest::newRow("Qwen AI-BOM") << u"aibom/Qwen2.5-7B-Instruct.json"_s << 2 << 42 << 1 << 2 << 47;
}

void TestCycloneDxFixtures::importsEachValidFile()
{
    QFETCH(QString, file);
    QFETCH(int, models);
    QFETCH(int, datasets);
    QFETCH(int, suppliers);
    QFETCH(int, software);
    QFETCH(int, relations);
    const std::unique_ptr<Workspace> ws = open(u"w.strata"_s);
    importFile(*ws, file);
    if (QTest::currentTestFailed())
        return;
    const QMap<RecordKind, int> counts = ws->countsByKind().value();
    QCOMPARE(counts.value(RecordKind::Model), models);
    QCOMPARE(counts.value(RecordKind::Dataset), datasets);
    QCOMPARE(counts.value(RecordKind::Supplier), suppliers);
    QCOMPARE(counts.value(RecordKind::Software), software);
    QCOMPARE(counts.value(RecordKind::Service), 0);
    QCOMPARE(relationCount(*ws), relations);

    const QStringList before = describe(*ws);
    auto again = ws->applyImport(DocumentReader::readFile(fixtures() + u'/' + file).value());
    QVERIFY(again.ok());
    QCOMPARE(again.value().added + again.value().updated + again.value().relationsAdded, 0);
    QCOMPARE(describe(*ws), before);
}

void TestCycloneDxFixtures::qwenAiBomLineageAndDatasets()
{
    const std::unique_ptr<Workspace> ws = open(u"w.strata"_s);
    importFile(*ws, u"aibom/Qwen2.5-7B-Instruct.json"_s);
    const qint64 model = ws->resolve(u"Qwen/Qwen2.5-7B-Instruct"_s).value();
    const RecordSnapshot snap = ws->snapshot(model).value();
    QString base;
    QString derivation;
    QStringList suppliers;
    for (const RelatedRecord &r : snap.relations) {
        if (r.outgoing && r.relation.type == RelationType::DerivedFrom) {
            base = r.otherName;
            derivation = r.relation.subtype;
        }
        if (r.outgoing && r.relation.type == RelationType::ProvidedBy)
            suppliers << r.otherName;
    }
    QCOMPARE(base, u"Qwen2.5-7B"_s);
    QCOMPARE(derivation, u"finetune"_s); // from the Hub tag base_model:finetune:Qwen/Qwen2.5-7B
    QCOMPARE(suppliers, QStringList{u"Qwen"_s});
    QCOMPARE(relationCount(*ws, RelationType::TrainedOn), 2);
    QCOMPARE(relationCount(*ws, RelationType::EvaluatedOn), 40);
    QVERIFY(snap.artifacts.isEmpty()); // the generator lists the files without hashes
    const QJsonArray files = ws->extras(model).value().value(u"cyclonedx.files"_s).toArray();
    QCOMPARE(files.size(), 14);
    const auto safetensors = std::count_if(files.begin(), files.end(), [](const QJsonValue &f) {
        return f.toObject().value(u"name"_s).toString().endsWith(u".safetensors"_s);
    });
    QCOMPARE(safetensors, 4);
    const Record record = snap.record;
    QCOMPARE(record.license, u"Apache-2.0"_s);
    QCOMPARE(fields::fieldText(record, u"architecture"_s), u"Qwen2ForCausalLM"_s);
    QVERIFY(fields::fieldText(record, u"intended_use"_s).startsWith(u"General-purpose"_s));
    QCOMPARE(record.sourceUrl, u"https://huggingface.co/Qwen/Qwen2.5-7B-Instruct"_s);
    const qint64 library = ws->resolve(u"transformers"_s, RecordKind::Software).value();
    QCOMPARE(fields::fieldText(ws->record(library).value(), u"software_type"_s), u"library"_s);
}

void TestCycloneDxFixtures::llamaAiBomLicenseAndCalibrationData()
{
    const std::unique_ptr<Workspace> ws = open(u"w.strata"_s);
    importFile(*ws, u"aibom/Llama-3.2-1B-Instruct.json"_s);
    const qint64 model = ws->resolve(u"meta-llama/Llama-3.2-1B-Instruct"_s).value();
    const Record record = ws->record(model).value();
    QCOMPARE(record.license, u"LicenseRef-Llama-3.2-Community-License"_s);
    QVERIFY(fields::fieldText(record, u"out_of_scope_use"_s).contains(u"Acceptable Use Policy"_s));
    QStringList trained;
    QStringList evaluated;
    for (const RelatedRecord &r : ws->snapshot(model).value().relations) {
        if (r.relation.type == RelationType::TrainedOn)
            trained << r.otherName;
        if (r.relation.type == RelationType::EvaluatedOn)
            evaluated << r.otherName;
    }
    QVERIFY(trained.contains(u"C4"_s));        // usage "calibration"
    QVERIFY(trained.contains(u"WikiText2"_s)); // "calibration|evaluation|benchmarking": both
    QVERIFY(evaluated.contains(u"WikiText2"_s));
    QVERIFY(evaluated.contains(u"MMLU"_s));
    QVERIFY(!trained.contains(u"MMLU"_s));
}

void TestCycloneDxFixtures::specificationModelCardIsKeptWhole()
{
    const std::unique_ptr<Workspace> ws = open(u"w.strata"_s);
    importFile(*ws, u"cyclonedx/valid-machine-learning-1.6.json"_s);
    const qint64 model = ws->resolve(u"stable-diffusion@1.4"_s).value();
    QFile file(fixtures() + u"/cyclonedx/valid-machine-learning-1.6.json"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject original = QJsonDocument::fromJson(file.readAll())
                                     .object()
                                     .value(u"components"_s)
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(u"modelCard"_s)
                                     .toObject();
    QVERIFY(!original.isEmpty());
    QCOMPARE(ws->extras(model).value().value(u"cyclonedx.modelCard"_s).toObject(), original); // base64 image too
    const Record record = ws->record(model).value();
    QCOMPARE(fields::fieldText(record, u"architecture"_s), u"The architecture of the model."_s);
    QVERIFY(fields::fieldText(record, u"limitations"_s).contains(u"Limited performance on non-photographic"_s));
    const qint64 dataset = ws->resolve(u"Training Data"_s).value();
    QCOMPARE(ws->record(dataset).value().sourceUrl, u"https://example.com/path/to/dataset"_s);
}

void TestCycloneDxFixtures::invalidFilesAreRejectedAndChangeNothing()
{
    const QDir dir(fixtures() + u"/cyclonedx/invalid"_s);
    const QStringList invalid = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    QVERIFY(invalid.size() >= 7);
    const std::unique_ptr<Workspace> ws = open(u"w.strata"_s);
    importFile(*ws, u"cyclonedx/valid-machine-learning-1.6.json"_s);
    const QStringList before = describe(*ws);
    const QString lastImport = ws->provenance(ws->resolve(u"stable-diffusion@1.4"_s).value())
                                   .value()
                                   .imports.last()
                                   .importedAt.toString(Qt::ISODateWithMs);
    for (const QString &name : invalid) {
        auto doc = DocumentReader::readFile(dir.filePath(name));
        QVERIFY2(!doc.ok(), qPrintable(name));
        QCOMPARE(doc.error().code, ErrorCode::InvalidInput);
        // The message names the file and the JSON path of the problem.
        QVERIFY2(doc.error().message.contains(name), qPrintable(doc.error().message));
        QVERIFY2(doc.error().message.contains(u", at "_s), qPrintable(doc.error().message));
    }
    QCOMPARE(describe(*ws), before);
    QCOMPARE(ws->provenance(ws->resolve(u"stable-diffusion@1.4"_s).value())
                 .value()
                 .imports.last()
                 .importedAt.toString(Qt::ISODateWithMs),
             lastImport);
}

void TestCycloneDxFixtures::exportOfTheFixturesValidatesAndRoundTrips()
{
    const std::unique_ptr<Workspace> ws = open(u"all.strata"_s);
    for (const QString &file : validFiles())
        importFile(*ws, file);
    auto set = ExportScope::build(*ws, 0, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
    QVERIFY(set.ok());
    const QByteArray bom = CycloneDxWriter::write(set.value()).value();

    auto doc = DocumentReader::read(bom, u"all.cdx.json"_s);
    QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().message));
    const std::unique_ptr<Workspace> copy = open(u"copy.strata"_s);
    auto summary = copy->applyImport(doc.value());
    QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message));
    const QStringList before = describe(*ws);
    const QStringList after = describe(*copy);
    for (qsizetype i = 0; i < std::max(before.size(), after.size()); ++i)
        QCOMPARE(after.value(i), before.value(i));

    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    const QString schema = fixtures() + u"/schema"_s;
    if (python.isEmpty() || !QFile::exists(schema + u"/bom-1.6.schema.json"_s))
        QSKIP("python3 or the CycloneDX schema is missing: the round trip passed, the schema check was skipped.");
    const QString path = m_dir->filePath(u"all.cdx.json"_s);
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bom);
    out.close();
    QProcess process;
    process.start(python, {QStringLiteral(STRATA_SOURCE_DIR) + u"/tests/data/cyclonedx/validate.py"_s, schema, path});
    QVERIFY(process.waitForFinished(120000));
    if (process.exitCode() == 3)
        QSKIP("python3-jsonschema is not installed: the round trip passed, the schema check was skipped.");
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
}

QTEST_GUILESS_MAIN(TestCycloneDxFixtures)
#include "TestCycloneDxFixtures.moc"
