// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "SqlTamper.h"
#include "TestFiles.h"
#include "WorkspaceFiles.h"
#include "ZipForge.h"
#include "storage/Backups.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

namespace {

constexpr int kRecords = 150;

/// Flips one bit of the byte at `offset`.
void flipBit(QByteArray &bytes, qint64 offset, int bit)
{
    bytes[offset] = char(bytes.at(offset) ^ (1 << bit));
}

/// A SQLite database that is not a Strata workspace, left with committed changes in its -wal.
bool makeForeignSqliteWithWal(const QString &path)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK)
        return false;
    int set = 0;
    sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, &set);
    const int rc = sqlite3_exec(db,
                                "PRAGMA journal_mode = WAL; CREATE TABLE t (x TEXT);"
                                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) "
                                "INSERT INTO t SELECT printf('row %d', i) FROM n;",
                                nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc == SQLITE_OK && set == 1;
}

} // namespace

/// S6: every kind of damaged workspace is reported with a specific error, never crashes the app, and is never
/// modified, including the -wal that SQLite would otherwise merge into it.
class TestCorruptWorkspaces : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void damagedFileIsReportedAndUntouched_data();
    void damagedFileIsReportedAndUntouched();
    void walFromAnotherStrataWorkspaceIsRefused();
    void walFromAnotherDatabaseIsRefused();
    void ownWalLeftByACrashIsReplayed();
    void damagedOpenNamesTheNewestGoodBackup();

private:
    QTemporaryDir m_base;
    QString m_basePath;
    QByteArray m_baseBytes;
    int m_pageSize = 0;
    QList<int> m_rootPages;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestCorruptWorkspaces::initTestCase()
{
    // One healthy workspace, made fresh by the test; every case below is a damaged copy of it.
    QVERIFY(m_base.isValid());
    m_basePath = m_base.filePath(u"base.strata"_s);
    {
        auto ws = Workspace::open(m_basePath);
        QVERIFY(ws);
        QVERIFY(addModels(*ws.value(), u"Model"_s, kRecords));
    }
    QFile file(m_basePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_baseBytes = file.readAll();
    m_pageSize = (int(quint8(m_baseBytes.at(16))) << 8) | int(quint8(m_baseBytes.at(17)));
    QVERIFY(m_pageSize >= 512);
    QVERIFY(m_baseBytes.size() >= 8 * m_pageSize);
    // The b-tree root pages (tables and indexes): a flip in their header is structural damage SQLite must see.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"roots"_s);
        db.setDatabaseName(u"file:%1?immutable=1"_s.arg(m_basePath)); // reads the file, creates no -wal
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"_s);
        QVERIFY(db.open());
        QSqlQuery q(u"SELECT rootpage FROM sqlite_schema WHERE rootpage > 1 ORDER BY rootpage"_s, db);
        while (q.next())
            m_rootPages << q.value(0).toInt();
    }
    QSqlDatabase::removeDatabase(u"roots"_s);
    QVERIFY(m_rootPages.size() > 5);
    QVERIFY(!QFileInfo::exists(m_basePath + u"-wal"_s));
}

void TestCorruptWorkspaces::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"damaged.strata"_s);
}

void TestCorruptWorkspaces::damagedFileIsReportedAndUntouched_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected"); ///< a word the error must contain

    const QByteArray &base = m_baseBytes;
    const qint64 page = m_pageSize;
    QTest::newRow("empty") << QByteArray() << u"empty"_s;
    for (const qint64 at :
         {qint64(16), qint64(64), qint64(100), page, 3 * page, base.size() / 2, base.size() - page, base.size() - 1})
        QTest::addRow("truncated at %lld", at) << base.left(at) << u"damaged"_s;

    QByteArray bytes = base;
    flipBit(bytes, 3, 5); // "SQLite format 3" no longer
    QTest::newRow("header: magic") << bytes << u"not a SQLite database"_s;
    bytes = base;
    flipBit(bytes, 16, 7); // page size
    QTest::newRow("header: page size") << bytes << u"damaged"_s;
    bytes = base;
    flipBit(bytes, 19, 0); // read version 2 -> 3: a format this SQLite cannot read
    QTest::newRow("header: read version") << bytes << u"damaged"_s;
    bytes = base;
    flipBit(bytes, 68, 1); // application id: no longer Strata's
    QTest::newRow("header: application id") << bytes << u"not a Strata workspace"_s;
    bytes = base;
    flipBit(bytes, 100, 3); // page 1's b-tree header: the schema table
    QTest::newRow("page 1") << bytes << u"damaged"_s;

    QRandomGenerator random(20261128); // the same "random" page on every run
    const int root = m_rootPages.at(random.bounded(int(m_rootPages.size())));
    bytes = base;
    flipBit(bytes, qint64(root - 1) * page, 4);
    QTest::addRow("random page %d", root) << bytes << u"damaged"_s;
    const int zeroed = m_rootPages.at(random.bounded(int(m_rootPages.size())));
    bytes = base;
    bytes.replace(qint64(zeroed - 1) * page, page, QByteArray(page, '\0'));
    QTest::addRow("zeroed page %d", zeroed) << bytes << u"damaged"_s;

    ZipForge zip;
    ForgedEntry entry;
    entry.name = "manifest.json";
    entry.content = R"({"format":"strata-bundle"})";
    zip.entries << entry;
    QTest::newRow("zip renamed") << zip.build() << u"not a SQLite database"_s;
    QTest::newRow("png renamed") << QByteArray::fromHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") +
                                        deterministicBytes(200, 9)
                                 << u"not a SQLite database"_s;
}

void TestCorruptWorkspaces::damagedFileIsReportedAndUntouched()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();
    const QByteArray before = fileHash(m_path);
    const QStringList filesBefore = filesUnder(m_dir->path());

    const auto opened = Workspace::open(m_path, Database::OpenMode::ExistingOnly);
    QVERIFY2(!opened, "a damaged workspace opened");
    const Error &error = opened.error();
    QVERIFY2(error.code == ErrorCode::Integrity || error.code == ErrorCode::InvalidInput, qPrintable(error.message));
    QVERIFY2(error.message.contains(expected), qPrintable(error.message));
    QVERIFY2(error.message.contains(u"damaged.strata"_s), qPrintable(error.message));
    QCOMPARE(fileHash(m_path), before);
    QCOMPARE(filesUnder(m_dir->path()), filesBefore); // no -wal, -shm, lock or scratch file left behind
}

void TestCorruptWorkspaces::walFromAnotherStrataWorkspaceIsRefused()
{
    QVERIFY(QFile::copy(m_basePath, m_path));
    const QString other = m_dir->filePath(u"other.strata"_s);
    {
        auto ws = Workspace::open(other);
        QVERIFY(ws);
        QVERIFY(addModels(*ws.value(), u"Other"_s, 20));
        QVERIFY(keepWalAtClose(*ws.value()));
    }
    QVERIFY(QFileInfo(other + u"-wal"_s).size() > 0);
    QVERIFY(QFile::rename(other + u"-wal"_s, m_path + u"-wal"_s));
    const QByteArray before = fileHash(m_path);
    const QByteArray walBefore = fileHash(m_path + u"-wal"_s);
    const QStringList filesBefore = filesUnder(m_dir->path());

    const auto opened = Workspace::open(m_path, Database::OpenMode::ExistingOnly);
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::Integrity);
    QVERIFY2(opened.error().message.contains(u"another Strata workspace"_s), qPrintable(opened.error().message));
    QVERIFY(opened.error().message.contains(u"damaged.strata-wal"_s));
    QCOMPARE(fileHash(m_path), before);
    QCOMPARE(fileHash(m_path + u"-wal"_s), walBefore);
    QCOMPARE(filesUnder(m_dir->path()), filesBefore);

    // Moved away as the message says, the workspace opens with its own rows only.
    QVERIFY(QFile::rename(m_path + u"-wal"_s, m_dir->filePath(u"moved-wal"_s)));
    auto reopened = Workspace::open(m_path, Database::OpenMode::ExistingOnly);
    QVERIFY(reopened);
    QCOMPARE(recordCount(*reopened.value()), kRecords);
}

void TestCorruptWorkspaces::walFromAnotherDatabaseIsRefused()
{
    QVERIFY(QFile::copy(m_basePath, m_path));
    const QString other = m_dir->filePath(u"other.db"_s);
    QVERIFY(makeForeignSqliteWithWal(other));
    QVERIFY(QFile::rename(other + u"-wal"_s, m_path + u"-wal"_s));
    const QByteArray before = fileHash(m_path);
    const QByteArray walBefore = fileHash(m_path + u"-wal"_s);

    const auto opened = Workspace::open(m_path, Database::OpenMode::ExistingOnly);
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::Integrity);
    QVERIFY2(opened.error().message.contains(u"-wal"_s), qPrintable(opened.error().message));
    QCOMPARE(fileHash(m_path), before);
    QCOMPARE(fileHash(m_path + u"-wal"_s), walBefore);
}

void TestCorruptWorkspaces::ownWalLeftByACrashIsReplayed()
{
    QVERIFY(QFile::copy(m_basePath, m_path));
    {
        auto ws = Workspace::open(m_path, Database::OpenMode::ExistingOnly);
        QVERIFY(ws);
        QVERIFY(addModels(*ws.value(), u"Late"_s, 7));
        QVERIFY(keepWalAtClose(*ws.value()));
    }
    QVERIFY(QFileInfo(m_path + u"-wal"_s).size() > 0);
    auto reopened = Workspace::open(m_path, Database::OpenMode::ExistingOnly);
    QVERIFY2(reopened, reopened ? "" : qPrintable(reopened.error().message));
    QCOMPARE(recordCount(*reopened.value()), kRecords + 7); // committed changes in the -wal are not lost
    QCOMPARE(reopened.value()->checkIntegrity().value(), u"ok"_s);
}

void TestCorruptWorkspaces::damagedOpenNamesTheNewestGoodBackup()
{
    QVERIFY(QFile::copy(m_basePath, m_path));
    QString newest;
    {
        auto ws = Workspace::open(m_path, Database::OpenMode::ExistingOnly);
        QVERIFY(ws);
        QVERIFY(ws.value()->backupGeneration());
        QVERIFY(addModels(*ws.value(), u"Late"_s, 3));
        const auto made = ws.value()->backupGeneration();
        QVERIFY(made);
        newest = made.value().path;
    }
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    file.resize(file.size() / 2);
    file.close();
    const auto opened = Workspace::open(m_path, Database::OpenMode::ExistingOnly);
    QVERIFY(!opened);
    QVERIFY2(opened.error().message.contains(QFileInfo(newest).fileName()), qPrintable(opened.error().message));
    QVERIFY(opened.error().message.contains(u"strata-cli --workspace"_s));
    QVERIFY(opened.error().message.contains(u" restore "_s));
    // And following the advice works.
    QVERIFY(Backups::restore(m_path, newest));
    auto restored = Workspace::open(m_path, Database::OpenMode::ExistingOnly);
    QVERIFY(restored);
    QCOMPARE(recordCount(*restored.value()), kRecords + 3);
}

QTEST_GUILESS_MAIN(TestCorruptWorkspaces)
#include "TestCorruptWorkspaces.moc"
