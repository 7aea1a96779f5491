// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "LanguageChoice.h"
#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "ScriptedPrompter.h"
#include "Translations.h"
#include "UiTestSupport.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QPushButton>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

class TestPreferences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void startupLocale_data();
    void startupLocale();
    void dialogSavesTheChoice();
    void cancelKeepsTheChoice();
    void dialogSaysWhenItApplies();
    void editMenuOpensPreferences();
    void savedChoiceTranslatesTheNextStart();

private:
    static void choose(PreferencesDialog &dialog, const QString &locale);
};

void TestPreferences::initTestCase()
{
    isolateSettings();
}

void TestPreferences::init()
{
    QSettings().clear();
}

void TestPreferences::cleanup()
{
    installTranslations(*qApp, u"en"_s);
}

void TestPreferences::startupLocale_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QVariant>("saved");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nothing: the system's") << QString() << QVariant() << QString();
    QTest::newRow("saved Chinese") << QString() << QVariant(u"zh_CN"_s) << u"zh_CN"_s;
    QTest::newRow("saved English") << QString() << QVariant(u"en"_s) << u"en"_s;
    QTest::newRow("--lang wins over saved") << u"en"_s << QVariant(u"zh_CN"_s) << u"en"_s;
    QTest::newRow("--lang without saved") << u"zh_CN"_s << QVariant() << u"zh_CN"_s;
    QTest::newRow("--lang with spaces") << u" zh_CN "_s << QVariant() << u"zh_CN"_s;
    QTest::newRow("unknown saved value") << QString() << QVariant(u"xx_YY"_s) << QString();
    QTest::newRow("blank --lang keeps saved") << u" "_s << QVariant(u"zh_CN"_s) << u"zh_CN"_s;
}

void TestPreferences::startupLocale()
{
    QFETCH(QString, commandLine);
    QFETCH(QVariant, saved);
    QFETCH(QString, expected);

    QSettings settings;
    if (saved.isValid())
        settings.setValue(LanguageChoice::settingsKey(), saved);
    QCOMPARE(LanguageChoice::startupLocale(commandLine, settings), expected);
}

void TestPreferences::choose(PreferencesDialog &dialog, const QString &locale)
{
    auto *combo = dialog.findChild<QComboBox *>(u"languageCombo"_s);
    QVERIFY(combo);
    const int index = combo->findData(locale);
    QVERIFY2(index >= 0, qPrintable(locale));
    combo->setFocus();
    combo->setCurrentIndex(index);
}

void TestPreferences::dialogSavesTheChoice()
{
    {
        PreferencesDialog dialog;
        QCOMPARE(dialog.chosenLanguage(), QString());
        choose(dialog, u"zh_CN"_s);
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    QCOMPARE(QSettings().value(LanguageChoice::settingsKey()).toString(), u"zh_CN"_s);

    // Opened again, the dialog shows what was saved; choosing the system's language again forgets the choice.
    PreferencesDialog again;
    QCOMPARE(again.findChild<QComboBox *>(u"languageCombo"_s)->currentText(), u"简体中文"_s);
    choose(again, QString());
    again.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(!QSettings().contains(LanguageChoice::settingsKey()));
}

void TestPreferences::cancelKeepsTheChoice()
{
    QSettings().setValue(LanguageChoice::settingsKey(), u"en"_s);
    PreferencesDialog dialog;
    QCOMPARE(dialog.chosenLanguage(), u"en"_s);
    choose(dialog, u"zh_CN"_s);
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
    QCOMPARE(QSettings().value(LanguageChoice::settingsKey()).toString(), u"en"_s);
}

void TestPreferences::dialogSaysWhenItApplies()
{
    PreferencesDialog dialog;
    dialog.show();
    auto *note = dialog.findChild<QLabel *>(u"restartNote"_s);
    QVERIFY(note);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"next time Strata starts"_s), qPrintable(note->text()));
    // Every language is offered under its own name, and the first entry follows the system.
    auto *combo = dialog.findChild<QComboBox *>(u"languageCombo"_s);
    QCOMPARE(combo->count(), LanguageChoice::options().size());
    QCOMPARE(combo->itemData(0).toString(), QString());
    QVERIFY(combo->findText(u"English"_s) > 0);
    QVERIFY(combo->findText(u"简体中文"_s) > 0);
    QVERIFY(!combo->accessibleName().isEmpty());
}

void TestPreferences::editMenuOpensPreferences()
{
    ScriptedPrompter prompter;
    MainWindow window(&prompter);
    window.show();
    auto *action = window.findChild<QAction *>(u"preferencesAction"_s);
    QVERIFY(action);
    QCOMPARE(action->menuRole(), QAction::PreferencesRole);
    QMenu *edit = nullptr;
    for (QAction *menuAction : window.menuBar()->actions()) {
        if (menuAction->menu() && menuAction->menu()->actions().contains(action))
            edit = menuAction->menu();
    }
    QVERIFY2(edit, "Preferences… is in no menu");
    QCOMPARE(edit->title(), u"&Edit"_s);
    QVERIFY(action->isEnabled());

    action->trigger();
    auto *dialog = window.findChild<PreferencesDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->reject();
}

void TestPreferences::savedChoiceTranslatesTheNextStart()
{
    // What main() does at the next start, after the user chose Chinese in Preferences and restarted.
    QSettings().setValue(LanguageChoice::settingsKey(), u"zh_CN"_s);
    installTranslations(*qApp, LanguageChoice::startupLocale(QString(), QSettings()));

    PreferencesDialog dialog;
    QCOMPARE(dialog.windowTitle(), u"首选项"_s);
    // Qt's own strings in standard dialog parts come from qtbase_zh_CN.qm (qt6-translations-l10n).
    const QString qtCatalogue = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_zh_CN.qm"_s;
    if (!QFile::exists(qtCatalogue))
        QSKIP("qtbase_zh_CN.qm is missing: install qt6-translations-l10n (scripts/deps.sh does)");
    QCOMPARE(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->text(), u"取消"_s);

    // --lang en at the next start overrides the saved choice, Qt's strings included.
    installTranslations(*qApp, LanguageChoice::startupLocale(u"en"_s, QSettings()));
    PreferencesDialog english;
    QCOMPARE(english.windowTitle(), u"Preferences"_s);
    QCOMPARE(english.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->text(), u"Cancel"_s);
}

QTEST_MAIN(TestPreferences)
#include "TestPreferences.moc"
