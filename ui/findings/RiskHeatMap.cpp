// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "RiskHeatMap.h"

#include "FindingTableModel.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kCell = 44;
constexpr int kAxis = 28;

QColor levelColor(RiskLevel level)
{
    switch (level) {
    case RiskLevel::Low:
        return QColor(0x81, 0xc7, 0x84);
    case RiskLevel::Medium:
        return QColor(0xff, 0xd5, 0x4f);
    case RiskLevel::High:
        return QColor(0xff, 0x8a, 0x65);
    case RiskLevel::Critical:
        return QColor(0xe5, 0x73, 0x73);
    }
    return {};
}

} // namespace

RiskHeatMap::RiskHeatMap(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"riskHeatMap"_s);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Risk heat map"));
    setMouseTracking(true);
    setFindings({});
}

void RiskHeatMap::setFindings(const QList<Finding> &findings)
{
    m_counts = {};
    for (const Finding &f : findings) {
        if (f.likelihood >= 1 && f.likelihood <= kSize && f.impact >= 1 && f.impact <= kSize)
            ++m_counts[static_cast<size_t>(f.likelihood - 1)][static_cast<size_t>(f.impact - 1)];
    }
    setAccessibleDescription(textAlternative());
    update();
}

int RiskHeatMap::count(int likelihood, int impact) const
{
    if (likelihood < 1 || likelihood > kSize || impact < 1 || impact > kSize)
        return 0;
    return m_counts[static_cast<size_t>(likelihood - 1)][static_cast<size_t>(impact - 1)];
}

void RiskHeatMap::setSelectedCell(std::optional<std::pair<int, int>> cell)
{
    m_selected = cell;
    if (cell)
        m_focus = *cell;
    update();
}

QString RiskHeatMap::cellText(int likelihood, int impact) const
{
    const int score = likelihood * impact;
    return tr("Likelihood %1, impact %2 (score %3, %4): %n finding(s)", "", count(likelihood, impact))
        .arg(likelihood)
        .arg(impact)
        .arg(score)
        .arg(riskLevelLabel(riskLevel(score)));
}

QString RiskHeatMap::levelText(int likelihood, int impact)
{
    return riskLevelLabel(riskLevel(likelihood * impact));
}

QString RiskHeatMap::textAlternative() const
{
    QList<std::pair<int, int>> cells;
    for (int l = 1; l <= kSize; ++l) {
        for (int i = 1; i <= kSize; ++i) {
            if (count(l, i) > 0)
                cells.append({l, i});
        }
    }
    if (cells.isEmpty())
        return tr("No findings to map.");
    std::stable_sort(cells.begin(), cells.end(),
                     [](const auto &a, const auto &b) { return a.first * a.second > b.first * b.second; });
    QStringList lines;
    for (const auto &[l, i] : cells)
        lines << cellText(l, i);
    return lines.join(u'\n');
}

QSize RiskHeatMap::sizeHint() const
{
    return {kAxis * 2 + kCell * kSize + 8, kAxis * 2 + kCell * kSize + 8};
}

QSize RiskHeatMap::minimumSizeHint() const
{
    return sizeHint();
}

QRect RiskHeatMap::gridRect() const
{
    return {kAxis + 4, 4, kCell * kSize, kCell * kSize};
}

QRect RiskHeatMap::cellRect(int likelihood, int impact) const
{
    const QRect grid = gridRect();
    // Impact grows to the right, likelihood upwards.
    return {grid.left() + (impact - 1) * kCell, grid.top() + (kSize - likelihood) * kCell, kCell, kCell};
}

QPoint RiskHeatMap::cellCentre(int likelihood, int impact) const
{
    return cellRect(likelihood, impact).center();
}

std::optional<std::pair<int, int>> RiskHeatMap::cellAt(const QPoint &pos) const
{
    const QRect grid = gridRect();
    if (!grid.contains(pos))
        return std::nullopt;
    const int impact = (pos.x() - grid.left()) / kCell + 1;
    const int likelihood = kSize - (pos.y() - grid.top()) / kCell;
    return std::make_pair(std::clamp(likelihood, 1, kSize), std::clamp(impact, 1, kSize));
}

void RiskHeatMap::choose(std::optional<std::pair<int, int>> cell)
{
    // Choosing the chosen cell again clears the filter.
    if (cell && m_selected == cell)
        cell.reset();
    setSelectedCell(cell);
    Q_EMIT cellSelected(m_selected);
}

void RiskHeatMap::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    QFont bold = font();
    bold.setBold(true);
    for (int l = 1; l <= kSize; ++l) {
        for (int i = 1; i <= kSize; ++i) {
            const QRect r = cellRect(l, i).adjusted(1, 1, -1, -1);
            const int n = count(l, i);
            QColor fill = levelColor(riskLevel(l * i));
            if (n == 0)
                fill.setAlpha(70);
            p.setPen(Qt::NoPen);
            p.setBrush(fill);
            p.drawRoundedRect(r, 3, 3);
            // An empty cell is a faint tint over the window: its word is dark or light by what it is drawn on.
            const QColor window = pal.color(QPalette::Window);
            const double a = fill.alphaF();
            const int shown = qRound(a * fill.lightness() + (1 - a) * window.lightness());
            QFont small = font();
            small.setPointSizeF(small.pointSizeF() * 0.72);
            p.setFont(small);
            p.setPen(shown >= 128 ? QColor(0x20, 0x20, 0x20) : QColor(0xe0, 0xe0, 0xe0));
            const QRect bottom = r.adjusted(1, r.height() / 2, -1, -2);
            p.drawText(bottom, Qt::AlignHCenter | Qt::AlignBottom,
                       QFontMetrics(small).elidedText(levelText(l, i), Qt::ElideRight, bottom.width()));
            if (n > 0) {
                p.setPen(Qt::black);
                p.setFont(bold);
                p.drawText(r.adjusted(0, 0, 0, -r.height() / 3), Qt::AlignCenter, QString::number(n));
            }
            if (m_selected == std::make_pair(l, i)) {
                p.setBrush(Qt::NoBrush);
                p.setPen(QPen(pal.color(QPalette::Highlight), 3));
                p.drawRoundedRect(r.adjusted(1, 1, -1, -1), 3, 3);
            }
            if (hasFocus() && m_focus == std::make_pair(l, i)) {
                p.setBrush(Qt::NoBrush);
                p.setPen(QPen(pal.color(QPalette::WindowText), 1, Qt::DashLine));
                p.drawRect(r.adjusted(3, 3, -3, -3));
            }
        }
    }
    p.setFont(font());
    p.setPen(pal.color(QPalette::WindowText));
    const QRect grid = gridRect();
    for (int k = 1; k <= kSize; ++k) {
        const QRect below = cellRect(1, k).translated(0, kCell);
        p.drawText(QRect(below.left(), below.top(), kCell, kAxis / 2 + 4), Qt::AlignCenter, QString::number(k));
        const QRect left = cellRect(k, 1);
        p.drawText(QRect(grid.left() - kAxis, left.top(), kAxis - 4, kCell), Qt::AlignRight | Qt::AlignVCenter,
                   QString::number(k));
    }
    p.drawText(QRect(grid.left(), grid.bottom() + kAxis / 2 + 2, grid.width(), kAxis / 2 + 4), Qt::AlignCenter,
               tr("Impact"));
    p.save();
    p.translate(8, grid.center().y());
    p.rotate(-90);
    p.drawText(QRect(-grid.height() / 2, -8, grid.height(), 16), Qt::AlignCenter, tr("Likelihood"));
    p.restore();
}

void RiskHeatMap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    const auto cell = cellAt(event->position().toPoint());
    if (!cell)
        return;
    m_focus = *cell;
    choose(cell);
}

void RiskHeatMap::keyPressEvent(QKeyEvent *event)
{
    auto [l, i] = m_focus;
    switch (event->key()) {
    case Qt::Key_Left:
        i = std::max(1, i - 1);
        break;
    case Qt::Key_Right:
        i = std::min(kSize, i + 1);
        break;
    case Qt::Key_Up:
        l = std::min(kSize, l + 1);
        break;
    case Qt::Key_Down:
        l = std::max(1, l - 1);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        choose(m_focus);
        return;
    case Qt::Key_Escape:
        if (m_selected) {
            m_selected.reset();
            update();
            Q_EMIT cellSelected(m_selected);
            return;
        }
        return QWidget::keyPressEvent(event);
    default:
        return QWidget::keyPressEvent(event);
    }
    m_focus = {l, i};
    setAccessibleName(tr("Risk heat map: %1").arg(cellText(l, i)));
    update();
}

bool RiskHeatMap::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        if (const auto cell = cellAt(help->pos()))
            QToolTip::showText(help->globalPos(), cellText(cell->first, cell->second), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace strata
