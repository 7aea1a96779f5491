// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "GraphController.h"
#include "GraphDetailsPanel.h"
#include "GraphExporter.h"
#include "GraphItems.h"
#include "GraphPage.h"
#include "GraphProblemsPanel.h"
#include "GraphScene.h"
#include "GraphView.h"
#include "InventoryPage.h"
#include "MainWindow.h"
#include "ScriptedPrompter.h"
#include "UiTestSupport.h"
#include "demo/DemoWorkspace.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QMouseEvent>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTest>
#include <QThreadPool>
#include <QTimer>
#include <QTreeWidget>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

namespace {

constexpr int kWaitMs = 30000;

QSet<qint64> ids(const GraphSnapshot &s)
{
    QSet<qint64> set;
    for (const GraphNode &n : s.nodes)
        set.insert(n.id);
    return set;
}

QSet<qint64> itemIds(const GraphScene *scene)
{
    QSet<qint64> set;
    for (const QGraphicsItem *item : scene->items()) {
        if (item->type() == NodeItem::Type)
            set.insert(static_cast<const NodeItem *>(item)->recordId());
    }
    return set;
}

} // namespace

/// The Graph page on the offscreen platform: the scene holds exactly the asked-for part of the graph, a click
/// selects the record (also in its inventory table), double-click refocuses, hover lights paths, filters narrow
/// the view, layouts are kept in the workspace, and exports parse.
class TestGraphPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void sceneItemsMatchTheSubgraph_data();
    void sceneItemsMatchTheSubgraph();
    void clickingANodeSelectsTheRecord();
    void doubleClickRefocuses();
    void hoverLightsThePathsThroughANode();
    void filtersNarrowTheView();
    void riskExplanationNamesTheCause();
    void layoutIsKeptInTheWorkspace();
    void workspaceChangesRedrawTheView();
    void problemsListCyclesAndOrphans();
    void cancelledLayoutIsNotKept();
    void exportsParse();
    void emptyWorkspaceTeaches();
    void closingThePageWithTheMiniMapShown();
    void aViewOutlivesItsScene();

private:
    GraphPage *openGraph();
    bool waitForView(GraphPage *page);
    qint64 idOf(const QString &name) const { return m_window->workspace()->resolve(name).value(); }
    QPoint viewPointOf(GraphPage *page, qint64 id) const;
    void screenshot(const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    ScriptedPrompter m_prompter;
    std::unique_ptr<MainWindow> m_window;
};

void TestGraphPage::initTestCase()
{
    isolateSettings();
}

void TestGraphPage::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_prompter = ScriptedPrompter();
    m_window = std::make_unique<MainWindow>(&m_prompter);
    m_window->resize(1400, 900);
    QVERIFY(m_window->openDemoWorkspace());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestGraphPage::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

GraphPage *TestGraphPage::openGraph()
{
    GraphPage *page = m_window->graphPage();
    if (!page)
        return nullptr;
    QSignalSpy shown(page, &GraphPage::viewShown);
    m_window->findChild<QAction *>(u"showGraphAction"_s)->trigger();
    // The demo is small: the page opens on the whole workspace.
    if (!shown.wait(kWaitMs))
        return nullptr;
    page->scene()->finishBuilding();
    return page;
}

bool TestGraphPage::waitForView(GraphPage *page)
{
    QSignalSpy shown(page, &GraphPage::viewShown);
    if (!shown.wait(kWaitMs))
        return false;
    page->scene()->finishBuilding();
    QCoreApplication::processEvents();
    return true;
}

QPoint TestGraphPage::viewPointOf(GraphPage *page, qint64 id) const
{
    const int node = page->scene()->indexOf(id);
    page->view()->centerOnRecord(id);
    return page->view()->mapFromScene(page->scene()->boxOf(node).center());
}

void TestGraphPage::screenshot(const QString &name)
{
    // Set STRATA_SCREENSHOT_DIR to look at the page as a user would.
    const QString dir = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(100); // let labels take their new sizes
    m_window->grab().save(QDir(dir).filePath(name));
}

void TestGraphPage::sceneItemsMatchTheSubgraph_data()
{
    QTest::addColumn<QString>("focus");
    QTest::addColumn<int>("direction");
    QTest::newRow("lineage of the chat service") << u"Acme Support Chat API"_s << int(GraphDirection::Upstream);
    QTest::newRow("impact of Llama 3.1 8B") << u"Llama 3.1 8B"_s << int(GraphDirection::Downstream);
    QTest::newRow("both around a merge") << u"Acme Router Merge 7B"_s << int(GraphDirection::Both);
}

void TestGraphPage::sceneItemsMatchTheSubgraph()
{
    QFETCH(QString, focus);
    QFETCH(int, direction);
    GraphPage *page = openGraph();
    QVERIFY(page);
    // The whole workspace first: one item per record.
    QCOMPARE(itemIds(page->scene()), ids(m_window->workspace()->graph().value()));

    page->setDepth(-1);
    page->setDirection(static_cast<GraphDirection>(direction));
    page->focusOn(idOf(focus));
    QVERIFY(waitForView(page));
    // The oracle reads the workspace through the relation indexes, not the page's in-memory graph.
    const GraphSnapshot expected =
        m_window->workspace()->graph({idOf(focus), static_cast<GraphDirection>(direction), -1}).value();
    QCOMPARE(itemIds(page->scene()), ids(expected));
    QCOMPARE(page->scene()->nodeItems().size(), expected.nodes.size());
    if (direction != int(GraphDirection::Both)) // one direction: the walk read exactly the relations between them
        QCOMPARE(page->scene()->data()->view.edges.size(), expected.edges.size());
    QCOMPARE(page->scene()->edgePaths().size(), page->scene()->data()->view.edges.size());
    for (const QPainterPath &path : page->scene()->edgePaths())
        QVERIFY(!path.isEmpty());
    screenshot(u"graph-%1.png"_s.arg(QString::fromUtf8(QTest::currentDataTag())).replace(u' ', u'-'));
}

void TestGraphPage::clickingANodeSelectsTheRecord()
{
    GraphPage *page = openGraph();
    QVERIFY(page);
    page->focusOn(idOf(u"Acme Support Assistant 8B"_s));
    QVERIFY(waitForView(page));
    const qint64 target = idOf(u"Llama 3.1 8B Instruct"_s);
    QSignalSpy selected(page, &GraphPage::recordSelected);
    QTest::mouseClick(page->view()->viewport(), Qt::LeftButton, {}, viewPointOf(page, target));
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.first().first().toLongLong(), target);
    QCOMPARE(page->scene()->selectedRecord(), target);
    QCOMPARE(page->detailsPanel()->recordId(), target);
    // The window selected it in its table, without leaving the graph.
    QCOMPARE(m_window->page(RecordKind::Model)->selectedRecordId(), target);
    QVERIFY(page->isVisible());
    // "Open in Inventory" goes there.
    QTest::mouseClick(page->detailsPanel()->findChild<QPushButton *>(u"openInInventoryButton"_s), Qt::LeftButton);
    QCOMPARE(m_window->currentPage(), m_window->page(RecordKind::Model));
    QCOMPARE(m_window->currentPage()->selectedRecordId(), target);
}

void TestGraphPage::doubleClickRefocuses()
{
    GraphPage *page = openGraph();
    QVERIFY(page);
    const qint64 target = idOf(u"Mistral 7B"_s);
    QSignalSpy shown(page, &GraphPage::viewShown);
    QTest::mouseDClick(page->view()->viewport(), Qt::LeftButton, {}, viewPointOf(page, target));
    QVERIFY(shown.wait(kWaitMs));
    QCOMPARE(page->scene()->data()->question.focus, target);
    QVERIFY(page->scene()->indexOf(idOf(u"Acme Router Merge 7B"_s)) >= 0); // built on it
    QVERIFY(page->scene()->indexOf(idOf(u"Llama 3.1 8B"_s)) < 0);          // unrelated
}

void TestGraphPage::hoverLightsThePathsThroughANode()
{
    GraphPage *page = openGraph();
    QVERIFY(page);
    const qint64 hovered = idOf(u"Acme Support Assistant 8B"_s);
    // A plain move event: QTest::mouseMove moves the cursor, which the offscreen platform does not report.
    const auto moveTo = [page](const QPoint &pos) {
        QWidget *viewport = page->view()->viewport();
        QMouseEvent move(QEvent::MouseMove, pos, viewport->mapToGlobal(pos), Qt::NoButton, Qt::NoButton, {});
        QCoreApplication::sendEvent(viewport, &move);
    };
    moveTo(viewPointOf(page, hovered));
    GraphScene *scene = page->scene();
    QVERIFY(scene->highlightActive());
    QCOMPARE(scene->hovered(), scene->indexOf(hovered));
    const GraphSnapshot up = m_window->workspace()->graph({hovered, GraphDirection::Upstream, -1}).value();
    const GraphSnapshot down = m_window->workspace()->graph({hovered, GraphDirection::Downstream, -1}).value();
    const QSet<qint64> expected = ids(up) | ids(down);
    QSet<qint64> lit;
    for (int i = 0; i < scene->data()->view.nodes.size(); ++i) {
        if (scene->nodeLit(i))
            lit.insert(scene->data()->view.nodes.at(i).id);
    }
    QCOMPARE(lit, expected);
    screenshot(u"graph-hover.png"_s);
    moveTo(QPoint(2, 2)); // the background
    QVERIFY(!scene->highlightActive());
}

void TestGraphPage::filtersNarrowTheView()
{
    GraphPage *page = openGraph();
    QVERIFY(page);
    m_window->findChild<QAction *>(u"filterKind_dataset"_s)->setChecked(false);
    QVERIFY(waitForView(page));
    for (const GraphNode &n : page->scene()->data()->view.nodes)
        QVERIFY(n.kind != RecordKind::Dataset);
    QVERIFY(!page->scene()->data()->view.nodes.isEmpty());
    m_window->findChild<QAction *>(u"filterKind_dataset"_s)->setChecked(true);
    QVERIFY(waitForView(page));

    m_window->findChild<QAction *>(u"filterRelation_provided_by"_s)->setChecked(false);
    QVERIFY(waitForView(page));
    for (const GraphEdge &e : page->scene()->data()->view.edges)
        QVERIFY(e.type != RelationType::ProvidedBy);
    m_window->findChild<QAction *>(u"filterRelation_provided_by"_s)->setChecked(true);
    QVERIFY(waitForView(page));

    auto *supplier = page->findChild<QComboBox *>(u"graphSupplierFilter"_s);
    const qint64 meta = idOf(u"Meta Platforms, Inc."_s);
    QVERIFY(supplier->findData(meta) > 0);
    supplier->setCurrentIndex(supplier->findData(meta));
    QVERIFY(waitForView(page));
    // What Meta provides and everything built on it: the impact of the supplier in the workspace.
    QCOMPARE(ids(page->scene()->data()->view),
             ids(m_window->workspace()->graph({meta, GraphDirection::Downstream, -1}).value()));
}

void TestGraphPage::riskExplanationNamesTheCause()
{
    GraphPage *page = openGraph();
    QVERIFY(page);
    const qint64 merge = idOf(u"Acme Router Merge 7B"_s);
    page->selectRecord(merge);
    const QString text = page->detailsPanel()->riskText();
    // Every unlicensed dataset upstream of the merge is named as a cause.
    int unlicensed = 0;
    for (const GraphNode &n : m_window->workspace()->graph({merge, GraphDirection::Upstream, -1}).value().nodes) {
        if (n.kind == RecordKind::Dataset && !n.hasLicense) {
            QVERIFY2(text.contains(n.name), qPrintable(text));
            ++unlicensed;
        }
    }
    QVERIFY(unlicensed > 0);
    QVERIFY(text.contains(u"→"_s));
    screenshot(u"graph-risk.png"_s);
}

void TestGraphPage::layoutIsKeptInTheWorkspace()
{
    GraphPage *page = openGraph();
    QVERIFY(page);
    QVERIFY(!page->scene()->data()->layoutFromCache);
    const qint64 focus = idOf(u"Acme Tone LoRA"_s);
    page->focusOn(focus);
    QVERIFY(waitForView(page));
    const GraphLayoutResult first = page->scene()->data()->layout;
    page->showWholeWorkspace();
    QVERIFY(waitForView(page));
    page->focusOn(focus);
    QVERIFY(waitForView(page));
    QVERIFY(page->scene()->data()->layoutFromCache);
    QCOMPARE(page->scene()->data()->layout.centers, first.centers);
}

void TestGraphPage::workspaceChangesRedrawTheView()
{
    GraphPage *page = openGraph();
    QVERIFY(page);
    const int before = static_cast<int>(page->scene()->data()->view.nodes.size());
    const qint64 added = addRecord(*m_window->workspace(), RecordKind::Model, u"新模型 fine-tune"_s);
    QVERIFY(added > 0);
    QVERIFY(m_window->workspace()->link(added, RelationType::DerivedFrom, idOf(u"Mistral 7B"_s), u"finetune"_s).ok());
    QVERIFY(waitForView(page));
    QCOMPARE(page->scene()->data()->view.nodes.size(), before + 1);
    QVERIFY(page->scene()->itemFor(added));
}

void TestGraphPage::problemsListCyclesAndOrphans()
{
    GraphPage *page = openGraph();
    QVERIFY(page);
    GraphProblemsPanel *panel = page->problemsPanel();
    const int cyclesBefore = panel->section(0)->childCount();
    const int orphansBefore = panel->section(1)->childCount();
    Workspace &ws = *m_window->workspace();
    const qint64 a = addRecord(ws, RecordKind::Software, u"loop-a"_s);
    const qint64 b = addRecord(ws, RecordKind::Software, u"loop-b"_s);
    const qint64 orphan = addRecord(ws, RecordKind::Model, u"无来源模型"_s);
    QVERIFY(a > 0 && b > 0 && orphan > 0);
    QVERIFY(ws.link(a, RelationType::DependsOn, b).ok());
    QVERIFY(ws.link(b, RelationType::DependsOn, a).ok());
    QVERIFY(waitForView(page));

    QCOMPARE(panel->section(0)->childCount(), cyclesBefore + 1);
    QCOMPARE(panel->section(1)->childCount(), orphansBefore + 1);
    QTreeWidgetItem *cycle = nullptr;
    for (int i = 0; i < panel->section(0)->childCount(); ++i) {
        if (panel->section(0)->child(i)->text(0).contains(u"loop-a"_s))
            cycle = panel->section(0)->child(i);
    }
    QVERIFY(cycle);
    QVERIFY(cycle->text(0).contains(u"loop-b"_s));
    bool orphanListed = false;
    for (int i = 0; i < panel->section(1)->childCount(); ++i)
        orphanListed = orphanListed || panel->section(1)->child(i)->text(0) == u"无来源模型"_s;
    QVERIFY(orphanListed);

    // Clicking the cycle focuses the graph on it, both records in view.
    QSignalSpy shown(page, &GraphPage::viewShown);
    panel->tree()->scrollToItem(cycle);
    QTest::mouseClick(panel->tree()->viewport(), Qt::LeftButton, {}, panel->tree()->visualItemRect(cycle).center());
    QVERIFY(shown.wait(kWaitMs));
    QCOMPARE(page->scene()->data()->question.focus, std::min(a, b));
    QVERIFY(page->scene()->indexOf(a) >= 0 && page->scene()->indexOf(b) >= 0);
    screenshot(u"graph-problems.png"_s);
}

void TestGraphPage::cancelledLayoutIsNotKept()
{
    GraphPage *page = openGraph();
    QVERIFY(page);
    const auto storedLayouts = [this] {
        QSqlQuery q(m_window->workspace()->database().connection());
        return q.exec(u"SELECT count(*) FROM graph_layout"_s) && q.next() ? q.value(0).toInt() : -1;
    };
    const int storedBefore = storedLayouts();
    QVERIFY(storedBefore >= 1); // the whole workspace, drawn when the page opened
    const GraphViewData *shownBefore = page->scene()->data();
    auto *cancel = page->findChild<QPushButton *>(u"graphCancelButton"_s);
    QVERIFY(cancel);

    // Cancel as a user would once "Laying out…" shows: the layout is then on its worker, in Graphviz or about to be.
    bool layingOut = false;
    const QMetaObject::Connection watch =
        connect(page->controller(), &GraphController::progress, page, [&](const QString &text) {
            if (!layingOut && text.contains(u"Laying out"_s)) {
                layingOut = true;
                QTimer::singleShot(0, cancel, &QPushButton::click);
            }
        });
    QSignalSpy shown(page, &GraphPage::viewShown);
    page->setDirection(GraphDirection::Upstream);
    page->focusOn(idOf(u"Acme Support Chat API"_s));
    QTRY_VERIFY_WITH_TIMEOUT(layingOut && !page->controller()->isBusy(), kWaitMs);
    disconnect(watch);
    QVERIFY(!page->findChild<QWidget *>(u"graphProgress"_s)->isVisible());
    QVERIFY(page->findChild<QLabel *>(u"graphMessage"_s)->text().contains(u"Cancelled"_s));

    // Whatever the abandoned worker still does, its result is neither shown nor kept.
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCOMPARE(shown.count(), 0);
    QCOMPARE(page->scene()->data(), shownBefore);
    QCOMPARE(storedLayouts(), storedBefore);

    // The page still answers: the same question is laid out again and kept this time.
    page->focusOn(idOf(u"Acme Support Chat API"_s));
    QVERIFY(waitForView(page));
    QCOMPARE(page->scene()->data()->question.focus, idOf(u"Acme Support Chat API"_s));
    QVERIFY(!page->scene()->data()->layoutFromCache);
    QCOMPARE(storedLayouts(), storedBefore + 1);
}

void TestGraphPage::exportsParse()
{
    GraphPage *page = openGraph();
    QVERIFY(page);
    QSignalSpy finished(page->exporter(), &GraphExporter::finished);

    const QString svg = m_dir->filePath(u"view.svg"_s);
    page->exportView(GraphFormat::Svg, svg);
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(finished.last().at(1).toString(), QString());
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QVERIFY(!renderer.defaultSize().isEmpty());

    const QString png = m_dir->filePath(u"view.png"_s);
    page->exportView(GraphFormat::Png, png);
    QVERIFY(finished.wait(kWaitMs));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 200);

    // Through the prompter, as the Export menu does: the suffix is added.
    m_prompter.fileNames = {m_dir->filePath(u"chosen"_s)};
    m_window->findChild<QAction *>(u"graphExport_dot"_s)->trigger();
    QVERIFY(finished.wait(kWaitMs));
    const QString dot = m_dir->filePath(u"chosen.dot"_s);
    QVERIFY(QFile::exists(dot));
    const QString dotProgram = QStandardPaths::findExecutable(u"dot"_s);
    if (dotProgram.isEmpty())
        QSKIP("Graphviz's dot program is not installed (Debian package graphviz); the DOT file was not parsed.");
    QProcess process;
    process.start(dotProgram, {u"-Tsvg"_s, dot});
    QVERIFY(process.waitForFinished(kWaitMs));
    QCOMPARE(process.exitCode(), 0);
    QSvgRenderer fromDot(process.readAllStandardOutput());
    QVERIFY(fromDot.isValid());
    QVERIFY(m_prompter.errors.isEmpty());
}

void TestGraphPage::emptyWorkspaceTeaches()
{
    QVERIFY(m_window->newWorkspace(m_dir->filePath(u"empty.strata"_s)));
    m_window->showGraph();
    GraphPage *page = m_window->graphPage();
    QVERIFY(page->isVisible());
    QVERIFY(page->findChild<QWidget *>(u"graphEmptyState"_s)->isVisible());
    QVERIFY(!page->scene()->data());
}

void TestGraphPage::closingThePageWithTheMiniMapShown()
{
    // Closing the workspace deletes the page, whose scene goes before its view; the view lets go of the scene and
    // resizes, and its minimap used to ask the half-destroyed scene for its data (UBSan: GraphMiniMap::updateViewport).
    GraphPage *page = openGraph();
    QVERIFY(page);
    QPointer<GraphView> view = page->view();
    view->zoomBy(GraphView::kMaxScale / view->scale());
    QVERIFY(view->miniMap()->isVisible()); // only part of the graph on screen
    QVERIFY(m_window->closeWorkspace());
    QVERIFY(!m_window->graphPage());
    QVERIFY(view.isNull());
    QVERIFY(m_prompter.errors.isEmpty());
}

void TestGraphPage::aViewOutlivesItsScene()
{
    GraphPage *page = openGraph();
    QVERIFY(page);
    auto *scene = new GraphScene;
    scene->setData(page->scene()->sharedData());
    scene->finishBuilding();
    GraphView view(scene);
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.sceneReplaced();
    view.zoomBy(GraphView::kMaxScale / view.scale());
    QCOMPARE(view.graphScene(), scene);
    QVERIFY(view.miniMap()->isVisible());

    delete scene;
    QCOMPARE(view.graphScene(), nullptr);
    QVERIFY(!view.miniMap()->isVisible());
    // Everything a user can still do to the empty view works without a scene.
    view.resize(800, 500);
    view.zoomBy(0.5);
    view.zoomToFit();
    view.centerOnRecord(idOf(u"Mistral 7B"_s));
    QTest::mouseMove(view.viewport(), QPoint(200, 200));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(200, 200));
    QTest::keyClick(&view, Qt::Key_Plus);
    QCoreApplication::processEvents();
    QCOMPARE(view.graphScene(), nullptr);
    QVERIFY(!view.miniMap()->isVisible());
}

QTEST_MAIN(TestGraphPage)
#include "TestGraphPage.moc"
