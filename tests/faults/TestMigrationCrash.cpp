// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "FaultSupport.h"
#include "storage/Database.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::faults;

/// S1 for schema upgrades: strata-cli is stopped inside a migration's transaction and between migrations while it
/// upgrades an older workspace; the file must stay at a whole schema version, keep its rows, and upgrade cleanly at
/// the next open.
class TestMigrationCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void crashDuringUpgrade_data();
    void crashDuringUpgrade();
};

void TestMigrationCrash::crashDuringUpgrade_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<int>("stepsDone"); // migrations committed when the process died

    QTest::newRow("inside the first migration") << u"migration.in-transaction"_s << 0;
    QTest::newRow("inside the second migration") << u"migration.in-transaction:2"_s << 1;
    QTest::newRow("before the first COMMIT") << u"migration.before-commit"_s << 0;
    QTest::newRow("after the first COMMIT") << u"migration.after-commit"_s << 1;
    QTest::newRow("between the first and second") << u"migration.between"_s << 1;
    QTest::newRow("between the second and third") << u"migration.between:2"_s << 2;
}

void TestMigrationCrash::crashDuringUpgrade()
{
    QFETCH(QString, label);
    QFETCH(int, stepsDone);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString workspace = QDir(dir.path()).filePath(u"old.strata"_s);
    const int oldVersion = Database::latestSchemaVersion() - 3;
    QVERIFY(oldVersion >= 1);
    {
        Result<std::unique_ptr<Database>> old =
            Database::open(workspace, Database::OpenMode::CreateIfMissing, oldVersion);
        QVERIFY2(old.ok(), old.ok() ? "" : qPrintable(old.error().message));
        QCOMPARE(old.value()->schemaVersion(), oldVersion);
    }
    // A row written by the older version, which every later step must keep.
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(workspace).constData(), &db), SQLITE_OK);
    const int inserted = sqlite3_exec(db,
                                      "INSERT INTO record (kind, name, created_at, updated_at) "
                                      "VALUES ('model', 'Kept', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                                      nullptr, nullptr, nullptr);
    sqlite3_close(db);
    QCOMPARE(inserted, SQLITE_OK);

    const FaultRun crashed = runCli(workspace, {u"list"_s}, {{u"STRATA_CRASH_AT"_s, label}});
    QVERIFY2(crashed.exitCode == 137, qPrintable(u"the crash point %1 was not reached: exit %2, %3"_s.arg(label)
                                                     .arg(crashed.exitCode)
                                                     .arg(crashed.error())));
    QCOMPARE(scalar(workspace, u"PRAGMA user_version"_s), oldVersion + stepsDone);
    QCOMPARE(scalar(workspace, u"SELECT count(*) FROM record WHERE name = 'Kept'"_s), 1);

    const QStringList problems = checkWorkspace(workspace);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(scalar(workspace, u"PRAGMA user_version"_s), Database::latestSchemaVersion());
    QCOMPARE(scalar(workspace, u"SELECT count(*) FROM record WHERE name = 'Kept'"_s), 1);
    const FaultRun listed = runCli(workspace, {u"list"_s});
    QCOMPARE(listed.exitCode, 0);
    QVERIFY2(listed.out.contains("Kept"), listed.out.constData());
}

QTEST_GUILESS_MAIN(TestMigrationCrash)
#include "TestMigrationCrash.moc"
