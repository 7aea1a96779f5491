// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "InventoryPage.h"
#include "RecordEditor.h"
#include "RecordTableModel.h"
#include "ScriptedPrompter.h"
#include "UiTestSupport.h"
#include "WorkspaceEditor.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

class TestInventoryPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void listsRecordsByNameAscending();
    void createRecordThroughTheForm();
    void editedFieldShowsInTable();
    void invalidUrlShowsMessageAndDisablesApply();
    void deleteAsksAndListsRelations_data();
    void deleteAsksAndListsRelations();
    void undoOfDeleteRestoresRelations();
    void searchNarrowsTable();
    void duplicateSelectsCopy();
    void emptyWorkspaceTeaches();
    void unappliedEditsAreNotDroppedSilently();
    void columnChooserHidesAndRemembers();

private:
    InventoryPage *makePage(RecordKind kind);
    QTableView *view() const { return m_page->findChild<QTableView *>(u"recordView"_s); }
    bool selectByName(const QString &name);

    std::unique_ptr<TempWorkspace> m_temp;
    Workspace *m_workspace = nullptr;
    std::unique_ptr<WorkspaceEditor> m_editor;
    ScriptedPrompter m_prompter;
    std::unique_ptr<InventoryPage> m_page;
};

void TestInventoryPage::initTestCase()
{
    isolateSettings();
}

void TestInventoryPage::init()
{
    m_temp = std::make_unique<TempWorkspace>();
    const QByteArray problem = m_temp->open();
    QVERIFY2(problem.isEmpty(), problem.constData());
    m_workspace = m_temp->workspace.get();
    m_editor = std::make_unique<WorkspaceEditor>(m_workspace);
    m_prompter = ScriptedPrompter();
}

void TestInventoryPage::cleanup()
{
    m_page.reset();
    m_editor.reset();
    m_temp.reset();
}

InventoryPage *TestInventoryPage::makePage(RecordKind kind)
{
    m_page = std::make_unique<InventoryPage>(m_workspace, m_editor.get(), kind, &m_prompter);
    m_page->resize(1200, 700);
    m_page->show();
    return m_page.get();
}

bool TestInventoryPage::selectByName(const QString &name)
{
    const QStringList names = columnTexts(view()->model(), RecordTableModel::Name);
    const int row = static_cast<int>(names.indexOf(name));
    if (row < 0)
        return false;
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {},
                      view()->visualRect(view()->model()->index(row, 0)).center());
    return m_page->selectedRecordId() != 0;
}

void TestInventoryPage::listsRecordsByNameAscending()
{
    for (const QString &name : {u"Mistral 7B"_s, u"Alpaca"_s, u"Llama 3.1 8B"_s})
        QVERIFY(addRecord(*m_workspace, RecordKind::Model, name));
    makePage(RecordKind::Model);

    QCOMPARE(columnTexts(view()->model()), (QStringList{u"Alpaca"_s, u"Llama 3.1 8B"_s, u"Mistral 7B"_s}));
    QCOMPARE(view()->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
}

void TestInventoryPage::createRecordThroughTheForm()
{
    QVERIFY(addRecord(*m_workspace, RecordKind::Model, u"Existing"_s));
    makePage(RecordKind::Model);

    QTest::mouseClick(m_page->findChild<QPushButton *>(u"newButton"_s), Qt::LeftButton);
    auto *name = m_page->findChild<QLineEdit *>(u"field_name"_s);
    QVERIFY(name);
    QVERIFY(name->isVisible());
    auto *apply = m_page->findChild<QPushButton *>(u"applyButton"_s);
    // A record needs a name: the blank form cannot be applied, but nothing is red before the user types.
    QVERIFY(!apply->isEnabled());
    QVERIFY(!m_page->findChild<QLabel *>(u"fieldError_name"_s)->isVisible());
    QTest::keyClicks(name, u"Phi-3 mini"_s);
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);

    QVERIFY2(m_prompter.errors.isEmpty(), qPrintable(m_prompter.errors.join(u'\n')));
    const Result<qint64> id = m_workspace->resolve(u"Phi-3 mini"_s, RecordKind::Model);
    QVERIFY(id.ok());
    QVERIFY(columnTexts(view()->model()).contains(u"Phi-3 mini"_s));
    QCOMPARE(m_page->selectedRecordId(), id.value());
    QCOMPARE(m_editor->undoStack()->count(), 1);

    // Undoing the creation takes the record out of the table and the editor.
    m_editor->undoStack()->undo();
    QVERIFY(!m_workspace->resolve(u"Phi-3 mini"_s, RecordKind::Model).ok());
    QVERIFY(!columnTexts(view()->model()).contains(u"Phi-3 mini"_s));
    QCOMPARE(m_page->recordEditor()->recordId(), 0);
}

void TestInventoryPage::editedFieldShowsInTable()
{
    QVERIFY(addRecord(*m_workspace, RecordKind::Model, u"Llama 3.1 8B"_s, {{u"license"_s, u"MIT"_s}}));
    makePage(RecordKind::Model);
    QVERIFY(selectByName(u"Llama 3.1 8B"_s));

    auto *license = m_page->findChild<QLineEdit *>(u"field_license"_s);
    QCOMPARE(license->text(), u"MIT"_s);
    license->selectAll();
    QTest::keyClicks(license, u"Apache-2.0"_s);
    QTest::mouseClick(m_page->findChild<QPushButton *>(u"applyButton"_s), Qt::LeftButton);

    QCOMPARE(m_workspace->record(m_page->selectedRecordId()).value().license, u"Apache-2.0"_s);
    QCOMPARE(columnTexts(view()->model(), RecordTableModel::License), QStringList{u"Apache-2.0"_s});
    QVERIFY(!m_page->findChild<QPushButton *>(u"applyButton"_s)->isEnabled());
}

void TestInventoryPage::invalidUrlShowsMessageAndDisablesApply()
{
    QVERIFY(addRecord(*m_workspace, RecordKind::Model, u"Llama 3.1 8B"_s));
    makePage(RecordKind::Model);
    QVERIFY(selectByName(u"Llama 3.1 8B"_s));

    auto *url = m_page->findChild<QLineEdit *>(u"field_source_url"_s);
    auto *error = m_page->findChild<QLabel *>(u"fieldError_source_url"_s);
    auto *apply = m_page->findChild<QPushButton *>(u"applyButton"_s);
    QTest::keyClicks(url, u"huggingface dot co"_s);

    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"huggingface dot co"_s), qPrintable(error->text()));
    QVERIFY(!apply->isEnabled());

    url->clear();
    QTest::keyClicks(url, u"https://huggingface.co/meta-llama/Llama-3.1-8B"_s);
    QVERIFY(!error->isVisible());
    QVERIFY(apply->isEnabled());
}

void TestInventoryPage::deleteAsksAndListsRelations_data()
{
    QTest::addColumn<bool>("answer");
    QTest::newRow("answered no") << false;
    QTest::newRow("answered yes") << true;
}

void TestInventoryPage::deleteAsksAndListsRelations()
{
    QFETCH(bool, answer);
    const qint64 base = addRecord(*m_workspace, RecordKind::Model, u"Llama 3.1 8B"_s);
    const qint64 tuned = addRecord(*m_workspace, RecordKind::Model, u"Llama Guard"_s);
    const qint64 meta = addRecord(*m_workspace, RecordKind::Supplier, u"Meta"_s);
    QVERIFY(m_workspace->link(tuned, RelationType::DerivedFrom, base, u"finetune"_s).ok());
    QVERIFY(m_workspace->link(tuned, RelationType::ProvidedBy, meta).ok());
    makePage(RecordKind::Model);
    QVERIFY(selectByName(u"Llama Guard"_s));

    m_prompter.answers = {answer};
    QTest::mouseClick(m_page->findChild<QPushButton *>(u"deleteButton"_s), Qt::LeftButton);

    QCOMPARE(m_prompter.questions.size(), 1);
    const QString question = m_prompter.questions.first().text;
    QVERIFY2(question.contains(u"Llama Guard"_s), qPrintable(question));
    QVERIFY2(question.contains(u"2 relation"_s), qPrintable(question));
    QVERIFY2(question.contains(relationTypeLabel(RelationType::DerivedFrom) + u" Llama 3.1 8B"_s),
             qPrintable(question));
    QVERIFY2(question.contains(relationTypeLabel(RelationType::ProvidedBy) + u" Meta"_s), qPrintable(question));
    QCOMPARE(m_workspace->record(tuned).ok(), !answer);
    QCOMPARE(columnTexts(view()->model()).contains(u"Llama Guard"_s), !answer);
}

void TestInventoryPage::undoOfDeleteRestoresRelations()
{
    const qint64 base = addRecord(*m_workspace, RecordKind::Model, u"Llama 3.1 8B"_s);
    const qint64 tuned = addRecord(*m_workspace, RecordKind::Model, u"Llama Guard"_s);
    QVERIFY(m_workspace->link(tuned, RelationType::DerivedFrom, base, u"finetune"_s).ok());
    makePage(RecordKind::Model);
    QVERIFY(selectByName(u"Llama Guard"_s));
    m_prompter.answers = {true};
    m_page->deleteSelected();
    QVERIFY(!m_workspace->record(tuned).ok());

    m_editor->undoStack()->undo();

    const Result<RecordSnapshot> restored = m_workspace->snapshot(tuned);
    QVERIFY(restored.ok());
    QCOMPARE(restored.value().relations.size(), 1);
    QCOMPARE(restored.value().relations.first().otherId, base);
    QVERIFY(columnTexts(view()->model()).contains(u"Llama Guard"_s));
}

void TestInventoryPage::searchNarrowsTable()
{
    QVERIFY(addRecord(*m_workspace, RecordKind::Dataset, u"FineWeb"_s));
    QVERIFY(addRecord(*m_workspace, RecordKind::Dataset, u"FineWeb-Edu"_s));
    QVERIFY(addRecord(*m_workspace, RecordKind::Dataset, u"The Stack"_s, {{u"description"_s, u"Source code"_s}}));
    makePage(RecordKind::Dataset);
    QCOMPARE(view()->model()->rowCount(), 3);

    QTest::keyClicks(m_page->findChild<QLineEdit *>(u"searchEdit"_s), u"finew"_s);
    QTRY_COMPARE(view()->model()->rowCount(), 2);
    QCOMPARE(columnTexts(view()->model()), (QStringList{u"FineWeb"_s, u"FineWeb-Edu"_s}));

    m_page->findChild<QLineEdit *>(u"searchEdit"_s)->setText(u"source"_s);
    QTRY_COMPARE(columnTexts(view()->model()), QStringList{u"The Stack"_s});
}

void TestInventoryPage::duplicateSelectsCopy()
{
    const qint64 original = addRecord(*m_workspace, RecordKind::Software, u"vLLM"_s, {{u"license"_s, u"Apache-2.0"_s}});
    makePage(RecordKind::Software);
    QVERIFY(selectByName(u"vLLM"_s));

    QTest::mouseClick(m_page->findChild<QPushButton *>(u"duplicateButton"_s), Qt::LeftButton);

    QCOMPARE(view()->model()->rowCount(), 2);
    const qint64 copy = m_page->selectedRecordId();
    QVERIFY(copy != 0 && copy != original);
    QCOMPARE(m_workspace->record(copy).value().license, u"Apache-2.0"_s);
    QCOMPARE(m_page->recordEditor()->recordId(), copy);
}

void TestInventoryPage::emptyWorkspaceTeaches()
{
    makePage(RecordKind::Supplier);
    QVERIFY(m_page->showsEmptyState());
    auto *add = m_page->findChild<QPushButton *>(u"emptyAddButton"_s);
    QVERIFY(add && add->isVisible());
    QSignalSpy demo(m_page.get(), &InventoryPage::openDemoRequested);
    QTest::mouseClick(m_page->findChild<QPushButton *>(u"emptyDemoButton"_s), Qt::LeftButton);
    QCOMPARE(demo.count(), 1);

    QTest::mouseClick(add, Qt::LeftButton);
    QVERIFY(!m_page->showsEmptyState());
    QVERIFY(m_page->recordEditor()->isNew());
    QVERIFY(m_page->findChild<QLineEdit *>(u"field_name"_s)->isVisible());
}

void TestInventoryPage::unappliedEditsAreNotDroppedSilently()
{
    QVERIFY(addRecord(*m_workspace, RecordKind::Model, u"Alpha"_s));
    QVERIFY(addRecord(*m_workspace, RecordKind::Model, u"Beta"_s));
    makePage(RecordKind::Model);
    QVERIFY(selectByName(u"Alpha"_s));
    const qint64 alpha = m_page->selectedRecordId();
    QTest::keyClicks(m_page->findChild<QLineEdit *>(u"field_version"_s), u"2"_s);

    m_prompter.answers = {false};
    selectByName(u"Beta"_s);
    QCOMPARE(m_prompter.questions.size(), 1);
    QTRY_COMPARE(m_page->selectedRecordId(), alpha);
    QCOMPARE(m_page->findChild<QLineEdit *>(u"field_version"_s)->text(), u"2"_s);

    m_prompter.answers = {true};
    QVERIFY(selectByName(u"Beta"_s));
    QVERIFY(m_page->selectedRecordId() != alpha);
    QCOMPARE(m_page->findChild<QLineEdit *>(u"field_version"_s)->text(), QString());
    QCOMPARE(m_workspace->record(alpha).value().version, QString());
}

void TestInventoryPage::columnChooserHidesAndRemembers()
{
    QVERIFY(addRecord(*m_workspace, RecordKind::Model, u"Alpha"_s));
    makePage(RecordKind::Model);
    QHeaderView *header = view()->horizontalHeader();
    QVERIFY(!header->isSectionHidden(RecordTableModel::License));

    Q_EMIT header->customContextMenuRequested(QPoint(10, 5));
    auto *menu = m_page->findChild<QMenu *>(u"columnMenu"_s);
    QVERIFY(menu);
    const QList<QAction *> actions = menu->actions();
    QCOMPARE(actions.size(), static_cast<qsizetype>(RecordTableModel::ColumnCount));
    QVERIFY(!actions.at(RecordTableModel::Name)->isEnabled());
    actions.at(RecordTableModel::License)->trigger();
    menu->close();
    QVERIFY(header->isSectionHidden(RecordTableModel::License));

    m_page->saveState();
    makePage(RecordKind::Model);
    m_page->restoreState();
    QVERIFY(view()->horizontalHeader()->isSectionHidden(RecordTableModel::License));
    QCOMPARE(view()->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
}

QTEST_MAIN(TestInventoryPage)
#include "TestInventoryPage.moc"
