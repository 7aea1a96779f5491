// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

/// An oracle independent of the graph code: breadth-first over what `show --json` lists for each record.
/// Upstream follows the record's outgoing relations, downstream its incoming ones. id -> distance.
QMap<qint64, int> walkWithShow(const CliRunner &cli, qint64 start, bool upstream)
{
    QMap<qint64, int> distance{{start, 0}};
    QList<qint64> queue{start};
    while (!queue.isEmpty()) {
        const qint64 id = queue.takeFirst();
        const QJsonObject shown = cli.run({u"--json"_s, u"show"_s, QString::number(id)}).json().object();
        for (const QJsonValue &value : shown.value(u"relations"_s).toArray()) {
            const QJsonObject r = value.toObject();
            if ((r.value(u"direction"_s).toString() == u"out"_s) != upstream)
                continue;
            const qint64 other = r.value(u"other"_s).toObject().value(u"id"_s).toInteger();
            if (!distance.contains(other)) {
                distance.insert(other, distance.value(id) + 1);
                queue.append(other);
            }
        }
    }
    distance.remove(start);
    return distance;
}

QMap<qint64, int> distancesOf(const QJsonArray &array)
{
    QMap<qint64, int> map;
    for (const QJsonValue &v : array)
        map.insert(v.toObject().value(u"id"_s).toInteger(), v.toObject().value(u"distance"_s).toInt());
    return map;
}

int countGroups(const QByteArray &svg, const QString &cls, bool *wellFormed)
{
    QXmlStreamReader xml(svg);
    int count = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"g"_s && xml.attributes().value(u"class"_s) == cls)
            ++count;
    }
    *wellFormed = !xml.hasError();
    return count;
}

} // namespace

/// The graph commands as a pipeline runs them: lineage and impact agree with what `show` says, paths are found in
/// both directions, pictures parse, cycles terminate and bad usage changes nothing.
class TestCliGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void lineageAndImpactMatchShow_data();
    void lineageAndImpactMatchShow();
    void jsonPathsLeadFromTheStart();
    void textOutputNamesTheStart();
    void pathsInBothDirections();
    void cyclesTerminate();
    void cyclesAreListedWithTheirRelations();
    void orphansAreModelsWithNoOrigin();
    void dotParsesWithGraphviz();
    void svgAndPngAreWritten();
    void focusedPictureHoldsTheLineage();
    void badUsage_data();
    void badUsage();
    void helpListsTheGraphCommands();

private:
    qint64 idOf(const QString &name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CliRunner> m_cli;
};

void TestCliGraph::initTestCase()
{
    QVERIFY2(QFileInfo(CliRunner::program()).isExecutable(), qPrintable(CliRunner::program()));
}

void TestCliGraph::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cli = std::make_unique<CliRunner>(m_dir->path());
    QCOMPARE(m_cli->run({u"demo"_s}).exitCode, 0);
}

qint64 TestCliGraph::idOf(const QString &name) const
{
    for (const QJsonValue &row : m_cli->listAll()) {
        if (row.toObject().value(u"name"_s).toString() == name)
            return row.toObject().value(u"id"_s).toInteger();
    }
    return 0;
}

void TestCliGraph::lineageAndImpactMatchShow_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("name");
    QTest::newRow("lineage of a quantization") << u"lineage"_s << u"Acme Support Assistant 8B GGUF Q4_K_M"_s;
    QTest::newRow("lineage of a merge") << u"lineage"_s << u"Acme Router Merge 7B"_s;
    QTest::newRow("lineage of the chat service") << u"lineage"_s << u"Acme Support Chat API"_s;
    QTest::newRow("impact of a base model") << u"impact"_s << u"Llama 3.1 8B"_s;
    QTest::newRow("impact of a supplier") << u"impact"_s << u"Hugging Face, Inc."_s;
    QTest::newRow("impact of a leaf") << u"impact"_s << u"Acme Support Chat API"_s;
}

void TestCliGraph::lineageAndImpactMatchShow()
{
    QFETCH(QString, command);
    QFETCH(QString, name);
    const qint64 id = idOf(name);
    QVERIFY(id > 0);
    const CliRun run = m_cli->run({u"--json"_s, command, QString::number(id)});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.json().isArray());
    QCOMPARE(distancesOf(run.json().array()), walkWithShow(*m_cli, id, command == u"lineage"_s));
    // A name works as well as an id.
    QCOMPARE(m_cli->run({u"--json"_s, command, name}).out, run.out);
}

void TestCliGraph::jsonPathsLeadFromTheStart()
{
    const qint64 id = idOf(u"Acme Support Assistant 8B GGUF Q4_K_M"_s);
    const QJsonArray records = m_cli->run({u"--json"_s, u"lineage"_s, QString::number(id)}).json().array();
    QVERIFY(!records.isEmpty());
    for (const QJsonValue &value : records) {
        const QJsonObject r = value.toObject();
        const QJsonArray path = r.value(u"path"_s).toArray();
        const QJsonArray relations = r.value(u"relations"_s).toArray();
        QCOMPARE(path.first().toInteger(), id);
        QCOMPARE(path.last().toInteger(), r.value(u"id"_s).toInteger());
        QCOMPARE(path.size(), r.value(u"distance"_s).toInt() + 1);
        QCOMPARE(relations.size(), path.size() - 1);
        for (int i = 0; i < relations.size(); ++i) {
            // Upstream: each step goes from the record on the path to what it is made of.
            QCOMPARE(relations.at(i).toObject().value(u"from"_s).toInteger(), path.at(i).toInteger());
            QCOMPARE(relations.at(i).toObject().value(u"to"_s).toInteger(), path.at(i + 1).toInteger());
        }
        QVERIFY(r.value(u"risk"_s).isArray());
    }
}

void TestCliGraph::textOutputNamesTheStart()
{
    const CliRun run = m_cli->run({u"impact"_s, u"Mistral 7B"_s});
    QCOMPARE(run.exitCode, 0);
    const QString text = QString::fromUtf8(run.out);
    QVERIFY(text.contains(u"Mistral 7B"_s));
    QVERIFY(text.contains(u"Acme Router Merge 7B"_s));
    QVERIFY(text.contains(u"derived_from (merge)"_s));
    const CliRun none = m_cli->run({u"lineage"_s, u"PyTorch"_s});
    QCOMPARE(none.exitCode, 0);
    QVERIFY(QString::fromUtf8(none.out).contains(u"Nothing is recorded upstream"_s));
}

void TestCliGraph::pathsInBothDirections()
{
    const qint64 merge = idOf(u"Acme Router Merge 7B"_s);
    const qint64 base = idOf(u"Mistral 7B"_s);
    const CliRun up = m_cli->run({u"--json"_s, u"paths"_s, QString::number(merge), QString::number(base)});
    QCOMPARE(up.exitCode, 0);
    const QJsonObject found = up.json().object();
    QCOMPARE(found.value(u"direction"_s).toString(), u"upstream"_s);
    QCOMPARE(found.value(u"truncated"_s).toBool(), false);
    const QJsonArray paths = found.value(u"paths"_s).toArray();
    QCOMPARE(paths.size(), 2); // through the instruct model and through OpenHermes
    for (const QJsonValue &p : paths) {
        const QJsonArray records = p.toObject().value(u"records"_s).toArray();
        QCOMPARE(records.first().toInteger(), merge);
        QCOMPARE(records.last().toInteger(), base);
        QCOMPARE(p.toObject().value(u"length"_s).toInt(), records.size() - 1);
    }
    QVERIFY(paths.at(0).toObject().value(u"records"_s) != paths.at(1).toObject().value(u"records"_s));

    const QJsonObject down =
        m_cli->run({u"--json"_s, u"paths"_s, QString::number(base), QString::number(merge)}).json().object();
    QCOMPARE(down.value(u"direction"_s).toString(), u"downstream"_s);
    QCOMPARE(down.value(u"paths"_s).toArray().size(), 2);

    const CliRun none = m_cli->run({u"--json"_s, u"paths"_s, u"PyTorch"_s, u"MMLU"_s});
    QCOMPARE(none.exitCode, 0);
    QVERIFY(none.json().object().value(u"paths"_s).toArray().isEmpty());
    QVERIFY(m_cli->run({u"paths"_s, u"PyTorch"_s, u"MMLU"_s}).out.contains("not connected"));
}

void TestCliGraph::cyclesTerminate()
{
    QTemporaryDir dir;
    CliRunner cli(dir.path());
    QCOMPARE(cli.run({u"init"_s}).exitCode, 0);
    const qint64 a = cli.add(args({"software", "--name", "组件甲"}));
    const qint64 b = cli.add(args({"software", "--name", "b"}));
    const qint64 c = cli.add(args({"software", "--name", "c"}));
    for (const auto &[from, to] : {std::pair{a, b}, std::pair{b, c}, std::pair{c, a}})
        QCOMPARE(cli.run({u"link"_s, QString::number(from), u"depends_on"_s, QString::number(to)}).exitCode, 0);
    const QJsonArray up = cli.run({u"--json"_s, u"lineage"_s, QString::number(a)}).json().array();
    QCOMPARE(distancesOf(up), (QMap<qint64, int>{{b, 1}, {c, 2}}));
    const QJsonArray down = cli.run({u"--json"_s, u"impact"_s, QString::number(a)}).json().array();
    QCOMPARE(distancesOf(down), (QMap<qint64, int>{{c, 1}, {b, 2}}));
    QVERIFY(QString::fromUtf8(cli.run({u"impact"_s, u"b"_s}).out).contains(u"组件甲"_s));
    const QString dot = dir.filePath(u"cycle.dot"_s);
    QCOMPARE(cli.run({u"graph"_s, u"--format"_s, u"dot"_s, u"-o"_s, dot}).exitCode, 0);
}

void TestCliGraph::cyclesAreListedWithTheirRelations()
{
    QTemporaryDir dir;
    CliRunner cli(dir.path());
    QCOMPARE(cli.run({u"init"_s}).exitCode, 0);
    const QJsonArray none = cli.run({u"--json"_s, u"graph"_s, u"cycles"_s}).json().array();
    QVERIFY(none.isEmpty());
    const qint64 a = cli.add(args({"software", "--name", "组件甲"}));
    const qint64 b = cli.add(args({"software", "--name", "b"}));
    const qint64 c = cli.add(args({"software", "--name", "c"}));
    const qint64 outside = cli.add(args({"software", "--name", "outside"}));
    for (const auto &[from, to] : {std::pair{a, b}, std::pair{b, c}, std::pair{c, a}, std::pair{outside, a}})
        QCOMPARE(cli.run({u"link"_s, QString::number(from), u"depends_on"_s, QString::number(to)}).exitCode, 0);

    const CliRun run = cli.run({u"--json"_s, u"graph"_s, u"cycles"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray groups = run.json().array();
    QCOMPARE(groups.size(), 1);
    QSet<qint64> members;
    for (const QJsonValue &r : groups.at(0).toObject().value(u"records"_s).toArray())
        members.insert(r.toObject().value(u"id"_s).toInteger());
    QCOMPARE(members, (QSet<qint64>{a, b, c}));
    // The relations that close the loop, and not the one from outside it.
    const QJsonArray relations = groups.at(0).toObject().value(u"relations"_s).toArray();
    QCOMPARE(relations.size(), 3);
    for (const QJsonValue &r : relations)
        QVERIFY(r.toObject().value(u"from"_s).toInteger() != outside);

    const QString text = QString::fromUtf8(cli.run({u"graph"_s, u"cycles"_s}).out);
    QVERIFY2(text.contains(u"组件甲"_s) && text.contains(u"(id %1)"_s.arg(b)), qPrintable(text));
    QVERIFY(!text.contains(u"outside"_s));
}

void TestCliGraph::orphansAreModelsWithNoOrigin()
{
    // Every model of the demo has an origin; one added without relations has none.
    const CliRun before = m_cli->run({u"--json"_s, u"graph"_s, u"orphans"_s});
    QCOMPARE(before.exitCode, 0);
    const qint64 lonely = m_cli->add(args({"model", "--name", "无来源模型", "--version", "2"}));
    const qint64 derived = m_cli->add(args({"model", "--name", "derived-later"}));
    QVERIFY(lonely > 0 && derived > 0);
    QCOMPARE(
        m_cli->run({u"link"_s, QString::number(derived), u"derived_from"_s, QString::number(idOf(u"Llama 3.1 8B"_s))})
            .exitCode,
        0);
    const CliRun after = m_cli->run({u"--json"_s, u"graph"_s, u"orphans"_s});
    QCOMPARE(after.exitCode, 0);
    QSet<qint64> added;
    for (const QJsonValue &r : after.json().array()) {
        QCOMPARE(r.toObject().value(u"kind"_s).toString(), u"model"_s);
        added.insert(r.toObject().value(u"id"_s).toInteger());
    }
    for (const QJsonValue &r : before.json().array())
        added.remove(r.toObject().value(u"id"_s).toInteger());
    QCOMPARE(added, QSet<qint64>{lonely});
    const QString text = QString::fromUtf8(m_cli->run({u"graph"_s, u"orphans"_s}).out);
    QVERIFY2(text.contains(u"无来源模型"_s) && !text.contains(u"derived-later"_s), qPrintable(text));
}

void TestCliGraph::dotParsesWithGraphviz()
{
    const QString dotProgram = QStandardPaths::findExecutable(u"dot"_s);
    if (dotProgram.isEmpty())
        QSKIP("Graphviz's dot program is not installed (Debian package graphviz); cannot check DOT output with it.");
    const QString file = m_dir->filePath(u"all.dot"_s);
    const CliRun run = m_cli->run({u"--json"_s, u"graph"_s, u"--format"_s, u"dot"_s, u"-o"_s, file});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject summary = run.json().object();
    QCOMPARE(summary.value(u"records"_s).toInt(), m_cli->listAll().size());
    QProcess dot;
    dot.start(dotProgram, {u"-Tsvg"_s, file});
    QVERIFY(dot.waitForFinished(60000));
    QVERIFY2(dot.exitCode() == 0, dot.readAllStandardError().constData());
    bool wellFormed = false;
    const QByteArray svg = dot.readAllStandardOutput();
    QCOMPARE(countGroups(svg, u"node"_s, &wellFormed), summary.value(u"records"_s).toInt());
    QVERIFY(wellFormed);
    QCOMPARE(countGroups(svg, u"edge"_s, &wellFormed), summary.value(u"relations"_s).toInt());
}

void TestCliGraph::svgAndPngAreWritten()
{
    const QString svgFile = m_dir->filePath(u"all.svg"_s);
    QCOMPARE(m_cli->run({u"graph"_s, u"--format"_s, u"svg"_s, u"-o"_s, svgFile}).exitCode, 0);
    QFile svg(svgFile);
    QVERIFY(svg.open(QIODevice::ReadOnly));
    bool wellFormed = false;
    QCOMPARE(countGroups(svg.readAll(), u"node"_s, &wellFormed), m_cli->listAll().size());
    QVERIFY(wellFormed);

    const QString pngFile = m_dir->filePath(u"all.png"_s);
    QCOMPARE(m_cli->run({u"graph"_s, u"--format"_s, u"png"_s, u"-o"_s, pngFile}).exitCode, 0);
    QFile png(pngFile);
    QVERIFY(png.open(QIODevice::ReadOnly));
    QVERIFY(png.read(8) == QByteArray("\x89PNG\r\n\x1a\n", 8));
}

void TestCliGraph::focusedPictureHoldsTheLineage()
{
    const qint64 id = idOf(u"Acme Tone LoRA"_s);
    const int upstream = static_cast<int>(walkWithShow(*m_cli, id, true).size());
    const QString file = m_dir->filePath(u"lora.dot"_s);
    const CliRun up = m_cli->run({u"--json"_s, u"graph"_s, u"--focus"_s, QString::number(id), u"--direction"_s, u"up"_s,
                                  u"--format"_s, u"dot"_s, u"-o"_s, file});
    QCOMPARE(up.exitCode, 0);
    QCOMPARE(up.json().object().value(u"records"_s).toInt(), upstream + 1);
    const CliRun near = m_cli->run({u"--json"_s, u"graph"_s, u"--focus"_s, QString::number(id), u"--depth"_s, u"1"_s,
                                    u"--format"_s, u"dot"_s, u"-o"_s, file});
    QCOMPARE(near.exitCode, 0);
    QSet<qint64> neighbours;
    const QJsonObject shown = m_cli->run({u"--json"_s, u"show"_s, QString::number(id)}).json().object();
    for (const QJsonValue &r : shown.value(u"relations"_s).toArray())
        neighbours.insert(r.toObject().value(u"other"_s).toObject().value(u"id"_s).toInteger());
    const int oneHop = static_cast<int>(neighbours.size());
    QCOMPARE(near.json().object().value(u"records"_s).toInt(), oneHop + 1);
}

void TestCliGraph::badUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("direction without focus") << args({"graph", "--direction", "up", "--format", "dot", "-o", "x"}) << 2;
    QTest::newRow("unknown format") << args({"graph", "--format", "pdf", "-o", "x"}) << 2;
    QTest::newRow("unknown direction") << args({"graph", "--focus", "1", "--direction", "sideways", "--format", "dot",
                                                "-o", "x"})
                                       << 2;
    QTest::newRow("negative depth") << args({"graph", "--focus", "1", "--depth", "-2", "--format", "dot", "-o", "x"})
                                    << 2;
    QTest::newRow("no output") << args({"graph", "--format", "svg"}) << 2;
    QTest::newRow("unknown focus") << args({"graph", "--focus", "987654", "--format", "dot", "-o", "x"}) << 1;
    QTest::newRow("unknown graph command") << args({"graph", "loops"}) << 2;
    QTest::newRow("cycles with options") << args({"graph", "cycles", "--format", "dot"}) << 2;
    QTest::newRow("orphans with an output") << args({"graph", "orphans", "-o", "x"}) << 2;
    QTest::newRow("no format") << args({"graph", "-o", "x"}) << 2;
    QTest::newRow("missing folder") << args({"graph", "--format", "dot", "-o", "no/such/folder/x.dot"}) << 1;
    QTest::newRow("lineage of nothing") << args({"lineage", "no such record"}) << 1;
    QTest::newRow("paths needs two") << args({"paths", "1"}) << 2;
}

void TestCliGraph::badUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const QStringList before = QDir(m_dir->path()).entryList(QDir::Files);
    const CliRun run = m_cli->run(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QCOMPARE(run.errorLines().size(), 1);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), before);
}

void TestCliGraph::helpListsTheGraphCommands()
{
    const QString help = QString::fromUtf8(m_cli->runRaw({u"--help"_s}).out);
    for (const QString &command : {u"lineage"_s, u"impact"_s, u"paths"_s, u"graph"_s})
        QVERIFY2(help.contains(u"\n  %1 "_s.arg(command)), qPrintable(command));
    const QString graphHelp = QString::fromUtf8(m_cli->runRaw({u"help"_s, u"graph"_s}).out);
    QVERIFY(graphHelp.contains(u"--direction"_s));
    QVERIFY(graphHelp.contains(u"--focus"_s));
}

QTEST_GUILESS_MAIN(TestCliGraph)
#include "TestCliGraph.moc"
