// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "GraphViewData.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

class QTimer;

namespace strata {

class GraphCache;
class Workspace;

/// Answers the graph page's questions without blocking the window: reads the workspace graph in slices on the
/// GUI thread (which owns the connection), indexes it and computes risk on a worker, cuts the view, reuses a
/// layout stored in the workspace or computes one on a worker, and hands back the result. Cancel drops the
/// running step at once and the window is free again; a newer question supersedes an older one. A layout cancelled
/// while Graphviz runs cannot be stopped: its worker finishes (seconds at most, GraphLayout's tiers keep it short),
/// and its result is discarded, never shown nor stored in the workspace.
class GraphController : public QObject
{
    Q_OBJECT

public:
    /// Views larger than this are refused with a message saying how to narrow them (tooLarge()).
    static constexpr int kMaxViewNodes = 25000;
    /// Views up to this size get their boxes measured with the real font; larger ones estimated.
    static constexpr int kMeasuredNodes = 3000;

    using Sizer = std::function<QVector<QSizeF>(const GraphSnapshot &)>;

    explicit GraphController(Workspace *workspace, QObject *parent = nullptr);
    ~GraphController() override;

    /// Sizes the boxes of a view (the page measures text with its font); default: GraphExport::estimatedSize.
    void setSizer(Sizer sizer) { m_sizer = std::move(sizer); }
    /// Starts answering; a running answer to an earlier question is dropped.
    void ask(const GraphQuestion &question);
    /// Asks the last question again (after the workspace changed).
    void refresh();
    void cancel();
    bool isBusy() const { return m_busy; }
    GraphQuestion question() const { return m_question; }

    /// The whole indexed graph and its risk, once read; null before.
    std::shared_ptr<const LineageGraph> graph() const { return m_graph; }
    std::shared_ptr<const RiskMap> risk() const { return m_risk; }
    /// Cycles and orphan models of the whole graph, once read; null before.
    std::shared_ptr<const GraphProblems> problems() const { return m_problems; }

    /// The records and relations a question shows, cut from the whole graph (pure; public for tests).
    static GraphSnapshot cutView(const LineageGraph &graph, const GraphQuestion &question);
    /// Why a view is not drawn and what to change: for a focused view, the most hops that fit.
    static QString tooLarge(const GraphViewData &data);

Q_SIGNALS:
    void busyChanged(bool busy);
    /// A step and how far it got; maximum 0 means "busy, no measure".
    void progress(const QString &text, int value, int maximum);
    void viewReady(std::shared_ptr<const strata::GraphViewData> data);
    void failed(const QString &message);
    /// The workspace graph was read again: lists of suppliers and names may have changed.
    void graphLoaded();
    /// The workspace changed after the current view was drawn.
    void stale();

private:
    void setBusy(bool busy);
    void loadSlice();
    void indexLoaded();
    void compose();
    void layOut(std::shared_ptr<GraphViewData> data);
    void finish(std::shared_ptr<GraphViewData> data);
    void fail(const QString &message);

    QPointer<Workspace> m_workspace;
    GraphCache *m_cache = nullptr;
    QTimer *m_sliceTimer = nullptr;
    Sizer m_sizer;
    GraphQuestion m_question;
    bool m_asked = false;
    bool m_busy = false;
    int m_sliceRows = 5000;
    quint64 m_job = 0; ///< bumped by every question and by Cancel: late results of older jobs are dropped
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<const LineageGraph> m_graph;
    std::shared_ptr<const RiskMap> m_risk;
    std::shared_ptr<const GraphProblems> m_problems;
};

} // namespace strata
