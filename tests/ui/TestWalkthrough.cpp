// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ScriptedPrompter.h"
#include "Translations.h"
#include "UiTestSupport.h"
#include "assessments/AssessmentsPage.h"
#include "assessments/NewReleaseDialog.h"
#include "assessments/RaiseFindingDialog.h"
#include "assessments/RecordPicker.h"
#include "assessments/WalkthroughView.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

/// Drives the walkthrough the way a reviewer does, from the keyboard, and checks what the workspace recorded.
class TestWalkthrough : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void keyboardWalkthrough();
    void notApplicableNeedsAReason();
    void resumesWhereTheReviewerStopped();
    void suggestionsWaitForConfirmation();
    void evidenceAttachesToTheCurrentItem();
    void screenshots_data();
    void screenshots();

private:
    void openPage();
    WalkthroughView *view() const { return m_page->walkthrough(); }
    AssessmentItem stored(const QString &key) const;
    /// The assessment's item keys in walkthrough order: stage by stage, catalog order within a stage.
    QStringList expectedOrder() const;
    void press(Qt::Key key) { QTest::keyClick(QApplication::focusWidget(), key); }

    std::unique_ptr<TempWorkspace> m_temp;
    std::unique_ptr<AssessmentsPage> m_page;
    ScriptedPrompter m_prompter;
    qint64 m_assessmentId = 0;
    qint64 m_dataset = 0;
};

void TestWalkthrough::initTestCase()
{
    isolateSettings();
}

void TestWalkthrough::init()
{
    QSettings().clear();
    m_prompter = ScriptedPrompter();
    m_temp = std::make_unique<TempWorkspace>();
    const QByteArray error = m_temp->open();
    QVERIFY2(error.isEmpty(), error.constData());
    m_temp->workspace->setActor(u"alice"_s);
    m_dataset = addRecord(*m_temp->workspace, RecordKind::Dataset, u"Corpus"_s);
    QVERIFY(m_dataset > 0);
    const Result<Assessment> a = m_temp->workspace->createAssessment(AssessmentScope{0, m_dataset});
    QVERIFY2(a.ok(), a.ok() ? "" : qPrintable(a.error().message));
    QVERIFY(a.value().items.size() >= 5);
    m_assessmentId = a.value().id;
}

void TestWalkthrough::cleanup()
{
    m_page.reset();
    m_temp.reset();
}

void TestWalkthrough::openPage()
{
    m_page = std::make_unique<AssessmentsPage>(m_temp->workspace.get(), &m_prompter);
    m_page->resize(1280, 800);
    m_page->show();
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    QVERIFY(m_page->openWalkthrough(m_assessmentId));
    QVERIFY(view()->isVisible());
    QTRY_VERIFY(view()->isAncestorOf(QApplication::focusWidget()) || QApplication::focusWidget() == view());
}

AssessmentItem TestWalkthrough::stored(const QString &key) const
{
    const Result<Assessment> a = m_temp->workspace->assessment(m_assessmentId);
    const AssessmentItem *item = a ? a.value().item(key) : nullptr;
    return item ? *item : AssessmentItem();
}

QStringList TestWalkthrough::expectedOrder() const
{
    const Assessment a = m_temp->workspace->assessment(m_assessmentId).value();
    QStringList keys;
    for (LifecycleStage stage : allLifecycleStages()) {
        for (const AssessmentItem &item : a.items) {
            if (item.stage == stage)
                keys << item.key;
        }
    }
    return keys;
}

void TestWalkthrough::keyboardWalkthrough()
{
    openPage();
    const QStringList order = expectedOrder();
    QCOMPARE(view()->currentItemKey(), order.at(0));

    press(Qt::Key_J);
    QCOMPARE(view()->currentItemKey(), order.at(1));
    press(Qt::Key_K);
    QCOMPARE(view()->currentItemKey(), order.at(0));
    press(Qt::Key_K); // already at the first item: stays
    QCOMPARE(view()->currentItemKey(), order.at(0));

    press(Qt::Key_J);
    press(Qt::Key_J);
    QCOMPARE(view()->currentItemKey(), order.at(2));
    press(Qt::Key_2);
    QCOMPARE(stored(order.at(2)).status, ItemStatus::Pass);
    QCOMPARE(stored(order.at(2)).reviewer, u"alice"_s);
    auto *items = view()->findChild<QTreeWidget *>(u"walkthroughItems"_s);
    QVERIFY(items->currentItem());
    QCOMPARE(items->currentItem()->text(0), stored(order.at(2)).label());
    QCOMPARE(items->currentItem()->data(1, Qt::UserRole).toString(), u"pass"_s);

    press(Qt::Key_J);
    auto *raise = view()->findChild<QPushButton *>(u"raiseFindingButton"_s);
    QVERIFY(!raise->isVisibleTo(view()));
    press(Qt::Key_3);
    QCOMPARE(stored(order.at(3)).status, ItemStatus::Fail);
    QVERIFY2(raise->isVisibleTo(view()), "a failed item offers to raise a finding");

    // N goes to the notes; letters and digits typed there are notes, not commands; Esc writes them and leaves.
    press(Qt::Key_N);
    auto *editor = view()->findChild<QPlainTextEdit *>(u"notesEditor"_s);
    QCOMPARE(QApplication::focusWidget(), editor);
    QTest::keyClicks(editor, u"Checked 2 jobs, see **manifest**"_s);
    QCOMPARE(view()->currentItemKey(), order.at(3));
    QCOMPARE(stored(order.at(3)).status, ItemStatus::Fail);
    QCOMPARE(editor->toPlainText(), u"Checked 2 jobs, see **manifest**"_s);
    auto *preview = view()->findChild<QTextBrowser *>(u"notesPreview"_s);
    QVERIFY2(preview->toPlainText().contains(u"see manifest"_s), qPrintable(preview->toPlainText()));
    press(Qt::Key_Escape);
    QVERIFY(QApplication::focusWidget() != editor);
    QCOMPARE(stored(order.at(3)).notes, u"Checked 2 jobs, see **manifest**"_s);
    QCOMPARE(stored(order.at(3)).status, ItemStatus::Fail);

    // Back to the keys: J moves on again; 1 puts an answer back to not started.
    press(Qt::Key_J);
    QCOMPARE(view()->currentItemKey(), order.at(4));
    press(Qt::Key_K);
    press(Qt::Key_K);
    press(Qt::Key_1);
    QCOMPARE(stored(order.at(2)).status, ItemStatus::NotStarted);

    // Stage progress: the failed item's stage counts it as answered.
    auto *summary = view()->findChild<QLabel *>(u"walkthroughSummary"_s);
    QVERIFY2(summary->text().startsWith(u"1 of"_s), qPrintable(summary->text()));
}

void TestWalkthrough::notApplicableNeedsAReason()
{
    openPage();
    const QString key = view()->currentItemKey();
    // Cancelling the question leaves the item as it was.
    press(Qt::Key_4);
    QCOMPARE(m_prompter.questions.size(), 1);
    QCOMPARE(stored(key).status, ItemStatus::NotStarted);
    // An empty reason is refused by the workspace, and the reviewer is told.
    m_prompter.texts = {u"  "_s};
    press(Qt::Key_4);
    QCOMPARE(stored(key).status, ItemStatus::NotStarted);
    QCOMPARE(m_prompter.errors.size(), 1);
    QVERIFY2(m_prompter.errors.constFirst().contains(u"reason"_s), qPrintable(m_prompter.errors.constFirst()));
    m_prompter.texts = {u"The corpus is public domain."_s};
    press(Qt::Key_4);
    QCOMPARE(stored(key).status, ItemStatus::NotApplicable);
    QCOMPARE(stored(key).notes, u"The corpus is public domain."_s);
    QVERIFY(m_prompter.questions.constLast().text.contains(stored(key).label()));
    // Risk accepted needs an accepted finding first: refused with the reason, nothing changes.
    press(Qt::Key_5);
    QCOMPARE(stored(key).status, ItemStatus::NotApplicable);
    QCOMPARE(m_prompter.errors.size(), 2);
}

void TestWalkthrough::resumesWhereTheReviewerStopped()
{
    openPage();
    const QStringList order = expectedOrder();
    for (int i = 0; i < 4; ++i)
        press(Qt::Key_J);
    QCOMPARE(view()->currentItemKey(), order.at(4));
    // Notes typed but not yet left are kept when the reviewer goes away.
    press(Qt::Key_N);
    QTest::keyClicks(QApplication::focusWidget(), u"half done"_s);
    m_page->findChild<QPushButton *>(u"backButton"_s)->click();
    QCOMPARE(stored(order.at(4)).notes, u"half done"_s);
    m_page.reset();

    openPage();
    QCOMPARE(view()->currentItemKey(), order.at(4));
    QCOMPARE(view()->findChild<QPlainTextEdit *>(u"notesEditor"_s)->toPlainText(), u"half done"_s);
    // Another assessment of the same workspace starts at its own first item.
    const qint64 other = addRecord(*m_temp->workspace, RecordKind::Dataset, u"Other"_s);
    const Result<Assessment> second = m_temp->workspace->createAssessment(AssessmentScope{0, other});
    QVERIFY(second.ok());
    QVERIFY(m_page->openWalkthrough(second.value().id));
    QCOMPARE(view()->currentItemKey(), expectedOrder().at(0));
}

void TestWalkthrough::suggestionsWaitForConfirmation()
{
    const Result<QList<CheckSuggestion>> suggestions = m_temp->workspace->suggestions(m_assessmentId);
    QVERIFY(suggestions.ok());
    QString key;
    ItemStatus suggested = ItemStatus::NotStarted;
    for (const CheckSuggestion &s : suggestions.value()) {
        if (!s.itemKey.isEmpty()) {
            key = s.itemKey;
            suggested = s.suggested;
            break;
        }
    }
    if (key.isEmpty())
        QSKIP("The built-in catalog makes no suggestion for a dataset without license; nothing to confirm.");
    openPage();
    QVERIFY(view()->showItem(key));
    auto *box = view()->findChild<QWidget *>(u"suggestionBox"_s);
    QVERIFY(box->isVisibleTo(view()));
    QVERIFY(view()->findChild<QLabel *>(u"suggestionText"_s)->text().contains(u"Corpus"_s));
    QCOMPARE(stored(key).status, ItemStatus::NotStarted); // shown, never set silently
    view()->findChild<QPushButton *>(u"confirmSuggestion"_s)->click();
    QCOMPARE(stored(key).status, suggested);
}

void TestWalkthrough::evidenceAttachesToTheCurrentItem()
{
    QFile file(m_temp->dir.filePath(u"model-card-review.txt"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("reviewed by the safety board\n");
    file.close();
    openPage();
    press(Qt::Key_J);
    const QString key = view()->currentItemKey();
    m_prompter.fileNames = {file.fileName()};
    press(Qt::Key_E);
    QTRY_COMPARE(stored(key).evidence.size(), 1);
    QCOMPARE(stored(key).evidence.constFirst().fileName, u"model-card-review.txt"_s);
    QCOMPARE(stored(key).status, ItemStatus::NotStarted); // linking evidence answers nothing
    QVERIFY(m_prompter.errors.isEmpty());
    auto *list = view()->findChild<QListWidget *>(u"evidenceList"_s);
    QTRY_VERIFY(list->count() == 1 && list->item(0)->text().contains(u"model-card-review.txt"_s));

    // A file dropped on the next item is attached to that item.
    QFile second(m_temp->dir.filePath(u"pentest.txt"_s));
    QVERIFY(second.open(QIODevice::WriteOnly));
    second.write("no critical issues\n");
    second.close();
    press(Qt::Key_J);
    const QString next = view()->currentItemKey();
    QVERIFY(next != key);
    auto *panel = view()->findChild<QAbstractScrollArea *>(u"itemPanel"_s);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(second.fileName())});
    const QPoint centre = panel->viewport()->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(panel->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(panel->viewport(), &drop);
    QTRY_COMPARE(stored(next).evidence.size(), 1);
    QCOMPARE(stored(next).evidence.constFirst().fileName, u"pentest.txt"_s);
    QCOMPARE(stored(key).evidence.size(), 1);

    // Unlinking asks first; a "no" keeps the link, a "yes" takes it off this item only.
    auto *unlink = view()->findChild<QPushButton *>(u"unlinkEvidenceButton"_s);
    QVERIFY(unlink);
    QTRY_COMPARE(list->count(), 1);
    QVERIFY(!unlink->isEnabled());
    list->setCurrentRow(0);
    QVERIFY(unlink->isEnabled());
    m_prompter.answers = {false};
    unlink->click();
    QCOMPARE(m_prompter.questions.size(), 1);
    QVERIFY2(m_prompter.questions.constLast().text.contains(u"pentest"_s), "the question names the evidence");
    QCOMPARE(stored(next).evidence.size(), 1);
    list->setCurrentRow(0);
    m_prompter.answers = {true};
    unlink->click();
    QCOMPARE(stored(next).evidence.size(), 0);
    QCOMPARE(stored(key).evidence.size(), 1);
    QTRY_VERIFY(list->count() == 1 && list->item(0)->text().contains(u"No evidence"_s));
    QVERIFY(m_prompter.errors.isEmpty());
}

void TestWalkthrough::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << u"en"_s;
    QTest::newRow("zh_CN") << u"zh_CN"_s;
}

void TestWalkthrough::screenshots()
{
    // For looking at the page (STRATA_SCREENSHOT_DIR=/tmp/shots); skipped in normal runs.
    const QString folder = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
    if (folder.isEmpty())
        QSKIP("Set STRATA_SCREENSHOT_DIR to save screenshots of the walkthrough.");
    QFETCH(QString, language);
    installTranslations(*qApp, language);
    QFile file(m_temp->dir.filePath(u"supplier-attestation.pdf"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("%PDF-1.4 attestation");
    file.close();
    EvidenceInput input;
    input.path = file.fileName();
    input.title = u"Supplier attestation 2026"_s;
    input.expiryDate = QDate::currentDate().addDays(12);
    const Result<EvidenceAddResult> evidence = m_temp->workspace->addEvidence(input);
    QVERIFY(evidence.ok());
    const QStringList order = expectedOrder();
    for (int i = 0; i < 3; ++i)
        QVERIFY(
            m_temp->workspace->setItemStatus(m_assessmentId, {order.at(i), ItemStatus::Pass, std::nullopt, {}}).ok());
    QVERIFY(m_temp->workspace
                ->setItemStatus(m_assessmentId, {order.at(3),
                                                 ItemStatus::Fail,
                                                 u"The corpus has **no license** on file.\n\n- asked the supplier on "
                                                 u"2026-11-20\n- see `LICENSE` request"_s,
                                                 {evidence.value().evidence.id}})
                .ok());
    openPage();
    QVERIFY(view()->showItem(order.at(3)));
    QApplication::processEvents();
    const QString path = QDir(folder).filePath(u"walkthrough-%1.png"_s.arg(language));
    QVERIFY(m_page->grab().save(path));

    const qint64 model = addRecord(*m_temp->workspace, RecordKind::Model, u"Assistant"_s);
    QVERIFY(m_temp->workspace->link(model, RelationType::TrainedOn, m_dataset).ok());
    NewReleaseDialog release(m_temp->workspace.get());
    release.nameField()->setText(u"assistant"_s);
    release.versionField()->setText(u"2.1.0"_s);
    QVERIFY(release.rootPicker()->selectRecord(model));
    release.show();
    QApplication::processEvents();
    QVERIFY(release.grab().save(QDir(folder).filePath(u"new-release-%1.png"_s.arg(language))));
    release.hide();
    RaiseFindingDialog finding(m_temp->workspace.get(), m_assessmentId, stored(order.at(3)));
    finding.show();
    QApplication::processEvents();
    QVERIFY(finding.grab().save(QDir(folder).filePath(u"raise-finding-%1.png"_s.arg(language))));
    installTranslations(*qApp, u"en"_s);
}

QTEST_MAIN(TestWalkthrough)
#include "TestWalkthrough.moc"
