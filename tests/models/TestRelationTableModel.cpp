// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ModelTestSupport.h"
#include "RelationTableModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

class TestRelationTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void showsBothDirectionsFromTheRecordsPointOfView();
    void followsLinkAndUnlinkUnderModelTester();
    void followsRenamesAndRemovalOfTheOtherRecord();
    void emptyForNoRecordOrDeletedRecord();
    void incomingLabelsDifferFromOutgoing();

private:
    qint64 create(const Record &record);
    int rowOf(const RelationTableModel &model, qint64 otherId) const;

    std::unique_ptr<TempWorkspace> m_temp;
    Workspace *m_ws = nullptr;
};

void TestRelationTableModel::init()
{
    m_temp = std::make_unique<TempWorkspace>();
    const QByteArray problem = m_temp->open();
    QVERIFY2(problem.isEmpty(), problem.constData());
    m_ws = m_temp->workspace.get();
}

void TestRelationTableModel::cleanup()
{
    m_ws = nullptr;
    m_temp.reset();
}

qint64 TestRelationTableModel::create(const Record &record)
{
    auto created = m_ws->createRecord(record);
    if (!created)
        qWarning("createRecord failed: %s", qPrintable(created.error().message));
    return created ? created.value() : 0;
}

int TestRelationTableModel::rowOf(const RelationTableModel &model, qint64 otherId) const
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(RelationTableModel::OtherRecordIdRole).toLongLong() == otherId)
            return row;
    }
    return -1;
}

void TestRelationTableModel::showsBothDirectionsFromTheRecordsPointOfView()
{
    const qint64 base = create(makeRecord(RecordKind::Model, u"Llama 3.1 8B"_s, u"3.1"_s));
    const qint64 tuned = create(makeRecord(RecordKind::Model, u"Llama Guard"_s, u"3"_s));
    const qint64 data = create(makeRecord(RecordKind::Dataset, u"FineWeb"_s));
    const qint64 meta = create(makeRecord(RecordKind::Supplier, u"Meta"_s));
    QVERIFY(base && tuned && data && meta);
    auto derived = m_ws->link(tuned, RelationType::DerivedFrom, base, u"finetune"_s);
    auto trained = m_ws->link(base, RelationType::TrainedOn, data);
    auto provided = m_ws->link(base, RelationType::ProvidedBy, meta);
    STRATA_VERIFY_OK(derived);
    STRATA_VERIFY_OK(trained);
    STRATA_VERIFY_OK(provided);

    RelationTableModel model(m_ws);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRecord(base);
    QCOMPARE(model.recordId(), base);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(RelationTableModel::ColumnCount));

    const int incoming = rowOf(model, tuned);
    QVERIFY(incoming >= 0);
    QVERIFY(!model.index(incoming, 0).data(RelationTableModel::OutgoingRole).toBool());
    QCOMPARE(model.index(incoming, RelationTableModel::Relation).data().toString(),
             RelationTableModel::incomingLabel(RelationType::DerivedFrom));
    QCOMPARE(model.index(incoming, RelationTableModel::OtherRecord).data().toString(), u"Llama Guard 3"_s);
    QCOMPARE(model.index(incoming, RelationTableModel::OtherKind).data().toString(),
             recordKindLabel(RecordKind::Model));
    QCOMPARE(model.index(incoming, RelationTableModel::Subtype).data().toString(), derivationKindLabel(u"finetune"_s));
    QCOMPARE(model.index(incoming, RelationTableModel::Source).data().toString(), derived.value().source);
    QCOMPARE(model.index(incoming, 0).data(RelationTableModel::RelationIdRole).toLongLong(), derived.value().id);
    QCOMPARE(model.relationAt(incoming)->relation.id, derived.value().id);

    const int outgoing = rowOf(model, data);
    QVERIFY(outgoing >= 0);
    QVERIFY(model.index(outgoing, 0).data(RelationTableModel::OutgoingRole).toBool());
    QCOMPARE(model.index(outgoing, RelationTableModel::Relation).data().toString(),
             relationTypeLabel(RelationType::TrainedOn));
    QCOMPARE(model.index(outgoing, RelationTableModel::OtherRecord).data().toString(), u"FineWeb"_s);
    QCOMPARE(model.index(outgoing, RelationTableModel::OtherKind).data().toString(),
             recordKindLabel(RecordKind::Dataset));
    QVERIFY(model.index(outgoing, RelationTableModel::Subtype).data().toString().isEmpty());
    QVERIFY(
        model.index(outgoing, RelationTableModel::Relation).data(Qt::ToolTipRole).toString().contains(u"FineWeb"_s));

    // The same derived_from relation, seen from the fine-tune, reads forwards.
    model.setRecord(tuned);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, RelationTableModel::Relation).data().toString(),
             relationTypeLabel(RelationType::DerivedFrom));
    QCOMPARE(model.index(0, RelationTableModel::OtherRecord).data().toString(), u"Llama 3.1 8B 3.1"_s);

    model.setRecord(meta);
    QCOMPARE(model.index(0, RelationTableModel::Relation).data().toString(),
             RelationTableModel::incomingLabel(RelationType::ProvidedBy));
}

void TestRelationTableModel::followsLinkAndUnlinkUnderModelTester()
{
    const qint64 app = create(makeRecord(RecordKind::Software, u"chat-frontend"_s));
    const qint64 lib = create(makeRecord(RecordKind::Software, u"transformers"_s));
    const qint64 host = create(makeRecord(RecordKind::Service, u"Bedrock"_s));
    QVERIFY(app && lib && host);

    RelationTableModel model(m_ws);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRecord(app);
    QCOMPARE(model.rowCount(), 0);

    auto dependency = m_ws->link(app, RelationType::DependsOn, lib);
    STRATA_VERIFY_OK(dependency);
    QCOMPARE(model.rowCount(), 1);
    auto hosting = m_ws->link(app, RelationType::HostedOn, host);
    STRATA_VERIFY_OK(hosting);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(rowOf(model, host) >= 0);

    auto unlinked = m_ws->unlink(app, RelationType::DependsOn, lib);
    STRATA_VERIFY_OK(unlinked);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(rowOf(model, lib), -1);
    auto removed = m_ws->removeRelation(hosting.value().id);
    STRATA_VERIFY_OK(removed);
    QCOMPARE(model.rowCount(), 0);

    const Status restored = m_ws->restoreRelation(removed.value());
    STRATA_VERIFY_OK(restored);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(RelationTableModel::RelationIdRole).toLongLong(), hosting.value().id);
}

void TestRelationTableModel::followsRenamesAndRemovalOfTheOtherRecord()
{
    const qint64 model = create(makeRecord(RecordKind::Model, u"Phi"_s));
    const qint64 supplier = create(makeRecord(RecordKind::Supplier, u"Microsoft"_s));
    QVERIFY(model && supplier);
    auto linked = m_ws->link(model, RelationType::ProvidedBy, supplier);
    STRATA_VERIFY_OK(linked);

    RelationTableModel relations(m_ws);
    QAbstractItemModelTester tester(&relations, QAbstractItemModelTester::FailureReportingMode::Fatal);
    relations.setRecord(model);
    QCOMPARE(relations.index(0, RelationTableModel::OtherRecord).data().toString(), u"Microsoft"_s);

    auto stored = m_ws->record(supplier);
    STRATA_VERIFY_OK(stored);
    Record renamed = stored.value();
    renamed.name = u"Microsoft Corporation"_s;
    const Status updated = m_ws->updateRecord(renamed);
    STRATA_VERIFY_OK(updated);
    QCOMPARE(relations.index(0, RelationTableModel::OtherRecord).data().toString(), u"Microsoft Corporation"_s);

    auto removed = m_ws->removeRecord(supplier);
    STRATA_VERIFY_OK(removed);
    QCOMPARE(relations.rowCount(), 0);
}

void TestRelationTableModel::emptyForNoRecordOrDeletedRecord()
{
    const qint64 model = create(makeRecord(RecordKind::Model, u"Phi"_s));
    const qint64 data = create(makeRecord(RecordKind::Dataset, u"Textbooks"_s));
    QVERIFY(model && data);
    auto linked = m_ws->link(model, RelationType::EvaluatedOn, data);
    STRATA_VERIFY_OK(linked);

    RelationTableModel relations(m_ws);
    QAbstractItemModelTester tester(&relations, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(relations.rowCount(), 0);
    relations.setRecord(model);
    QCOMPARE(relations.rowCount(), 1);
    relations.setRecord(0);
    QCOMPARE(relations.rowCount(), 0);
    QCOMPARE(relations.relationAt(0), nullptr);

    relations.setRecord(model);
    auto removed = m_ws->removeRecord(model);
    STRATA_VERIFY_OK(removed);
    QCOMPARE(relations.rowCount(), 0);
    // Undo of a delete brings the record back: the panel shows it again.
    const Status restored = m_ws->restoreRecord(removed.value());
    STRATA_VERIFY_OK(restored);
    QCOMPARE(relations.rowCount(), 1);
}

void TestRelationTableModel::incomingLabelsDifferFromOutgoing()
{
    for (RelationType type : allRelationTypes()) {
        const QString incoming = RelationTableModel::incomingLabel(type);
        QVERIFY2(!incoming.isEmpty(), qPrintable(relationTypeKey(type)));
        QVERIFY2(incoming != relationTypeLabel(type), qPrintable(relationTypeKey(type)));
    }
}

QTEST_MAIN(TestRelationTableModel)
#include "TestRelationTableModel.moc"
