// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "GraphDetailsPanel.h"

#include "graph/GraphQueries.h"
#include "graph/GraphRisk.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kCausesShown = 8;
constexpr int kSuppliersShown = 4;

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString list(const QStringList &items)
{
    QString html = u"<ul style=\"margin-left:-24px\">"_s;
    for (const QString &item : items)
        html += u"<li>%1</li>"_s.arg(item);
    return html + u"</ul>"_s;
}

} // namespace

GraphDetailsPanel::GraphDetailsPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"graphDetailsPanel"_s);
    m_title = new QLabel(this);
    m_title->setObjectName(u"graphDetailsTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(this);
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setWordWrap(true);
    m_body = new QLabel(this);
    m_body->setObjectName(u"graphDetailsBody"_s);
    m_body->setTextFormat(Qt::RichText);
    m_body->setWordWrap(true);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_risk = new QLabel(this);
    m_risk->setObjectName(u"graphRiskExplanation"_s);
    m_risk->setTextFormat(Qt::RichText);
    m_risk->setWordWrap(true);
    m_risk->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_open = new QPushButton(tr("Open in Inventory"), this);
    m_open->setObjectName(u"openInInventoryButton"_s);
    m_open->setToolTip(tr("Show this record with all its fields on its inventory page"));
    connect(m_open, &QPushButton::clicked, this, [this] { Q_EMIT openRequested(m_id); });
    m_focus = new QPushButton(tr("Focus Here"), this);
    m_focus->setObjectName(u"focusHereButton"_s);
    m_focus->setToolTip(tr("Center the graph on this record (or double-click it)"));
    connect(m_focus, &QPushButton::clicked, this, [this] { Q_EMIT focusRequested(m_id); });

    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->addWidget(m_title);
    column->addWidget(m_subtitle);
    column->addWidget(m_body);
    column->addWidget(m_risk);
    column->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_focus);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);
    showRecord(nullptr, 0);
}

QString GraphDetailsPanel::riskText() const
{
    QTextDocument document;
    document.setHtml(m_risk->text());
    return document.toPlainText();
}

void GraphDetailsPanel::showRecord(std::shared_ptr<const GraphViewData> data, qint64 id)
{
    const int node = data && data->graph ? data->graph->indexOf(id) : -1;
    m_id = node >= 0 ? id : 0;
    m_open->setEnabled(m_id != 0);
    m_focus->setEnabled(m_id != 0);
    if (node < 0) {
        m_title->setText(tr("No record selected"));
        m_subtitle->setText(tr("Click a record to see why it is or is not risky; double-click it to put it at the "
                               "centre of the graph."));
        m_body->clear();
        m_risk->clear();
        return;
    }
    const GraphNode &n = data->graph->node(node);
    m_title->setText(n.name);
    m_subtitle->setText(n.version.isEmpty()
                            ? tr("%1 · id %2").arg(recordKindLabel(n.kind)).arg(n.id)
                            : tr("%1 · version %2 · id %3").arg(recordKindLabel(n.kind), n.version).arg(n.id));
    m_body->setText(describe(*data, node));

    const LineageGraph &graph = *data->graph;
    const RiskReasons own = GraphRisk::reasonsOf(n);
    QString html = u"<p><b>%1</b></p>"_s.arg(tr("Risk"));
    if (own)
        html += u"<p>%1</p>"_s.arg(tr("Risky in itself:")) + list(GraphRisk::reasonTexts(n, own));
    const QVector<RiskCause> causes = GraphRisk::explain(graph, node, {}, kCausesShown + 1);
    if (!causes.isEmpty()) {
        QStringList items;
        for (int i = 0; i < std::min<int>(kCausesShown, causes.size()); ++i) {
            const RiskCause &c = causes.at(i);
            QStringList chain;
            for (int v : c.path.nodes)
                chain << escaped(graph.node(v).name);
            items << tr("<b>%1</b> (%2): %3<br/><small>%4</small>")
                         .arg(escaped(graph.node(c.cause).name), recordKindLabel(graph.node(c.cause).kind).toLower(),
                              escaped(GraphRisk::reasonTexts(graph.node(c.cause), c.reasons).join(u"; "_s)),
                              chain.join(u" → "_s));
        }
        html += u"<p>%1</p>"_s.arg(tr("Inherits risk from what it is made of:")) + list(items);
        if (causes.size() > kCausesShown)
            html += u"<p>%1</p>"_s.arg(tr("…and more; the lineage lists them all."));
    }
    if (!own && causes.isEmpty())
        html += u"<p>%1</p>"_s.arg(tr("Neither this record nor anything it is made of is flagged by the current "
                                      "rules (unverified, no license, no digest, expired certification)."));
    m_risk->setText(html);
}

QString GraphDetailsPanel::describe(const GraphViewData &data, int node) const
{
    const LineageGraph &graph = *data.graph;
    const GraphNode &n = graph.node(node);
    QStringList suppliers;
    for (int e : graph.upstreamEdges(node)) {
        if (graph.edge(e).type == RelationType::ProvidedBy)
            suppliers << escaped(graph.node(graph.toIndex(e)).name);
    }
    QStringList rows;
    if (n.kind != RecordKind::Supplier)
        rows << tr("Supplier: %1").arg(suppliers.isEmpty() ? tr("none recorded") : suppliers.join(u", "_s));
    if (n.kind == RecordKind::Model || n.kind == RecordKind::Dataset || n.kind == RecordKind::Software)
        rows << tr("License: %1").arg(n.hasLicense ? tr("recorded") : tr("missing"));
    if (n.kind == RecordKind::Model || n.kind == RecordKind::Dataset)
        rows << tr("File digests: %1").arg(n.hasDigest ? tr("recorded") : tr("missing"));
    if (n.kind == RecordKind::Supplier && n.certificationValidUntil.isValid())
        rows << tr("First certification to lapse: %1, valid until %2")
                    .arg(escaped(n.certification), QLocale().toString(n.certificationValidUntil, QLocale::ShortFormat));
    if (n.placeholder)
        rows << tr("Unverified: only referenced by an import");
    const int upstream = int(graphquery::lineage(graph, node).reached.size()) - 1;
    const int downstream = int(graphquery::impact(graph, node).reached.size()) - 1;
    rows << (upstream > 0 ? tr("Made of %n record(s)", "", upstream) : tr("Made of nothing recorded"));
    rows << (downstream > 0 ? tr("%n record(s) built on it", "", downstream) : tr("Nothing is built on it"));

    const SupplierConcentration c = graphquery::supplierConcentration(graph, node);
    if (n.kind != RecordKind::Supplier && !c.suppliers.isEmpty()) {
        QStringList shares;
        for (int i = 0; i < std::min<int>(kSuppliersShown, c.suppliers.size()); ++i) {
            const SupplierShare &s = c.suppliers.at(i);
            shares << tr("%1: %2 of %n record(s) (%3%)", "", c.lineageRecords)
                          .arg(escaped(graph.node(s.supplier).name))
                          .arg(s.records.size())
                          .arg(qRound(s.share * 100));
        }
        rows << tr("Suppliers under it:") + list(shares);
    }
    return rows.join(u"<br/>"_s);
}

} // namespace strata
