// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "SqlTamper.h"
#include "storage/Database.h"
#include "workspace/Workspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

Q_DECLARE_METATYPE(strata::ErrorCode)

namespace {

QByteArray fileDigest(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void newWorkspaceHasLatestSchema();
    void workspaceFilesAreToldFromDocuments();
    void pragmasAreReadBack();
    void sqliteIsTheLibraryWeLinked();
    void migratesFromEveryEarlierVersion_data();
    void migratesFromEveryEarlierVersion();
    void newerSchemaOpensReadOnly();
    void foreignFilesAreRefusedUntouched_data();
    void foreignFilesAreRefusedUntouched();
    void existingOnlyDoesNotCreate();
    void nestedGuardFailureRollsBackEverything();
    void checkRewriteKeepsRowsAndRefusals();
    void checkRewriteRefusesDanglingRows();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path(const QString &name = u"w.strata"_s) const { return m_dir->filePath(name); }
};

void TestDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestDatabase::newWorkspaceHasLatestSchema()
{
    auto db = Database::open(path());
    QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
    QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
    QVERIFY(!db.value()->isReadOnly());
    QVERIFY(QFile::exists(path()));
}

void TestDatabase::workspaceFilesAreToldFromDocuments()
{
    // A real workspace under a name that says nothing is still one; a BOM is not, whatever it is called.
    {
        auto db = Database::open(path());
        QVERIFY(db.ok());
    }
    const QString renamed = path(u"copy.db"_s);
    QVERIFY(QFile::copy(path(), renamed));
    QVERIFY(Database::isWorkspaceFile(path()));
    QVERIFY(Database::isWorkspaceFile(renamed));
    const QString bom = path(u"bom.json"_s);
    QFile out(bom);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(R"({"bomFormat":"CycloneDX","specVersion":"1.6"})");
    out.close();
    QVERIFY(!Database::isWorkspaceFile(bom));
    // Named as a workspace but damaged or missing: opened, so the user learns what is wrong with it.
    QVERIFY(Database::isWorkspaceFile(path(u"missing.STRATA"_s)));
    QVERIFY(!Database::isWorkspaceFile(path(u"missing.json"_s)));
}

void TestDatabase::pragmasAreReadBack()
{
    auto db = Database::open(path());
    QVERIFY(db.ok());
    const DatabaseSettings s = db.value()->settings();
    QCOMPARE(s.journalMode, u"wal"_s);
    QCOMPARE(s.synchronous, 2);
    QVERIFY(s.foreignKeys);
    QVERIFY(!s.trustedSchema);
    QVERIFY(s.busyTimeoutMs > 0);
    QCOMPARE(s.lockingMode, u"exclusive"_s);
    QVERIFY(s.defensive);
    // Foreign keys are really enforced: a relation to a record that does not exist is rejected.
    QSqlQuery q(db.value()->connection());
    QVERIFY(!q.exec(u"INSERT INTO relation (from_id, type, to_id, created_at) VALUES (998, 'depends_on', 999, 'x')"_s));
}

void TestDatabase::sqliteIsTheLibraryWeLinked()
{
    auto db = Database::open(path());
    QVERIFY(db.ok());
    // One copy of SQLite in the process: the Qt plugin and our raw calls must be the same library.
    QCOMPARE(db.value()->sqliteVersion(), QString::fromLatin1(sqlite3_libversion()));
}

void TestDatabase::migratesFromEveryEarlierVersion_data()
{
    QTest::addColumn<int>("from");
    for (int v = 0; v < Database::latestSchemaVersion(); ++v)
        QTest::addRow("from schema %d", v) << v;
}

void TestDatabase::migratesFromEveryEarlierVersion()
{
    QFETCH(int, from);
    {
        auto db = Database::open(path(), Database::OpenMode::CreateIfMissing, from);
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
        QCOMPARE(db.value()->schemaVersion(), from);
        if (from >= 1) {
            // Data written by the old schema must survive the upgrade.
            QSqlQuery q(db.value()->connection());
            QVERIFY(q.exec(u"INSERT INTO record (id, kind, name, version, created_at, updated_at) "
                           "VALUES (7, 'model', 'Heirloom Model', '1', '2026-01-01T00:00:00Z', "
                           "'2026-01-01T00:00:00Z')"_s));
            if (from >= 2) // schema 2 added the search index, which the repository keeps in step
                QVERIFY(q.exec(u"INSERT INTO record_search (rowid, name) VALUES (7, 'Heirloom Model')"_s));
        }
    }
    auto ws = Workspace::open(path(), Database::OpenMode::ExistingOnly);
    QVERIFY2(ws.ok(), ws.ok() ? "" : qPrintable(ws.error().message));
    QCOMPARE(ws.value()->database().schemaVersion(), Database::latestSchemaVersion());
    // Schema 7: impact walks read relations from the covering index, which replaced relation_to.
    QSqlQuery indexes(ws.value()->database().connection());
    QVERIFY(indexes.exec(
        u"SELECT group_concat(name) FROM sqlite_schema WHERE type = 'index' AND name LIKE 'relation_to%'"_s));
    QVERIFY(indexes.next());
    QCOMPARE(indexes.value(0).toString(), u"relation_to_cover"_s);
    // Sign-offs (010_signoff): the tables exist, and a release without a policy of its own needs a security lead.
    QSqlQuery signoffTables(ws.value()->database().connection());
    QVERIFY(signoffTables.exec(u"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                               "('signoff', 'release_signoff_policy')"_s));
    QVERIFY(signoffTables.next());
    QCOMPARE(signoffTables.value(0).toInt(), 2);
    // 011_bundle: the bundle sequence numbers that refuse a replayed assessment bundle.
    QSqlQuery bundles(ws.value()->database().connection());
    QVERIFY(bundles.exec(u"SELECT count(*) FROM bundle_sequence"_s));
    QVERIFY(bundles.next());
    QCOMPARE(bundles.value(0).toInt(), 0);
    // 012_identity: one random workspace id; and an existing workspace was backed up at its old schema first.
    QSqlQuery identity(ws.value()->database().connection());
    QVERIFY(identity.exec(u"SELECT uuid FROM workspace_identity"_s));
    QVERIFY(identity.next());
    QCOMPARE(identity.value(0).toString().size(), 32);
    const QList<BackupGeneration> generations = Backups::generations(ws.value()->path());
    QCOMPARE(generations.size(), from >= 1 ? 1 : 0);
    if (from >= 1)
        QCOMPARE(generations.constFirst().schemaVersion, from);
    if (from >= 1) {
        auto found = ws.value()->recordIds(RecordQuery{RecordKind::Model, u"heirl"_s});
        QVERIFY(found.ok());
        QCOMPARE(found.value(), QVector<qint64>{7});
    }
    // Schema 9: the upgraded workspace has an audit trail that records the next change and refuses edits.
    auto before = ws.value()->auditHead();
    QVERIFY(before.ok());
    Record r;
    r.name = u"After Upgrade"_s;
    QVERIFY(ws.value()->createRecord(r).ok());
    auto after = ws.value()->auditHead();
    QVERIFY(after.ok());
    QCOMPARE(after.value().seq, before.value().seq + 1);
    QSqlQuery audit(ws.value()->database().connection());
    QVERIFY(!audit.exec(u"UPDATE audit SET actor = 'mallory'"_s));
    QVERIFY(audit.lastError().databaseText().contains(u"append-only"_s));
    QVERIFY(!audit.exec(u"DELETE FROM audit"_s));
    QVERIFY(audit.lastError().databaseText().contains(u"append-only"_s));
    auto verified = ws.value()->verifyAudit(after.value());
    QVERIFY(verified.ok());
    QVERIFY2(verified.value().intact(), qPrintable(verified.value().message));
}

void TestDatabase::newerSchemaOpensReadOnly()
{
    {
        auto ws = Workspace::open(path());
        QVERIFY(ws.ok());
        Record r;
        r.name = u"Kept"_s;
        QVERIFY(ws.value()->createRecord(r).ok());
    }
    QVERIFY(test::execOnFile(path(), u"PRAGMA user_version = %1"_s.arg(Database::latestSchemaVersion() + 1)));
    const QByteArray before = fileDigest(path());

    auto ws = Workspace::open(path(), Database::OpenMode::ExistingOnly);
    QVERIFY2(ws.ok(), ws.ok() ? "" : qPrintable(ws.error().message));
    QVERIFY(ws.value()->isReadOnly());
    QVERIFY(ws.value()->readOnlyReason().contains(QString::number(Database::latestSchemaVersion() + 1)));
    // Reading works, writing is refused with the reason.
    auto list = ws.value()->list(RecordQuery{});
    QVERIFY(list.ok());
    QCOMPARE(list.value().size(), 1);
    Record r;
    r.name = u"Refused"_s;
    auto created = ws.value()->createRecord(r);
    QVERIFY(!created.ok());
    QCOMPARE(created.error().code, ErrorCode::ReadOnly);
    ws.value().reset();
    QCOMPARE(fileDigest(path()), before);
}

void TestDatabase::foreignFilesAreRefusedUntouched_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("sql"); // when set, the file is a SQLite database made with this statement
    QTest::addColumn<ErrorCode>("expected");

    QTest::newRow("empty file") << QByteArray() << QString() << ErrorCode::InvalidInput;
    QTest::newRow("text file") << QByteArray("name,version\nllama,3\n") << QString() << ErrorCode::InvalidInput;
    QTest::newRow("zip renamed") << QByteArray("PK\x03\x04\x14\x00\x00\x00\x08\x00", 10) << QString()
                                 << ErrorCode::InvalidInput;
    QTest::newRow("foreign sqlite") << QByteArray() << u"CREATE TABLE invoices (id INTEGER PRIMARY KEY)"_s
                                    << ErrorCode::InvalidInput;
    QTest::newRow("truncated header") << QByteArray("SQLite format 3\0\x10\x00", 18) << QString()
                                      << ErrorCode::Integrity;
}

void TestDatabase::foreignFilesAreRefusedUntouched()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, sql);
    QFETCH(ErrorCode, expected);
    if (sql.isEmpty()) {
        QFile f(path());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    } else {
        QVERIFY(test::execOnFile(path(), sql));
    }
    const QByteArray before = fileDigest(path());

    auto db = Database::open(path(), Database::OpenMode::ExistingOnly);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, expected);
    QVERIFY2(db.error().message.contains(u"w.strata"_s), qPrintable(db.error().message));
    QCOMPARE(fileDigest(path()), before);
    QVERIFY(!QFile::exists(path() + u"-wal"_s));
}

void TestDatabase::existingOnlyDoesNotCreate()
{
    auto db = Database::open(path(u"missing.strata"_s), Database::OpenMode::ExistingOnly);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, ErrorCode::NotFound);
    QVERIFY(!QFile::exists(path(u"missing.strata"_s)));
}

void TestDatabase::nestedGuardFailureRollsBackEverything()
{
    auto ws = Workspace::open(path());
    QVERIFY(ws.ok());
    Record a;
    a.name = u"First"_s;
    Record dup = a; // same kind, name and version: the second insert fails
    const Status s = ws.value()->batch([&]() -> Status {
        if (auto created = ws.value()->createRecord(a); !created)
            return created.error();
        (void)ws.value()->createRecord(dup); // the failure is ignored here on purpose
        return Ok{};
    });
    QVERIFY(!s.ok());
    auto list = ws.value()->list(RecordQuery{});
    QVERIFY(list.ok());
    QVERIFY(list.value().isEmpty());
}

namespace {

/// Runs `sql` on `db`, failing the test with SQLite's message when it fails.
bool run(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    return false;
}

qint64 scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

void TestDatabase::checkRewriteKeepsRowsAndRefusals()
{
    // Schema 13 rebuilds record and relation; every row that refers to them must come through, still enforced.
    {
        auto db = Database::open(path(), Database::OpenMode::CreateIfMissing, 12);
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
        const QSqlDatabase c = db.value()->connection();
        QVERIFY(run(c, u"INSERT INTO record (id, kind, name, version, purl, created_at, updated_at, manual_fields) "
                       "VALUES (7, 'model', 'Kept Model', '1', 'pkg:huggingface/acme/kept@1', 't', 't', 'name'), "
                       "(8, 'dataset', 'Kept Data', '', '', 't', 't', '')"_s));
        QVERIFY(run(c, u"INSERT INTO record_search (rowid, name) VALUES (7, 'Kept Model'), (8, 'Kept Data')"_s));
        QVERIFY(run(c, u"INSERT INTO import_source (id, file_name, sha256, format, imported_at) "
                       "VALUES (1, 'bom.json', 'ab', 'cyclonedx', 't')"_s));
        QVERIFY(run(c, u"INSERT INTO relation (id, from_id, type, to_id, created_at, import_id) "
                       "VALUES (3, 7, 'trained_on', 8, 't', 1)"_s));
        QVERIFY(run(c, u"INSERT INTO artifact (record_id, file_name, digest) VALUES (7, 'model.bin', 'cd')"_s));
        QVERIFY(run(c, u"INSERT INTO record_origin (record_id, import_id, external_ref) VALUES (7, 1, 'urn:x')"_s));
        QVERIFY(run(c, u"INSERT INTO record_extra (record_id, key, value, import_id) VALUES (7, 'k', '{}', 1)"_s));
    }
    auto db = Database::open(path(), Database::OpenMode::ExistingOnly);
    QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
    QCOMPARE(db.value()->schemaVersion(), 13);
    QVERIFY(db.value()->settings().foreignKeys);
    const QSqlDatabase c = db.value()->connection();
    QVERIFY(
        scalar(c, u"SELECT count(*) FROM sqlite_schema WHERE name = 'record' AND sql LIKE '%kind = ''model''%'"_s) ==
        1);
    QCOMPARE(scalar(c, u"SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_new'"_s), 0);
    QCOMPARE(scalar(c, u"SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN "
                       "('record_kind_name', 'record_purl', 'relation_to_cover')"_s),
             3);
    QCOMPARE(scalar(c, u"SELECT count(*) FROM record WHERE manual_fields = 'name' AND purl <> ''"_s), 1);
    QCOMPARE(scalar(c, u"SELECT import_id FROM relation WHERE id = 3 AND from_id = 7 AND to_id = 8"_s), 1);
    QCOMPARE(scalar(c, u"SELECT count(*) FROM artifact"_s) + scalar(c, u"SELECT count(*) FROM record_origin"_s) +
                 scalar(c, u"SELECT count(*) FROM record_extra"_s),
             3);
    // The rewritten checks refuse what the old ones refused, and accept what they accepted.
    QSqlQuery q(c);
    QVERIFY(!q.exec(u"INSERT INTO record (kind, name, created_at, updated_at) VALUES ('plugin', 'X', 't', 't')"_s));
    QVERIFY(q.lastError().text().contains(u"CHECK"_s));
    QVERIFY(!q.exec(u"INSERT INTO relation (from_id, type, to_id, created_at) VALUES (8, 'owns', 7, 't')"_s));
    QVERIFY(q.lastError().text().contains(u"CHECK"_s));
    QVERIFY(run(c, u"INSERT INTO record (kind, name, created_at, updated_at) VALUES ('service', 'Y', 't', 't')"_s));
    QVERIFY(run(c, u"INSERT INTO relation (from_id, type, to_id, created_at) VALUES (8, 'provided_by', 7, 't')"_s));
    // References still point at the rebuilt table: a relation to a missing record is refused, a delete cascades.
    QVERIFY(!q.exec(u"INSERT INTO relation (from_id, type, to_id, created_at) VALUES (7, 'depends_on', 99, 't')"_s));
    QVERIFY(run(c, u"DELETE FROM record WHERE id = 7"_s));
    QCOMPARE(scalar(c, u"SELECT count(*) FROM relation"_s), 0);
    QCOMPARE(scalar(c, u"SELECT count(*) FROM artifact"_s) + scalar(c, u"SELECT count(*) FROM record_origin"_s) +
                 scalar(c, u"SELECT count(*) FROM record_extra"_s),
             0);
}

void TestDatabase::checkRewriteRefusesDanglingRows()
{
    {
        auto db = Database::open(path(), Database::OpenMode::CreateIfMissing, 12);
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
        const QSqlDatabase c = db.value()->connection();
        QVERIFY(run(c, u"PRAGMA foreign_keys = OFF"_s));
        QVERIFY(run(c, u"INSERT INTO artifact (record_id, file_name, digest) VALUES (42, 'orphan.bin', 'cd')"_s));
    }
    {
        auto db = Database::open(path(), Database::OpenMode::ExistingOnly);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ErrorCode::Integrity);
        QVERIFY2(db.error().message.contains(u"artifact"_s), qPrintable(db.error().message));
    }
    // Nothing of the upgrade was committed: the file is still at schema 12, with its old record table.
    sqlite3 *raw = nullptr;
    QCOMPARE(sqlite3_open_v2(QFile::encodeName(path()).constData(), &raw, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt *st = nullptr;
    QCOMPARE(sqlite3_prepare_v2(raw,
                                "SELECT (SELECT user_version FROM pragma_user_version), "
                                "(SELECT count(*) FROM sqlite_schema WHERE name = 'record' AND sql LIKE '%kind IN%')",
                                -1, &st, nullptr),
             SQLITE_OK);
    QCOMPARE(sqlite3_step(st), SQLITE_ROW);
    const int version = sqlite3_column_int(st, 0);
    const int oldChecks = sqlite3_column_int(st, 1);
    sqlite3_finalize(st);
    sqlite3_close(raw);
    QCOMPARE(version, 12);
    QCOMPARE(oldChecks, 1);
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
