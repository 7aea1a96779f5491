// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "AcceptRiskDialog.h"
#include "FindingTableModel.h"
#include "FindingsPage.h"
#include "RiskHeatMap.h"
#include "ScriptedPrompter.h"
#include "UiTestSupport.h"
#include "WorkspaceEditor.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

/// The risk register as a reviewer uses it: the heat map counts and filters, overdue work stands out, and a risk
/// is only accepted with a justification and an end date.
class TestFindingsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void heatMapCountsEveryFinding();
    void clickingACellFiltersTheTable();
    void keyboardChoosesACell();
    void overdueFindingsAreFlagged();
    void acceptDialogRefusesAnEmptyJustification();
    void acceptingWithoutJustificationIsRefused();
    void acceptingWithJustificationRecordsIt();
    void workflowThroughMitigatingToClosed();
    void statusChangesCanBeUndone();

private:
    qint64 add(const QString &title, int likelihood, int impact, const QDate &due = {});
    int rowCount() const { return m_page->table()->model()->rowCount(); }
    QStringList titles() const;
    void screenshot(const QString &name);

    std::unique_ptr<TempWorkspace> m_temp;
    ScriptedPrompter m_prompter;
    std::unique_ptr<WorkspaceEditor> m_editor;
    std::unique_ptr<FindingsPage> m_page;
    qint64 m_assessment = 0;
    qint64 m_critical = 0;
};

void TestFindingsPage::initTestCase()
{
    isolateSettings();
}

qint64 TestFindingsPage::add(const QString &title, int likelihood, int impact, const QDate &due)
{
    Finding f;
    f.assessmentId = m_assessment;
    f.itemKey = u"SC-DAT-02"_s;
    f.title = title;
    f.likelihood = likelihood;
    f.impact = impact;
    f.owner = u"Dana"_s;
    f.dueDate = due;
    const Result<Finding> added = m_temp->workspace->addFinding(f);
    if (!added)
        qWarning("%s", qPrintable(added.error().message));
    return added ? added.value().id : 0;
}

void TestFindingsPage::init()
{
    m_temp = std::make_unique<TempWorkspace>();
    QVERIFY2(m_temp->open().isEmpty(), "workspace did not open");
    m_prompter = ScriptedPrompter();
    Workspace &ws = *m_temp->workspace;
    const qint64 dataset = addRecord(ws, RecordKind::Dataset, u"Web corpus"_s);
    m_assessment = ws.createAssessment(AssessmentScope{0, dataset}).value().id;
    QVERIFY(ws.setItemStatus(m_assessment, {u"SC-DAT-02"_s, ItemStatus::Fail, u"no checksums"_s, {}}).ok());
    m_critical = add(u"No checksums on shards"_s, 4, 5, QDate::currentDate().addDays(-3));
    QVERIFY(m_critical > 0);
    QVERIFY(add(u"Crawl not deduplicated"_s, 4, 5, QDate::currentDate().addDays(30)) > 0);
    QVERIFY(add(u"Licence list stale"_s, 2, 3) > 0);
    QVERIFY(add(u"Typo in data card"_s, 1, 1) > 0);
    m_editor = std::make_unique<WorkspaceEditor>(m_temp->workspace.get());
    m_page = std::make_unique<FindingsPage>(m_editor.get(), &m_prompter);
    m_page->resize(1300, 600);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestFindingsPage::cleanup()
{
    m_page.reset();
    m_editor.reset();
    m_temp.reset();
}

QStringList TestFindingsPage::titles() const
{
    QStringList out = columnTexts(m_page->table()->model(), FindingTableModel::Title);
    out.sort();
    return out;
}

void TestFindingsPage::screenshot(const QString &name)
{
    // Set STRATA_SCREENSHOT_DIR to look at the page as a user would.
    const QString dir = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        m_page->grab().save(QDir(dir).filePath(name));
}

void TestFindingsPage::heatMapCountsEveryFinding()
{
    const RiskHeatMap *map = m_page->heatMap();
    QCOMPARE(map->count(4, 5), 2);
    QCOMPARE(map->count(2, 3), 1);
    QCOMPARE(map->count(1, 1), 1);
    QCOMPARE(map->count(5, 5), 0);
    // The text alternative names every occupied cell, the highest score first.
    const QStringList lines = map->textAlternative().split(u'\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.constFirst().contains(u"Likelihood 4, impact 5"_s) && lines.constFirst().contains(u": 2 finding"_s),
             qPrintable(lines.constFirst()));
    QCOMPARE(map->accessibleDescription(), map->textAlternative());
    const auto *text = m_page->findChild<QLabel *>(u"heatMapText"_s);
    QCOMPARE(text->text(), map->textAlternative());
    // A new finding shows on the map without a reload.
    QVERIFY(add(u"Poisoning not tested"_s, 5, 5) > 0);
    QCOMPARE(map->count(5, 5), 1);
}

void TestFindingsPage::clickingACellFiltersTheTable()
{
    RiskHeatMap *map = m_page->heatMap();
    QCOMPARE(rowCount(), 4);
    QTest::mouseClick(map, Qt::LeftButton, {}, map->cellCentre(4, 5));
    QCOMPARE(map->selectedCell(), std::make_optional(std::make_pair(4, 5)));
    QCOMPARE(titles(), (QStringList{u"Crawl not deduplicated"_s, u"No checksums on shards"_s}));
    const auto *label = m_page->findChild<QLabel *>(u"cellFilterLabel"_s);
    QVERIFY2(label->text().contains(u"likelihood 4"_s), qPrintable(label->text()));
    screenshot(u"findings-cell.png"_s);
    QTest::mouseClick(map, Qt::LeftButton, {}, map->cellCentre(1, 1));
    QCOMPARE(titles(), QStringList{u"Typo in data card"_s});
    // The same cell again shows everything.
    QTest::mouseClick(map, Qt::LeftButton, {}, map->cellCentre(1, 1));
    QCOMPARE(map->selectedCell(), std::nullopt);
    QCOMPARE(rowCount(), 4);
}

void TestFindingsPage::keyboardChoosesACell()
{
    RiskHeatMap *map = m_page->heatMap();
    map->setFocus();
    // From likelihood 1, impact 1: one up and two right is likelihood 2, impact 3.
    QTest::keyClick(map, Qt::Key_Up);
    QTest::keyClick(map, Qt::Key_Right);
    QTest::keyClick(map, Qt::Key_Right);
    QTest::keyClick(map, Qt::Key_Return);
    QCOMPARE(titles(), QStringList{u"Licence list stale"_s});
    QTest::keyClick(map, Qt::Key_Escape);
    QCOMPARE(rowCount(), 4);
}

void TestFindingsPage::overdueFindingsAreFlagged()
{
    const QAbstractItemModel *model = m_page->table()->model();
    int flagged = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex due = model->index(row, FindingTableModel::Due);
        if (!due.data().toString().contains(u"overdue"_s))
            continue;
        ++flagged;
        QCOMPARE(model->index(row, FindingTableModel::Title).data().toString(), u"No checksums on shards"_s);
        QVERIFY(!due.data(Qt::DecorationRole).value<QIcon>().isNull());
    }
    QCOMPARE(flagged, 1);
    const auto *summary = m_page->findChild<QLabel *>(u"findingsSummary"_s);
    QVERIFY2(summary->text().contains(u"1 overdue"_s), qPrintable(summary->text()));
    screenshot(u"findings-page.png"_s);
}

void TestFindingsPage::acceptDialogRefusesAnEmptyJustification()
{
    Finding finding;
    finding.title = u"No checksums on shards"_s;
    AcceptRiskDialog dialog(finding, QDate::currentDate());
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    QVERIFY2(dialog.problem().contains(u"justification"_s), qPrintable(dialog.problem()));
    dialog.setJustification(u"   "_s);
    QVERIFY(!ok->isEnabled());
    dialog.setJustification(u"Shards are re-hashed on load; checksums follow next release."_s);
    QVERIFY(ok->isEnabled());
    dialog.setUntil(QDate::currentDate());
    QVERIFY(!ok->isEnabled());
    QVERIFY2(dialog.problem().contains(u"after today"_s), qPrintable(dialog.problem()));
}

void TestFindingsPage::acceptingWithoutJustificationIsRefused()
{
    int asked = 0;
    m_page->setAcceptanceAsker([&asked](QWidget *, const Finding &) {
        ++asked;
        return std::make_optional(FindingsPage::Acceptance{QString(), QDate::currentDate().addDays(30)});
    });
    QVERIFY(m_page->selectFinding(m_critical));
    QVERIFY(m_page->acceptAction()->isEnabled());
    m_page->acceptAction()->trigger();
    QCOMPARE(asked, 1);
    QCOMPARE(m_prompter.errors.size(), 1);
    QVERIFY2(m_prompter.errors.constFirst().contains(u"justification"_s), qPrintable(m_prompter.errors.constFirst()));
    const QList<Finding> stored = m_temp->workspace->findings().value();
    for (const Finding &f : stored)
        QVERIFY(f.status == FindingStatus::Open);
}

void TestFindingsPage::acceptingWithJustificationRecordsIt()
{
    const QDate until = QDate::currentDate().addDays(90);
    m_page->setAcceptanceAsker([until](QWidget *, const Finding &) {
        return std::make_optional(FindingsPage::Acceptance{u"Compensating control: hashes checked at load"_s, until});
    });
    QVERIFY(m_page->selectFinding(m_critical));
    m_page->acceptAction()->trigger();
    QVERIFY(m_prompter.errors.isEmpty());
    const Finding *selected = m_page->selectedFinding();
    QVERIFY(selected);
    QCOMPARE(selected->id, m_critical);
    QCOMPARE(selected->status, FindingStatus::Accepted);
    QCOMPARE(selected->acceptedUntil, until);
    // No longer overdue once accepted.
    QVERIFY(!m_page->model()->isOverdue(*selected));
    QVERIFY(!m_page->acceptAction()->isEnabled() || m_page->closeAction()->isEnabled());
}

void TestFindingsPage::workflowThroughMitigatingToClosed()
{
    QVERIFY(m_page->selectFinding(m_critical));
    QVERIFY(!m_page->openAction()->isEnabled());
    m_page->mitigateAction()->trigger();
    QCOMPARE(m_page->selectedFinding()->status, FindingStatus::Mitigating);
    QVERIFY(m_page->openAction()->isEnabled());
    m_page->closeAction()->trigger();
    QCOMPARE(m_page->selectedFinding()->status, FindingStatus::Closed);
    QVERIFY(!m_page->closeAction()->isEnabled());
    QVERIFY(!m_page->acceptAction()->isEnabled());
    QVERIFY(m_prompter.errors.isEmpty());
}

void TestFindingsPage::statusChangesCanBeUndone()
{
    const QDate until = QDate::currentDate().addDays(90);
    m_page->setAcceptanceAsker([&](QWidget *, const Finding &) {
        return std::optional<FindingsPage::Acceptance>({u"Vendor fix due next quarter"_s, until});
    });
    QVERIFY(m_page->selectFinding(m_critical));
    m_page->acceptAction()->trigger();
    QCOMPARE(m_page->selectedFinding()->status, FindingStatus::Accepted);
    m_page->closeAction()->trigger();
    QCOMPARE(m_page->selectedFinding()->status, FindingStatus::Closed);
    QUndoStack *stack = m_editor->undoStack();
    QCOMPARE(stack->count(), 2);
    QStringList undoErrors;
    connect(m_editor.get(), &WorkspaceEditor::errorOccurred, this,
            [&undoErrors](const QString &message) { undoErrors << message; });
    QVERIFY(stack->undoText().contains(u"No checksums on shards"_s));

    // Undoing the close brings back the acceptance with its justification and end date, then the open finding.
    stack->undo();
    QVERIFY2(undoErrors.isEmpty(), qPrintable(undoErrors.join(u'\n')));
    QVERIFY(m_page->selectFinding(m_critical));
    QCOMPARE(m_page->selectedFinding()->status, FindingStatus::Accepted);
    QCOMPARE(m_page->selectedFinding()->justification, u"Vendor fix due next quarter"_s);
    QCOMPARE(m_page->selectedFinding()->acceptedUntil, until);
    stack->undo();
    QVERIFY(m_page->selectFinding(m_critical));
    QCOMPARE(m_page->selectedFinding()->status, FindingStatus::Open);
    stack->redo();
    QVERIFY(m_page->selectFinding(m_critical));
    QCOMPARE(m_page->selectedFinding()->status, FindingStatus::Accepted);
    QCOMPARE(stack->count(), 2);
    QVERIFY(m_prompter.errors.isEmpty());
}

QTEST_MAIN(TestFindingsPage)
#include "TestFindingsPage.moc"
