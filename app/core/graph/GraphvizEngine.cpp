// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "graph/GraphvizEngine.h"

#include <QMutex>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr double kPointsPerInch = 72.0;
constexpr int kLockPollMs = 50;

QMutex &graphvizLock()
{
    static QMutex lock;
    return lock;
}

/// Set while a layout holds the lock, including one whose caller has given up on it.
std::atomic<bool> &running()
{
    static std::atomic<bool> flag{false};
    return flag;
}

/// Messages Graphviz reports while the lock is held, so a failure can say what went wrong.
QByteArray &errorText()
{
    static QByteArray text;
    return text;
}

int collectError(char *message)
{
    errorText() += message;
    return 0;
}

/// The one context, created on first use and kept: loading the plugins takes longer than a small layout.
GVC_t *context()
{
    static GVC_t *gvc = [] {
        agseterr(AGERR); // warnings (such as "no glyph for…") are not failures
        agseterrf(collectError);
        return gvContext();
    }();
    return gvc;
}

struct GraphCloser
{
    void operator()(Agraph_t *g) const
    {
        gvFreeLayout(context(), g);
        agclose(g);
    }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

/// Locks Graphviz, giving up when `cancel` is set while another layout holds it.
class Session
{
public:
    explicit Session(const std::atomic<bool> *cancel)
    {
        while (!graphvizLock().tryLock(kLockPollMs)) {
            if (cancel && cancel->load())
                return;
        }
        m_locked = true;
        running().store(true);
        errorText().clear();
    }
    ~Session()
    {
        if (m_locked) {
            running().store(false);
            graphvizLock().unlock();
        }
    }
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;
    bool locked() const { return m_locked; }

private:
    bool m_locked = false;
};

Error cancelled()
{
    return Error{ErrorCode::Cancelled, GraphvizEngine::tr("The layout was cancelled.")};
}

QString lastError()
{
    const QString text = QString::fromUtf8(errorText()).trimmed();
    return text.isEmpty() ? GraphvizEngine::tr("Graphviz gave no reason") : text;
}

QByteArray inches(double points)
{
    return QByteArray::number(points / kPointsPerInch, 'f', 4);
}

} // namespace

Result<GraphvizEngine::Output> GraphvizEngine::layout(const Input &input, const std::atomic<bool> *cancel)
{
    const auto isCancelled = [cancel] { return cancel && cancel->load(); };
    Session session(cancel);
    if (!session.locked() || isCancelled())
        return cancelled();
    GVC_t *gvc = context();

    QByteArray name("lineage");
    GraphPtr g(agopen(name.data(), Agdirected, nullptr));
    if (!g)
        return Error{ErrorCode::Unsupported, tr("Graphviz could not create a graph: %1").arg(lastError())};
    for (auto [key, value] : input.graphAttributes)
        agattr(g.get(), AGRAPH, key.data(), value.data());
    QByteArray shape("shape");
    QByteArray box("box");
    QByteArray fixed("fixedsize");
    QByteArray yes("true");
    QByteArray label("label");
    QByteArray empty("");
    QByteArray width("width");
    QByteArray height("height");
    QByteArray one("1");
    QByteArray dir("dir");
    QByteArray none("none");
    agattr(g.get(), AGNODE, shape.data(), box.data());
    agattr(g.get(), AGNODE, fixed.data(), yes.data());
    agattr(g.get(), AGNODE, label.data(), empty.data()); // no text to measure: the caller gives sizes
    Agsym_t *widthSym = agattr(g.get(), AGNODE, width.data(), one.data());
    Agsym_t *heightSym = agattr(g.get(), AGNODE, height.data(), one.data());
    agattr(g.get(), AGEDGE, dir.data(), none.data()); // routes end at the node: arrowheads are drawn by the caller

    QVector<Agnode_t *> nodes;
    nodes.reserve(input.nodes.size());
    for (int i = 0; i < input.nodes.size(); ++i) {
        QByteArray id = "n" + QByteArray::number(i);
        Agnode_t *n = agnode(g.get(), id.data(), 1);
        QByteArray w = inches(input.nodes.at(i).width);
        QByteArray h = inches(input.nodes.at(i).height);
        agxset(n, widthSym, w.data());
        agxset(n, heightSym, h.data());
        nodes.append(n);
    }
    QVector<Agedge_t *> edges;
    edges.reserve(input.edges.size());
    for (const Edge &e : input.edges) {
        if (e.tail < 0 || e.head < 0 || e.tail >= nodes.size() || e.head >= nodes.size())
            return Error{ErrorCode::InvalidInput, tr("An edge of the layout names a node that is not in it.")};
        edges.append(agedge(g.get(), nodes.at(e.tail), nodes.at(e.head), nullptr, 1));
    }
    if (isCancelled())
        return cancelled();
    if (gvLayout(gvc, g.get(), "dot") != 0)
        return Error{ErrorCode::Unsupported, tr("Graphviz could not lay out the graph: %1").arg(lastError())};
    if (isCancelled())
        return cancelled();

    Output out;
    const boxf bb = GD_bb(g.get());
    // Graphviz puts y upwards from the bottom; views put it downwards from the top.
    const auto toView = [&bb](pointf p) { return QPointF(p.x - bb.LL.x, bb.UR.y - p.y); };
    out.bounds = QRectF(0, 0, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);
    out.centers.reserve(nodes.size());
    for (Agnode_t *n : std::as_const(nodes))
        out.centers.append(toView(ND_coord(n)));
    out.routes.resize(edges.size());
    if (input.routeEdges) {
        for (int i = 0; i < edges.size(); ++i) {
            const splines *spl = ED_spl(edges.at(i));
            if (!spl || spl->size < 1 || spl->list[0].size < 4)
                continue;
            const bezier &bz = spl->list[0];
            QVector<QPointF> &route = out.routes[i];
            route.reserve(bz.size);
            for (int k = 0; k < bz.size; ++k)
                route.append(toView(bz.list[k]));
        }
    }
    return out;
}

Result<QByteArray> GraphvizEngine::render(const QByteArray &dot, const QByteArray &engine, const QByteArray &format)
{
    Session session(nullptr);
    GVC_t *gvc = context();
    GraphPtr g(agmemread(dot.constData()));
    if (!g)
        return Error{ErrorCode::InvalidInput, tr("Graphviz could not read the graph: %1").arg(lastError())};
    if (gvLayout(gvc, g.get(), engine.constData()) != 0)
        return Error{
            ErrorCode::Unsupported,
            tr("Graphviz could not lay out the graph with %1: %2").arg(QString::fromLatin1(engine), lastError())};
    char *data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(gvc, g.get(), format.constData(), &data, &length) != 0 || !data)
        return Error{ErrorCode::Unsupported,
                     tr("Graphviz could not write %1: %2").arg(QString::fromLatin1(format), lastError())};
    QByteArray rendered(data, static_cast<qsizetype>(length));
    gvFreeRenderData(data);
    return rendered;
}

bool GraphvizEngine::isBusy()
{
    return running().load();
}

QString GraphvizEngine::version()
{
    Session session(nullptr);
    return QString::fromUtf8(gvcVersion(context()));
}

} // namespace strata
