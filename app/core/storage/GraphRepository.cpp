// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/GraphRepository.h"

#include "storage/Database.h"
#include "storage/SqlValues.h"
#include "storage/SqliteStatement.h"

#include <QHash>
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

const char *const kNodeColumns =
    "SELECT r.id, r.kind, r.name, r.version, r.placeholder, r.license <> '', "
    "EXISTS (SELECT 1 FROM artifact a WHERE a.record_id = r.id AND a.digest <> ''), "
    "CASE WHEN r.kind = 'supplier' THEN json_extract(r.attributes, '$.certifications') END FROM record r ";
const char *const kEdgeColumns = "SELECT x.id, x.from_id, x.to_id, x.type, x.subtype FROM relation x ";

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

/// A record from the node columns starting at `at`.
GraphNode nodeFromRow(sqlite3_stmt *s, int at = 0)
{
    GraphNode n;
    n.id = sqlite3_column_int64(s, at);
    n.kind = keyed(s, at + 1, kindKeys()).value_or(RecordKind::Model);
    n.name = text(s, at + 2);
    n.version = text(s, at + 3);
    n.placeholder = sqlite3_column_int(s, at + 4) != 0;
    n.hasLicense = sqlite3_column_int(s, at + 5) != 0;
    n.hasDigest = sqlite3_column_int(s, at + 6) != 0;
    if (sqlite3_column_type(s, at + 7) != SQLITE_NULL) {
        // The certification that lapses first is the one a reviewer has to chase.
        const QJsonArray list = QJsonDocument::fromJson(text(s, at + 7).toUtf8()).array();
        for (const QJsonValue &value : list) {
            const QJsonObject c = value.toObject();
            const QDate until = QDate::fromString(c.value(u"valid_until"_s).toString(), Qt::ISODate);
            if (until.isValid() && (!n.certificationValidUntil.isValid() || until < n.certificationValidUntil)) {
                n.certificationValidUntil = until;
                n.certification = c.value(u"name"_s).toString();
            }
        }
    }
    return n;
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
    if (!std::is_sorted(sorted.cbegin(), sorted.cend()))
        std::sort(sorted.begin(), sorted.end());
    const IdRuns runs = splitIntoRuns(sorted);
    if (!runs.ranges.isEmpty()) {
        SqliteStatement q(connection, select + "WHERE " + key + " BETWEEN ? AND ?");
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
    SqliteStatement q(connection, select + "WHERE " + key + " IN (SELECT value FROM json_each(?))");
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
    const QString error = forEachById(m_db.connection(), kNodeColumns, "r.id", 0, ids,
                                      [&list](sqlite3_stmt *s) { list.append(nodeFromRow(s)); });
    if (!error.isEmpty())
        return failed(tr("Reading the records of the graph"), error);
    // Each read returns ascending ids; ranges and the scattered rest are merged here. Sorted, the snapshot needs no
    // sorting when it is indexed (LineageGraph).
    const auto byId = [](const GraphNode &a, const GraphNode &b) { return a.id < b.id; };
    if (!std::is_sorted(list.cbegin(), list.cend(), byId))
        std::sort(list.begin(), list.end(), byId);
    return list;
}

struct GraphRepository::Walked
{
    QSet<qint64> nodeIds;
    QVector<qint64> reached; ///< the focus first, then in the order reached
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
                if (!walked.nodeIds.contains(other)) {
                    walked.nodeIds.insert(other);
                    next.append(other);
                }
            });
        if (!error.isEmpty())
            return failed(tr("Reading the relations of the graph"), error);
        walked.reached += next;
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
    walked.reached.append(scope.focus);
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
    Result<QVector<GraphNode>> found = nodes(walked.reached);
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
    SqliteStatement q(m_db.connection(), nodes ? QByteArray(kNodeColumns) + "WHERE r.id > ? ORDER BY r.id LIMIT ?"
                                               : QByteArray(kEdgeColumns) + "WHERE x.id > ? ORDER BY x.id LIMIT ?");
    if (!q.ok())
        return failed(what, q.errorText());
    sqlite3_bind_int64(q.get(), 1, nodes ? load.lastNodeId : load.lastEdgeId);
    sqlite3_bind_int(q.get(), 2, rows);
    int read = 0;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
        if (nodes) {
            load.snapshot.nodes.append(nodeFromRow(q.get()));
            load.lastNodeId = load.snapshot.nodes.constLast().id;
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
