// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "UiTestSupport.h"
#include "assessments/NewAssessmentDialog.h"
#include "assessments/NewReleaseDialog.h"
#include "assessments/RaiseFindingDialog.h"
#include "assessments/RecordPicker.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

/// The release, assessment and finding dialogs refuse what the workspace would refuse, before anything is written.
class TestAssessmentDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void releaseNeedsNameAndRoot();
    void releaseShowsItsScopeAndIsCreated();
    void duplicateReleaseIsRefusedInTheDialog();
    void assessmentOfARecord();
    void findingValidation();

private:
    QPushButton *okButton(QDialog *dialog) const
    {
        return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

    std::unique_ptr<TempWorkspace> m_temp;
    qint64 m_model = 0;
    qint64 m_dataset = 0;
};

void TestAssessmentDialogs::initTestCase()
{
    isolateSettings();
}

void TestAssessmentDialogs::init()
{
    m_temp = std::make_unique<TempWorkspace>();
    const QByteArray error = m_temp->open();
    QVERIFY2(error.isEmpty(), error.constData());
    m_temp->workspace->setActor(u"alice"_s);
    m_model = addRecord(*m_temp->workspace, RecordKind::Model, u"Assistant"_s);
    m_dataset = addRecord(*m_temp->workspace, RecordKind::Dataset, u"Corpus"_s);
    addRecord(*m_temp->workspace, RecordKind::Dataset, u"Unrelated"_s);
    QVERIFY(m_model > 0 && m_dataset > 0);
    QVERIFY(m_temp->workspace->link(m_model, RelationType::TrainedOn, m_dataset).ok());
}

void TestAssessmentDialogs::cleanup()
{
    m_temp.reset();
}

void TestAssessmentDialogs::releaseNeedsNameAndRoot()
{
    NewReleaseDialog dialog(m_temp->workspace.get());
    QVERIFY(!dialog.validationMessage().isEmpty());
    QVERIFY(!okButton(&dialog)->isEnabled());
    dialog.nameField()->setText(u"   "_s);
    QVERIFY2(dialog.validationMessage().contains(u"name"_s), qPrintable(dialog.validationMessage()));
    dialog.nameField()->setText(u"assistant"_s);
    QVERIFY2(dialog.validationMessage().contains(u"root"_s), qPrintable(dialog.validationMessage()));
    QVERIFY(!okButton(&dialog)->isEnabled());
    const Result<Release> refused = dialog.create();
    QVERIFY(!refused.ok());
    QVERIFY(m_temp->workspace->releases().value().isEmpty());
}

void TestAssessmentDialogs::releaseShowsItsScopeAndIsCreated()
{
    NewReleaseDialog dialog(m_temp->workspace.get());
    dialog.nameField()->setText(u"assistant"_s);
    dialog.versionField()->setText(u"1.0"_s);
    dialog.rootPicker()->searchField()->setText(u"Assis"_s);
    auto *matches = dialog.findChild<QListWidget *>(u"recordMatches"_s);
    QCOMPARE(matches->count(), 1);
    QVERIFY(dialog.rootPicker()->selectRecord(m_model));
    // The scope preview is the root and what it was trained on, not the unrelated dataset.
    auto *scope = dialog.findChild<QListWidget *>(u"releaseScope"_s);
    QCOMPARE(scope->count(), int(m_temp->workspace->upstreamOf(m_model).value().size()));
    QCOMPARE(scope->count(), 2);
    QVERIFY(scope->item(1)->text().contains(u"Corpus"_s));
    QVERIFY(dialog.validationMessage().isEmpty());
    QVERIFY(okButton(&dialog)->isEnabled());
    okButton(&dialog)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const QList<Release> releases = m_temp->workspace->releases().value();
    QCOMPARE(releases.size(), 1);
    QCOMPARE(releases.constFirst().label(), u"assistant@1.0"_s);
    QCOMPARE(releases.constFirst().members.size(), 2);
    QCOMPARE(dialog.release().id, releases.constFirst().id);
}

void TestAssessmentDialogs::duplicateReleaseIsRefusedInTheDialog()
{
    QVERIFY(m_temp->workspace->createRelease(u"assistant"_s, u"1.0"_s, m_model).ok());
    NewReleaseDialog dialog(m_temp->workspace.get());
    dialog.nameField()->setText(u"assistant"_s);
    dialog.versionField()->setText(u"1.0"_s);
    QVERIFY(dialog.rootPicker()->selectRecord(m_model));
    okButton(&dialog)->click();
    QVERIFY(dialog.result() != int(QDialog::Accepted));
    const QString shown = dialog.findChild<QLabel *>(u"releaseMessage"_s)->text();
    QVERIFY2(shown.contains(u"assistant"_s), qPrintable(shown));
    QCOMPARE(m_temp->workspace->releases().value().size(), 1);
}

void TestAssessmentDialogs::assessmentOfARecord()
{
    NewAssessmentDialog dialog(m_temp->workspace.get());
    // Without a release the dialog starts on a record and says what is missing.
    QVERIFY2(dialog.validationMessage().contains(u"record"_s), qPrintable(dialog.validationMessage()));
    QVERIFY(!okButton(&dialog)->isEnabled());
    QVERIFY(dialog.catalogBox()->count() >= 1);
    dialog.setScopeKind(NewAssessmentDialog::ScopeKind::Release);
    QVERIFY2(dialog.validationMessage().contains(u"release"_s), qPrintable(dialog.validationMessage()));
    dialog.setScopeKind(NewAssessmentDialog::ScopeKind::Supplier);
    // Only suppliers are offered for a supplier's assessment.
    QCOMPARE(dialog.findChild<QListWidget *>(u"recordMatches"_s)->count(), 0);
    dialog.setScopeKind(NewAssessmentDialog::ScopeKind::Record);
    QVERIFY(dialog.recordPicker()->selectRecord(m_dataset));
    QVERIFY(dialog.validationMessage().isEmpty());
    okButton(&dialog)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const QList<AssessmentSummary> all = m_temp->workspace->assessments().value();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.constFirst().scopeLabel, u"Corpus"_s);
    QCOMPARE(dialog.assessment().id, all.constFirst().id);
    QVERIFY(all.constFirst().itemCount > 0);
}

void TestAssessmentDialogs::findingValidation()
{
    const Result<Assessment> a = m_temp->workspace->createAssessment(AssessmentScope{0, m_dataset});
    QVERIFY(a.ok());
    const AssessmentItem item = a.value().items.constFirst();
    RaiseFindingDialog dialog(m_temp->workspace.get(), a.value().id, item);
    QCOMPARE(dialog.titleField()->text(), item.title.text());
    QVERIFY2(dialog.validationMessage().contains(u"owner"_s), qPrintable(dialog.validationMessage()));
    QVERIFY(!okButton(&dialog)->isEnabled());
    dialog.ownerField()->setText(u"bob"_s);
    dialog.dueField()->setDate(QDate::currentDate().addDays(-1));
    QVERIFY2(dialog.validationMessage().contains(u"passed"_s), qPrintable(dialog.validationMessage()));
    dialog.dueField()->setDate(QDate::currentDate().addDays(14));
    dialog.likelihoodBox()->setValue(4);
    dialog.impactBox()->setValue(5);
    QVERIFY(dialog.validationMessage().isEmpty());
    // The item has not failed: the workspace refuses, the dialog stays open and says why.
    okButton(&dialog)->click();
    QVERIFY(dialog.result() != int(QDialog::Accepted));
    QVERIFY(!dialog.findChild<QLabel *>(u"findingMessage"_s)->text().isEmpty());
    QVERIFY(m_temp->workspace->findings(a.value().id).value().isEmpty());
    QVERIFY(m_temp->workspace->setItemStatus(a.value().id, {item.key, ItemStatus::Fail, std::nullopt, {}}).ok());
    okButton(&dialog)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const QList<Finding> findings = m_temp->workspace->findings(a.value().id).value();
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.constFirst().score(), 20);
    QCOMPARE(findings.constFirst().owner, u"bob"_s);
    QCOMPARE(findings.constFirst().dueDate, QDate::currentDate().addDays(14));
}

QTEST_MAIN(TestAssessmentDialogs)
#include "TestAssessmentDialogs.moc"
