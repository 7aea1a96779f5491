// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "GraphSamples.h"
#include "graph/GraphExport.h"
#include "graph/GraphStyle.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using strata::test::GraphBuilder;

namespace {

/// Names that break naive writers: quotes, backslashes, a line break, braces, Chinese, an emoji.
GraphBuilder awkward()
{
    GraphBuilder b;
    b.supplier(u"ACME \"Labs\""_s);
    b.model(u"base\\model"_s);
    b.model(u"通义千问 微调"_s);
    b.model(u"line\nbreak {x}"_s);
    b.dataset(u"données 🙂"_s);
    b.link(u"base\\model"_s, RelationType::ProvidedBy, u"ACME \"Labs\""_s);
    b.derived(u"通义千问 微调"_s, u"base\\model"_s);
    b.derived(u"line\nbreak {x}"_s, u"通义千问 微调"_s, u"quantized"_s);
    b.link(u"通义千问 微调"_s, RelationType::TrainedOn, u"données 🙂"_s);
    b.derived(u"line\nbreak {x}"_s, u"line\nbreak {x}"_s, u"other"_s); // old data: a self-reference
    b.node(u"données 🙂"_s).hasLicense = false;
    return b;
}

/// Element names and the text of every <title> and <text> in an SVG; fails on malformed XML.
struct SvgContent
{
    bool wellFormed = false;
    QStringList titles;
    QStringList texts;
    int groupsOfClass(const QString &) const;
    QStringList classes;
};

int SvgContent::groupsOfClass(const QString &c) const
{
    return static_cast<int>(classes.count(c));
}

SvgContent readSvg(const QByteArray &svg)
{
    SvgContent content;
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"g"_s)
            content.classes << xml.attributes().value(u"class"_s).toString();
        else if (xml.name() == u"title"_s)
            content.titles << xml.readElementText();
        else if (xml.name() == u"text"_s)
            content.texts << xml.readElementText();
    }
    content.wellFormed = !xml.hasError();
    return content;
}

} // namespace

/// Exports of a view: DOT that Graphviz's own `dot` accepts, SVG and PNG that are well formed and show every
/// record, names escaped whatever they contain.
class TestGraphExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatKeys();
    void dotParsesWithGraphviz();
    void dotCarriesStyleAndRisk();
    void svgShowsEveryRecord();
    void pngIsAnImage();
    void emptyViewExports();
};

void TestGraphExport::formatKeys()
{
    for (const QString &key : GraphExport::formatKeys())
        QCOMPARE(GraphExport::formatKey(*GraphExport::formatFromKey(key)), key);
    QCOMPARE(GraphExport::formatFromKey(u" SVG "_s), GraphFormat::Svg);
    QVERIFY(!GraphExport::formatFromKey(u"pdf"_s).has_value());
}

void TestGraphExport::dotParsesWithGraphviz()
{
    const QString dotProgram = QStandardPaths::findExecutable(u"dot"_s);
    if (dotProgram.isEmpty())
        QSKIP("Graphviz's dot program is not installed (Debian package graphviz); cannot check DOT output with it.");
    const GraphSnapshot view = awkward().snapshot();
    const QByteArray dot = GraphExport::toDot(view);
    QProcess process;
    process.start(dotProgram, {u"-Tsvg"_s});
    QVERIFY(process.waitForStarted());
    process.write(dot);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const SvgContent svg = readSvg(process.readAllStandardOutput());
    QVERIFY(svg.wellFormed);
    QCOMPARE(svg.groupsOfClass(u"node"_s), view.nodes.size());
    QCOMPARE(svg.groupsOfClass(u"edge"_s), view.edges.size());
    const QString allText = svg.texts.join(u'\n');
    for (const GraphNode &n : view.nodes) {
        for (const QString &line : n.name.split(u'\n'))
            QVERIFY2(allText.contains(line), qPrintable(line));
    }
    // Nodes are named by record id, and each edge goes from the upstream record to the downstream one.
    const GraphBuilder b = awkward();
    QVERIFY(svg.titles.contains(u"r%1->r%2"_s.arg(b.id(u"base\\model"_s)).arg(b.id(u"通义千问 微调"_s))));
}

void TestGraphExport::dotCarriesStyleAndRisk()
{
    const GraphBuilder b = awkward();
    const GraphSnapshot view = b.snapshot();
    ExportRisk risk;
    risk.reasons.fill(0, view.nodes.size());
    risk.inherits.fill(false, view.nodes.size());
    risk.reasons[4] = static_cast<RiskReasons>(RiskReason::MissingLicense); // données
    risk.inherits[2] = true;                                                // 通义千问 微调
    const QString dot = QString::fromUtf8(GraphExport::toDot(view, risk));
    const auto lineOf = [&dot](qint64 id) {
        const qsizetype at = dot.indexOf(u"  r%1 ["_s.arg(id));
        return at < 0 ? QString() : dot.mid(at, dot.indexOf(u'\n', at) - at);
    };
    QVERIFY(lineOf(b.id(u"données 🙂"_s)).contains(graphstyle::riskColor()));
    QVERIFY(lineOf(b.id(u"données 🙂"_s)).contains(u"cylinder"_s));
    QVERIFY(lineOf(b.id(u"通义千问 微调"_s)).contains(graphstyle::inheritedRiskColor()));
    QVERIFY(lineOf(b.id(u"ACME \"Labs\""_s)).contains(u"hexagon"_s));
    QVERIFY(lineOf(b.id(u"ACME \"Labs\""_s)).contains(u"ACME \\\"Labs\\\""_s));
    QVERIFY(lineOf(b.id(u"base\\model"_s)).contains(u"base\\\\model"_s));
    QVERIFY(!lineOf(b.id(u"line\nbreak {x}"_s)).isEmpty());
    QVERIFY(dot.contains(u"label=\"%1\""_s.arg(derivationKindLabel(u"quantized"_s))));
}

void TestGraphExport::svgShowsEveryRecord()
{
    const GraphSnapshot view = awkward().snapshot();
    const Result<QByteArray> svg = GraphExport::write(view, GraphFormat::Svg);
    QVERIFY2(svg.ok(), svg.ok() ? "" : qPrintable(svg.error().message));
    const SvgContent content = readSvg(svg.value());
    QVERIFY(content.wellFormed);
    QCOMPARE(content.groupsOfClass(u"node"_s), view.nodes.size());
    QCOMPARE(content.groupsOfClass(u"edge"_s), view.edges.size());
    QVERIFY(content.texts.join(u'\n').contains(u"通义千问 微调"_s));
}

void TestGraphExport::pngIsAnImage()
{
    const Result<QByteArray> png = GraphExport::write(awkward().snapshot(), GraphFormat::Png);
    QVERIFY2(png.ok(), png.ok() ? "" : qPrintable(png.error().message));
    QVERIFY(png.value().startsWith("\x89PNG\r\n\x1a\n"));
    // IHDR: width and height, big-endian, right after the signature and the chunk header.
    const auto be32 = [&png](int at) {
        const auto *p = reinterpret_cast<const unsigned char *>(png.value().constData() + at);
        return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
    };
    QCOMPARE(png.value().mid(12, 4), QByteArray("IHDR"));
    QVERIFY(be32(16) > 100);
    QVERIFY(be32(20) > 100);
}

void TestGraphExport::emptyViewExports()
{
    for (GraphFormat format : {GraphFormat::Dot, GraphFormat::Svg}) {
        const Result<QByteArray> out = GraphExport::write({}, format);
        QVERIFY(out.ok());
        QVERIFY(out.value().contains("lineage"));
    }
}

QTEST_GUILESS_MAIN(TestGraphExport)
#include "TestGraphExport.moc"
