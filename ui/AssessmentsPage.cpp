// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "AssessmentsPage.h"

#include "EmptyStateWidget.h"
#include "workspace/Workspace.h"

#include <QHeaderView>
#include <QLabel>
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

} // namespace

AssessmentsPage::AssessmentsPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    m_empty = new EmptyStateWidget;
    m_empty->setObjectName(u"assessmentsEmpty"_s);
    m_empty->setTitle(tr("No assessments yet"));
    m_empty->setText(tr("An assessment walks a release or a record through a checklist catalog, stage by stage from "
                        "governance to retirement. Create a release and assess it with \"strata-cli release create\" "
                        "and \"strata-cli assess new\"."));

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

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_assessments);
    splitter->addWidget(m_items);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);

    auto *listPage = new QWidget;
    auto *listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_error);
    listLayout->addWidget(splitter);

    m_stack = new QStackedWidget;
    m_stack->insertWidget(kEmptyIndex, m_empty);
    m_stack->insertWidget(kListIndex, listPage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_assessments, &QTreeWidget::currentItemChanged, this, &AssessmentsPage::showItems);
    if (m_workspace)
        connect(m_workspace, &Workspace::assessmentsChanged, this, &AssessmentsPage::refresh);
    refresh();
}

void AssessmentsPage::refresh()
{
    const qint64 selected =
        m_assessments->currentItem() ? m_assessments->currentItem()->data(0, kIdRole).toLongLong() : 0;
    m_assessments->clear();
    const Result<QList<AssessmentSummary>> all =
        m_workspace ? m_workspace->assessments() : Result<QList<AssessmentSummary>>(QList<AssessmentSummary>());
    m_error->setVisible(!all.ok());
    if (!all.ok()) {
        m_error->setText(all.error().message);
        m_stack->setCurrentIndex(kListIndex);
        return;
    }
    m_stack->setCurrentIndex(all.value().isEmpty() ? kEmptyIndex : kListIndex);
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
