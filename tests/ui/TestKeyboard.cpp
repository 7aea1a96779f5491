// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "AboutDialog.h"
#include "AddArtifactDialog.h"
#include "AddRelationDialog.h"
#include "ExportDialog.h"
#include "ImportSummaryDialog.h"
#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "ScriptedPrompter.h"
#include "UiTestSupport.h"
#include "assessments/NewAssessmentDialog.h"
#include "assessments/NewReleaseDialog.h"
#include "assessments/RaiseFindingDialog.h"
#include "assessments/SignoffDialog.h"
#include "demo/DemoWorkspace.h"
#include "findings/AcceptRiskDialog.h"
#include "report/ReportExportDialog.h"
#include "report/ReportPreviewDialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QStackedWidget>
#include <QTest>

#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

namespace {

/// How a focused widget is named in an expected order: its object name, else a button's text, else its class.
QString focusName(const QWidget *widget)
{
    if (!widget)
        return u"(nothing)"_s;
    if (!widget->objectName().isEmpty() && !widget->objectName().startsWith(u"qt_"_s))
        return widget->objectName();
    if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        return button->text().remove(u'&');
    return QString::fromLatin1(widget->metaObject()->className());
}

} // namespace

/// The main workflow from the keyboard alone: every page has a shortcut and a focusable view, and each dialog of the
/// workflow opens with focus on its first field, walks its fields with Tab in reading order and has a default button.
class TestKeyboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void everyPageHasAShortcutAndAFocusableView();
    void dialogsTabInReadingOrder_data();
    void dialogsTabInReadingOrder();

private:
    /// The dialog called `which`, over the demo workspace.
    std::unique_ptr<QDialog> makeDialog(const QString &which);
    /// Shows the dialog and presses Tab from the first focused control until focus comes back to it.
    static QStringList walk(QDialog *dialog);
    /// A small PDF for the report preview.
    static QByteArray twoPagePdf();

    std::unique_ptr<TempWorkspace> m_temp;
    ScriptedPrompter m_prompter;
};

void TestKeyboard::initTestCase()
{
    isolateSettings();
}

void TestKeyboard::init()
{
    m_temp = std::make_unique<TempWorkspace>();
    const QByteArray error = m_temp->open();
    QVERIFY2(error.isEmpty(), error.constData());
    const Status filled = DemoWorkspace::populate(*m_temp->workspace);
    QVERIFY2(filled.ok(), filled.ok() ? "" : qPrintable(filled.error().message));
    m_prompter = ScriptedPrompter();
}

void TestKeyboard::cleanup()
{
    m_temp.reset();
}

void TestKeyboard::everyPageHasAShortcutAndAFocusableView()
{
    MainWindow window(&m_prompter);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.openDemoWorkspace());
    auto *stack = window.findChild<QStackedWidget *>(u"pageStack"_s);
    QVERIFY(stack);
    QList<QWidget *> seen;
    const QList<int> keys{Qt::Key_1, Qt::Key_2, Qt::Key_3, Qt::Key_4, Qt::Key_5,
                          Qt::Key_6, Qt::Key_7, Qt::Key_8, Qt::Key_9, Qt::Key_0};
    for (int key : keys) {
        QTest::keyClick(&window, static_cast<Qt::Key>(key), Qt::ControlModifier);
        QWidget *page = stack->currentWidget();
        QVERIFY2(!seen.contains(page), qPrintable(u"Ctrl+%1 shows a page already shown"_s.arg(QChar(key))));
        seen.append(page);
        // Each page's list, table or graph can take the keyboard's focus.
        bool focusable = false;
        for (const QAbstractItemView *view : page->findChildren<QAbstractItemView *>())
            focusable = focusable || (view->isVisibleTo(page) && (view->focusPolicy() & Qt::TabFocus));
        for (const QWidget *w : page->findChildren<QWidget *>(u"graphView"_s))
            focusable = focusable || (w->focusPolicy() & Qt::TabFocus);
        QVERIFY2(focusable, qPrintable(u"no focusable view on the page of Ctrl+%1"_s.arg(QChar(key))));
        // Tab leaves every view, so no table is a trap that only Ctrl+Tab gets out of.
        for (QAbstractItemView *view : page->findChildren<QAbstractItemView *>()) {
            if (!view->isVisible() || !(view->focusPolicy() & Qt::TabFocus) || !view->isEnabled())
                continue;
            view->setFocus(Qt::TabFocusReason);
            QTest::keyClick(view, Qt::Key_Tab);
            QVERIFY2(QApplication::focusWidget() != view,
                     qPrintable(u"Tab stays in %1 on the page of Ctrl+%2"_s.arg(focusName(view), QChar(key))));
        }
    }
    QCOMPARE(seen.size(), 10);
}

std::unique_ptr<QDialog> TestKeyboard::makeDialog(const QString &which)
{
    Workspace *ws = m_temp->workspace.get();
    const Release release = ws->releases().value().constFirst();
    const AssessmentSummary assessment = ws->assessments().value().constFirst();
    const qint64 model = release.rootId;
    if (which == u"New Release"_s)
        return std::make_unique<NewReleaseDialog>(ws);
    if (which == u"New Assessment"_s)
        return std::make_unique<NewAssessmentDialog>(ws);
    if (which == u"Raise Finding"_s)
        return std::make_unique<RaiseFindingDialog>(ws, assessment.id,
                                                    ws->assessment(assessment.id).value().items.constFirst());
    if (which == u"Accept Risk"_s)
        return std::make_unique<AcceptRiskDialog>(ws->findings().value().constFirst(), QDate::currentDate());
    if (which == u"Sign Off"_s)
        return std::make_unique<SignoffDialog>(ws, &m_prompter, release.id);
    if (which == u"Add Relation"_s)
        return std::make_unique<AddRelationDialog>(ws, model, ws->record(model).value().kind);
    if (which == u"Add Artifact"_s)
        return std::make_unique<AddArtifactDialog>(model);
    if (which == u"Preferences"_s)
        return std::make_unique<PreferencesDialog>();
    if (which == u"Export Report"_s)
        return std::make_unique<ReportExportDialog>(ws, &m_prompter, nullptr);
    if (which == u"About"_s)
        return std::make_unique<AboutDialog>();
    if (which == u"Import Summary"_s) {
        ImportOutcome outcome;
        outcome.path = u"vendor.cdx.json"_s;
        outcome.ok = true;
        outcome.summary.added = 3;
        return std::make_unique<ImportSummaryDialog>(QList<ImportOutcome>{outcome}, 0);
    }
    if (which == u"Export"_s)
        return std::make_unique<ExportDialog>(model, ws->record(model).value().name);
    if (which == u"Report Preview"_s)
        return std::make_unique<ReportPreviewDialog>(twoPagePdf(), u"report.pdf"_s, &m_prompter, nullptr);
    return nullptr;
}

QByteArray TestKeyboard::twoPagePdf()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    QPainter painter(&writer);
    painter.drawText(QPointF(100, 100), u"Assessment report"_s);
    writer.newPage();
    painter.drawText(QPointF(100, 100), u"Findings"_s);
    painter.end();
    return buffer.data();
}

QStringList TestKeyboard::walk(QDialog *dialog)
{
    dialog->show();
    if (!QTest::qWaitForWindowActive(dialog))
        return {u"(the dialog never became active)"_s};
    QWidget *first = QApplication::focusWidget();
    QStringList order;
    QWidget *current = first;
    for (int step = 0; step < 40 && current; ++step) {
        // A date edit takes Tab for its own sections first; it is one stop in the order.
        if (order.isEmpty() || order.constLast() != focusName(current))
            order << focusName(current);
        QTest::keyClick(current, Qt::Key_Tab);
        current = QApplication::focusWidget();
        if (current == first)
            break;
    }
    return order;
}

void TestKeyboard::dialogsTabInReadingOrder_data()
{
    // Reading order, from the control focused when the dialog opens; a disabled button (OK before the required
    // fields are filled) is not a Tab stop.
    QTest::addColumn<QString>("dialog");
    QTest::addColumn<QStringList>("order");
    QTest::newRow("New Release") << u"New Release"_s
                                 << QStringList{u"releaseName"_s,   u"releaseVersion"_s, u"recordSearch"_s,
                                                u"recordMatches"_s, u"releaseScope"_s,   u"Cancel"_s};
    QTest::newRow("New Assessment") << u"New Assessment"_s
                                    << QStringList{u"assessmentScopeKind"_s, u"assessmentRelease"_s,
                                                   u"assessmentCatalog"_s, u"Create Assessment"_s, u"Cancel"_s};
    QTest::newRow("Raise Finding") << u"Raise Finding"_s
                                   << QStringList{u"findingTitle"_s, u"findingLikelihood"_s, u"findingImpact"_s,
                                                  u"findingOwner"_s, u"findingDue"_s,        u"Cancel"_s};
    QTest::newRow("Accept Risk") << u"Accept Risk"_s
                                 << QStringList{u"acceptJustification"_s, u"acceptUntil"_s, u"Cancel"_s};
    QTest::newRow("Sign Off") << u"Sign Off"_s
                              << QStringList{u"decisionBox"_s, u"conditionsEdit"_s, u"keyFileEdit"_s,
                                             u"chooseKeyButton"_s, u"Cancel"_s};
    QTest::newRow("Add Relation") << u"Add Relation"_s
                                  << QStringList{u"relationTypeCombo"_s, u"targetSearchEdit"_s, u"targetList"_s,
                                                 u"addRelationOkButton"_s, u"Cancel"_s};
    QTest::newRow("Add Artifact") << u"Add Artifact"_s
                                  << QStringList{u"artifactFileNameEdit"_s, u"artifactSizeEdit"_s,
                                                 u"artifactDigestEdit"_s, u"Cancel"_s};
    QTest::newRow("Preferences") << u"Preferences"_s << QStringList{u"languageCombo"_s, u"OK"_s, u"Cancel"_s};
    QTest::newRow("Export Report") << u"Export Report"_s
                                   << QStringList{u"reportScopeKind"_s,      u"reportScopeReference"_s,
                                                  u"reportSection1"_s,       u"reportSection2"_s,
                                                  u"reportSection4"_s,       u"reportSection8"_s,
                                                  u"reportSection16"_s,      u"reportSection32"_s,
                                                  u"reportSection64"_s,      u"reportSection128"_s,
                                                  u"reportSection256"_s,     u"reportPaper"_s,
                                                  u"reportLanguage"_s,       u"reportPdfA"_s,
                                                  u"reportGenerateButton"_s, u"reportDialogCloseButton"_s};
    // Close has the focus; About Qt sits left of it, so Tab wraps to it.
    QTest::newRow("About") << u"About"_s << QStringList{u"Close"_s, u"aboutQtButton"_s};
    QTest::newRow("Import Summary") << u"Import Summary"_s
                                    << QStringList{u"importSummaryTable"_s, u"importNotesList"_s, u"importCopyButton"_s,
                                                   u"Close"_s};
    // The two scope choices are one radio group: one Tab stop, arrows choose.
    QTest::newRow("Export") << u"Export"_s
                            << QStringList{u"exportFormatCombo"_s, u"exportScopeWorkspace"_s, u"exportOkButton"_s,
                                           u"Cancel"_s};
    QTest::newRow("Report Preview") << u"Report Preview"_s
                                    << QStringList{u"reportPreviewView"_s, u"reportSaveButton"_s,
                                                   u"reportCloseButton"_s};
}

void TestKeyboard::dialogsTabInReadingOrder()
{
    QFETCH(QString, dialog);
    QFETCH(QStringList, order);
    const std::unique_ptr<QDialog> shown = makeDialog(dialog);
    QVERIFY(shown);
    const QStringList walked = walk(shown.get());
    QVERIFY2(walked == order, qPrintable(u"Tab walks: %1"_s.arg(walked.join(u", "_s))));
    // Enter does the dialog's main action.
    bool hasDefault = false;
    for (const QPushButton *button : shown->findChildren<QPushButton *>())
        hasDefault = hasDefault || (button->isDefault() && button->isVisible());
    QVERIFY2(hasDefault, "no default button");
}

QTEST_MAIN(TestKeyboard)
#include "TestKeyboard.moc"
