// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "util/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

class TestAtomicFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesANewFile();
    void replacesAnExistingFileWhole();
    void refusesADirectory();
    void failureLeavesTheOldFileIntact();

private:
    static QByteArray contents(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
};

void TestAtomicFile::writesANewFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"out.json"_s);
    QVERIFY(AtomicFile::write(path, "{\"a\":1}").ok());
    QCOMPARE(contents(path), QByteArray("{\"a\":1}"));
    // Nothing but the file itself is left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"out.json"_s});
}

void TestAtomicFile::replacesAnExistingFileWhole()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"out.json"_s);
    QVERIFY(AtomicFile::write(path, QByteArray(10000, 'x')).ok());
    QVERIFY(AtomicFile::write(path, "short").ok());
    QCOMPARE(contents(path), QByteArray("short"));
}

void TestAtomicFile::refusesADirectory()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(u"sub"_s));
    const Status s = AtomicFile::write(dir.filePath(u"sub"_s), "x");
    QVERIFY(!s.ok());
    QVERIFY(s.error().message.contains(u"sub"_s));
}

void TestAtomicFile::failureLeavesTheOldFileIntact()
{
    if (::geteuid() == 0)
        QSKIP("root ignores folder permissions, so a write cannot be made to fail this way");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"out.json"_s);
    QVERIFY(AtomicFile::write(path, "original").ok());
    QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const Status s = AtomicFile::write(path, "replacement");
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::Io);
    QCOMPARE(contents(path), QByteArray("original"));
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "TestAtomicFile.moc"
