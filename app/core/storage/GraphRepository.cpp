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

#include <cstring>
#include <optional>
#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

/// Ids per statement: bound as one JSON array and expanded by json_each, which the relation indexes then serve.
constexpr int kIdsPerQuery = 50000;

const char *const kNodeColumns =
    "SELECT r.id, r.kind, r.name, r.version, r.placeholder, r.license <> '', "
    "EXISTS (SELECT 1 FROM artifact a WHERE a.record_id = r.id AND a.digest <> ''), "
    "CASE WHEN r.kind = 'supplier' THEN json_extract(r.attributes, '$.certifications') END FROM record r ";
const char *const kEdgeColumns = "SELECT x.id, x.from_id, x.to_id, x.type, x.subtype FROM relation x ";
/// A relation and the record at its far end, for walks.
const char *const kStepColumns =
    "SELECT x.id, x.from_id, x.to_id, x.type, x.subtype, r.id, r.kind, r.name, r.version, r.placeholder, "
    "r.license <> '', EXISTS (SELECT 1 FROM artifact a WHERE a.record_id = r.id AND a.digest <> ''), "
    "CASE WHEN r.kind = 'supplier' THEN json_extract(r.attributes, '$.certifications') END FROM relation x ";

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

/// A record from the node columns starting at `at` (0 in kNodeColumns, 5 after the edge columns).
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

GraphEdge edgeFromRow(sqlite3_stmt *s)
{
    GraphEdge e;
    e.id = sqlite3_column_int64(s, 0);
    e.from = sqlite3_column_int64(s, 1);
    e.to = sqlite3_column_int64(s, 2);
    e.type = keyed(s, 3, typeKeys()).value_or(RelationType::DependsOn);
    if (sqlite3_column_bytes(s, 4) > 0)
        e.subtype = text(s, 4);
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
    QHash<qint64, GraphNode> byId;
    byId.reserve(ids.size());
    SqliteStatement q(m_db.connection(), QByteArray(kNodeColumns) + "WHERE r.id IN (SELECT value FROM json_each(?))");
    if (!q.ok())
        return failed(tr("Reading the records of the graph"), q.errorText());
    for (qsizetype first = 0; first < ids.size(); first += kIdsPerQuery) {
        const QByteArray json = jsonIds(ids, first, std::min<qsizetype>(kIdsPerQuery, ids.size() - first));
        sqlite3_reset(q.get());
        sqlite3_bind_text(q.get(), 1, json.constData(), int(json.size()), SQLITE_STATIC);
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
            GraphNode n = nodeFromRow(q.get());
            byId.insert(n.id, std::move(n));
        }
        if (rc != SQLITE_DONE)
            return failed(tr("Reading the records of the graph"), q.errorText());
    }
    QVector<GraphNode> list;
    list.reserve(byId.size());
    for (qint64 id : ids) {
        const auto it = byId.constFind(id);
        if (it != byId.cend())
            list.append(it.value());
    }
    return list;
}

struct GraphRepository::Walked
{
    QSet<qint64> nodeIds;
    QVector<GraphNode> nodes;
    QSet<qint64> edgeIds;
    QVector<GraphEdge> edges;
};

Status GraphRepository::walk(qint64 focus, GraphDirection direction, int maxDepth, Walked &walked) const
{
    const bool up = direction == GraphDirection::Upstream;
    SqliteStatement q(m_db.connection(), QByteArray(kStepColumns) +
                                             (up ? "JOIN record r ON r.id = x.to_id WHERE x.from_id"
                                                 : "JOIN record r ON r.id = x.from_id WHERE x.to_id") +
                                             " IN (SELECT value FROM json_each(?))");
    if (!q.ok())
        return failed(tr("Reading the relations of the graph"), q.errorText());
    QVector<qint64> frontier{focus};
    for (int depth = 0; !frontier.isEmpty() && (maxDepth < 0 || depth < maxDepth); ++depth) {
        QVector<qint64> next;
        for (qsizetype first = 0; first < frontier.size(); first += kIdsPerQuery) {
            const QByteArray json =
                jsonIds(frontier, first, std::min<qsizetype>(kIdsPerQuery, frontier.size() - first));
            sqlite3_reset(q.get());
            sqlite3_bind_text(q.get(), 1, json.constData(), int(json.size()), SQLITE_STATIC);
            int rc = SQLITE_ROW;
            while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
                const qint64 relationId = sqlite3_column_int64(q.get(), 0);
                if (walked.edgeIds.contains(relationId))
                    continue;
                walked.edgeIds.insert(relationId);
                walked.edges.append(edgeFromRow(q.get()));
                const qint64 other = sqlite3_column_int64(q.get(), 5);
                if (!walked.nodeIds.contains(other)) {
                    walked.nodeIds.insert(other);
                    walked.nodes.append(nodeFromRow(q.get(), 5));
                    next.append(other);
                }
            }
            if (rc != SQLITE_DONE)
                return failed(tr("Reading the relations of the graph"), q.errorText());
        }
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
    Result<QVector<GraphNode>> focus = nodes({scope.focus});
    if (!focus)
        return focus.error();
    if (focus.value().isEmpty())
        return Error{ErrorCode::NotFound, tr("There is no record with id %1.").arg(scope.focus)};
    Walked walked;
    walked.nodeIds.insert(scope.focus);
    walked.nodes = focus.value();
    for (GraphDirection d : {GraphDirection::Upstream, GraphDirection::Downstream}) {
        if (scope.direction != GraphDirection::Both && scope.direction != d)
            continue;
        if (Status s = walk(scope.focus, d, scope.maxDepth, walked); !s)
            return s.error();
    }
    return GraphSnapshot{std::move(walked.nodes), std::move(walked.edges)};
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
