// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "MainWindow.h"
#include "ScriptedPrompter.h"
#include "UiTestSupport.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QStackedWidget>
#include <QStyleFactory>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

namespace {

/// A dark palette like the ones desktop themes hand to Qt.
QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x6e, 0xb4));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}

int lightnessGap(const QColor &a, const QColor &b)
{
    return qAbs(a.lightness() - b.lightness());
}

} // namespace

/// The app follows a dark system palette: no page paints text in a colour chosen for a light background, and no page
/// is mostly light. Screenshots of every page go to $STRATA_SCREENSHOT_DIR when it is set.
class TestDarkPalette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyPageReadsOnADarkPalette();
};

void TestDarkPalette::initTestCase()
{
    isolateSettings();
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s)); // the style that draws with the palette throughout
    QApplication::setPalette(darkPalette());
}

void TestDarkPalette::everyPageReadsOnADarkPalette()
{
    ScriptedPrompter prompter;
    MainWindow window(&prompter);
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openDemoWorkspace());
    const QString shots = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
    auto *stack = window.findChild<QStackedWidget *>(u"pageStack"_s);
    QVERIFY(stack);
    int pages = 0;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (!action->objectName().startsWith(u"show"_s))
            continue;
        action->trigger();
        QTest::qWait(50);
        QCoreApplication::processEvents();
        ++pages;
        QWidget *page = stack->currentWidget();
        const QString name = action->objectName().mid(4);
        // Colours a model gives its cells must stand out from the view's background.
        for (const QAbstractItemView *view : page->findChildren<QAbstractItemView *>()) {
            if (!view->isVisibleTo(page) || !view->model())
                continue;
            const QColor base = view->palette().color(QPalette::Base);
            const QAbstractItemModel *model = view->model();
            for (int row = 0; row < qMin(model->rowCount(), 200); ++row) {
                for (int column = 0; column < model->columnCount(); ++column) {
                    const QVariant fg = model->index(row, column).data(Qt::ForegroundRole);
                    if (!fg.isValid())
                        continue;
                    const QColor color = fg.canConvert<QBrush>() ? fg.value<QBrush>().color() : fg.value<QColor>();
                    QVERIFY2(lightnessGap(color, base) >= 90,
                             qPrintable(u"%1: %2 row %3 column %4 draws %5 on %6"_s.arg(
                                 name, view->objectName(), QString::number(row), QString::number(column), color.name(),
                                 base.name())));
                }
            }
        }
        const QImage image = window.grab().toImage();
        if (!shots.isEmpty())
            image.save(QDir(shots).filePath(u"dark-%1.png"_s.arg(name)));
        // A page that hard-codes light backgrounds shows up as a mostly light window.
        qint64 light = 0;
        qint64 total = 0;
        for (int y = 0; y < image.height(); y += 4) {
            for (int x = 0; x < image.width(); x += 4) {
                ++total;
                light += QColor(image.pixel(x, y)).lightness() > 200 ? 1 : 0;
            }
        }
        const double share = double(light) / double(total);
        QVERIFY2(share < 0.1, qPrintable(u"%1: %2% of the window is light"_s.arg(name).arg(share * 100, 0, 'f', 1)));
    }
    QVERIFY2(pages >= 10, "the View menu's page actions were not found");
}

QTEST_MAIN(TestDarkPalette)
#include "TestDarkPalette.moc"
