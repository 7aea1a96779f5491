// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Assessment.h"
#include "checklist/Catalog.h"

#include <QPointer>
#include <QVector>
#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;
class QTreeWidget;

namespace strata {

class EvidenceAdder;
class ItemPanel;
class Prompter;
class Workspace;

/// The guided review of one assessment: stages with progress on the left, the current item in the middle, the
/// stage's items on the right, driven from the keyboard (J/K, 1–5, E, Esc, N). Every answer is written through
/// Workspace::setItemStatus at once; the item a reviewer stopped at is remembered per workspace and assessment
/// (QSettings), so reopening the assessment returns to it.
class WalkthroughView : public QWidget
{
    Q_OBJECT

public:
    WalkthroughView(Workspace *workspace, Prompter *prompter, QWidget *parent = nullptr);
    ~WalkthroughView() override;

    /// Shows an assessment at the item the reviewer stopped at (or its first item); false when it cannot be read.
    bool openAssessment(qint64 assessmentId);
    qint64 assessmentId() const { return m_assessment.id; }
    /// The key of the item shown, or empty.
    QString currentItemKey() const;
    /// Shows an item by key; false when the assessment has no such item.
    bool showItem(const QString &key);
    EvidenceAdder *evidenceAdder() const { return m_adder; }

    /// Moves to the next (1) or previous (-1) item across stages, keeping typed notes.
    void moveBy(int delta);
    /// Records a status for the current item; not applicable asks for the reason first.
    void setStatus(ItemStatus status);
    void focusNotes();
    /// Writes typed notes and gives the keyboard back to the walkthrough.
    void leaveNotes();
    void attachEvidence();
    void addEvidenceFiles(const QStringList &paths);
    /// Takes one evidence item off the current item, after the reviewer confirms.
    void unlinkEvidence(qint64 evidenceId);
    void raiseFinding();

Q_SIGNALS:
    /// The reviewer asked to go back to the list of assessments.
    void closeRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool handleKey(QKeyEvent *event);
    void reload();
    void showCurrent();
    void updateStages();
    void updateItemList();
    /// Writes notes typed since the item was shown; false (after saying why) when the workspace refused them.
    bool saveNotes();
    bool writeAnswer(const ItemUpdate &update);
    void onEvidenceAdded(const Evidence &evidence, const QVariant &context);
    const AssessmentItem *current() const;
    QString resumeKey() const;
    void rememberPosition() const;

    Workspace *m_workspace = nullptr;
    Prompter *m_prompter = nullptr;
    EvidenceAdder *m_adder = nullptr;
    Assessment m_assessment;
    Catalog m_catalog;
    QList<CheckSuggestion> m_suggestions;
    QVector<int> m_order; ///< indexes into m_assessment.items, stage by stage
    int m_position = -1;  ///< into m_order
    bool m_updating = false;

    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QProgressBar *m_overall = nullptr;
    QListWidget *m_stages = nullptr;
    ItemPanel *m_panel = nullptr;
    QTreeWidget *m_items = nullptr;
    QLabel *m_keys = nullptr;
};

} // namespace strata
