// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0

// bench_insert: bulk insert through the repository layer (Workspace::batch + createRecord + link) against the raw
// SQLite C API writing the same rows into the same schema with the same pragmas, measured in the same run.
// Target (performance.md B3): repository >= 0.5 x raw rows/s.

#include "BenchData.h"
#include "BenchSupport.h"
#include "storage/Database.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::bench;

namespace {

const QString kActor = u"bench"_s;

/// One timed insert: wall and CPU milliseconds; wall < 0 means it failed.
struct Timing
{
    double wall = -1;
    double cpu = 0;
};

/// One record as the bytes the raw variant binds: converted before the clock starts, so the reference is what
/// SQLite itself can do.
struct RawRow
{
    QByteArray kind, name, version, description, license, sourceUrl, purl, tags, notes, attributes;
    QByteArray suppliers; ///< the supplier's name, as the repository indexes it; empty without one
    int supplier = -1;
};

QVector<RawRow> rawRows(const Inventory &inventory)
{
    QVector<RawRow> rows;
    rows.reserve(inventory.records.size());
    for (qsizetype i = 0; i < inventory.records.size(); ++i) {
        const Record &r = inventory.records.at(i);
        RawRow row;
        row.kind = recordKindKey(r.kind).toUtf8();
        row.name = r.name.toUtf8();
        row.version = r.version.toUtf8();
        row.description = r.description.toUtf8();
        row.license = r.license.toUtf8();
        row.sourceUrl = r.sourceUrl.toUtf8();
        row.purl = r.purl.toUtf8();
        row.tags = r.tags.join(u", "_s).toUtf8();
        row.notes = r.notes.toUtf8();
        row.attributes = QJsonDocument(QJsonObject::fromVariantMap(r.attributes)).toJson(QJsonDocument::Compact);
        row.supplier = inventory.supplierOf.at(i);
        if (row.supplier >= 0)
            row.suppliers = inventory.records.at(row.supplier).name.toUtf8();
        rows << row;
    }
    return rows;
}

/// The timings of one variant over the runs.
struct Series
{
    QVector<double> wall, cpu;
    void add(const Timing &t)
    {
        wall << t.wall;
        cpu << t.cpu;
    }
};

/// One data shape, measured through both the repository and the raw C API.
struct Shape
{
    const Inventory *inventory = nullptr;
    QVector<RawRow> rows;
    Series repository, raw, link;
};

/// (a) The repository layer, into a fresh workspace; creating the schema is not timed.
Timing insertThroughRepository(const QString &path, const Inventory &inventory, double *linkMs)
{
    Result<std::unique_ptr<Workspace>> opened = Workspace::open(path);
    if (!opened) {
        fail(u"Workspace::open: %1"_s.arg(opened.error().message));
        return {};
    }
    std::unique_ptr<Workspace> ws = std::move(opened).value();
    ws->setActor(kActor);
    const Stopwatch clock;
    const Status written = writeWorkspace(*ws, inventory, linkMs);
    const Timing timing{clock.ms(), clock.cpuMs()};
    if (!written) {
        fail(u"writing through the repository: %1"_s.arg(written.error().message));
        return {};
    }
    return timing;
}

/// (b) The raw C API: schema made by Database::open (not timed), then one transaction of prepared statements.
/// Without `withSearch`, the FTS5 rows are left out: a diagnostic of what the full-text index costs.
Timing insertRaw(const QString &path, const QVector<RawRow> &rows, bool withSearch = true)
{
    RawDb db;
    if (!db.create(path)) // schema made by Database::open, not timed
        return {};
    const QByteArray now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8();
    const QByteArray actor = kActor.toUtf8();
    const QByteArray source = u"user:%1"_s.arg(kActor).toUtf8();

    const Stopwatch clock;
    RawStatement record(db, u"INSERT INTO record (id, kind, name, version, description, license, source_url, purl, "
                            "tags, notes, attributes, placeholder, created_at, created_by, updated_at, updated_by) "
                            "VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)"_s);
    RawStatement relation(db, u"INSERT INTO relation (from_id, type, to_id, subtype, source, created_at, created_by) "
                              "VALUES (?, 'provided_by', ?, '', ?, ?, ?)"_s);
    RawStatement search(db, u"INSERT INTO record_search (rowid, name, description, tags, notes, license, suppliers) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    if (!record.isValid() || !relation.isValid() || !search.isValid() || !db.exec("BEGIN IMMEDIATE"))
        return {};
    QVector<qint64> ids(rows.size(), 0);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const RawRow &row = rows.at(i);
        const QByteArray *values[] = {&row.kind,    &row.name,       &row.version, &row.description,
                                      &row.license, &row.sourceUrl,  &row.purl,    &row.tags,
                                      &row.notes,   &row.attributes, &now,         &actor,
                                      &now,         &actor};
        int column = 1;
        for (const QByteArray *value : values)
            record.bindStatic(column++, *value);
        if (record.step() || !record.done())
            return {};
        record.reset();
        ids[i] = sqlite3_last_insert_rowid(db.handle());
        if (row.supplier >= 0) {
            relation.bindInt(1, ids.at(i));
            relation.bindInt(2, ids.at(row.supplier));
            relation.bindStatic(3, source);
            relation.bindStatic(4, now);
            relation.bindStatic(5, actor);
            if (relation.step() || !relation.done())
                return {};
            relation.reset();
        }
        if (!withSearch)
            continue;
        search.bindInt(1, ids.at(i));
        search.bindStatic(2, row.name);
        search.bindStatic(3, row.description);
        search.bindStatic(4, row.tags);
        search.bindStatic(5, row.notes);
        search.bindStatic(6, row.license);
        search.bindStatic(7, row.suppliers);
        if (search.step() || !search.done())
            return {};
        search.reset();
    }
    if (!db.exec("COMMIT"))
        return {};
    return {clock.ms(), clock.cpuMs()};
}

/// The two files must hold the same rows: records, relations and search index, compared with EXCEPT both ways.
bool sameContent(const QString &repositoryPath, const QString &rawPath, const Inventory &inventory)
{
    RawDb db;
    if (!db.open(repositoryPath))
        return false;
    const qint64 records = db.scalar(u"SELECT count(*) FROM record"_s);
    const qint64 relations = db.scalar(u"SELECT count(*) FROM relation WHERE type = 'provided_by'"_s);
    const qint64 indexed = db.scalar(u"SELECT count(*) FROM record_search"_s);
    if (records != inventory.records.size() || relations != inventory.relationCount() ||
        indexed != inventory.records.size()) {
        fail(u"the repository wrote %1 records, %2 relations, %3 search rows; expected %4, %5, %4"_s.arg(records)
                 .arg(relations)
                 .arg(indexed)
                 .arg(inventory.records.size())
                 .arg(inventory.relationCount()));
        return false;
    }
    const QString attach = u"ATTACH DATABASE '%1' AS other"_s.arg(QString(rawPath).replace(u"'"_s, u"''"_s));
    if (!db.exec(attach.toUtf8().constData()))
        return false;
    const QList<QPair<QString, QString>> tables = {
        {u"record"_s, u"id, kind, name, version, description, license, source_url, purl, tags, notes, attributes, "
                      "placeholder, created_by, updated_by"_s},
        {u"relation"_s, u"from_id, type, to_id, subtype, source, created_by"_s},
        {u"record_search"_s, u"rowid, name, description, tags, notes, license, suppliers"_s},
    };
    for (const auto &[table, columns] : tables) {
        for (const auto &[left, right] : {qMakePair(u"main"_s, u"other"_s), qMakePair(u"other"_s, u"main"_s)}) {
            const qint64 differing =
                db.scalar(u"SELECT count(*) FROM (SELECT %1 FROM %2.%3 EXCEPT SELECT %1 FROM %4.%3)"_s.arg(
                    columns, left, table, right));
            if (differing != 0) {
                fail(u"%1 rows of %2.%3 are not in %4.%3: the two variants did not write the same data"_s.arg(differing)
                         .arg(left, table, right));
                return false;
            }
        }
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Options options = parseOptions(app, u"Bulk insert: repository layer vs raw SQLite C API."_s);
    printBanner(u"bench_insert"_s, options);
    const WorkDir dir(options.keepDir);
    if (!dir.isValid()) {
        fail(u"cannot create a working directory"_s);
        return 1;
    }

    const Stopwatch generating;
    const Inventory inventory = generateInventory(options.records);
    const QVector<RawRow> rows = rawRows(inventory);
    say(u"generated %1 records (%2 suppliers, %3 models, %4 datasets, %5 software, %6 services) and %7 provided_by "
        "relations in %8 ms (not timed below)"_s.arg(grouped(options.records))
            .arg(inventory.count(RecordKind::Supplier))
            .arg(inventory.count(RecordKind::Model))
            .arg(inventory.count(RecordKind::Dataset))
            .arg(inventory.count(RecordKind::Software))
            .arg(inventory.count(RecordKind::Service))
            .arg(inventory.relationCount())
            .arg(fixed(generating.ms(), 0)));
    say();

    // The shape (one record in three provided_by a supplier), and the same records without relations, which
    // tells the cost of createRecord from the cost of link.
    Inventory plain = inventory;
    plain.supplierOf.fill(-1);
    Shape shapes[] = {{&inventory, rows, {}, {}, {}}, {&plain, rawRows(plain), {}, {}, {}}};
    Series withoutSearch;
    for (int run = 0; run < options.runs; ++run) {
        for (Shape &shape : shapes) {
            const QString repositoryPath = dir.freshFile(u"insert-repository-%1.strata"_s.arg(run + 1));
            const QString rawPath = dir.freshFile(u"insert-raw-%1.strata"_s.arg(run + 1));
            // Alternate the order so that neither variant always runs on the warmer or the busier machine.
            double linkMs = 0;
            Timing a;
            Timing b;
            if (run % 2 == 0) {
                a = insertThroughRepository(repositoryPath, *shape.inventory, &linkMs);
                b = insertRaw(rawPath, shape.rows);
            } else {
                b = insertRaw(rawPath, shape.rows);
                a = insertThroughRepository(repositoryPath, *shape.inventory, &linkMs);
            }
            if (a.wall < 0 || b.wall < 0 || !sameContent(repositoryPath, rawPath, *shape.inventory))
                return 1;
            shape.repository.add(a);
            shape.raw.add(b);
            shape.link.add({linkMs, 0});
            dir.discard(repositoryPath);
            dir.discard(rawPath);
        }
        const QString noSearchPath = dir.freshFile(u"insert-raw-no-fts-%1.strata"_s.arg(run + 1));
        const Timing c = insertRaw(noSearchPath, rows, false);
        if (c.wall < 0)
            return 1;
        withoutSearch.add(c);
        dir.discard(noSearchPath);
    }

    const double n = options.records;
    QStringList headers = {u"variant"_s};
    for (int run = 0; run < options.runs; ++run)
        headers << u"run %1 ms"_s.arg(run + 1);
    headers << u"median ms"_s << u"rows/s"_s << u"median CPU ms"_s;
    Table table(headers);
    const auto addRow = [&](const QString &name, const Series &series, bool whole) {
        QStringList cells = {name};
        for (double v : series.wall)
            cells << fixed(v, 0);
        cells << fixed(median(series.wall), 0) << (whole ? grouped(n / median(series.wall) * 1000.0) : QString())
              << (whole ? fixed(median(series.cpu), 0) : QString());
        table.addRow(cells);
    };
    const Shape &full = shapes[0];
    const Shape &recordsOnly = shapes[1];
    addRow(u"(a) repository: batch + createRecord + link, 1 in 3 linked"_s, full.repository, true);
    addRow(u"    of which in Workspace::link"_s, full.link, false);
    addRow(u"(b) raw C API, same rows, relations and FTS5 rows"_s, full.raw, true);
    addRow(u"(a2) repository, records only: batch + createRecord"_s, recordsOnly.repository, true);
    addRow(u"(b2) raw C API, records only"_s, recordsOnly.raw, true);
    addRow(u"(c) diagnostic: (b) without the FTS5 rows"_s, withoutSearch, true);
    table.print();
    const auto ratio = [](const Series &repository, const Series &raw) {
        return median(raw.wall) / median(repository.wall);
    };
    const auto cpuRatio = [](const Series &repository, const Series &raw) {
        return median(raw.cpu) / median(repository.cpu);
    };
    say();
    say(u"(a)/(b)   repository / raw rows/s = %1 (CPU time: %2)   target >= 0.50   %3"_s.arg(
        fixed(ratio(full.repository, full.raw), 2), fixed(cpuRatio(full.repository, full.raw), 2),
        verdict(ratio(full.repository, full.raw) >= 0.5)));
    say(u"(a2)/(b2) records only, for diagnosis = %1 (CPU time: %2)"_s.arg(
        fixed(ratio(recordsOnly.repository, recordsOnly.raw), 2),
        fixed(cpuRatio(recordsOnly.repository, recordsOnly.raw), 2)));
    say(u"all variants: WAL, synchronous=FULL, locking_mode=EXCLUSIVE, foreign_keys=ON, one transaction; (a) and (b), "
        "(a2) and (b2) checked to hold identical rows (EXCEPT both ways) after every run"_s);
    return 0;
}
