// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0

// bench_search: search-as-you-type on the models of a generated workspace. Each keystroke of ~20 words (common and
// rare) is one query doing what the GUI does on setSearch: Workspace::recordIds(kind model, prefix) and
// Workspace::summaries() of the first page. Reference in the same run: the same FTS5 MATCH, unranked, LIMIT 50,
// through the raw C API. Target (performance.md B5): p90 <= 16 ms per keystroke.

#include "BenchData.h"
#include "BenchSupport.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <iterator>
#include <numeric>
#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::bench;

namespace {

constexpr int kFirstPage = 64; // RecordTableModel's page
constexpr double kTargetMs = 16.0;
const QList<int> kVocabularyRanks = {0, 1, 3, 10, 30, 100, 300, 1000, 3000, 10000, 19000};

// What RecordRepository::ids() ran for a kind and a search before it intersected in memory (kept as a comparison).
const QString kIdsSql = u"SELECT r.id FROM record r WHERE r.kind = 'model' AND r.id IN (SELECT rowid FROM "
                        "record_search WHERE record_search MATCH ?) ORDER BY r.name COLLATE NOCASE, r.id"_s;
// Alternatives measured for the lead, not used by Strata: the first page of ids only (LIMIT), and a plan driven by
// the full-text index (CROSS JOIN fixes the loop order: hits first, then a sort) instead of by the kind/name index.
const QString kFirstIdsSql = kIdsSql + u" LIMIT %1"_s.arg(kFirstPage);
const QString kJoinSql = u"SELECT r.id FROM record_search s CROSS JOIN record r ON r.id = s.rowid WHERE "
                         "record_search MATCH ? AND r.kind = 'model' ORDER BY r.name COLLATE NOCASE, r.id"_s;
const QString kCountSql = u"SELECT count(*) FROM record_search WHERE record_search MATCH ?"_s;
// What Strata does now: the name-ordered model ids read once (RecordRepository caches them until the next write),
// then per keystroke only the FTS5 rowids, intersected in memory.
const QString kOrderedModelsSql = u"SELECT id FROM record WHERE kind = 'model' ORDER BY name COLLATE NOCASE, id"_s;
const QString kRowidsSql = u"SELECT rowid FROM record_search WHERE record_search MATCH ?"_s;
// What RecordRepository::summaries() ran for one page before it used one prepared lookup per id (a comparison).
const QString kPageSql = u"SELECT r.id, r.kind, r.name, r.version, (SELECT group_concat(s.name, ', ') FROM relation "
                         "x JOIN record s ON s.id = x.to_id WHERE x.from_id = r.id AND x.type = 'provided_by'), "
                         "r.license, r.tags, r.placeholder, r.updated_at FROM record r WHERE r.id IN (%1)"_s;

struct Word
{
    QString text;
    QString origin; ///< "domain" or "rank N" in the description vocabulary
    int expectedHits = 0;
};

struct Keystroke
{
    QString prefix;
    int word = 0;
    bool last = false; ///< the whole word typed: checked against the in-memory oracle
    int modelHits = -1;
    qint64 ftsHits = -1; ///< rows of any kind the MATCH finds
    QVector<double> total, ids, page, rawLimit, rawIds, rawPage, rawCount, rawJoin, rawFirstIds, rawFilter;
};

/// The MATCH expression RecordRepository::ftsQuery() builds: each token quoted, as a prefix, joined by AND.
QByteArray ftsQuery(const QString &text)
{
    static const QRegularExpression separators(u"[^\\p{L}\\p{N}]+"_s);
    QStringList parts;
    for (const QString &token : text.split(separators, Qt::SkipEmptyParts))
        parts << u"\"%1\"*"_s.arg(token);
    return parts.join(u" AND "_s).toUtf8();
}

QString idList(const QVector<qint64> &ids)
{
    QStringList list;
    for (qint64 id : ids)
        list << QString::number(id);
    return list.join(u',');
}

bool typeThroughWorkspace(const QString &path, const QVector<Word> &words, QVector<Keystroke> &keys)
{
    Result<std::unique_ptr<Workspace>> opened = Workspace::open(path, Database::OpenMode::ExistingOnly);
    if (!opened) {
        fail(u"Workspace::open: %1"_s.arg(opened.error().message));
        return false;
    }
    const std::unique_ptr<Workspace> ws = std::move(opened).value();
    // The models page lists every model before anyone types (RecordTableModel::refresh): that read is not part of a
    // keystroke, and Strata keeps its order for the searches that follow until the next write.
    if (const Result<QVector<qint64>> all = ws->recordIds(RecordQuery(RecordKind::Model)); !all) {
        fail(u"recordIds(all models): %1"_s.arg(all.error().message));
        return false;
    }
    for (Keystroke &k : keys) {
        const Stopwatch clock;
        const Result<QVector<qint64>> ids = ws->recordIds(RecordQuery(RecordKind::Model, k.prefix));
        const double idsMs = clock.ms();
        if (!ids) {
            fail(u"recordIds(\"%1\"): %2"_s.arg(k.prefix, ids.error().message));
            return false;
        }
        const QVector<qint64> first = ids.value().mid(0, kFirstPage);
        const Result<QList<RecordSummary>> page = ws->summaries(first);
        const double totalMs = clock.ms();
        if (!page) {
            fail(u"summaries for \"%1\": %2"_s.arg(k.prefix, page.error().message));
            return false;
        }
        const int hits = static_cast<int>(ids.value().size());
        if (page.value().size() != first.size() || (k.modelHits >= 0 && k.modelHits != hits) ||
            (k.last && hits != words.at(k.word).expectedHits)) {
            fail(u"\"%1\": %2 ids (expected %3), page of %4 (expected %5)"_s.arg(k.prefix)
                     .arg(hits)
                     .arg(k.last ? words.at(k.word).expectedHits : k.modelHits)
                     .arg(page.value().size())
                     .arg(first.size()));
            return false;
        }
        for (qsizetype i = 1; i < page.value().size(); ++i) {
            if (page.value().at(i - 1).name.compare(page.value().at(i).name, Qt::CaseInsensitive) > 0) {
                fail(u"\"%1\": the first page is not sorted by name"_s.arg(k.prefix));
                return false;
            }
        }
        k.modelHits = hits;
        k.total << totalMs;
        k.ids << idsMs;
        k.page << totalMs - idsMs;
    }
    return true;
}

/// The ids of `ordered` that are in `hits` (ascending, as FTS5 returns rowids), in the order of `ordered`.
QVector<qint64> intersect(const QVector<qint64> &ordered, const std::vector<qint64> &hits)
{
    QVector<qint64> out;
    for (qint64 id : ordered) {
        if (std::binary_search(hits.cbegin(), hits.cend(), id))
            out << id;
    }
    return out;
}

bool typeRaw(const QString &path, QVector<Keystroke> &keys, QVector<double> &orderedMs)
{
    RawDb db;
    if (!db.open(path))
        return false;
    QVector<qint64> ordered;
    {
        const Stopwatch clock;
        RawStatement models(db, kOrderedModelsSql);
        while (models.step())
            ordered << sqlite3_column_int64(models.get(), 0);
        if (!models.done())
            return false;
        orderedMs << clock.ms();
    }
    RawStatement rowids(db, kRowidsSql);
    RawStatement limited(db, u"SELECT rowid FROM record_search WHERE record_search MATCH ? LIMIT 50"_s);
    RawStatement ids(db, kIdsSql);
    RawStatement count(db, kCountSql);
    RawStatement join(db, kJoinSql);
    RawStatement firstIds(db, kFirstIdsSql);
    if (!limited.isValid() || !ids.isValid() || !count.isValid() || !join.isValid() || !firstIds.isValid())
        return false;
    // Times one statement for this keystroke's MATCH; false on error or when it does not return `rows` rows.
    const auto time = [](RawStatement &stmt, const QByteArray &match, QVector<double> &into, qint64 rows) {
        const Stopwatch clock;
        stmt.bindStatic(1, match);
        const int n = stmt.drain();
        into << clock.ms();
        stmt.reset();
        return n >= 0 && (rows < 0 || n == rows);
    };
    for (Keystroke &k : keys) {
        const QByteArray match = ftsQuery(k.prefix);
        Stopwatch clock;
        limited.bindStatic(1, match);
        if (limited.drain() < 0)
            return false;
        limited.reset();
        k.rawLimit << clock.ms();

        // Diagnostic: the repository's own SQL through the C API, to tell SQLite's work from the layers above.
        clock.restart();
        ids.bindStatic(1, match);
        QVector<qint64> all;
        while (ids.step())
            all << sqlite3_column_int64(ids.get(), 0);
        if (!ids.done())
            return false;
        ids.reset();
        k.rawIds << clock.ms();
        clock.restart();
        RawStatement page(db, kPageSql.arg(idList(all.mid(0, kFirstPage))));
        if (page.drain() != std::min<int>(kFirstPage, static_cast<int>(all.size())))
            return false;
        k.rawPage << clock.ms();
        if (k.modelHits >= 0 && k.modelHits != all.size()) {
            fail(u"\"%1\": raw SQL finds %2 models, the workspace %3"_s.arg(k.prefix).arg(all.size()).arg(k.modelHits));
            return false;
        }
        if (k.ftsHits < 0)
            k.ftsHits = db.scalar(kCountSql, QString::fromUtf8(match));
        if (!time(count, match, k.rawCount, 1) || !time(join, match, k.rawJoin, all.size()) ||
            !time(firstIds, match, k.rawFirstIds, std::min<qint64>(kFirstPage, all.size()))) {
            fail(u"\"%1\": an alternative query returned a different number of rows"_s.arg(k.prefix));
            return false;
        }
        clock.restart();
        rowids.bindStatic(1, match);
        std::vector<qint64> hits;
        while (rowids.step())
            hits.push_back(sqlite3_column_int64(rowids.get(), 0));
        rowids.reset();
        const QVector<qint64> filtered = intersect(ordered, hits);
        k.rawFilter << clock.ms();
        if (filtered != all) {
            fail(u"\"%1\": the in-memory intersection differs from the SQL result"_s.arg(k.prefix));
            return false;
        }
    }
    return true;
}

QVector<double> medians(const QVector<Keystroke> &keys, QVector<double> Keystroke::*series)
{
    QVector<double> out;
    for (const Keystroke &k : keys)
        out << median(k.*series);
    return out;
}

void printDistribution(const QVector<Keystroke> &keys)
{
    Table table({u"keystrokes"_s, u"n"_s, u"p50 ms"_s, u"p90 ms"_s, u"max ms"_s, u"recordIds"_s, u"summaries"_s,
                 u"raw ids"_s, u"raw page"_s, u"raw count(*)"_s, u"raw join+sort"_s, u"raw ids first page"_s,
                 u"raw hits & order"_s, u"raw LIMIT 50"_s});
    const auto add = [&table](const QString &name, const QVector<Keystroke> &group) {
        if (group.isEmpty())
            return;
        const QVector<double> total = medians(group, &Keystroke::total);
        const auto p90 = [&group](QVector<double> Keystroke::*series) {
            return fixed(percentile(medians(group, series), 90), 2);
        };
        table.addRow({name, QString::number(group.size()), fixed(percentile(total, 50), 2),
                      fixed(percentile(total, 90), 2), fixed(maximum(total), 2), p90(&Keystroke::ids),
                      p90(&Keystroke::page), p90(&Keystroke::rawIds), p90(&Keystroke::rawPage),
                      p90(&Keystroke::rawCount), p90(&Keystroke::rawJoin), p90(&Keystroke::rawFirstIds),
                      p90(&Keystroke::rawFilter), p90(&Keystroke::rawLimit)});
    };
    for (int length = 1; length <= 4; ++length) {
        QVector<Keystroke> group;
        std::copy_if(keys.cbegin(), keys.cend(), std::back_inserter(group), [length](const Keystroke &k) {
            return length < 4 ? k.prefix.size() == length : k.prefix.size() >= length;
        });
        add(length < 4 ? u"prefix of %1 char(s)"_s.arg(length) : u"prefix of 4+ chars"_s, group);
    }
    add(u"all"_s, keys);
    table.print();
    say(u"(columns after max: p90 of each part, ms. recordIds + summaries = the keystroke; raw ids / raw page = the "
        "same SQL through the C API; count(*) = all FTS5 hits of the MATCH; join+sort and ids first page = "
        "alternative queries for the same ids; hits & order = FTS5 rowids intersected in memory with the "
        "name-ordered model ids read once; LIMIT 50 = the reference)"_s);
}

void printSlowest(const QVector<Keystroke> &keys, int count)
{
    QVector<int> order(keys.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&keys](int a, int b) { return median(keys.at(a).total) > median(keys.at(b).total); });
    Table table({u"prefix"_s, u"model hits"_s, u"FTS hits (all kinds)"_s, u"total ms"_s, u"recordIds ms"_s,
                 u"summaries ms"_s, u"raw ids ms"_s, u"raw count(*) ms"_s, u"raw join+sort ms"_s,
                 u"raw ids first page ms"_s, u"raw hits & order ms"_s, u"raw LIMIT 50 ms"_s});
    for (int i = 0; i < std::min<int>(count, static_cast<int>(order.size())); ++i) {
        const Keystroke &k = keys.at(order.at(i));
        table.addRow({u"\"%1\""_s.arg(k.prefix), grouped(k.modelHits), grouped(static_cast<double>(k.ftsHits)),
                      fixed(median(k.total), 2), fixed(median(k.ids), 2), fixed(median(k.page), 2),
                      fixed(median(k.rawIds), 2), fixed(median(k.rawCount), 2), fixed(median(k.rawJoin), 2),
                      fixed(median(k.rawFirstIds), 2), fixed(median(k.rawFilter), 2), fixed(median(k.rawLimit), 3)});
    }
    table.print();
}

void printPlans(const QString &path, const QString &sampleIds)
{
    RawDb db;
    if (!db.open(path))
        return;
    say(u"EXPLAIN QUERY PLAN, the earlier recordIds SQL (kind + search, ORDER BY name):"_s);
    for (const QString &line : db.queryPlan(kIdsSql))
        say(u"  "_s + line);
    say(u"EXPLAIN QUERY PLAN, alternative driven by the full-text index (join + sort):"_s);
    for (const QString &line : db.queryPlan(kJoinSql))
        say(u"  "_s + line);
    say(u"EXPLAIN QUERY PLAN, summaries of one page:"_s);
    for (const QString &line : db.queryPlan(kPageSql.arg(sampleIds)))
        say(u"  "_s + line);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Options options = parseOptions(app, u"Search as you type: Workspace::recordIds + summaries per keystroke."_s);
    printBanner(u"bench_search"_s, options);
    const WorkDir dir(options.keepDir);
    if (!dir.isValid()) {
        fail(u"cannot create a working directory"_s);
        return 1;
    }

    const Inventory inventory = generateInventory(options.records);
    const QString path = dir.freshFile(u"search.strata"_s);
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

    // The words typed, and how many models each must find: the oracle tokenises the generated records itself.
    QVector<Word> words;
    for (const QString &w : inventory.domainWords)
        words << Word{w, u"domain"_s, 0};
    for (int rank : kVocabularyRanks)
        words << Word{inventory.vocabulary.at(rank), u"rank %1"_s.arg(rank), 0};
    for (qsizetype i = 0; i < inventory.records.size(); ++i) {
        if (inventory.records.at(i).kind != RecordKind::Model)
            continue;
        const QStringList tokens = inventory.searchTokens(static_cast<int>(i));
        for (Word &w : words) {
            if (std::any_of(tokens.cbegin(), tokens.cend(), [&w](const QString &t) { return t.startsWith(w.text); }))
                ++w.expectedHits;
        }
    }
    QVector<Keystroke> keys;
    for (qsizetype w = 0; w < words.size(); ++w) {
        for (qsizetype length = 1; length <= words.at(w).text.size(); ++length) {
            Keystroke k;
            k.prefix = words.at(w).text.left(length);
            k.word = static_cast<int>(w);
            k.last = length == words.at(w).text.size();
            keys << k;
        }
    }
    say(u"%1 words, %2 keystrokes; each run types them all through the workspace, then through the raw C API"_s
            .arg(words.size())
            .arg(keys.size()));
    say();

    QVector<double> orderedMs;
    for (int run = 0; run < options.runs; ++run) {
        const bool ok = run % 2 == 0 ? typeThroughWorkspace(path, words, keys) && typeRaw(path, keys, orderedMs)
                                     : typeRaw(path, keys, orderedMs) && typeThroughWorkspace(path, words, keys);
        if (!ok)
            return 1;
    }

    Table perWord({u"word"_s, u"origin"_s, u"models found"_s, u"slowest keystroke ms"_s, u"whole word ms"_s});
    for (qsizetype w = 0; w < words.size(); ++w) {
        double slowest = 0;
        double whole = 0;
        for (const Keystroke &k : std::as_const(keys)) {
            if (k.word != w)
                continue;
            slowest = std::max(slowest, median(k.total));
            if (k.last)
                whole = median(k.total);
        }
        perWord.addRow({words.at(w).text, words.at(w).origin, grouped(words.at(w).expectedHits), fixed(slowest, 2),
                        fixed(whole, 2)});
    }
    perWord.print();
    say();
    say(u"Per keystroke (median of %1 runs each), by prefix length:"_s.arg(options.runs));
    printDistribution(keys);
    say();
    say(u"Slowest keystrokes:"_s);
    printSlowest(keys, 10);
    say();

    const QVector<double> total = medians(keys, &Keystroke::total);
    const QVector<double> raw = medians(keys, &Keystroke::rawLimit);
    const double p90 = percentile(total, 90);
    say(u"keystroke (recordIds + first %1 summaries): p50 %2 ms, p90 %3 ms, max %4 ms"_s.arg(kFirstPage)
            .arg(fixed(percentile(total, 50), 2), fixed(p90, 2), fixed(maximum(total), 2)));
    say(u"reference, raw FTS5 MATCH LIMIT 50 unranked: p50 %1 ms, p90 %2 ms, max %3 ms"_s.arg(
        fixed(percentile(raw, 50), 3), fixed(percentile(raw, 90), 3), fixed(maximum(raw), 3)));
    say(u"(the hits & order alternative first reads the name-ordered ids of all models once: median %1 ms)"_s.arg(
        fixed(median(orderedMs), 1)));
    say(u"target p90 <= %1 ms: %2"_s.arg(fixed(kTargetMs, 0), verdict(p90 <= kTargetMs)));
    say();
    QVector<qint64> sample;
    for (qint64 id = 1; id <= kFirstPage; ++id)
        sample << id;
    printPlans(path, idList(sample));
    dir.discard(path);
    return 0;
}
