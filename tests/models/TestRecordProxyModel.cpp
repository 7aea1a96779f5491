// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ModelTestSupport.h"
#include "RecordProxyModel.h"
#include "RecordTableModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

class TestRecordProxyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void passesEditsThroughUnderModelTester();
    void sortsInTheSourceWithoutLoadingEveryRow();
    void hidesPlaceholdersOnRequest();
    void textFilterStillWorks();

private:
    qint64 create(const Record &record);
    static QStringList names(const QAbstractItemModel &model);

    std::unique_ptr<TempWorkspace> m_temp;
    Workspace *m_ws = nullptr;
};

void TestRecordProxyModel::init()
{
    m_temp = std::make_unique<TempWorkspace>();
    const QByteArray problem = m_temp->open();
    QVERIFY2(problem.isEmpty(), problem.constData());
    m_ws = m_temp->workspace.get();
}

void TestRecordProxyModel::cleanup()
{
    m_ws = nullptr;
    m_temp.reset();
}

qint64 TestRecordProxyModel::create(const Record &record)
{
    auto created = m_ws->createRecord(record);
    if (!created)
        qWarning("createRecord failed: %s", qPrintable(created.error().message));
    return created ? created.value() : 0;
}

QStringList TestRecordProxyModel::names(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row, RecordTableModel::Name).data().toString();
    return result;
}

void TestRecordProxyModel::passesEditsThroughUnderModelTester()
{
    RecordTableModel source(m_ws, RecordKind::Dataset);
    RecordProxyModel proxy;
    proxy.setSourceModel(&source);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

    const qint64 fineweb = create(makeRecord(RecordKind::Dataset, u"FineWeb"_s));
    QVERIFY(create(makeRecord(RecordKind::Dataset, u"C4"_s)));
    QVERIFY(fineweb);
    QCOMPARE(names(proxy), QStringList({u"C4"_s, u"FineWeb"_s}));

    proxy.sort(RecordTableModel::Name, Qt::DescendingOrder);
    QCOMPARE(names(proxy), QStringList({u"FineWeb"_s, u"C4"_s}));

    auto removed = m_ws->removeRecord(fineweb);
    STRATA_VERIFY_OK(removed);
    QCOMPARE(names(proxy), QStringList({u"C4"_s}));

    source.setSearch(u"fine"_s);
    QCOMPARE(proxy.rowCount(), 0);
    const Status restored = m_ws->restoreRecord(removed.value());
    STRATA_VERIFY_OK(restored);
    QCOMPARE(names(proxy), QStringList({u"FineWeb"_s}));
}

void TestRecordProxyModel::sortsInTheSourceWithoutLoadingEveryRow()
{
    constexpr int kCount = 1000;
    const Status filled = m_ws->batch([this] {
        for (int i = 0; i < kCount; ++i) {
            auto created =
                m_ws->createRecord(makeRecord(RecordKind::Software, u"pkg-%1"_s.arg(i, 4, 10, QLatin1Char('0'))));
            if (!created)
                return Status(created.error());
        }
        return Status(Ok{});
    });
    STRATA_VERIFY_OK(filled);

    RecordTableModel source(m_ws, RecordKind::Software);
    RecordProxyModel proxy;
    proxy.setSourceModel(&source);
    QCOMPARE(proxy.rowCount(), kCount);
    QCOMPARE(source.cachedRowCount(), 0); // mapping the rows read none of them

    proxy.sort(RecordTableModel::Name, Qt::DescendingOrder);
    QCOMPARE(proxy.sortColumn(), -1); // the proxy itself stays unsorted
    QCOMPARE(proxy.index(0, RecordTableModel::Name).data().toString(), u"pkg-0999"_s);
    QCOMPARE(proxy.index(kCount - 1, RecordTableModel::Name).data().toString(), u"pkg-0000"_s);
    QVERIFY2(source.cachedRowCount() < kCount, qPrintable(u"%1 rows cached"_s.arg(source.cachedRowCount())));

    proxy.sort(RecordTableModel::Name, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, RecordTableModel::Name).data().toString(), u"pkg-0000"_s);
    QVERIFY(source.cachedRowCount() < kCount);
}

void TestRecordProxyModel::hidesPlaceholdersOnRequest()
{
    Record unknown = makeRecord(RecordKind::Model, u"Unknown base"_s);
    unknown.placeholder = true;
    QVERIFY(create(unknown));
    QVERIFY(create(makeRecord(RecordKind::Model, u"Llama"_s)));
    QVERIFY(create(makeRecord(RecordKind::Model, u"Mistral"_s)));

    RecordTableModel source(m_ws, RecordKind::Model);
    RecordProxyModel proxy;
    proxy.setSourceModel(&source);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY(!proxy.hidePlaceholders());
    QCOMPARE(proxy.rowCount(), 3);

    proxy.setHidePlaceholders(true);
    QVERIFY(proxy.hidePlaceholders());
    QCOMPARE(names(proxy), QStringList({u"Llama"_s, u"Mistral"_s}));

    Record another = makeRecord(RecordKind::Model, u"Another unknown"_s);
    another.placeholder = true;
    QVERIFY(create(another));
    QCOMPARE(names(proxy), QStringList({u"Llama"_s, u"Mistral"_s}));

    proxy.setHidePlaceholders(false);
    QCOMPARE(proxy.rowCount(), 4);
}

void TestRecordProxyModel::textFilterStillWorks()
{
    QVERIFY(create(makeRecord(RecordKind::Service, u"Bedrock"_s)));
    QVERIFY(create(makeRecord(RecordKind::Service, u"Vertex AI"_s)));
    RecordTableModel source(m_ws, RecordKind::Service);
    RecordProxyModel proxy;
    proxy.setSourceModel(&source);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

    proxy.setFilterKeyColumn(RecordTableModel::Name);
    proxy.setFilterFixedString(u"vertex"_s);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    QCOMPARE(names(proxy), QStringList({u"Vertex AI"_s}));
    proxy.setFilterFixedString({});
    QCOMPARE(proxy.rowCount(), 2);
}

QTEST_MAIN(TestRecordProxyModel)
#include "TestRecordProxyModel.moc"
