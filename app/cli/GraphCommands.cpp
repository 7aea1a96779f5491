// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "GraphCommands.h"

#include "CommandLine.h"
#include "Output.h"
#include "graph/GraphExport.h"
#include "graph/GraphQueries.h"
#include "graph/GraphRisk.h"
#include "graph/LineageGraph.h"
#include "util/AtomicFile.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

QString relationText(const GraphEdge &edge)
{
    return edge.subtype.isEmpty() ? relationTypeKey(edge.type)
                                  : u"%1 (%2)"_s.arg(relationTypeKey(edge.type), edge.subtype);
}

QJsonObject relationJson(const GraphEdge &edge)
{
    QJsonObject o{{u"from"_s, edge.from}, {u"type"_s, relationTypeKey(edge.type)}, {u"to"_s, edge.to}};
    o.insert(u"subtype"_s, edge.subtype.isEmpty() ? QJsonValue() : QJsonValue(edge.subtype));
    return o;
}

QJsonObject recordJson(const GraphNode &node)
{
    QJsonObject o{{u"id"_s, node.id}, {u"kind"_s, recordKindKey(node.kind)}, {u"name"_s, node.name}};
    o.insert(u"version"_s, node.version.isEmpty() ? QJsonValue() : QJsonValue(node.version));
    o.insert(u"risk"_s, QJsonArray::fromStringList(GraphRisk::reasonKeys(GraphRisk::reasonsOf(node))));
    return o;
}

QString recordLabel(const GraphNode &node)
{
    return node.version.isEmpty() ? node.name : u"%1@%2"_s.arg(node.name, node.version);
}

std::optional<GraphDirection> directionFromKey(const QString &key)
{
    if (key == u"up"_s)
        return GraphDirection::Upstream;
    if (key == u"down"_s)
        return GraphDirection::Downstream;
    if (key == u"both"_s)
        return GraphDirection::Both;
    return std::nullopt;
}

} // namespace

GraphCommands::GraphCommands(const GlobalOptions &options, const Output &out)
    : m_options(options)
    , m_out(out)
{
}

QList<CommandSpec> GraphCommands::specs()
{
    QList<CommandSpec> specs;
    specs.append({u"lineage"_s,
                  tr("ID"),
                  tr("List everything a record is made of, with the path to each"),
                  tr("Walks the relations upstream of the record: what it derives from, was trained and evaluated\n"
                     "on, depends on and is hosted on, then what those are made of, and the suppliers of all of\n"
                     "them. Each record is listed once, at its shortest distance, with the relation it was reached\n"
                     "by. Cycles in the relations are followed once. With --json, prints an array of records, each\n"
                     "with its distance, its path of ids from ID, the relations of that path and its own risks."),
                  {},
                  {tr("ID")},
                  1});
    specs.append({u"impact"_s,
                  tr("ID"),
                  tr("List everything built on a record: the blast radius of a problem in it"),
                  tr("Walks the relations downstream of the record: what derives from it, was trained or evaluated\n"
                     "on it, depends on it or runs on it, then what is built on those. For a supplier: what it\n"
                     "provides and everything built on that. Output as for lineage."),
                  {},
                  {tr("ID")},
                  1});
    specs.append({u"paths"_s,
                  tr("FROM_ID TO_ID"),
                  tr("Show how two records are connected"),
                  tr("Lists the chains of relations from FROM_ID up to TO_ID (FROM_ID is made of TO_ID), or, when\n"
                     "there is none, from FROM_ID down to TO_ID (TO_ID is built on FROM_ID); shortest first.\n"
                     "No record appears twice in a path. At most %1 paths of at most %2 relations are listed;\n"
                     "\"truncated\" says when there may be more. Finding no path is not an error.")
                      .arg(PathOptions().maxPaths)
                      .arg(PathOptions().maxLength),
                  {},
                  {tr("FROM_ID"), tr("TO_ID")},
                  2});
    specs.append(
        {u"graph"_s,
         tr("[--focus ID] [--direction up|down|both] [--depth N] --format svg|png|dot -o FILE | cycles | orphans"),
         tr("Draw the lineage graph as SVG, PNG or DOT; list its cycles and orphan models"),
         tr("Without --focus, draws the whole workspace. With --focus, draws the record and what is reachable\n"
            "from it: upstream (up: what it is made of), downstream (down: what is built on it) or both (the\n"
            "default), at most --depth relations away. What a record is made of is drawn above it. Shapes and\n"
            "colours show the kind of record; a red outline marks a record that is risky in itself (unverified,\n"
            "no license, no digest, expired certification) and an orange one a record that inherits risk from\n"
            "a record upstream of it in the picture. dot writes Graphviz's DOT language, for other tools.\n"
            "The file is replaced atomically; its folder must exist.\n"
            "graph cycles    groups of records that are made of themselves through their relations (a loop\n"
            "                of depends_on, a self-reference from old data), each with the relations between\n"
            "                its records. Queries still terminate on them, but a loop is usually a data error.\n"
            "graph orphans   models with no known origin: neither derived from another record nor provided\n"
            "                by a supplier. Their lineage cannot be reviewed until one is recorded.\n"
            "Finding cycles or orphans is not an error: both exit with 0."),
         {{u"focus"_s, tr("ID"), tr("the record to draw around (default: the whole workspace)"), false, false},
          {u"direction"_s, tr("DIRECTION"), tr("up, down or both (default: both); needs --focus"), false, false},
          {u"depth"_s, tr("N"), tr("at most N relations from the focus (default: no limit); needs --focus"), false,
           false},
          {u"format"_s, tr("FORMAT"), tr("svg, png or dot"), false, false},
          {u"output"_s, tr("FILE"), tr("the file to write"), false, false, u'o'}},
         {tr("cycles|orphans")},
         0});
    return specs;
}

int GraphCommands::run(const QString &command, const CommandArguments &arguments)
{
    if (command == u"lineage"_s)
        return walk(arguments, GraphDirection::Upstream);
    if (command == u"impact"_s)
        return walk(arguments, GraphDirection::Downstream);
    if (command == u"paths"_s)
        return paths(arguments);
    if (command == u"graph"_s) {
        const QString action = arguments.positional.value(0);
        if (action.isEmpty())
            return picture(arguments);
        if (action != u"cycles"_s && action != u"orphans"_s)
            return m_out.usageError(tr("Unknown graph command \"%1\"; use cycles or orphans, or draw the graph with "
                                       "--format and -o.")
                                        .arg(action));
        if (!arguments.options.isEmpty())
            return m_out.usageError(tr("\"graph %1\" takes no options; it looks at the whole workspace.").arg(action));
        return action == u"cycles"_s ? cycles() : orphans();
    }
    return m_out.usageError(tr("Unknown command \"%1\".").arg(command));
}

int GraphCommands::walk(const CommandArguments &arguments, GraphDirection direction)
{
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Workspace &workspace = *opened.value();
    const Result<qint64> id = workspace.resolve(arguments.positional.at(0));
    if (!id)
        return m_out.fail(id.error());
    // Only what is reachable is read: an impact in a million-relation workspace reads just its own part.
    Result<GraphSnapshot> part = workspace.graph({id.value(), direction, -1});
    if (!part)
        return m_out.fail(part.error());
    const LineageGraph graph(std::move(part).value());
    const Traversal walked = graphquery::traverse(graph, graph.indexOf(id.value()), {direction});
    printWalk(graph, walked, direction);
    return 0;
}

void GraphCommands::printWalk(const LineageGraph &graph, const Traversal &walked, GraphDirection direction) const
{
    if (m_out.isJson()) {
        QJsonArray array;
        for (int i = 1; i < walked.reached.size(); ++i) {
            const ReachedNode &r = walked.reached.at(i);
            QJsonObject o = recordJson(graph.node(r.node));
            o.insert(u"distance"_s, r.distance);
            QJsonArray path;
            QJsonArray relations;
            for (int entry : graphquery::pathTo(walked, i)) {
                const ReachedNode &step = walked.reached.at(entry);
                path.append(graph.node(step.node).id);
                if (step.edge >= 0)
                    relations.append(relationJson(graph.edge(step.edge)));
            }
            o.insert(u"path"_s, path);
            o.insert(u"relations"_s, relations);
            array.append(o);
        }
        m_out.printJson(array);
        return;
    }
    const GraphNode &start = graph.node(walked.reached.first().node);
    const int count = static_cast<int>(walked.reached.size()) - 1;
    if (count == 0) {
        m_out.print(direction == GraphDirection::Upstream
                        ? tr("Nothing is recorded upstream of %1 (id %2).").arg(recordLabel(start)).arg(start.id)
                        : tr("Nothing is recorded downstream of %1 (id %2).").arg(recordLabel(start)).arg(start.id));
        return;
    }
    m_out.print(direction == GraphDirection::Upstream
                    ? tr("%n record(s) upstream of %1 (id %2):", "", count).arg(recordLabel(start)).arg(start.id)
                    : tr("%n record(s) downstream of %1 (id %2):", "", count).arg(recordLabel(start)).arg(start.id));
    QList<QStringList> rows;
    for (int i = 1; i < walked.reached.size(); ++i) {
        const ReachedNode &r = walked.reached.at(i);
        const GraphNode &n = graph.node(r.node);
        const GraphNode &parent = graph.node(walked.reached.at(r.parent).node);
        rows.append({QString::number(r.distance), QString::number(n.id), recordKindKey(n.kind), n.name, n.version,
                     relationText(graph.edge(r.edge)), recordLabel(parent)});
    }
    m_out.printTable({tr("DISTANCE"), tr("ID"), tr("KIND"), tr("NAME"), tr("VERSION"), tr("RELATION"), tr("VIA")},
                     rows);
}

int GraphCommands::paths(const CommandArguments &arguments)
{
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Workspace &workspace = *opened.value();
    const Result<qint64> from = workspace.resolve(arguments.positional.at(0));
    if (!from)
        return m_out.fail(from.error());
    const Result<qint64> to = workspace.resolve(arguments.positional.at(1));
    if (!to)
        return m_out.fail(to.error());

    // Every path upstream of FROM lies in its lineage, every path downstream in its impact: read one, then the
    // other only if needed.
    std::unique_ptr<LineageGraph> graph;
    PathSearch found;
    for (GraphDirection direction : {GraphDirection::Upstream, GraphDirection::Downstream}) {
        Result<GraphSnapshot> part = workspace.graph({from.value(), direction, -1});
        if (!part)
            return m_out.fail(part.error());
        graph = std::make_unique<LineageGraph>(std::move(part).value());
        const int a = graph->indexOf(from.value());
        const int b = graph->indexOf(to.value());
        if (b < 0)
            continue;
        found = graphquery::paths(*graph, a, b);
        if (!found.paths.isEmpty())
            break;
    }
    const auto nameOf = [&workspace](qint64 id) {
        const Result<Record> r = workspace.record(id);
        return r ? (r.value().version.isEmpty() ? r.value().name : u"%1@%2"_s.arg(r.value().name, r.value().version))
                 : QString::number(id);
    };

    const bool upstream = found.direction == GraphDirection::Upstream;
    if (m_out.isJson()) {
        QJsonArray list;
        for (const GraphPath &p : found.paths) {
            QJsonArray records;
            QJsonArray relations;
            for (int v : p.nodes)
                records.append(graph->node(v).id);
            for (int e : p.edges)
                relations.append(relationJson(graph->edge(e)));
            list.append(
                QJsonObject{{u"length"_s, p.edges.size()}, {u"records"_s, records}, {u"relations"_s, relations}});
        }
        m_out.printJson(QJsonObject{{u"from"_s, from.value()},
                                    {u"to"_s, to.value()},
                                    {u"direction"_s, found.paths.isEmpty() ? QJsonValue()
                                                     : upstream            ? QJsonValue(u"upstream"_s)
                                                                           : QJsonValue(u"downstream"_s)},
                                    {u"truncated"_s, found.truncated},
                                    {u"paths"_s, list}});
        return 0;
    }
    if (found.paths.isEmpty()) {
        m_out.print(tr("%1 and %2 are not connected by relations in either direction.")
                        .arg(nameOf(from.value()), nameOf(to.value())));
        return 0;
    }
    const int count = static_cast<int>(found.paths.size());
    m_out.print(upstream
                    ? tr("%n path(s): %1 is made of %2.", "", count).arg(nameOf(from.value()), nameOf(to.value()))
                    : tr("%n path(s): %2 is built on %1.", "", count).arg(nameOf(from.value()), nameOf(to.value())));
    for (const GraphPath &p : found.paths) {
        QString line = recordLabel(graph->node(p.nodes.first()));
        for (int k = 0; k < p.edges.size(); ++k) {
            line += upstream ? u" —%1→ "_s.arg(relationText(graph->edge(p.edges.at(k))))
                             : u" ←%1— "_s.arg(relationText(graph->edge(p.edges.at(k))));
            line += recordLabel(graph->node(p.nodes.at(k + 1)));
        }
        m_out.print(u"  "_s + line);
    }
    if (found.truncated)
        m_out.print(tr("There may be more paths: only the first %1 of at most %2 relations were searched for.")
                        .arg(PathOptions().maxPaths)
                        .arg(PathOptions().maxLength));
    return 0;
}

int GraphCommands::picture(const CommandArguments &arguments)
{
    for (const QString &needed : {u"format"_s, u"output"_s}) {
        if (!arguments.has(needed))
            return m_out.usageError(tr("\"graph\" needs --format and -o to draw a picture; usage: strata-cli graph %1")
                                        .arg(specs().constLast().synopsis));
    }
    const std::optional<GraphFormat> format = GraphExport::formatFromKey(arguments.value(u"format"_s));
    if (!format) {
        return m_out.usageError(tr("Unknown graph format \"%1\"; use one of: %2.")
                                    .arg(arguments.value(u"format"_s), GraphExport::formatKeys().join(u", "_s)));
    }
    const bool focused = arguments.has(u"focus"_s);
    GraphScope scope;
    if (arguments.has(u"direction"_s)) {
        const std::optional<GraphDirection> direction = directionFromKey(arguments.value(u"direction"_s));
        if (!direction)
            return m_out.usageError(
                tr("--direction takes up, down or both; got \"%1\".").arg(arguments.value(u"direction"_s)));
        scope.direction = *direction;
    }
    if (arguments.has(u"depth"_s)) {
        bool ok = false;
        scope.maxDepth = arguments.value(u"depth"_s).toInt(&ok);
        if (!ok || scope.maxDepth < 0)
            return m_out.usageError(
                tr("--depth takes a number of relations, 0 or more; got \"%1\".").arg(arguments.value(u"depth"_s)));
    }
    if (!focused && (arguments.has(u"direction"_s) || arguments.has(u"depth"_s)))
        return m_out.usageError(tr("--direction and --depth describe a view around a record: give it with --focus."));
    const QString output = arguments.value(u"output"_s);
    if (output.isEmpty())
        return m_out.usageError(tr("-o needs the name of the file to write."));
    if (const Status folder = CommandLine::checkOutputFolder(output); !folder)
        return m_out.fail(folder.error());

    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Workspace &workspace = *opened.value();
    if (focused) {
        const Result<qint64> id = workspace.resolve(arguments.value(u"focus"_s));
        if (!id)
            return m_out.fail(id.error());
        scope.focus = id.value();
    }
    Result<GraphSnapshot> view = workspace.graph(scope);
    if (!view)
        return m_out.fail(view.error());
    const LineageGraph graph(view.value());
    const RiskMap map = GraphRisk::propagate(graph);
    ExportRisk risk;
    for (const NodeRisk &r : map.nodes) {
        risk.reasons.append(r.reasons);
        risk.inherits.append(r.inherits());
    }
    const Result<QByteArray> written = GraphExport::write(graph.snapshot(), *format, risk);
    if (!written)
        return m_out.fail(written.error());
    if (const Status saved = AtomicFile::write(output, written.value()); !saved)
        return m_out.fail(saved.error());

    const int records = graph.nodeCount();
    const int relations = graph.edgeCount();
    if (m_out.isJson()) {
        m_out.printJson(QJsonObject{{u"file"_s, QFileInfo(output).absoluteFilePath()},
                                    {u"format"_s, GraphExport::formatKey(*format)},
                                    {u"records"_s, records},
                                    {u"relations"_s, relations},
                                    {u"bytes"_s, written.value().size()}});
        return 0;
    }
    m_out.print(
        tr("Wrote %1 (%n record(s), %2 relations).", "", records).arg(QDir::toNativeSeparators(output)).arg(relations));
    return 0;
}

Result<std::unique_ptr<LineageGraph>> GraphCommands::wholeGraph() const
{
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return opened.error();
    Result<GraphSnapshot> all = opened.value()->graph({});
    if (!all)
        return all.error();
    return std::make_unique<LineageGraph>(std::move(all).value());
}

int GraphCommands::cycles()
{
    const Result<std::unique_ptr<LineageGraph>> loaded = wholeGraph();
    if (!loaded)
        return m_out.fail(loaded.error());
    const LineageGraph &graph = *loaded.value();
    const QVector<QVector<int>> groups = graphquery::cycles(graph);
    if (m_out.isJson()) {
        QJsonArray list;
        for (const QVector<int> &group : groups) {
            QJsonArray records;
            for (int v : group)
                records.append(recordJson(graph.node(v)));
            QJsonArray relations;
            for (int v : group) {
                for (int e : graph.upstreamEdges(v)) {
                    if (std::binary_search(group.cbegin(), group.cend(), graph.toIndex(e),
                                           [&graph](int a, int b) { return graph.node(a).id < graph.node(b).id; }))
                        relations.append(relationJson(graph.edge(e)));
                }
            }
            list.append(QJsonObject{{u"records"_s, records}, {u"relations"_s, relations}});
        }
        m_out.printJson(list);
        return 0;
    }
    if (groups.isEmpty()) {
        m_out.print(tr("No cycles: no record is made of itself through its relations."));
        return 0;
    }
    m_out.print(tr("%n group(s) of records made of themselves through their relations:", "", int(groups.size())));
    for (int i = 0; i < groups.size(); ++i) {
        QStringList names;
        for (int v : groups.at(i))
            names << tr("%1 (id %2)").arg(recordLabel(graph.node(v))).arg(graph.node(v).id);
        m_out.print(u"  %1. %2"_s.arg(i + 1).arg(names.join(u", "_s)));
    }
    m_out.print(tr("Run \"strata-cli paths ID ID\" with two records of a group to see the relations that close the "
                   "loop."));
    return 0;
}

int GraphCommands::orphans()
{
    const Result<std::unique_ptr<LineageGraph>> loaded = wholeGraph();
    if (!loaded)
        return m_out.fail(loaded.error());
    const LineageGraph &graph = *loaded.value();
    const QVector<int> found = graphquery::orphans(graph);
    if (m_out.isJson()) {
        QJsonArray list;
        for (int v : found)
            list.append(recordJson(graph.node(v)));
        m_out.printJson(list);
        return 0;
    }
    if (found.isEmpty()) {
        m_out.print(tr("No orphans: every model is derived from another record or provided by a supplier."));
        return 0;
    }
    m_out.print(tr("%n model(s) with no known origin (neither derived from a record nor provided by a supplier):", "",
                   int(found.size())));
    QList<QStringList> rows;
    for (int v : found) {
        const GraphNode &n = graph.node(v);
        rows.append({QString::number(n.id), n.name, n.version});
    }
    m_out.printTable({tr("ID"), tr("NAME"), tr("VERSION")}, rows);
    return 0;
}

} // namespace strata
