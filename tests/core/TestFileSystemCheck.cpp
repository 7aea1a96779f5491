// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/FileSystemCheck.h"

#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

/// Promise S2: a workspace on a network or FUSE file system, where fsync and locks cannot be trusted, is opened
/// with a warning that names the file system; one on a local disk is opened without a word.
class TestFileSystemCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typesAreClassified_data();
    void typesAreClassified();
    void localDiskGivesNoWarning();
};

void TestFileSystemCheck::typesAreClassified_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<int>("kind");
    const int local = int(FileSystemCheck::Kind::Local);
    const int network = int(FileSystemCheck::Kind::Network);
    const int fuse = int(FileSystemCheck::Kind::Fuse);
    for (const char *type : {"ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs", "f2fs", "vfat", "ntfs3"})
        QTest::newRow(type) << QByteArray(type) << local;
    for (const char *type : {"nfs", "nfs4", "cifs", "smb3", "9p", "ceph", "glusterfs", "lustre", "NFS4"})
        QTest::newRow(type) << QByteArray(type) << network;
    for (const char *type : {"fuse", "fuseblk", "fuse.sshfs", "fuse.rclone", "fuse.gvfsd-fuse"})
        QTest::newRow(type) << QByteArray(type) << fuse;
}

void TestFileSystemCheck::typesAreClassified()
{
    QFETCH(QByteArray, type);
    QFETCH(int, kind);
    QCOMPARE(int(FileSystemCheck::classify(type)), kind);
}

void TestFileSystemCheck::localDiskGivesNoWarning()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray type = QStorageInfo(dir.path()).fileSystemType();
    if (FileSystemCheck::classify(type) != FileSystemCheck::Kind::Local)
        QSKIP(qPrintable(u"the temporary folder is itself on %1, not a local disk"_s.arg(QString::fromLatin1(type))));
    QCOMPARE(FileSystemCheck::warningFor(dir.filePath(u"w.strata"_s)), QString());
}

QTEST_GUILESS_MAIN(TestFileSystemCheck)
#include "TestFileSystemCheck.moc"
