// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CatalogSamples.h"
#include "checklist/CatalogJson.h"
#include "checklist/CatalogReader.h"
#include "checklist/CatalogYaml.h"
#include "checklist/StrataCatalogParser.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

const QString kBuiltinFile = QStringLiteral(STRATA_SOURCE_DIR "/resources/catalogs/wdta-ai-str-03.json");

bool hasHan(const QString &text)
{
    static const QRegularExpression han(u"\\p{Han}"_s);
    return han.match(text).hasMatch();
}

QStringList keysOf(const QList<CatalogItem> &items)
{
    QStringList keys;
    for (const CatalogItem &item : items)
        keys << item.key;
    return keys;
}

} // namespace

/// The built-in WDTA AI-STR-03 catalog: what reviewers read every day must be complete, bilingual and well mapped.
class TestCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void embeddedCatalogIsTheSourceFile();
    void itemIdsAreUniqueAndFollowTheStage();
    void everyStageIsCovered();
    void everyTextHasEnglishAndChinese();
    void metadataIsHonestAboutTheWording();
    void everyItemIsClassified();
    void mappingsAreWellFormedAndVersioned();
    void everyWdtaThemeIsUsed();
    void yamlAndJsonGiveTheSameCatalog();
    void formatRoundTripKeepsTheDigest();
    void applicabilityByKind_data();
    void applicabilityByKind();
    void applicabilityFollowsEveryItemsKinds();

private:
    Catalog m_catalog;
};

void TestCatalog::initTestCase()
{
    Result<Catalog> catalog = CatalogReader::readFile(kBuiltinFile);
    QVERIFY2(catalog.ok(), catalog.ok() ? "" : qPrintable(catalog.error().message));
    m_catalog = catalog.value();
    QCOMPARE(m_catalog.key, u"wdta-ai-str-03"_s);
    QVERIFY2(m_catalog.items.size() >= 70, qPrintable(QString::number(m_catalog.items.size())));
}

void TestCatalog::embeddedCatalogIsTheSourceFile()
{
    const Result<QList<Catalog>> builtin = CatalogReader::builtinCatalogs();
    QVERIFY2(builtin.ok(), builtin.ok() ? "" : qPrintable(builtin.error().message));
    QCOMPARE(builtin.value().size(), 1);
    QVERIFY(builtin.value().constFirst().builtin);
    QCOMPARE(CatalogJson::digest(builtin.value().constFirst()), CatalogJson::digest(m_catalog));
}

void TestCatalog::itemIdsAreUniqueAndFollowTheStage()
{
    const QHash<LifecycleStage, QString> prefixes = {
        {LifecycleStage::Governance, u"GOV"_s}, {LifecycleStage::Sourcing, u"SRC"_s},
        {LifecycleStage::Data, u"DAT"_s},       {LifecycleStage::Development, u"DEV"_s},
        {LifecycleStage::Evaluation, u"EVL"_s}, {LifecycleStage::Release, u"REL"_s},
        {LifecycleStage::Deployment, u"DEP"_s}, {LifecycleStage::Operations, u"OPS"_s},
        {LifecycleStage::Retirement, u"EOL"_s}};
    static const QRegularExpression form(u"^SC-([A-Z]{3})-([0-9]{2})$"_s);
    QSet<QString> seen;
    for (const CatalogItem &item : std::as_const(m_catalog.items)) {
        QVERIFY2(!seen.contains(item.key.toLower()), qPrintable(item.key));
        seen.insert(item.key.toLower());
        const QRegularExpressionMatch match = form.match(item.key);
        QVERIFY2(match.hasMatch(), qPrintable(item.key));
        QCOMPARE(match.captured(1), prefixes.value(item.stage));
    }
}

void TestCatalog::everyStageIsCovered()
{
    QHash<LifecycleStage, int> counts;
    for (const CatalogItem &item : std::as_const(m_catalog.items))
        ++counts[item.stage];
    for (LifecycleStage stage : allLifecycleStages())
        QVERIFY2(counts.value(stage) >= 3, qPrintable(lifecycleStageKey(stage)));
    // Items of one stage are written together, so the walkthrough order is the file order.
    LifecycleStage previous = LifecycleStage::Governance;
    for (const CatalogItem &item : std::as_const(m_catalog.items)) {
        QVERIFY2(int(item.stage) >= int(previous), qPrintable(item.key));
        previous = item.stage;
    }
}

void TestCatalog::everyTextHasEnglishAndChinese()
{
    QCOMPARE(m_catalog.languages, (QStringList{u"en"_s, u"zh_CN"_s}));
    for (const CatalogItem &item : std::as_const(m_catalog.items)) {
        const QList<std::pair<QString, LocalizedText>> texts = {{u"title"_s, item.title},
                                                                {u"requirement"_s, item.requirement},
                                                                {u"guidance"_s, item.guidance},
                                                                {u"evidence"_s, item.evidence}};
        for (const auto &[field, text] : texts) {
            const QString where = u"%1 %2"_s.arg(item.key, field);
            const QString en = text.texts.value(u"en"_s);
            const QString zh = text.texts.value(u"zh_CN"_s);
            QVERIFY2(en.size() >= 3 && !hasHan(en), qPrintable(where));
            QVERIFY2(hasHan(zh), qPrintable(where));
            QVERIFY2(!zh.contains(u"  "_s) && zh.trimmed() == zh, qPrintable(where));
        }
        // A requirement a reviewer can decide on is a sentence, not a heading.
        QVERIFY2(item.requirement.texts.value(u"en"_s).endsWith(u'.'), qPrintable(item.key));
        QVERIFY2(item.requirement.texts.value(u"zh_CN"_s).endsWith(u'。'), qPrintable(item.key));
    }
}

void TestCatalog::metadataIsHonestAboutTheWording()
{
    QVERIFY(m_catalog.wording.texts.value(u"en"_s).contains(u"paraphrase"_s));
    QVERIFY(m_catalog.wording.texts.value(u"zh_CN"_s).contains(u"转述"_s));
    QVERIFY(m_catalog.wording.texts.value(u"en"_s).contains(u"not certification"_s));
    QCOMPARE(m_catalog.sourceStandard, u"WDTA AI-STR-03"_s);
    QVERIFY(!m_catalog.sourceEdition.isEmpty());
    for (const LocalizedText &text : {m_catalog.title, m_catalog.description, m_catalog.sourceTitle})
        QVERIFY(!text.texts.value(u"en"_s).isEmpty() && hasHan(text.texts.value(u"zh_CN"_s)));
}

void TestCatalog::everyItemIsClassified()
{
    for (const CatalogItem &item : std::as_const(m_catalog.items)) {
        QVERIFY2(!item.kinds.isEmpty(), qPrintable(item.key));
        QVERIFY2(!item.layers.isEmpty(), qPrintable(item.key));
        QVERIFY2(!item.properties.isEmpty(), qPrintable(item.key));
    }
    // Every layer, property and kind is served by several items.
    for (SystemLayer layer : allSystemLayers()) {
        const auto n = std::count_if(m_catalog.items.cbegin(), m_catalog.items.cend(),
                                     [layer](const CatalogItem &i) { return i.layers.contains(layer); });
        QVERIFY2(n >= 5, qPrintable(systemLayerKey(layer)));
    }
    for (SecurityProperty property : allSecurityProperties()) {
        const auto n = std::count_if(m_catalog.items.cbegin(), m_catalog.items.cend(),
                                     [property](const CatalogItem &i) { return i.properties.contains(property); });
        QVERIFY2(n >= 5, qPrintable(securityPropertyKey(property)));
    }
    const auto mandatory = std::count_if(m_catalog.items.cbegin(), m_catalog.items.cend(),
                                         [](const CatalogItem &i) { return i.mandatory; });
    QVERIFY(mandatory > 0 && mandatory < m_catalog.items.size());
}

void TestCatalog::mappingsAreWellFormedAndVersioned()
{
    const QHash<QString, QString> versions = {{u"owasp-llm"_s, u"2025"_s},
                                              {u"nist-ai-rmf"_s, u"1.0"_s},
                                              {u"mitre-atlas"_s, u"5.6.0"_s},
                                              {u"nist-sp-800-53"_s, u"SP 800-53 Rev. 5; SP 800-161 Rev. 1"_s},
                                              {u"slsa"_s, u"1.0"_s}};
    QCOMPARE(m_catalog.frameworks.size(), versions.size());
    for (const CatalogFramework &f : std::as_const(m_catalog.frameworks)) {
        QCOMPARE(f.version, versions.value(f.id));
        QVERIFY2(f.url.startsWith(u"https://"_s), qPrintable(f.id));
    }
    QSet<QString> used;
    for (const CatalogItem &item : std::as_const(m_catalog.items)) {
        QVERIFY2(!item.mappings.isEmpty(), qPrintable(item.key));
        for (auto it = item.mappings.cbegin(); it != item.mappings.cend(); ++it) {
            QVERIFY2(m_catalog.framework(it.key()), qPrintable(item.key));
            QVERIFY2(!it.value().isEmpty(), qPrintable(item.key));
            for (const QString &reference : it.value())
                QVERIFY2(StrataCatalogParser::isWellFormedReference(it.key(), reference),
                         qPrintable(u"%1 %2"_s.arg(item.key, reference)));
            used.insert(it.key());
        }
    }
    QCOMPARE(used.size(), versions.size());
    // The supply-chain entry of OWASP's list is the one most items answer to.
    const auto llm03 = std::count_if(m_catalog.items.cbegin(), m_catalog.items.cend(), [](const CatalogItem &i) {
        return i.mappings.value(u"owasp-llm"_s).contains(u"LLM03:2025"_s);
    });
    QVERIFY(llm03 >= 20);
}

void TestCatalog::everyWdtaThemeIsUsed()
{
    QSet<QString> used;
    for (const CatalogItem &item : std::as_const(m_catalog.items)) {
        for (const QString &theme : item.wdtaThemes)
            used.insert(theme);
    }
    for (const QString &theme : wdtaThemeKeys())
        QVERIFY2(used.contains(theme), qPrintable(theme));
}

void TestCatalog::yamlAndJsonGiveTheSameCatalog()
{
    // JSON is YAML's flow style, so the YAML path must read the very same catalog.
    QFile file(kBuiltinFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    Result<CatalogTree> tree = CatalogYaml::parse(data, u"wdta.yaml"_s, CatalogLimits{});
    QVERIFY2(tree.ok(), tree.ok() ? "" : qPrintable(tree.error().message));
    Result<Catalog> viaYaml = StrataCatalogParser(tree.value(), u"wdta.yaml"_s, CatalogLimits{}).parse();
    QVERIFY2(viaYaml.ok(), viaYaml.ok() ? "" : qPrintable(viaYaml.error().message));
    QCOMPARE(CatalogJson::digest(viaYaml.value()), CatalogJson::digest(m_catalog));
    QCOMPARE(viaYaml.value().items.size(), m_catalog.items.size());
}

void TestCatalog::formatRoundTripKeepsTheDigest()
{
    const QByteArray written = QJsonDocument(CatalogJson::toJson(m_catalog)).toJson(QJsonDocument::Compact);
    Result<Catalog> again = CatalogReader::read(written, u"again.json"_s);
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
    QCOMPARE(CatalogJson::digest(again.value()), CatalogJson::digest(m_catalog));
    const CatalogItem *item = again.value().item(u"sc-src-09"_s);
    QVERIFY(item);
    QCOMPARE(item->mappings.value(u"mitre-atlas"_s), (QStringList{u"AML.M0014"_s, u"AML.M0013"_s}));
}

void TestCatalog::applicabilityByKind_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("model") << u"model"_s << QStringList{u"ACME-1"_s, u"ACME-2"_s};
    QTest::newRow("dataset") << u"dataset"_s << QStringList{u"ACME-2"_s};
    QTest::newRow("supplier") << u"supplier"_s << QStringList{u"ACME-3"_s};
    QTest::newRow("software") << u"software"_s << QStringList{};
}

void TestCatalog::applicabilityByKind()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.filePath(u"w.strata"_s));
    QVERIFY2(ws.ok(), ws.ok() ? "" : qPrintable(ws.error().message));
    Result<Catalog> small = CatalogReader::read(samples::changed([](QJsonObject &) {}), u"small.json"_s);
    QVERIFY2(small.ok(), small.ok() ? "" : qPrintable(small.error().message));
    Result<CatalogImportResult> imported = ws.value()->importCatalog(small.value());
    QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
    const Result<QList<CatalogItem>> items =
        ws.value()->applicableItems(imported.value().catalogId, *recordKindFromKey(kind));
    QVERIFY2(items.ok(), items.ok() ? "" : qPrintable(items.error().message));
    QCOMPARE(keysOf(items.value()), expected);
    for (const CatalogItem &item : items.value())
        QVERIFY(!item.requirement.isEmpty() && item.id > 0);
}

void TestCatalog::applicabilityFollowsEveryItemsKinds()
{
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.filePath(u"w.strata"_s));
    QVERIFY2(ws.ok(), ws.ok() ? "" : qPrintable(ws.error().message));
    const Result<Catalog> stored = ws.value()->catalog(u"wdta-ai-str-03"_s);
    QVERIFY2(stored.ok(), stored.ok() ? "" : qPrintable(stored.error().message));
    int total = 0;
    for (RecordKind kind : allRecordKinds()) {
        QStringList expected;
        for (const CatalogItem &item : std::as_const(m_catalog.items)) {
            if (item.kinds.contains(kind))
                expected << item.key;
        }
        const Result<QList<CatalogItem>> items = ws.value()->applicableItems(stored.value().id, kind);
        QVERIFY2(items.ok(), items.ok() ? "" : qPrintable(items.error().message));
        QCOMPARE(keysOf(items.value()), expected);
        QVERIFY2(!expected.isEmpty() && expected.size() < m_catalog.items.size(), qPrintable(recordKindKey(kind)));
        total += int(expected.size());
    }
    QVERIFY(total > m_catalog.items.size()); // items shared by several kinds are counted once per kind
    QVERIFY(ws.value()->applicableItems(stored.value().id, RecordKind::Supplier).value().size() <
            ws.value()->applicableItems(stored.value().id, RecordKind::Model).value().size());
}

QTEST_GUILESS_MAIN(TestCatalog)
#include "TestCatalog.moc"
