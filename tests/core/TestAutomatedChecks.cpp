// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "checklist/AutomatedChecks.h"
#include "domain/Fields.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

const QDate kToday(2026, 6, 15);

CheckedRecord make(qint64 id, RecordKind kind, const QString &name)
{
    CheckedRecord c;
    c.record.id = id;
    c.record.kind = kind;
    c.record.name = name;
    return c;
}

QStringList describe(const QList<CheckSuggestion> &suggestions)
{
    QStringList out;
    for (const CheckSuggestion &s : suggestions)
        out << u"%1:%2:%3"_s.arg(s.check).arg(s.recordId).arg(s.itemKey);
    return out;
}

const QStringList kAllItems = {u"SC-SRC-09"_s, u"SC-GOV-07"_s, u"SC-OPS-08"_s, u"SC-GOV-04"_s};

} // namespace

/// The automated checks: what the inventory already knows, turned into suggestions a reviewer confirms.
class TestAutomatedChecks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void completeRecordsRaiseNothing();
    void modelWithoutDigest();
    void datasetWithoutLicense();
    void unsignedModelFiles_data();
    void unsignedModelFiles();
    void supplierCertificationExpiry_data();
    void supplierCertificationExpiry();
    void placeholderRecords();
    void itemIsNamedOnlyWhenTheAssessmentHoldsIt();
    void suggestionsNeverSetAStatusOtherThanASuggestion();
};

void TestAutomatedChecks::completeRecordsRaiseNothing()
{
    CheckedRecord model = make(1, RecordKind::Model, u"Llama"_s);
    model.artifacts.append(Artifact{1, 1, u"model.safetensors"_s, 10, u"sha256"_s, QString(64, u'a')});
    model.artifacts.append(Artifact{2, 1, u"model.sig"_s, 10, u"sha256"_s, QString(64, u'c')});
    CheckedRecord dataset = make(2, RecordKind::Dataset, u"Corpus"_s);
    dataset.record.license = u"CC-BY-4.0"_s;
    CheckedRecord supplier = make(3, RecordKind::Supplier, u"Acme"_s);
    fields::setCertifications(supplier.record, {{u"ISO 27001"_s, u"BSI"_s, kToday}});
    QCOMPARE(describe(automated_checks::run({model, dataset, supplier}, kAllItems, kToday)), QStringList());
}

void TestAutomatedChecks::modelWithoutDigest()
{
    CheckedRecord none = make(1, RecordKind::Model, u"NoFiles"_s);
    CheckedRecord emptyDigest = make(2, RecordKind::Model, u"EmptyDigest"_s);
    emptyDigest.artifacts.append(Artifact{1, 2, u"model.bin"_s, 10, u"sha256"_s, QString()});
    // Software without files is not a model: the check does not apply to it.
    CheckedRecord software = make(3, RecordKind::Software, u"Tool"_s);
    const QList<CheckSuggestion> s = automated_checks::run({none, emptyDigest, software}, kAllItems, kToday);
    // model.bin is weights with neither digest nor signature: both checks speak.
    QCOMPARE(describe(s), (QStringList{u"model-digest:1:SC-SRC-09"_s, u"model-digest:2:SC-SRC-09"_s,
                                       u"model-signature:2:SC-SRC-09"_s}));
    QVERIFY2(s.constFirst().message.contains(u"NoFiles"_s), qPrintable(s.constFirst().message));
}

void TestAutomatedChecks::datasetWithoutLicense()
{
    CheckedRecord blank = make(4, RecordKind::Dataset, u"Scraped"_s);
    blank.record.license = u"  "_s;
    CheckedRecord model = make(5, RecordKind::Model, u"Unlicensed model"_s);
    model.artifacts.append(Artifact{1, 5, u"m"_s, 1, u"sha256"_s, QString(64, u'b')});
    QCOMPARE(describe(automated_checks::run({blank, model}, kAllItems, kToday)),
             QStringList{u"dataset-license:4:SC-GOV-07"_s});
}

void TestAutomatedChecks::unsignedModelFiles_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("evidenceFile");
    QTest::addColumn<QString>("evidenceType");
    QTest::addColumn<bool>("flagged");
    const QString digest(64, u'a');
    QTest::newRow("safetensors alone") << QStringList{u"model.safetensors"_s} << QString() << QString() << true;
    QTest::newRow("gguf, upper case") << QStringList{u"Q4_K_M.GGUF"_s} << QString() << QString() << true;
    QTest::newRow("pytorch bin") << QStringList{u"pytorch_model.bin"_s} << QString() << QString() << true;
    QTest::newRow("pt checkpoint") << QStringList{u"weights.pt"_s} << QString() << QString() << true;
    QTest::newRow("signature beside the weights")
        << QStringList{u"model.safetensors"_s, u"model.sig"_s} << QString() << QString() << false;
    QTest::newRow("sigstore bundle file")
        << QStringList{u"model.gguf"_s, u"model.gguf.sigstore.json"_s} << QString() << QString() << false;
    QTest::newRow("verification attached as evidence")
        << QStringList{u"model.safetensors"_s} << u"model.sig"_s << QString() << false;
    QTest::newRow("bundle attached, named by media type") << QStringList{u"model.safetensors"_s} << u"bundle.json"_s
                                                          << u"application/vnd.dev.sigstore.bundle+json"_s << false;
    QTest::newRow("unrelated evidence does not count")
        << QStringList{u"model.safetensors"_s} << u"report.pdf"_s << u"application/pdf"_s << true;
    QTest::newRow("no weights, nothing to sign")
        << QStringList{u"config.json"_s, u"README.md"_s} << QString() << QString() << false;
}

void TestAutomatedChecks::unsignedModelFiles()
{
    QFETCH(QStringList, files);
    QFETCH(QString, evidenceFile);
    QFETCH(QString, evidenceType);
    QFETCH(bool, flagged);
    CheckedRecord model = make(11, RecordKind::Model, u"Mistral"_s);
    for (const QString &file : files)
        model.artifacts.append(Artifact{0, 11, file, 10, u"sha256"_s, QString(64, u'd')});
    if (!evidenceFile.isEmpty()) {
        Evidence e;
        e.fileName = evidenceFile;
        e.mediaType = evidenceType;
        model.signatureEvidence.append(e);
    }
    const QList<CheckSuggestion> s = automated_checks::run({model}, kAllItems, kToday);
    QCOMPARE(describe(s), flagged ? QStringList{u"model-signature:11:SC-SRC-09"_s} : QStringList());
    if (flagged) {
        QVERIFY2(s.constFirst().message.contains(u"Mistral"_s), qPrintable(s.constFirst().message));
        QVERIFY2(s.constFirst().message.contains(files.constFirst()), qPrintable(s.constFirst().message));
        QCOMPARE(s.constFirst().suggested, ItemStatus::Fail);
    }
    // A signature file alone is neither weights nor evidence of anything to verify.
    QVERIFY(!automated_checks::isWeightsFile(u"model.safetensors.sig"_s));
}

void TestAutomatedChecks::supplierCertificationExpiry_data()
{
    QTest::addColumn<QDate>("validUntil");
    QTest::addColumn<bool>("flagged");
    QTest::newRow("expired yesterday") << kToday.addDays(-1) << true;
    QTest::newRow("valid through today") << kToday << false;
    QTest::newRow("valid next year") << kToday.addYears(1) << false;
}

void TestAutomatedChecks::supplierCertificationExpiry()
{
    QFETCH(QDate, validUntil);
    QFETCH(bool, flagged);
    CheckedRecord supplier = make(6, RecordKind::Supplier, u"Acme"_s);
    fields::setCertifications(supplier.record, {{u"SOC 2"_s, u"AICPA"_s, validUntil}});
    const QList<CheckSuggestion> s = automated_checks::run({supplier}, kAllItems, kToday);
    QCOMPARE(describe(s), flagged ? QStringList{u"supplier-certification:6:SC-OPS-08"_s} : QStringList());
    if (flagged)
        QVERIFY2(s.constFirst().message.contains(u"SOC 2"_s), qPrintable(s.constFirst().message));
}

void TestAutomatedChecks::placeholderRecords()
{
    CheckedRecord placeholder = make(7, RecordKind::Software, u"Unknown dep"_s);
    placeholder.record.placeholder = true;
    QCOMPARE(describe(automated_checks::run({placeholder}, kAllItems, kToday)),
             QStringList{u"placeholder:7:SC-GOV-04"_s});
}

void TestAutomatedChecks::itemIsNamedOnlyWhenTheAssessmentHoldsIt()
{
    CheckedRecord dataset = make(8, RecordKind::Dataset, u"Corpus"_s);
    // Another catalog, or an assessment without that item: still a suggestion, tied to the record only.
    QCOMPARE(describe(automated_checks::run({dataset}, {u"ACME-1"_s}, kToday)), QStringList{u"dataset-license:8:"_s});
    QCOMPARE(describe(automated_checks::run({dataset}, {u"sc-gov-07"_s}, kToday)),
             QStringList{u"dataset-license:8:SC-GOV-07"_s});
}

void TestAutomatedChecks::suggestionsNeverSetAStatusOtherThanASuggestion()
{
    CheckedRecord dataset = make(9, RecordKind::Dataset, u"Corpus"_s);
    dataset.record.placeholder = true;
    const QList<CheckSuggestion> s = automated_checks::run({dataset}, kAllItems, kToday);
    QCOMPARE(s.size(), 2);
    for (const CheckSuggestion &suggestion : s)
        QCOMPARE(suggestion.suggested, ItemStatus::Fail);
}

QTEST_GUILESS_MAIN(TestAutomatedChecks)
#include "TestAutomatedChecks.moc"
