// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CatalogImporter.h"
#include "MainWindow.h"
#include "ScriptedPrompter.h"
#include "UiTestSupport.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

class TestCatalogImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void importsALibraryOnceThroughTheMenu();
    void hostileCatalogIsReportedAndChangesNothing();
    void actionNeedsAWritableWorkspace();

private:
    QAction *action() const { return m_window->findChild<QAction *>(u"importCatalogAction"_s); }
    QStringList catalogKeys() const;
    bool runImport(const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir;
    ScriptedPrompter m_prompter;
    std::unique_ptr<MainWindow> m_window;
};

void TestCatalogImporter::initTestCase()
{
    isolateSettings();
}

void TestCatalogImporter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_prompter = ScriptedPrompter();
    m_window = std::make_unique<MainWindow>(&m_prompter);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->openWorkspace(m_dir->filePath(u"w.strata"_s), Database::OpenMode::CreateIfMissing));
}

void TestCatalogImporter::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

QStringList TestCatalogImporter::catalogKeys() const
{
    QStringList keys;
    for (const CatalogSummary &c : m_window->workspace()->catalogs().value())
        keys << u"%1@%2"_s.arg(c.key, c.version);
    keys.sort();
    return keys;
}

bool TestCatalogImporter::runImport(const QString &path)
{
    QSignalSpy finished(m_window->catalogImporter(), &CatalogImporter::finished);
    m_prompter.fileNames = {path};
    action()->trigger();
    return finished.wait(10000) && finished.size() == 1;
}

void TestCatalogImporter::importsALibraryOnceThroughTheMenu()
{
    const QString library = QStringLiteral(STRATA_SOURCE_DIR) + u"/tests/data/catalogs/ciso-assistant-acme.yaml"_s;
    const QStringList before = catalogKeys();
    QVERIFY(!before.isEmpty()); // the built-in catalog

    QVERIFY(runImport(library));
    QVERIFY2(m_prompter.errors.isEmpty(), qPrintable(m_prompter.errors.join(u'\n')));
    QCOMPARE(m_prompter.infos.size(), 1);
    const QStringList after = catalogKeys();
    QCOMPARE(after.size(), before.size() + 1);
    const QString added =
        *std::find_if(after.cbegin(), after.cend(), [&before](const QString &k) { return !before.contains(k); });
    // The message names the catalog that is now in the workspace.
    QVERIFY2(m_prompter.infos.first().contains(added.section(u'@', 0, 0)), qPrintable(m_prompter.infos.first()));

    QVERIFY(runImport(library));
    QCOMPARE(catalogKeys(), after);
    QCOMPARE(m_prompter.infos.size(), 2);
    QVERIFY2(m_prompter.infos.last().contains(u"nothing was changed"_s), qPrintable(m_prompter.infos.last()));
}

void TestCatalogImporter::hostileCatalogIsReportedAndChangesNothing()
{
    const QString path = m_dir->filePath(u"evil.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(100, '[') + QByteArray(100, ']'));
    file.close();
    const QStringList before = catalogKeys();

    QVERIFY(runImport(path));
    QCOMPARE(m_prompter.errors.size(), 1);
    QVERIFY2(m_prompter.errors.first().contains(u"evil.json"_s), qPrintable(m_prompter.errors.first()));
    QVERIFY(m_prompter.infos.isEmpty());
    QCOMPARE(catalogKeys(), before);
    QVERIFY(action()->isEnabled());
}

void TestCatalogImporter::actionNeedsAWritableWorkspace()
{
    QVERIFY(action()->isEnabled());
    m_window->closeWorkspace();
    QVERIFY(!action()->isEnabled());
    m_prompter.fileNames = {m_dir->filePath(u"never-read.json"_s)};
    action()->trigger(); // disabled: nothing is asked, nothing is read
    QCOMPARE(m_prompter.fileNames.size(), 1);
}

QTEST_MAIN(TestCatalogImporter)
#include "TestCatalogImporter.moc"
