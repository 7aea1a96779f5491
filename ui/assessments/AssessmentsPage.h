// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace strata {

class EmptyStateWidget;
class Prompter;
class ReleaseSignoffPanel;
class WalkthroughView;
class Workspace;

/// The assessments of a workspace and the answers of the selected one by lifecycle stage, so a reviewer sees
/// where each review stands, starts new releases and assessments, and opens one for the walkthrough.
class AssessmentsPage : public QWidget
{
    Q_OBJECT

public:
    /// Without a prompter the page only lists (no dialogs, no walkthrough).
    explicit AssessmentsPage(Workspace *workspace, Prompter *prompter = nullptr, QWidget *parent = nullptr);

    /// Re-reads the assessments, keeping the selected one when it still exists.
    void refresh();
    /// Selects an assessment by id; false when the list does not hold it.
    bool selectAssessment(qint64 id);
    /// Opens the walkthrough of an assessment; false when it cannot be read.
    bool openWalkthrough(qint64 id);
    /// Back to the list of assessments.
    void closeWalkthrough();
    WalkthroughView *walkthrough() const { return m_walkthrough; }
    ReleaseSignoffPanel *releasePanel() const { return m_releases; }

    /// Asks for a release's name, version and root and creates it; true when one was created.
    bool newRelease();
    /// Asks for an assessment's scope and catalog, creates it and opens its walkthrough; true when one was created.
    bool newAssessment();
    /// The assessment selected in the list; 0 when none is.
    qint64 selectedId() const;

private:
    void showItems();

    Workspace *m_workspace = nullptr;
    Prompter *m_prompter = nullptr;
    WalkthroughView *m_walkthrough = nullptr;
    QPushButton *m_openButton = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_empty = nullptr;
    QTreeWidget *m_assessments = nullptr;
    ReleaseSignoffPanel *m_releases = nullptr;
    QTreeWidget *m_items = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace strata
