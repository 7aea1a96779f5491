// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CatalogSamples.h"
#include "SqlTamper.h"
#include "checklist/CatalogReader.h"
#include "storage/Database.h"
#include "util/Sha256.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::samples;

namespace {

Catalog small(const std::function<void(QJsonObject &)> &change = [](QJsonObject &) {})
{
    Result<Catalog> catalog = CatalogReader::read(changed(change), u"small.json"_s);
    return catalog.ok() ? catalog.value() : Catalog{};
}

QStringList catalogKeys(const Workspace &ws)
{
    QStringList keys;
    const Result<QList<CatalogSummary>> list = ws.catalogs();
    if (list.ok()) {
        for (const CatalogSummary &s : list.value())
            keys << u"%1@%2:%3"_s.arg(s.key, s.version).arg(s.itemCount);
    }
    return keys;
}

const QString kBuiltin = u"wdta-ai-str-03@1.0:92"_s;

} // namespace

/// Storing catalogs: the built-in one is on every workspace, imports are all or nothing, versions never change.
class TestCatalogWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void builtinCatalogIsOnEveryNewWorkspace();
    void reopeningDoesNotInstallItAgain();
    void olderWorkspaceGetsItOnUpgrade();
    void readOnlyWorkspaceIsLeftAlone();
    void importStoresEveryField();
    void reimportChangesNothing();
    void newVersionIsStoredBeside();
    void sameVersionWithOtherContentIsRefused();
    void invalidCatalogWritesNothing_data();
    void invalidCatalogWritesNothing();
    void failureHalfwayLeavesNoTrace();
    void catalogsAreFoundByNumberIdAndVersion_data();
    void catalogsAreFoundByNumberIdAndVersion();
    void unknownCatalogIsReported();

private:
    QString path() const { return m_dir->filePath(u"w.strata"_s); }
    void open();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
};

void TestCatalogWorkspace::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    open();
}

void TestCatalogWorkspace::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

void TestCatalogWorkspace::open()
{
    m_ws.reset();
    auto ws = Workspace::open(path());
    QVERIFY2(ws.ok(), ws.ok() ? "" : qPrintable(ws.error().message));
    m_ws = std::move(ws).value();
}

void TestCatalogWorkspace::builtinCatalogIsOnEveryNewWorkspace()
{
    QCOMPARE(catalogKeys(*m_ws), QStringList{kBuiltin});
    const Result<QList<CatalogSummary>> list = m_ws->catalogs();
    QVERIFY(list.value().constFirst().builtin);
    const Result<Catalog> catalog = m_ws->catalog(u"wdta-ai-str-03"_s);
    QVERIFY2(catalog.ok(), catalog.ok() ? "" : qPrintable(catalog.error().message));
    QCOMPARE(catalog.value().contentSha256.size(), 64);
    QCOMPARE(catalog.value().items.constFirst().key, u"SC-GOV-01"_s);
    QVERIFY(catalog.value().items.constFirst().id > 0);
}

void TestCatalogWorkspace::reopeningDoesNotInstallItAgain()
{
    const QDateTime installed = m_ws->catalog(u"wdta-ai-str-03"_s).value().importedAt;
    open();
    open();
    QCOMPARE(catalogKeys(*m_ws), QStringList{kBuiltin});
    QCOMPARE(m_ws->catalog(u"wdta-ai-str-03"_s).value().importedAt, installed);
    // Opening recognises the installed catalog by the digest of the file's bytes, without reading it again.
    QFile source(QStringLiteral(STRATA_SOURCE_DIR "/resources/catalogs/wdta-ai-str-03.json"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QCOMPARE(m_ws->catalog(u"wdta-ai-str-03"_s).value().sourceSha256, Sha256::hex(source.readAll()));
}

void TestCatalogWorkspace::olderWorkspaceGetsItOnUpgrade()
{
    m_ws.reset();
    const QString old = m_dir->filePath(u"old.strata"_s);
    {
        // The last schema before catalogs existed.
        auto db = Database::open(old, Database::OpenMode::CreateIfMissing, Database::latestSchemaVersion() - 1);
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
    }
    auto ws = Workspace::open(old);
    QVERIFY2(ws.ok(), ws.ok() ? "" : qPrintable(ws.error().message));
    QCOMPARE(ws.value()->database().schemaVersion(), Database::latestSchemaVersion());
    QCOMPARE(catalogKeys(*ws.value()), QStringList{kBuiltin});
}

void TestCatalogWorkspace::readOnlyWorkspaceIsLeftAlone()
{
    m_ws.reset();
    QVERIFY(test::execOnFile(path(), u"DELETE FROM catalog"_s));
    QVERIFY(test::execOnFile(path(), u"PRAGMA user_version = %1"_s.arg(Database::latestSchemaVersion() + 1)));
    auto ws = Workspace::open(path());
    QVERIFY2(ws.ok(), ws.ok() ? "" : qPrintable(ws.error().message));
    QVERIFY(ws.value()->isReadOnly());
    QCOMPARE(catalogKeys(*ws.value()), QStringList());
    const Result<CatalogImportResult> imported = ws.value()->importCatalog(small());
    QVERIFY(!imported.ok());
    QCOMPARE(imported.error().code, ErrorCode::ReadOnly);
}

void TestCatalogWorkspace::importStoresEveryField()
{
    QSignalSpy changedSpy(m_ws.get(), &Workspace::catalogsChanged);
    Catalog original = small([](QJsonObject &c) {
        changeItem(c, 0, [](QJsonObject &i) {
            i.insert(u"ref"_s, u"A1"_s);
            i.insert(u"mandatory"_s, false);
            i.insert(u"guidance"_s, QJsonObject{{u"en"_s, u"Look"_s}, {u"zh_CN"_s, u"看"_s}});
            i.insert(u"wdta_themes"_s, QJsonArray{u"ml-bom"_s, u"lifecycle"_s});
            i.insert(u"wdta_clause"_s, u"6.2.1"_s);
        });
    });
    original.fileName = u"small.json"_s;
    const Result<CatalogImportResult> imported = m_ws->importCatalog(original);
    QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
    QVERIFY(imported.value().created);
    QCOMPARE(imported.value().itemCount, 3);
    QCOMPARE(changedSpy.count(), 1);

    const Result<Catalog> stored = m_ws->catalog(QString::number(imported.value().catalogId));
    QVERIFY2(stored.ok(), stored.ok() ? "" : qPrintable(stored.error().message));
    const Catalog &c = stored.value();
    QCOMPARE(c.fileName, u"small.json"_s);
    QCOMPARE(c.title, original.title);
    QCOMPARE(c.languages, original.languages);
    QCOMPARE(c.frameworks.size(), 2);
    QCOMPARE(c.frameworks.at(1).version, u"5.6.0"_s);
    QCOMPARE(c.items.size(), 3);
    const CatalogItem &first = c.items.constFirst();
    const CatalogItem &expected = original.items.constFirst();
    QCOMPARE(first.ref, u"A1"_s);
    QCOMPARE(first.mandatory, false);
    QCOMPARE(first.guidance, expected.guidance);
    QCOMPARE(first.requirement, expected.requirement);
    QCOMPARE(first.wdtaThemes, expected.wdtaThemes);
    QCOMPARE(first.wdtaClause, u"6.2.1"_s);
    QCOMPARE(first.mappings, expected.mappings);
    QCOMPARE(first.layers, expected.layers);
    QCOMPARE(c.items.at(1).kinds, (QList<RecordKind>{RecordKind::Model, RecordKind::Dataset}));
    QCOMPARE(c.items.at(2).stage, LifecycleStage::Operations);
}

void TestCatalogWorkspace::reimportChangesNothing()
{
    QSignalSpy changedSpy(m_ws.get(), &Workspace::catalogsChanged);
    const Result<CatalogImportResult> first = m_ws->importCatalog(small());
    QVERIFY(first.ok() && first.value().created);
    const QDateTime importedAt = m_ws->catalog(u"acme-intake"_s).value().importedAt;
    const Result<CatalogImportResult> second = m_ws->importCatalog(small());
    QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(second.error().message));
    QVERIFY(!second.value().created);
    QCOMPARE(second.value().catalogId, first.value().catalogId);
    QCOMPARE(changedSpy.count(), 1);
    QCOMPARE(catalogKeys(*m_ws), (QStringList{u"acme-intake@1:3"_s, kBuiltin}));
    QCOMPARE(m_ws->catalog(u"acme-intake"_s).value().importedAt, importedAt);
}

void TestCatalogWorkspace::newVersionIsStoredBeside()
{
    QVERIFY(m_ws->importCatalog(small()).ok());
    const Catalog v2 = small([](QJsonObject &c) {
        c.insert(u"version"_s, u"2"_s);
        QJsonArray items = c.value(u"items"_s).toArray();
        items.removeLast();
        c.insert(u"items"_s, items);
    });
    const Result<CatalogImportResult> imported = m_ws->importCatalog(v2);
    QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
    QVERIFY(imported.value().created);
    QCOMPARE(catalogKeys(*m_ws), (QStringList{u"acme-intake@1:3"_s, u"acme-intake@2:2"_s, kBuiltin}));
    QCOMPARE(m_ws->catalog(u"acme-intake"_s).value().version, u"2"_s);
    QCOMPARE(m_ws->catalog(u"acme-intake@1"_s).value().items.size(), 3);
}

void TestCatalogWorkspace::sameVersionWithOtherContentIsRefused()
{
    QVERIFY(m_ws->importCatalog(small()).ok());
    Catalog edited =
        small([](QJsonObject &c) { changeItem(c, 1, [](QJsonObject &i) { i.insert(u"stage"_s, u"release"_s); }); });
    edited.fileName = u"edited.json"_s;
    QSignalSpy changedSpy(m_ws.get(), &Workspace::catalogsChanged);
    const Result<CatalogImportResult> imported = m_ws->importCatalog(edited);
    QVERIFY(!imported.ok());
    QCOMPARE(imported.error().code, ErrorCode::Conflict);
    QVERIFY2(imported.error().message.contains(u"new version"_s), qPrintable(imported.error().message));
    QVERIFY(imported.error().message.startsWith(u"edited.json"_s));
    QCOMPARE(changedSpy.count(), 0);
    QCOMPARE(m_ws->catalog(u"acme-intake"_s).value().items.at(1).stage, LifecycleStage::Data);
}

void TestCatalogWorkspace::invalidCatalogWritesNothing_data()
{
    QTest::addColumn<int>("defect");
    QTest::addColumn<QString>("expected");
    QTest::newRow("duplicate item ids") << 0 << u"used twice"_s;
    QTest::newRow("requirement missing a language") << 1 << u"lacks a title or requirement"_s;
    QTest::newRow("undeclared framework") << 2 << u"undeclared framework"_s;
    QTest::newRow("no kinds") << 3 << u"applies to no record kind"_s;
    QTest::newRow("malformed reference") << 4 << u"not a well-formed"_s;
}

void TestCatalogWorkspace::invalidCatalogWritesNothing()
{
    QFETCH(int, defect);
    QFETCH(QString, expected);
    // Built in code, not read from a file: the workspace checks what it stores whoever made the catalog.
    Catalog catalog = small();
    QVERIFY(!catalog.items.isEmpty());
    CatalogItem &item = catalog.items[1];
    switch (defect) {
    case 0:
        item.key = catalog.items.at(0).key.toLower();
        break;
    case 1:
        item.requirement.texts.remove(u"zh_CN"_s);
        break;
    case 2:
        item.mappings.insert(u"iso-42001"_s, {u"A.6"_s});
        break;
    case 3:
        item.kinds.clear();
        break;
    case 4:
        item.mappings.insert(u"mitre-atlas"_s, {u"T0010"_s});
        break;
    }
    const Result<CatalogImportResult> imported = m_ws->importCatalog(catalog);
    QVERIFY(!imported.ok());
    QVERIFY2(imported.error().message.contains(expected), qPrintable(imported.error().message));
    QCOMPARE(catalogKeys(*m_ws), QStringList{kBuiltin});
}

void TestCatalogWorkspace::failureHalfwayLeavesNoTrace()
{
    // Passes every check but the database's own: the sixth item's id is longer than the column allows,
    // so five items are written before the insert fails. The transaction must take them all back.
    Catalog catalog = small();
    const CatalogItem model = catalog.items.constFirst();
    catalog.items.clear();
    for (int i = 0; i < 8; ++i) {
        CatalogItem item = model;
        item.key = i == 5 ? QString(250, u'k') : u"K-%1"_s.arg(i);
        catalog.items.append(item);
    }
    QSignalSpy changedSpy(m_ws.get(), &Workspace::catalogsChanged);
    const Result<CatalogImportResult> imported = m_ws->importCatalog(catalog);
    QVERIFY(!imported.ok());
    QCOMPARE(changedSpy.count(), 0);
    QCOMPARE(catalogKeys(*m_ws), QStringList{kBuiltin});
    QCOMPARE(m_ws->catalog(u"acme-intake"_s).error().code, ErrorCode::NotFound);
    // Nothing left behind for the next attempt to trip over: the corrected catalog imports cleanly.
    catalog.items[5].key = u"K-5"_s;
    const Result<CatalogImportResult> again = m_ws->importCatalog(catalog);
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
    QCOMPARE(m_ws->catalog(u"acme-intake"_s).value().items.size(), 8);
}

void TestCatalogWorkspace::catalogsAreFoundByNumberIdAndVersion_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("version");
    QTest::newRow("row number") << u"ROW"_s << u"1"_s;
    QTest::newRow("id gives the newest") << u"acme-intake"_s << u"2"_s;
    QTest::newRow("id in other case") << u"ACME-Intake"_s << u"2"_s;
    QTest::newRow("id@version") << u"acme-intake@1"_s << u"1"_s;
}

void TestCatalogWorkspace::catalogsAreFoundByNumberIdAndVersion()
{
    QFETCH(QString, name);
    QFETCH(QString, version);
    const Result<CatalogImportResult> v1 = m_ws->importCatalog(small());
    QVERIFY(v1.ok());
    QVERIFY(m_ws->importCatalog(small([](QJsonObject &c) { c.insert(u"version"_s, u"2"_s); })).ok());
    if (name == u"ROW"_s)
        name = QString::number(v1.value().catalogId);
    const Result<Catalog> found = m_ws->catalog(name);
    QVERIFY2(found.ok(), found.ok() ? "" : qPrintable(found.error().message));
    QCOMPARE(found.value().key, u"acme-intake"_s);
    QCOMPARE(found.value().version, version);
}

void TestCatalogWorkspace::unknownCatalogIsReported()
{
    const Result<Catalog> missing = m_ws->catalog(u"nist-csf@9"_s);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY(missing.error().message.contains(u"catalog list"_s));
    const Result<QList<CatalogItem>> items = m_ws->applicableItems(9999, RecordKind::Model);
    QVERIFY(!items.ok());
    QCOMPARE(items.error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestCatalogWorkspace)
#include "TestCatalogWorkspace.moc"
