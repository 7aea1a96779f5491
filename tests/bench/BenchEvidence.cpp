// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// bench_evidence: SHA-256 of a large file through the evidence pipeline against OpenSSL's own tools, and several
// files on the pool against one at a time (README.md, section bench_evidence).
#include "BenchSupport.h"
#include "evidence/EvidenceStore.h"
#include "util/Sha256.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStorageInfo>
#include <QThread>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::bench;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

struct Settings
{
    qint64 mib = 2048;
    int files = 4;
    int runs = 3;
    bool checkOnly = false;
    QString keepDir;
};

Settings parse(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Hashes a generated file through EvidenceStore::store and compares it with "
                                     "openssl speed and openssl dgst in the same run."_s);
    parser.addHelpOption();
    const QCommandLineOption mib(u"mib"_s, u"Size of the generated file in MiB (default 2048)."_s, u"N"_s, u"2048"_s);
    const QCommandLineOption files(u"files"_s, u"Files stored at once on the pool (default 4)."_s, u"N"_s, u"4"_s);
    const QCommandLineOption runs(u"runs"_s, u"Measured runs; medians reported (default 3)."_s, u"R"_s, u"3"_s);
    const QCommandLineOption check(u"check-only"_s, u"Check digests only, without timing references (ctest)."_s);
    const QCommandLineOption keep(u"keep"_s, u"Write the files to DIR and keep them."_s, u"DIR"_s);
    parser.addOptions({mib, files, runs, check, keep});
    parser.process(app);
    Settings s;
    bool ok = false;
    s.mib = parser.value(mib).toLongLong(&ok);
    if (!ok || s.mib < 1) {
        std::fprintf(stderr, "--mib must be a whole number of at least 1.\n");
        std::exit(2);
    }
    s.files = parser.value(files).toInt(&ok);
    if (!ok || s.files < 2) {
        std::fprintf(stderr, "--files must be at least 2.\n");
        std::exit(2);
    }
    s.runs = parser.value(runs).toInt(&ok);
    if (!ok || s.runs < 1) {
        std::fprintf(stderr, "--runs must be at least 1.\n");
        std::exit(2);
    }
    s.checkOnly = parser.isSet(check);
    s.keepDir = parser.value(keep);
    return s;
}

/// Writes `bytes` of xorshift64* output seeded by `seed` and returns its SHA-256 computed while writing.
QString generate(const QString &path, qint64 bytes, quint64 seed)
{
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    Sha256 hash;
    QByteArray block(4 * kMiB, Qt::Uninitialized);
    quint64 x = seed * 0x9E3779B97F4A7C15ULL + 1;
    qint64 left = bytes;
    while (left > 0) {
        auto *words = reinterpret_cast<quint64 *>(block.data());
        for (qsizetype i = 0; i < block.size() / 8; ++i) {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            words[i] = x * 0x2545F4914F6CDD1DULL;
        }
        const qint64 n = std::min<qint64>(left, block.size());
        hash.update(block.constData(), n);
        if (out.write(block.constData(), n) != n)
            return {};
        left -= n;
    }
    out.close();
    return hash.finalHex();
}

/// `openssl dgst -sha256 FILE`: its digest and wall time, or an empty digest when openssl cannot run.
QString opensslDigest(const QString &path, double *ms)
{
    QProcess process;
    Stopwatch watch;
    process.start(u"openssl"_s, {u"dgst"_s, u"-sha256"_s, u"-r"_s, path});
    if (!process.waitForFinished(-1) || process.exitCode() != 0)
        return {};
    *ms = watch.ms();
    return QString::fromLatin1(process.readAllStandardOutput()).section(u' ', 0, 0).trimmed();
}

/// `openssl speed -evp sha256 -bytes 16384`: bytes per second, or 0 when it cannot run. By default openssl divides
/// by its CPU user time; with `elapsed` by wall-clock time, as the other rows are measured.
double opensslSpeed(bool elapsed)
{
    QProcess process;
    QStringList args = {u"speed"_s, u"-evp"_s, u"sha256"_s, u"-bytes"_s, u"16384"_s, u"-seconds"_s, u"3"_s};
    if (elapsed)
        args.insert(1, u"-elapsed"_s);
    process.start(u"openssl"_s, args);
    if (!process.waitForFinished(-1) || process.exitCode() != 0)
        return 0;
    static const QRegularExpression line(u"^sha256\\s+([0-9.]+)k\\s*$"_s,
                                         QRegularExpression::MultilineOption |
                                             QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = line.match(QString::fromLatin1(process.readAllStandardOutput()));
    return m.hasMatch() ? m.captured(1).toDouble() * 1000.0 : 0;
}

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).section(u' ', 0, 2) : u"?"_s;
}

void removeTree(const QString &path)
{
    QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        QFile::setPermissions(it.next(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QDir(path).removeRecursively();
}

double mibPerSecond(qint64 bytes, double ms)
{
    return ms > 0 ? static_cast<double>(bytes) / kMiB / (ms / 1000.0) : 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Settings s = parse(app);
    const WorkDir dir(s.keepDir);
    if (!dir.isValid()) {
        fail(u"Cannot create the work directory."_s);
        return 1;
    }
    const qint64 bytes = s.mib * kMiB;
    const qint64 poolFile = bytes / s.files;
    // The big file, its copy in the store, the pool's files and their copies.
    const qint64 needed = 2 * bytes + 2 * poolFile * s.files + 64 * kMiB;
    const qint64 available = QStorageInfo(dir.path()).bytesAvailable();
    say(u"== bench_evidence =="_s);
    say(u"date %1 | %2 logical CPUs | load average %3 | %4 MiB file, %5 × %6 MiB on the pool, %7 run(s)"_s
            .arg(QDateTime::currentDateTime().toString(Qt::ISODate))
            .arg(QThread::idealThreadCount())
            .arg(loadAverage())
            .arg(s.mib)
            .arg(s.files)
            .arg(poolFile / kMiB)
            .arg(s.runs));
#ifndef NDEBUG
    say(u"NOT A RELEASE BUILD: figures are not comparable."_s);
#endif
    if (available < needed) {
        fail(u"Only %1 MiB free in %2; %3 MiB are needed. Use a smaller --mib."_s.arg(available / kMiB)
                 .arg(dir.path())
                 .arg(needed / kMiB));
        return 1;
    }

    const QString big = QDir(dir.path()).filePath(u"evidence.bin"_s);
    const QString expected = generate(big, bytes, 1);
    if (expected.isEmpty()) {
        fail(u"Cannot write %1."_s.arg(big));
        return 1;
    }
    QStringList pool;
    QStringList poolDigests;
    for (int i = 0; i < s.files; ++i) {
        pool << QDir(dir.path()).filePath(u"pool-%1.bin"_s.arg(i));
        poolDigests << generate(pool.constLast(), poolFile, quint64(100 + i));
        if (poolDigests.constLast().isEmpty()) {
            fail(u"Cannot write %1."_s.arg(pool.constLast()));
            return 1;
        }
    }

    bool correct = true;
    QVector<double> storeMs, hashMs, hashCpuMs, dgstMs, singleMs, poolMs;
    for (int run = 0; run < s.runs; ++run) {
        const QString root = QDir(dir.path()).filePath(u"store-%1"_s.arg(run));
        const EvidenceStore store(root);
        Stopwatch watch;
        const Result<StoredBlob> blob = store.store(big);
        storeMs << watch.ms();
        if (!blob || blob.value().sha256 != expected) {
            fail(u"EvidenceStore::store gave %1, expected %2"_s.arg(blob ? blob.value().sha256 : blob.error().message,
                                                                    expected));
            correct = false;
        }
        watch.restart();
        const Result<QString> again = store.hashBlob(expected);
        hashMs << watch.ms();
        hashCpuMs << watch.cpuMs();
        if (!again || again.value() != expected) {
            fail(u"hashBlob disagrees with the digest computed while generating."_s);
            correct = false;
        }
        removeTree(root);

        if (!s.checkOnly) {
            double ms = 0;
            const QString openssl = opensslDigest(big, &ms);
            if (!openssl.isEmpty()) {
                dgstMs << ms;
                if (openssl != expected) {
                    fail(u"openssl dgst gave %1, Strata %2"_s.arg(openssl, expected));
                    correct = false;
                }
            }
        }

        // The pool's files one at a time, then all at once on the pool.
        const QString singleRoot = QDir(dir.path()).filePath(u"single-%1"_s.arg(run));
        watch.restart();
        for (int i = 0; i < pool.size(); ++i) {
            const Result<StoredBlob> one = EvidenceStore(singleRoot).store(pool.at(i));
            if (!one || one.value().sha256 != poolDigests.at(i)) {
                fail(u"store() of %1 gave a wrong digest."_s.arg(pool.at(i)));
                correct = false;
            }
        }
        singleMs << watch.ms();
        removeTree(singleRoot);
        const QString poolRoot = QDir(dir.path()).filePath(u"pool-%1"_s.arg(run));
        EvidenceBatchOptions options;
        options.threads = 2;
        watch.restart();
        const Result<QList<StoredBlob>> batch = EvidenceStore(poolRoot).storeAll(pool, options);
        poolMs << watch.ms();
        for (int i = 0; i < pool.size(); ++i) {
            if (!batch || batch.value().at(i).sha256 != poolDigests.at(i)) {
                fail(u"storeAll() gave a wrong digest for %1."_s.arg(pool.at(i)));
                correct = false;
            }
        }
        removeTree(poolRoot);
    }
    if (s.keepDir.isEmpty()) {
        QFile::remove(big);
        for (const QString &file : std::as_const(pool))
            QFile::remove(file);
    }
    if (!correct)
        return 1;
    say(u"digests: EvidenceStore::store, hashBlob, storeAll%1 agree with the digest computed while generating"_s.arg(
        dgstMs.isEmpty() ? QString() : u" and openssl dgst"_s));
    if (s.checkOnly) {
        say(u"check-only: no timing reported."_s);
        return 0;
    }

    const double speed = opensslSpeed(false) / kMiB;
    const double speedWall = opensslSpeed(true) / kMiB;
    const double hashCpu = mibPerSecond(bytes, median(hashCpuMs));
    const double store = mibPerSecond(bytes, median(storeMs));
    const double hash = mibPerSecond(bytes, median(hashMs));
    const double dgst = dgstMs.isEmpty() ? 0 : mibPerSecond(bytes, median(dgstMs));
    const double single = mibPerSecond(poolFile * s.files, median(singleMs));
    const double onPool = mibPerSecond(poolFile * s.files, median(poolMs));
    Table table({u"measurement"_s, u"median ms"_s, u"MiB/s"_s, u"ratio"_s, u"target"_s});
    table.addRow({u"openssl speed -evp sha256, 16 KiB blocks (memory only)"_s, u"-"_s, fixed(speed), u"1.00"_s, {}});
    table.addRow({u"openssl speed -elapsed (same, wall clock)"_s, u"-"_s, fixed(speedWall), {}, {}});
    table.addRow({u"openssl dgst -sha256 FILE"_s, fixed(median(dgstMs)), fixed(dgst), u"1.00"_s, {}});
    table.addRow({u"EvidenceStore::store (hash + copy + fsync)"_s, fixed(median(storeMs)), fixed(store),
                  u"%1 × speed, %2 × dgst"_s.arg(fixed(store / speed, 2), fixed(store / dgst, 2)),
                  u"≥0.85 × speed %1, ≥1.0 × dgst %2"_s.arg(verdict(store >= 0.85 * speed), verdict(store >= dgst))});
    table.addRow({u"EvidenceStore::hashBlob (hash only, as Verify reads)"_s, fixed(median(hashMs)), fixed(hash),
                  u"%1 × speed, %2 × dgst"_s.arg(fixed(hash / speed, 2), fixed(hash / dgst, 2)),
                  u"≥0.85 × speed %1, ≥1.0 × dgst %2"_s.arg(verdict(hash >= 0.85 * speed), verdict(hash >= dgst))});
    table.addRow({u"EvidenceStore::hashBlob per CPU second (process CPU time)"_s, fixed(median(hashCpuMs)),
                  fixed(hashCpu), u"%1 × speed"_s.arg(fixed(hashCpu / speed, 2)),
                  u"≥0.85 × speed %1"_s.arg(verdict(hashCpu >= 0.85 * speed))});
    table.addRow(
        {u"%1 files, store() one at a time"_s.arg(s.files), fixed(median(singleMs)), fixed(single), u"1.00"_s, {}});
    table.addRow({u"%1 files, storeAll() on 2 threads"_s.arg(s.files), fixed(median(poolMs)), fixed(onPool),
                  fixed(onPool / single, 2), u"≥1.7 %1"_s.arg(verdict(onPool >= 1.7 * single))});
    table.print();
    say(u"load average at the end: %1"_s.arg(loadAverage()));
    return 0;
}
