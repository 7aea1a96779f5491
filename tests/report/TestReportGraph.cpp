// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ReportRenderer.h"
#include "ReportSamples.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::reportsamples;

namespace {

/// `layers` rows of `width` models, each derived from the model above it and from its neighbour above.
GraphSnapshot grid(int layers, int width)
{
    GraphSnapshot graph;
    for (int layer = 0; layer < layers; ++layer) {
        for (int i = 0; i < width; ++i) {
            const qint64 id = layer * width + i + 1;
            graph.nodes.append(
                {id, RecordKind::Model, u"Model %1.%2"_s.arg(layer).arg(i), u"1"_s, false, true, true, {}, {}});
            if (layer > 0) {
                graph.edges.append({0, id, id - width, RelationType::DerivedFrom, u"finetune"_s});
                if (i + 1 < width)
                    graph.edges.append({0, id, id - width + 1, RelationType::DependsOn, {}});
            }
        }
    }
    return graph;
}

ReportData dataFor(const GraphSnapshot &graph)
{
    ReportData data;
    data.scopeLabel = u"grid"_s;
    data.scopeDescription = u"Release grid"_s;
    data.workspaceName = u"graph.strata"_s;
    data.author = u"tester"_s;
    data.date = QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC);
    data.graph = graph;
    return data;
}

} // namespace

/// The lineage drawing: one page when it reads there, an overview and labelled full-size parts when not.
class TestReportGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void smallGraphFitsOnePage();
    void largeGraphIsSplitIntoLabelledParts();

private:
    QString render(const GraphSnapshot &graph, const QString &name);

    QTemporaryDir m_dir;
};

void TestReportGraph::initTestCase()
{
    if (tool(u"pdftotext"_s).isEmpty() || tool(u"pdfinfo"_s).isEmpty())
        QSKIP("poppler-utils (pdftotext, pdfinfo) is not installed; scripts/deps.sh installs it.");
    QVERIFY(m_dir.isValid());
}

QString TestReportGraph::render(const GraphSnapshot &graph, const QString &name)
{
    ReportOptions options;
    options.sections = static_cast<ReportSectionMask>(ReportSection::Lineage);
    const Result<QByteArray> pdf = ReportRenderer::render(dataFor(graph), options);
    if (!pdf.ok())
        return QString();
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf.value()) != pdf.value().size())
        return QString();
    return file.fileName();
}

void TestReportGraph::smallGraphFitsOnePage()
{
    const QString pdf = render(grid(3, 2), u"small.pdf"_s);
    QVERIFY(!pdf.isEmpty());
    QCOMPARE(pageCount(pdf), 3); // cover, contents, graph
    const QString text = pdfText(pdf, 3);
    QVERIFY(text.contains(u"Model 2.1"_s));
    QVERIFY(!text.contains(u"part A1"_s));
}

void TestReportGraph::largeGraphIsSplitIntoLabelledParts()
{
    const GraphSnapshot graph = grid(14, 9);
    const QString pdf = render(graph, u"large.pdf"_s);
    QVERIFY(!pdf.isEmpty());
    const QString text = pdfText(pdf);
    // pdftotext may put a label of the drawing inside a heading's line, so the label and the grid are read apart.
    static const QRegularExpression partHeading(u"part ([A-Z]\\d+) \\(row \\d+ of (\\d+)"_s);
    static const QRegularExpression columnsOf(u"column \\d+ of (\\d+)\\)"_s);
    QSet<QString> parts;
    int rows = 0;
    int columns = 0;
    for (auto it = partHeading.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        parts.insert(match.captured(1));
        rows = match.captured(2).toInt();
    }
    const QRegularExpressionMatch columnMatch = columnsOf.match(text);
    QVERIFY(columnMatch.hasMatch());
    columns = columnMatch.captured(1).toInt();
    QVERIFY2(rows * columns > 1, "a large graph is split");
    QCOMPARE(parts.size(), rows * columns);
    QVERIFY(parts.contains(u"A1"_s));
    QVERIFY(pageCount(pdf) >= 3 + 1); // the overview page and at least one page of parts
    // Every record is named at a readable size in some part (the overview alone would be too small to count).
    for (const GraphNode &node : graph.nodes)
        QVERIFY2(text.contains(node.name), qPrintable(node.name));
}

QTEST_MAIN(TestReportGraph)
#include "TestReportGraph.moc"
