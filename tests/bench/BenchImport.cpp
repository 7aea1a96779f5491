// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0

// bench_import: end-to-end import of generated CycloneDX 1.6 BOMs (--records N components, and N/10 and 4N, about
// 1.5 dependencies each, purl, license, SHA-256) into a fresh workspace: DocumentReader::readFile (read, hash,
// parse, validate, map; the records are made again from the bytes as they are applied) plus Workspace::applyImport
// (match and write record by record, then the relations, in one transaction). Floor measured in the same run:
// QJsonDocument::fromJson of the same file plus the same rows (records, search rows, artifacts, relations) through
// prepared statements of the raw SQLite C API in one transaction. Targets (issue 3): N = 50k in <= 2 s and <= 3x the
// floor; time(4N) / time(N) <= 4.5; peak memory growth <= 4x the file size.

#include "BenchSupport.h"
#include "interop/DocumentReader.h"
#include "interop/ImportDocument.h"
#include "storage/Database.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <cstdio>
#include <random>
#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::bench;

namespace {

const QStringList kLicenses = {u"MIT"_s, u"Apache-2.0"_s, u"BSD-3-Clause"_s, u"GPL-3.0-only"_s, u"MPL-2.0"_s};
const QStringList kEcosystems = {u"pypi"_s, u"npm"_s, u"maven"_s, u"cargo"_s, u"golang"_s};

struct Bom
{
    QString path;
    int components = 0;
    int dependencies = 0; ///< dependsOn edges, self-references excluded
    qint64 bytes = 0;
};

/// Writes a BOM from a fixed seed: the same N gives the same bytes on every machine.
Bom generateBom(const QString &path, int components)
{
    std::mt19937 rng(20261127u + static_cast<unsigned>(components));
    std::uniform_int_distribution<int> fanOut(0, 3); // mean 1.5 dependencies
    std::uniform_int_distribution<int> target(0, components - 1);
    Bom bom{path, components, 0, 0};
    QByteArray out;
    out.reserve(components * 420);
    out += R"({"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"serialNumber":)"
           R"("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79","components":[)";
    for (int i = 0; i < components; ++i) {
        const QString eco = kEcosystems.at(i % kEcosystems.size());
        const QString name = u"lib-%1-%2"_s.arg(eco).arg(i);
        const QString version = u"%1.%2.%3"_s.arg(1 + i % 4).arg(i % 17).arg(i % 5);
        const QByteArray digest = QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha256).toHex();
        if (i > 0)
            out += ',';
        out += u"{\"bom-ref\":\"c%1\",\"type\":\"library\",\"name\":\"%2\",\"version\":\"%3\","
               "\"purl\":\"pkg:%4/%2@%3\",\"licenses\":[{\"license\":{\"id\":\"%5\"}}],"
               "\"hashes\":[{\"alg\":\"SHA-256\",\"content\":\"%6\"}]}"_s.arg(i)
                   .arg(name, version, eco, kLicenses.at(i % kLicenses.size()), QString::fromLatin1(digest))
                   .toUtf8();
    }
    out += R"(],"dependencies":[)";
    for (int i = 0; i < components; ++i) {
        QList<int> targets;
        for (int k = fanOut(rng); k > 0; --k) {
            const int t = target(rng);
            if (t != i && !targets.contains(t))
                targets << t;
        }
        if (i > 0)
            out += ',';
        out += u"{\"ref\":\"c%1\",\"dependsOn\":["_s.arg(i).toUtf8();
        for (qsizetype j = 0; j < targets.size(); ++j)
            out += u"%1\"c%2\""_s.arg(j > 0 ? u","_s : QString()).arg(targets.at(j)).toUtf8();
        out += "]}";
        bom.dependencies += static_cast<int>(targets.size());
    }
    out += "]}";
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(out) != out.size())
        return {};
    bom.bytes = out.size();
    return bom;
}

/// Peak resident memory (VmHWM) and current resident memory (VmRSS) of this process, in bytes.
qint64 procStatus(const char *field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

struct Run
{
    double readMs = 0, applyMs = 0, totalMs = 0, cpuMs = 0;
    qint64 peakGrowth = -1; ///< bytes above the RSS before the measurement
    bool ok = false;
};

Run importThroughStrata(const WorkDir &dir, const Bom &bom, bool checkReimport)
{
    const QString path = dir.freshFile(u"strata-%1.strata"_s.arg(bom.components));
    Result<std::unique_ptr<Workspace>> opened = Workspace::open(path);
    if (!opened) {
        fail(u"Workspace::open: %1"_s.arg(opened.error().message));
        return {};
    }
    std::unique_ptr<Workspace> ws = std::move(opened).value();
    const qint64 before = procStatus("VmRSS:");
    Run run;
    const Stopwatch clock;
    {
        Result<ImportDocument> document = DocumentReader::readFile(bom.path);
        run.readMs = clock.ms();
        if (!document) {
            fail(u"reading %1: %2"_s.arg(bom.path, document.error().message));
            return {};
        }
        Result<ImportSummary> summary = ws->applyImport(document.value());
        run.totalMs = clock.ms();
        run.cpuMs = clock.cpuMs();
        run.applyMs = run.totalMs - run.readMs;
        if (!summary) {
            fail(u"importing %1: %2"_s.arg(bom.path, summary.error().message));
            return {};
        }
        if (summary.value().added != bom.components || summary.value().relationsAdded != bom.dependencies) {
            fail(u"%1: %2 records and %3 relations added, expected %4 and %5"_s.arg(bom.path)
                     .arg(summary.value().added)
                     .arg(summary.value().relationsAdded)
                     .arg(bom.components)
                     .arg(bom.dependencies));
            return {};
        }
    }
    run.peakGrowth = procStatus("VmHWM:") - before;
    const Result<QMap<RecordKind, int>> counts = ws->countsByKind();
    if (!counts || counts.value().value(RecordKind::Software) != bom.components) {
        fail(u"%1: the workspace does not hold %2 software records after the import"_s.arg(path).arg(bom.components));
        return {};
    }
    const QString probe = u"lib-npm-%1"_s.arg(bom.components > 1 ? 1 : 0);
    if (ws->recordIds(RecordQuery(RecordKind::Software, probe)).value().isEmpty()) {
        fail(u"%1: \"%2\" is not found by search after the import"_s.arg(path, probe));
        return {};
    }
    if (checkReimport) {
        Result<ImportDocument> again = DocumentReader::readFile(bom.path);
        Result<ImportSummary> second = again ? ws->applyImport(again.value()) : Result<ImportSummary>(again.error());
        if (!second || second.value().changedAnything()) {
            fail(u"%1: importing the same file again changed the workspace"_s.arg(bom.path));
            return {};
        }
    }
    ws.reset(); // releases the lock before the files go
    dir.discard(path);
    run.ok = true;
    return run;
}

QByteArray utf8(const QJsonValue &v)
{
    return v.toString().toUtf8();
}

/// The floor: parse with QJsonDocument, then the same rows through prepared C API statements, one transaction.
Run importRaw(const WorkDir &dir, const Bom &bom)
{
    const QString path = dir.freshFile(u"raw-%1.strata"_s.arg(bom.components));
    RawDb db;
    if (!db.create(path)) // schema made by Database::open, not timed
        return {};
    // The page cache Database::configure() gives Strata's connection (RawDb::open leaves SQLite's 2 MB): with less,
    // the floor would spill and re-read pages that Strata keeps, and measure a slower machine than Strata runs on.
    if (!db.exec("PRAGMA cache_size = -32768"))
        return {};
    const qint64 before = procStatus("VmRSS:");
    Run run;
    const Stopwatch clock;
    {
        QFile file(bom.path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QJsonDocument json = QJsonDocument::fromJson(file.readAll());
        run.readMs = clock.ms();
        const QByteArray now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8();
        RawStatement record(db, u"INSERT INTO record (kind, name, version, description, license, source_url, purl, "
                                "tags, notes, attributes, placeholder, created_at, created_by, updated_at, "
                                "updated_by) VALUES ('software', ?, ?, '', ?, '', ?, '', '', '{}', 0, ?, 'bench', ?, "
                                "'bench')"_s);
        RawStatement search(db, u"INSERT INTO record_search (rowid, name, description, tags, notes, license, "
                                "suppliers) VALUES (?, ?, '', '', '', ?, '')"_s);
        RawStatement artifact(db, u"INSERT INTO artifact (record_id, file_name, algorithm, digest) "
                                  "VALUES (?, ?, 'sha256', ?)"_s);
        RawStatement relation(db, u"INSERT INTO relation (from_id, type, to_id, subtype, source, created_at, "
                                  "created_by) VALUES (?, 'depends_on', ?, '', 'import', ?, 'bench')"_s);
        if (!record.isValid() || !search.isValid() || !artifact.isValid() || !relation.isValid() ||
            !db.exec("BEGIN IMMEDIATE"))
            return {};
        QHash<QString, qint64> idByRef;
        const QJsonArray components = json.object().value(u"components"_s).toArray();
        idByRef.reserve(components.size());
        for (const QJsonValue &value : components) {
            const QJsonObject c = value.toObject();
            const QByteArray name = utf8(c.value(u"name"_s));
            const QByteArray version = utf8(c.value(u"version"_s));
            const QByteArray license =
                utf8(c.value(u"licenses"_s).toArray().at(0).toObject().value(u"license"_s).toObject().value(u"id"_s));
            const QByteArray purl = utf8(c.value(u"purl"_s));
            const QByteArray digest =
                utf8(c.value(u"hashes"_s).toArray().at(0).toObject().value(u"content"_s)).toLower();
            const QByteArray *values[] = {&name, &version, &license, &purl, &now, &now};
            int column = 1;
            for (const QByteArray *v : values)
                record.bindStatic(column++, *v);
            if (record.step() || !record.done())
                return {};
            record.reset();
            const qint64 id = sqlite3_last_insert_rowid(db.handle());
            idByRef.insert(c.value(u"bom-ref"_s).toString(), id);
            search.bindInt(1, id);
            search.bindStatic(2, name);
            search.bindStatic(3, license);
            artifact.bindInt(1, id);
            artifact.bindStatic(2, name);
            artifact.bindStatic(3, digest);
            if (search.step() || !search.done() || artifact.step() || !artifact.done())
                return {};
            search.reset();
            artifact.reset();
        }
        for (const QJsonValue &value : json.object().value(u"dependencies"_s).toArray()) {
            const QJsonObject d = value.toObject();
            const qint64 from = idByRef.value(d.value(u"ref"_s).toString());
            for (const QJsonValue &to : d.value(u"dependsOn"_s).toArray()) {
                relation.bindInt(1, from);
                relation.bindInt(2, idByRef.value(to.toString()));
                relation.bindStatic(3, now);
                if (relation.step() || !relation.done())
                    return {};
                relation.reset();
            }
        }
        if (!db.exec("COMMIT"))
            return {};
        run.totalMs = clock.ms();
        run.cpuMs = clock.cpuMs();
        run.applyMs = run.totalMs - run.readMs;
    }
    run.peakGrowth = procStatus("VmHWM:") - before;
    if (db.scalar(u"SELECT count(*) FROM record"_s) != bom.components ||
        db.scalar(u"SELECT count(*) FROM relation"_s) != bom.dependencies) {
        fail(u"the raw floor wrote the wrong number of rows for %1"_s.arg(bom.path));
        return {};
    }
    db.close();
    dir.discard(path);
    run.ok = true;
    return run;
}

/// Runs one measurement in a child process, so each peak of memory is its own: in one process, the heap that an
/// earlier run freed is reused without growing the RSS, and the peaks would hide each other.
Run runChild(const QString &mode, const WorkDir &dir, const Bom &bom, bool checkReimport)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {u"--child"_s, mode, bom.path, QString::number(bom.components), QString::number(bom.dependencies),
                 dir.path(), checkReimport ? u"1"_s : u"0"_s});
    if (!child.waitForFinished(-1) || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
        fail(u"the %1 measurement of %2 failed: %3"_s.arg(mode, bom.path,
                                                          QString::fromLocal8Bit(child.readAllStandardError())));
        return {};
    }
    const QList<QByteArray> fields = child.readAllStandardOutput().trimmed().split(' ');
    if (fields.size() != 6 || fields.at(0) != "RESULT") {
        fail(u"the %1 measurement of %2 printed no result"_s.arg(mode, bom.path));
        return {};
    }
    Run run;
    run.readMs = fields.at(1).toDouble();
    run.applyMs = fields.at(2).toDouble();
    run.totalMs = fields.at(3).toDouble();
    run.cpuMs = fields.at(4).toDouble();
    run.peakGrowth = fields.at(5).toLongLong();
    run.ok = true;
    return run;
}

/// `bench_import --child strata|floor BOM COMPONENTS DEPENDENCIES DIR REIMPORT`: one measurement, one result line.
int childMain(const QStringList &args)
{
    Bom bom{args.at(3), args.at(4).toInt(), args.at(5).toInt(), QFileInfo(args.at(3)).size()};
    const WorkDir dir(args.at(6));
    const Run run =
        args.at(2) == u"floor"_s ? importRaw(dir, bom) : importThroughStrata(dir, bom, args.at(7) == u"1"_s);
    if (!run.ok)
        return 1;
    std::printf("RESULT %.3f %.3f %.3f %.3f %lld\n", run.readMs, run.applyMs, run.totalMs, run.cpuMs,
                static_cast<long long>(run.peakGrowth));
    return 0;
}

QString mb(double bytes)
{
    return fixed(bytes / (1024.0 * 1024.0), 1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (const QStringList args = QCoreApplication::arguments(); args.size() == 8 && args.at(1) == u"--child"_s)
        return childMain(args);
    const Options options =
        parseOptions(app, u"End-to-end CycloneDX import against a QJsonDocument + raw SQLite floor."_s);
    printBanner(u"bench_import"_s, options);
    const WorkDir dir(options.keepDir);
    if (!dir.isValid())
        return 1;

    const int n = options.records;
    const QList<int> sizes = {std::max(10, n / 10), n, 4 * n};
    QMap<int, double> median;
    QMap<int, double> floorMedian;
    QMap<int, double> cpuMedian; ///< CPU time: on a shared machine the wall time also counts waits for a core
    Table table({u"components"_s, u"file MB"_s, u"deps"_s, u"read ms"_s, u"apply ms"_s, u"Strata ms"_s, u"CPU ms"_s,
                 u"floor parse ms"_s, u"floor ms"_s, u"floor CPU ms"_s, u"/ floor"_s, u"CPU / floor CPU"_s,
                 u"peak MB"_s, u"/ file"_s, u"floor peak MB"_s});
    QMap<int, double> peakRatio;
    for (int size : sizes) {
        const Bom bom = generateBom(dir.freshFile(u"bom-%1.json"_s.arg(size)), size);
        if (bom.bytes == 0) {
            fail(u"could not write the generated BOM of %1 components"_s.arg(size));
            return 1;
        }
        QVector<double> read, apply, total, cpu, floorParse, floorTotal, floorCpu, peak, floorPeak;
        for (int r = 0; r < options.runs; ++r) {
            const Run floor = runChild(u"floor"_s, dir, bom, false);
            const Run strata = runChild(u"strata"_s, dir, bom, r == 0);
            if (!floor.ok || !strata.ok)
                return 1;
            read << strata.readMs;
            apply << strata.applyMs;
            total << strata.totalMs;
            cpu << strata.cpuMs;
            peak << static_cast<double>(strata.peakGrowth);
            floorParse << floor.readMs;
            floorTotal << floor.totalMs;
            floorCpu << floor.cpuMs;
            floorPeak << static_cast<double>(floor.peakGrowth);
        }
        median.insert(size, bench::median(total));
        cpuMedian.insert(size, bench::median(cpu));
        floorMedian.insert(size, bench::median(floorTotal));
        peakRatio.insert(size, maximum(peak) / static_cast<double>(bom.bytes));
        table.addRow({grouped(size), mb(static_cast<double>(bom.bytes)), grouped(bom.dependencies),
                      fixed(bench::median(read)), fixed(bench::median(apply)), fixed(bench::median(total)),
                      fixed(bench::median(cpu)), fixed(bench::median(floorParse)), fixed(bench::median(floorTotal)),
                      fixed(bench::median(floorCpu)), fixed(bench::median(total) / bench::median(floorTotal), 2),
                      fixed(bench::median(cpu) / bench::median(floorCpu), 2), mb(maximum(peak)),
                      fixed(peakRatio.value(size), 2), mb(maximum(floorPeak))});
        dir.discard(bom.path);
    }
    say();
    table.print();
    say();
    say(u"(medians of %1 runs; read = DocumentReader::readFile, apply = Workspace::applyImport; peak = largest growth "
        "of VmHWM over the RSS just before the import; each measurement runs in its own process)"_s.arg(options.runs));
    const double atN = median.value(n);
    say(u"%1 components: %2 ms   target <= 2000 ms   %3"_s.arg(grouped(n), fixed(atN), verdict(atN <= 2000)));
    say(u"%1 components: Strata / floor = %2   target <= 3   %3"_s.arg(grouped(n))
            .arg(fixed(atN / floorMedian.value(n), 2), verdict(atN / floorMedian.value(n) <= 3.0)));
    say(u"linearity: time(%1) / time(%2) = %3   target <= 4.5   %4"_s.arg(grouped(4 * n), grouped(n))
            .arg(fixed(median.value(4 * n) / atN, 2), verdict(median.value(4 * n) / atN <= 4.5)));
    say(u"linearity in CPU time: %1 / %2 = %3"_s.arg(grouped(4 * n), grouped(n))
            .arg(fixed(cpuMedian.value(4 * n) / cpuMedian.value(n), 2)));
    say(u"peak memory / file size at %1: %2   target <= 4   %3"_s.arg(grouped(n))
            .arg(fixed(peakRatio.value(n), 2), verdict(peakRatio.value(n) <= 4.0)));
    return 0;
}
