// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "domain/Fields.h"
#include "interop/GraphMlWriter.h"
#include "workspace/ExportScope.h"
#include "workspace/Workspace.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>
#include <random>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

const QString kTrickyName = u"Acme <&>\"' 支持模型 7b"_s;
const QDateTime kTimestamp = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);

/// What a GraphML file says, read back with QXmlStreamReader.
struct Parsed
{
    QString error;
    QString edgeDefault;
    QHash<QString, QStringList> keys;                             ///< id -> {for, attr.name, attr.type}
    QMap<QString, QHash<QString, QString>> nodes;                 ///< node id -> key -> text
    QList<std::pair<QStringList, QHash<QString, QString>>> edges; ///< {id, source, target} and data
};

Parsed parse(const QByteArray &xml)
{
    Parsed p;
    QXmlStreamReader r(xml);
    QHash<QString, QString> *data = nullptr;
    while (!r.atEnd()) {
        r.readNext();
        if (!r.isStartElement())
            continue;
        const QXmlStreamAttributes a = r.attributes();
        if (r.name() == u"graph"_s) {
            p.edgeDefault = a.value(u"edgedefault"_s).toString();
        } else if (r.name() == u"key"_s) {
            p.keys.insert(
                a.value(u"id"_s).toString(),
                {a.value(u"for"_s).toString(), a.value(u"attr.name"_s).toString(), a.value(u"attr.type"_s).toString()});
        } else if (r.name() == u"node"_s) {
            data = &p.nodes[a.value(u"id"_s).toString()];
        } else if (r.name() == u"edge"_s) {
            p.edges.append(
                {{a.value(u"id"_s).toString(), a.value(u"source"_s).toString(), a.value(u"target"_s).toString()}, {}});
            data = &p.edges.last().second;
        } else if (r.name() == u"data"_s && data) {
            const QString key = a.value(u"key"_s).toString();
            data->insert(key, r.readElementText());
        }
    }
    if (r.hasError())
        p.error = r.errorString();
    return p;
}

} // namespace

class TestGraphMlWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void nodesEdgesAndKeys();
    void textRoundTrips();
    void forbiddenCharactersAreDropped();
    void deterministic();
    void readableByNetworkx();

private:
    ExportSet exportSet() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    qint64 m_supplier = 0;
    qint64 m_base = 0;
    qint64 m_child = 0;
    qint64 m_data = 0;
};

void TestGraphMlWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto ws = Workspace::open(m_dir->filePath(u"graph.strata"_s));
    QVERIFY(ws);
    m_ws = std::move(ws).value();

    const auto create = [this](RecordKind kind, const QList<std::pair<QString, QString>> &values) -> qint64 {
        Record r;
        r.kind = kind;
        for (const auto &[key, value] : values) {
            if (!fields::setField(r, key, value).ok())
                return 0;
        }
        Result<qint64> id = m_ws->createRecord(r);
        return id ? id.value() : 0;
    };
    m_supplier = create(RecordKind::Supplier, {{u"name"_s, u"Acme Labs"_s}, {u"criticality_tier"_s, u"2"_s}});
    m_base = create(RecordKind::Model, {{u"name"_s, u"acme-base"_s},
                                        {u"version"_s, u"1.0"_s},
                                        {u"license"_s, u"Apache-2.0"_s},
                                        {u"parameter_count"_s, u"7000000000"_s},
                                        {u"purl"_s, u"pkg:huggingface/acme/acme-base"_s}});
    m_child = create(RecordKind::Model, {{u"name"_s, kTrickyName}, {u"format"_s, u"gguf"_s}});
    m_data = create(RecordKind::Dataset, {{u"name"_s, u"工单 tickets"_s},
                                          {u"size_records"_s, u"1200"_s},
                                          {u"notes"_s, u"line one\nline \"two\" & <three>"_s}});
    QVERIFY(m_supplier && m_base && m_child && m_data);
    QVERIFY(m_ws->link(m_child, RelationType::DerivedFrom, m_base, u"quantized"_s));
    QVERIFY(m_ws->link(m_child, RelationType::TrainedOn, m_data));
    QVERIFY(m_ws->link(m_base, RelationType::ProvidedBy, m_supplier));
    QVERIFY(m_ws->link(m_child, RelationType::ProvidedBy, m_supplier));
}

void TestGraphMlWriter::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

ExportSet TestGraphMlWriter::exportSet() const
{
    Result<ExportSet> set = ExportScope::build(*m_ws, 0, kTimestamp);
    return set ? set.value() : ExportSet{};
}

void TestGraphMlWriter::nodesEdgesAndKeys()
{
    Result<QByteArray> xml = GraphMlWriter::write(exportSet());
    QVERIFY(xml);
    QVERIFY(xml.value().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    QVERIFY(xml.value().contains("xmlns=\"http://graphml.graphdrawing.org/xmlns\""));
    const Parsed p = parse(xml.value());
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.edgeDefault, u"directed"_s);
    QCOMPARE(p.nodes.size(), 4);
    QCOMPARE(p.edges.size(), 4); // each relation once, from its outgoing side

    // Every key a <data> uses is declared, for the right domain.
    for (const auto &node : p.nodes) {
        for (auto it = node.cbegin(); it != node.cend(); ++it)
            QVERIFY2(p.keys.value(it.key()).value(0) == u"node"_s, qPrintable(it.key()));
    }
    for (const auto &edge : p.edges) {
        for (auto it = edge.second.cbegin(); it != edge.second.cend(); ++it)
            QVERIFY2(p.keys.value(it.key()).value(0) == u"edge"_s, qPrintable(it.key()));
    }
    QCOMPARE(p.keys.value(u"parameter_count"_s), (QStringList{u"node"_s, u"parameter_count"_s, u"long"_s}));
    QCOMPARE(p.keys.value(u"placeholder"_s).value(2), u"boolean"_s);
    QCOMPARE(p.keys.value(u"edge_label"_s), (QStringList{u"edge"_s, u"label"_s, u"string"_s}));
    // Only the kind-specific fields some record fills are declared.
    QVERIFY(p.keys.contains(u"criticality_tier"_s));
    QVERIFY(!p.keys.contains(u"ecosystem"_s));
    QVERIFY(!p.keys.contains(u"architecture"_s));

    const auto base = p.nodes.value(u"n%1"_s.arg(m_base));
    QCOMPARE(base.value(u"kind"_s), u"model"_s);
    QCOMPARE(base.value(u"version"_s), u"1.0"_s);
    QCOMPARE(base.value(u"label"_s), u"acme-base 1.0"_s);
    QCOMPARE(base.value(u"parameter_count"_s), u"7000000000"_s);
    QCOMPARE(base.value(u"supplier"_s), u"Acme Labs"_s);
    QCOMPARE(base.value(u"purl"_s), u"pkg:huggingface/acme/acme-base"_s);
    QCOMPARE(base.value(u"placeholder"_s), u"false"_s);
    QVERIFY(!base.contains(u"size_records"_s)); // a dataset field, not on a model

    const auto derived = std::find_if(p.edges.cbegin(), p.edges.cend(),
                                      [](const auto &e) { return e.second.value(u"relation"_s) == u"derived_from"_s; });
    QVERIFY(derived != p.edges.cend());
    QCOMPARE(derived->first.value(1), u"n%1"_s.arg(m_child));
    QCOMPARE(derived->first.value(2), u"n%1"_s.arg(m_base));
    QCOMPARE(derived->second.value(u"subtype"_s), u"quantized"_s);
    QCOMPARE(derived->second.value(u"edge_label"_s),
             u"%1 (%2)"_s.arg(relationTypeLabel(RelationType::DerivedFrom), derivationKindLabel(u"quantized"_s)));
}

void TestGraphMlWriter::textRoundTrips()
{
    const Parsed p = parse(GraphMlWriter::write(exportSet()).value());
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.nodes.value(u"n%1"_s.arg(m_child)).value(u"name"_s), kTrickyName);
    QCOMPARE(p.nodes.value(u"n%1"_s.arg(m_data)).value(u"name"_s), u"工单 tickets"_s);
    QCOMPARE(p.nodes.value(u"n%1"_s.arg(m_child)).value(u"supplier"_s), u"Acme Labs"_s);
}

void TestGraphMlWriter::forbiddenCharactersAreDropped()
{
    // Built by hand: the workspace itself refuses control characters in names.
    ExportSet set;
    RecordSnapshot s;
    s.record.id = 7;
    s.record.kind = RecordKind::Software;
    s.record.name = u"bad\x01name\x1F"_s + QChar(0xD800) + u"\uFFFE ok\ttab 😀"_s;
    set.records << s;
    Result<QByteArray> xml = GraphMlWriter::write(set);
    QVERIFY(xml);
    const Parsed p = parse(xml.value());
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.nodes.value(u"n7"_s).value(u"name"_s), u"badname ok\ttab 😀"_s);
}

void TestGraphMlWriter::deterministic()
{
    ExportSet set = exportSet();
    const QByteArray first = GraphMlWriter::write(set).value();
    QCOMPARE(GraphMlWriter::write(set).value(), first);
    // The order the set lists records and relations in does not matter.
    std::mt19937 shuffle(42);
    std::shuffle(set.records.begin(), set.records.end(), shuffle);
    for (RecordSnapshot &s : set.records)
        std::reverse(s.relations.begin(), s.relations.end());
    QCOMPARE(GraphMlWriter::write(set).value(), first);
}

void TestGraphMlWriter::readableByNetworkx()
{
    QProcess probe;
    probe.start(u"python3"_s, {u"-c"_s, u"import networkx"_s});
    if (!probe.waitForFinished(60000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
        QSKIP("python3 with networkx is not available; the structural checks above still ran.");

    const QString path = m_dir->filePath(u"graph.graphml"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(GraphMlWriter::write(exportSet()).value());
    file.close();

    const QString script = uR"(
import json, sys, networkx
g = networkx.read_graphml(sys.argv[1])
print(json.dumps({
    "directed": g.is_directed(),
    "nodes": {n: d for n, d in g.nodes(data=True)},
    "edges": [[u, v, d] for u, v, d in g.edges(data=True)],
}))
)"_s;
    QProcess python;
    python.start(u"python3"_s, {u"-c"_s, script, path});
    QVERIFY(python.waitForFinished(60000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    const QJsonObject graph = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    QVERIFY(graph.value(u"directed"_s).toBool());
    const QJsonObject nodes = graph.value(u"nodes"_s).toObject();
    QCOMPARE(nodes.size(), 4);
    const QJsonObject base = nodes.value(u"n%1"_s.arg(m_base)).toObject();
    // attr.type long and boolean come back typed.
    QCOMPARE(base.value(u"parameter_count"_s).toDouble(), 7000000000.0);
    QCOMPARE(base.value(u"placeholder"_s), QJsonValue(false));
    QCOMPARE(nodes.value(u"n%1"_s.arg(m_child)).toObject().value(u"name"_s).toString(), kTrickyName);
    const QJsonArray edges = graph.value(u"edges"_s).toArray();
    QCOMPARE(edges.size(), 4);
    const auto derived = std::find_if(edges.begin(), edges.end(), [](const QJsonValue &e) {
        return e.toArray().at(2).toObject().value(u"relation"_s) == u"derived_from"_s;
    });
    QVERIFY(derived != edges.end());
    QCOMPARE(derived->toArray().at(0).toString(), u"n%1"_s.arg(m_child));
    QCOMPARE(derived->toArray().at(2).toObject().value(u"subtype"_s).toString(), u"quantized"_s);
}

QTEST_GUILESS_MAIN(TestGraphMlWriter)
#include "TestGraphMlWriter.moc"
