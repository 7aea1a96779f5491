// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/GraphRepository.h"

#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

/// Ids per statement: bound as one JSON array and expanded by json_each, which the relation indexes then serve.
constexpr int kIdsPerQuery = 50000;

const QString kNodeColumns =
    u"SELECT r.id, r.kind, r.name, r.version, r.placeholder, r.license <> '', "
    "EXISTS (SELECT 1 FROM artifact a WHERE a.record_id = r.id AND a.digest <> ''), "
    "CASE WHEN r.kind = 'supplier' THEN json_extract(r.attributes, '$.certifications') END FROM record r "_s;

const QString kEdgeColumns = u"SELECT x.id, x.from_id, x.to_id, x.type, x.subtype FROM relation x "_s;

GraphNode nodeFromQuery(const QSqlQuery &q)
{
    GraphNode n;
    n.id = q.value(0).toLongLong();
    n.kind = recordKindFromKey(q.value(1).toString()).value_or(RecordKind::Model);
    n.name = q.value(2).toString();
    n.version = q.value(3).toString();
    n.placeholder = q.value(4).toBool();
    n.hasLicense = q.value(5).toBool();
    n.hasDigest = q.value(6).toBool();
    const QString certifications = q.value(7).toString();
    if (!certifications.isEmpty()) {
        // The certification that lapses first is the one a reviewer has to chase.
        const QJsonArray list = QJsonDocument::fromJson(certifications.toUtf8()).array();
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

GraphEdge edgeFromQuery(const QSqlQuery &q)
{
    GraphEdge e;
    e.id = q.value(0).toLongLong();
    e.from = q.value(1).toLongLong();
    e.to = q.value(2).toLongLong();
    e.type = relationTypeFromKey(q.value(3).toString()).value_or(RelationType::DependsOn);
    e.subtype = q.value(4).toString();
    return e;
}

QString jsonIds(const QVector<qint64> &ids, qsizetype first, qsizetype count)
{
    QString text;
    text.reserve(count * 8 + 2);
    text += u'[';
    for (qsizetype i = first; i < first + count; ++i) {
        if (i > first)
            text += u',';
        text += QString::number(ids.at(i));
    }
    text += u']';
    return text;
}

} // namespace

GraphRepository::GraphRepository(const Database &db)
    : m_db(db)
{
}

Result<QVector<GraphNode>> GraphRepository::nodes(const QVector<qint64> &ids) const
{
    QHash<qint64, GraphNode> byId;
    byId.reserve(ids.size());
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(kNodeColumns + u"WHERE r.id IN (SELECT value FROM json_each(?))"_s);
    for (qsizetype first = 0; first < ids.size(); first += kIdsPerQuery) {
        q.addBindValue(jsonIds(ids, first, std::min<qsizetype>(kIdsPerQuery, ids.size() - first)));
        if (!q.exec())
            return m_db.sqlError(tr("Reading the records of the graph"), q.lastError());
        while (q.next()) {
            GraphNode n = nodeFromQuery(q);
            byId.insert(n.id, std::move(n));
        }
        q.finish();
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

Result<QVector<GraphEdge>> GraphRepository::edgesAt(const QVector<qint64> &ids, GraphDirection direction) const
{
    QVector<GraphEdge> edges;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    const QString column = direction == GraphDirection::Upstream ? u"x.from_id"_s : u"x.to_id"_s;
    q.prepare(kEdgeColumns + u"WHERE %1 IN (SELECT value FROM json_each(?))"_s.arg(column));
    for (qsizetype first = 0; first < ids.size(); first += kIdsPerQuery) {
        q.addBindValue(jsonIds(ids, first, std::min<qsizetype>(kIdsPerQuery, ids.size() - first)));
        if (!q.exec())
            return m_db.sqlError(tr("Reading the relations of the graph"), q.lastError());
        while (q.next())
            edges.append(edgeFromQuery(q));
        q.finish();
    }
    return edges;
}

Status GraphRepository::walk(qint64 focus,
                             GraphDirection direction,
                             int maxDepth,
                             QSet<qint64> &nodeIds,
                             QVector<qint64> &order,
                             QSet<qint64> &edgeIds,
                             QVector<GraphEdge> &edges) const
{
    QVector<qint64> frontier{focus};
    for (int depth = 0; !frontier.isEmpty() && (maxDepth < 0 || depth < maxDepth); ++depth) {
        Result<QVector<GraphEdge>> found = edgesAt(frontier, direction);
        if (!found)
            return found.error();
        QVector<qint64> next;
        for (const GraphEdge &e : std::as_const(found.value())) {
            if (edgeIds.contains(e.id))
                continue;
            edgeIds.insert(e.id);
            edges.append(e);
            const qint64 other = direction == GraphDirection::Upstream ? e.to : e.from;
            if (!nodeIds.contains(other)) {
                nodeIds.insert(other);
                order.append(other);
                next.append(other);
            }
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
    QSet<qint64> nodeIds{scope.focus};
    QVector<qint64> order{scope.focus};
    QSet<qint64> edgeIds;
    GraphSnapshot snapshot;
    if (scope.direction != GraphDirection::Downstream) {
        if (Status s =
                walk(scope.focus, GraphDirection::Upstream, scope.maxDepth, nodeIds, order, edgeIds, snapshot.edges);
            !s)
            return s.error();
    }
    if (scope.direction != GraphDirection::Upstream) {
        if (Status s =
                walk(scope.focus, GraphDirection::Downstream, scope.maxDepth, nodeIds, order, edgeIds, snapshot.edges);
            !s)
            return s.error();
    }
    Result<QVector<GraphNode>> nodes = this->nodes(order);
    if (!nodes)
        return nodes.error();
    if (nodes.value().isEmpty() || nodes.value().constFirst().id != scope.focus)
        return Error{ErrorCode::NotFound, tr("There is no record with id %1.").arg(scope.focus)};
    snapshot.nodes = std::move(nodes).value();
    return snapshot;
}

Status GraphRepository::readSlice(GraphLoad &load, int rows) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (load.totalNodes < 0) {
        if (!q.exec(u"SELECT (SELECT count(*) FROM record), (SELECT count(*) FROM relation)"_s) || !q.next())
            return m_db.sqlError(tr("Counting the records of the graph"), q.lastError());
        load.totalNodes = q.value(0).toLongLong();
        load.totalEdges = q.value(1).toLongLong();
        q.finish();
    }
    if (!load.nodesDone) {
        q.prepare(kNodeColumns + u"WHERE r.id > ? ORDER BY r.id LIMIT ?"_s);
        q.addBindValue(load.lastNodeId);
        q.addBindValue(rows);
        if (!q.exec())
            return m_db.sqlError(tr("Reading the records of the graph"), q.lastError());
        int read = 0;
        while (q.next()) {
            load.snapshot.nodes.append(nodeFromQuery(q));
            load.lastNodeId = load.snapshot.nodes.constLast().id;
            ++read;
        }
        load.nodesDone = read < rows;
        return Ok{};
    }
    if (!load.edgesDone) {
        q.prepare(kEdgeColumns + u"WHERE x.id > ? ORDER BY x.id LIMIT ?"_s);
        q.addBindValue(load.lastEdgeId);
        q.addBindValue(rows);
        if (!q.exec())
            return m_db.sqlError(tr("Reading the relations of the graph"), q.lastError());
        int read = 0;
        while (q.next()) {
            load.snapshot.edges.append(edgeFromQuery(q));
            load.lastEdgeId = load.snapshot.edges.constLast().id;
            ++read;
        }
        load.edgesDone = read < rows;
    }
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
