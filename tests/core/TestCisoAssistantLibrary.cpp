// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "checklist/CatalogReader.h"
#include "checklist/CisoAssistantLibrary.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

const QString kFixture = QStringLiteral(STRATA_SOURCE_DIR "/tests/data/catalogs/ciso-assistant-acme.yaml");
const QString kNode = u"urn:strata-test:risk:req_node:acme-ai-vendor:"_s;

QByteArray fixtureBytes()
{
    QFile file(kFixture);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// A minimal library with the given requirement nodes (YAML list entries, indented by four spaces).
QByteArray library(const QByteArray &nodes)
{
    return "urn: urn:test:library:x\nversion: 1\nobjects:\n  framework:\n    urn: urn:test:framework:x\n"
           "    name: X\n    requirement_nodes:\n" +
           nodes;
}

} // namespace

/// CISO Assistant libraries convert into catalogs that read the way their authors wrote them.
class TestCisoAssistantLibrary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void libraryBecomesACatalog();
    void assessableNodesBecomeItems();
    void nodeWithOnlyAQuestionIsReadable();
    void sectionsFollowTheParents();
    void translationsAreKept();
    void stagesOfTheFixture_data();
    void stagesOfTheFixture();
    void stageWords_data();
    void stageWords();
    void brokenLibrariesAreRefused_data();
    void brokenLibrariesAreRefused();
    void importsIntoAWorkspace();

private:
    const CatalogItem *item(const QString &ref) const;

    Catalog m_catalog;
};

void TestCisoAssistantLibrary::initTestCase()
{
    const Result<Catalog> catalog = CatalogReader::readFile(kFixture);
    QVERIFY2(catalog.ok(), catalog.ok() ? "" : qPrintable(catalog.error().message));
    m_catalog = catalog.value();
}

const CatalogItem *TestCisoAssistantLibrary::item(const QString &ref) const
{
    return m_catalog.item(kNode + ref);
}

void TestCisoAssistantLibrary::libraryBecomesACatalog()
{
    QCOMPARE(m_catalog.format, CatalogFormat::CisoAssistant);
    QCOMPARE(m_catalog.key, u"urn:strata-test:risk:library:acme-ai-vendor"_s);
    QCOMPARE(m_catalog.version, u"3"_s);
    QCOMPARE(m_catalog.languages, QStringList{u"en"_s});
    QCOMPARE(m_catalog.title.text(QLocale(u"en"_s)), u"Acme AI vendor questionnaire"_s);
    QCOMPARE(m_catalog.title.text(QLocale(u"fr_FR"_s)), u"Questionnaire fournisseur IA Acme"_s);
    QCOMPARE(m_catalog.sourcePublisher, u"Strata tests"_s);
    QVERIFY(m_catalog.wording.text().contains(u"no rights reserved"_s));
}

void TestCisoAssistantLibrary::assessableNodesBecomeItems()
{
    QStringList refs;
    for (const CatalogItem &i : std::as_const(m_catalog.items))
        refs << i.ref;
    // Section nodes (1, 2, 2.1, 3) are not items; the rest keep the file's order.
    QCOMPARE(refs, (QStringList{u"1.1"_s, u"1.2"_s, u"2.1.1"_s, u"2.1.2"_s, u"2.2"_s, u"2.3"_s, u"3.1"_s}));
    const CatalogItem *contact = item(u"1.1"_s);
    QVERIFY(contact);
    QCOMPARE(contact->title.text(QLocale(u"en"_s)), u"Security contact"_s);
    QCOMPARE(contact->requirement.text(QLocale(u"en"_s)),
             u"The vendor names a security contact who answers within two working days."_s);
    QCOMPARE(contact->guidance.text(QLocale(u"en"_s)),
             u"Send one test message to the contact and note the answer time."_s);
    QCOMPARE(contact->evidence.text(QLocale(u"en"_s)), u"security.txt, or the contract annex that names the contact"_s);
    QCOMPARE(contact->kinds, allRecordKinds());
    QVERIFY(contact->mandatory);
    QVERIFY(contact->layers.isEmpty() && contact->properties.isEmpty());
}

void TestCisoAssistantLibrary::nodeWithOnlyAQuestionIsReadable()
{
    const CatalogItem *notice = item(u"1.2"_s);
    QVERIFY(notice);
    QCOMPARE(notice->requirement.text(QLocale(u"en"_s)), u"Do you notify customers of incidents within 72 hours?"_s);
    QCOMPARE(notice->title.text(QLocale(u"en"_s)), u"Do you notify customers of incidents within 72 hours?"_s);
    // The alias *yesno in 2.1.2 was expanded: the node still converts, and its own description wins.
    QCOMPARE(item(u"2.1.2"_s)->requirement.text(QLocale(u"en"_s)),
             u"A team that did not build the model red-teams it."_s);
}

void TestCisoAssistantLibrary::sectionsFollowTheParents()
{
    QCOMPARE(item(u"2.1.1"_s)->section.text(QLocale(u"en"_s)), u"2 Model lifecycle › 2.1 Building the model"_s);
    QCOMPARE(item(u"1.1"_s)->section.text(QLocale(u"en"_s)), u"1 Supplier governance"_s);
}

void TestCisoAssistantLibrary::translationsAreKept()
{
    const CatalogItem *contact = item(u"1.1"_s);
    QCOMPARE(contact->title.text(QLocale(u"fr_FR"_s)), u"Contact sécurité"_s);
    QVERIFY(contact->requirement.text(QLocale(u"fr_FR"_s)).startsWith(u"Le fournisseur"_s));
    // No French guidance was given: French readers get the English one.
    QVERIFY(contact->guidance.text(QLocale(u"fr_FR"_s)).startsWith(u"Send one test"_s));
}

void TestCisoAssistantLibrary::stagesOfTheFixture_data()
{
    QTest::addColumn<QString>("ref");
    QTest::addColumn<QString>("stage");
    QTest::newRow("vendor in the text") << u"1.1"_s << u"sourcing"_s;
    QTest::newRow("incidents in the question") << u"1.2"_s << u"operations"_s;
    QTest::newRow("dataset beats training") << u"2.1.1"_s << u"data"_s;
    QTest::newRow("red team beats release") << u"2.1.2"_s << u"evaluation"_s;
    QTest::newRow("decommissioning") << u"2.2"_s << u"retirement"_s;
    QTest::newRow("no stage word anywhere") << u"2.3"_s << u"governance"_s;
    QTest::newRow("from the parent's name") << u"3.1"_s << u"operations"_s;
}

void TestCisoAssistantLibrary::stagesOfTheFixture()
{
    QFETCH(QString, ref);
    QFETCH(QString, stage);
    QVERIFY(item(ref));
    QCOMPARE(lifecycleStageKey(item(ref)->stage), stage);
}

void TestCisoAssistantLibrary::stageWords_data()
{
    QTest::addColumn<QStringList>("texts");
    QTest::addColumn<QString>("stage");
    QTest::newRow("supplier") << QStringList{u"Supplier onboarding questionnaire"_s} << u"sourcing"_s;
    QTest::newRow("retirement first") << QStringList{u"Decommission the vendor's models"_s} << u"retirement"_s;
    QTest::newRow("any case") << QStringList{u"PENETRATION TESTING"_s} << u"evaluation"_s;
    QTest::newRow("own text first") << QStringList{u"Patch within 30 days"_s, u"Procurement"_s} << u"operations"_s;
    QTest::newRow("then the ancestors") << QStringList{u"Answer within a day"_s, u"Incident handling"_s}
                                        << u"operations"_s;
    QTest::newRow("whole words only") << QStringList{u"A contest about the catalog"_s} << u"governance"_s;
    QTest::newRow("nothing matches") << QStringList{u"Leadership commitment"_s, QString()} << u"governance"_s;
    QTest::newRow("two-word term") << QStringList{u"Keep personal data minimal"_s} << u"data"_s;
}

void TestCisoAssistantLibrary::stageWords()
{
    QFETCH(QStringList, texts);
    QFETCH(QString, stage);
    QCOMPARE(lifecycleStageKey(CisoAssistantLibrary::deriveStage(texts)), stage);
}

void TestCisoAssistantLibrary::brokenLibrariesAreRefused_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QStringList>("expected");
    const QByteArray a = "    - urn: urn:test:node:a\n      assessable: true\n      name: A\n";
    QTest::newRow("two nodes with one urn")
        << library(a + a) << QStringList{u"requirement_nodes[1].urn"_s, u"already used by"_s};
    QTest::newRow("parent named later")
        << library("    - urn: urn:test:node:b\n      parent_urn: urn:test:node:a\n      assessable: true\n"
                   "      name: B\n" +
                   a)
        << QStringList{u"requirement_nodes[0].parent_urn"_s, u"no earlier node"_s};
    QTest::newRow("nothing assessable") << library(
                                               "    - urn: urn:test:node:a\n      assessable: false\n      name: A\n")
                                        << QStringList{u"none of the 1 requirement node"_s};
    QTest::newRow("node without urn") << library("    - assessable: true\n      name: A\n")
                                      << QStringList{u"requirement_nodes[0].urn"_s, u"no urn"_s};
    QTest::newRow("node without text") << library("    - urn: urn:test:node:a\n      assessable: true\n")
                                       << QStringList{u"requirement_nodes[0]"_s, u"no name, description"_s};
    QTest::newRow("no version") << QByteArray(
                                       "urn: urn:test:library:x\nobjects:\n  framework:\n    requirement_nodes:\n" + a)
                                << QStringList{u"version"_s, u"no version"_s};
    QTest::newRow("nodes not a list")
        << QByteArray("urn: urn:test:library:x\nversion: 1\nobjects:\n  framework:\n    requirement_nodes: 3\n")
        << QStringList{u"objects.framework.requirement_nodes"_s, u"list of requirement nodes"_s};
    QTest::newRow("bad locale") << QByteArray("locale: français\n" + library(a))
                                << QStringList{u"locale"_s, u"not a language code"_s};
    QTest::newRow("alias bomb in a library")
        << QByteArray("x: &a [q, q, q, q, q, q, q, q, q, q]\ny: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                      "z: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nw: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                      "v: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nu: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n" +
                      library(a))
        << QStringList{u"aliases"_s};
}

void TestCisoAssistantLibrary::brokenLibrariesAreRefused()
{
    QFETCH(QByteArray, document);
    QFETCH(QStringList, expected);
    const Result<Catalog> catalog = CatalogReader::read(document, u"lib.yaml"_s);
    QVERIFY(!catalog.ok());
    const QString message = catalog.error().message;
    QVERIFY2(message.startsWith(u"lib.yaml"_s), qPrintable(message));
    for (const QString &fragment : expected)
        QVERIFY2(message.contains(fragment), qPrintable(u"\"%1\" not in: %2"_s.arg(fragment, message)));
}

void TestCisoAssistantLibrary::importsIntoAWorkspace()
{
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.filePath(u"w.strata"_s));
    QVERIFY2(ws.ok(), ws.ok() ? "" : qPrintable(ws.error().message));
    const Result<CatalogImportResult> imported = ws.value()->importCatalog(m_catalog);
    QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
    const Result<Catalog> stored = ws.value()->catalog(m_catalog.key + u"@3"_s);
    QVERIFY2(stored.ok(), stored.ok() ? "" : qPrintable(stored.error().message));
    QCOMPARE(stored.value().format, CatalogFormat::CisoAssistant);
    QCOMPARE(stored.value().items.size(), m_catalog.items.size());
    QCOMPARE(stored.value().items.at(2).section, m_catalog.items.at(2).section);
    // Reading the same bytes again gives the same content, so importing it again changes nothing.
    const Result<Catalog> again = CatalogReader::read(fixtureBytes(), u"again.yaml"_s);
    QVERIFY(again.ok());
    const Result<CatalogImportResult> reimported = ws.value()->importCatalog(again.value());
    QVERIFY(reimported.ok());
    QVERIFY(!reimported.value().created);
}

QTEST_GUILESS_MAIN(TestCisoAssistantLibrary)
#include "TestCisoAssistantLibrary.moc"
