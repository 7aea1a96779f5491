// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Assessment.h"

#include <QWidget>

#include <array>
#include <optional>

namespace strata {

/// A 5 × 5 likelihood × impact grid with the number of findings in each cell, so the shape of the risk is seen at
/// once; a cell is chosen with the mouse or the keyboard (arrows, Enter) to filter the register, and the whole map
/// is also given as text for screen readers.
class RiskHeatMap : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kSize = 5;

    explicit RiskHeatMap(QWidget *parent = nullptr);

    void setFindings(const QList<Finding> &findings);
    int count(int likelihood, int impact) const;
    /// The chosen cell (likelihood, impact), if any.
    std::optional<std::pair<int, int>> selectedCell() const { return m_selected; }
    void setSelectedCell(std::optional<std::pair<int, int>> cell);
    /// The map as sentences: one per cell that holds findings, highest score first.
    QString textAlternative() const;
    /// The risk level a cell is drawn with in words, so the level never rests on the cell's colour alone.
    static QString levelText(int likelihood, int impact);
    /// Where the centre of a cell is drawn, for tests and tooltips.
    QPoint cellCentre(int likelihood, int impact) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// A cell was chosen (or unchosen: nullopt).
    void cellSelected(std::optional<std::pair<int, int>> cell);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect gridRect() const;
    QRect cellRect(int likelihood, int impact) const;
    std::optional<std::pair<int, int>> cellAt(const QPoint &pos) const;
    void choose(std::optional<std::pair<int, int>> cell);
    QString cellText(int likelihood, int impact) const;

    std::array<std::array<int, kSize>, kSize> m_counts{}; ///< [likelihood - 1][impact - 1]
    std::optional<std::pair<int, int>> m_selected;
    std::pair<int, int> m_focus{1, 1};
};

} // namespace strata
