// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTreeWidget;

namespace strata {

class EmptyStateWidget;
class Workspace;

/// The assessments of a workspace and the answers of the selected one by lifecycle stage, so a reviewer sees
/// where each review stands; answers are recorded through `strata-cli assess set` until the walkthrough exists.
class AssessmentsPage : public QWidget
{
    Q_OBJECT

public:
    explicit AssessmentsPage(Workspace *workspace, QWidget *parent = nullptr);

    /// Re-reads the assessments, keeping the selected one when it still exists.
    void refresh();
    /// Selects an assessment by id; false when the list does not hold it.
    bool selectAssessment(qint64 id);

private:
    void showItems();

    Workspace *m_workspace = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_empty = nullptr;
    QTreeWidget *m_assessments = nullptr;
    QTreeWidget *m_items = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace strata
