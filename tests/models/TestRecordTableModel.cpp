// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ModelTestSupport.h"
#include "RecordTableModel.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

#include <tuple>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

class TestRecordTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void showsOnlyRecordsOfItsKind();
    void followsWorkspaceEditsUnderModelTester();
    void marksPlaceholders();
    void showsSupplierAndRefreshesEditedRow();
    void fetchesLazily();
    void sortsInTheDatabase_data();
    void sortsInTheDatabase();
    void sortKeepsPersistentIndexes();
    void searchMatchesNameOrSupplierPrefix_data();
    void searchMatchesNameOrSupplierPrefix();
    void emptiesWhenWorkspaceCloses();

private:
    qint64 create(const Record &record);
    QStringList names(const RecordTableModel &model) const;

    std::unique_ptr<TempWorkspace> m_temp;
    Workspace *m_ws = nullptr;
};

void TestRecordTableModel::init()
{
    m_temp = std::make_unique<TempWorkspace>();
    const QByteArray problem = m_temp->open();
    QVERIFY2(problem.isEmpty(), problem.constData());
    m_ws = m_temp->workspace.get();
}

void TestRecordTableModel::cleanup()
{
    m_ws = nullptr;
    m_temp.reset();
}

qint64 TestRecordTableModel::create(const Record &record)
{
    auto created = m_ws->createRecord(record);
    if (!created)
        qWarning("createRecord failed: %s", qPrintable(created.error().message));
    return created ? created.value() : 0;
}

QStringList TestRecordTableModel::names(const RecordTableModel &model) const
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row, RecordTableModel::Name).data().toString();
    return result;
}

void TestRecordTableModel::showsOnlyRecordsOfItsKind()
{
    QVERIFY(create(makeRecord(RecordKind::Model, u"Llama 3.1 8B"_s)));
    QVERIFY(create(makeRecord(RecordKind::Model, u"Mistral 7B"_s)));
    QVERIFY(create(makeRecord(RecordKind::Dataset, u"FineWeb"_s)));

    RecordTableModel models(m_ws, RecordKind::Model);
    RecordTableModel datasets(m_ws, RecordKind::Dataset);
    QCOMPARE(models.columnCount(), int(RecordTableModel::ColumnCount));
    QCOMPARE(names(models), QStringList({u"Llama 3.1 8B"_s, u"Mistral 7B"_s}));
    QCOMPARE(names(datasets), QStringList({u"FineWeb"_s}));
    for (int column = 0; column < RecordTableModel::ColumnCount; ++column)
        QVERIFY(!models.headerData(column, Qt::Horizontal).toString().isEmpty());
    QVERIFY(!models.index(0, RecordTableModel::Updated).data().toString().isEmpty());
    QVERIFY(models.index(0, RecordTableModel::Name).data(RecordTableModel::RecordIdRole).toLongLong() > 0);
}

void TestRecordTableModel::followsWorkspaceEditsUnderModelTester()
{
    RecordTableModel model(m_ws, RecordKind::Model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);

    const qint64 first = create(makeRecord(RecordKind::Model, u"Bravo"_s, u"1"_s));
    const qint64 second = create(makeRecord(RecordKind::Model, u"Alpha"_s, u"2"_s));
    QVERIFY(first && second);
    QCOMPARE(names(model), QStringList({u"Alpha"_s, u"Bravo"_s}));
    QCOMPARE(model.recordId(model.rowForId(first)), first);

    auto record = m_ws->record(first);
    STRATA_VERIFY_OK(record);
    Record renamed = record.value();
    renamed.name = u"Charlie"_s;
    const Status updated = m_ws->updateRecord(renamed);
    STRATA_VERIFY_OK(updated);
    QCOMPARE(names(model), QStringList({u"Alpha"_s, u"Charlie"_s}));

    model.setSearch(u"cha"_s);
    QCOMPARE(names(model), QStringList({u"Charlie"_s}));
    model.setSearch({});
    model.sort(RecordTableModel::Name, Qt::DescendingOrder);
    QCOMPARE(names(model), QStringList({u"Charlie"_s, u"Alpha"_s}));

    auto removed = m_ws->removeRecord(second);
    STRATA_VERIFY_OK(removed);
    QCOMPARE(names(model), QStringList({u"Charlie"_s}));
    QCOMPARE(model.rowForId(second), -1);
    const Status restored = m_ws->restoreRecord(removed.value());
    STRATA_VERIFY_OK(restored);
    QCOMPARE(names(model), QStringList({u"Charlie"_s, u"Alpha"_s}));
}

void TestRecordTableModel::marksPlaceholders()
{
    Record placeholder = makeRecord(RecordKind::Model, u"Unknown base"_s, u"0.1"_s);
    placeholder.placeholder = true;
    const qint64 placeholderId = create(placeholder);
    const qint64 verifiedId = create(makeRecord(RecordKind::Model, u"Verified"_s));
    QVERIFY(placeholderId && verifiedId);

    RecordTableModel model(m_ws, RecordKind::Model);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex unknown = model.index(model.rowForId(placeholderId), RecordTableModel::Name);
    QVERIFY(unknown.data(RecordTableModel::PlaceholderRole).toBool());
    QVERIFY(unknown.data().toString().startsWith(u"Unknown base"_s));
    QVERIFY(unknown.data().toString() != u"Unknown base"_s);
    QVERIFY(unknown.data(Qt::ToolTipRole).toString().contains(u"Unknown base@0.1"_s));
    const QModelIndex verified = model.index(model.rowForId(verifiedId), RecordTableModel::Name);
    QVERIFY(!verified.data(RecordTableModel::PlaceholderRole).toBool());
    QCOMPARE(verified.data().toString(), u"Verified"_s);
}

void TestRecordTableModel::showsSupplierAndRefreshesEditedRow()
{
    const qint64 supplier = create(makeRecord(RecordKind::Supplier, u"Meta"_s));
    Record llama = makeRecord(RecordKind::Model, u"Llama"_s);
    llama.license = u"MIT"_s;
    const qint64 model = create(llama);
    QVERIFY(supplier && model);

    RecordTableModel table(m_ws, RecordKind::Model);
    QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(table.index(0, RecordTableModel::Supplier).data().toString(), QString());

    auto linked = m_ws->link(model, RelationType::ProvidedBy, supplier);
    STRATA_VERIFY_OK(linked);
    QCOMPARE(table.index(0, RecordTableModel::Supplier).data().toString(), u"Meta"_s);

    QCOMPARE(table.index(0, RecordTableModel::License).data().toString(), u"MIT"_s);
    QSignalSpy changed(&table, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&table, &QAbstractItemModel::modelReset);
    auto stored = m_ws->record(model);
    STRATA_VERIFY_OK(stored);
    Record relicensed = stored.value();
    relicensed.license = u"Apache-2.0"_s;
    const Status updated = m_ws->updateRecord(relicensed);
    STRATA_VERIFY_OK(updated);
    QVERIFY(changed.count() + reset.count() > 0); // a view is told to repaint the row
    QCOMPARE(table.index(0, RecordTableModel::License).data().toString(), u"Apache-2.0"_s);
}

void TestRecordTableModel::fetchesLazily()
{
    constexpr int kCount = 5000;
    const Status filled = m_ws->batch([this] {
        for (int i = 0; i < kCount; ++i) {
            auto created =
                m_ws->createRecord(makeRecord(RecordKind::Model, u"Model %1"_s.arg(i, 5, 10, QLatin1Char('0'))));
            if (!created)
                return Status(created.error());
        }
        return Status(Ok{});
    });
    STRATA_VERIFY_OK(filled);

    RecordTableModel model(m_ws, RecordKind::Model);
    QCOMPARE(model.rowCount(), kCount);
    QCOMPARE(model.cachedRowCount(), 0);

    QCOMPARE(model.index(0, RecordTableModel::Name).data().toString(), u"Model 00000"_s);
    const int afterFirstPage = model.cachedRowCount();
    QVERIFY(afterFirstPage > 0);
    QVERIFY2(afterFirstPage <= kCount / 10, qPrintable(u"%1 rows cached"_s.arg(afterFirstPage)));

    QCOMPARE(model.index(kCount - 1, RecordTableModel::Name).data().toString(), u"Model 04999"_s);
    QVERIFY(model.cachedRowCount() <= 2 * afterFirstPage);
    QVERIFY(model.recordId(kCount - 1) != 0);
}

void TestRecordTableModel::sortsInTheDatabase_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QString>("firstName");

    QTest::newRow("name ascending") << int(RecordTableModel::Name) << Qt::AscendingOrder << u"Alpha"_s;
    QTest::newRow("name descending") << int(RecordTableModel::Name) << Qt::DescendingOrder << u"Charlie"_s;
    QTest::newRow("version descending") << int(RecordTableModel::Version) << Qt::DescendingOrder << u"Alpha"_s;
    QTest::newRow("license ascending") << int(RecordTableModel::License) << Qt::AscendingOrder << u"Bravo"_s;
    QTest::newRow("tags fall back to name") << int(RecordTableModel::Tags) << Qt::DescendingOrder << u"Charlie"_s;
}

void TestRecordTableModel::sortsInTheDatabase()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QString, firstName);

    const QList<std::tuple<QString, QString, QString>> rows = {
        {u"Bravo"_s, u"1.0"_s, u"Apache-2.0"_s},
        {u"Alpha"_s, u"3.0"_s, u"MIT"_s},
        {u"Charlie"_s, u"2.0"_s, u"GPL-3.0-only"_s},
    };
    for (const auto &[name, version, license] : rows) {
        Record record = makeRecord(RecordKind::Model, name, version);
        record.license = license;
        record.tags = {u"zz-%1"_s.arg(name)};
        QVERIFY(create(record));
    }

    RecordTableModel model(m_ws, RecordKind::Model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.sort(column, order);
    QCOMPARE(model.rowCount(), rows.size());
    QCOMPARE(model.index(0, RecordTableModel::Name).data().toString(), firstName);
}

void TestRecordTableModel::sortKeepsPersistentIndexes()
{
    for (const QString &name : {u"Alpha"_s, u"Bravo"_s, u"Charlie"_s})
        QVERIFY(create(makeRecord(RecordKind::Model, name)));
    RecordTableModel model(m_ws, RecordKind::Model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QPersistentModelIndex alpha = model.index(0, RecordTableModel::Version);
    QCOMPARE(model.index(0, RecordTableModel::Name).data().toString(), u"Alpha"_s);

    model.sort(RecordTableModel::Name, Qt::DescendingOrder);
    QVERIFY(alpha.isValid());
    QCOMPARE(alpha.row(), 2);
    QCOMPARE(alpha.column(), int(RecordTableModel::Version));
    QCOMPARE(model.index(alpha.row(), RecordTableModel::Name).data().toString(), u"Alpha"_s);
}

void TestRecordTableModel::searchMatchesNameOrSupplierPrefix_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("empty shows all") << QString() << QStringList({u"Llama Guard"_s, u"Mistral 7B"_s, u"Qwen 2"_s});
    QTest::newRow("name prefix") << u"mist"_s << QStringList({u"Mistral 7B"_s});
    QTest::newRow("second word prefix") << u"gua"_s << QStringList({u"Llama Guard"_s});
    QTest::newRow("supplier prefix") << u"alib"_s << QStringList({u"Qwen 2"_s});
    QTest::newRow("no match") << u"zebra"_s << QStringList();
    QTest::newRow("not a prefix") << u"stral"_s << QStringList();
}

void TestRecordTableModel::searchMatchesNameOrSupplierPrefix()
{
    QFETCH(QString, search);
    QFETCH(QStringList, expected);

    const qint64 alibaba = create(makeRecord(RecordKind::Supplier, u"Alibaba Cloud"_s));
    const qint64 qwen = create(makeRecord(RecordKind::Model, u"Qwen 2"_s));
    QVERIFY(create(makeRecord(RecordKind::Model, u"Mistral 7B"_s)));
    QVERIFY(create(makeRecord(RecordKind::Model, u"Llama Guard"_s)));
    auto linked = m_ws->link(qwen, RelationType::ProvidedBy, alibaba);
    STRATA_VERIFY_OK(linked);

    RecordTableModel model(m_ws, RecordKind::Model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSearch(search);
    QCOMPARE(model.search(), search);
    QCOMPARE(names(model), expected);
}

void TestRecordTableModel::emptiesWhenWorkspaceCloses()
{
    QVERIFY(create(makeRecord(RecordKind::Model, u"Alpha"_s)));
    RecordTableModel model(m_ws, RecordKind::Model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 1);

    m_temp->workspace.reset();
    m_ws = nullptr;
    QCOMPARE(model.rowCount(), 0);
    model.refresh();
    model.setSearch(u"alp"_s);
    model.sort(RecordTableModel::Updated);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.recordId(0), qint64(0));
}

QTEST_MAIN(TestRecordTableModel)
#include "TestRecordTableModel.moc"
