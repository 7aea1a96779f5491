// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/GraphRepository.h"

#include "storage/Database.h"
#include "storage/SqlValues.h"
#include "storage/SqliteStatement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cstring>
#include <optional>
#include <sqlite3.h>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

/// Ids per statement: bound as one JSON array and expanded by json_each, which the relation indexes then serve.
constexpr int kIdsPerQuery = 50000;
/// Ids that lie this close together are read as one range of the index instead of one lookup each.
constexpr qint64 kRangeGap = 4;
/// Fewer ids than this in a range are looked up one by one: a range read only pays off when it replaces many lookups.
constexpr qsizetype kMinRangeIds = 32;

/// The node columns (nodeFromRow) without the digest flag: a focused read finds the records with digests in one
/// range read of the artifact index, which costs less than a correlated EXISTS per record.
const char *const kNodeColumns =
    "SELECT r.id, r.kind, r.name, r.version, r.placeholder, r.license <> '', "
    "CASE WHEN r.kind = 'supplier' THEN json_extract(r.attributes, '$.certifications') END";
/// The digest flag as column 7, for the whole-graph read, which walks every record anyway.
const char *const kDigestColumn = ", EXISTS (SELECT 1 FROM artifact a WHERE a.record_id = r.id AND a.digest <> '')";
const char *const kFromRecord = " FROM record r WHERE ";
const char *const kEdgeColumns = "SELECT x.id, x.from_id, x.to_id, x.type, x.subtype FROM relation x WHERE ";
const char *const kDigestRecords = "SELECT DISTINCT a.record_id FROM artifact a WHERE a.digest <> '' AND ";
/// Ids below this are kept in a bitmap (at most 8 MiB); larger ones, which Strata never assigns, in a hash.
constexpr qint64 kBitmapIds = qint64(1) << 26;

/// Ids of the records a walk has reached. Record ids are assigned in sequence, so a bitmap over the id range costs
/// a bit per record where a hash set costs a node and a hash per insert, and gives the ids back in order.
class ReachedIds
{
public:
    /// True when `id` was not there before.
    bool insert(qint64 id)
    {
        if (id < 0 || id >= kBitmapIds) {
            if (m_outside.contains(id))
                return false;
            m_outside.insert(id);
            return true;
        }
        const size_t word = size_t(id) / 64;
        if (word >= m_bits.size())
            m_bits.resize(std::max(word + 1, m_bits.size() * 2), 0);
        const quint64 bit = quint64(1) << (id % 64);
        if (m_bits[word] & bit)
            return false;
        m_bits[word] |= bit;
        ++m_count;
        return true;
    }
    /// Every id, ascending.
    QVector<qint64> sorted() const
    {
        QVector<qint64> ids;
        ids.reserve(m_count + m_outside.size());
        QVector<qint64> outside(m_outside.cbegin(), m_outside.cend());
        std::sort(outside.begin(), outside.end());
        const auto large = std::lower_bound(outside.cbegin(), outside.cend(), qint64(0));
        ids.append(outside.cbegin(), large);
        for (size_t word = 0; word < m_bits.size(); ++word) {
            for (quint64 bits = m_bits[word]; bits != 0; bits &= bits - 1)
                ids.append(qint64(word * 64) + qint64(__builtin_ctzll(bits)));
        }
        ids.append(large, outside.cend());
        return ids;
    }

private:
    std::vector<quint64> m_bits;
    qsizetype m_count = 0;
    QSet<qint64> m_outside;
};

/// Sorts ids; a dense set (a level of records imported together) by a bitmap over its range, in linear time.
void sortIds(QVector<qint64> &ids)
{
    if (ids.size() < 2 || std::is_sorted(ids.cbegin(), ids.cend()))
        return;
    const auto [low, high] = std::minmax_element(ids.cbegin(), ids.cend());
    const qint64 first = *low;
    const quint64 span = quint64(*high) - quint64(first) + 1;
    if (span / 8 > quint64(ids.size())) {
        std::sort(ids.begin(), ids.end());
        return;
    }
    std::vector<quint64> bits(size_t((span + 63) / 64), 0);
    for (qint64 id : std::as_const(ids))
        bits[size_t(quint64(id - first) / 64)] |= quint64(1) << (quint64(id - first) % 64);
    qsizetype at = 0;
    for (size_t word = 0; word < bits.size(); ++word) {
        for (quint64 b = bits[word]; b != 0; b &= b - 1)
            ids[at++] = first + qint64(word * 64) + qint64(__builtin_ctzll(b));
    }
    ids.resize(at); // a repeated id was written once
}

/// Ascending ids split into dense runs (read as ranges) and the scattered rest (looked up one by one).
struct IdRuns
{
    QVector<std::pair<qint64, qint64>> ranges; ///< first and last id of each dense run
    QVector<qint64> scattered;
};

IdRuns splitIntoRuns(const QVector<qint64> &ids)
{
    IdRuns runs;
    for (qsizetype first = 0; first < ids.size();) {
        qsizetype last = first;
        while (last + 1 < ids.size() && ids.at(last + 1) - ids.at(last) <= kRangeGap)
            ++last;
        if (last - first + 1 >= kMinRangeIds) {
            runs.ranges.append({ids.at(first), ids.at(last)});
        } else {
            for (qsizetype i = first; i <= last; ++i)
                runs.scattered.append(ids.at(i));
        }
        first = last + 1;
    }
    return runs;
}

/// Which ids of a dense run were asked for: a range read also returns the few ids in its gaps.
class RunMembers
{
public:
    RunMembers(const QVector<qint64> &sorted, std::pair<qint64, qint64> range)
        : m_first(range.first)
        , m_bits(size_t(range.second - range.first + 1), false)
    {
        const auto begin = std::lower_bound(sorted.cbegin(), sorted.cend(), range.first);
        for (auto it = begin; it != sorted.cend() && *it <= range.second; ++it)
            m_bits[size_t(*it - m_first)] = true;
    }
    bool contains(qint64 id) const
    {
        return id >= m_first && id - m_first < qint64(m_bits.size()) && m_bits[size_t(id - m_first)];
    }

private:
    qint64 m_first;
    std::vector<bool> m_bits;
};

/// Steps `q` (already bound) to the end, handing each row to `row`; false on an SQLite error.
template<typename F>
bool eachRow(sqlite3_stmt *q, F row)
{
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW)
        row(q);
    return rc == SQLITE_DONE;
}

QString text(sqlite3_stmt *s, int column)
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(s, column));
    return data ? QString::fromUtf8(data, sqlite3_column_bytes(s, column)) : QString();
}

/// Keys compared as bytes: converting a million type names to QString first would dominate the read.
template<typename T>
std::optional<T> keyed(sqlite3_stmt *s, int column, const QList<std::pair<QByteArray, T>> &keys)
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(s, column));
    const int size = sqlite3_column_bytes(s, column);
    for (const auto &[key, value] : keys) {
        if (key.size() == size && std::memcmp(key.constData(), data, size_t(size)) == 0)
            return value;
    }
    return std::nullopt;
}

const QList<std::pair<QByteArray, RecordKind>> &kindKeys()
{
    static const QList<std::pair<QByteArray, RecordKind>> keys = [] {
        QList<std::pair<QByteArray, RecordKind>> list;
        for (RecordKind kind : allRecordKinds())
            list.append({recordKindKey(kind).toUtf8(), kind});
        return list;
    }();
    return keys;
}

const QList<std::pair<QByteArray, RelationType>> &typeKeys()
{
    static const QList<std::pair<QByteArray, RelationType>> keys = [] {
        QList<std::pair<QByteArray, RelationType>> list;
        for (RelationType type : allRelationTypes())
            list.append({relationTypeKey(type).toUtf8(), type});
        return list;
    }();
    return keys;
}

/// Fills `n` (constructed in place in the snapshot) from the node columns; hasDigest is set by the caller.
void nodeFromRow(sqlite3_stmt *s, GraphNode &n)
{
    n.id = sqlite3_column_int64(s, 0);
    n.kind = keyed(s, 1, kindKeys()).value_or(RecordKind::Model);
    n.name = text(s, 2);
    if (sqlite3_column_bytes(s, 3) > 0)
        n.version = text(s, 3);
    n.placeholder = sqlite3_column_int(s, 4) != 0;
    n.hasLicense = sqlite3_column_int(s, 5) != 0;
    if (sqlite3_column_type(s, 6) != SQLITE_NULL) {
        // The certification that lapses first is the one a reviewer has to chase.
        const QJsonArray list = QJsonDocument::fromJson(text(s, 6).toUtf8()).array();
        for (const QJsonValue &value : list) {
            const QJsonObject c = value.toObject();
            const QDate until = QDate::fromString(c.value(u"valid_until"_s).toString(), Qt::ISODate);
            if (until.isValid() && (!n.certificationValidUntil.isValid() || until < n.certificationValidUntil)) {
                n.certificationValidUntil = until;
                n.certification = c.value(u"name"_s).toString();
            }
        }
    }
}

/// Sub-kinds repeat ("quantized" a hundred thousand times): equal ones share one string instead of each
/// allocating its own. Per thread, as reads may run on workers.
QString sharedSubtype(sqlite3_stmt *s, int column)
{
    constexpr int kKept = 32;
    thread_local QList<std::pair<QByteArray, QString>> seen;
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(s, column));
    const int size = sqlite3_column_bytes(s, column);
    for (const auto &[bytes, string] : std::as_const(seen)) {
        if (bytes.size() == size && std::memcmp(bytes.constData(), data, size_t(size)) == 0)
            return string;
    }
    QString string = QString::fromUtf8(data, size);
    if (seen.size() < kKept)
        seen.append({QByteArray(data, size), string});
    return string;
}

GraphEdge edgeFromRow(sqlite3_stmt *s)
{
    GraphEdge e;
    e.id = sqlite3_column_int64(s, 0);
    e.from = sqlite3_column_int64(s, 1);
    e.to = sqlite3_column_int64(s, 2);
    e.type = keyed(s, 3, typeKeys()).value_or(RelationType::DependsOn);
    if (sqlite3_column_bytes(s, 4) > 0)
        e.subtype = sharedSubtype(s, 4);
    return e;
}

QByteArray jsonIds(const QVector<qint64> &ids, qsizetype first, qsizetype count)
{
    QByteArray text;
    text.reserve(count * 8 + 2);
    text += '[';
    for (qsizetype i = first; i < first + count; ++i) {
        if (i > first)
            text += ',';
        text += QByteArray::number(ids.at(i));
    }
    text += ']';
    return text;
}

/// Reads `select` + "WHERE <key> ..." for `ids`: each dense run as one range of the index on `key`, the scattered
/// rest in batches through json_each. Hands `row` every row whose key (column `keyColumn`) is one of `ids`. Returns
/// SQLite's message on failure, an empty string on success.
template<typename F>
QString forEachById(const QSqlDatabase &connection,
                    const QByteArray &select,
                    const QByteArray &key,
                    int keyColumn,
                    const QVector<qint64> &ids,
                    F row)
{
    QVector<qint64> sorted = ids;
    sortIds(sorted);
    const IdRuns runs = splitIntoRuns(sorted);
    if (!runs.ranges.isEmpty()) {
        SqliteStatement q(connection, select + key + " BETWEEN ? AND ?");
        if (!q.ok())
            return q.errorText();
        for (const auto &range : runs.ranges) {
            const RunMembers members(sorted, range);
            q.reset();
            q.bind(1, range.first);
            q.bind(2, range.second);
            const bool done = eachRow(q.get(), [&](sqlite3_stmt *s) {
                if (members.contains(sqlite3_column_int64(s, keyColumn)))
                    row(s);
            });
            if (!done)
                return q.errorText();
        }
    }
    if (runs.scattered.isEmpty())
        return {};
    SqliteStatement q(connection, select + key + " IN (SELECT value FROM json_each(?))");
    if (!q.ok())
        return q.errorText();
    for (qsizetype first = 0; first < runs.scattered.size(); first += kIdsPerQuery) {
        const QByteArray json =
            jsonIds(runs.scattered, first, std::min<qsizetype>(kIdsPerQuery, runs.scattered.size() - first));
        q.reset();
        sqlite3_bind_text(q.get(), 1, json.constData(), int(json.size()), SQLITE_STATIC);
        if (!eachRow(q.get(), row))
            return q.errorText();
    }
    return {};
}

} // namespace

Error GraphRepository::failed(const QString &what, const QString &detail)
{
    return Error{ErrorCode::Database, tr("%1 failed: %2").arg(what, detail)};
}

GraphRepository::GraphRepository(const Database &db)
    : m_db(db)
{
}

Result<QVector<GraphNode>> GraphRepository::nodes(const QVector<qint64> &ids) const
{
    QVector<GraphNode> list;
    list.reserve(ids.size());
    QString error = forEachById(m_db.connection(), QByteArray(kNodeColumns) + kFromRecord, "r.id", 0, ids,
                                [&list](sqlite3_stmt *s) { nodeFromRow(s, list.emplaceBack()); });
    if (!error.isEmpty())
        return failed(tr("Reading the records of the graph"), error);
    // Each read returns ascending ids; ranges and the scattered rest are merged here. Sorted, the snapshot needs no
    // sorting when it is indexed (LineageGraph).
    const auto byId = [](const GraphNode &a, const GraphNode &b) { return a.id < b.id; };
    if (!std::is_sorted(list.cbegin(), list.cend(), byId))
        std::sort(list.begin(), list.end(), byId);
    error = forEachById(m_db.connection(), kDigestRecords, "a.record_id", 0, ids, [&list](sqlite3_stmt *s) {
        const qint64 id = sqlite3_column_int64(s, 0);
        const auto it = std::lower_bound(list.begin(), list.end(), id,
                                         [](const GraphNode &n, qint64 wanted) { return n.id < wanted; });
        if (it != list.end() && it->id == id)
            it->hasDigest = true;
    });
    if (!error.isEmpty())
        return failed(tr("Reading the records of the graph"), error);
    return list;
}

struct GraphRepository::Walked
{
    ReachedIds nodeIds;
    QVector<GraphEdge> edges;
    QSet<qint64> earlierEdges; ///< relations of the walk in the other direction, not to be listed twice
};

Status GraphRepository::walk(qint64 focus, GraphDirection direction, int maxDepth, Walked &walked) const
{
    const bool up = direction == GraphDirection::Upstream;
    // Downstream reads only the covering index relation_to_cover (schema 7); the records are read afterwards, in
    // ranges of ids, so a level of 100,000 records costs a few range reads rather than 100,000 lookups.
    const QByteArray near = up ? "x.from_id" : "x.to_id";
    const int nearColumn = up ? 1 : 2;
    const int farColumn = up ? 2 : 1;
    QVector<qint64> frontier{focus};
    for (int depth = 0; !frontier.isEmpty() && (maxDepth < 0 || depth < maxDepth); ++depth) {
        QVector<qint64> next;
        // Within one direction each relation is met once: its near end joins the frontier once.
        const QString error =
            forEachById(m_db.connection(), kEdgeColumns, near, nearColumn, frontier, [&](sqlite3_stmt *s) {
                if (!walked.earlierEdges.isEmpty() && walked.earlierEdges.contains(sqlite3_column_int64(s, 0)))
                    return;
                walked.edges.append(edgeFromRow(s));
                const qint64 other = sqlite3_column_int64(s, farColumn);
                if (walked.nodeIds.insert(other))
                    next.append(other);
            });
        if (!error.isEmpty())
            return failed(tr("Reading the relations of the graph"), error);
        frontier = std::move(next);
    }
    return Ok{};
}

Result<GraphSnapshot> GraphRepository::read(const GraphScope &scope) const
{
    if (scope.focus == 0) {
        GraphLoad load;
        while (!load.done()) {
            if (Status s = readSlice(load, 100000); !s)
                return s.error();
        }
        return std::move(load.snapshot);
    }
    Walked walked;
    walked.nodeIds.insert(scope.focus);
    bool first = true;
    for (GraphDirection d : {GraphDirection::Upstream, GraphDirection::Downstream}) {
        if (scope.direction != GraphDirection::Both && scope.direction != d)
            continue;
        if (!first) {
            walked.earlierEdges.reserve(walked.edges.size());
            for (const GraphEdge &e : std::as_const(walked.edges))
                walked.earlierEdges.insert(e.id);
        }
        first = false;
        if (Status s = walk(scope.focus, d, scope.maxDepth, walked); !s)
            return s.error();
    }
    Result<QVector<GraphNode>> found = nodes(walked.nodeIds.sorted());
    if (!found)
        return found.error();
    QVector<GraphNode> list = std::move(found).value();
    const auto byId = [](const GraphNode &n, qint64 id) { return n.id < id; };
    const auto focus = std::lower_bound(list.begin(), list.end(), scope.focus, byId);
    if (focus == list.end() || focus->id != scope.focus)
        return Error{ErrorCode::NotFound, tr("There is no record with id %1.").arg(scope.focus)};
    // The focus first, the rest by id (LineageGraph indexes that without sorting).
    std::rotate(list.begin(), focus, focus + 1);
    return GraphSnapshot{std::move(list), std::move(walked.edges)};
}

Status GraphRepository::readSlice(GraphLoad &load, int rows) const
{
    if (load.totalNodes < 0) {
        SqliteStatement count(m_db.connection(),
                              "SELECT (SELECT count(*) FROM record), (SELECT count(*) FROM relation)");
        if (!count.ok() || sqlite3_step(count.get()) != SQLITE_ROW)
            return failed(tr("Counting the records of the graph"), count.errorText());
        load.totalNodes = sqlite3_column_int64(count.get(), 0);
        load.totalEdges = sqlite3_column_int64(count.get(), 1);
    }
    const bool nodes = !load.nodesDone;
    if (!nodes && load.edgesDone)
        return Ok{};
    const QString what = nodes ? tr("Reading the records of the graph") : tr("Reading the relations of the graph");
    QByteArray sql = QByteArray(kEdgeColumns) + "x.id > ? ORDER BY x.id LIMIT ?";
    if (nodes)
        sql = QByteArray(kNodeColumns) + kDigestColumn + kFromRecord + "r.id > ? ORDER BY r.id LIMIT ?";
    SqliteStatement q(m_db.connection(), sql);
    if (!q.ok())
        return failed(what, q.errorText());
    sqlite3_bind_int64(q.get(), 1, nodes ? load.lastNodeId : load.lastEdgeId);
    sqlite3_bind_int(q.get(), 2, rows);
    int read = 0;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
        if (nodes) {
            GraphNode &n = load.snapshot.nodes.emplaceBack();
            nodeFromRow(q.get(), n);
            n.hasDigest = sqlite3_column_int(q.get(), 7) != 0;
            load.lastNodeId = n.id;
        } else {
            load.snapshot.edges.append(edgeFromRow(q.get()));
            load.lastEdgeId = load.snapshot.edges.constLast().id;
        }
        ++read;
    }
    if (rc != SQLITE_DONE)
        return failed(what, q.errorText());
    (nodes ? load.nodesDone : load.edgesDone) = read < rows;
    return Ok{};
}

Result<QByteArray> GraphRepository::layout(const QByteArray &key) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT data FROM graph_layout WHERE key = ?"_s);
    q.addBindValue(QString::fromLatin1(key));
    if (!q.exec())
        return m_db.sqlError(tr("Reading a stored graph layout"), q.lastError());
    if (!q.next())
        return QByteArray();
    return q.value(0).toByteArray();
}

Status GraphRepository::storeLayout(const QByteArray &key, const QByteArray &data, int nodeCount)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT OR REPLACE INTO graph_layout (key, node_count, data, created_at) VALUES (?, ?, ?, ?)"_s);
    q.addBindValue(QString::fromLatin1(key));
    q.addBindValue(nodeCount);
    q.addBindValue(data);
    q.addBindValue(sql::timeToText(QDateTime::currentDateTimeUtc()));
    if (!q.exec())
        return m_db.sqlError(tr("Storing a graph layout"), q.lastError());
    q.finish();
    q.prepare(u"DELETE FROM graph_layout WHERE key NOT IN "
              "(SELECT key FROM graph_layout ORDER BY created_at DESC, rowid DESC LIMIT ?)"_s);
    q.addBindValue(kLayoutsKept);
    if (!q.exec())
        return m_db.sqlError(tr("Removing old graph layouts"), q.lastError());
    return Ok{};
}

} // namespace strata
