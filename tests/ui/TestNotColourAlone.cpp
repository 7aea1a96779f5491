// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "FindingTableModel.h"
#include "ScriptedPrompter.h"
#include "StatusIcons.h"
#include "UiTestSupport.h"
#include "assessments/ItemPanel.h"
#include "assessments/ReleaseSignoffPanel.h"
#include "assessments/StageProgressDelegate.h"
#include "findings/RiskHeatMap.h"
#include "graph/GraphPage.h"

#include <QLabel>
#include <QListWidget>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

Q_DECLARE_METATYPE(strata::SignoffState)

/// Colour is never the only carrier of meaning: every state that has a colour also has a word or a shape, so it
/// reads the same to someone who does not see the colour (or sees it on a dark palette).
class TestNotColourAlone : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signoffStatesHaveAShapeAndAWord_data();
    void signoffStatesHaveAShapeAndAWord();
    void heatMapCellsNameTheirLevel();
    void stageProgressNamesFailures();
    void expiringEvidenceIsWordedAndMarked();
    void graphLegendShowsShapesAndBadgeMarks();
    void statusColoursStayReadableOnADarkPalette();
};

void TestNotColourAlone::initTestCase()
{
    isolateSettings();
}

void TestNotColourAlone::signoffStatesHaveAShapeAndAWord_data()
{
    QTest::addColumn<SignoffState>("state");
    QTest::newRow("valid") << SignoffState::Valid;
    QTest::newRow("stale") << SignoffState::Stale;
    QTest::newRow("broken") << SignoffState::Broken;
    QTest::newRow("not signed") << SignoffState::None;
}

void TestNotColourAlone::signoffStatesHaveAShapeAndAWord()
{
    QFETCH(SignoffState, state);
    const QString text = ReleaseSignoffPanel::stateText(state);
    QVERIFY2(text.size() > 2 && !text.at(0).isLetterOrNumber(), qPrintable(text));      // a shape first
    QVERIFY2(text.mid(1).contains(QRegularExpression(u"\\w{4,}"_s)), qPrintable(text)); // then a word
    // Each state has its own shape.
    QSet<QChar> shapes;
    for (SignoffState other : {SignoffState::Valid, SignoffState::Stale, SignoffState::Broken, SignoffState::None})
        shapes.insert(ReleaseSignoffPanel::stateText(other).at(0));
    QCOMPARE(shapes.size(), 4);
}

void TestNotColourAlone::heatMapCellsNameTheirLevel()
{
    QSet<QString> words;
    for (int likelihood = 1; likelihood <= RiskHeatMap::kSize; ++likelihood) {
        for (int impact = 1; impact <= RiskHeatMap::kSize; ++impact) {
            const QString word = RiskHeatMap::levelText(likelihood, impact);
            QCOMPARE(word, riskLevelLabel(riskLevel(likelihood * impact)));
            QVERIFY(!word.isEmpty());
            words.insert(word);
        }
    }
    QCOMPARE(words.size(), 4); // low, medium, high and critical each have a word of their own
}

void TestNotColourAlone::stageProgressNamesFailures()
{
    const QString withFailures = StageProgressDelegate::countText(7, 10, 2);
    QVERIFY2(withFailures.contains(u"7/10"_s) && withFailures.contains(u"2"_s) && withFailures.contains(u"\u2716"_s),
             qPrintable(withFailures));
    QCOMPARE(StageProgressDelegate::countText(7, 10, 0), u"7/10"_s);
}

void TestNotColourAlone::expiringEvidenceIsWordedAndMarked()
{
    const QDate today = QDate::currentDate();
    AssessmentItem item;
    item.key = u"T-1"_s;
    Evidence expired;
    expired.id = 1;
    expired.title = u"Pen test"_s;
    expired.sha256 = QString(64, u'a');
    expired.expiryDate = today.addDays(-3);
    Evidence expiring = expired;
    expiring.id = 2;
    expiring.title = u"SOC 2 report"_s;
    expiring.expiryDate = today.addDays(10);
    Evidence current = expired;
    current.id = 3;
    current.title = u"Model card"_s;
    current.expiryDate = today.addDays(400);
    item.evidence = {expired, expiring, current};
    ItemPanel panel;
    panel.setItem(item, nullptr, Catalog(), {});
    const auto *list = panel.findChild<QListWidget *>(u"evidenceList"_s);
    QVERIFY(list);
    QCOMPARE(list->count(), 3);
    QVERIFY2(list->item(0)->text().startsWith(u"Expired on"_s), qPrintable(list->item(0)->text()));
    QVERIFY(!list->item(0)->icon().isNull());
    QVERIFY2(list->item(1)->text().startsWith(u"Expires on"_s), qPrintable(list->item(1)->text()));
    QVERIFY(!list->item(1)->icon().isNull());
    QVERIFY(list->item(2)->icon().isNull()); // nothing to flag
    QVERIFY(!list->item(2)->text().startsWith(u"Expire"_s));
}

void TestNotColourAlone::graphLegendShowsShapesAndBadgeMarks()
{
    TempWorkspace temp;
    const QByteArray error = temp.open();
    QVERIFY2(error.isEmpty(), error.constData());
    ScriptedPrompter prompter;
    GraphPage page(temp.workspace.get(), &prompter);
    QString legend;
    for (const QLabel *label : page.findChildren<QLabel *>()) {
        if (label->text().contains(u"(!)"_s))
            legend = label->text();
    }
    QVERIFY2(legend.contains(u"(\u2191)"_s), qPrintable(legend)); // the mark of inherited risk, as on the nodes
    // One shape per kind of record, as the nodes are drawn, not five coloured squares.
    QSet<QChar> shapes;
    for (const QString &glyph : {u"\u2b22"_s, u"\u25a2"_s, u"\u26c1"_s, u"\u25a0"_s, u"\u25ef"_s}) {
        if (legend.contains(glyph))
            shapes.insert(glyph.at(0));
    }
    QCOMPARE(shapes.size(), 5);
}

void TestNotColourAlone::statusColoursStayReadableOnADarkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    QVERIFY(status_icons::isDark(dark));
    QVERIFY(!status_icons::isDark(light));
    for (auto severity : {status_icons::Severity::Good, status_icons::Severity::Warning, status_icons::Severity::Bad}) {
        // Text colours keep a clear lightness distance from the background they are drawn on.
        QVERIFY(status_icons::color(severity, dark).lightness() - dark.color(QPalette::Base).lightness() > 100);
        QVERIFY(light.color(QPalette::Base).lightness() - status_icons::color(severity, light).lightness() > 100);
    }
}

QTEST_MAIN(TestNotColourAlone)
#include "TestNotColourAlone.moc"
