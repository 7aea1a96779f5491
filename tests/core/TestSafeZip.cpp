// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// Promises Z1, Z2 and Z4 (reliability notes §3): a corpus of malicious archives made here, byte by byte, each refused
// with nothing left outside the temporary folder; and the writer's atomic, verified output.
#include "TestFiles.h"
#include "ZipForge.h"
#include "bundle/BundleFormat.h"
#include "bundle/BundleWriter.h"
#include "bundle/SafeZipReader.h"
#include "util/Sha256.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using strata::test::ForgedEntry;
using strata::test::ZipForge;

Q_DECLARE_METATYPE(strata::ZipLimits)

namespace {

const QByteArray kDigest = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const QByteArray kEvidence = "evidence/" + kDigest;

ForgedEntry entry(const QByteArray &name, const QByteArray &content, quint16 method = 0)
{
    ForgedEntry e;
    e.name = name;
    e.content = content;
    e.method = method;
    return e;
}

QByteArray zip(const QList<ForgedEntry> &entries, const QByteArray &prefix = {})
{
    ZipForge forge;
    forge.entries = entries;
    forge.prefix = prefix;
    return forge.build();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class TestSafeZip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void readsAnHonestArchive();
    void refusesMaliciousArchives_data();
    void refusesMaliciousArchives();
    void readsEntriesWithDataDescriptors();
    void readsStreamsWhoseLastMatchCrossesAnOutputChunk();
    void nestedZipStaysOpaque();
    void nameProblemsAreNamed_data();
    void nameProblemsAreNamed();
    void writerRoundTripsAndChoosesMethods();
    void writerRefusesOverlongNameBeforeQuaZip();
    void failedWriteKeepsThePreviousFile();
    void killedExportLeavesThePreviousFile();

private:
    /// Opens and stages every entry as an import would; returns the error message, or empty on success.
    QString readAll(const QString &path, const ZipLimits &limits, QList<StagedFile> *kept = nullptr);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSafeZip::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestSafeZip::readAll(const QString &path, const ZipLimits &limits, QList<StagedFile> *kept)
{
    const QString tmp = m_dir->filePath(u"store/tmp"_s);
    StagedFiles staged;
    SafeZipReader reader(path, limits, bundleformat::isAllowedName);
    Status s = reader.open();
    if (s)
        s = reader.visit([&](const ZipEntry &e) -> Status {
            if (!bundleformat::isEvidenceName(e.name)) {
                const Result<QByteArray> content = reader.readCurrent(64 * 1024 * 1024);
                return content ? Status(Ok{}) : Status(content.error());
            }
            Result<StagedFile> file = reader.stageCurrent(tmp, staged);
            if (!file)
                return file.error();
            if (kept)
                kept->append(file.value());
            return Ok{};
        });
    if (s && kept)
        for (const StagedFile &f : std::as_const(*kept))
            staged.release(f.path);
    return s ? QString() : s.error().message;
}

void TestSafeZip::readsAnHonestArchive()
{
    const QByteArray text = QByteArray("{\"answer\": 42}\n").repeated(200);
    const QByteArray blob = test::deterministicBytes(100000, 7);
    const QByteArray name = "evidence/" + Sha256::hex(blob).toLatin1();
    const QString path = m_dir->filePath(u"good.zip"_s);
    QVERIFY(writeFile(path, zip({entry("manifest.json", text, 8), entry(name, blob, 0)})));
    QList<StagedFile> staged;
    const QString error = readAll(path, ZipLimits{}, &staged);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(staged.size(), 1);
    QCOMPARE(staged.first().sha256, Sha256::hex(blob));
    QCOMPARE(staged.first().size, blob.size());
    QFile copy(staged.first().path);
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), blob);
    // The copy's name is random, never the entry's.
    QVERIFY(!staged.first().path.contains(Sha256::hex(blob)));
}

void TestSafeZip::refusesMaliciousArchives_data()
{
    QTest::addColumn<QByteArray>("archive");
    QTest::addColumn<ZipLimits>("limits");
    QTest::addColumn<QString>("reason");

    const QByteArray small = "hello";
    const ZipLimits defaults;
    const auto row = [&](const char *name, const QByteArray &archive, const QString &reason, ZipLimits l = {}) {
        QTest::newRow(name) << archive << l << reason;
    };
    row("dot-dot", zip({entry("../x", small)}), u"\"..\""_s);
    row("dot-dot deep", zip({entry("evidence/../../x", small)}), u"\"..\""_s);
    row("absolute", zip({entry("/abs", small)}), u"absolute"_s);
    row("backslash", zip({entry("..\\x", small)}), u"backslash"_s);
    row("drive letter", zip({entry("C:/x", small)}), u"drive letter"_s);
    row("control character", zip({entry("manifest\x1b.json", small)}), u"control character"_s);
    row("nul", zip({entry(QByteArray("manifest.json\0x", 15), small)}), u"control character"_s);
    row("invalid utf-8", zip({entry("evidence/\xff\xfe", small)}), u"UTF-8"_s);
    {
        ForgedEntry link = entry("evidence", "/etc");
        link.externalAttr = quint32(0120777) << 16;
        row("symlink then a file through it", zip({link, entry(kEvidence, small)}), u"symbolic link"_s);
    }
    {
        ForgedEntry dir = entry("evidence/", {});
        dir.externalAttr = (quint32(0040755) << 16) | 0x10;
        row("directory entry", zip({dir}), u"directory"_s);
    }
    row("duplicate name", zip({entry("manifest.json", small), entry("manifest.json", small)}), u"twice"_s);
    row("case-folded duplicate", zip({entry("manifest.json", small), entry("Manifest.JSON", small)}),
        u"only in case"_s);
    row("70,000-byte name", zip({entry(QByteArray(70000, 'a'), small)}), u"bytes long"_s);
    {
        ForgedEntry e = entry(kEvidence, small);
        e.flags |= 0x0001;
        row("encrypted entry", zip({e}), u"encrypted"_s);
    }
    row("method 99", zip({entry(kEvidence, small, 99)}), u"method 99"_s);
    {
        ForgedEntry e = entry("manifest.json", small);
        e.localName = "manifest.jsoo";
        row("central and local names differ", zip({e}), u"local header"_s);
    }
    row("prepended data", zip({entry("manifest.json", small)}, "MZ stub of a self-extractor"), u"before"_s);
    {
        const QByteArray whole = zip({entry("manifest.json", small), entry(kEvidence, QByteArray(5000, 'x'))});
        row("truncated", whole.left(whole.size() - 30), u"cut short"_s);
        row("truncated in the data", whole.left(60) + whole.mid(whole.size() - 200), u"bundle"_s);
        row("trailing data", whole + "junk", u"end record"_s);
    }
    row("not a zip", QByteArray("name,version\nllama,3\n").repeated(4), u"end record"_s);
    row("empty file", QByteArray(), u"too short"_s);
    row("name outside the allowlist", zip({entry("run.sh", small)}), u"never hold"_s);
    row("evidence name in upper case", zip({entry("evidence/" + kDigest.toUpper(), small)}), u"never hold"_s);
    {
        ZipLimits l = defaults;
        l.maxEntries = 3;
        QList<ForgedEntry> many;
        for (int i = 0; i < 4; ++i)
            many.append(entry("evidence/" + QByteArray(63, 'a') + QByteArray::number(i), small));
        row("more entries than the cap", zip(many), u"more than the 3 allowed"_s, l);
    }
    {
        ZipLimits l = defaults;
        l.maxEntryBytes = 1000;
        row("entry over the size cap", zip({entry(kEvidence, QByteArray(2000, 'x'), 8)}), u"for one entry"_s, l);
        l = defaults;
        l.maxTotalBytes = 3000;
        row("total over the cap",
            zip({entry(kEvidence, QByteArray(2000, 'x'), 8), entry("manifest.json", QByteArray(2000, 'y'), 8)}),
            u"in all"_s, l);
    }
    {
        // D. Fifield's overlapping-entry bomb: every central entry's data reaches over the entries after it, to one
        // shared kernel that inflates to 10 MiB.
        QList<ForgedEntry> bomb;
        for (int i = 0; i < 8; ++i) {
            ForgedEntry e;
            e.name = "evidence/" + QByteArray(63, 'b') + QByteArray::number(i);
            e.method = 8;
            e.data = QByteArray();
            e.declaredSize = 10 * 1024 * 1024;
            e.crc = 0;
            e.overlapFollowing = true;
            bomb.append(e);
        }
        bomb.last().data = test::rawDeflate(QByteArray(10 * 1024 * 1024, '\0'));
        ZipLimits l = defaults;
        l.maxRatio = 1000000; // the overlap is caught on its own, whatever the ratio cap
        row("overlapping-entry bomb", zip(bomb), u"overlap"_s, l);
    }
    {
        ForgedEntry e = entry(kEvidence, QByteArray(100, '\0'), 8);
        e.data = test::rawDeflate(QByteArray(4 * 1024 * 1024, '\0'));
        row("declared size far below the stream", zip({e}), u"more than the 100 byte(s)"_s);
    }
    {
        ForgedEntry e = entry(kEvidence, QByteArray(8 * 1024 * 1024, '\0'), 8);
        ZipLimits l = defaults;
        l.maxRatio = 100;
        row("ratio over the cap", zip({e}), u"expand"_s, l);
    }
    {
        ForgedEntry e = entry(kEvidence, small);
        e.declaredSize = 3;
        row("stored with two sizes", zip({e}), u"stored uncompressed"_s);
    }
    {
        ForgedEntry first = entry("manifest.json", small);
        first.trailer = "hidden payload";
        row("hidden bytes between entries", zip({first, entry(kEvidence, small)}), u"unlisted data"_s);
        ForgedEntry last = entry("manifest.json", small);
        last.trailer = "hidden payload";
        row("hidden bytes before the central directory", zip({last}), u"unlisted data"_s);
        ForgedEntry described = entry("manifest.json", small);
        described.flags |= 0x0008;
        described.trailer = QByteArray("PK\x07\x08", 4) + QByteArray(12, '\x01');
        row("data descriptor that disagrees", zip({described}), u"data descriptor"_s);
    }
    {
        ForgedEntry e = entry(kEvidence, small);
        e.crc = 12345;
        row("crc mismatch", zip({e}), u"CRC"_s);
    }
    {
        // Found by fuzz_zip (tests/fuzz/corpus/fuzz_zip/regression-local-crc-disagrees.zip): QuaZip refused it with
        // a bare zip error number.
        QByteArray archive = zip({entry("manifest.json", small)});
        archive[14] = char(archive.at(14) ^ 0x01); // the CRC in the local header only
        row("local header with another CRC", archive, u"local header disagrees"_s);
    }
    {
        ForgedEntry e = entry(kEvidence, QByteArray(1000, 'z'), 8);
        e.data = test::rawDeflate(e.content).left(5);
        e.declaredSize = 1000;
        row("deflate stream cut short", zip({e}), u"entry"_s);
    }
}

void TestSafeZip::refusesMaliciousArchives()
{
    QFETCH(QByteArray, archive);
    QFETCH(ZipLimits, limits);
    QFETCH(QString, reason);
    const QString path = m_dir->filePath(u"hostile.zip"_s);
    QVERIFY(writeFile(path, archive));
    const QString error = readAll(path, limits);
    QVERIFY2(!error.isEmpty(), "the archive was accepted");
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY2(error.contains(u"hostile.zip"_s), qPrintable(error));
    // Nothing but the archive itself, and at most an empty temporary folder, is left.
    QCOMPARE(test::filesUnder(m_dir->path()), QStringList{u"hostile.zip"_s});
}

void TestSafeZip::readsEntriesWithDataDescriptors()
{
    // QuaZip itself writes a data descriptor after every entry: a correct one is accepted.
    const QByteArray text = "{\"a\": 1}";
    ForgedEntry e = entry("manifest.json", text);
    e.flags |= 0x0008;
    QByteArray descriptor("PK\x07\x08", 4);
    for (const quint32 v : {test::crcOf(text), quint32(text.size()), quint32(text.size())})
        for (int shift = 0; shift < 32; shift += 8)
            descriptor.append(char((v >> shift) & 0xff));
    e.trailer = descriptor;
    const QString path = m_dir->filePath(u"described.zip"_s);
    QVERIFY(writeFile(path, zip({e, entry(kEvidence, "x")})));
    const QString error = readAll(path, ZipLimits{});
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestSafeZip::readsStreamsWhoseLastMatchCrossesAnOutputChunk()
{
    // Found while reviewing the zip walk for fuzzing (tests/fuzz): these runs of one byte deflate to streams whose
    // last input byte is taken while the reader's 256 KiB output chunk is full and output is still pending; the reader
    // stopped there and refused an honest archive as "cut short".
    for (const int size : {262165, 262200, 524328}) {
        const QString path = m_dir->filePath(u"run-%1.zip"_s.arg(size));
        QVERIFY(writeFile(path, zip({entry("manifest.json", QByteArray(size, 'a'), 8)})));
        const QString error = readAll(path, ZipLimits{});
        QVERIFY2(error.isEmpty(), qPrintable(u"%1 bytes: %2"_s.arg(size).arg(error)));
    }
}

void TestSafeZip::nestedZipStaysOpaque()
{
    // A 42.zip-style nested archive is evidence bytes like any other: it is copied as declared, never opened.
    ZipForge inner;
    inner.entries = {entry(kEvidence, QByteArray(500000, '\0'), 8)};
    const QByteArray nested = inner.build();
    const QByteArray name = "evidence/" + Sha256::hex(nested).toLatin1();
    const QString path = m_dir->filePath(u"nested.zip"_s);
    QVERIFY(writeFile(path, zip({entry(name, nested, 8)})));
    QList<StagedFile> staged;
    const QString error = readAll(path, ZipLimits{}, &staged);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(staged.size(), 1);
    QCOMPARE(staged.first().size, nested.size());
}

void TestSafeZip::nameProblemsAreNamed_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("safe");
    QTest::newRow("manifest") << QByteArray("manifest.json") << true;
    QTest::newRow("evidence") << kEvidence << true;
    QTest::newRow("dot") << QByteArray("./manifest.json") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("trailing slash") << QByteArray("evidence/") << false;
    QTest::newRow("del") << QByteArray("a\x7f") << false;
}

void TestSafeZip::nameProblemsAreNamed()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, safe);
    QCOMPARE(ZipScan::nameProblem(name).isEmpty(), safe);
}

void TestSafeZip::writerRoundTripsAndChoosesMethods()
{
    const QByteArray text = QByteArray("{\"item\": \"AI-1\", \"status\": \"pass\"}\n").repeated(500);
    const QByteArray noise = test::deterministicBytes(300000, 3);
    const QString source = m_dir->filePath(u"noise.bin"_s);
    QVERIFY(writeFile(source, noise));
    const QString digest = Sha256::hex(noise);
    const QString path = m_dir->filePath(u"out.zip"_s);
    BundleWriter writer(path, bundleformat::isAllowedName);
    writer.addData(u"manifest.json"_s, text);
    writer.addFile(bundleformat::evidenceName(digest), source, digest);
    const QByteArray zeros(4 * 1024 * 1024, '\0');
    writer.addData(u"bom.cdx.json"_s, zeros);
    const Status written = writer.write();
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));

    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const Result<QList<ZipEntry>> entries = ZipScan::scan(f, path, ZipLimits{}, bundleformat::isAllowedName);
    QVERIFY2(entries.ok(), entries.ok() ? "" : qPrintable(entries.error().message));
    QCOMPARE(entries.value().size(), 3);
    QCOMPARE(entries.value().at(0).method, 8); // text deflated
    QVERIFY(entries.value().at(0).compressedSize < text.size() / 5);
    QCOMPARE(entries.value().at(1).method, 0); // random bytes stored
    QCOMPARE(entries.value().at(2).method, 0); // zeros stored too: deflated they would look like a zip bomb
    QCOMPARE(entries.value().at(2).size, zeros.size());
    QList<StagedFile> staged;
    const QString error = readAll(path, ZipLimits{}, &staged);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(staged.first().sha256, digest);
    // Only the bundle, the source and the staged copy: the writer leaves no temporary file.
    QCOMPARE(test::filesUnder(m_dir->path()).size(), 3);
}

void TestSafeZip::writerRefusesOverlongNameBeforeQuaZip()
{
    const QString path = m_dir->filePath(u"long.zip"_s);
    BundleWriter writer(path, [](const QString &) { return true; });
    writer.addData(QString(70000, u'a'), "x");
    const Status written = writer.write();
    QVERIFY(!written.ok());
    QVERIFY2(written.error().message.contains(u"65535"_s), qPrintable(written.error().message));
    QVERIFY(!QFile::exists(path));
    QVERIFY(test::filesUnder(m_dir->path()).isEmpty());
}

void TestSafeZip::failedWriteKeepsThePreviousFile()
{
    const QString path = m_dir->filePath(u"bundle.zip"_s);
    const QByteArray previous = "the previous bundle";
    QVERIFY(writeFile(path, previous));
    const QString source = m_dir->filePath(u"evidence.txt"_s);
    QVERIFY(writeFile(source, "evidence"));
    BundleWriter writer(path, bundleformat::isAllowedName);
    writer.addData(u"manifest.json"_s, "{}");
    // The file does not hash to what the manifest says: the export must fail without touching the old bundle.
    writer.addFile(bundleformat::evidenceName(QString(64, u'0')), source, QString(64, u'0'));
    const Status written = writer.write();
    QVERIFY(!written.ok());
    QVERIFY2(written.error().message.contains(u"evidence.txt"_s), qPrintable(written.error().message));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), previous);
    QCOMPARE(test::filesUnder(m_dir->path()), (QStringList{u"bundle.zip"_s, u"evidence.txt"_s}));
}

void TestSafeZip::killedExportLeavesThePreviousFile()
{
    const QString helper = qEnvironmentVariable("STRATA_BUNDLE_CRASH");
    if (helper.isEmpty())
        QSKIP("STRATA_BUNDLE_CRASH is not set; run through ctest to have the crash helper");
    const QString path = m_dir->filePath(u"bundle.zip"_s);
    const QByteArray previous = "the previous bundle";
    QVERIFY(writeFile(path, previous));
    const QString source = m_dir->filePath(u"big.bin"_s);
    QVERIFY(writeFile(source, test::deterministicBytes(8 * 1024 * 1024, 5)));
    QProcess crash;
    crash.start(helper, {path, source});
    QVERIFY(crash.waitForFinished(60000));
    // SIGKILL: the process died halfway, as `kill -9` would leave it.
    QCOMPARE(crash.exitStatus(), QProcess::CrashExit);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), previous);
    // No partial archive beside it: QSaveFile's temporary file has no name until it is committed.
    QCOMPARE(test::filesUnder(m_dir->path()), (QStringList{u"big.bin"_s, u"bundle.zip"_s}));
}

QTEST_GUILESS_MAIN(TestSafeZip)
#include "TestSafeZip.moc"
