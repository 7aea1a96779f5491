// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "MainWindow.h"
#include "ScriptedPrompter.h"
#include "TaskProgressWidget.h"
#include "UiTestSupport.h"
#include "report/ReportExportDialog.h"
#include "report/ReportPreviewDialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPdfDocument>
#include <QPdfView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

/// File › Export Report… as a user drives it: the form, drawing in the background, the preview and Save.
class TestReportExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void emptyScopeIsRefused();
    void generatedReportFillsThePreview();
    void saveWritesThePreviewedBytes();
    void cancelLeavesNoFile();
    void mainWindowOpensTheDialog();

private:
    /// Grabs `widget` to $STRATA_SCREENSHOT_DIR/<name>.png when that is set, to look at by hand.
    static void screenshot(QWidget *widget, const QString &name);
    /// Generates the report of the release and waits for its preview.
    ReportPreviewDialog *generateRelease(ReportExportDialog &dialog);

    std::unique_ptr<TempWorkspace> m_ws;
    QString m_release;
};

void TestReportExport::initTestCase()
{
    isolateSettings();
}

void TestReportExport::init()
{
    m_ws = std::make_unique<TempWorkspace>();
    QCOMPARE(m_ws->open(), QByteArray());
    Workspace &ws = *m_ws->workspace;
    const qint64 supplier = addRecord(ws, RecordKind::Supplier, u"Acme Labs"_s);
    const qint64 base = addRecord(ws, RecordKind::Model, u"Base LM"_s);
    const qint64 chat = addRecord(ws, RecordKind::Model, u"Chat App"_s);
    const qint64 tickets = addRecord(ws, RecordKind::Dataset, u"Support Tickets"_s);
    QVERIFY(supplier && base && chat && tickets);
    QVERIFY(ws.link(chat, RelationType::DerivedFrom, base, u"finetune"_s).ok());
    QVERIFY(ws.link(chat, RelationType::TrainedOn, tickets).ok());
    QVERIFY(ws.link(base, RelationType::ProvidedBy, supplier).ok());
    const Result<Release> release = ws.createRelease(u"chat-app"_s, u"1.0"_s, chat);
    QVERIFY(release.ok());
    m_release = release.value().label();
    const Result<Assessment> assessment = ws.createAssessment({release.value().id, 0});
    QVERIFY(assessment.ok());
    const QList<AssessmentItem> &items = assessment.value().items;
    QVERIFY(items.size() > 2);
    QVERIFY(ws.setItemStatus(assessment.value().id, {items.at(0).key, ItemStatus::Pass, u"Seen."_s, {}}).ok());
    QVERIFY(ws.setItemStatus(assessment.value().id, {items.at(1).key, ItemStatus::Fail, u"Unpinned."_s, {}}).ok());
}

void TestReportExport::cleanup()
{
    QThreadPool::globalInstance()->waitForDone();
    m_ws.reset();
}

void TestReportExport::screenshot(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
    if (!folder.isEmpty())
        widget->grab().save(QDir(folder).filePath(name + u".png"_s));
}

ReportPreviewDialog *TestReportExport::generateRelease(ReportExportDialog &dialog)
{
    dialog.setScope(ReportScope::Kind::Release, m_release);
    QSignalSpy finished(&dialog, &ReportExportDialog::finished);
    if (!dialog.generate())
        return nullptr;
    if (!finished.wait(120000))
        return nullptr;
    return finished.constFirst().constFirst().value<ReportPreviewDialog *>();
}

void TestReportExport::emptyScopeIsRefused()
{
    ScriptedPrompter prompter;
    ReportExportDialog dialog(m_ws->workspace.get(), &prompter, nullptr);
    dialog.show();
    auto *reference = dialog.findChild<QComboBox *>(u"reportScopeReference"_s);
    QVERIFY(reference);
    // The release the workspace holds is offered without typing.
    QVERIFY(reference->findText(m_release) >= 0);
    screenshot(&dialog, u"report-dialog"_s);

    reference->setEditText(u"   "_s);
    QSignalSpy finished(&dialog, &ReportExportDialog::finished);
    auto *generate = dialog.findChild<QPushButton *>(u"reportGenerateButton"_s);
    QVERIFY(generate);
    QTest::mouseClick(generate, Qt::LeftButton);
    QVERIFY(!dialog.isGenerating());
    auto *error = dialog.findChild<QLabel *>(u"reportScopeError"_s);
    QVERIFY(error && error->isVisible());
    QVERIFY(!error->text().isEmpty());
    QCOMPARE(finished.count(), 0);
    QVERIFY(!dialog.preview());

    // Leaving every section out is refused in the same way.
    dialog.setScope(ReportScope::Kind::Release, m_release);
    for (QCheckBox *box : dialog.findChildren<QCheckBox *>()) {
        if (box->objectName().startsWith(u"reportSection"_s))
            box->setChecked(false);
    }
    QVERIFY(!dialog.generate());
    QVERIFY(!dialog.isGenerating());
}

void TestReportExport::generatedReportFillsThePreview()
{
    ScriptedPrompter prompter;
    ReportExportDialog dialog(m_ws->workspace.get(), &prompter, nullptr);
    dialog.resize(480, 520);
    dialog.show();
    QVERIFY(dialog.options().pdfA == false);
    ReportPreviewDialog *preview = generateRelease(dialog);
    QVERIFY2(preview, qPrintable(prompter.errors.join(u'\n')));
    QVERIFY(prompter.errors.isEmpty());
    QVERIFY(!dialog.isGenerating());
    QVERIFY(preview->isVisible());
    QVERIFY(preview->pdf().startsWith("%PDF-"));
    QVERIFY2(preview->pageCount() > 1, qPrintable(QString::number(preview->pageCount())));
    QCOMPARE(preview->view()->document()->pageCount(), preview->pageCount());
    QTest::qWait(300);
    screenshot(preview, u"report-preview"_s);
    // Nothing is written before Save.
    QVERIFY(prompter.fileCaptions.isEmpty());
}

void TestReportExport::saveWritesThePreviewedBytes()
{
    ScriptedPrompter prompter;
    QTemporaryDir out;
    QVERIFY(out.isValid());
    prompter.fileNames << out.filePath(u"chat-report"_s);
    ReportExportDialog dialog(m_ws->workspace.get(), &prompter, nullptr);
    auto *letter = dialog.findChild<QComboBox *>(u"reportPaper"_s);
    QVERIFY(letter);
    letter->setCurrentIndex(letter->findData(int(ReportPaper::Letter)));
    QCOMPARE(dialog.options().paper, ReportPaper::Letter);
    dialog.show();
    ReportPreviewDialog *preview = generateRelease(dialog);
    QVERIFY2(preview, qPrintable(prompter.errors.join(u'\n')));
    const QByteArray shown = preview->pdf();
    QSignalSpy saved(preview, &ReportPreviewDialog::saved);
    auto *save = preview->findChild<QPushButton *>(u"reportSaveButton"_s);
    QVERIFY(save);
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY2(prompter.errors.isEmpty(), qPrintable(prompter.errors.join(u'\n')));
    QCOMPARE(saved.count(), 1);
    // A name without a suffix gets ".pdf".
    const QString path = out.filePath(u"chat-report.pdf"_s);
    QCOMPARE(saved.constFirst().constFirst().toString(), path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), shown);
    // Only the report: no temporary file is left beside it.
    QCOMPARE(QDir(out.path()).entryList(QDir::Files), QStringList{u"chat-report.pdf"_s});
}

void TestReportExport::cancelLeavesNoFile()
{
    ScriptedPrompter prompter;
    QTemporaryDir out;
    QVERIFY(out.isValid());
    prompter.fileNames << out.filePath(u"cancelled.pdf"_s);
    ReportExportDialog dialog(m_ws->workspace.get(), &prompter, nullptr);
    dialog.show();
    dialog.setScope(ReportScope::Kind::Release, m_release);
    QSignalSpy finished(&dialog, &ReportExportDialog::finished);
    QVERIFY(dialog.generate());
    QVERIFY(dialog.isGenerating());
    auto *cancel = dialog.findChild<QPushButton *>(u"reportCancelButton"_s);
    QVERIFY(cancel && cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!dialog.isGenerating());
    // Let the worker end and its result come back: it is dropped.
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(200);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.constFirst().constFirst().value<ReportPreviewDialog *>(), nullptr);
    QVERIFY(!dialog.preview());
    QVERIFY(prompter.fileCaptions.isEmpty());
    QVERIFY(prompter.errors.isEmpty());
    QVERIFY(QDir(out.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    // The form is usable again.
    auto *generate = dialog.findChild<QPushButton *>(u"reportGenerateButton"_s);
    QVERIFY(generate && generate->isEnabled());
}

void TestReportExport::mainWindowOpensTheDialog()
{
    const QString path = m_ws->workspace->path();
    m_ws->workspace.reset();
    ScriptedPrompter prompter;
    MainWindow window(&prompter);
    auto *action = window.findChild<QAction *>(u"exportReportAction"_s);
    QVERIFY(action);
    QVERIFY(!action->isEnabled());
    QVERIFY(!window.exportReport());
    QVERIFY(window.openWorkspace(path));
    QVERIFY(action->isEnabled());
    action->trigger();
    QPointer<ReportExportDialog> dialog = window.findChild<ReportExportDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->scope().kind, ReportScope::Kind::Release);
    QCOMPARE(dialog->scope().reference, m_release);
    // Closing the workspace ends the dialog with it.
    QVERIFY(window.closeWorkspace());
    QTRY_VERIFY(!dialog);
    QVERIFY(!action->isEnabled());
}

QTEST_MAIN(TestReportExport)
#include "TestReportExport.moc"
