// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/Database.h"
#include "storage/SqliteStatement.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

class TestSqliteStatement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cachedPreparesOnceAndIsReused();
    void cachedPreparesAgainAfterAFailure();
    void boundTextOutlivesTheCaller();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestSqliteStatement::init()
{
    m_db.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Result<std::unique_ptr<Database>> opened = Database::open(m_dir->filePath(u"w.strata"_s));
    QVERIFY2(opened.ok(), opened ? "" : qPrintable(opened.error().message));
    m_db = std::move(opened).value();
}

void TestSqliteStatement::cachedPreparesOnceAndIsReused()
{
    std::unique_ptr<SqliteStatement> slot;
    SqliteStatement &first = SqliteStatement::cached(slot, m_db->connection(), "SELECT ? + 1");
    QVERIFY(first.ok());
    QCOMPARE(slot.get(), &first);
    first.bind(1, qint64(41));
    QCOMPARE(first.step(), SQLITE_ROW);
    QCOMPARE(first.int64(0), qint64(42));
    first.reset();
    // A second use hands back the same prepared statement, not a new one.
    SqliteStatement &second = SqliteStatement::cached(slot, m_db->connection(), "SELECT ? + 1");
    QCOMPARE(&second, &first);
    second.bind(1, qint64(1));
    QCOMPARE(second.step(), SQLITE_ROW);
    QCOMPARE(second.int64(0), qint64(2));
}

void TestSqliteStatement::cachedPreparesAgainAfterAFailure()
{
    std::unique_ptr<SqliteStatement> slot;
    const char *sql = "SELECT count(*) FROM made_later";
    QVERIFY(!SqliteStatement::cached(slot, m_db->connection(), sql).ok());
    QVERIFY(!slot->errorText().isEmpty());
    QSqlQuery q(m_db->connection());
    QVERIFY2(q.exec(u"CREATE TABLE made_later (x INTEGER)"_s), qPrintable(q.lastError().text()));
    // The failed statement is not kept for good: once the table exists, the next use prepares it.
    SqliteStatement &again = SqliteStatement::cached(slot, m_db->connection(), sql);
    QVERIFY(again.ok());
    QCOMPARE(again.step(), SQLITE_ROW);
    QCOMPARE(again.int64(0), qint64(0));
}

void TestSqliteStatement::boundTextOutlivesTheCaller()
{
    QSqlQuery q(m_db->connection());
    QVERIFY2(q.exec(u"CREATE TABLE t (v TEXT)"_s), qPrintable(q.lastError().text()));
    std::unique_ptr<SqliteStatement> slot;
    for (const QString &value : {u"first"_s, u"zweite \u00e9"_s}) {
        SqliteStatement &insert = SqliteStatement::cached(slot, m_db->connection(), "INSERT INTO t (v) VALUES (?)");
        insert.bind(1, QString(value)); // a temporary: the statement keeps its own UTF-8 copy
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
    }
    QVERIFY(q.exec(u"SELECT group_concat(v, '|') FROM t"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"first|zweite \u00e9"_s);
}

QTEST_GUILESS_MAIN(TestSqliteStatement)
#include "TestSqliteStatement.moc"
