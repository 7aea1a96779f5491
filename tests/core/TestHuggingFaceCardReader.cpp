// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "domain/Fields.h"
#include "interop/DocumentReader.h"
#include "interop/HuggingFaceCardReader.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

QByteArray fixture(const QString &relative)
{
    QFile file(QStringLiteral(STRATA_SOURCE_DIR "/tests/data/hf/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(relative));
    return file.readAll();
}

const ImportedRecord *findRecord(const ImportDocument &doc, const QString &ref)
{
    for (const ImportedRecord &r : doc.records) {
        if (r.ref == ref)
            return &r;
    }
    return nullptr;
}

QStringList relationsOf(const ImportDocument &doc, const QString &from)
{
    QStringList out;
    for (const ImportedRelation &r : doc.relations) {
        if (r.fromRef == from)
            out << u"%1 %2 %3"_s.arg(relationTypeKey(r.type), r.toRef, r.subtype).trimmed();
    }
    out.sort();
    return out;
}

/// A card made of the given front matter lines and a short body.
QByteArray card(const QByteArray &frontMatter)
{
    return "---\n" + frontMatter + "---\n\nBody.\n";
}

ImportDocument readOk(const QByteArray &data, const QString &fileName = u"card-README.md"_s)
{
    Result<ImportDocument> doc = HuggingFaceCardReader::read(data, fileName);
    if (!doc)
        qWarning("unexpected error: %s", qPrintable(doc.error().message));
    return doc ? doc.value() : ImportDocument{};
}

} // namespace

class TestHuggingFaceCardReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelCard();
    void modelCardExtras();
    void quantizedCard();
    void datasetCard();
    void nameAndKind_data();
    void nameAndKind();
    void readmeWithoutFolderIsRefused();
    void licenses_data();
    void licenses();
    void modality_data();
    void modality();
    void derivationDefaults_data();
    void derivationDefaults();
    void scalarTypes();
    void malformedYamlNamesTheLine();
    void structuralErrors_data();
    void structuralErrors();
    void deepNesting_data();
    void deepNesting();
    void aliasBombIsRefused();
    void selfReferencingAlias();
    void longStrings();
    void hugeFrontMatter();
    void cancel();
    void truncatedCardsNeverEscape();
    void lineageInWorkspace();
};

void TestHuggingFaceCardReader::modelCard()
{
    const ImportDocument doc = readOk(fixture(u"northwind-chat-7b/README.md"_s), u"northwind-chat-7b/README.md"_s);
    QCOMPARE(doc.format, u"hf-card"_s);
    QVERIFY(!doc.records.isEmpty());
    // The body quotes the card's own repo id, so the card is named by it and carries its purl.
    const ImportedRecord &model = doc.records.first();
    QCOMPARE(model.ref, u"hf:model:northwind/northwind-chat-7b"_s);
    QCOMPARE(model.record.kind, RecordKind::Model);
    QCOMPARE(model.record.name, u"northwind/northwind-chat-7b"_s);
    QCOMPARE(model.record.purl, u"pkg:huggingface/northwind/northwind-chat-7b"_s);
    QCOMPARE(model.record.sourceUrl, u"https://huggingface.co/northwind/northwind-chat-7b"_s);
    QVERIFY(!model.record.placeholder);
    QCOMPARE(model.record.license, u"LicenseRef-Llama-3.1-Community"_s);
    QCOMPARE(model.record.tags, (QStringList{u"chat"_s, u"merge"_s}));
    QCOMPARE(fields::fieldText(model.record, u"modality"_s), u"text"_s);
    QCOMPARE(model.record.description,
             u"A chat model merged from two Northwind bases. It answers questions about shipping."_s);
    QCOMPARE(fields::fieldText(model.record, u"intended_use"_s), u"Answering customer questions about orders."_s);
    QCOMPARE(fields::fieldText(model.record, u"out_of_scope_use"_s), u"Legal advice."_s);
    // The template's "[More Information Needed]" section and the heading inside the code block are skipped.
    QCOMPARE(fields::fieldText(model.record, u"limitations"_s), u"May invent tracking numbers."_s);
    for (const QString &key : {u"name"_s, u"version"_s, u"license"_s, u"tags"_s, u"modality"_s, u"description"_s,
                               u"intended_use"_s, u"limitations"_s, u"purl"_s, u"source_url"_s})
        QVERIFY2(model.statedFields.contains(key), qPrintable(key));
    QVERIFY(fields::validate(model.record).ok());
    QVERIFY(std::any_of(doc.warnings.cbegin(), doc.warnings.cend(),
                        [](const QString &w) { return w.contains(u"northwind/northwind-chat-7b"_s); }));

    QCOMPARE(relationsOf(doc, model.ref),
             (QStringList{u"derived_from hf:model:northwind/nw-base-7b merge"_s,
                          u"derived_from hf:model:other-org/nw-code-7b merge"_s,
                          u"evaluated_on hf:dataset:northwind/chat-eval"_s, u"provided_by supplier:northwind"_s,
                          u"provided_by supplier:northwind ai"_s, u"trained_on hf:dataset:northwind/chat-logs"_s,
                          u"trained_on hf:dataset:squad"_s}));

    const ImportedRecord *base = findRecord(doc, u"hf:model:northwind/nw-base-7b"_s);
    QVERIFY(base);
    QVERIFY(base->record.placeholder);
    QCOMPARE(base->statedFields, QStringList{u"name"_s});
    QCOMPARE(base->record.name, u"northwind/nw-base-7b"_s);
    QCOMPARE(base->record.purl, u"pkg:huggingface/northwind/nw-base-7b"_s);
    QCOMPARE(relationsOf(doc, base->ref), QStringList{u"provided_by supplier:northwind"_s});

    const ImportedRecord *logs = findRecord(doc, u"hf:dataset:northwind/chat-logs"_s);
    QVERIFY(logs);
    QCOMPARE(logs->record.kind, RecordKind::Dataset);
    QVERIFY(logs->record.placeholder);
    QCOMPARE(logs->record.sourceUrl, u"https://huggingface.co/datasets/northwind/chat-logs"_s);
    QVERIFY(logs->record.purl.isEmpty());
    // A legacy id without an org has no supplier.
    QVERIFY(relationsOf(doc, u"hf:dataset:squad"_s).isEmpty());

    const ImportedRecord *org = findRecord(doc, u"supplier:northwind"_s);
    QVERIFY(org);
    QCOMPARE(org->record.kind, RecordKind::Supplier);
    QVERIFY(org->record.placeholder);
    const ImportedRecord *creator = findRecord(doc, u"supplier:northwind ai"_s);
    QVERIFY(creator);
    QCOMPARE(creator->record.name, u"Northwind AI"_s);
    QCOMPARE(doc.records.size(), 9); // the card, 2 bases, 3 datasets, 3 suppliers
}

void TestHuggingFaceCardReader::modelCardExtras()
{
    const ImportDocument doc = readOk(fixture(u"northwind-chat-7b/README.md"_s), u"northwind-chat-7b/README.md"_s);
    QVERIFY(!doc.records.isEmpty());
    const QJsonObject extras = doc.records.first().extras;
    const QJsonObject cardJson = extras.value(u"hf.card"_s).toObject();
    QCOMPARE(cardJson.value(u"license"_s).toString(), u"llama3.1"_s);
    QCOMPARE(cardJson.value(u"language"_s).toArray(), (QJsonArray{u"en"_s, u"fr"_s}));
    const QJsonArray index = extras.value(u"hf.modelIndex"_s).toArray();
    QCOMPARE(index, cardJson.value(u"model-index"_s).toArray());
    const QJsonArray metrics = index.at(0)[u"results"_s].toArray().at(0)[u"metrics"_s].toArray();
    QCOMPARE(metrics.size(), 2);
    QCOMPARE(metrics.at(0)[u"value"_s].toDouble(), 0.812);
    QCOMPARE(metrics.at(0)[u"name"_s].toString(), u"Answer accuracy"_s);
    // Too large for a JSON number to hold exactly: kept as the digits.
    QCOMPARE(metrics.at(1)[u"value"_s].toString(), u"12345678901234567890"_s);
}

void TestHuggingFaceCardReader::quantizedCard()
{
    const ImportDocument doc =
        readOk(fixture(u"northwind-chat-7b-gguf-README.md"_s), u"northwind-chat-7b-gguf-README.md"_s);
    QVERIFY(!doc.records.isEmpty());
    const ImportedRecord &model = doc.records.first();
    // The text names the base and the card itself; only the one whose name is the card's own counts.
    QCOMPARE(model.record.name, u"quantco/northwind-chat-7b-gguf"_s);
    QCOMPARE(model.record.purl, u"pkg:huggingface/quantco/northwind-chat-7b-gguf"_s);
    QCOMPARE(fields::fieldText(model.record, u"format"_s), u"gguf"_s);
    QCOMPARE(relationsOf(doc, model.ref), (QStringList{u"derived_from hf:model:northwind/northwind-chat-7b quantized"_s,
                                                       u"provided_by supplier:quantco"_s}));
    const ImportedRecord *base = findRecord(doc, u"hf:model:northwind/northwind-chat-7b"_s);
    QVERIFY(base);
    QCOMPARE(base->record.purl, u"pkg:huggingface/northwind/northwind-chat-7b"_s);
}

void TestHuggingFaceCardReader::datasetCard()
{
    const ImportDocument doc = readOk(fixture(u"chat-logs/README.md"_s), u"chat-logs/README.md"_s);
    QVERIFY(!doc.records.isEmpty());
    const ImportedRecord &dataset = doc.records.first();
    QCOMPARE(dataset.record.kind, RecordKind::Dataset);
    QCOMPARE(dataset.record.name, u"northwind/chat-logs"_s);
    QCOMPARE(dataset.record.sourceUrl, u"https://huggingface.co/datasets/northwind/chat-logs"_s);
    QVERIFY(dataset.record.purl.isEmpty());
    QCOMPARE(dataset.record.license, u"CC-BY-4.0"_s);
    QCOMPARE(fields::fieldText(dataset.record, u"languages"_s), u"en, de"_s);
    QCOMPARE(fields::fieldText(dataset.record, u"collection_method"_s),
             u"Exported from the help desk and redacted by hand."_s);
    QCOMPARE(dataset.record.tags, QStringList{u"pii-redacted"_s});
    QCOMPARE(dataset.extras.value(u"hf.card"_s)[u"size_categories"_s].toArray(), QJsonArray{u"10K<n<100K"_s});
    // "original" is not a repository; "extended|ID" is the dataset it extends.
    QCOMPARE(relationsOf(doc, dataset.ref),
             (QStringList{u"derived_from hf:dataset:northwind/raw-logs other"_s, u"provided_by supplier:northwind"_s}));

    // Without a folder to confirm the repo id, the card's pretty_name names it.
    const ImportDocument loose = readOk(fixture(u"chat-logs/README.md"_s), u"logs-README.md"_s);
    QVERIFY(!loose.records.isEmpty());
    QCOMPARE(loose.records.first().record.name, u"Northwind chat logs"_s);
    QVERIFY(loose.records.first().record.sourceUrl.isEmpty());
}

void TestHuggingFaceCardReader::nameAndKind_data()
{
    QTest::addColumn<QByteArray>("frontMatter");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("purl");

    const QByteArray plain = "license: mit\n";
    QTest::newRow("folder") << plain << u"models/acme-7b/README.md"_s << u"acme-7b"_s << u"model"_s << QString();
    QTest::newRow("-README") << plain << u"/tmp/acme-7b-README.md"_s << u"acme-7b"_s << u"model"_s << QString();
    QTest::newRow("_README") << plain << u"acme_7b_README.md"_s << u"acme_7b"_s << u"model"_s << QString();
    QTest::newRow("windows") << plain << u"C:\\cards\\acme-7b\\README.md"_s << u"acme-7b"_s << u"model"_s << QString();
    QTest::newRow("hub cache") << plain << u"hub/models--acme-labs--acme-7b/snapshots/0a1b/README.md"_s
                               << u"acme-labs/acme-7b"_s << u"model"_s << u"pkg:huggingface/acme-labs/acme-7b"_s;
    QTest::newRow("hub cache dataset") << plain << u"hub/datasets--acme-labs--tickets/snapshots/0a1b/README.md"_s
                                       << u"acme-labs/tickets"_s << u"dataset"_s << QString();
    QTest::newRow("model_name wins") << QByteArray("model_name: Acme Seven\n") << u"acme-7b/README.md"_s
                                     << u"Acme Seven"_s << u"model"_s << QString();
    QTest::newRow("model-index name") << QByteArray("model-index:\n  - name: acme-7b-chat\n") << u"x-README.md"_s
                                      << u"acme-7b-chat"_s << u"model"_s << QString();
    QTest::newRow("declared repo id") << QByteArray("model_name: acme-labs/acme-7b\n") << u"x-README.md"_s
                                      << u"acme-labs/acme-7b"_s << u"model"_s << u"pkg:huggingface/acme-labs/acme-7b"_s;
    QTest::newRow("dataset keys") << QByteArray("pretty_name: Tickets\ntask_categories: [text-generation]\n")
                                  << u"x-README.md"_s << u"Tickets"_s << u"dataset"_s << QString();
    QTest::newRow("model keys outnumber") << QByteArray("pretty_name: Mixed\npipeline_tag: fill-mask\nlibrary_name: "
                                                        "transformers\n")
                                          << u"x-README.md"_s << u"Mixed"_s << u"model"_s << QString();
}

void TestHuggingFaceCardReader::nameAndKind()
{
    QFETCH(QByteArray, frontMatter);
    QFETCH(QString, fileName);
    QFETCH(QString, name);
    QFETCH(QString, kind);
    QFETCH(QString, purl);
    const ImportDocument doc = readOk(card(frontMatter), fileName);
    QVERIFY(!doc.records.isEmpty());
    QCOMPARE(doc.records.first().record.name, name);
    QCOMPARE(recordKindKey(doc.records.first().record.kind), kind);
    QCOMPARE(doc.records.first().record.purl, purl);
    QCOMPARE(doc.records.first().ref, u"hf:%1:%2"_s.arg(kind, name));
}

void TestHuggingFaceCardReader::readmeWithoutFolderIsRefused()
{
    // A bare README.md says nothing about which repository it describes: better refused than named "README".
    Result<ImportDocument> doc = HuggingFaceCardReader::read(card("license: mit\n"), u"README.md"_s);
    QVERIFY(!doc);
    QCOMPARE(doc.error().code, ErrorCode::InvalidInput);
    QVERIFY2(doc.error().message.contains(u"model_name"_s), qPrintable(doc.error().message));
}

void TestHuggingFaceCardReader::licenses_data()
{
    QTest::addColumn<QByteArray>("frontMatter");
    QTest::addColumn<QString>("license");
    QTest::newRow("apache") << QByteArray("license: apache-2.0\n") << u"Apache-2.0"_s;
    QTest::newRow("mit") << QByteArray("license: mit\n") << u"MIT"_s;
    QTest::newRow("cc-by") << QByteArray("license: cc-by-4.0\n") << u"CC-BY-4.0"_s;
    QTest::newRow("cc-by-nc") << QByteArray("license: cc-by-nc-4.0\n") << u"CC-BY-NC-4.0"_s;
    QTest::newRow("openrail") << QByteArray("license: openrail\n") << u"LicenseRef-OpenRAIL"_s;
    QTest::newRow("llama3.1") << QByteArray("license: llama3.1\n") << u"LicenseRef-Llama-3.1-Community"_s;
    QTest::newRow("gemma") << QByteArray("license: gemma\n") << u"LicenseRef-Gemma"_s;
    QTest::newRow("other named") << QByteArray("license: other\nlicense_name: acme research license\n")
                                 << u"LicenseRef-acme-research-license"_s;
    QTest::newRow("other") << QByteArray("license: other\n") << u"LicenseRef-other"_s;
    QTest::newRow("upper case key") << QByteArray("license: Apache-2.0\n") << u"Apache-2.0"_s;
    QTest::newRow("spdx kept") << QByteArray("license: GPL-3.0-or-later\n") << u"GPL-3.0-or-later"_s;
    QTest::newRow("expression") << QByteArray("license: MIT OR Apache-2.0\n") << u"MIT OR Apache-2.0"_s;
    QTest::newRow("list") << QByteArray("license: [mit, cc-by-4.0]\n") << u"MIT AND CC-BY-4.0"_s;
    QTest::newRow("free text") << QByteArray("license: \"Acme (see LICENSE)\"\n") << u"LicenseRef-Acme-see-LICENSE"_s;
    QTest::newRow("unknown") << QByteArray("license: unknown\n") << QString();
}

void TestHuggingFaceCardReader::licenses()
{
    QFETCH(QByteArray, frontMatter);
    QFETCH(QString, license);
    const ImportDocument doc = readOk(card(frontMatter));
    QVERIFY(!doc.records.isEmpty());
    QCOMPARE(doc.records.first().record.license, license);
    QCOMPARE(doc.records.first().statedFields.contains(u"license"_s), !license.isEmpty());
}

void TestHuggingFaceCardReader::modality_data()
{
    QTest::addColumn<QString>("pipelineTag");
    QTest::addColumn<QString>("modality");
    QTest::newRow("text-generation") << u"text-generation"_s << u"text"_s;
    QTest::newRow("fill-mask") << u"fill-mask"_s << u"text"_s;
    QTest::newRow("image-classification") << u"image-classification"_s << u"image"_s;
    QTest::newRow("text-to-image") << u"text-to-image"_s << u"image"_s;
    QTest::newRow("asr") << u"automatic-speech-recognition"_s << u"audio"_s;
    QTest::newRow("audio-classification") << u"audio-classification"_s << u"audio"_s;
    QTest::newRow("text-to-video") << u"text-to-video"_s << u"video"_s;
    QTest::newRow("image-text-to-text") << u"image-text-to-text"_s << u"multimodal"_s;
    QTest::newRow("robotics") << u"robotics"_s << u"other"_s;
    QTest::newRow("unknown") << u"made-up-task"_s << QString();
}

void TestHuggingFaceCardReader::modality()
{
    QFETCH(QString, pipelineTag);
    QFETCH(QString, modality);
    const ImportDocument doc = readOk(card("pipeline_tag: " + pipelineTag.toUtf8() + "\n"));
    QVERIFY(!doc.records.isEmpty());
    QCOMPARE(fields::fieldText(doc.records.first().record, u"modality"_s), modality);
}

void TestHuggingFaceCardReader::derivationDefaults_data()
{
    QTest::addColumn<QByteArray>("frontMatter");
    QTest::addColumn<QStringList>("relations");
    QTest::addColumn<bool>("warned");
    QTest::newRow("one base") << QByteArray("base_model: acme/base\n")
                              << QStringList{u"derived_from hf:model:acme/base finetune"_s} << false;
    QTest::newRow("two bases") << QByteArray("base_model: [acme/a, acme/b]\n")
                               << QStringList{u"derived_from hf:model:acme/a merge"_s,
                                              u"derived_from hf:model:acme/b merge"_s}
                               << false;
    QTest::newRow("adapter") << QByteArray("base_model: acme/base\nbase_model_relation: adapter\n")
                             << QStringList{u"derived_from hf:model:acme/base adapter"_s} << false;
    QTest::newRow("unknown relation") << QByteArray("base_model: acme/base\nbase_model_relation: distill\n")
                                      << QStringList{u"derived_from hf:model:acme/base other"_s} << true;
    QTest::newRow("not a repo id") << QByteArray("base_model: \"not a repo id!\"\n") << QStringList() << true;
    QTest::newRow("itself") << QByteArray("model_name: acme/self\nbase_model: acme/self\n") << QStringList() << true;
}

void TestHuggingFaceCardReader::derivationDefaults()
{
    QFETCH(QByteArray, frontMatter);
    QFETCH(QStringList, relations);
    QFETCH(bool, warned);
    const ImportDocument doc = readOk(card(frontMatter));
    QVERIFY(!doc.records.isEmpty());
    QStringList derived = relationsOf(doc, doc.records.first().ref).filter(u"derived_from"_s);
    QCOMPARE(derived, relations);
    QCOMPARE(!doc.warnings.isEmpty(), warned);
}

void TestHuggingFaceCardReader::scalarTypes()
{
    const ImportDocument doc =
        readOk(card("license: mit\nquoted: \"1.10\"\nplain: 1.10\nflag: true\nnothing: ~\nhex: 0x1F\n"
                    "big: 98765432109876543210\nliteral: |\n  two\n  lines\n"));
    QVERIFY(!doc.records.isEmpty());
    const QJsonObject cardJson = doc.records.first().extras.value(u"hf.card"_s).toObject();
    QCOMPARE(cardJson.value(u"quoted"_s), QJsonValue(u"1.10"_s));
    QCOMPARE(cardJson.value(u"plain"_s), QJsonValue(1.1));
    QCOMPARE(cardJson.value(u"flag"_s), QJsonValue(true));
    QVERIFY(cardJson.value(u"nothing"_s).isNull());
    QCOMPARE(cardJson.value(u"hex"_s), QJsonValue(u"0x1F"_s));
    QCOMPARE(cardJson.value(u"big"_s), QJsonValue(u"98765432109876543210"_s));
    QCOMPARE(cardJson.value(u"literal"_s), QJsonValue(u"two\nlines\n"_s));
}

void TestHuggingFaceCardReader::malformedYamlNamesTheLine()
{
    Result<ImportDocument> doc =
        HuggingFaceCardReader::read(fixture(u"malformed-README.md"_s), u"malformed-README.md"_s);
    QVERIFY(!doc);
    QCOMPARE(doc.error().code, ErrorCode::InvalidInput);
    // Line 6 holds "library_name: x: y"; the column points at the second colon.
    QVERIFY2(doc.error().message.contains(u"malformed-README.md, line 6, column 16"_s),
             qPrintable(doc.error().message));
}

void TestHuggingFaceCardReader::structuralErrors_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("no front matter") << fixture(u"no-front-matter-README.md"_s) << QStringList{u"x.md, line 1"_s};
    QTest::newRow("leading blank lines") << QByteArray("\n\n# title\n") << QStringList{u"x.md, line 3"_s};
    QTest::newRow("never closed") << QByteArray("---\nlicense: mit\n\n# Title\n") << QStringList{u"x.md, line 1"_s};
    QTest::newRow("mapping expected") << fixture(u"wrong-type-README.md"_s)
                                      << QStringList{u"x.md, line 8"_s, u"base_model"_s};
    QTest::newRow("list at top") << QByteArray("---\n- a\n- b\n---\n") << QStringList{u"x.md, line 2"_s};
    QTest::newRow("duplicate key") << QByteArray("---\nlicense: mit\ntags: [a]\nlicense: apache-2.0\n---\n")
                                   << QStringList{u"x.md, line 4"_s, u"\"license\""_s};
    QTest::newRow("complex key") << QByteArray("---\n? [a, b]\n: c\n---\n") << QStringList{u"x.md, line 2"_s};
    QTest::newRow("model-index not a list")
        << QByteArray("---\nmodel-index: {name: x}\n---\n") << QStringList{u"x.md, line 2"_s, u"model-index"_s};
    QTest::newRow("dataset not a mapping")
        << QByteArray("---\nmodel-index:\n  - name: x\n    results:\n      - dataset: [a]\n---\n")
        << QStringList{u"x.md, line 5"_s, u"model-index[0].results[0].dataset"_s};
    QTest::newRow("not a card") << QByteArray("---\ntitle: A blog post\nlayout: post\n---\n\nHello.\n")
                                << QStringList{u"x.md"_s, u"Hugging Face card"_s};
    QTest::newRow("empty front matter") << QByteArray("---\n---\n\nHello.\n") << QStringList{u"x.md"_s};
    QTest::newRow("tag list of lists") << QByteArray("---\ntags:\n  - [a]\n---\n")
                                       << QStringList{u"x.md, line 3"_s, u"tags[0]"_s};
}

void TestHuggingFaceCardReader::structuralErrors()
{
    QFETCH(QByteArray, data);
    QFETCH(QStringList, expected);
    Result<ImportDocument> doc = HuggingFaceCardReader::read(data, u"x.md"_s);
    QVERIFY(!doc);
    QCOMPARE(doc.error().code, ErrorCode::InvalidInput);
    for (const QString &part : expected)
        QVERIFY2(doc.error().message.contains(part), qPrintable(doc.error().message));
}

void TestHuggingFaceCardReader::deepNesting_data()
{
    QTest::addColumn<QByteArray>("frontMatter");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<bool>("accepted");
    // The root mapping is level 1, so "a: [[...]]" with n brackets is n + 1 levels deep.
    const auto flow = [](int n) -> QByteArray {
        return "license: mit\na: " + QByteArray(n, '[') + QByteArray(n, ']') + "\n";
    };
    const auto block = [](int n) -> QByteArray {
        QByteArray out = "license: mit\n";
        for (int i = 0; i < n; ++i)
            out += QByteArray(i * 2, ' ') + "k:\n";
        return out + QByteArray(n * 2, ' ') + "k: leaf\n";
    };
    QTest::newRow("flow at the cap") << flow(63) << 64 << true;
    QTest::newRow("flow past the cap") << flow(64) << 64 << false;
    QTest::newRow("block at the cap") << block(63) << 64 << true;
    QTest::newRow("block past the cap") << block(64) << 64 << false;
    QTest::newRow("lower cap") << flow(8) << 8 << false;
    // Past yaml-cpp's own recursion guard (2000): refused by the first pass long before.
    QTest::newRow("very deep flow") << flow(50000) << 64 << false;
}

void TestHuggingFaceCardReader::deepNesting()
{
    QFETCH(QByteArray, frontMatter);
    QFETCH(int, maxDepth);
    QFETCH(bool, accepted);
    ImportLimits limits;
    limits.maxDepth = maxDepth;
    Result<ImportDocument> doc = HuggingFaceCardReader::read(card(frontMatter), u"deep-README.md"_s, limits);
    QCOMPARE(doc.ok(), accepted);
    if (!accepted)
        QVERIFY2(doc.error().message.contains(QString::number(maxDepth)), qPrintable(doc.error().message));
}

void TestHuggingFaceCardReader::aliasBombIsRefused()
{
    // "Billion laughs": ten levels of ten aliases each expand to 10^10 strings.
    QByteArray yaml = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int i = 1; i < 10; ++i) {
        const QByteArray prev = "*l" + QByteArray::number(i - 1);
        QByteArrayList items;
        for (int j = 0; j < 10; ++j)
            items << prev;
        yaml += "l" + QByteArray::number(i) + ": &l" + QByteArray::number(i) + " [" + items.join(", ") + "]\n";
    }
    Result<ImportDocument> doc = HuggingFaceCardReader::read(card(yaml), u"bomb-README.md"_s);
    QVERIFY(!doc);
    QCOMPARE(doc.error().code, ErrorCode::InvalidInput);
    QVERIFY2(doc.error().message.contains(u"alias"_s), qPrintable(doc.error().message));

    // A few aliases are fine.
    Result<ImportDocument> small =
        HuggingFaceCardReader::read(card("base: &b acme/base\nbase_model: *b\n"), u"alias-README.md"_s);
    QVERIFY(small);
    QCOMPARE(relationsOf(small.value(), small.value().records.first().ref),
             QStringList{u"derived_from hf:model:acme/base finetune"_s});
}

void TestHuggingFaceCardReader::selfReferencingAlias()
{
    Result<ImportDocument> doc = HuggingFaceCardReader::read(card("a: &x [1, *x]\n"), u"loop-README.md"_s);
    QVERIFY(!doc);
    QCOMPARE(doc.error().code, ErrorCode::InvalidInput);
}

void TestHuggingFaceCardReader::longStrings()
{
    ImportLimits limits;
    limits.maxStringLength = 1000;
    QVERIFY(HuggingFaceCardReader::read(card("tags: [" + QByteArray(1000, 'x') + "]\n"), u"s-README.md"_s, limits));
    Result<ImportDocument> doc =
        HuggingFaceCardReader::read(card("tags: [" + QByteArray(1001, 'x') + "]\n"), u"s-README.md"_s, limits);
    QVERIFY(!doc);
    QVERIFY2(doc.error().message.contains(u"1000"_s), qPrintable(doc.error().message));
}

void TestHuggingFaceCardReader::hugeFrontMatter()
{
    QByteArray yaml;
    for (int i = 0; yaml.size() <= 1024 * 1024; ++i)
        yaml += "key" + QByteArray::number(i) + ": some value\n";
    Result<ImportDocument> doc = HuggingFaceCardReader::read(card(yaml), u"big-README.md"_s);
    QVERIFY(!doc);
    QVERIFY2(doc.error().message.contains(u"1024 KiB"_s), qPrintable(doc.error().message));

    ImportLimits limits;
    limits.maxFileBytes = 100;
    QVERIFY(!HuggingFaceCardReader::read(card(QByteArray(200, '#')), u"big-README.md"_s, limits));
}

void TestHuggingFaceCardReader::cancel()
{
    std::atomic<bool> cancelled{true};
    ImportLimits limits;
    limits.cancel = &cancelled;
    Result<ImportDocument> doc = HuggingFaceCardReader::read(card("license: mit\n"), u"c-README.md"_s, limits);
    QVERIFY(!doc);
    QCOMPARE(doc.error().code, ErrorCode::Cancelled);
}

void TestHuggingFaceCardReader::truncatedCardsNeverEscape()
{
    // Every prefix and a thousand byte flips of a real card: each is read or refused, never thrown.
    const QByteArray full = fixture(u"northwind-chat-7b/README.md"_s);
    int accepted = 0;
    for (qsizetype n = 0; n <= full.size(); ++n) {
        if (HuggingFaceCardReader::read(full.left(n), u"t-README.md"_s))
            ++accepted;
    }
    QVERIFY(accepted > 0);
    QVERIFY(accepted < full.size());
    QRandomGenerator random(20260101);
    for (int i = 0; i < 1000; ++i) {
        QByteArray mutated = full;
        mutated[random.bounded(int(mutated.size()))] = char(random.bounded(256));
        Result<ImportDocument> doc = HuggingFaceCardReader::read(mutated, u"t-README.md"_s);
        QVERIFY(doc.ok() || !doc.error().message.isEmpty());
    }
}

void TestHuggingFaceCardReader::lineageInWorkspace()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto ws = Workspace::open(dir.filePath(u"ws.strata"_s));
    QVERIFY(ws);
    const QList<std::pair<QString, QString>> cards = {
        {u"northwind-chat-7b/README.md"_s, u"northwind-chat-7b/README.md"_s},
        {u"northwind-chat-7b-gguf-README.md"_s, u"northwind-chat-7b-gguf-README.md"_s},
        {u"chat-logs/README.md"_s, u"chat-logs/README.md"_s},
    };
    for (const auto &[file, name] : cards) {
        Result<ImportDocument> doc = DocumentReader::read(fixture(file), name);
        QVERIFY2(doc, qPrintable(doc ? QString() : doc.error().message));
        Result<ImportSummary> summary = ws.value()->applyImport(doc.value());
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().message));
        QVERIFY(summary.value().changedAnything());
    }
    Workspace &w = *ws.value();
    // The quantized card's base_model placeholder matched the fine-tune by purl: one record, not two.
    Result<qint64> chat = w.resolve(u"northwind/northwind-chat-7b"_s, RecordKind::Model);
    QVERIFY(chat);
    QVERIFY(!w.record(chat.value()).value().placeholder);
    Result<qint64> gguf = w.resolve(u"quantco/northwind-chat-7b-gguf"_s, RecordKind::Model);
    QVERIFY(gguf);
    const RecordSnapshot snapshot = w.snapshot(gguf.value()).value();
    const auto derived =
        std::find_if(snapshot.relations.cbegin(), snapshot.relations.cend(),
                     [](const RelatedRecord &r) { return r.outgoing && r.relation.type == RelationType::DerivedFrom; });
    QVERIFY(derived != snapshot.relations.cend());
    QCOMPARE(derived->otherId, chat.value());
    QCOMPARE(derived->relation.subtype, u"quantized"_s);
    // The dataset card filled in the placeholder the fine-tune was trained on.
    Result<qint64> logs = w.resolve(u"northwind/chat-logs"_s, RecordKind::Dataset);
    QVERIFY(logs);
    const Record logsRecord = w.record(logs.value()).value();
    QVERIFY(!logsRecord.placeholder);
    QCOMPARE(logsRecord.license, u"CC-BY-4.0"_s);
    const RecordSnapshot chatSnapshot = w.snapshot(chat.value()).value();
    QVERIFY(std::any_of(chatSnapshot.relations.cbegin(), chatSnapshot.relations.cend(), [&](const RelatedRecord &r) {
        return r.outgoing && r.relation.type == RelationType::TrainedOn && r.otherId == logs.value();
    }));
    for (const auto &[file, name] : cards) {
        Result<ImportSummary> again = w.applyImport(DocumentReader::read(fixture(file), name).value());
        QVERIFY(again);
        QVERIFY2(!again.value().changedAnything(), qPrintable(file));
    }
}

QTEST_GUILESS_MAIN(TestHuggingFaceCardReader)
#include "TestHuggingFaceCardReader.moc"
