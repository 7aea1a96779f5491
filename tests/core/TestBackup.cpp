// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "SqlTamper.h"
#include "TestFiles.h"
#include "WorkspaceFiles.h"
#include "storage/Backups.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

/// S7: backups are checked copies made on the owning connection, kept in generations, and restorable.
class TestBackup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void backupIsACheckedCopyOfTheWorkspace();
    void backupRefusesTheWorkspaceOwnFiles();
    void backupRefusesAFileWithAWal();
    void generationsSortByTimeAndArePruned();
    void migrationMakesABackupFirst();
    void newWorkspaceMakesNoBackup();
    void backupsInterleavedWithWritesRestoreExactly();
    void restoreKeepsTheReplacedWorkspaceWithItsWal();
    void restoreRefusesBadBackups_data();
    void restoreRefusesBadBackups();
    void restoreRefusesAnOpenWorkspace();
    void integrityCheckOnConnectionAndOnPageCopy();

private:
    std::unique_ptr<Workspace> openWorkspace();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestBackup::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"w.strata"_s);
}

std::unique_ptr<Workspace> TestBackup::openWorkspace()
{
    auto opened = Workspace::open(m_path);
    if (!opened)
        qWarning("%s", qPrintable(opened.error().message));
    return opened ? std::move(opened).value() : nullptr;
}

void TestBackup::backupIsACheckedCopyOfTheWorkspace()
{
    auto ws = openWorkspace();
    QVERIFY(ws);
    QVERIFY(addModels(*ws, u"Model"_s, 25));
    const QString file = m_dir->filePath(u"copy.strata"_s);
    const Result<BackupCheck> made = ws->backupTo(file);
    QVERIFY2(made, made ? "" : qPrintable(made.error().message));
    QVERIFY(made.value().intact());
    QCOMPARE(made.value().schemaVersion, Database::latestSchemaVersion());
    QCOMPARE(made.value().path, QFileInfo(file).absoluteFilePath());
    // Nothing but the backup is added beside the workspace: no temporary file, no -wal of the copy.
    const QStringList files = filesUnder(m_dir->path());
    QVERIFY2(!files.join(u' ').contains(u"backup-"_s), qPrintable(files.join(u' ')));
    QVERIFY(!QFileInfo::exists(file + u"-wal"_s));
    // The copy is the same workspace (same identity), opens on its own and holds the same rows.
    QCOMPARE(made.value().identity.size(), 32);
    ws.reset();
    QCOMPARE(Backups::identityOf(m_path).second, made.value().identity);
    auto copy = Workspace::open(file, Database::OpenMode::ExistingOnly);
    QVERIFY(copy);
    QCOMPARE(recordCount(*copy.value()), 25);
    QVERIFY(copy.value()->verifyAudit().value().intact());
}

void TestBackup::backupRefusesTheWorkspaceOwnFiles()
{
    auto ws = openWorkspace();
    QVERIFY(ws);
    QVERIFY(addModels(*ws, u"Model"_s, 3));
    const QStringList own = {m_path, m_path + u"-wal"_s, m_path + u".lock"_s};
    for (const QString &file : own) {
        const Result<BackupCheck> made = ws->backupTo(file);
        QVERIFY2(!made, qPrintable(file));
        QCOMPARE(made.error().code, ErrorCode::InvalidInput);
        QVERIFY(made.error().message.contains(u"workspace itself"_s));
    }
    QCOMPARE(recordCount(*ws), 3);
    QVERIFY(ws->checkIntegrity().value() == u"ok"_s);
}

void TestBackup::backupRefusesAFileWithAWal()
{
    auto ws = openWorkspace();
    QVERIFY(ws);
    const QString other = m_dir->filePath(u"other.strata"_s);
    QFile(other).open(QIODevice::WriteOnly);
    QFile wal(other + u"-wal"_s);
    QVERIFY(wal.open(QIODevice::WriteOnly));
    wal.write("frames of a workspace that was not closed");
    wal.close();
    const Result<BackupCheck> made = ws->backupTo(other);
    QVERIFY(!made);
    QCOMPARE(made.error().code, ErrorCode::Conflict);
    QCOMPARE(QFileInfo(other).size(), 0);
}

void TestBackup::generationsSortByTimeAndArePruned()
{
    auto ws = openWorkspace();
    QVERIFY(ws);
    for (int i = 0; i < Backups::kKeep + 3; ++i) {
        QVERIFY(addModels(*ws, u"Round%1"_s.arg(i), 1));
        const Result<BackupGeneration> made = ws->backupGeneration();
        QVERIFY2(made, made ? "" : qPrintable(made.error().message));
        QCOMPARE(made.value().reason, u"manual"_s);
        QCOMPARE(made.value().schemaVersion, Database::latestSchemaVersion());
    }
    const QList<BackupGeneration> kept = Backups::generations(ws->path());
    QCOMPARE(kept.size(), Backups::kKeep);
    for (qsizetype i = 1; i < kept.size(); ++i)
        QVERIFY(kept.at(i - 1).created > kept.at(i).created);
    // The oldest kept generation holds four rounds (three were pruned); the newest holds every round.
    ws.reset();
    QVERIFY(Backups::restore(m_path, kept.constLast().path));
    QCOMPARE(recordCount(*openWorkspace()), 4);
    QVERIFY(Backups::restore(m_path, kept.constFirst().path));
    QCOMPARE(recordCount(*openWorkspace()), Backups::kKeep + 3);
    // Each restore kept the replaced workspace as the newest generation, and the count stayed at kKeep.
    const QList<BackupGeneration> after = Backups::generations(m_path);
    QCOMPARE(after.size(), Backups::kKeep);
    QCOMPARE(after.constFirst().reason, u"before-restore"_s);
}

void TestBackup::migrationMakesABackupFirst()
{
    const int older = Database::latestSchemaVersion() - 2;
    {
        auto old = Database::open(m_path, Database::OpenMode::CreateIfMissing, older);
        QVERIFY(old);
    }
    auto ws = openWorkspace();
    QVERIFY(ws);
    QCOMPARE(ws->database().schemaVersion(), Database::latestSchemaVersion());
    const QList<BackupGeneration> kept = Backups::generations(ws->path());
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.constFirst().reason, u"before-migration"_s);
    QCOMPARE(kept.constFirst().schemaVersion, older);
    QVERIFY2(QFileInfo(kept.constFirst().path).fileName().contains(u"_s%1_"_s.arg(older, 3, 10, QLatin1Char('0'))),
             qPrintable(kept.constFirst().path));
    const Result<BackupCheck> check = Backups::inspect(kept.constFirst().path);
    QVERIFY(check);
    QVERIFY(check.value().intact());
    QCOMPARE(check.value().schemaVersion, older);
}

void TestBackup::newWorkspaceMakesNoBackup()
{
    auto ws = openWorkspace();
    QVERIFY(ws);
    QVERIFY(Backups::generations(ws->path()).isEmpty());
    QVERIFY(!QFileInfo::exists(Backups::folderFor(ws->path())));
}

void TestBackup::backupsInterleavedWithWritesRestoreExactly()
{
    // Rounds of writes, each followed by a backup; every backup must restore to exactly its round's state.
    QList<std::pair<QString, int>> backups;
    {
        auto ws = openWorkspace();
        QVERIFY(ws);
        int total = 0;
        for (int round = 0; round < 6; ++round) {
            const int added = 3 + round * 7;
            QVERIFY(addModels(*ws, u"R%1"_s.arg(round), added));
            total += added;
            const QString file = m_dir->filePath(u"round%1.strata"_s.arg(round));
            if (round % 2 == 0)
                QVERIFY(ws->backupGeneration()); // generations and explicit files go through the same path
            QVERIFY(ws->backupTo(file));
            backups.append({file, total});
            QVERIFY(addModels(*ws, u"After%1"_s.arg(round), 2)); // written after the backup: must not be in it
            total += 2;
        }
    }
    for (const auto &[file, expected] : backups) {
        const Result<RestoreResult> restored = Backups::restore(m_path, file);
        QVERIFY2(restored, restored ? "" : qPrintable(restored.error().message));
        auto ws = openWorkspace();
        QVERIFY(ws);
        QCOMPARE(recordCount(*ws), expected);
        QCOMPARE(ws->checkIntegrity().value(), u"ok"_s);
        QVERIFY(ws->verifyAudit().value().intact());
    }
}

void TestBackup::restoreKeepsTheReplacedWorkspaceWithItsWal()
{
    const QString file = m_dir->filePath(u"early.strata"_s);
    {
        auto ws = openWorkspace();
        QVERIFY(ws);
        QVERIFY(addModels(*ws, u"Early"_s, 4));
        QVERIFY(ws->backupTo(file));
        QVERIFY(addModels(*ws, u"Late"_s, 5));
        QVERIFY(keepWalAtClose(*ws)); // the last changes stay in the -wal, as after a crash
    }
    QVERIFY(QFileInfo(m_path + u"-wal"_s).size() > 0);
    const Result<RestoreResult> restored = Backups::restore(m_path, file);
    QVERIFY2(restored, restored ? "" : qPrintable(restored.error().message));
    // The old -wal went with the old file: nothing is left for the restored file to be paired with.
    QVERIFY(!QFileInfo::exists(m_path + u"-wal"_s));
    QVERIFY(QFileInfo(restored.value().keptAs + u"-wal"_s).size() > 0);
    QCOMPARE(recordCount(*openWorkspace()), 4);
    // The kept pair is the whole replaced workspace: opened, it shows the changes that were only in its -wal.
    auto kept = Workspace::open(restored.value().keptAs, Database::OpenMode::ExistingOnly);
    QVERIFY2(kept, kept ? "" : qPrintable(kept.error().message));
    QCOMPARE(recordCount(*kept.value()), 9);
}

void TestBackup::restoreRefusesBadBackups_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<int>("code");
    QTest::newRow("page flipped") << u"flip"_s << int(ErrorCode::Integrity);
    QTest::newRow("newer schema") << u"newer"_s << int(ErrorCode::Unsupported);
    QTest::newRow("other sqlite") << u"foreign"_s << int(ErrorCode::InvalidInput);
    QTest::newRow("png") << u"png"_s << int(ErrorCode::InvalidInput);
    QTest::newRow("missing") << u"missing"_s << int(ErrorCode::NotFound);
}

void TestBackup::restoreRefusesBadBackups()
{
    QFETCH(QString, damage);
    QFETCH(int, code);
    const QString file = m_dir->filePath(u"bad.strata"_s);
    {
        auto ws = openWorkspace();
        QVERIFY(ws);
        QVERIFY(addModels(*ws, u"Model"_s, 40));
        QVERIFY(ws->backupTo(file));
    }
    QFile bad(file);
    if (damage == u"flip"_s) {
        QVERIFY(bad.open(QIODevice::ReadWrite));
        const qint64 page = 4096;
        QVERIFY(bad.size() > 3 * page);
        bad.seek(2 * page); // the b-tree header of page 3: its type byte
        bad.write(QByteArray(1, char(0x55)));
        bad.close();
    } else if (damage == u"newer"_s) {
        QVERIFY(execOnFile(file, u"PRAGMA user_version = %1"_s.arg(Database::latestSchemaVersion() + 1)));
    } else if (damage == u"foreign"_s) {
        QFile::remove(file);
        QVERIFY(execOnFile(file, u"CREATE TABLE t (x)"_s));
    } else if (damage == u"png"_s) {
        QVERIFY(bad.open(QIODevice::WriteOnly | QIODevice::Truncate));
        bad.write(QByteArray::fromHex("89504e470d0a1a0a0000000d49484452") + deterministicBytes(300, 7));
        bad.close();
    } else {
        QFile::remove(file);
    }
    const QByteArray before = fileHash(m_path);
    const QStringList filesBefore = filesUnder(m_dir->path());
    const Result<RestoreResult> restored = Backups::restore(m_path, file);
    QVERIFY(!restored);
    QCOMPARE(int(restored.error().code), code);
    QVERIFY(restored.error().message.contains(QFileInfo(file).fileName()));
    QCOMPARE(fileHash(m_path), before);
    QCOMPARE(filesUnder(m_dir->path()), filesBefore); // no generation, no temporary file, no lock left
    QCOMPARE(recordCount(*openWorkspace()), 40);
}

void TestBackup::restoreRefusesAnOpenWorkspace()
{
    auto ws = openWorkspace();
    QVERIFY(ws);
    QVERIFY(addModels(*ws, u"Model"_s, 2));
    const QString file = m_dir->filePath(u"b.strata"_s);
    QVERIFY(ws->backupTo(file));
    QVERIFY(addModels(*ws, u"More"_s, 2));
    const Result<RestoreResult> restored = Backups::restore(m_path, file);
    QVERIFY(!restored);
    QCOMPARE(restored.error().code, ErrorCode::Locked);
    QCOMPARE(recordCount(*ws), 4);
    QVERIFY(Backups::generations(m_path).isEmpty());
}

void TestBackup::integrityCheckOnConnectionAndOnPageCopy()
{
    auto ws = openWorkspace();
    QVERIFY(ws);
    QVERIFY(addModels(*ws, u"Model"_s, 30));
    QCOMPARE(ws->checkIntegrity().value(), u"ok"_s);
    const QString copy = m_dir->filePath(u"pages.db"_s);
    QVERIFY(ws->database().copyPagesInto(copy));
    QCOMPARE(Backups::integrityOfCopy(copy).value(), u"ok"_s);
    // The page copy keeps a damaged page as it is, so the check of the copy finds it.
    QFile f(copy);
    QVERIFY(f.open(QIODevice::ReadWrite));
    f.seek(2 * 4096);
    f.write(QByteArray(1, char(0x55)));
    f.close();
    QVERIFY(Backups::integrityOfCopy(copy).value() != u"ok"_s);
}

QTEST_GUILESS_MAIN(TestBackup)
#include "TestBackup.moc"
