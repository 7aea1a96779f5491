// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "AboutDialog.h"
#include "AddArtifactDialog.h"
#include "AddRelationDialog.h"
#include "ExportDialog.h"
#include "ImportSummaryDialog.h"
#include "InventoryPage.h"
#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "ScriptedPrompter.h"
#include "Translations.h"
#include "UiTestSupport.h"
#include "assessments/NewAssessmentDialog.h"
#include "assessments/NewReleaseDialog.h"
#include "assessments/SignoffDialog.h"
#include "demo/DemoWorkspace.h"
#include "report/ReportExportDialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QTabBar>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

namespace {

QString describe(const QWidget *widget)
{
    QStringList path;
    for (const QWidget *w = widget; w; w = w->parentWidget())
        path.prepend(w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : w->objectName());
    return path.join(u" > "_s);
}

/// Whether `widget` is a part Qt's composite controls own (a spin box's editor, a combo box's list).
bool insideQtControl(const QWidget *widget)
{
    for (const QWidget *owner = widget->parentWidget(); owner; owner = owner->parentWidget()) {
        if (qobject_cast<const QComboBox *>(owner) || qobject_cast<const QAbstractItemView *>(owner))
            return true;
    }
    return false;
}

/// The texts on screen under `root` that are narrower than they need to be, so a reader sees them cut off:
/// single-line labels, buttons, check boxes, group box titles and tabs. A label that wraps, or that its page
/// elides on purpose (an Ignored horizontal size policy), is not clipped.
QStringList clippedTexts(const QWidget *root, int *checked)
{
    QStringList clipped;
    const auto widgets = root->findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        if (!widget->isVisible() || insideQtControl(widget) || widget->width() <= 0)
            continue;
        QString text;
        int needed = 0;
        if (const auto *label = qobject_cast<const QLabel *>(widget)) {
            if (label->wordWrap() || label->text().isEmpty() || !label->pixmap().isNull() ||
                label->sizePolicy().horizontalPolicy() == QSizePolicy::Ignored)
                continue;
            text = label->text();
            needed = label->minimumSizeHint().width();
        } else if (const auto *button = qobject_cast<const QAbstractButton *>(widget)) {
            if (button->text().isEmpty())
                continue;
            text = button->text();
            needed = button->sizeHint().width();
        } else if (const auto *group = qobject_cast<const QGroupBox *>(widget)) {
            if (group->title().isEmpty())
                continue;
            text = group->title();
            needed = group->minimumSizeHint().width();
        } else if (const auto *tabs = qobject_cast<const QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i) {
                ++*checked;
                const int textWidth = tabs->fontMetrics().horizontalAdvance(tabs->tabText(i).remove(u'&'));
                if (tabs->tabRect(i).width() < textWidth)
                    clipped << u"%1: tab \"%2\" is %3 px wide, its text %4 px"_s.arg(describe(widget), tabs->tabText(i))
                                   .arg(tabs->tabRect(i).width())
                                   .arg(textWidth);
            }
            continue;
        } else {
            continue;
        }
        ++*checked;
        if (widget->width() < needed)
            clipped << u"%1: \"%2\" is %3 px wide and needs %4 px"_s.arg(describe(widget), text)
                           .arg(widget->width())
                           .arg(needed);
    }
    return clipped;
}

} // namespace

/// Translated text is longer or wider than English: German-length labels break English-sized layouts, and Chinese
/// text is wider per character. Walks every page of the main window at its default size and the dialogs, in English
/// and in Simplified Chinese, and names every text that is cut off.
class TestTextFits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void pagesShowTheirWholeText_data();
    void pagesShowTheirWholeText();
    void dialogsShowTheirWholeText_data();
    void dialogsShowTheirWholeText();
};

void TestTextFits::initTestCase()
{
    isolateSettings();
}

void TestTextFits::cleanup()
{
    installTranslations(*QCoreApplication::instance(), u"en"_s);
}

void TestTextFits::pagesShowTheirWholeText_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << u"en"_s;
    QTest::newRow("Simplified Chinese") << u"zh_CN"_s;
}

void TestTextFits::pagesShowTheirWholeText()
{
    QFETCH(QString, language);
    installTranslations(*QCoreApplication::instance(), language);
    ScriptedPrompter prompter;
    MainWindow window(&prompter);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    int checked = 0;
    QStringList clipped = clippedTexts(&window, &checked);
    QVERIFY(window.openDemoWorkspace());
    int pages = 0;
    const auto actions = window.findChildren<QAction *>();
    for (QAction *action : actions) {
        if (!action->objectName().startsWith(u"show"_s))
            continue;
        action->trigger();
        ++pages;
        if (InventoryPage *page = window.currentPage()) {
            auto *view = page->findChild<QAbstractItemView *>();
            if (view && view->model() && view->model()->rowCount() > 0)
                view->setCurrentIndex(view->model()->index(0, 0));
        }
        QCoreApplication::processEvents();
        for (const QString &found : clippedTexts(&window, &checked)) {
            const QString entry = u"%1 (page %2)"_s.arg(found, action->text().remove(u'&'));
            if (!clipped.contains(entry))
                clipped << entry;
        }
    }
    QVERIFY2(pages >= 9, "the View menu's page actions were not found");
    QVERIFY2(window.size() == QSize(1280, 800), "the window opens at its default size without saved settings");
    QVERIFY2(checked > 50, qPrintable(QString::number(checked)));
    QVERIFY2(clipped.isEmpty(), qPrintable(u"texts cut off:\n"_s + clipped.join(u'\n')));
}

void TestTextFits::dialogsShowTheirWholeText_data()
{
    pagesShowTheirWholeText_data();
}

void TestTextFits::dialogsShowTheirWholeText()
{
    QFETCH(QString, language);
    installTranslations(*QCoreApplication::instance(), language);
    TempWorkspace temp;
    QCOMPARE(temp.open(), QByteArray());
    Workspace *ws = temp.workspace.get();
    QVERIFY(DemoWorkspace::populate(*ws).ok());
    const Result<QList<Release>> releases = ws->releases();
    QVERIFY(releases.ok() && !releases.value().isEmpty());
    const Release release = releases.value().first();
    ImportOutcome outcome;
    outcome.path = u"vendor-bom.cdx.json"_s;
    outcome.error = u"vendor-bom.cdx.json: the file is not a CycloneDX, SPDX 3 or Hugging Face document."_s;
    ScriptedPrompter prompter;

    PreferencesDialog preferences;
    AboutDialog about;
    ExportDialog exportDialog(release.rootId, u"Acme Support Chat API"_s);
    ImportSummaryDialog summary({outcome}, 1);
    NewReleaseDialog newRelease(ws);
    NewAssessmentDialog newAssessment(ws);
    AddArtifactDialog addArtifact(release.rootId);
    AddRelationDialog addRelation(ws, release.rootId, RecordKind::Model);
    ReportExportDialog report(ws, &prompter, nullptr);
    SignoffDialog signoff(ws, &prompter, release.id);
    QStringList clipped;
    int checked = 0;
    for (QWidget *dialog : QList<QWidget *>{&preferences, &about, &exportDialog, &summary, &newRelease, &newAssessment,
                                            &addArtifact, &addRelation, &report, &signoff}) {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        clipped << clippedTexts(dialog, &checked);
        dialog->hide();
    }
    // Every dialog's fields and buttons: far more than the two buttons of the smallest.
    QVERIFY2(checked >= 40, qPrintable(QString::number(checked)));
    QVERIFY2(clipped.isEmpty(), qPrintable(u"texts cut off:\n"_s + clipped.join(u'\n')));
}

QTEST_MAIN(TestTextFits)
#include "TestTextFits.moc"
