// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "AssessmentsPage.h"

#include "EmptyStateWidget.h"
#include "NewAssessmentDialog.h"
#include "NewReleaseDialog.h"
#include "Prompter.h"
#include "ReleaseSignoffPanel.h"
#include "WalkthroughView.h"
#include "workspace/Workspace.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kEmptyIndex = 0;
constexpr int kListIndex = 1;
constexpr int kWalkthroughIndex = 2;

} // namespace

AssessmentsPage::AssessmentsPage(Workspace *workspace, Prompter *prompter, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_prompter(prompter)
{
    m_empty = new EmptyStateWidget;
    m_empty->setObjectName(u"assessmentsEmpty"_s);
    m_empty->setTitle(tr("No assessments yet"));
    m_empty->setText(
        tr("An assessment walks a release or a record through a checklist catalog, stage by stage from "
           "governance to retirement. Create a release (a root record and everything upstream of it), then "
           "assess the release, a record or a supplier."));

    m_assessments = new QTreeWidget;
    m_assessments->setObjectName(u"assessmentList"_s);
    m_assessments->setAccessibleName(tr("Assessments"));
    m_assessments->setRootIsDecorated(false);
    m_assessments->setUniformRowHeights(true);
    m_assessments->setHeaderLabels({tr("ID"), tr("Scope"), tr("Catalog"), tr("Answered"), tr("Failed")});

    m_items = new QTreeWidget;
    m_items->setObjectName(u"assessmentItems"_s);
    m_items->setAccessibleName(tr("Checklist items"));
    m_items->setUniformRowHeights(true);
    m_items->setHeaderLabels({tr("Item"), tr("Status"), tr("Title"), tr("Reviewer"), tr("Evidence")});

    m_error = new QLabel;
    m_error->setObjectName(u"assessmentsError"_s);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->hide();

    m_releases = new ReleaseSignoffPanel(workspace, prompter);
    m_releases->setObjectName(u"releaseSignoffPanel"_s);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_releases);
    splitter->addWidget(m_assessments);
    splitter->addWidget(m_items);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 3);

    auto *listPage = new QWidget;
    auto *listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    if (m_prompter) {
        auto *buttons = new QHBoxLayout;
        auto *newRelease = new QPushButton(tr("New Release…"));
        newRelease->setObjectName(u"newReleaseButton"_s);
        auto *newAssessment = new QPushButton(tr("New Assessment…"));
        newAssessment->setObjectName(u"newAssessmentButton"_s);
        m_openButton = new QPushButton(tr("Open Walkthrough"));
        m_openButton->setObjectName(u"openWalkthroughButton"_s);
        m_openButton->setDefault(true);
        buttons->addWidget(newRelease);
        buttons->addWidget(newAssessment);
        buttons->addStretch();
        buttons->addWidget(m_openButton);
        listLayout->addLayout(buttons);
        connect(newRelease, &QPushButton::clicked, this, &AssessmentsPage::newRelease);
        connect(newAssessment, &QPushButton::clicked, this, &AssessmentsPage::newAssessment);
        connect(m_openButton, &QPushButton::clicked, this, [this] { openWalkthrough(selectedId()); });
        connect(m_assessments, &QTreeWidget::itemActivated, this, [this] { openWalkthrough(selectedId()); });
        connect(m_empty->addButton(tr("New Release…"), u"emptyNewRelease"_s), &QPushButton::clicked, this,
                &AssessmentsPage::newRelease);
        connect(m_empty->addButton(tr("New Assessment…"), u"emptyNewAssessment"_s), &QPushButton::clicked, this,
                &AssessmentsPage::newAssessment);
        m_walkthrough = new WalkthroughView(workspace, prompter);
        connect(m_walkthrough, &WalkthroughView::closeRequested, this, &AssessmentsPage::closeWalkthrough);
    }
    listLayout->addWidget(m_error);
    listLayout->addWidget(splitter);

    m_stack = new QStackedWidget;
    m_stack->insertWidget(kEmptyIndex, m_empty);
    m_stack->insertWidget(kListIndex, listPage);
    if (m_walkthrough)
        m_stack->insertWidget(kWalkthroughIndex, m_walkthrough);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_assessments, &QTreeWidget::currentItemChanged, this, &AssessmentsPage::showItems);
    if (m_workspace)
        connect(m_workspace, &Workspace::assessmentsChanged, this, &AssessmentsPage::refresh);
    refresh();
}

qint64 AssessmentsPage::selectedId() const
{
    return m_assessments->currentItem() ? m_assessments->currentItem()->data(0, kIdRole).toLongLong() : 0;
}

bool AssessmentsPage::openWalkthrough(qint64 id)
{
    if (!m_walkthrough || id == 0 || !m_walkthrough->openAssessment(id))
        return false;
    selectAssessment(id);
    m_stack->setCurrentIndex(kWalkthroughIndex);
    m_walkthrough->setFocus();
    return true;
}

void AssessmentsPage::closeWalkthrough()
{
    m_stack->setCurrentIndex(kListIndex);
    refresh();
    m_assessments->setFocus();
}

bool AssessmentsPage::newRelease()
{
    if (!m_workspace || !m_prompter)
        return false;
    NewReleaseDialog dialog(m_workspace, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const Release &release = dialog.release();
    if (m_prompter->confirm(
            this, tr("Release Created"),
            tr("Release %1 holds %n record(s). Assess it now?", "", static_cast<int>(release.members.size()))
                .arg(release.label()))) {
        NewAssessmentDialog assess(m_workspace, this);
        assess.selectRelease(release.id);
        if (assess.exec() == QDialog::Accepted)
            openWalkthrough(assess.assessment().id);
    }
    return true;
}

bool AssessmentsPage::newAssessment()
{
    if (!m_workspace || !m_prompter)
        return false;
    NewAssessmentDialog dialog(m_workspace, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    refresh();
    openWalkthrough(dialog.assessment().id);
    return true;
}

void AssessmentsPage::refresh()
{
    if (m_stack && m_stack->currentIndex() == kWalkthroughIndex)
        return; // the walkthrough refreshes itself; the list is read again when the reviewer goes back
    const qint64 selected = selectedId();
    m_assessments->clear();
    const Result<QList<AssessmentSummary>> all =
        m_workspace ? m_workspace->assessments() : Result<QList<AssessmentSummary>>(QList<AssessmentSummary>());
    m_error->setVisible(!all.ok());
    if (!all.ok()) {
        m_error->setText(all.error().message);
        m_stack->setCurrentIndex(kListIndex);
        return;
    }
    // A release without an assessment still shows the list, so its sign-off panel says what is missing.
    const Result<QList<Release>> releases = m_workspace ? m_workspace->releases() : QList<Release>();
    const bool noReleases = !releases.ok() || releases.value().isEmpty();
    m_stack->setCurrentIndex(all.value().isEmpty() && noReleases ? kEmptyIndex : kListIndex);
    if (m_openButton)
        m_openButton->setEnabled(!all.value().isEmpty());
    for (const AssessmentSummary &s : all.value()) {
        auto *row = new QTreeWidgetItem(m_assessments);
        row->setText(0, QString::number(s.id));
        row->setData(0, kIdRole, s.id);
        row->setText(1, s.scopeLabel);
        row->setText(2, u"%1 %2"_s.arg(s.catalogKey, s.catalogVersion));
        row->setText(3, tr("%1 of %2").arg(s.answered).arg(s.itemCount));
        row->setText(4, QString::number(s.failed));
    }
    m_assessments->header()->resizeSections(QHeaderView::ResizeToContents);
    if (!selectAssessment(selected) && m_assessments->topLevelItemCount() > 0)
        m_assessments->setCurrentItem(m_assessments->topLevelItem(0));
    showItems();
}

bool AssessmentsPage::selectAssessment(qint64 id)
{
    for (int i = 0; i < m_assessments->topLevelItemCount(); ++i) {
        QTreeWidgetItem *row = m_assessments->topLevelItem(i);
        if (row->data(0, kIdRole).toLongLong() == id) {
            m_assessments->setCurrentItem(row);
            return true;
        }
    }
    return false;
}

void AssessmentsPage::showItems()
{
    m_items->clear();
    QTreeWidgetItem *current = m_assessments->currentItem();
    if (!current || !m_workspace)
        return;
    const Result<Assessment> assessment = m_workspace->assessment(current->data(0, kIdRole).toLongLong());
    if (!assessment.ok()) {
        m_error->setText(assessment.error().message);
        m_error->show();
        return;
    }
    for (LifecycleStage stage : allLifecycleStages()) {
        QTreeWidgetItem *stageRow = nullptr;
        int count = 0;
        int answered = 0;
        for (const AssessmentItem &item : assessment.value().items) {
            if (item.stage != stage)
                continue;
            if (!stageRow)
                stageRow = new QTreeWidgetItem(m_items);
            ++count;
            answered += item.status != ItemStatus::NotStarted ? 1 : 0;
            auto *row = new QTreeWidgetItem(stageRow);
            row->setText(0, item.label());
            row->setText(1, itemStatusLabel(item.status));
            row->setData(1, kIdRole, itemStatusKey(item.status));
            row->setText(2, item.title.text());
            row->setText(3, item.reviewer);
            row->setText(4, QString::number(item.evidence.size()));
        }
        if (stageRow) {
            stageRow->setText(0, lifecycleStageLabel(stage));
            stageRow->setText(1, tr("%1 of %n answered", "", count).arg(answered));
            stageRow->setFirstColumnSpanned(false);
        }
    }
    m_items->expandAll();
    m_items->header()->resizeSections(QHeaderView::ResizeToContents);
}

} // namespace strata
