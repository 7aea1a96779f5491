// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "domain/Fields.h"
#include "interop/CycloneDxWriter.h"
#include "interop/DocumentReader.h"
#include "workspace/ExportScope.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

const QDateTime kTimestamp(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);

QString dataPath(const QString &name)
{
    return QStringLiteral(STRATA_SOURCE_DIR) + u"/tests/data/cyclonedx/"_s + name;
}

/// Every record (kind, name, version, each field, placeholder, artifacts, and the kept extras when asked) and
/// relation of a workspace, one line each and sorted, so two workspaces compare line by line and a difference
/// names what differs.
QStringList describe(const Workspace &ws, bool withExtras = false)
{
    QStringList lines;
    const QVector<qint64> ids = ws.recordIds(RecordQuery{}).value();
    for (qint64 id : ids) {
        const RecordSnapshot s = ws.snapshot(id).value();
        const Record &r = s.record;
        const QString who = u"%1 %2@%3"_s.arg(recordKindKey(r.kind), r.name, r.version);
        for (const FieldSpec &spec : fields::allFields(r.kind)) {
            const QString value = fields::fieldText(r, spec.key);
            if (!value.isEmpty())
                lines << u"%1 | %2 = %3"_s.arg(who, spec.key, value);
        }
        lines << u"%1 | placeholder = %2"_s.arg(who).arg(r.placeholder);
        for (const Artifact &a : s.artifacts)
            lines << u"%1 | file %2 %3:%4 (%5 bytes)"_s.arg(who, a.fileName, a.algorithm, a.digest).arg(a.size);
        const QJsonObject extras = withExtras ? ws.extras(id).value() : QJsonObject();
        for (auto it = extras.constBegin(); it != extras.constEnd(); ++it)
            lines << u"%1 | extra %2 = %3"_s.arg(
                who, it.key(), QString::fromUtf8(QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact)));
        for (const RelatedRecord &rel : s.relations) {
            if (rel.outgoing)
                lines << u"%1 | %2 %3 %4@%5 [%6]"_s.arg(who, relationTypeKey(rel.relation.type),
                                                        recordKindKey(rel.otherKind), rel.otherName, rel.otherVersion,
                                                        rel.relation.subtype);
        }
    }
    lines.sort();
    return lines;
}

} // namespace

class TestCycloneDxWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void exportValidatesAgainstTheSchema();
    void sameSetGivesSameBytes();
    void roundTripReproducesRecordsAndRelations();
    void roundTripKeepsWhatAnImportKept();
    void reimportIntoTheSameWorkspaceChangesNothing();
    void scopeHoldsTheRecordAndItsUpstreamOnly();
    void exportNamesEveryRelationOnce();

private:
    qint64 create(RecordKind kind,
                  const QString &name,
                  const QString &version,
                  const QList<QPair<QString, QString>> &values = {},
                  bool placeholder = false);
    void link(qint64 from, RelationType type, qint64 to, const QString &subtype = {});
    void addFile(qint64 record, const QString &name, const QString &algorithm, QChar digit, qint64 size);
    void populate();
    QByteArray exportBytes(qint64 scope = 0);
    void validate(const QByteArray &bom);
    std::unique_ptr<Workspace> reimport(const QByteArray &bom, const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    QHash<QString, qint64> m_ids;
};

void TestCycloneDxWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto ws = Workspace::open(m_dir->filePath(u"source.strata"_s));
    QVERIFY(ws.ok());
    m_ws = std::move(ws).value();
    m_ids.clear();
}

void TestCycloneDxWriter::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

qint64 TestCycloneDxWriter::create(RecordKind kind,
                                   const QString &name,
                                   const QString &version,
                                   const QList<QPair<QString, QString>> &values,
                                   bool placeholder)
{
    Record r;
    r.kind = kind;
    r.name = name;
    r.version = version;
    r.placeholder = placeholder;
    for (const auto &[key, value] : values) {
        const Status s = fields::setField(r, key, value);
        if (!s)
            qFatal("%s", qPrintable(s.error().message));
    }
    auto id = m_ws->createRecord(r);
    if (!id)
        qFatal("%s", qPrintable(id.error().message));
    m_ids.insert(name, id.value());
    return id.value();
}

void TestCycloneDxWriter::link(qint64 from, RelationType type, qint64 to, const QString &subtype)
{
    auto r = m_ws->link(from, type, to, subtype);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
}

void TestCycloneDxWriter::addFile(
    qint64 record, const QString &name, const QString &algorithm, QChar digit, qint64 size)
{
    Artifact a;
    a.recordId = record;
    a.fileName = name;
    a.algorithm = algorithm;
    a.digest = QString(algorithm == u"sha512"_s ? 128 : 64, digit);
    a.size = size;
    auto stored = m_ws->addArtifact(a);
    QVERIFY2(stored.ok(), stored.ok() ? "" : qPrintable(stored.error().message));
}

/// A small inventory that uses every kind, every relation type and the fields CycloneDX has no place for.
void TestCycloneDxWriter::populate()
{
    const qint64 acme = create(RecordKind::Supplier, u"Acme AI"_s, {},
                               {{u"website"_s, u"https://acme.example"_s},
                                {u"jurisdiction"_s, u"DE"_s},
                                {u"certifications"_s, u"ISO 27001|BSI|2027-03-31"_s},
                                {u"criticality_tier"_s, u"2"_s},
                                {u"contract_status"_s, u"active"_s},
                                {u"last_review"_s, u"2025-11-30"_s},
                                {u"notes"_s, u"Preferred vendor."_s}});
    create(RecordKind::Supplier, u"Lonely Vendor"_s, {}, {{u"security_contact"_s, u"security@lonely.example"_s}});
    const qint64 base = create(RecordKind::Model, u"acme-base"_s, u"1.0"_s,
                               {{u"architecture"_s, u"LlamaForCausalLM"_s},
                                {u"parameter_count"_s, u"7000000000"_s},
                                {u"format"_s, u"safetensors"_s},
                                {u"modality"_s, u"text"_s},
                                {u"training_cutoff"_s, u"2024-12-31"_s},
                                {u"license"_s, u"Apache-2.0"_s},
                                {u"purl"_s, u"pkg:huggingface/acme/acme-base@1.0"_s},
                                {u"source_url"_s, u"https://huggingface.co/acme/acme-base"_s},
                                {u"tags"_s, u"llm, base"_s}},
                               true);
    const qint64 chat = create(RecordKind::Model, u"acme-chat"_s, u"1.1"_s,
                               {{u"description"_s, u"Support chat.\nSecond line."_s},
                                {u"license"_s, u"MIT OR Apache-2.0"_s},
                                {u"limitations"_s, u"English only."_s},
                                {u"intended_use"_s, u"Customer support."_s},
                                {u"out_of_scope_use"_s, u"Legal advice."_s}});
    const qint64 tickets = create(RecordKind::Dataset, u"support-tickets"_s, u"2025"_s,
                                  {{u"origin"_s, u"collected"_s},
                                   {u"collection_method"_s, u"Exported from the helpdesk."_s},
                                   {u"size_records"_s, u"120000"_s},
                                   {u"size_bytes"_s, u"5368709120"_s},
                                   {u"languages"_s, u"en, de"_s},
                                   {u"personal_data"_s, u"yes"_s},
                                   {u"legal_basis"_s, u"Contract"_s},
                                   {u"retention"_s, u"2 years"_s}});
    const qint64 evalSet = create(RecordKind::Dataset, u"eval-set"_s, {}, {{u"personal_data"_s, u"no"_s}});
    const qint64 transformers = create(RecordKind::Software, u"transformers"_s, u"4.44.0"_s,
                                       {{u"software_type"_s, u"library"_s},
                                        {u"purl"_s, u"pkg:pypi/transformers@4.44.0"_s},
                                        {u"ecosystem"_s, u"pypi"_s}});
    const qint64 vllm = create(RecordKind::Software, u"vllm"_s, u"0.6"_s, {{u"software_type"_s, u"tool"_s}});
    create(RecordKind::Software, u"unrelated"_s, {}, {});
    const qint64 api = create(RecordKind::Service, u"acme-api"_s, u"v2"_s,
                              {{u"service_type"_s, u"hosted_api"_s},
                               {u"provider"_s, u"Acme Cloud"_s},
                               {u"region"_s, u"eu-west-1"_s},
                               {u"data_processing_terms"_s, u"DPA 2025"_s}});
    link(chat, RelationType::DerivedFrom, base, u"finetune"_s);
    link(evalSet, RelationType::DerivedFrom, tickets);
    link(chat, RelationType::TrainedOn, tickets);
    link(chat, RelationType::EvaluatedOn, evalSet);
    link(chat, RelationType::ProvidedBy, acme);
    link(base, RelationType::ProvidedBy, acme);
    link(api, RelationType::ProvidedBy, acme);
    link(chat, RelationType::DependsOn, transformers);
    link(transformers, RelationType::DependsOn, vllm);
    link(vllm, RelationType::DependsOn, transformers); // a cycle: exported and imported as it is
    link(chat, RelationType::HostedOn, api);
    addFile(chat, u"model.safetensors"_s, u"sha256"_s, u'a', 123456);
    addFile(chat, u"config.json"_s, u"sha512"_s, u'b', -1);
    addFile(tickets, u"tickets.parquet"_s, u"sha256"_s, u'c', 42);
}

QByteArray TestCycloneDxWriter::exportBytes(qint64 scope)
{
    auto set = ExportScope::build(*m_ws, scope, kTimestamp);
    if (!set)
        qFatal("%s", qPrintable(set.error().message));
    auto bytes = CycloneDxWriter::write(set.value());
    if (!bytes)
        qFatal("%s", qPrintable(bytes.error().message));
    return bytes.value();
}

void TestCycloneDxWriter::validate(const QByteArray &bom)
{
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty())
        QSKIP("python3 is not installed: the export cannot be checked against the CycloneDX schema.");
    const QString schemaDir = QStringLiteral(STRATA_FIXTURES_DIR) + u"/schema"_s;
    if (!QFile::exists(schemaDir + u"/bom-1.6.schema.json"_s))
        QSKIP("The CycloneDX 1.6 schema (../shared/fixtures/schema) is not available.");
    const QString file = m_dir->filePath(u"export.cdx.json"_s);
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bom);
    out.close();
    QProcess process;
    process.start(python, {dataPath(u"validate.py"_s), schemaDir, file});
    QVERIFY(process.waitForFinished(120000));
    if (process.exitCode() == 3)
        QSKIP("python3-jsonschema is not installed: the export cannot be checked against the schema.");
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
}

std::unique_ptr<Workspace> TestCycloneDxWriter::reimport(const QByteArray &bom, const QString &name)
{
    auto doc = DocumentReader::read(bom, u"export.cdx.json"_s);
    if (!doc)
        qFatal("%s", qPrintable(doc.error().message));
    auto ws = Workspace::open(m_dir->filePath(name));
    if (!ws)
        qFatal("%s", qPrintable(ws.error().message));
    auto summary = ws.value()->applyImport(doc.value());
    if (!summary)
        qFatal("%s", qPrintable(summary.error().message));
    if (summary.value().relationsSkipped != 0)
        qFatal("%s", qPrintable(summary.value().notes.join(u'\n')));
    return std::move(ws).value();
}

void TestCycloneDxWriter::exportValidatesAgainstTheSchema()
{
    populate();
    validate(exportBytes());
    validate(exportBytes(m_ids.value(u"acme-chat"_s)));
    validate(exportBytes(m_ids.value(u"acme-api"_s)));      // a service as the scope: no metadata.component
    validate(exportBytes(m_ids.value(u"Lonely Vendor"_s))); // a supplier alone
}

void TestCycloneDxWriter::sameSetGivesSameBytes()
{
    populate();
    const QByteArray first = exportBytes();
    QCOMPARE(exportBytes(), first);
    const QJsonObject root = QJsonDocument::fromJson(first).object();
    QCOMPARE(root.value(u"specVersion"_s).toString(), u"1.6"_s);
    QCOMPARE(root.value(u"metadata"_s).toObject().value(u"timestamp"_s).toString(), u"2026-01-02T03:04:05Z"_s);
    const QString serial = root.value(u"serialNumber"_s).toString();
    QVERIFY(QRegularExpression(u"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s)
                .match(serial)
                .hasMatch());
    // A change in content changes the serial number.
    Record chat = m_ws->record(m_ids.value(u"acme-chat"_s)).value();
    chat.description = u"Changed."_s;
    QVERIFY(m_ws->updateRecord(chat).ok());
    const QJsonObject changed = QJsonDocument::fromJson(exportBytes()).object();
    QVERIFY(changed.value(u"serialNumber"_s).toString() != serial);
}

void TestCycloneDxWriter::roundTripReproducesRecordsAndRelations()
{
    populate();
    const QByteArray bom = exportBytes();
    const std::unique_ptr<Workspace> copy = reimport(bom, u"copy.strata"_s);
    const QStringList before = describe(*m_ws);
    const QStringList after = describe(*copy);
    for (qsizetype i = 0; i < std::max(before.size(), after.size()); ++i)
        QCOMPARE(after.value(i), before.value(i));
    QCOMPARE(copy->countsByKind().value(), m_ws->countsByKind().value());
    // Exporting the copy gives the same document again, ids aside.
    QVERIFY(describe(*reimport(CycloneDxWriter::write(ExportScope::build(*copy, 0, kTimestamp).value()).value(),
                               u"copy2.strata"_s)) == before);
}

void TestCycloneDxWriter::roundTripKeepsWhatAnImportKept()
{
    // spec-1.7.json holds keys the 1.6 schema refuses: they travel as strata:extra properties.
    for (const QString &name : {u"ml-bom.json"_s, u"ai-bom.json"_s, u"nested.json"_s, u"spec-1.7.json"_s}) {
        auto doc = DocumentReader::readFile(dataPath(name));
        QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().message));
        QVERIFY(m_ws->applyImport(doc.value()).ok());
    }
    const QByteArray bom = exportBytes();
    validate(bom);
    const std::unique_ptr<Workspace> copy = reimport(bom, u"copy.strata"_s);
    // Fields, artifacts and relations, and also every structure the imports kept (model cards, data[], files
    // without hashes, licenses as written, other component keys).
    const QStringList before = describe(*m_ws, true);
    const QStringList after = describe(*copy, true);
    for (qsizetype i = 0; i < std::max(before.size(), after.size()); ++i)
        QCOMPARE(after.value(i), before.value(i));
    QVERIFY(std::any_of(before.cbegin(), before.cend(),
                        [](const QString &line) { return line.contains(u"extra cyclonedx.modelCard"_s); }));

    const qint64 chat = copy->resolve(u"acme-chat@1.0"_s).value();
    QCOMPARE(copy->extras(chat)
                 .value()
                 .value(u"cyclonedx.modelCard"_s)
                 .toObject()
                 .value(u"modelParameters"_s)
                 .toObject()
                 .value(u"task"_s)
                 .toString(),
             u"text-generation"_s);
    const qint64 future = copy->resolve(u"future-model@2"_s).value();
    QVERIFY(copy->extras(future).value().value(u"cyclonedx.modelCard"_s).toObject().contains(u"x-future-section"_s));
    const qint64 tiny = copy->resolve(u"org/tiny-chat"_s).value();
    QCOMPARE(copy->record(tiny).value().license, u"LicenseRef-Tiny-Community-License"_s);
    QCOMPARE(copy->extras(tiny).value().value(u"cyclonedx.licenses"_s).toArray().size(), 1);
}

void TestCycloneDxWriter::reimportIntoTheSameWorkspaceChangesNothing()
{
    populate();
    auto doc = DocumentReader::readFile(dataPath(u"ml-bom.json"_s));
    QVERIFY(doc.ok());
    QVERIFY(m_ws->applyImport(doc.value()).ok());
    const QStringList before = describe(*m_ws, true);
    auto own = DocumentReader::read(exportBytes(), u"export.cdx.json"_s);
    QVERIFY2(own.ok(), own.ok() ? "" : qPrintable(own.error().message));
    auto summary = m_ws->applyImport(own.value());
    QVERIFY(summary.ok());
    QCOMPARE(summary.value().added, 0);
    QCOMPARE(summary.value().updated, 0);
    QCOMPARE(summary.value().relationsAdded, 0);
    QCOMPARE(describe(*m_ws, true), before);
}

void TestCycloneDxWriter::scopeHoldsTheRecordAndItsUpstreamOnly()
{
    populate();
    const qint64 chat = m_ids.value(u"acme-chat"_s);
    auto set = ExportScope::build(*m_ws, chat, kTimestamp);
    QVERIFY(set.ok());
    QStringList names;
    for (const RecordSnapshot &s : set.value().records)
        names << s.record.name;
    names.sort();
    const QStringList upstream = {u"Acme AI"_s,  u"acme-api"_s,        u"acme-base"_s,    u"acme-chat"_s,
                                  u"eval-set"_s, u"support-tickets"_s, u"transformers"_s, u"vllm"_s};
    QCOMPARE(names, upstream);

    const QByteArray bom = CycloneDxWriter::write(set.value()).value();
    validate(bom);
    const QJsonObject root = QJsonDocument::fromJson(bom).object();
    const QJsonObject metadata = root.value(u"metadata"_s).toObject();
    QCOMPARE(metadata.value(u"component"_s).toObject().value(u"bom-ref"_s).toString(), u"strata:model:%1"_s.arg(chat));
    QCOMPARE(metadata.value(u"supplier"_s).toObject().value(u"name"_s).toString(), u"Acme AI"_s);
    for (const QJsonValue &c : root.value(u"components"_s).toArray())
        QVERIFY(c.toObject().value(u"name"_s).toString() != u"acme-chat"_s); // once, as the BOM's subject
    QVERIFY(!bom.contains("Lonely Vendor"));
    QVERIFY(!bom.contains("unrelated"));

    const std::unique_ptr<Workspace> copy = reimport(bom, u"scoped.strata"_s);
    QCOMPARE(copy->recordIds(RecordQuery{}).value().size(), upstream.size());
    QCOMPARE(copy->snapshot(copy->resolve(u"acme-chat"_s).value()).value().relations.size(),
             m_ws->snapshot(chat).value().relations.size());
}

void TestCycloneDxWriter::exportNamesEveryRelationOnce()
{
    populate();
    const QJsonObject root = QJsonDocument::fromJson(exportBytes()).object();
    const qint64 chat = m_ids.value(u"acme-chat"_s);
    QJsonObject model;
    for (const QJsonValue &c : root.value(u"components"_s).toArray()) {
        if (c.toObject().value(u"bom-ref"_s).toString() == u"strata:model:%1"_s.arg(chat))
            model = c.toObject();
    }
    QVERIFY(!model.isEmpty());
    QCOMPARE(model.value(u"type"_s).toString(), u"machine-learning-model"_s);
    const QJsonArray datasets =
        model.value(u"modelCard"_s).toObject().value(u"modelParameters"_s).toObject().value(u"datasets"_s).toArray();
    QCOMPARE(datasets.size(), 1);
    QCOMPARE(datasets.at(0).toObject().value(u"ref"_s).toString(),
             u"strata:dataset:%1"_s.arg(m_ids.value(u"support-tickets"_s)));
    const QJsonArray ancestors = model.value(u"pedigree"_s).toObject().value(u"ancestors"_s).toArray();
    QCOMPARE(ancestors.size(), 1);
    QCOMPARE(ancestors.at(0).toObject().value(u"name"_s).toString(), u"acme-base"_s);
    QCOMPARE(model.value(u"supplier"_s).toObject().value(u"name"_s).toString(), u"Acme AI"_s);
    const QJsonArray files = model.value(u"components"_s).toArray();
    QCOMPARE(files.size(), 2);
    QCOMPARE(files.at(0).toObject().value(u"hashes"_s).toArray().at(0).toObject().value(u"alg"_s).toString(),
             u"SHA-512"_s); // config.json sorts first
    int dependencies = 0;
    for (const QJsonValue &d : root.value(u"dependencies"_s).toArray())
        dependencies += static_cast<int>(d.toObject().value(u"dependsOn"_s).toArray().size());
    QCOMPARE(dependencies, 3); // chat -> transformers -> vllm -> transformers
    int supplierNames = 0;
    for (const QJsonValue &p : root.value(u"properties"_s).toArray()) {
        if (p.toObject().value(u"name"_s).toString().endsWith(u":name"_s))
            ++supplierNames;
    }
    QCOMPARE(supplierNames, 2); // both suppliers, the one that provides nothing included
}

QTEST_GUILESS_MAIN(TestCycloneDxWriter)
#include "TestCycloneDxWriter.moc"
