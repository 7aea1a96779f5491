// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "GraphProblemsPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QString label(const GraphNode &node)
{
    return node.version.isEmpty() ? node.name : GraphProblemsPanel::tr("%1 %2").arg(node.name, node.version);
}

void addMore(QTreeWidgetItem *section, qsizetype total)
{
    if (total <= GraphProblemsPanel::kListed)
        return;
    auto *more = new QTreeWidgetItem(section);
    more->setText(0, GraphProblemsPanel::tr("… and %n more; \"strata-cli graph cycles\" and \"graph orphans\" list "
                                            "them all",
                                            "", int(total - GraphProblemsPanel::kListed)));
    more->setFlags(Qt::ItemIsEnabled);
}

} // namespace

GraphProblemsPanel::GraphProblemsPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"graphProblemsPanel"_s);
    auto *title = new QLabel(tr("Problems"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"graphProblemsSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(u"graphProblemsTree"_s);
    m_tree->setAccessibleName(tr("Problems in the graph"));
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setRootIsDecorated(true);
    m_tree->header()->setStretchLastSection(true);
    for (const QString &name : {tr("Cycles"), tr("Models with no known origin")}) {
        auto *section = new QTreeWidgetItem(m_tree);
        section->setText(0, name);
        section->setFlags(Qt::ItemIsEnabled);
    }
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (const qint64 id = item->data(0, kIdRole).toLongLong())
            Q_EMIT focusRequested(id);
    });
    connect(m_tree, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        if (const qint64 id = item->data(0, kIdRole).toLongLong())
            Q_EMIT focusRequested(id);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    setProblems(nullptr, nullptr);
}

QTreeWidgetItem *GraphProblemsPanel::section(int index) const
{
    return m_tree->topLevelItem(index);
}

void GraphProblemsPanel::setProblems(std::shared_ptr<const GraphProblems> problems,
                                     std::shared_ptr<const LineageGraph> graph)
{
    QTreeWidgetItem *cycles = section(0);
    QTreeWidgetItem *orphans = section(1);
    qDeleteAll(cycles->takeChildren());
    qDeleteAll(orphans->takeChildren());
    if (!problems || !graph) {
        cycles->setText(0, tr("Cycles"));
        orphans->setText(0, tr("Models with no known origin"));
        m_summary->setText(tr("Shown once the workspace graph has been read."));
        return;
    }
    cycles->setText(0, tr("Cycles (%1)").arg(problems->cycles.size()));
    orphans->setText(0, tr("Models with no known origin (%1)").arg(problems->orphans.size()));
    for (const QVector<qint64> &group : problems->cycles.mid(0, kListed)) {
        QStringList names;
        for (qint64 id : group) {
            const int v = graph->indexOf(id);
            names << (v >= 0 ? label(graph->node(v)) : QString::number(id));
        }
        auto *item = new QTreeWidgetItem(cycles);
        item->setText(0, names.join(u" · "_s));
        item->setToolTip(0, tr("These %n record(s) are made of each other; click to see them.", "", int(group.size())));
        item->setData(0, kIdRole, group.constFirst());
    }
    addMore(cycles, problems->cycles.size());
    for (qint64 id : problems->orphans.mid(0, kListed)) {
        const int v = graph->indexOf(id);
        auto *item = new QTreeWidgetItem(orphans);
        item->setText(0, v >= 0 ? label(graph->node(v)) : QString::number(id));
        item->setToolTip(0, tr("Neither derived from a record nor provided by a supplier; click to see it."));
        item->setData(0, kIdRole, id);
    }
    addMore(orphans, problems->orphans.size());
    cycles->setExpanded(!problems->cycles.isEmpty());
    orphans->setExpanded(!problems->orphans.isEmpty());
    m_summary->setText(problems->cycles.isEmpty() && problems->orphans.isEmpty()
                           ? tr("No cycles and no models without an origin.")
                           : tr("Click one to focus the graph on it."));
}

} // namespace strata
