// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "SqlTamper.h"
#include "domain/Fields.h"
#include "interop/ImportDocument.h"
#include "workspace/Workspace.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

ImportedRecord imported(const QString &ref, RecordKind kind, const QString &name, const QString &version = {})
{
    ImportedRecord r;
    r.ref = ref;
    r.record.kind = kind;
    r.record.name = name;
    r.record.version = version;
    r.statedFields = {u"name"_s, u"version"_s};
    r.location = u"components[%1]"_s.arg(ref);
    return r;
}

void state(ImportedRecord &r, const QString &key, const QString &value)
{
    QVERIFY(fields::setField(r.record, key, value).ok());
    r.statedFields << key;
}

ImportedRelation relation(const QString &from, RelationType type, const QString &to, const QString &subtype = {})
{
    return ImportedRelation{from, type, to, subtype, u"dependencies"_s};
}

/// A small ML-BOM-like document: a supplier, a base model, a fine-tune trained on a dataset.
ImportDocument sampleDocument()
{
    ImportDocument doc;
    doc.format = u"cyclonedx"_s;
    doc.specVersion = u"1.6"_s;
    doc.fileName = u"vendor-bom.json"_s;
    doc.sha256 = QString(64, u'1');
    ImportedRecord vendor = imported(u"org-1"_s, RecordKind::Supplier, u"Northwind AI"_s);
    state(vendor, u"website"_s, u"https://northwind.example"_s);
    ImportedRecord base = imported(u"m-base"_s, RecordKind::Model, u"Northwind 7B"_s, u"1.0"_s);
    state(base, u"license"_s, u"Apache-2.0"_s);
    state(base, u"purl"_s, u"pkg:huggingface/northwind/7b@1.0"_s);
    Artifact weights;
    weights.fileName = u"model.safetensors"_s;
    weights.size = 100;
    weights.digest = QString(64, u'a');
    base.artifacts << weights;
    base.extras.insert(u"cyclonedx.modelCard"_s,
                       QJsonObject{{u"modelParameters"_s, QJsonObject{{u"task"_s, u"text-generation"_s}}}});
    ImportedRecord tune = imported(u"m-tune"_s, RecordKind::Model, u"Northwind 7B Chat"_s, u"1.0"_s);
    state(tune, u"license"_s, u"Apache-2.0"_s);
    ImportedRecord data = imported(u"dataset:chat-logs"_s, RecordKind::Dataset, u"Chat Logs"_s, u"2025"_s);
    doc.records << vendor << base << tune << data;
    doc.relations << relation(u"m-base"_s, RelationType::ProvidedBy, u"org-1"_s)
                  << relation(u"m-tune"_s, RelationType::ProvidedBy, u"org-1"_s)
                  << relation(u"m-tune"_s, RelationType::DerivedFrom, u"m-base"_s, u"finetune"_s)
                  << relation(u"m-tune"_s, RelationType::TrainedOn, u"dataset:chat-logs"_s);
    return doc;
}

/// A document large enough for several progress steps: `count` libraries, each depending on the one before.
ImportDocument chainDocument(int count)
{
    ImportDocument doc;
    doc.format = u"cyclonedx"_s;
    doc.specVersion = u"1.6"_s;
    doc.fileName = u"chain.json"_s;
    doc.sha256 = QString(64, u'2');
    for (int i = 0; i < count; ++i) {
        doc.records << imported(u"lib-%1"_s.arg(i), RecordKind::Software, u"chainlib-%1"_s.arg(i), u"1.0"_s);
        if (i > 0)
            doc.relations << relation(u"lib-%1"_s.arg(i), RelationType::DependsOn, u"lib-%1"_s.arg(i - 1));
    }
    return doc;
}

} // namespace

class TestImportApplier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addsRecordsRelationsArtifactsAndProvenance();
    void reimportChangesNothing();
    void updatesWhatChangedAndKeepsHandTypedValues();
    void preferImportOverwritesHandTypedValues();
    void matchesByPurlThenNameThenEarlierRef();
    void placeholderIsFilledInByALaterDocument();
    void duplicateDescriptionsInOneDocumentBecomeOneRecord();
    void hubCardWithoutOrgMatchesTheOnlyQualifiedReference();
    void invalidRelationsAreSkippedWithAReason();
    void changedDigestIsReported();
    void invalidRecordRejectsTheWholeDocument();
    void readOnlyWorkspaceRefusesImports();
    void progressReportsAndCancelsTheWrite();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
};

void TestImportApplier::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto ws = Workspace::open(m_dir->filePath(u"w.strata"_s));
    QVERIFY(ws.ok());
    m_ws = std::move(ws).value();
    m_ws->setActor(u"analyst"_s);
}

void TestImportApplier::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

void TestImportApplier::addsRecordsRelationsArtifactsAndProvenance()
{
    QSignalSpy changed(m_ws.get(), &Workspace::recordsChanged);
    auto summary = m_ws->applyImport(sampleDocument());
    QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message));
    QCOMPARE(summary.value().added, 4);
    QCOMPARE(summary.value().relationsAdded, 4);
    QVERIFY(summary.value().importId > 0);
    QVERIFY(changed.count() >= 3);

    const qint64 tune = m_ws->resolve(u"Northwind 7B Chat"_s).value();
    const RecordSnapshot snap = m_ws->snapshot(tune).value();
    QCOMPARE(snap.relations.size(), 3);
    for (const RelatedRecord &r : snap.relations) {
        QCOMPARE(r.relation.importId, summary.value().importId);
        QCOMPARE(r.relation.source, u"import:vendor-bom.json"_s);
    }
    const qint64 base = m_ws->resolve(u"Northwind 7B"_s).value();
    QCOMPARE(m_ws->snapshot(base).value().artifacts.size(), 1);
    QCOMPARE(m_ws->extras(base)
                 .value()
                 .value(u"cyclonedx.modelCard"_s)
                 .toObject()
                 .value(u"modelParameters"_s)
                 .toObject()
                 .value(u"task"_s)
                 .toString(),
             u"text-generation"_s);
    const RecordProvenance p = m_ws->provenance(base).value();
    QCOMPARE(p.imports.size(), 1);
    QCOMPARE(p.imports.at(0).fileName, u"vendor-bom.json"_s);
    QCOMPARE(p.imports.at(0).sha256, QString(64, u'1'));
    QCOMPARE(p.externalRefs, QStringList{u"m-base"_s});
    QVERIFY(p.manualFields.isEmpty());
    // Imported supplier names are searchable on the records they provide.
    QCOMPARE(m_ws->recordIds(RecordQuery{RecordKind::Model, u"northwind ai"_s}).value().size(), 2);
}

void TestImportApplier::reimportChangesNothing()
{
    QVERIFY(m_ws->applyImport(sampleDocument()).ok());
    QSignalSpy changed(m_ws.get(), &Workspace::recordsChanged);
    auto again = m_ws->applyImport(sampleDocument());
    QVERIFY(again.ok());
    QCOMPARE(again.value().added, 0);
    QCOMPARE(again.value().updated, 0);
    QCOMPARE(again.value().unchanged, 4);
    QCOMPARE(again.value().relationsUnchanged, 4);
    QCOMPARE(again.value().importId, 0); // not even the import log grew
    QCOMPARE(changed.count(), 0);
    const qint64 base = m_ws->resolve(u"Northwind 7B"_s).value();
    QCOMPARE(m_ws->provenance(base).value().imports.size(), 1);
}

void TestImportApplier::updatesWhatChangedAndKeepsHandTypedValues()
{
    QVERIFY(m_ws->applyImport(sampleDocument()).ok());
    const qint64 base = m_ws->resolve(u"Northwind 7B"_s).value();
    Record edited = m_ws->record(base).value();
    edited.license = u"LicenseRef-Negotiated"_s; // an analyst corrected it by hand
    QVERIFY(m_ws->updateRecord(edited).ok());
    QCOMPARE(m_ws->provenance(base).value().manualFields, QStringList{u"license"_s});

    ImportDocument v2 = sampleDocument();
    v2.sha256 = QString(64, u'2');
    state(v2.records[1], u"description"_s, u"Now with a description"_s);
    auto summary = m_ws->applyImport(v2);
    QVERIFY(summary.ok());
    QCOMPARE(summary.value().updated, 1);
    QCOMPARE(summary.value().unchanged, 3);
    const Record after = m_ws->record(base).value();
    QCOMPARE(after.description, u"Now with a description"_s);
    QCOMPARE(after.license, u"LicenseRef-Negotiated"_s);
    QVERIFY(std::any_of(summary.value().notes.cbegin(), summary.value().notes.cend(),
                        [](const QString &n) { return n.contains(u"LicenseRef-Negotiated"_s); }));
    QCOMPARE(m_ws->provenance(base).value().imports.size(), 2);
}

void TestImportApplier::preferImportOverwritesHandTypedValues()
{
    QVERIFY(m_ws->applyImport(sampleDocument()).ok());
    const qint64 base = m_ws->resolve(u"Northwind 7B"_s).value();
    Record edited = m_ws->record(base).value();
    edited.license = u"MIT"_s;
    QVERIFY(m_ws->updateRecord(edited).ok());
    ImportOptions options;
    options.preferImport = true;
    auto summary = m_ws->applyImport(sampleDocument(), options);
    QVERIFY(summary.ok());
    QCOMPARE(summary.value().updated, 1);
    QCOMPARE(m_ws->record(base).value().license, u"Apache-2.0"_s);
    QVERIFY(m_ws->provenance(base).value().manualFields.isEmpty());
}

void TestImportApplier::matchesByPurlThenNameThenEarlierRef()
{
    QVERIFY(m_ws->applyImport(sampleDocument()).ok());
    const qint64 base = m_ws->resolve(u"Northwind 7B"_s).value();
    const qint64 data = m_ws->resolve(u"Chat Logs"_s).value();

    ImportDocument renamed;
    renamed.format = u"cyclonedx"_s;
    renamed.fileName = u"renamed.json"_s;
    // Same purl, new display name: the same model.
    ImportedRecord byPurl = imported(u"x1"_s, RecordKind::Model, u"Northwind-7B"_s, u"1.0"_s);
    state(byPurl, u"purl"_s, u"pkg:huggingface/northwind/7b@1.0"_s);
    // Same document id as before, new name and version: the same dataset.
    ImportedRecord byRef = imported(u"dataset:chat-logs"_s, RecordKind::Dataset, u"Chat Logs (cleaned)"_s, u"2026"_s);
    renamed.records << byPurl << byRef;
    auto summary = m_ws->applyImport(renamed);
    QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message));
    QCOMPARE(summary.value().added, 0);
    QCOMPARE(summary.value().updated, 2);
    QCOMPARE(m_ws->record(base).value().name, u"Northwind-7B"_s);
    QCOMPARE(m_ws->record(data).value().name, u"Chat Logs (cleaned)"_s);
    QCOMPARE(m_ws->list(RecordQuery{}).value().size(), 4);

    // A short ref such as "1" means something else in every document: it never matches across imports.
    ImportDocument first;
    first.format = u"cyclonedx"_s;
    first.fileName = u"a.json"_s;
    first.records << imported(u"1"_s, RecordKind::Software, u"left-pad"_s, u"1.0"_s);
    QVERIFY(m_ws->applyImport(first).ok());
    ImportDocument second = first;
    second.fileName = u"b.json"_s;
    second.records[0].record.name = u"right-pad"_s;
    auto other = m_ws->applyImport(second);
    QVERIFY(other.ok());
    QCOMPARE(other.value().added, 1);
}

void TestImportApplier::placeholderIsFilledInByALaterDocument()
{
    ImportDocument card;
    card.format = u"hf-card"_s;
    card.fileName = u"README.md"_s;
    ImportedRecord tune = imported(u"acme/tune"_s, RecordKind::Model, u"acme/tune"_s);
    ImportedRecord base = imported(u"meta/base"_s, RecordKind::Model, u"meta/base"_s);
    base.record.placeholder = true;
    base.statedFields = {u"name"_s};
    card.records << tune << base;
    card.relations << relation(u"acme/tune"_s, RelationType::DerivedFrom, u"meta/base"_s, u"finetune"_s);
    auto first = m_ws->applyImport(card);
    QVERIFY(first.ok());
    QCOMPARE(first.value().placeholders, 1);
    const qint64 baseId = m_ws->resolve(u"meta/base"_s).value();
    QVERIFY(m_ws->record(baseId).value().placeholder);

    ImportDocument baseCard;
    baseCard.format = u"hf-card"_s;
    baseCard.fileName = u"base-README.md"_s;
    ImportedRecord described = imported(u"meta/base"_s, RecordKind::Model, u"meta/base"_s);
    state(described, u"license"_s, u"MIT"_s);
    baseCard.records << described;
    auto second = m_ws->applyImport(baseCard);
    QVERIFY(second.ok());
    QCOMPARE(second.value().updated, 1);
    QVERIFY(!m_ws->record(baseId).value().placeholder);
    QCOMPARE(m_ws->record(baseId).value().license, u"MIT"_s);
    // A later bare reference does not turn it back into a placeholder.
    QVERIFY(m_ws->applyImport(card).ok());
    QVERIFY(!m_ws->record(baseId).value().placeholder);
}

void TestImportApplier::duplicateDescriptionsInOneDocumentBecomeOneRecord()
{
    ImportDocument doc = sampleDocument();
    ImportedRecord again = imported(u"d-2"_s, RecordKind::Dataset, u"chat logs"_s, u"2025"_s);
    doc.records << again;
    doc.relations << relation(u"m-base"_s, RelationType::EvaluatedOn, u"d-2"_s);
    auto summary = m_ws->applyImport(doc);
    QVERIFY(summary.ok());
    QCOMPARE(summary.value().added, 4);
    const qint64 data = m_ws->resolve(u"Chat Logs"_s).value();
    QCOMPARE(m_ws->snapshot(data).value().relations.size(), 2); // trained on by one, evaluated on by the other
}

void TestImportApplier::hubCardWithoutOrgMatchesTheOnlyQualifiedReference()
{
    // A quantized card names its base "acme-labs/acme-support-7b"; the base's own card only says "acme-support-7b".
    ImportDocument quantized;
    quantized.format = u"hf-card"_s;
    quantized.fileName = u"gguf-README.md"_s;
    ImportedRecord child = imported(u"hf:model:gguf"_s, RecordKind::Model, u"acme-support-7b-gguf"_s);
    ImportedRecord base =
        imported(u"hf:model:acme-labs/acme-support-7b"_s, RecordKind::Model, u"acme-labs/acme-support-7b"_s);
    base.record.placeholder = true;
    base.record.purl = u"pkg:huggingface/acme-labs/acme-support-7b"_s;
    base.statedFields = {u"name"_s, u"purl"_s};
    quantized.records << child << base;
    quantized.relations << relation(child.ref, RelationType::DerivedFrom, base.ref, u"quantized"_s);
    QVERIFY(m_ws->applyImport(quantized).ok());

    ImportDocument card;
    card.format = u"hf-card"_s;
    card.fileName = u"README.md"_s;
    ImportedRecord described = imported(u"hf:model:acme-support-7b"_s, RecordKind::Model, u"acme-support-7b"_s);
    state(described, u"license"_s, u"Apache-2.0"_s);
    card.records << described;
    auto summary = m_ws->applyImport(card);
    QVERIFY(summary.ok());
    QCOMPARE(summary.value().added, 0);
    QCOMPARE(summary.value().updated, 1);
    const qint64 id = m_ws->resolve(u"acme-labs/acme-support-7b"_s).value();
    const Record r = m_ws->record(id).value();
    QVERIFY(!r.placeholder);
    QCOMPARE(r.license, u"Apache-2.0"_s);
    QVERIFY(summary.value().notes.join(u'\n').contains(u"acme-support-7b"_s));

    // Two candidates: no guess.
    ImportDocument other;
    other.format = u"hf-card"_s;
    other.fileName = u"other.md"_s;
    ImportedRecord reupload =
        imported(u"hf:model:mirror/acme-support-7b"_s, RecordKind::Model, u"mirror/acme-support-7b"_s);
    reupload.record.purl = u"pkg:huggingface/mirror/acme-support-7b"_s;
    other.records << reupload;
    QVERIFY(m_ws->applyImport(other).ok());
    QCOMPARE(m_ws->list(RecordQuery{RecordKind::Model}).value().size(), 3);
    ImportDocument ambiguous;
    ambiguous.format = u"hf-card"_s;
    ambiguous.fileName = u"ambiguous.md"_s;
    ambiguous.records << imported(u"hf:model:bare"_s, RecordKind::Model, u"acme-support-7b"_s, u"2"_s);
    auto added = m_ws->applyImport(ambiguous);
    QVERIFY(added.ok());
    QCOMPARE(added.value().added, 1);
    QCOMPARE(m_ws->list(RecordQuery{RecordKind::Model}).value().size(), 4);
}

void TestImportApplier::invalidRelationsAreSkippedWithAReason()
{
    ImportDocument doc = sampleDocument();
    doc.relations << relation(u"dataset:chat-logs"_s, RelationType::TrainedOn, u"m-tune"_s) // wrong direction
                  << relation(u"m-base"_s, RelationType::DependsOn, u"m-base"_s)            // self
                  << relation(u"m-base"_s, RelationType::DependsOn, u"nowhere"_s);
    auto summary = m_ws->applyImport(doc);
    QVERIFY(summary.ok());
    QCOMPARE(summary.value().relationsAdded, 4);
    QCOMPARE(summary.value().relationsSkipped, 3);
    QCOMPARE(summary.value().notes.size(), 3);
    QVERIFY2(summary.value().notes.at(0).contains(u"Chat Logs"_s), qPrintable(summary.value().notes.at(0)));
}

void TestImportApplier::changedDigestIsReported()
{
    QVERIFY(m_ws->applyImport(sampleDocument()).ok());
    ImportDocument tampered = sampleDocument();
    tampered.records[1].artifacts[0].digest = QString(64, u'b');
    auto summary = m_ws->applyImport(tampered);
    QVERIFY(summary.ok());
    QCOMPARE(summary.value().updated, 1);
    QVERIFY(summary.value().notes.join(u'\n').contains(QString(64, u'b')));
    const qint64 base = m_ws->resolve(u"Northwind 7B"_s).value();
    QCOMPARE(m_ws->snapshot(base).value().artifacts.at(0).digest, QString(64, u'b'));
}

void TestImportApplier::invalidRecordRejectsTheWholeDocument()
{
    ImportDocument doc = sampleDocument();
    doc.records[2].record.sourceUrl = u"not a url"_s;
    doc.records[2].statedFields << u"source_url"_s;
    auto summary = m_ws->applyImport(doc);
    QVERIFY(!summary.ok());
    QVERIFY(summary.error().message.contains(u"vendor-bom.json"_s));
    QVERIFY(summary.error().message.contains(u"source_url"_s));
    QVERIFY(m_ws->list(RecordQuery{}).value().isEmpty());
}

void TestImportApplier::readOnlyWorkspaceRefusesImports()
{
    const QString path = m_dir->filePath(u"w.strata"_s);
    m_ws.reset();
    QVERIFY(test::execOnFile(path, u"PRAGMA user_version = %1"_s.arg(Database::latestSchemaVersion() + 1)));
    auto ws = Workspace::open(path);
    QVERIFY(ws.ok());
    QVERIFY(ws.value()->isReadOnly());
    auto summary = ws.value()->applyImport(sampleDocument());
    QVERIFY(!summary.ok());
    QCOMPARE(summary.error().code, ErrorCode::ReadOnly);
}

void TestImportApplier::progressReportsAndCancelsTheWrite()
{
    const ImportDocument doc = chainDocument(1000);
    const qint64 existing = m_ws->createRecord([] {
                                    Record r;
                                    r.kind = RecordKind::Software;
                                    r.name = u"typed-by-hand"_s;
                                    return r;
                                }())
                                .value();

    // Cancelled on the third report: nothing of the document is left, and what was there stays.
    QList<QPair<int, int>> reports;
    QString refused;
    ImportOptions options;
    options.progress = [&](int done, int total) {
        reports << qMakePair(done, total);
        // The GUI runs its event loop here: a write made meanwhile must be refused, not joined to the import.
        Result<qint64> meanwhile = m_ws->createRecord([] {
            Record r;
            r.kind = RecordKind::Software;
            r.name = u"typed-during-import"_s;
            return r;
        }());
        if (!meanwhile)
            refused = meanwhile.error().message;
        return reports.size() < 3;
    };
    QSignalSpy changed(m_ws.get(), &Workspace::recordsChanged);
    const Result<ImportSummary> cancelled = m_ws->applyImport(doc, options);
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    QVERIFY(cancelled.error().message.contains(u"chain.json"_s));
    QCOMPARE(reports.size(), 3);
    QVERIFY(!refused.isEmpty());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_ws->list(RecordQuery{RecordKind::Software}).value().size(), 1);
    QCOMPARE(m_ws->list(RecordQuery{}).value().at(0).id, existing);
    QVERIFY(m_ws->recordIds(RecordQuery{RecordKind::Software, u"chainlib"_s}).value().isEmpty());

    // Not cancelled: the reports climb to the total of records and relations, and the workspace takes writes again.
    reports.clear();
    options.progress = [&](int done, int total) {
        reports << qMakePair(done, total);
        return true;
    };
    const Result<ImportSummary> applied = m_ws->applyImport(doc, options);
    QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));
    QCOMPARE(applied.value().added, 1000);
    QVERIFY(reports.size() >= 5);
    for (qsizetype i = 1; i < reports.size(); ++i)
        QVERIFY(reports.at(i).first > reports.at(i - 1).first);
    QCOMPARE(reports.last().second, 1000 + 999);
    QVERIFY(reports.last().first <= reports.last().second);
    QCOMPARE(m_ws->recordIds(RecordQuery{RecordKind::Software, u"chainlib"_s}).value().size(), 1000);
    QVERIFY(m_ws->link(existing, RelationType::DependsOn, m_ws->resolve(u"chainlib-0"_s).value()).ok());
}

QTEST_GUILESS_MAIN(TestImportApplier)
#include "TestImportApplier.moc"
