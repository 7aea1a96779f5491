// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "TestFiles.h"
#include "evidence/EvidenceStore.h"
#include "evidence/EvidenceVerifier.h"
#include "util/Sha256.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using strata::test::deterministicBytes;
using strata::test::filesUnder;

/// Several evidence files stored at once on a thread pool: the same digests as one at a time, one copy per
/// content across the batch, and a cancel that leaves nothing half-copied.
class TestEvidenceBatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sameDigestsAsOneAtATime();
    void sameContentInOneBatchIsStoredOnce();
    void progressCoversEveryByte();
    void cancelLeavesNoTemporaryFiles();
    void unreadableFileFailsTheBatchByName();
    void verifierNamesAlteredAndMissingBlobs();

private:
    QString file(const QString &name, const QByteArray &data) const;
    QString storeRoot() const { return m_dir->filePath(u"case.strata-evidence"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestEvidenceBatch::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestEvidenceBatch::cleanup()
{
    QDirIterator it(m_dir->path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        QFile::setPermissions(it.next(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    m_dir.reset();
}

QString TestEvidenceBatch::file(const QString &name, const QByteArray &data) const
{
    const QString path = m_dir->filePath(u"in/"_s + name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size())
        return {};
    return path;
}

void TestEvidenceBatch::sameDigestsAsOneAtATime()
{
    // Sizes on both sides of a read chunk, and an empty file.
    const QList<qint64> sizes = {0, 3, EvidenceStore::kChunkSize - 1, EvidenceStore::kChunkSize + 17, 100000};
    QStringList paths;
    QList<QByteArray> contents;
    for (int i = 0; i < sizes.size(); ++i) {
        contents << deterministicBytes(sizes.at(i), quint32(40 + i));
        paths << file(u"f%1.bin"_s.arg(i), contents.constLast());
        QVERIFY(!paths.constLast().isEmpty());
    }
    EvidenceBatchOptions options;
    options.threads = 2;
    const Result<QList<StoredBlob>> batch = EvidenceStore(storeRoot()).storeAll(paths, options);
    QVERIFY2(batch.ok(), batch.ok() ? "" : qPrintable(batch.error().message));
    QCOMPARE(batch.value().size(), paths.size());
    const EvidenceStore single(m_dir->filePath(u"single"_s));
    for (int i = 0; i < paths.size(); ++i) {
        const StoredBlob &blob = batch.value().at(i);
        QCOMPARE(blob.sha256, Sha256::hex(contents.at(i)));
        QCOMPARE(blob.size, sizes.at(i));
        QVERIFY(blob.created);
        const Result<StoredBlob> one = single.store(paths.at(i));
        QVERIFY(one.ok());
        QCOMPARE(one.value().sha256, blob.sha256);
        QCOMPARE(EvidenceStore(storeRoot()).hashBlob(blob.sha256).value(), blob.sha256);
    }
}

void TestEvidenceBatch::sameContentInOneBatchIsStoredOnce()
{
    const QByteArray same = deterministicBytes(300000, 5);
    const QString a = file(u"a/model-card.pdf"_s, same);
    const QString b = file(u"b/copy.pdf"_s, same);
    const QString other = file(u"other.txt"_s, "other");
    EvidenceBatchOptions options;
    options.threads = 3;
    const Result<QList<StoredBlob>> batch = EvidenceStore(storeRoot()).storeAll({a, b, other, a}, options);
    QVERIFY2(batch.ok(), batch.ok() ? "" : qPrintable(batch.error().message));
    const QList<StoredBlob> &blobs = batch.value();
    QCOMPARE(blobs.size(), 4);
    QCOMPARE(blobs.at(0).sha256, Sha256::hex(same));
    QCOMPARE(blobs.at(1).sha256, blobs.at(0).sha256);
    QCOMPARE(blobs.at(3).sha256, blobs.at(0).sha256);
    // Created once per content, on its first mention.
    QCOMPARE((QList<bool>{blobs.at(0).created, blobs.at(1).created, blobs.at(2).created, blobs.at(3).created}),
             (QList<bool>{true, false, true, false}));
    // The blobs; pending/ also holds a marker per new blob until a workspace records its row.
    const QStringList stored = filesUnder(storeRoot()).filter(u"sha256/"_s);
    QCOMPARE(stored.size(), 2);
    QVERIFY(stored.contains(u"sha256/%1/%2"_s.arg(blobs.at(0).sha256.left(2), blobs.at(0).sha256)));

    // A second batch of content already stored creates nothing.
    const Result<QList<StoredBlob>> again = EvidenceStore(storeRoot()).storeAll({b, other});
    QVERIFY(again.ok());
    QVERIFY(!again.value().at(0).created);
    QVERIFY(!again.value().at(1).created);
    QCOMPARE(filesUnder(storeRoot()).filter(u"sha256/"_s).size(), 2);
}

void TestEvidenceBatch::progressCoversEveryByte()
{
    QStringList paths;
    qint64 total = 0;
    for (int i = 0; i < 4; ++i) {
        const QByteArray data = deterministicBytes(EvidenceStore::kChunkSize / 2 + i * 1000, quint32(i));
        total += data.size();
        paths << file(u"p%1"_s.arg(i), data);
    }
    QList<qint64> done;
    QSet<qint64> totals;
    EvidenceBatchOptions options;
    options.threads = 2;
    options.progress = [&](qint64 bytes, qint64 all) {
        done << bytes; // calls are serialised by the batch
        totals << all;
    };
    const Result<QList<StoredBlob>> batch = EvidenceStore(storeRoot()).storeAll(paths, options);
    QVERIFY(batch.ok());
    QCOMPARE(totals, QSet<qint64>{total});
    QVERIFY(!done.isEmpty());
    QCOMPARE(done.constLast(), total);
    QVERIFY(std::is_sorted(done.cbegin(), done.cend()));
}

void TestEvidenceBatch::cancelLeavesNoTemporaryFiles()
{
    QStringList paths;
    for (int i = 0; i < 4; ++i)
        paths << file(u"big%1.bin"_s.arg(i), deterministicBytes(3 * EvidenceStore::kChunkSize, quint32(90 + i)));
    std::atomic<bool> cancel{false};
    EvidenceBatchOptions options;
    options.threads = 2;
    options.cancel = &cancel;
    options.progress = [&](qint64 bytes, qint64) {
        if (bytes > 0)
            cancel.store(true); // after the first chunk of whichever file comes first
    };
    const EvidenceStore store(storeRoot());
    const Result<QList<StoredBlob>> batch = store.storeAll(paths, options);
    QVERIFY(!batch.ok());
    QCOMPARE(batch.error().code, ErrorCode::Cancelled);
    QCOMPARE(filesUnder(store.temporaryFolder()), QStringList());
    // No file of three chunks got through after a cancel at the first chunk.
    QCOMPARE(filesUnder(QDir(storeRoot()).filePath(u"sha256"_s)), QStringList());
}

void TestEvidenceBatch::unreadableFileFailsTheBatchByName()
{
    const QString good = file(u"good.txt"_s, "fine");
    const QString missing = m_dir->filePath(u"in/not-there.pdf"_s);
    const EvidenceStore store(storeRoot());
    const Result<QList<StoredBlob>> batch = store.storeAll({good, missing});
    QVERIFY(!batch.ok());
    QVERIFY2(batch.error().message.contains(u"not-there.pdf"_s), qPrintable(batch.error().message));
    QCOMPARE(filesUnder(store.temporaryFolder()), QStringList());
}

void TestEvidenceBatch::verifierNamesAlteredAndMissingBlobs()
{
    const EvidenceStore store(storeRoot());
    const Result<QList<StoredBlob>> batch =
        store.storeAll({file(u"a.txt"_s, "alpha"), file(u"b.txt"_s, "bravo"), file(u"c.txt"_s, "charlie")});
    QVERIFY(batch.ok());
    QList<Evidence> items;
    const QStringList titles = {u"Alpha policy"_s, u"Bravo audit"_s, u"Charlie scan"_s};
    for (int i = 0; i < 3; ++i) {
        Evidence e;
        e.id = i + 1;
        e.sha256 = batch.value().at(i).sha256;
        e.size = batch.value().at(i).size;
        e.title = titles.at(i);
        items << e;
    }
    const QString altered = store.blobPath(items.at(1).sha256);
    QFile::setPermissions(altered, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile out(altered);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("brav0");
    out.close();
    QVERIFY(QFile::remove(store.blobPath(items.at(2).sha256)));
    qint64 lastDone = -1;
    const Result<EvidenceVerification> checked =
        EvidenceVerifier::verify(store, items, nullptr, [&](qint64 done, qint64) { lastDone = done; });
    QVERIFY(checked.ok());
    QCOMPARE(checked.value().checked, 3);
    QCOMPARE(lastDone, qint64(5 + 5 + 7));
    QCOMPARE(checked.value().problems.size(), 2);
    QCOMPARE(checked.value().problems.at(0).kind, EvidenceProblem::Kind::Altered);
    QVERIFY(checked.value().problems.at(0).detail.contains(u"Bravo audit"_s));
    QCOMPARE(checked.value().problems.at(1).kind, EvidenceProblem::Kind::Missing);
    QVERIFY(checked.value().problems.at(1).detail.contains(u"Charlie scan"_s));
}

QTEST_GUILESS_MAIN(TestEvidenceBatch)
#include "TestEvidenceBatch.moc"
