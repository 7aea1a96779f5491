// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "domain/Fields.h"
#include "interop/DocumentReader.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

const QString kFineTune = u"acme-support-7b-README.md"_s;
const QString kQuantized = u"acme-support-7b-gguf-README.md"_s;
const QString kDataset = u"support-tickets-2025-dataset-README.md"_s;
const QString kMalformed = u"malformed-front-matter-README.md"_s;

QString cardsDir()
{
    return QStringLiteral(STRATA_FIXTURES_DIR "/hf-cards");
}

QByteArray cardBytes(const QString &name)
{
    QFile file(QDir(cardsDir()).filePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The outgoing relations of a record as "type subtype -> other name", sorted.
QStringList outgoing(const Workspace &ws, qint64 id)
{
    QStringList out;
    const RecordSnapshot snapshot = ws.snapshot(id).value();
    for (const RelatedRecord &r : snapshot.relations) {
        if (r.outgoing)
            out << u"%1 %2-> %3"_s.arg(relationTypeKey(r.relation.type),
                                       r.relation.subtype.isEmpty() ? QString() : r.relation.subtype + u' ',
                                       r.otherName);
    }
    out.sort();
    return out;
}

qint64 idOf(const Workspace &ws, const QString &name, RecordKind kind)
{
    Result<qint64> id = ws.resolve(name, kind);
    return id ? id.value() : 0;
}

} // namespace

/// Imports the real Hugging Face cards in shared/fixtures and checks the lineage they give.
class TestHuggingFaceFixtures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void importFolderInOrder();
    void cachedCardsLinkUp();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
};

void TestHuggingFaceFixtures::init()
{
    if (!QDir(cardsDir()).exists())
        QSKIP(qPrintable(u"%1 is absent: the real Hugging Face cards are not available here."_s.arg(cardsDir())));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto ws = Workspace::open(m_dir->filePath(u"ws.strata"_s));
    QVERIFY(ws);
    m_ws = std::move(ws).value();
}

void TestHuggingFaceFixtures::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

void TestHuggingFaceFixtures::importFolderInOrder()
{
    // "Import every card under a folder", as the CLI and the GUI do it: sorted, one document at a time.
    QStringList missing;
    const QStringList files = DocumentReader::expandPaths({cardsDir()}, &missing);
    QVERIFY(missing.isEmpty());
    QStringList names;
    for (const QString &f : files)
        names << QFileInfo(f).fileName();
    QCOMPARE(names, (QStringList{kFineTune, kQuantized, kMalformed, kDataset}));

    for (const QString &file : files) {
        const QMap<RecordKind, int> before = m_ws->countsByKind().value();
        Result<ImportDocument> doc = DocumentReader::readFile(file);
        if (QFileInfo(file).fileName() == kMalformed) {
            QVERIFY(!doc);
            QCOMPARE(doc.error().code, ErrorCode::InvalidInput);
            // yaml-cpp notices the unclosed "[unclosed-list" of line 3 at the colon of line 4.
            QVERIFY2(doc.error().message.contains(u"%1, line 4"_s.arg(kMalformed)), qPrintable(doc.error().message));
            QCOMPARE(m_ws->countsByKind().value(), before);
            continue;
        }
        QVERIFY2(doc, qPrintable(doc ? QString() : doc.error().message));
        Result<ImportSummary> summary = m_ws->applyImport(doc.value());
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().message));
        QVERIFY(summary.value().changedAnything());
    }

    const Workspace &ws = *m_ws;
    const qint64 fineTune = idOf(ws, u"acme-support-7b"_s, RecordKind::Model);
    QVERIFY(fineTune);
    QVERIFY(!ws.record(fineTune).value().placeholder);
    QCOMPARE(ws.record(fineTune).value().license, u"Apache-2.0"_s);
    // The quantized card's reference "acme-labs/acme-support-7b" was matched to this card (the only model whose
    // repository name is acme-support-7b), so the reference's org became its supplier.
    QCOMPARE(outgoing(ws, fineTune),
             (QStringList{u"derived_from finetune -> acme-labs/acme-base-7b"_s,
                          u"evaluated_on -> acme-labs/support-tickets-2025"_s, u"provided_by -> acme-labs"_s,
                          u"trained_on -> acme-labs/support-tickets-2025"_s,
                          u"trained_on -> open-instruct/helpful-mix-v2"_s}));
    const qint64 base = idOf(ws, u"acme-labs/acme-base-7b"_s, RecordKind::Model);
    QVERIFY(ws.record(base).value().placeholder);
    QCOMPARE(ws.record(base).value().purl, u"pkg:huggingface/acme-labs/acme-base-7b"_s);
    QCOMPARE(outgoing(ws, base), QStringList{u"provided_by -> acme-labs"_s});

    // The quantized card names its base by repo id; the fine-tune's card never states its own repo id (no org
    // anywhere in it). The applier takes the two to be one repository because exactly one model has that
    // repository name, and says so in the summary; with two candidates it would not guess.
    const qint64 gguf = idOf(ws, u"acme-support-7b-gguf"_s, RecordKind::Model);
    QVERIFY(gguf);
    QCOMPARE(outgoing(ws, gguf), QStringList{u"derived_from quantized -> acme-support-7b"_s});
    QVERIFY(!idOf(ws, u"acme-labs/acme-support-7b"_s, RecordKind::Model));
    QCOMPARE(fields::fieldText(ws.record(gguf).value(), u"format"_s), u"gguf"_s);

    // Likewise the dataset card calls itself by its pretty_name.
    const qint64 tickets = idOf(ws, u"Support tickets 2025"_s, RecordKind::Dataset);
    QVERIFY(tickets);
    QCOMPARE(ws.record(tickets).value().license, u"CC-BY-NC-4.0"_s);
    QCOMPARE(fields::fieldText(ws.record(tickets).value(), u"languages"_s), u"en, zh"_s);

    const QMap<RecordKind, int> counts = ws.countsByKind().value();
    QCOMPARE(counts.value(RecordKind::Model), 3);
    QCOMPARE(counts.value(RecordKind::Dataset), 3);
    QCOMPARE(counts.value(RecordKind::Supplier), 2);

    for (const QString &file : files) {
        if (QFileInfo(file).fileName() == kMalformed)
            continue;
        Result<ImportSummary> again = m_ws->applyImport(DocumentReader::readFile(file).value());
        QVERIFY(again);
        QVERIFY2(!again.value().changedAnything(), qPrintable(file));
    }
    QCOMPARE(ws.countsByKind().value(), counts);
}

void TestHuggingFaceFixtures::cachedCardsLinkUp()
{
    // The same cards where huggingface_hub puts them: the cache folder names the repository, so the
    // fine-tune and the dataset carry their repo ids and the references to them find them by purl and name.
    const QList<std::pair<QString, QString>> cards = {
        {kFineTune, u"hub/models--acme-labs--acme-support-7b/snapshots/3f2a/README.md"_s},
        {kQuantized, u"hub/models--acme-labs--acme-support-7b-GGUF/snapshots/9c1d/README.md"_s},
        {kDataset, u"hub/datasets--acme-labs--support-tickets-2025/snapshots/77b0/README.md"_s},
    };
    for (const auto &[file, path] : cards) {
        Result<ImportDocument> doc = DocumentReader::read(cardBytes(file), path);
        QVERIFY2(doc, qPrintable(doc ? QString() : doc.error().message));
        QVERIFY(m_ws->applyImport(doc.value()));
    }
    const Workspace &ws = *m_ws;
    const qint64 fineTune = idOf(ws, u"acme-labs/acme-support-7b"_s, RecordKind::Model);
    QVERIFY(fineTune);
    QVERIFY(!ws.record(fineTune).value().placeholder);
    QCOMPARE(ws.record(fineTune).value().purl, u"pkg:huggingface/acme-labs/acme-support-7b"_s);
    const qint64 gguf = idOf(ws, u"acme-labs/acme-support-7b-GGUF"_s, RecordKind::Model);
    QCOMPARE(outgoing(ws, gguf),
             (QStringList{u"derived_from quantized -> acme-labs/acme-support-7b"_s, u"provided_by -> acme-labs"_s}));
    const qint64 tickets = idOf(ws, u"acme-labs/support-tickets-2025"_s, RecordKind::Dataset);
    QVERIFY(!ws.record(tickets).value().placeholder);
    QCOMPARE(ws.record(tickets).value().license, u"CC-BY-NC-4.0"_s);
    QVERIFY(outgoing(ws, fineTune).contains(u"trained_on -> acme-labs/support-tickets-2025"_s));
    QVERIFY(outgoing(ws, fineTune).contains(u"evaluated_on -> acme-labs/support-tickets-2025"_s));

    const QMap<RecordKind, int> counts = ws.countsByKind().value();
    QCOMPARE(counts.value(RecordKind::Model), 3);
    QCOMPARE(counts.value(RecordKind::Dataset), 2);
    QCOMPARE(counts.value(RecordKind::Supplier), 2);
    for (const auto &[file, path] : cards) {
        Result<ImportSummary> again = m_ws->applyImport(DocumentReader::read(cardBytes(file), path).value());
        QVERIFY(again);
        QVERIFY2(!again.value().changedAnything(), qPrintable(path));
    }
}

QTEST_GUILESS_MAIN(TestHuggingFaceFixtures)
#include "TestHuggingFaceFixtures.moc"
