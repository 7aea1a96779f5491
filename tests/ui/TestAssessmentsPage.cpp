// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "UiTestSupport.h"
#include "assessments/AssessmentsPage.h"

#include <QStackedWidget>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

/// The assessments page: the list, each item's status by stage, and what it shows before anything is assessed.
class TestAssessmentsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void emptyWorkspaceExplainsAssessments();
    void listsAssessmentsAndItemsByStage();
    void answersShowWithoutReopening();

private:
    QTreeWidget *list() const { return m_page->findChild<QTreeWidget *>(u"assessmentList"_s); }
    QTreeWidget *items() const { return m_page->findChild<QTreeWidget *>(u"assessmentItems"_s); }
    QTreeWidgetItem *itemRow(const QString &key) const;
    qint64 assessDataset();

    std::unique_ptr<TempWorkspace> m_temp;
    std::unique_ptr<AssessmentsPage> m_page;
};

void TestAssessmentsPage::initTestCase()
{
    isolateSettings();
}

void TestAssessmentsPage::init()
{
    m_temp = std::make_unique<TempWorkspace>();
    const QByteArray error = m_temp->open();
    QVERIFY2(error.isEmpty(), error.constData());
    m_temp->workspace->setActor(u"alice"_s);
}

void TestAssessmentsPage::cleanup()
{
    m_page.reset();
    m_temp.reset();
}

QTreeWidgetItem *TestAssessmentsPage::itemRow(const QString &key) const
{
    const QList<QTreeWidgetItem *> found = items()->findItems(key, Qt::MatchExactly | Qt::MatchRecursive, 0);
    return found.isEmpty() ? nullptr : found.constFirst();
}

qint64 TestAssessmentsPage::assessDataset()
{
    Record dataset;
    dataset.kind = RecordKind::Dataset;
    dataset.name = u"Corpus"_s;
    const Result<qint64> id = m_temp->workspace->createRecord(dataset);
    if (!id.ok())
        return 0;
    const Result<Assessment> a = m_temp->workspace->createAssessment(AssessmentScope{0, id.value()});
    return a.ok() ? a.value().id : 0;
}

void TestAssessmentsPage::emptyWorkspaceExplainsAssessments()
{
    m_page = std::make_unique<AssessmentsPage>(m_temp->workspace.get());
    auto *stack = m_page->findChild<QStackedWidget *>();
    QVERIFY(stack);
    QCOMPARE(stack->currentWidget()->objectName(), u"assessmentsEmpty"_s);
    // The first assessment replaces the explanation with the list.
    QVERIFY(assessDataset() > 0);
    QVERIFY(stack->currentWidget()->objectName() != u"assessmentsEmpty"_s);
    QCOMPARE(list()->topLevelItemCount(), 1);
}

void TestAssessmentsPage::listsAssessmentsAndItemsByStage()
{
    const qint64 id = assessDataset();
    QVERIFY(id > 0);
    m_page = std::make_unique<AssessmentsPage>(m_temp->workspace.get());
    QCOMPARE(list()->topLevelItemCount(), 1);
    QCOMPARE(list()->topLevelItem(0)->text(1), u"Corpus"_s);
    const Assessment a = m_temp->workspace->assessment(id).value();
    int shown = 0;
    for (int i = 0; i < items()->topLevelItemCount(); ++i)
        shown += items()->topLevelItem(i)->childCount();
    QCOMPARE(shown, int(a.items.size()));
    QTreeWidgetItem *row = itemRow(u"SC-DAT-01"_s);
    QVERIFY(row);
    QCOMPARE(row->parent()->text(0), lifecycleStageLabel(LifecycleStage::Data));
    QCOMPARE(row->data(1, Qt::UserRole).toString(), u"not_started"_s);
}

void TestAssessmentsPage::answersShowWithoutReopening()
{
    const qint64 id = assessDataset();
    m_page = std::make_unique<AssessmentsPage>(m_temp->workspace.get());
    QVERIFY(m_temp->workspace->setItemStatus(id, {u"SC-DAT-01"_s, ItemStatus::Fail, u"no source"_s, {}}).ok());
    QTreeWidgetItem *row = itemRow(u"SC-DAT-01"_s);
    QVERIFY(row);
    QCOMPARE(row->data(1, Qt::UserRole).toString(), u"fail"_s);
    QCOMPARE(row->text(1), itemStatusLabel(ItemStatus::Fail));
    QCOMPARE(row->text(3), u"alice"_s);
    QVERIFY2(row->parent()->text(1).startsWith(u"1 of"_s), qPrintable(row->parent()->text(1)));
    QCOMPARE(list()->topLevelItem(0)->text(4), u"1"_s);
    QVERIFY(!m_page->grab().isNull());
}

QTEST_MAIN(TestAssessmentsPage)
#include "TestAssessmentsPage.moc"
