// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/CycloneDxElements.h"
#include "interop/CycloneDxReader.h"
#include "interop/JsonScan.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

QJsonObject component(const QString &ref, const QString &name, const QString &version)
{
    return QJsonObject{{u"bom-ref"_s, ref},
                       {u"type"_s, u"library"_s},
                       {u"name"_s, name},
                       {u"version"_s, version},
                       {u"purl"_s, u"pkg:npm/%1@%2"_s.arg(name, version)},
                       {u"licenses"_s, QJsonArray{QJsonObject{{u"license"_s, QJsonObject{{u"id"_s, u"MIT"_s}}}}}}};
}

/// A BOM with every part the streaming reader splits or leaves whole: metadata.component, nested components,
/// nested services, dependencies, and strings full of the characters a structural scan must not misread.
QJsonObject sampleBom()
{
    QJsonObject app = component(u"app"_s, u"app"_s, u"1.0"_s);
    app.insert(u"type"_s, u"application"_s);
    QJsonObject outer = component(u"outer"_s, u"outer"_s, u"2.0"_s);
    outer.insert(u"description"_s, u"tricky: ], }, {\"a\": [1,2]}, \\ and , commas"_s);
    outer.insert(u"components"_s, QJsonArray{component(u"inner"_s, u"inner"_s, u"2.1"_s)});
    const QJsonObject plain = component(u"plain"_s, u"plain, with ] brackets"_s, u"3.0"_s);
    QJsonObject api{{u"bom-ref"_s, u"api"_s}, {u"name"_s, u"api"_s}, {u"version"_s, u"1"_s}};
    api.insert(u"services"_s, QJsonArray{QJsonObject{{u"bom-ref"_s, u"auth"_s}, {u"name"_s, u"auth"_s}}});
    const QJsonArray dependencies{
        QJsonObject{{u"ref"_s, u"outer"_s}, {u"dependsOn"_s, QJsonArray{u"plain"_s, u"api"_s}}},
        QJsonObject{{u"ref"_s, u"plain"_s}, {u"dependsOn"_s, QJsonArray{}}}};
    return QJsonObject{{u"bomFormat"_s, u"CycloneDX"_s},
                       {u"specVersion"_s, u"1.6"_s},
                       {u"version"_s, 1},
                       {u"metadata"_s, QJsonObject{{u"component"_s, app}}},
                       {u"components"_s, QJsonArray{outer, plain}},
                       {u"services"_s, QJsonArray{api}},
                       {u"dependencies"_s, dependencies}};
}

/// Everything a reader hands on about a document, one line per record, relation and warning.
QStringList describe(const ImportDocument &doc)
{
    QStringList lines;
    for (const ImportedRecord &r : doc.records) {
        lines << u"record %1 %2 %3 %4 %5 %6 [%7] %8"_s.arg(r.ref, recordKindKey(r.record.kind), r.record.name,
                                                           r.record.version, r.record.purl, r.record.license,
                                                           r.statedFields.join(u','), r.location) +
                     QString::fromUtf8(QJsonDocument(r.extras).toJson(QJsonDocument::Compact));
    }
    for (const ImportedRelation &r : doc.relations)
        lines << u"relation %1 %2 %3 %4"_s.arg(r.fromRef, relationTypeKey(r.type), r.toRef, r.location);
    for (const QString &w : doc.warnings)
        lines << u"warning "_s + w;
    return lines;
}

/// The same, with each record's artifacts, attributes and placeholder flag: what an import stores.
QStringList describeFully(const ImportDocument &doc)
{
    QStringList lines = describe(doc);
    for (const ImportedRecord &r : doc.records) {
        QStringList files;
        for (const Artifact &a : r.artifacts)
            files << u"%1 %2:%3 %4"_s.arg(a.fileName, a.algorithm, a.digest).arg(a.size);
        lines << u"detail %1 %2 %3 [%4]"_s
                     .arg(r.ref, QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(r.record.attributes))
                                                       .toJson(QJsonDocument::Compact)))
                     .arg(r.record.placeholder)
                     .arg(files.join(u"; "_s));
    }
    return lines;
}

/// A streamed document with its records made and kept, to compare with a whole read.
ImportDocument materialised(const ImportDocument &streamed)
{
    ImportDocument doc = streamed;
    doc.stream.reset();
    const Status s = streamed.forEachRecord([&doc](const ImportedRecord &r) -> Status {
        doc.records << r;
        return Ok{};
    });
    if (!s)
        qFatal("%s", qPrintable(s.error().message));
    return doc;
}

/// A BOM whose later parts change records made earlier: a supplier named again with its website, files nested
/// in a model, an inline dataset in a model card, and a Strata export's suppliers.
QJsonObject revisitingBom()
{
    const QJsonObject sha{{u"alg"_s, u"SHA-256"_s}, {u"content"_s, QString(64, u'a')}};
    QJsonObject model = component(u"m"_s, u"model"_s, u"1"_s);
    model.insert(u"type"_s, u"machine-learning-model"_s);
    model.insert(u"supplier"_s, QJsonObject{{u"name"_s, u"Acme"_s}});
    model.insert(
        u"components"_s,
        QJsonArray{QJsonObject{{u"type"_s, u"file"_s}, {u"name"_s, u"weights.bin"_s}, {u"hashes"_s, QJsonArray{sha}}},
                   QJsonObject{{u"type"_s, u"file"_s}, {u"name"_s, u"config.json"_s}}});
    model.insert(u"modelCard"_s,
                 QJsonObject{{u"modelParameters"_s,
                              QJsonObject{{u"datasets"_s, QJsonArray{QJsonObject{{u"type"_s, u"dataset"_s},
                                                                                 {u"name"_s, u"inline-data"_s}}}}}}});
    QJsonObject later = component(u"l"_s, u"later"_s, u"2"_s);
    later.insert(u"supplier"_s, QJsonObject{{u"name"_s, u"acme"_s}, {u"url"_s, QJsonArray{u"https://acme.example"_s}}});
    const QJsonArray properties{QJsonObject{{u"name"_s, u"strata:supplier:s1:name"_s}, {u"value"_s, u"Exported Co"_s}}};
    return QJsonObject{
        {u"bomFormat"_s, u"CycloneDX"_s},
        {u"specVersion"_s, u"1.6"_s},
        {u"version"_s, 1},
        {u"properties"_s, properties},
        {u"components"_s, QJsonArray{model, component(u"x"_s, u"middle"_s, u"1"_s), later}},
        {u"dependencies"_s, QJsonArray{QJsonObject{{u"ref"_s, u"l"_s}, {u"dependsOn"_s, QJsonArray{u"m"_s}}}}}};
}

/// The reason a read failed, for a test's message (empty when it did not fail).
QByteArray failure(const Result<ImportDocument> &doc)
{
    return doc.ok() ? QByteArray() : doc.error().message.toUtf8();
}

/// The byte offset a "not valid JSON" message names.
qsizetype reportedByte(const QString &message)
{
    static const QRegularExpression byte(u"at byte (\\d+)"_s);
    const QRegularExpressionMatch m = byte.match(message);
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

} // namespace

/// The CycloneDX reader parses the top-level arrays one element at a time; these check that it reads what the
/// whole-document parse read, and refuses what it refused.
class TestCycloneDxStreaming : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scanFindsEachElementOfTheSplitArrays();
    void scanNotesABlankElement();
    void readsTheSameWhateverTheLayout();
    void readsRecordsInDocumentOrder();
    void streamedReadMakesTheSameRecords_data();
    void streamedReadMakesTheSameRecords();
    void refusesWhatAWholeParseRefused_data();
    void refusesWhatAWholeParseRefused();
    void namesTheByteOfABrokenElement();
};

void TestCycloneDxStreaming::scanFindsEachElementOfTheSplitArrays()
{
    const QByteArray json = R"({"a": [9], "components": [ {"x": "],}"} , 2,[3, [4]] ], "b": {"components": [5]},)"
                            R"( "dependencies": [ ]})"_ba;
    QVERIFY(!QJsonDocument::fromJson(json).isNull());
    const JsonScan scan = JsonScan::of(json, {u"components"_s, u"dependencies"_s});
    QCOMPARE(scan.topArrays.size(), 2);
    const JsonScan::TopArray &components = scan.topArrays.at(0);
    QCOMPARE(components.key, u"components"_s);
    QVERIFY(components.closedByBracket);
    QCOMPARE(json.at(components.open), '[');
    QCOMPARE(json.at(components.close), ']');
    QStringList elements;
    for (const JsonScan::Span &span : components.elements)
        elements << QString::fromUtf8(json.mid(span.offset, span.length).trimmed());
    QCOMPARE(elements, (QStringList{uR"({"x": "],}"})"_s, u"2"_s, u"[3, [4]]"_s}));
    QCOMPARE(scan.topArrays.at(1).key, u"dependencies"_s);
    QVERIFY(scan.topArrays.at(1).elements.isEmpty());
}

void TestCycloneDxStreaming::scanNotesABlankElement()
{
    const QByteArray json = R"({"components": [1, ]})"_ba;
    const JsonScan scan = JsonScan::of(json, {u"components"_s});
    QCOMPARE(scan.topArrays.size(), 1);
    QCOMPARE(scan.topArrays.at(0).elements.size(), 2);
    const JsonScan::Span blank = scan.topArrays.at(0).elements.at(1);
    QVERIFY(json.mid(blank.offset, blank.length).trimmed().isEmpty());
    const JsonScan cut = JsonScan::of(R"({"components": [1, 2)"_ba, {u"components"_s});
    QCOMPARE(cut.topArrays.size(), 1);
    QCOMPARE(cut.topArrays.at(0).close, -1);
}

void TestCycloneDxStreaming::readsTheSameWhateverTheLayout()
{
    const QJsonObject bom = sampleBom();
    const Result<ImportDocument> compact =
        CycloneDxReader::read(QJsonDocument(bom).toJson(QJsonDocument::Compact), u"bom.json"_s);
    QVERIFY2(compact.ok(), failure(compact).constData());
    const Result<ImportDocument> indented =
        CycloneDxReader::read(QJsonDocument(bom).toJson(QJsonDocument::Indented), u"bom.json"_s);
    QVERIFY2(indented.ok(), failure(indented).constData());
    QCOMPARE(describe(indented.value()), describe(compact.value()));
    // Whitespace and line breaks between the elements and the brackets, as hand-edited files have them.
    QByteArray spaced = QJsonDocument(bom).toJson(QJsonDocument::Compact);
    spaced.replace(R"("components":[)", "\"components\" :\r\n [ \n");
    spaced.replace(R"(},{)", "}\n ,\t{");
    spaced.replace(R"("dependencies":[)", "\"dependencies\":[\n\n");
    const Result<ImportDocument> edited = CycloneDxReader::read(spaced, u"bom.json"_s);
    QVERIFY2(edited.ok(), failure(edited).constData());
    QCOMPARE(describe(edited.value()), describe(compact.value()));
}

void TestCycloneDxStreaming::readsRecordsInDocumentOrder()
{
    const Result<ImportDocument> doc =
        CycloneDxReader::read(QJsonDocument(sampleBom()).toJson(QJsonDocument::Compact), u"bom.json"_s);
    QVERIFY2(doc.ok(), failure(doc).constData());
    QStringList refs;
    QStringList locations;
    for (const ImportedRecord &r : doc.value().records) {
        refs << r.ref;
        locations << r.location;
    }
    QCOMPARE(refs, (QStringList{u"app"_s, u"outer"_s, u"inner"_s, u"plain"_s, u"api"_s, u"auth"_s}));
    QCOMPARE(locations, (QStringList{u"metadata.component"_s, u"components[0]"_s, u"components[0].components[0]"_s,
                                     u"components[1]"_s, u"services[0]"_s, u"services[0].services[0]"_s}));
    const ImportedRecord &outer = doc.value().records.at(1);
    QCOMPARE(outer.record.description, u"tricky: ], }, {\"a\": [1,2]}, \\ and , commas"_s);
    QCOMPARE(doc.value().records.at(3).record.name, u"plain, with ] brackets"_s);
    QStringList relations;
    for (const ImportedRelation &r : doc.value().relations)
        relations << u"%1 %2 %3"_s.arg(r.fromRef, relationTypeKey(r.type), r.toRef);
    relations.sort();
    QCOMPARE(relations, (QStringList{u"api depends_on auth"_s, u"outer depends_on api"_s, u"outer depends_on inner"_s,
                                     u"outer depends_on plain"_s}));
}

void TestCycloneDxStreaming::streamedReadMakesTheSameRecords_data()
{
    QTest::addColumn<QByteArray>("bom");
    QTest::newRow("sample") << QJsonDocument(sampleBom()).toJson();
    QTest::newRow("later parts change earlier records") << QJsonDocument(revisitingBom()).toJson();
    const QDir data(QStringLiteral(STRATA_SOURCE_DIR) + u"/tests/data/cyclonedx"_s);
    for (const QString &name : data.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        QFile file(data.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QTest::newRow(qPrintable(name)) << file.readAll();
    }
}

void TestCycloneDxStreaming::streamedReadMakesTheSameRecords()
{
    // DocumentReader streams a BOM: the records are made again from the bytes when they are applied. They must be
    // the records, relations and warnings of a whole read, in the same order, every time they are asked for.
    QFETCH(QByteArray, bom);
    const Result<ImportDocument> whole = CycloneDxReader::read(bom, u"bom.json"_s);
    QVERIFY2(whole.ok(), failure(whole).constData());
    const Result<ImportDocument> streamed = CycloneDxReader::readStreamed(bom, u"bom.json"_s);
    QVERIFY2(streamed.ok(), failure(streamed).constData());
    QVERIFY(streamed.value().stream);
    QVERIFY(streamed.value().records.isEmpty());
    QCOMPARE(streamed.value().recordCount(), whole.value().records.size());
    const QStringList expected = describeFully(whole.value());
    QCOMPARE(describeFully(materialised(streamed.value())), expected);
    QCOMPARE(describeFully(materialised(streamed.value())), expected);

    // A sink's error stops the stream and comes back.
    int seen = 0;
    const Status stopped = streamed.value().forEachRecord([&seen](const ImportedRecord &) -> Status {
        if (++seen == 2)
            return Error{ErrorCode::Cancelled, u"stop"_s};
        return Ok{};
    });
    if (whole.value().records.size() >= 2) {
        QVERIFY(!stopped.ok());
        QCOMPARE(stopped.error().message, u"stop"_s);
        QCOMPARE(seen, 2);
    }
}

void TestCycloneDxStreaming::refusesWhatAWholeParseRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("reason"); ///< text the message must contain

    const QByteArray head = R"({"bomFormat": "CycloneDX", "specVersion": "1.6", )"_ba;
    const QByteArray a = R"({"type": "library", "name": "a"})"_ba;
    QTest::newRow("broken element") << head + R"("components": [)" + a + R"(, {"type": "library" "name": "b"}]})"
                                    << u"not valid JSON"_s;
    QTest::newRow("trailing comma") << head + R"("components": [)" + a + R"(, ]})" << u"not valid JSON"_s;
    QTest::newRow("two commas") << head + R"("components": [)" + a + R"(,, )" + a + R"(]})" << u"not valid JSON"_s;
    QTest::newRow("array closed by a brace") << head + R"("components": [)" + a + R"(}})" << u"not valid JSON"_s;
    QTest::newRow("cut inside an element") << head + R"("components": [{"type": "lib)" << u"not valid JSON"_s;
    QTest::newRow("text after the document") << head + R"("components": [)" + a + R"(]} x)" << u"not valid JSON"_s;
    QTest::newRow("broken dependency") << head + R"("components": [)" + a + R"(], "dependencies": [{"ref": }]})"
                                       << u"not valid JSON"_s;
    QTest::newRow("repeated key in an element")
        << head + "\"components\": [" + a + ",\n{\"type\": \"library\", \"name\": \"b\",\n \"name\": \"c\"}]}"
        << u"line 3"_s;
    QTest::newRow("repeated top-level array")
        << head + R"("components": [)" + a + R"(], "components": [{"type": "library", "name": "evil"}]})"
        << u"\"components\" appears twice"_s;
    QByteArray deep = "1";
    for (int i = 0; i < 40; ++i)
        deep = '[' + deep + ']';
    QTest::newRow("too deep inside an element")
        << head + R"("components": [{"type": "library", "name": "a", "x": )" + deep + "}]}" << u"nests deeper"_s;
    QTest::newRow("wrong spec version") << R"({"bomFormat": "CycloneDX", "specVersion": "1.2", "components": [)"_ba +
                                               a + "]}"
                                        << u"1.2"_s;
    QTest::newRow("scalar component") << head + R"("components": [1]})" << u"at components[0]:"_s;
    QTest::newRow("components not an array") << head + R"("components": {"a": 1}})" << u"at components:"_s;
}

void TestCycloneDxStreaming::refusesWhatAWholeParseRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, reason);
    ImportLimits limits;
    limits.maxDepth = 4; // a JSON depth cap of 3 * 4 + 16 = 28
    const Result<ImportDocument> doc = CycloneDxReader::read(json, u"hostile.json"_s, limits);
    QVERIFY2(!doc.ok(), "the document must be refused");
    QCOMPARE(doc.error().code, ErrorCode::InvalidInput);
    QVERIFY2(doc.error().message.contains(u"hostile.json"_s), qPrintable(doc.error().message));
    QVERIFY2(doc.error().message.contains(reason), qPrintable(doc.error().message));
}

void TestCycloneDxStreaming::namesTheByteOfABrokenElement()
{
    const QByteArray good = R"({"type": "library", "name": "a"})"_ba;
    const QByteArray bad = R"({"type": "library", "name": "b" "version": "1"})"_ba;
    const QByteArray json = R"({"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [)"_ba + good + ", " +
                            good + ", " + bad + "]}";
    const Result<ImportDocument> doc = CycloneDxReader::read(json, u"bom.json"_s);
    QVERIFY(!doc.ok());
    // The whole-document parser stops at the missing comma; the element parser must name a byte there too, not
    // one counted from the element's start.
    const qsizetype badStart = json.lastIndexOf(bad);
    const qsizetype byte = reportedByte(doc.error().message);
    QVERIFY2(byte > badStart + bad.indexOf("\"version\"") - 3 && byte <= badStart + bad.indexOf("\"version\"") + 1,
             qPrintable(doc.error().message));
    QJsonParseError whole;
    QJsonDocument::fromJson(json, &whole);
    QCOMPARE(byte, static_cast<qsizetype>(whole.offset));
}

QTEST_GUILESS_MAIN(TestCycloneDxStreaming)
#include "TestCycloneDxStreaming.moc"
