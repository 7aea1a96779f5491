// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "AuditPage.h"
#include "AuditTableModel.h"
#include "MainWindow.h"
#include "ScriptedPrompter.h"
#include "SqlTamper.h"
#include "workspace/Workspace.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using strata::test::ScriptedPrompter;

/// The Audit page lists and filters the trail, shows before and after, and verifies the chain off the GUI thread.
class TestAuditPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsNewestFirstWithBeforeAndAfter();
    void filtersByActionActorAndRecord();
    void followsNewChanges();
    void verifyReportsIntactThroughThePrompter();
    void verifyNamesTheTamperedRow();
    void toolsMenuVerifies();

private:
    qint64 add(const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    ScriptedPrompter m_prompter;
    qint64 m_model = 0;
};

qint64 TestAuditPage::add(const QString &name)
{
    Record r;
    r.kind = RecordKind::Model;
    r.name = name;
    const Result<qint64> id = m_ws->createRecord(r);
    return id.ok() ? id.value() : 0;
}

void TestAuditPage::init()
{
    m_prompter = ScriptedPrompter();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto ws = Workspace::open(m_dir->filePath(u"w.strata"_s));
    QVERIFY(ws.ok());
    m_ws = std::move(ws).value();
    m_ws->setActor(u"alice"_s);
    m_model = add(u"Llama"_s);
    m_ws->setActor(u"bob"_s);
    Record r = m_ws->record(m_model).value();
    r.license = u"MIT"_s;
    QVERIFY(m_ws->updateRecord(r).ok());
    QVERIFY(add(u"Other"_s) > 0);
}

void TestAuditPage::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

void TestAuditPage::listsNewestFirstWithBeforeAndAfter()
{
    AuditPage page(m_ws.get(), &m_prompter);
    QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.resize(900, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTableView *table = page.table();
    const qint64 head = m_ws->auditHead().value().seq;
    QCOMPARE(table->model()->rowCount(), head);
    QCOMPARE(table->model()->index(0, AuditTableModel::Seq).data().toLongLong(), head);
    QCOMPARE(table->model()->index(1, AuditTableModel::Action).data().toString(), u"record.update"_s);
    QCOMPARE(table->model()->index(1, AuditTableModel::Actor).data().toString(), u"bob"_s);
    table->setCurrentIndex(table->model()->index(1, 0));
    const auto *before = page.findChild<QPlainTextEdit *>(u"auditBefore"_s);
    const auto *after = page.findChild<QPlainTextEdit *>(u"auditAfter"_s);
    QVERIFY(before && after);
    QVERIFY2(after->toPlainText().contains(u"\"license\": \"MIT\""_s), qPrintable(after->toPlainText()));
    QVERIFY(before->toPlainText().contains(u"\"license\": \"\""_s));
    QVERIFY(table->model()->index(1, AuditTableModel::Change).data().toString().contains(u"MIT"_s));
}

void TestAuditPage::filtersByActionActorAndRecord()
{
    AuditPage page(m_ws.get(), &m_prompter);
    auto *action = page.findChild<QComboBox *>(u"auditActionFilter"_s);
    auto *actor = page.findChild<QLineEdit *>(u"auditActorFilter"_s);
    auto *record = page.findChild<QLineEdit *>(u"auditRecordFilter"_s);
    QVERIFY(action && actor && record);
    action->setCurrentIndex(action->findData(u"record"_s));
    QCOMPARE(page.model()->rowCount(), 3); // two creates and an update, not the built-in catalog
    actor->setText(u"alice"_s);
    page.refresh(); // the line edits wait for typing to pause
    QCOMPARE(page.model()->rowCount(), 1);
    QCOMPARE(page.model()->entryAt(0)->entityId, m_model);
    actor->clear();
    record->setText(u"Llama"_s);
    page.refresh();
    QCOMPARE(page.model()->rowCount(), 2);
    record->setText(u"no such record"_s);
    page.refresh();
    QCOMPARE(page.model()->rowCount(), 0);
    QVERIFY(!page.findChild<QLabel *>(u"auditSummary"_s)->text().isEmpty());
}

void TestAuditPage::followsNewChanges()
{
    AuditPage page(m_ws.get(), &m_prompter);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const int before = page.model()->rowCount();
    QVERIFY(add(u"Third"_s) > 0);
    QTRY_COMPARE(page.model()->rowCount(), before + 1);
    QCOMPARE(page.model()->entryAt(0)->action, u"record.create"_s);
}

void TestAuditPage::verifyReportsIntactThroughThePrompter()
{
    AuditPage page(m_ws.get(), &m_prompter);
    QSignalSpy finished(&page, &AuditPage::verificationFinished);
    page.verifyTrail();
    QVERIFY(page.isVerifying() || finished.count() == 1);
    QVERIFY(finished.wait(5000) || finished.count() == 1);
    QCOMPARE(m_prompter.errors, QStringList());
    QCOMPARE(m_prompter.infos.size(), 1);
    QVERIFY(m_prompter.infos.constFirst().contains(m_ws->auditHead().value().hash));
    QCOMPARE(page.model()->firstBadSeq(), 0);
}

void TestAuditPage::verifyNamesTheTamperedRow()
{
    const QString path = m_ws->path();
    m_ws.reset();
    QVERIFY(test::execOnFile(path, u"DROP TRIGGER audit_no_update"_s));
    QVERIFY(test::execOnFile(path, u"UPDATE audit SET actor = 'mallory' WHERE action = 'record.update'"_s));
    auto ws = Workspace::open(path, Database::OpenMode::ExistingOnly);
    QVERIFY(ws.ok());
    m_ws = std::move(ws).value();
    AuditQuery query;
    query.action = u"record.update"_s;
    const qint64 seq = m_ws->auditTrail(query).value().constFirst().seq;

    AuditPage page(m_ws.get(), &m_prompter);
    page.show();
    QSignalSpy finished(&page, &AuditPage::verificationFinished);
    page.verifyTrail();
    QVERIFY(finished.wait(5000) || finished.count() == 1);
    QCOMPARE(m_prompter.infos, QStringList());
    QCOMPARE(m_prompter.errors.size(), 1);
    QVERIFY2(m_prompter.errors.constFirst().contains(QString::number(seq)), qPrintable(m_prompter.errors.first()));
    QCOMPARE(page.model()->firstBadSeq(), seq);
    // The bad row is selected and marked, so the person sees which change it was.
    const QModelIndex current = page.table()->currentIndex();
    QCOMPARE(current.data(AuditTableModel::SeqRole).toLongLong(), seq);
    QVERIFY(current.data(AuditTableModel::BadRole).toBool());
    QVERIFY(page.findChild<QLabel *>(u"auditState"_s)->text().contains(QString::number(seq)));
}

void TestAuditPage::toolsMenuVerifies()
{
    const QString path = m_ws->path();
    m_ws.reset();
    MainWindow window(&m_prompter);
    QVERIFY(window.openWorkspace(path));
    auto *verify = window.findChild<QAction *>(u"verifyAuditTrailAction"_s);
    QVERIFY(verify);
    QVERIFY(verify->isEnabled());
    QVERIFY(window.auditPage());
    QSignalSpy finished(window.auditPage(), &AuditPage::verificationFinished);
    verify->trigger();
    QVERIFY(finished.wait(5000) || finished.count() == 1);
    QCOMPARE(m_prompter.infos.size(), 1);
    QVERIFY(window.auditPage()->isVisibleTo(&window));
}

QTEST_MAIN(TestAuditPage)
#include "TestAuditPage.moc"
