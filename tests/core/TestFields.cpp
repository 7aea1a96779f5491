// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "domain/Fields.h"
#include "domain/Relation.h"

#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

Q_DECLARE_METATYPE(strata::RecordKind)

class TestFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFieldHasALabelAndUniqueKey();
    void acceptedValues_data();
    void acceptedValues();
    void rejectedValuesNameTheField_data();
    void rejectedValuesNameTheField();
    void rejectedValueLeavesRecordUnchanged();
    void certificationsRoundTrip();
    void tagsAreNormalized();
    void kindAndRelationKeysRoundTrip();
    void relationKindsAreChecked();
};

void TestFields::everyFieldHasALabelAndUniqueKey()
{
    for (RecordKind kind : allRecordKinds()) {
        QSet<QString> keys;
        for (const FieldSpec &s : fields::allFields(kind)) {
            QVERIFY2(!keys.contains(s.key), qPrintable(s.key));
            keys.insert(s.key);
            // A label that is just the key means someone forgot to give the field a name for people.
            QVERIFY2(fields::label(s.key) != s.key, qPrintable(s.key));
            for (const QString &choice : s.choices)
                QVERIFY2(!fields::choiceLabel(s.key, choice).isEmpty(), qPrintable(choice));
        }
        QVERIFY(keys.contains(u"name"_s));
    }
}

void TestFields::acceptedValues_data()
{
    QTest::addColumn<RecordKind>("kind");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("stored");

    QTest::newRow("name trimmed") << RecordKind::Model << u"name"_s << u"  Llama 3.1 8B "_s << u"Llama 3.1 8B"_s;
    QTest::newRow("chinese name") << RecordKind::Model << u"name"_s << u"通义千问 7B"_s << u"通义千问 7B"_s;
    QTest::newRow("https url") << RecordKind::Model << u"source_url"_s << u"https://huggingface.co/x/y"_s
                               << u"https://huggingface.co/x/y"_s;
    QTest::newRow("spdx simple") << RecordKind::Model << u"license"_s << u"Apache-2.0"_s << u"Apache-2.0"_s;
    QTest::newRow("spdx compound") << RecordKind::Model << u"license"_s << u"(MIT OR Apache-2.0) AND BSD-3-Clause"_s
                                   << u"(MIT OR Apache-2.0) AND BSD-3-Clause"_s;
    QTest::newRow("spdx with") << RecordKind::Software << u"license"_s
                               << u"GPL-2.0-or-later WITH Classpath-exception-2.0"_s
                               << u"GPL-2.0-or-later WITH Classpath-exception-2.0"_s;
    QTest::newRow("licenseref") << RecordKind::Model << u"license"_s << u"LicenseRef-Llama-3.1-Community"_s
                                << u"LicenseRef-Llama-3.1-Community"_s;
    QTest::newRow("purl") << RecordKind::Software << u"purl"_s << u"pkg:pypi/torch@2.4.0"_s
                          << u"pkg:pypi/torch@2.4.0"_s;
    QTest::newRow("integer with separators")
        << RecordKind::Model << u"parameter_count"_s << u"8,030,261,248"_s << u"8030261248"_s;
    QTest::newRow("choice any case") << RecordKind::Model << u"format"_s << u"GGUF"_s << u"gguf"_s;
    QTest::newRow("date") << RecordKind::Supplier << u"next_review"_s << u"2027-03-01"_s << u"2027-03-01"_s;
    QTest::newRow("tier") << RecordKind::Supplier << u"criticality_tier"_s << u"4"_s << u"4"_s;
    QTest::newRow("clear") << RecordKind::Model << u"format"_s << u""_s << u""_s;
    QTest::newRow("multiline notes") << RecordKind::Dataset << u"notes"_s << u"# Review\n- ok\n"_s
                                     << u"# Review\n- ok\n"_s;
}

void TestFields::acceptedValues()
{
    QFETCH(RecordKind, kind);
    QFETCH(QString, key);
    QFETCH(QString, input);
    QFETCH(QString, stored);
    Record r;
    r.kind = kind;
    r.name = u"Something"_s;
    const Status s = fields::setField(r, key, input);
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
    QCOMPARE(fields::fieldText(r, key), stored);
    QVERIFY(fields::validate(r).ok());
}

void TestFields::rejectedValuesNameTheField_data()
{
    QTest::addColumn<RecordKind>("kind");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("input");

    QTest::newRow("empty name") << RecordKind::Model << u"name"_s << u"   "_s;
    QTest::newRow("long name") << RecordKind::Model << u"name"_s << QString(fields::kNameMax + 1, u'x');
    QTest::newRow("control char") << RecordKind::Model << u"name"_s << u"bad\u0007name"_s;
    QTest::newRow("newline in name") << RecordKind::Model << u"name"_s << u"two\nlines"_s;
    QTest::newRow("long version") << RecordKind::Model << u"version"_s << QString(fields::kVersionMax + 1, u'1');
    QTest::newRow("no scheme") << RecordKind::Model << u"source_url"_s << u"huggingface.co/x"_s;
    QTest::newRow("ftp") << RecordKind::Model << u"source_url"_s << u"ftp://example.com/x"_s;
    QTest::newRow("javascript") << RecordKind::Supplier << u"website"_s << u"javascript:alert(1)"_s;
    QTest::newRow("purl prefix") << RecordKind::Software << u"purl"_s << u"pypi/torch"_s;
    QTest::newRow("license words") << RecordKind::Model << u"license"_s << u"free for research"_s;
    QTest::newRow("license dangling op") << RecordKind::Model << u"license"_s << u"MIT OR"_s;
    QTest::newRow("license parens") << RecordKind::Model << u"license"_s << u"(MIT"_s;
    QTest::newRow("not a number") << RecordKind::Model << u"parameter_count"_s << u"eight billion"_s;
    QTest::newRow("tier range") << RecordKind::Supplier << u"criticality_tier"_s << u"5"_s;
    QTest::newRow("bad date") << RecordKind::Supplier << u"next_review"_s << u"2027-02-30"_s;
    QTest::newRow("bad choice") << RecordKind::Model << u"format"_s << u"pickle-ish"_s;
    QTest::newRow("certification syntax") << RecordKind::Supplier << u"certifications"_s << u"ISO 27001"_s;
    QTest::newRow("wrong kind field") << RecordKind::Supplier << u"parameter_count"_s << u"7"_s;
    QTest::newRow("unknown field") << RecordKind::Model << u"colour"_s << u"blue"_s;
}

void TestFields::rejectedValuesNameTheField()
{
    QFETCH(RecordKind, kind);
    QFETCH(QString, key);
    QFETCH(QString, input);
    Record r;
    r.kind = kind;
    r.name = u"Something"_s;
    const Status s = fields::setField(r, key, input);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::InvalidInput);
    QVERIFY2(s.error().message.contains(key), qPrintable(s.error().message));
}

void TestFields::rejectedValueLeavesRecordUnchanged()
{
    Record r;
    r.kind = RecordKind::Model;
    r.name = u"Something"_s;
    QVERIFY(fields::setField(r, u"parameter_count"_s, u"7000"_s).ok());
    QVERIFY(!fields::setField(r, u"parameter_count"_s, u"-1"_s).ok());
    QCOMPARE(fields::fieldText(r, u"parameter_count"_s), u"7000"_s);
    QVERIFY(fields::setField(r, u"license"_s, u"MIT"_s).ok());
    QVERIFY(!fields::setField(r, u"license"_s, u"free for research"_s).ok());
    QCOMPARE(r.license, u"MIT"_s);
    QVERIFY(!fields::setField(r, u"source_url"_s, u"nope"_s).ok());
    QVERIFY(r.sourceUrl.isEmpty());
}

void TestFields::certificationsRoundTrip()
{
    Record r;
    r.kind = RecordKind::Supplier;
    r.name = u"Vendor"_s;
    QVERIFY(fields::setField(r, u"certifications"_s, u"ISO/IEC 27001|BSI|2027-03-31; SOC 2 Type II|AICPA|2026-12-31"_s)
                .ok());
    const QList<Certification> certs = fields::certifications(r);
    QCOMPARE(certs.size(), 2);
    QCOMPARE(certs.at(0).name, u"ISO/IEC 27001"_s);
    QCOMPARE(certs.at(1).validUntil, QDate(2026, 12, 31));
    const QString text = fields::fieldText(r, u"certifications"_s);
    Record again = r;
    again.attributes.clear();
    QVERIFY(fields::setField(again, u"certifications"_s, text).ok());
    QCOMPARE(fields::certifications(again).size(), 2);
    QCOMPARE(fields::fieldText(again, u"certifications"_s), text);
}

void TestFields::tagsAreNormalized()
{
    Record r;
    r.name = u"x"_s;
    QVERIFY(fields::setField(r, u"tags"_s, u" prod, Base,prod ,  ,base"_s).ok());
    QCOMPARE(r.tags, (QStringList{u"Base"_s, u"prod"_s}));
}

void TestFields::kindAndRelationKeysRoundTrip()
{
    for (RecordKind kind : allRecordKinds()) {
        QCOMPARE(recordKindFromKey(recordKindKey(kind)), kind);
        QVERIFY(!recordKindLabel(kind).isEmpty());
    }
    for (RelationType type : allRelationTypes())
        QCOMPARE(relationTypeFromKey(relationTypeKey(type)), type);
    QVERIFY(!recordKindFromKey(u"modle"_s));
    QVERIFY(!relationTypeFromKey(u"parent_of"_s));
}

void TestFields::relationKindsAreChecked()
{
    QVERIFY(relationAllowed(RelationType::DerivedFrom, RecordKind::Model, RecordKind::Model));
    QVERIFY(!relationAllowed(RelationType::DerivedFrom, RecordKind::Model, RecordKind::Dataset));
    QVERIFY(relationAllowed(RelationType::TrainedOn, RecordKind::Model, RecordKind::Dataset));
    QVERIFY(!relationAllowed(RelationType::TrainedOn, RecordKind::Dataset, RecordKind::Model));
    QVERIFY(relationAllowed(RelationType::ProvidedBy, RecordKind::Dataset, RecordKind::Supplier));
    QVERIFY(!relationAllowed(RelationType::ProvidedBy, RecordKind::Supplier, RecordKind::Model));
    QVERIFY(relationAllowed(RelationType::HostedOn, RecordKind::Model, RecordKind::Service));
    QVERIFY(!relationAllowed(RelationType::HostedOn, RecordKind::Model, RecordKind::Software));
}

QTEST_GUILESS_MAIN(TestFields)
#include "TestFields.moc"
