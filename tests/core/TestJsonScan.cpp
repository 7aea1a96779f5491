// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/CycloneDxReader.h"
#include "interop/JsonScan.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

class TestJsonScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsTheFirstRepeatedKey_data();
    void findsTheFirstRepeatedKey();
    void longestStringBoundsEveryString();
    void refusalNamesFileLineAndKey();
    void stopsAtQtsNestingLimit();
};

void TestJsonScan::findsTheFirstRepeatedKey_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("key"); ///< empty: no repeated key
    QTest::addColumn<int>("line");

    QTest::newRow("none") << R"({"a": 1, "b": {"a": 2}, "c": [{"a": 3}, {"a": 4}]})"_ba << QString() << 0;
    QTest::newRow("top level") << "{\"name\": \"x\",\n \"name\": \"y\"}"_ba << u"name"_s << 2;
    QTest::newRow("nested, after a sibling closes")
        << "{\"components\": [\n{\"name\": \"a\", \"meta\": {\"name\": 1}},\n{\"purl\": \"p\", \"version\": \"1\",\n "
           "\"version\": \"2\"}]}"_ba
        << u"version"_s << 4;
    QTest::newRow("same text written with an escape") << R"({"name": 1, "n\u0061me": 2})"_ba << u"name"_s << 1;
    QTest::newRow("values and array items are not keys")
        << R"({"a": "a", "b": ["a", "a"], "c": {"d": "c"}})"_ba << QString() << 0;
    QTest::newRow("strings holding braces and quotes")
        << R"({"a": "{\"a\": 1, \"a\": 2}", "b": "}"})"_ba << QString() << 0;
    QTest::newRow("empty keys") << R"({"": 1, "": 2})"_ba << u""_s << 1;
}

void TestJsonScan::findsTheFirstRepeatedKey()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, key);
    QFETCH(int, line);
    QVERIFY2(!QJsonDocument::fromJson(json).isNull(), "the test input must be valid JSON");
    const JsonScan scan = JsonScan::of(json);
    if (line == 0) {
        QVERIFY2(!scan.hasDuplicateKey(), qPrintable(scan.duplicateKey));
        QVERIFY(scan.refuseDuplicateKeys(u"x.json"_s).ok());
        return;
    }
    QCOMPARE(scan.duplicateKey, key);
    QCOMPARE(scan.duplicateLine, line);
    QVERIFY(!scan.refuseDuplicateKeys(u"x.json"_s).ok());
}

void TestJsonScan::longestStringBoundsEveryString()
{
    const QString longValue(300, u'v');
    const QByteArray json = QJsonDocument::fromVariant(QVariantMap{{u"k"_s, longValue}, {QString(40, u'k'), 1}})
                                .toJson(QJsonDocument::Compact);
    QCOMPARE(JsonScan::of(json).longestString, 300);
    // Escapes count as their bytes: never fewer than the characters they decode to.
    QVERIFY(JsonScan::of(R"({"a": "\"\"\""})"_ba).longestString >= 3);
}

void TestJsonScan::refusalNamesFileLineAndKey()
{
    const Status s = JsonScan::of("{\n\"license\": 1,\n\"license\": 2}"_ba).refuseDuplicateKeys(u"vendor-bom.json"_s);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::InvalidInput);
    QVERIFY2(s.error().message.contains(u"vendor-bom.json"_s), qPrintable(s.error().message));
    QVERIFY2(s.error().message.contains(u"\"license\""_s), qPrintable(s.error().message));
    QVERIFY2(s.error().message.contains(u"3"_s), qPrintable(s.error().message));
}

void TestJsonScan::stopsAtQtsNestingLimit()
{
    // Found while reviewing the CycloneDX reader for fuzzing (tests/fuzz): it scans before Qt parses, and a file of
    // nothing but brackets grew the scan's stack by about 50 bytes per byte, gigabytes for a file under the import cap.
    const QByteArray brackets = "{\"bomFormat\": \"CycloneDX\", \"components\": " + QByteArray(4000000, '[');
    const JsonScan deep = JsonScan::of(brackets, {u"components"_s});
    QVERIFY(deep.tooDeep);
    QCOMPARE(deep.topArrays.size(), 1);
    QCOMPARE(deep.topArrays.first().close, -1);
    const Result<ImportDocument> read = CycloneDxReader::read(brackets, u"deep.json"_s);
    QVERIFY(!read);
    QVERIFY2(read.error().message.contains(u"deep.json"_s), qPrintable(read.error().message));

    // The scan stops exactly where Qt's parser does: 1024 levels read, 1025 refused.
    const QByteArray limit = QByteArray(JsonScan::kMaxDepth, '[') + QByteArray(JsonScan::kMaxDepth, ']');
    QVERIFY(!JsonScan::of(limit).tooDeep);
    QVERIFY(!QJsonDocument::fromJson(limit).isNull());
    const QByteArray over = '[' + limit + ']';
    QVERIFY(JsonScan::of(over).tooDeep);
    QVERIFY(QJsonDocument::fromJson(over).isNull());
}

QTEST_GUILESS_MAIN(TestJsonScan)
#include "TestJsonScan.moc"
