// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "GraphViewData.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace strata {

/// The graph page's list of what is wrong with the shape of the workspace: records made of themselves (cycles)
/// and models with no known origin (orphans), which no single view shows; clicking one focuses the graph on it.
class GraphProblemsPanel : public QWidget
{
    Q_OBJECT

public:
    /// Entries listed per kind of problem; the rest are counted (the CLI lists them all).
    static constexpr int kListed = 500;

    explicit GraphProblemsPanel(QWidget *parent = nullptr);

    /// Lists the problems of `graph`; a null graph clears the list.
    void setProblems(std::shared_ptr<const GraphProblems> problems, std::shared_ptr<const LineageGraph> graph);
    QTreeWidget *tree() const { return m_tree; }
    /// The item of the cycles (0) or the orphans (1).
    QTreeWidgetItem *section(int index) const;

Q_SIGNALS:
    void focusRequested(qint64 id);

private:
    QLabel *m_summary = nullptr;
    QTreeWidget *m_tree = nullptr;
};

} // namespace strata
