// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "domain/Fields.h"
#include "interop/DocumentReader.h"
#include "interop/ImportDocument.h"
#include "interop/Spdx3Writer.h"
#include "workspace/ExportScope.h"
#include "workspace/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

const QDateTime kWhen = QDateTime(QDate(2026, 3, 1), QTime(12, 30, 0), Qt::UTC);

Result<Record> make(RecordKind kind,
                    const QString &name,
                    const QString &version,
                    const QList<QPair<QString, QString>> &values)
{
    Record r;
    r.kind = kind;
    r.name = name;
    r.version = version;
    for (const auto &[key, text] : values) {
        if (Status s = fields::setField(r, key, text); !s)
            return s.error();
    }
    return r;
}

Artifact artifact(qint64 recordId, const QString &fileName, const QString &algorithm, QChar digit, qint64 size)
{
    Artifact a;
    a.recordId = recordId;
    a.fileName = fileName;
    a.algorithm = algorithm;
    a.digest = QString(algorithm == u"sha512"_s ? 128 : 64, digit);
    a.size = size;
    return a;
}

/// Every record of a workspace with all its fields, artifacts and relations, one line each, sorted: two
/// workspaces hold the same inventory when their descriptions are equal.
QStringList describe(const Workspace &ws)
{
    QStringList lines;
    const QVector<qint64> ids = ws.recordIds(RecordQuery{}).value();
    for (qint64 id : ids) {
        const RecordSnapshot s = ws.snapshot(id).value();
        const Record &r = s.record;
        const QString who = u"%1|%2|%3"_s.arg(recordKindKey(r.kind), r.name, r.version);
        QStringList values;
        for (const FieldSpec &spec : fields::allFields(r.kind))
            values << u"%1=%2"_s.arg(spec.key, fields::fieldText(r, spec.key));
        lines << u"record|%1|placeholder=%2|%3"_s.arg(who).arg(r.placeholder).arg(values.join(u';'));
        for (const Artifact &a : s.artifacts)
            lines << u"artifact|%1|%2|%3|%4|%5"_s.arg(who, a.fileName, a.algorithm, a.digest).arg(a.size);
        for (const RelatedRecord &rel : s.relations) {
            if (rel.outgoing)
                lines << u"relation|%1|%2|%3|%4|%5|%6"_s.arg(who, relationTypeKey(rel.relation.type),
                                                             rel.relation.subtype, recordKindKey(rel.otherKind),
                                                             rel.otherName, rel.otherVersion);
        }
    }
    lines.sort();
    return lines;
}

} // namespace

/// Exports a real workspace as SPDX 3.0.1 and checks the bytes, the structure and the round trip back.
class TestSpdx3Writer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sameSetGivesSameBytes();
    void exportIsStructurallyValid();
    void mapsKindsAndRelationsToSpdx();
    void roundTripReproducesTheWorkspace();
    void scopedExportHasTheScopeAsRoot();

private:
    QByteArray exportAll() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    QHash<QString, qint64> m_ids;
};

void TestSpdx3Writer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto ws = Workspace::open(m_dir->filePath(u"lab inventory.strata"_s));
    QVERIFY(ws.ok());
    m_ws = std::move(ws).value();
    m_ids.clear();
    const auto create = [this](const Result<Record> &r) {
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        auto id = m_ws->createRecord(r.value());
        QVERIFY2(id.ok(), id.ok() ? "" : qPrintable(id.error().message));
        m_ids.insert(r.value().name, id.value());
    };
    create(make(RecordKind::Supplier, u"Northwind AI"_s, {},
                {{u"website"_s, u"https://northwind.example"_s},
                 {u"jurisdiction"_s, u"DE"_s},
                 {u"legal_name"_s, u"Northwind AI GmbH"_s},
                 {u"certifications"_s, u"ISO/IEC 27001|BSI|2027-03-31"_s},
                 {u"criticality_tier"_s, u"2"_s},
                 {u"contract_status"_s, u"active"_s},
                 {u"description"_s, u"Model vendor."_s},
                 {u"notes"_s, u"Reviewed **yearly**."_s},
                 {u"tags"_s, u"vendor, eu"_s}}));
    create(make(RecordKind::Supplier, u"Jane Analyst"_s, {}, {}));
    create(make(RecordKind::Model, u"Northwind 7B"_s, u"1.0"_s,
                {{u"description"_s, u"Base model.\nTwo lines."_s},
                 {u"license"_s, u"Apache-2.0"_s},
                 {u"source_url"_s, u"https://huggingface.co/northwind/7b"_s},
                 {u"purl"_s, u"pkg:huggingface/northwind/7b@1.0"_s},
                 {u"tags"_s, u"llm, base"_s},
                 {u"architecture"_s, u"LlamaForCausalLM"_s},
                 {u"parameter_count"_s, u"7000000000"_s},
                 {u"format"_s, u"safetensors"_s},
                 {u"modality"_s, u"text"_s},
                 {u"intended_use"_s, u"Research."_s},
                 {u"out_of_scope_use"_s, u"Medical advice."_s},
                 {u"limitations"_s, u"English only."_s},
                 {u"training_cutoff"_s, u"2024-06-30"_s}}));
    create(make(RecordKind::Model, u"Northwind 7B Chat"_s, u"1.0"_s,
                {{u"license"_s, u"MIT OR Apache-2.0"_s}, {u"notes"_s, u"Chat tune."_s}}));
    Result<Record> mystery = make(RecordKind::Model, u"Mystery Base"_s, {}, {});
    mystery.value().placeholder = true;
    create(mystery);
    create(make(RecordKind::Dataset, u"Chat Logs"_s, u"2024"_s,
                {{u"origin"_s, u"collected"_s},
                 {u"collection_method"_s, u"Opt-in logs."_s},
                 {u"size_records"_s, u"120000"_s},
                 {u"size_bytes"_s, u"987654321012"_s},
                 {u"languages"_s, u"en, de"_s},
                 {u"personal_data"_s, u"yes"_s},
                 {u"legal_basis"_s, u"Consent"_s},
                 {u"retention"_s, u"2 years"_s},
                 {u"license"_s, u"LicenseRef-Internal"_s}}));
    create(make(RecordKind::Dataset, u"Eval Set"_s, {}, {{u"personal_data"_s, u"unknown"_s}}));
    create(make(RecordKind::Software, u"vllm"_s, u"0.6.0"_s,
                {{u"software_type"_s, u"tool"_s}, {u"ecosystem"_s, u"pypi"_s}, {u"purl"_s, u"pkg:pypi/vllm@0.6.0"_s}}));
    create(make(RecordKind::Software, u"torch"_s, u"2.3.0"_s, {{u"software_type"_s, u"framework"_s}}));
    create(make(RecordKind::Service, u"Inference API"_s, {},
                {{u"service_type"_s, u"hosted_api"_s},
                 {u"provider"_s, u"Northwind"_s},
                 {u"region"_s, u"eu-central-1"_s},
                 {u"data_processing_terms"_s, u"DPA 2025"_s},
                 {u"source_url"_s, u"https://api.northwind.example"_s}}));

    const auto link = [this](const QString &from, RelationType type, const QString &to, const QString &subtype = {}) {
        auto r = m_ws->link(m_ids.value(from), type, m_ids.value(to), subtype);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    };
    link(u"Northwind 7B"_s, RelationType::ProvidedBy, u"Northwind AI"_s);
    link(u"Northwind 7B Chat"_s, RelationType::ProvidedBy, u"Northwind AI"_s);
    link(u"Northwind 7B Chat"_s, RelationType::ProvidedBy, u"Jane Analyst"_s);
    link(u"Northwind 7B Chat"_s, RelationType::DerivedFrom, u"Northwind 7B"_s, u"finetune"_s);
    link(u"Northwind 7B"_s, RelationType::DerivedFrom, u"Mystery Base"_s);
    link(u"Northwind 7B Chat"_s, RelationType::TrainedOn, u"Chat Logs"_s);
    link(u"Northwind 7B Chat"_s, RelationType::EvaluatedOn, u"Eval Set"_s);
    link(u"Northwind 7B Chat"_s, RelationType::DependsOn, u"vllm"_s);
    link(u"vllm"_s, RelationType::DependsOn, u"torch"_s);
    link(u"Northwind 7B Chat"_s, RelationType::HostedOn, u"Inference API"_s);
    link(u"Inference API"_s, RelationType::ProvidedBy, u"Northwind AI"_s);

    for (const Artifact &a : {artifact(m_ids.value(u"Northwind 7B"_s), u"model.safetensors"_s, u"sha256"_s, u'a', 100),
                              artifact(m_ids.value(u"Northwind 7B"_s), u"config.json"_s, u"sha512"_s, u'b', -1),
                              artifact(m_ids.value(u"Chat Logs"_s), u"data/train.parquet"_s, u"sha256"_s, u'c', 0)})
        QVERIFY(m_ws->addArtifact(a).ok());

    // Structures a CycloneDX import kept for the base model travel through SPDX too.
    ImportDocument kept;
    kept.format = u"cyclonedx"_s;
    kept.fileName = u"vendor.json"_s;
    kept.sha256 = QString(64, u'0');
    ImportedRecord base;
    base.ref = u"m-1"_s;
    base.record.kind = RecordKind::Model;
    base.record.name = u"Northwind 7B"_s;
    base.record.version = u"1.0"_s;
    base.statedFields = {u"name"_s, u"version"_s};
    base.extras.insert(u"cyclonedx.modelCard"_s,
                       QJsonObject{{u"modelParameters"_s, QJsonObject{{u"task"_s, u"text-generation"_s}}},
                                   {u"considerations"_s, QJsonObject{{u"users"_s, QJsonArray{u"analysts"_s}}}}});
    base.extras.insert(u"hf.tags"_s, QJsonArray{u"llama"_s, u"text-generation"_s});
    kept.records << base;
    QVERIFY(m_ws->applyImport(kept).ok());
}

void TestSpdx3Writer::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

QByteArray TestSpdx3Writer::exportAll() const
{
    auto set = ExportScope::build(*m_ws, 0, kWhen);
    if (!set)
        return {};
    auto bytes = Spdx3Writer::write(set.value());
    return bytes ? bytes.value() : QByteArray();
}

void TestSpdx3Writer::sameSetGivesSameBytes()
{
    const QByteArray first = exportAll();
    QVERIFY(!first.isEmpty());
    QCOMPARE(exportAll(), first);
    auto set = ExportScope::build(*m_ws, 0, kWhen.addSecs(60));
    QVERIFY(set.ok());
    const QByteArray later = Spdx3Writer::write(set.value()).value();
    QVERIFY(later != first);
    QVERIFY(later.contains("\"created\": \"2026-03-01T12:31:00Z\""));
    QVERIFY(first.contains("\"created\": \"2026-03-01T12:30:00Z\""));
    QCOMPARE(QString::fromUtf8(later).replace(u"12:31:00Z"_s, u"12:30:00Z"_s), QString::fromUtf8(first));
}

void TestSpdx3Writer::exportIsStructurallyValid()
{
    const QByteArray bytes = exportAll();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.object().value(u"@context"_s).toString(), u"https://spdx.org/rdf/3.0.1/spdx-context.jsonld"_s);
    const QJsonArray graph = doc.object().value(u"@graph"_s).toArray();
    QVERIFY(graph.size() > 20);

    QSet<QString> ids;
    QSet<QString> creationInfos;
    for (const QJsonValue &v : graph) {
        const QJsonObject e = v.toObject();
        const QString type = e.value(u"type"_s).toString();
        QVERIFY2(!type.isEmpty(), "every element has a type");
        if (type == u"CreationInfo"_s) {
            creationInfos.insert(e.value(u"@id"_s).toString());
            QCOMPARE(e.value(u"specVersion"_s).toString(), u"3.0.1"_s);
            QCOMPARE(e.value(u"created"_s).toString(), u"2026-03-01T12:30:00Z"_s);
            continue;
        }
        const QString id = e.value(u"spdxId"_s).toString();
        QVERIFY2(id.startsWith(u"https://strata.invalid/spdx/lab%20inventory/"_s), qPrintable(id));
        QVERIFY2(!ids.contains(id), qPrintable(u"duplicate spdxId %1"_s.arg(id)));
        ids.insert(id);
    }
    QCOMPARE(creationInfos, QSet<QString>{u"_:creationinfo"_s});
    const auto resolves = [&ids](const QJsonValue &ref) { return ids.contains(ref.toString()); };
    int relationships = 0;
    for (const QJsonValue &v : graph) {
        const QJsonObject e = v.toObject();
        if (e.value(u"type"_s).toString() == u"CreationInfo"_s) {
            for (const QJsonValue &agent : e.value(u"createdBy"_s).toArray())
                QVERIFY(resolves(agent));
            continue;
        }
        QVERIFY(creationInfos.contains(e.value(u"creationInfo"_s).toString()));
        if (e.contains(u"from"_s)) {
            ++relationships;
            QVERIFY2(resolves(e.value(u"from"_s)), qPrintable(e.value(u"from"_s).toString()));
            QVERIFY(!e.value(u"to"_s).toArray().isEmpty());
            for (const QJsonValue &to : e.value(u"to"_s).toArray())
                QVERIFY2(resolves(to), qPrintable(to.toString()));
        }
        if (e.contains(u"suppliedBy"_s))
            QVERIFY(resolves(e.value(u"suppliedBy"_s)));
        for (const QString &key : {u"originatedBy"_s, u"rootElement"_s, u"element"_s}) {
            for (const QJsonValue &ref : e.value(key).toArray())
                QVERIFY2(resolves(ref), qPrintable(ref.toString()));
        }
        for (const QJsonValue &h : e.value(u"verifiedUsing"_s).toArray()) {
            const QString algorithm = h.toObject().value(u"algorithm"_s).toString();
            QCOMPARE(h.toObject().value(u"hashValue"_s).toString().size(), algorithm == u"sha512"_s ? 128 : 64);
        }
    }
    // 7 relations besides provided_by (which is suppliedBy), 3 declared licenses, 2 records with files.
    QCOMPARE(relationships, 7 + 3 + 2);

    // Our own reader accepts it without a single warning.
    auto read = DocumentReader::read(bytes, u"export.spdx.json"_s);
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
    QVERIFY2(read.value().warnings.isEmpty(), qPrintable(read.value().warnings.join(u'\n')));
    QCOMPARE(read.value().records.size(), m_ids.size());
}

void TestSpdx3Writer::mapsKindsAndRelationsToSpdx()
{
    const QJsonArray graph = QJsonDocument::fromJson(exportAll()).object().value(u"@graph"_s).toArray();
    QHash<QString, QJsonObject> byName;
    QList<QJsonObject> relationships;
    for (const QJsonValue &v : graph) {
        const QJsonObject e = v.toObject();
        if (e.contains(u"relationshipType"_s))
            relationships << e;
        else if (e.contains(u"name"_s))
            byName.insert(e.value(u"name"_s).toString(), e);
    }
    QCOMPARE(byName.value(u"Northwind 7B"_s).value(u"type"_s).toString(), u"ai_AIPackage"_s);
    QCOMPARE(byName.value(u"Northwind 7B"_s).value(u"ai_limitation"_s).toString(), u"English only."_s);
    QCOMPARE(byName.value(u"Northwind 7B"_s).value(u"software_packageVersion"_s).toString(), u"1.0"_s);
    QCOMPARE(byName.value(u"Chat Logs"_s).value(u"type"_s).toString(), u"dataset_DatasetPackage"_s);
    QCOMPARE(byName.value(u"Chat Logs"_s).value(u"dataset_datasetSize"_s).toInteger(), 987654321012LL);
    QCOMPARE(byName.value(u"Chat Logs"_s).value(u"dataset_hasSensitivePersonalInformation"_s).toString(), u"yes"_s);
    QCOMPARE(byName.value(u"Eval Set"_s).value(u"dataset_hasSensitivePersonalInformation"_s).toString(),
             u"noAssertion"_s);
    QCOMPARE(byName.value(u"vllm"_s).value(u"software_primaryPurpose"_s).toString(), u"application"_s);
    QCOMPARE(byName.value(u"torch"_s).value(u"software_primaryPurpose"_s).toString(), u"framework"_s);
    const QJsonObject service = byName.value(u"Inference API"_s);
    QCOMPARE(service.value(u"type"_s).toString(), u"software_Package"_s);
    QCOMPARE(service.value(u"software_primaryPurpose"_s).toString(), u"other"_s);
    QVERIFY(QJsonDocument(service.value(u"extension"_s).toArray()).toJson().contains("strata:kind"));
    QCOMPARE(byName.value(u"Northwind AI"_s).value(u"type"_s).toString(), u"Organization"_s);
    QCOMPARE(byName.value(u"model.safetensors"_s).value(u"type"_s).toString(), u"software_File"_s);

    QSet<QString> types;
    for (const QJsonObject &r : std::as_const(relationships)) {
        types.insert(r.value(u"relationshipType"_s).toString());
        if (r.value(u"type"_s).toString() == u"LifecycleScopedRelationship"_s) {
            QCOMPARE(r.value(u"relationshipType"_s).toString(), u"dependsOn"_s);
            QCOMPARE(r.value(u"scope"_s).toString(), u"runtime"_s);
        }
    }
    QCOMPARE(types, (QSet<QString>{u"descendantOf"_s, u"trainedOn"_s, u"testedOn"_s, u"dependsOn"_s,
                                   u"hasDeclaredLicense"_s, u"contains"_s}));
}

void TestSpdx3Writer::roundTripReproducesTheWorkspace()
{
    const QByteArray bytes = exportAll();
    auto doc = DocumentReader::read(bytes, u"export.spdx.json"_s);
    QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().message));

    QTemporaryDir other;
    auto copy = Workspace::open(other.filePath(u"copy.strata"_s));
    QVERIFY(copy.ok());
    auto summary = copy.value()->applyImport(doc.value());
    QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message));
    QCOMPARE(summary.value().relationsSkipped, 0);
    QCOMPARE(summary.value().placeholders, 1);

    const QStringList original = describe(*m_ws);
    const QStringList roundTrip = describe(*copy.value());
    QCOMPARE(roundTrip.size(), original.size());
    for (qsizetype i = 0; i < original.size(); ++i)
        QCOMPARE(roundTrip.at(i), original.at(i));

    // Kept structures come back unchanged under their own keys.
    const QJsonObject keptBefore = m_ws->extras(m_ids.value(u"Northwind 7B"_s)).value();
    const qint64 copied = copy.value()->resolve(u"Northwind 7B@1.0"_s).value();
    const QJsonObject keptAfter = copy.value()->extras(copied).value();
    QVERIFY(keptBefore.contains(u"cyclonedx.modelCard"_s));
    for (auto it = keptBefore.constBegin(); it != keptBefore.constEnd(); ++it)
        QCOMPARE(keptAfter.value(it.key()), it.value());

    // Exporting the copy and importing that again changes nothing.
    auto set = ExportScope::build(*copy.value(), 0, kWhen);
    QVERIFY(set.ok());
    auto again = DocumentReader::read(Spdx3Writer::write(set.value()).value(), u"again.spdx.json"_s);
    QVERIFY(again.ok());
    auto second = copy.value()->applyImport(again.value());
    QVERIFY(second.ok());
    QCOMPARE(second.value().added, 0);
    QCOMPARE(second.value().updated, 0);
    QCOMPARE(second.value().relationsAdded, 0);
}

void TestSpdx3Writer::scopedExportHasTheScopeAsRoot()
{
    const qint64 vllm = m_ids.value(u"vllm"_s);
    auto set = ExportScope::build(*m_ws, vllm, kWhen);
    QVERIFY(set.ok());
    const QJsonArray graph =
        QJsonDocument::fromJson(Spdx3Writer::write(set.value()).value()).object().value(u"@graph"_s).toArray();
    QStringList names;
    QJsonArray roots;
    for (const QJsonValue &v : graph) {
        const QJsonObject e = v.toObject();
        if (e.value(u"type"_s).toString() == u"Bom"_s)
            roots = e.value(u"rootElement"_s).toArray();
        else if (e.value(u"type"_s).toString().endsWith(u"Package"_s))
            names << e.value(u"name"_s).toString();
    }
    names.sort();
    QCOMPARE(names, (QStringList{u"torch"_s, u"vllm"_s}));
    QCOMPARE(roots, QJsonArray{u"https://strata.invalid/spdx/lab%20inventory/software-%1"_s.arg(vllm)});
}

QTEST_GUILESS_MAIN(TestSpdx3Writer)
#include "TestSpdx3Writer.moc"
