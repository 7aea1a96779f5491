// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "InventoryPage.h"
#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "ScriptedPrompter.h"
#include "UiTestSupport.h"
#include "assessments/AssessmentsPage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QGraphicsView>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSet>
#include <QTabBar>
#include <QTest>
#include <QTextEdit>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

namespace {

// Qt's composite widgets (spin boxes, combo boxes, tab bars, scroll areas, item views) name the parts they own.
bool isQtInternal(const QWidget *widget)
{
    // Qt names its helper widgets qt_… (a scroll area's viewport is one, so only the control's own name counts).
    if (widget->objectName().startsWith(u"qt_"_s))
        return true;
    if (qobject_cast<const QScrollBar *>(widget) || qobject_cast<const QHeaderView *>(widget))
        return true;
    for (const QWidget *owner = widget->parentWidget(); owner; owner = owner->parentWidget()) {
        if (qobject_cast<const QAbstractSpinBox *>(owner) || qobject_cast<const QComboBox *>(owner) ||
            qobject_cast<const QTabBar *>(owner) || qobject_cast<const QLineEdit *>(owner) ||
            qobject_cast<const QAbstractItemView *>(owner) || qobject_cast<const QScrollBar *>(owner))
            return true;
    }
    return false;
}

// The controls a keyboard or screen-reader user operates.
bool isInteractive(const QWidget *widget)
{
    return qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QLineEdit *>(widget) ||
           qobject_cast<const QComboBox *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget) ||
           qobject_cast<const QAbstractItemView *>(widget) || qobject_cast<const QAbstractSlider *>(widget) ||
           qobject_cast<const QTextEdit *>(widget) || qobject_cast<const QPlainTextEdit *>(widget) ||
           qobject_cast<const QGraphicsView *>(widget) || qobject_cast<const QTabBar *>(widget);
}

// What a screen reader announces a control by: its accessibleName, the label whose buddy it is, or a button's own
// text. A combo box's current entry or a line edit's placeholder is a value or a hint, not a name.
bool hasName(const QWidget *widget, const QSet<const QWidget *> &buddies)
{
    if (!widget->accessibleName().trimmed().isEmpty() || buddies.contains(widget))
        return true;
    const auto *button = qobject_cast<const QAbstractButton *>(widget);
    return button && !button->text().remove(u'&').trimmed().isEmpty();
}

QString describe(const QWidget *widget)
{
    QStringList path;
    for (const QWidget *w = widget; w; w = w->parentWidget())
        path.prepend(w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : w->objectName());
    return path.join(u" > "_s);
}

} // namespace

/// Walks the main window's widgets and names every control a screen reader would announce without a name: no
/// accessibleName, no label pointing at it, and (for buttons) no text.
class TestAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void welcomeControlsHaveNames();
    void workspaceControlsHaveNames();
    void preferencesControlsHaveNames();

private:
    /// The controls under `root` without an accessible name; `checked` counts the controls looked at.
    static QStringList unnamedControls(const QWidget *root, int *checked = nullptr);
};

void TestAccessibility::initTestCase()
{
    isolateSettings();
}

QStringList TestAccessibility::unnamedControls(const QWidget *root, int *checked)
{
    QStringList unnamed;
    QSet<const QWidget *> buddies;
    for (const QLabel *label : root->findChildren<QLabel *>()) {
        if (label->buddy() && !label->text().isEmpty())
            buddies.insert(label->buddy());
    }
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!isInteractive(widget) || isQtInternal(widget))
            continue;
        if (checked)
            ++*checked;
        if (!hasName(widget, buddies))
            unnamed << describe(widget);
    }
    return unnamed;
}

void TestAccessibility::welcomeControlsHaveNames()
{
    ScriptedPrompter prompter;
    MainWindow window(&prompter);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    int checked = 0;
    const QStringList unnamed = unnamedControls(&window, &checked);
    // At least the welcome screen's New, Open and Demo buttons.
    QVERIFY2(checked >= 3, qPrintable(QString::number(checked)));
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
}

void TestAccessibility::workspaceControlsHaveNames()
{
    ScriptedPrompter prompter;
    MainWindow window(&prompter);
    window.show();
    QVERIFY(window.openDemoWorkspace());
    // Every page once, and a record selected, so the panels that fill in lazily exist.
    const auto actions = window.findChildren<QAction *>();
    int pagesShown = 0;
    for (QAction *action : actions) {
        if (!action->objectName().startsWith(u"show"_s))
            continue;
        action->trigger();
        ++pagesShown;
        if (InventoryPage *page = window.currentPage()) {
            auto *view = page->findChild<QAbstractItemView *>();
            if (view && view->model() && view->model()->rowCount() > 0)
                view->setCurrentIndex(view->model()->index(0, 0));
        }
        QCoreApplication::processEvents();
    }
    QVERIFY2(pagesShown >= 9, "the View menu's page actions were not found");
    int checked = 0;
    const QStringList unnamed = unnamedControls(&window, &checked);
    // The pages' tables, searches, filters, buttons and editors: far more than the window's frame alone.
    QVERIFY2(checked > 60, qPrintable(QString::number(checked)));
    QVERIFY2(unnamed.isEmpty(), qPrintable(u"controls without an accessible name:\n"_s + unnamed.join(u'\n')));
}

void TestAccessibility::preferencesControlsHaveNames()
{
    PreferencesDialog dialog;
    dialog.show();
    int checked = 0;
    const QStringList unnamed = unnamedControls(&dialog, &checked);
    QVERIFY2(checked >= 3, qPrintable(QString::number(checked))); // the language list, OK and Cancel
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
}

QTEST_MAIN(TestAccessibility)
#include "TestAccessibility.moc"
