// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0

// bench_open_paint: from Workspace::open() to the first painted page of models in a QTableView (offscreen), as when
// the application starts on a large workspace. Reference in the same run (performance.md B10): opening the file with
// the raw C API and SELECTing the first 200 models by name. Target: <= 1 s, and a lazy model (few rows fetched).

#include "BenchData.h"
#include "BenchSupport.h"
#include "RecordTableModel.h"
#include "storage/Database.h"
#include "workspace/Workspace.h"

#include <QApplication>
#include <QFileInfo>
#include <QHeaderView>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::bench;

namespace {

constexpr double kTargetMs = 1000.0;
const QString kFirstPageSql = u"SELECT r.id, r.name, r.version, (SELECT group_concat(s.name, ', ') FROM relation x "
                              "JOIN record s ON s.id = x.to_id WHERE x.from_id = r.id AND x.type = 'provided_by'), "
                              "r.license, r.tags, r.placeholder, r.updated_at FROM record r WHERE r.kind = 'model' "
                              "ORDER BY r.name COLLATE NOCASE, r.id LIMIT 200"_s;

struct Expected
{
    int models = 0;
    QString firstName;
    int cacheLimit = 0; ///< cachedRowCount() must stay below this: the model is lazy
};

struct Timings
{
    QVector<double> raw, quickCheck, databaseOpen, workspaceOpen, model, paint, total, totalCpu;
    QVector<int> cached;
};

/// Reference: raw open with the same pragmas, then the first 200 models by name with their supplier names.
bool measureRaw(const QString &path, const Expected &expected, Timings &t)
{
    const Stopwatch clock;
    RawDb db;
    if (!db.open(path))
        return false;
    RawStatement page(db, kFirstPageSql);
    const int rows = page.drain();
    const double ms = clock.ms();
    if (rows != std::min(200, expected.models)) {
        fail(u"the raw first page has %1 rows, expected %2"_s.arg(rows).arg(std::min(200, expected.models)));
        return false;
    }
    t.raw << ms;
    return true;
}

/// Diagnostic: PRAGMA quick_check alone through the C API, which Database::open runs on every existing workspace.
bool measureQuickCheck(const QString &path, Timings &t)
{
    RawDb db;
    if (!db.open(path))
        return false;
    const Stopwatch clock;
    RawStatement check(db, u"PRAGMA quick_check"_s);
    const bool ok =
        check.step() && qstrcmp(reinterpret_cast<const char *>(sqlite3_column_text(check.get(), 0)), "ok") == 0;
    t.quickCheck << clock.ms();
    if (!ok)
        fail(u"PRAGMA quick_check did not say ok"_s);
    return ok;
}

/// What opening costs before any row is read: lock, identity check, PRAGMA quick_check, pragmas, migrations.
bool measureDatabaseOpen(const QString &path, Timings &t)
{
    const Stopwatch clock;
    Result<std::unique_ptr<Database>> db = Database::open(path, Database::OpenMode::ExistingOnly);
    const double ms = clock.ms();
    if (!db) {
        fail(u"Database::open: %1"_s.arg(db.error().message));
        return false;
    }
    t.databaseOpen << ms;
    return true;
}

/// The application's path: open the workspace, build the lazy model, show a table view and paint its first page.
bool measureOpenToPaint(const QString &path, const Expected &expected, Timings &t)
{
    const Stopwatch clock;
    Result<std::unique_ptr<Workspace>> opened = Workspace::open(path, Database::OpenMode::ExistingOnly);
    if (!opened) {
        fail(u"Workspace::open: %1"_s.arg(opened.error().message));
        return false;
    }
    const std::unique_ptr<Workspace> ws = std::move(opened).value();
    const double openMs = clock.ms();
    RecordTableModel model(ws.get(), RecordKind::Model);
    const double modelMs = clock.ms();
    QTableView view;
    view.setModel(&model);
    view.resize(1280, 800);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view)) {
        fail(u"the table view was never exposed"_s);
        return false;
    }
    const QImage painted = view.grab().toImage(); // paints the first page now, whatever the event loop did
    const double totalMs = clock.ms();
    const double totalCpuMs = clock.cpuMs();

    const int cached = model.cachedRowCount();
    const QString firstName = model.data(model.index(0, RecordTableModel::Name)).toString();
    const int firstVisibleRow = view.rowAt(0);
    if (model.rowCount() != expected.models || painted.isNull() || firstVisibleRow != 0) {
        fail(u"the view shows %1 rows (expected %2), first visible row %3"_s.arg(model.rowCount())
                 .arg(expected.models)
                 .arg(firstVisibleRow));
        return false;
    }
    if (cached <= 0 || cached >= expected.cacheLimit) {
        fail(u"RecordTableModel fetched %1 rows to paint the first page of %2; a lazy model stays between 1 and "
             "%3"_s.arg(cached)
                 .arg(expected.models)
                 .arg(expected.cacheLimit - 1));
        return false;
    }
    if (firstName != expected.firstName) {
        fail(u"the first row shows \"%1\", the raw query says \"%2\""_s.arg(firstName, expected.firstName));
        return false;
    }
    t.workspaceOpen << openMs;
    t.model << modelMs - openMs;
    t.paint << totalMs - modelMs;
    t.total << totalMs;
    t.totalCpu << totalCpuMs;
    t.cached << cached;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const Options options =
        parseOptions(app, u"Open to first painted page: Workspace::open + RecordTableModel + QTableView."_s);
    printBanner(u"bench_open_paint"_s, options);
    const WorkDir dir(options.keepDir);
    if (!dir.isValid()) {
        fail(u"cannot create a working directory"_s);
        return 1;
    }

    const Inventory inventory = generateInventory(options.records);
    const QString path = dir.freshFile(u"open-paint.strata"_s);
    {
        Result<std::unique_ptr<Workspace>> created = Workspace::open(path);
        if (!created) {
            fail(created.error().message);
            return 1;
        }
        const Stopwatch clock;
        if (const Status s = writeWorkspace(*created.value(), inventory); !s) {
            fail(s.error().message);
            return 1;
        }
        say(u"workspace of %1 records (%2 models) written through the repository in %3 ms"_s
                .arg(grouped(options.records))
                .arg(inventory.count(RecordKind::Model))
                .arg(fixed(clock.ms(), 0)));
    }
    say(u"workspace file: %1 MB"_s.arg(fixed(static_cast<double>(QFileInfo(path).size()) / 1.0e6, 1)));

    Expected expected;
    expected.models = inventory.count(RecordKind::Model);
    // A lazy model fetches a page or two; on the full size that is far below 1,000 of ~40,000 models.
    expected.cacheLimit = std::min(1000, expected.models / 2);
    {
        RawDb db;
        if (!db.open(path))
            return 1;
        RawStatement first(db, kFirstPageSql);
        if (!first.step()) {
            fail(u"no model in the generated workspace"_s);
            return 1;
        }
        expected.firstName = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(first.get(), 1)));
    }
    say(u"first model by name: \"%1\"; a lazy model must have fetched fewer than %2 rows after painting"_s
            .arg(expected.firstName)
            .arg(expected.cacheLimit));
    say();

    Timings t;
    for (int run = 0; run < options.runs; ++run) {
        // Rotate the order so that no measurement always comes first (coldest) or last.
        bool ok = true;
        for (int step = 0; step < 4 && ok; ++step) {
            switch ((run + step) % 4) {
            case 0:
                ok = measureRaw(path, expected, t);
                break;
            case 1:
                ok = measureDatabaseOpen(path, t);
                break;
            case 2:
                ok = measureQuickCheck(path, t);
                break;
            default:
                ok = measureOpenToPaint(path, expected, t);
                break;
            }
        }
        if (!ok)
            return 1;
    }

    QStringList headers = {u"step"_s};
    for (int run = 0; run < options.runs; ++run)
        headers << u"run %1 ms"_s.arg(run + 1);
    headers << u"median ms"_s;
    Table table(headers);
    const auto addRow = [&table](const QString &name, const QVector<double> &ms) {
        QStringList cells = {name};
        for (double v : ms)
            cells << fixed(v, 1);
        cells << fixed(median(ms), 1);
        table.addRow(cells);
    };
    addRow(u"reference: raw open + SELECT first 200 models by name"_s, t.raw);
    addRow(u"Database::open alone (lock, quick_check, pragmas)"_s, t.databaseOpen);
    addRow(u"  diagnostic: raw PRAGMA quick_check alone"_s, t.quickCheck);
    addRow(u"Workspace::open"_s, t.workspaceOpen);
    addRow(u"+ RecordTableModel(kind model): all model ids by name"_s, t.model);
    addRow(u"+ QTableView show, exposed, first page painted"_s, t.paint);
    addRow(u"= open() start to first painted page"_s, t.total);
    addRow(u"  (process CPU time of the line above)"_s, t.totalCpu);
    table.print();
    QStringList cached;
    for (int c : std::as_const(t.cached))
        cached << QString::number(c);
    say();
    say(u"rows fetched by RecordTableModel after painting: %1 of %2 models (limit %3)"_s.arg(cached.join(u", "_s))
            .arg(expected.models)
            .arg(expected.cacheLimit));
    const double total = median(t.total);
    say(u"open to first painted page: %1 ms = %2 x the raw reference   target <= %3 ms   %4"_s.arg(
        fixed(total, 1), fixed(total / median(t.raw), 1), fixed(kTargetMs, 0), verdict(total <= kTargetMs)));
    dir.discard(path);
    return 0;
}
