// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "GraphViewData.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;

namespace strata {

/// The side panel of the graph page: the selected record's essentials and why it is risky, in itself or through
/// what it is made of (each cause with its path), plus the suppliers under it.
class GraphDetailsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit GraphDetailsPanel(QWidget *parent = nullptr);

    /// Shows the record; 0 (or a record not in `data`) shows the hint instead.
    void showRecord(std::shared_ptr<const GraphViewData> data, qint64 id);
    qint64 recordId() const { return m_id; }
    /// The risk explanation as shown, in plain text (tests, accessibility).
    QString riskText() const;

Q_SIGNALS:
    void openRequested(qint64 id);
    void focusRequested(qint64 id);

private:
    QString describe(const GraphViewData &data, int node) const;

    qint64 m_id = 0;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_body = nullptr;
    QLabel *m_risk = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_focus = nullptr;
};

} // namespace strata
