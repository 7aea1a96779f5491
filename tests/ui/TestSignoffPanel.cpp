// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "../core/SignoffSamples.h"
#include "ScriptedPrompter.h"
#include "SqlTamper.h"
#include "UiTestSupport.h"
#include "assessments/AssessmentsPage.h"
#include "assessments/ReleaseSignoffPanel.h"
#include "assessments/SignoffDialog.h"
#include "trust/KeyFile.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

/// The releases panel and the Sign Off… dialog: states at a glance, what changed, refusals, and signing with a key
/// unlocked off the GUI thread.
class TestSignoffPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void signingShowsValidThenStaleWithTheChange();
    void wrongPassphraseKeepsTheDialogOpen();
    void refusedApprovalIsExplainedAndRejectionAllowed();
    void brokenSignoffIsShownByShapeAndWord();
    void lastStateStaysWhileCheckingAgain();
    void releaseWithoutAssessmentSaysWhatToDo();

private:
    QString stateCell(const ReleaseSignoffPanel &panel) const;
    QIcon stateIcon(const ReleaseSignoffPanel &panel) const;
    /// Runs the dialog's attempt to its end; true when the dialog was accepted.
    bool signWith(SignoffDialog &dialog, const QByteArray &passphrase);

    samples::SignoffWorkspace m_s;
    test::ScriptedPrompter m_prompter;
    QString m_keyPath;
};

void TestSignoffPanel::initTestCase()
{
    test::isolateSettings();
}

void TestSignoffPanel::init()
{
    m_s.ws.reset();
    m_s = samples::SignoffWorkspace();
    QVERIFY(samples::makeSignoffWorkspace(m_s));
    m_prompter = test::ScriptedPrompter();
    m_keyPath = m_s.dir->filePath(u"lead.key"_s);
    QVERIFY(KeyFile::write(m_keyPath, m_s.leadKey, "lead passphrase").ok());
}

QString TestSignoffPanel::stateCell(const ReleaseSignoffPanel &panel) const
{
    const auto *list = panel.findChild<QTreeWidget *>(u"releaseSignoffList"_s);
    return list && list->topLevelItemCount() > 0 ? list->topLevelItem(0)->text(2) : QString();
}

QIcon TestSignoffPanel::stateIcon(const ReleaseSignoffPanel &panel) const
{
    const auto *list = panel.findChild<QTreeWidget *>(u"releaseSignoffList"_s);
    return list && list->topLevelItemCount() > 0 ? list->topLevelItem(0)->icon(2) : QIcon();
}

bool TestSignoffPanel::signWith(SignoffDialog &dialog, const QByteArray &passphrase)
{
    QSignalSpy checked(&dialog, &SignoffDialog::refusalsChecked);
    if (dialog.isCheckingRefusals() && !checked.wait(20000))
        return false;
    QSignalSpy finished(&dialog, &SignoffDialog::attemptFinished);
    m_prompter.passphrases.append(passphrase);
    dialog.setKeyFile(m_keyPath);
    if (!dialog.sign())
        return false;
    if (!dialog.isBusy())
        return false;
    if (!finished.wait(20000))
        return false;
    return dialog.result() == QDialog::Accepted;
}

void TestSignoffPanel::signingShowsValidThenStaleWithTheChange()
{
    ReleaseSignoffPanel panel(m_s.ws.get(), &m_prompter);
    panel.resize(900, 300);
    QCOMPARE(stateCell(panel), signoffStateLabel(SignoffState::None));
    QVERIFY(stateIcon(panel).isNull());

    SignoffDialog dialog(m_s.ws.get(), &m_prompter, m_s.releaseId, &panel);
    // The evidence is re-hashed on a worker; until then an approval cannot be signed.
    QVERIFY(dialog.isCheckingRefusals());
    QVERIFY(!dialog.findChild<QPushButton *>(u"signButton"_s)->isEnabled());
    QTRY_VERIFY(!dialog.isCheckingRefusals());
    QVERIFY(dialog.refusals().isEmpty());
    QVERIFY(!dialog.findChild<QLabel *>(u"refusalList"_s)->isVisibleTo(&dialog));
    dialog.setConditions(u"Re-check the tokenizer in Q3."_s);
    QVERIFY(signWith(dialog, "lead passphrase"));
    QCOMPARE(dialog.signoff().decision, SignoffDecision::ApproveWithConditions);
    QCOMPARE(m_prompter.questions.constLast().title, u"Unlock Your Key"_s);

    QTRY_COMPARE(panel.stateOf(m_s.releaseId), SignoffState::Valid);
    QCOMPARE(stateCell(panel), u"valid"_s);
    QVERIFY(!stateIcon(panel).isNull()); // a shape beside the word, not colour alone
    QVERIFY(panel.detailsText().contains(u"Dana Lead"_s));
    QVERIFY(panel.detailsText().contains(u"Re-check the tokenizer in Q3."_s));

    Record corpus = m_s.ws->record(m_s.dataset).value();
    corpus.license = u"CC-BY-4.0"_s;
    QVERIFY(m_s.ws->updateRecord(corpus).ok());
    QTRY_COMPARE(panel.stateOf(m_s.releaseId), SignoffState::Stale);
    QCOMPARE(stateCell(panel), u"stale"_s);
    QVERIFY(panel.detailsText().startsWith(ReleaseSignoffPanel::stateText(SignoffState::Stale)));
    QVERIFY2(panel.detailsText().contains(u"license changed from \"\" to \"CC-BY-4.0\""_s),
             qPrintable(panel.detailsText()));
    if (!qEnvironmentVariableIsEmpty("STRATA_SCREENSHOT_DIR")) {
        panel.show();
        panel.grab().save(qEnvironmentVariable("STRATA_SCREENSHOT_DIR") + u"/signoff-panel.png"_s);
        AssessmentsPage page(m_s.ws.get(), &m_prompter);
        page.resize(1100, 700);
        page.show();
        page.grab().save(qEnvironmentVariable("STRATA_SCREENSHOT_DIR") + u"/assessments-page-checking.png"_s);
        QTRY_VERIFY(page.releasePanel()->stateOf(m_s.releaseId) == SignoffState::Stale);
        page.grab().save(qEnvironmentVariable("STRATA_SCREENSHOT_DIR") + u"/assessments-page.png"_s);
        dialog.show();
        dialog.grab().save(qEnvironmentVariable("STRATA_SCREENSHOT_DIR") + u"/signoff-dialog.png"_s);
    }
}

void TestSignoffPanel::wrongPassphraseKeepsTheDialogOpen()
{
    SignoffDialog dialog(m_s.ws.get(), &m_prompter, m_s.releaseId);
    QVERIFY(!signWith(dialog, "not it"));
    QVERIFY(!dialog.errorText().isEmpty());
    QVERIFY(!dialog.isBusy());
    QVERIFY(m_s.ws->signoffs(m_s.releaseId).value().isEmpty());
    // Cancelling the passphrase starts nothing.
    QVERIFY(!dialog.sign());
    QVERIFY(!dialog.isBusy());
}

void TestSignoffPanel::refusedApprovalIsExplainedAndRejectionAllowed()
{
    QVERIFY(m_s.ws->setItemStatus(m_s.assessmentId, {u"M-2"_s, ItemStatus::NotStarted, std::nullopt, {}}).ok());
    SignoffDialog dialog(m_s.ws.get(), &m_prompter, m_s.releaseId);
    QTRY_VERIFY(!dialog.isCheckingRefusals());
    QCOMPARE(dialog.findChild<QComboBox *>(u"decisionBox"_s)->currentData().toInt(), int(SignoffDecision::Reject));
    const auto *refusals = dialog.findChild<QLabel *>(u"refusalList"_s);
    QVERIFY(refusals->isVisibleTo(&dialog));
    QVERIFY(refusals->text().contains(u"M-2 (mandatory) is not started"_s));
    auto *sign = dialog.findChild<QPushButton *>(u"signButton"_s);
    dialog.setKeyFile(m_keyPath);
    dialog.setDecision(SignoffDecision::Approve);
    QVERIFY(!sign->isEnabled());
    dialog.setDecision(SignoffDecision::Reject);
    QVERIFY(sign->isEnabled());
    QVERIFY(signWith(dialog, "lead passphrase"));
    QCOMPARE(dialog.signoff().decision, SignoffDecision::Reject);
}

void TestSignoffPanel::brokenSignoffIsShownByShapeAndWord()
{
    QVERIFY(m_s.ws->signOff(m_s.releaseId, m_s.leadKey, SignoffDecision::Approve).ok());
    const QString path = m_s.ws->path();
    m_s.ws.reset();
    QVERIFY(test::execOnFile(path, u"UPDATE signoff SET signer = 'Mallory'"_s));
    m_s.ws = std::move(Workspace::open(path, Database::OpenMode::ExistingOnly)).value();
    ReleaseSignoffPanel panel(m_s.ws.get());
    // Checking a signed release re-hashes its evidence on a worker; the row says so meanwhile.
    QVERIFY(panel.isChecking());
    QCOMPARE(stateCell(panel), u"checking…"_s);
    QSignalSpy checked(&panel, &ReleaseSignoffPanel::statesChecked);
    QVERIFY(checked.wait(20000));
    QCOMPARE(panel.stateOf(m_s.releaseId), SignoffState::Broken);
    QCOMPARE(stateCell(panel), u"broken"_s);
    QVERIFY(!stateIcon(panel).isNull());
    QVERIFY(panel.detailsText().startsWith(u"\u2716"_s));
    QVERIFY(panel.detailsText().contains(u"broken: "_s));
}

void TestSignoffPanel::lastStateStaysWhileCheckingAgain()
{
    QVERIFY(m_s.ws->signOff(m_s.releaseId, m_s.leadKey, SignoffDecision::Approve).ok());
    ReleaseSignoffPanel panel(m_s.ws.get());
    QSignalSpy checked(&panel, &ReleaseSignoffPanel::statesChecked);
    QVERIFY(checked.wait(20000));
    QCOMPARE(stateCell(panel), u"valid"_s);
    const QString details = panel.detailsText();

    Record corpus = m_s.ws->record(m_s.dataset).value();
    corpus.license = u"CC-BY-4.0"_s;
    QVERIFY(m_s.ws->updateRecord(corpus).ok());
    panel.refresh();
    // While the worker re-hashes, the row and the details keep what they showed: no blank or flashing state.
    QVERIFY(panel.isChecking());
    QCOMPARE(stateCell(panel), u"valid"_s);
    QCOMPARE(panel.stateOf(m_s.releaseId), SignoffState::Valid);
    QCOMPARE(panel.detailsText(), details);
    QTRY_COMPARE(panel.stateOf(m_s.releaseId), SignoffState::Stale);
    QTRY_VERIFY(!panel.isChecking());
    QCOMPARE(stateCell(panel), u"stale"_s);
}

void TestSignoffPanel::releaseWithoutAssessmentSaysWhatToDo()
{
    test::TempWorkspace temp;
    const QByteArray error = temp.open();
    QVERIFY2(error.isEmpty(), error.constData());
    const qint64 root = test::addRecord(*temp.workspace, RecordKind::Model, u"Chat"_s);
    const Result<Release> release = temp.workspace->createRelease(u"chat"_s, u"1.0"_s, root);
    QVERIFY(release.ok());
    // The Assessments page shows the releases, not the "no assessments yet" page, so the sign-off state is visible.
    AssessmentsPage page(temp.workspace.get(), &m_prompter);
    page.resize(1000, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    ReleaseSignoffPanel *panel = page.releasePanel();
    QVERIFY(panel->isVisible());
    QVERIFY(panel->selectRelease(release.value().id));
    QCOMPARE(stateCell(*panel), u"no assessment"_s);
    QVERIFY2(panel->detailsText().startsWith(u"No assessment yet: start one to sign off"_s),
             qPrintable(panel->detailsText()));
    QVERIFY(!panel->findChild<QPushButton *>(u"signOffButton"_s)->isEnabled());
    // Once assessed, the release can be signed.
    QVERIFY(temp.workspace->createAssessment(AssessmentScope{release.value().id, 0}).ok());
    QTRY_COMPARE(stateCell(*panel), signoffStateLabel(SignoffState::None));
    QVERIFY(panel->findChild<QPushButton *>(u"signOffButton"_s)->isEnabled());
}

QTEST_MAIN(TestSignoffPanel)
#include "TestSignoffPanel.moc"
