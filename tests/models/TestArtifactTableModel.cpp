// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ArtifactTableModel.h"
#include "ModelTestSupport.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

class TestArtifactTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void showsTheFilesOfOneRecord();
    void followsAddAndRemoveUnderModelTester();
    void switchesAndClearsRecords();

private:
    qint64 create(const Record &record);

    std::unique_ptr<TempWorkspace> m_temp;
    Workspace *m_ws = nullptr;
};

void TestArtifactTableModel::init()
{
    m_temp = std::make_unique<TempWorkspace>();
    const QByteArray problem = m_temp->open();
    QVERIFY2(problem.isEmpty(), problem.constData());
    m_ws = m_temp->workspace.get();
}

void TestArtifactTableModel::cleanup()
{
    m_ws = nullptr;
    m_temp.reset();
}

qint64 TestArtifactTableModel::create(const Record &record)
{
    auto created = m_ws->createRecord(record);
    if (!created)
        qWarning("createRecord failed: %s", qPrintable(created.error().message));
    return created ? created.value() : 0;
}

void TestArtifactTableModel::showsTheFilesOfOneRecord()
{
    const qint64 model = create(makeRecord(RecordKind::Model, u"Llama"_s));
    QVERIFY(model);
    const Artifact weights = makeArtifact(model, u"model.safetensors"_s, 16'000'000'000);
    auto added = m_ws->addArtifact(weights);
    STRATA_VERIFY_OK(added);
    auto config = m_ws->addArtifact(makeArtifact(model, u"config.json"_s, -1));
    STRATA_VERIFY_OK(config);

    ArtifactTableModel artifacts(m_ws);
    QAbstractItemModelTester tester(&artifacts, QAbstractItemModelTester::FailureReportingMode::Fatal);
    artifacts.setRecord(model);
    QCOMPARE(artifacts.recordId(), model);
    QCOMPARE(artifacts.rowCount(), 2);
    QCOMPARE(artifacts.columnCount(), int(ArtifactTableModel::ColumnCount));

    int row = -1;
    for (int r = 0; r < artifacts.rowCount(); ++r) {
        if (artifacts.index(r, ArtifactTableModel::FileName).data().toString() == weights.fileName)
            row = r;
    }
    QVERIFY(row >= 0);
    QCOMPARE(artifacts.index(row, 0).data(ArtifactTableModel::ArtifactIdRole).toLongLong(), added.value().id);
    QCOMPARE(artifacts.artifactAt(row)->digest, weights.digest);
    QCOMPARE(artifacts.index(row, ArtifactTableModel::Digest).data().toString(), weights.digest);
    QCOMPARE(artifacts.index(row, ArtifactTableModel::Algorithm).data().toString(), u"sha256"_s);
    QCOMPARE(artifacts.index(row, ArtifactTableModel::Size).data().toString(),
             QLocale().formattedDataSize(weights.size));
    QVERIFY(artifacts.index(row, ArtifactTableModel::Size)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLocale().toString(weights.size)));

    const int unknownSize = 1 - row;
    QVERIFY(!artifacts.index(unknownSize, ArtifactTableModel::Size).data().toString().isEmpty());
    QVERIFY(artifacts.index(unknownSize, ArtifactTableModel::Size).data().toString() !=
            artifacts.index(row, ArtifactTableModel::Size).data().toString());
    for (int column = 0; column < ArtifactTableModel::ColumnCount; ++column)
        QVERIFY(!artifacts.headerData(column, Qt::Horizontal).toString().isEmpty());
}

void TestArtifactTableModel::followsAddAndRemoveUnderModelTester()
{
    const qint64 dataset = create(makeRecord(RecordKind::Dataset, u"FineWeb"_s));
    QVERIFY(dataset);
    ArtifactTableModel artifacts(m_ws);
    QAbstractItemModelTester tester(&artifacts, QAbstractItemModelTester::FailureReportingMode::Fatal);
    artifacts.setRecord(dataset);
    QCOMPARE(artifacts.rowCount(), 0);

    auto first = m_ws->addArtifact(makeArtifact(dataset, u"part-0000.parquet"_s));
    STRATA_VERIFY_OK(first);
    QCOMPARE(artifacts.rowCount(), 1);
    auto second = m_ws->addArtifact(makeArtifact(dataset, u"part-0001.parquet"_s));
    STRATA_VERIFY_OK(second);
    QCOMPARE(artifacts.rowCount(), 2);

    auto removed = m_ws->removeArtifact(first.value().id);
    STRATA_VERIFY_OK(removed);
    QCOMPARE(artifacts.rowCount(), 1);
    QCOMPARE(artifacts.artifactAt(0)->id, second.value().id);
    QCOMPARE(artifacts.artifactAt(1), nullptr);
}

void TestArtifactTableModel::switchesAndClearsRecords()
{
    const qint64 one = create(makeRecord(RecordKind::Model, u"One"_s));
    const qint64 two = create(makeRecord(RecordKind::Model, u"Two"_s));
    QVERIFY(one && two);
    auto added = m_ws->addArtifact(makeArtifact(one, u"one.gguf"_s));
    STRATA_VERIFY_OK(added);

    ArtifactTableModel artifacts(m_ws);
    QAbstractItemModelTester tester(&artifacts, QAbstractItemModelTester::FailureReportingMode::Fatal);
    artifacts.setRecord(one);
    QCOMPARE(artifacts.rowCount(), 1);
    artifacts.setRecord(two);
    QCOMPARE(artifacts.rowCount(), 0);

    // Files of another record do not show up.
    auto other = m_ws->addArtifact(makeArtifact(one, u"two.gguf"_s));
    STRATA_VERIFY_OK(other);
    QCOMPARE(artifacts.rowCount(), 0);

    artifacts.setRecord(one);
    QCOMPARE(artifacts.rowCount(), 2);
    auto removed = m_ws->removeRecord(one);
    STRATA_VERIFY_OK(removed);
    QCOMPARE(artifacts.rowCount(), 0);
    artifacts.setRecord(0);
    QCOMPARE(artifacts.rowCount(), 0);
}

QTEST_MAIN(TestArtifactTableModel)
#include "TestArtifactTableModel.moc"
