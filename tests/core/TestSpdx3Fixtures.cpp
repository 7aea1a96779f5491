// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "domain/Fields.h"
#include "interop/DocumentReader.h"
#include "interop/Spdx3Writer.h"
#include "workspace/ExportScope.h"
#include "workspace/Workspace.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

const QString kSimpleHtr = QStringLiteral(STRATA_FIXTURES_DIR "/spdx3/simplehtr-example.json");

QMap<QString, int> outgoingRelationCounts(const Workspace &ws)
{
    QMap<QString, int> counts;
    for (qint64 id : ws.recordIds(RecordQuery{}).value()) {
        for (const RelatedRecord &r : ws.snapshot(id).value().relations) {
            if (r.outgoing)
                ++counts[relationTypeKey(r.relation.type)];
        }
    }
    return counts;
}

QStringList describe(const Workspace &ws)
{
    QStringList lines;
    for (qint64 id : ws.recordIds(RecordQuery{}).value()) {
        const RecordSnapshot s = ws.snapshot(id).value();
        const QString who = u"%1|%2|%3"_s.arg(recordKindKey(s.record.kind), s.record.name, s.record.version);
        QStringList values;
        for (const FieldSpec &spec : fields::allFields(s.record.kind))
            values << u"%1=%2"_s.arg(spec.key, fields::fieldText(s.record, spec.key));
        lines << u"%1|%2|%3"_s.arg(who).arg(s.record.placeholder).arg(values.join(u';'));
        for (const Artifact &a : s.artifacts)
            lines << u"%1|%2|%3"_s.arg(who, a.fileName, a.digest);
        for (const RelatedRecord &r : s.relations) {
            if (r.outgoing)
                lines << u"%1|%2|%3|%4|%5"_s.arg(who, relationTypeKey(r.relation.type), r.relation.subtype, r.otherName,
                                                 r.otherVersion);
        }
    }
    lines.sort();
    return lines;
}

} // namespace

/// Imports the SPDX project's own AI BOM example (spdx/spdx-examples, ai/example01) kept in ../shared/fixtures.
class TestSpdx3Fixtures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void importsSimpleHtrWithTheExpectedCounts();
    void secondImportChangesNothing();
    void exportOfTheImportReadsBackTheSame();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    ImportDocument m_doc;
};

void TestSpdx3Fixtures::init()
{
    if (!QFileInfo::exists(kSimpleHtr))
        QSKIP(qPrintable(
            u"%1 is absent; the shared SPDX 3 fixtures are not checked out next to the repository."_s.arg(kSimpleHtr)));
    m_dir = std::make_unique<QTemporaryDir>();
    auto ws = Workspace::open(m_dir->filePath(u"w.strata"_s));
    QVERIFY(ws.ok());
    m_ws = std::move(ws).value();
    auto doc = DocumentReader::readFile(kSimpleHtr);
    QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().message));
    m_doc = doc.value();
}

void TestSpdx3Fixtures::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

void TestSpdx3Fixtures::importsSimpleHtrWithTheExpectedCounts()
{
    QCOMPARE(m_doc.format, u"spdx3"_s);
    QCOMPARE(m_doc.specVersion, u"3.0.1"_s);
    auto summary = m_ws->applyImport(m_doc);
    QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message));
    QCOMPARE(summary.value().relationsSkipped, 0);

    const QMap<RecordKind, int> counts = m_ws->countsByKind().value();
    // The two ai_AIPackage elements (word-model and line-model, version 0.0).
    QCOMPARE(counts.value(RecordKind::Model), 2);
    // IAMdataset, the only dataset_DatasetPackage.
    QCOMPARE(counts.value(RecordKind::Dataset), 1);
    // All 10 software_Package elements stay software, including the two zip packages whose primaryPurpose is
    // "model" (they have no version, unlike the ai_AIPackage elements of the same names, so they are not merged),
    // and matplotlib 3.2.1, which the file calls "lmdb" (the real lmdb is 1.0.0).
    QCOMPARE(counts.value(RecordKind::Software), 10);
    // Agents named by suppliedBy or originatedBy of those 13 packages: Harald Scheidl, U. Marti, H. Bunke.,
    // Hiroyuki Tanaka, Nic Watson, the five numpy maintainers, the four opencv-python maintainers and Jason R.
    // Coombs. The Person "dw" (lmdb) and the Organization "matplotlib" have no name and are skipped with a warning;
    // creators named only in CreationInfo.createdBy (e.g. Gopi Krishnan Rajbahadur) are not suppliers.
    QCOMPARE(counts.value(RecordKind::Supplier), 15);
    QCOMPARE(counts.value(RecordKind::Service), 0);

    const QMap<QString, int> relations = outgoingRelationCounts(*m_ws);
    // provided_by: word-model, line-model (suppliedBy Harald); IAMdataset (2 originators); SimpleHTR and the two
    // model zip packages (Harald); editdistance 1, lmdb 1 (Nic Watson; "dw" skipped), matplotlib 0, numpy 5,
    // opencv-python 4, path 1, tensorflow 1 = 2 + 2 + 3 + 1 + 1 + 5 + 4 + 1 + 1 = 20.
    QCOMPARE(relations.value(u"provided_by"_s), 20);
    QCOMPARE(relations.value(u"trained_on"_s), 2);   // both models on IAMdataset
    QCOMPARE(relations.value(u"evaluated_on"_s), 2); // testedOn, likewise
    // SimpleHTR dependsOn 7 PyPI packages; the file states that relationship twice, identically.
    QCOMPARE(relations.value(u"depends_on"_s), 7);
    QCOMPARE(relations.value(u"derived_from"_s), 0);
    QCOMPARE(summary.value().relationsAdded, 31);

    // contains only links files (no verifiedUsing anywhere) and directories: no artifacts, no relations.
    const qint64 word = m_ws->resolve(u"word-model@0.0"_s, RecordKind::Model).value();
    QVERIFY(m_ws->snapshot(word).value().artifacts.isEmpty());
    const Record wordModel = m_ws->record(word).value();
    QCOMPARE(wordModel.license, u"MIT"_s);
    QCOMPARE(wordModel.notes, u"Word level handwriting recognition model"_s);
    QCOMPARE(fields::fieldText(wordModel, u"architecture"_s).left(22), u"Deep Neural network co"_s);
    const QJsonObject ai = m_ws->extras(word).value().value(u"spdx.ai"_s).toObject();
    QCOMPARE(ai.value(u"ai_domain"_s).toArray().size(), 3);
    QCOMPARE(ai.value(u"ai_safetyRiskAssessment"_s).toString(), u"low"_s);
    QVERIFY(ai.value(u"ai_hyperparameter"_s).toArray().size() > 10);

    const qint64 iam = m_ws->resolve(u"IAMdataset"_s, RecordKind::Dataset).value();
    const Record dataset = m_ws->record(iam).value();
    QCOMPARE(fields::fieldText(dataset, u"size_bytes"_s), u"4620000000"_s);
    QCOMPARE(dataset.license, u"LicenseRef-CustomLicense-c63547c2-62e0-48ec-b98d-ff1b917d67db"_s);
    QVERIFY(fields::fieldText(dataset, u"collection_method"_s).startsWith(u"It was decided to use the Lancaster"_s));
    QCOMPARE(m_ws->extras(iam).value().value(u"spdx.dataset"_s).toObject().value(u"dataset_intendedUse"_s).toString(),
             u"For line level or word level character recognition"_s);

    // hasConcludedLicense and hasDeclaredLicense agree for editdistance.
    QCOMPARE(m_ws->record(m_ws->resolve(u"editdistance"_s).value()).value().license, u"MIT"_s);
    const QStringList &notes = summary.value().notes;
    QVERIFY(
        std::any_of(notes.cbegin(), notes.cend(), [](const QString &n) { return n.contains(u"pypi.org/user/dw"_s); }));
    QVERIFY(std::any_of(notes.cbegin(), notes.cend(),
                        [](const QString &n) { return n.contains(u"SimpleHTR-depends-on"_s); }));
}

void TestSpdx3Fixtures::secondImportChangesNothing()
{
    QVERIFY(m_ws->applyImport(m_doc).ok());
    const QStringList before = describe(*m_ws);
    auto again = DocumentReader::readFile(kSimpleHtr);
    QVERIFY(again.ok());
    auto summary = m_ws->applyImport(again.value());
    QVERIFY(summary.ok());
    QCOMPARE(summary.value().added, 0);
    QCOMPARE(summary.value().updated, 0);
    QCOMPARE(summary.value().relationsAdded, 0);
    QCOMPARE(summary.value().importId, 0);
    QCOMPARE(describe(*m_ws), before);
}

void TestSpdx3Fixtures::exportOfTheImportReadsBackTheSame()
{
    QVERIFY(m_ws->applyImport(m_doc).ok());
    auto set = ExportScope::build(*m_ws, 0, QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
    QVERIFY(set.ok());
    auto bytes = Spdx3Writer::write(set.value());
    QVERIFY(bytes.ok());
    auto doc = DocumentReader::read(bytes.value(), u"simplehtr-export.json"_s);
    QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().message));
    QTemporaryDir other;
    auto copy = Workspace::open(other.filePath(u"copy.strata"_s));
    QVERIFY(copy.ok());
    QVERIFY(copy.value()->applyImport(doc.value()).ok());
    QCOMPARE(describe(*copy.value()), describe(*m_ws));
    // The AI profile properties kept from the original are written back and read again.
    const qint64 word = copy.value()->resolve(u"word-model@0.0"_s, RecordKind::Model).value();
    const qint64 originalWord = m_ws->resolve(u"word-model@0.0"_s, RecordKind::Model).value();
    QCOMPARE(copy.value()->extras(word).value().value(u"spdx.ai"_s),
             m_ws->extras(originalWord).value().value(u"spdx.ai"_s));
}

QTEST_GUILESS_MAIN(TestSpdx3Fixtures)
#include "TestSpdx3Fixtures.moc"
