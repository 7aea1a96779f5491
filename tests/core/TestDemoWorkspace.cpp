// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "demo/DemoWorkspace.h"
#include "workspace/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

class TestDemoWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void hasARealisticSupplyChain();
    void hasTheLineageShapesAnalystsMeet();
    void refusesANonEmptyWorkspace();

private:
    QList<RelatedRecord> relationsOf(const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
};

void TestDemoWorkspace::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto ws = Workspace::open(m_dir->filePath(u"demo.strata"_s));
    QVERIFY(ws.ok());
    m_ws = std::move(ws).value();
    const Status s = DemoWorkspace::populate(*m_ws);
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
}

QList<RelatedRecord> TestDemoWorkspace::relationsOf(const QString &name)
{
    auto id = m_ws->resolve(name);
    if (!id.ok())
        return {};
    return m_ws->snapshot(id.value()).value().relations;
}

void TestDemoWorkspace::hasARealisticSupplyChain()
{
    const QMap<RecordKind, int> counts = m_ws->countsByKind().value();
    QVERIFY(counts.value(RecordKind::Supplier) >= 3);
    QVERIFY(counts.value(RecordKind::Model) >= 8);
    QVERIFY(counts.value(RecordKind::Dataset) >= 6);
    QVERIFY(counts.value(RecordKind::Software) >= 4);
    QVERIFY(counts.value(RecordKind::Service) >= 3);
    // "All related": every record takes part in at least one relation.
    const QList<RecordSummary> all = m_ws->list(RecordQuery{}).value();
    for (const RecordSummary &s : all)
        QVERIFY2(!m_ws->snapshot(s.id).value().relations.isEmpty(), qPrintable(s.name));
    // Datasets carry provenance; all but the deliberately unclear one carry a license.
    int unlicensed = 0;
    for (const RecordSummary &s : all) {
        if (s.kind == RecordKind::Dataset && s.license.isEmpty())
            ++unlicensed;
    }
    QCOMPARE(unlicensed, 1);
}

void TestDemoWorkspace::hasTheLineageShapesAnalystsMeet()
{
    QStringList subtypes;
    int mergeParents = 0;
    const QList<RecordSummary> models = m_ws->list(RecordQuery{RecordKind::Model}).value();
    for (const RecordSummary &s : models) {
        int parents = 0;
        for (const RelatedRecord &r : m_ws->snapshot(s.id).value().relations) {
            if (r.outgoing && r.relation.type == RelationType::DerivedFrom) {
                subtypes << r.relation.subtype;
                if (r.relation.subtype == u"merge"_s)
                    ++parents;
            }
        }
        mergeParents = qMax(mergeParents, parents);
    }
    QVERIFY(subtypes.contains(u"finetune"_s));
    QVERIFY(subtypes.contains(u"quantized"_s));
    QVERIFY(subtypes.contains(u"adapter"_s));
    QCOMPARE(mergeParents, 2);
    // A three-step chain: a quantized model of a fine-tune of an instruct model of a base.
    const QList<RelatedRecord> quantized = relationsOf(u"Acme Support Assistant 8B GGUF Q4_K_M"_s);
    QVERIFY(std::any_of(quantized.cbegin(), quantized.cend(),
                        [](const RelatedRecord &r) { return r.outgoing && r.relation.subtype == u"quantized"_s; }));
}

void TestDemoWorkspace::refusesANonEmptyWorkspace()
{
    const int before = m_ws->list(RecordQuery{}).value().size();
    const Status again = DemoWorkspace::populate(*m_ws);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QCOMPARE(m_ws->list(RecordQuery{}).value().size(), before);
}

QTEST_GUILESS_MAIN(TestDemoWorkspace)
#include "TestDemoWorkspace.moc"
