// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/Database.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

class TestWorkspaceLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void secondOpenInProcessIsRefused();
    void lockIsReleasedOnClose();
    void symlinkHitsTheSameLock();
    void otherProcessHolderIsNamed();
    void lockOfKilledProcessIsRecovered();

private:
    bool startHolder(QProcess &holder, const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestWorkspaceLock::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"w.strata"_s);
}

bool TestWorkspaceLock::startHolder(QProcess &holder, const QString &path)
{
    const QString program = qEnvironmentVariable("STRATA_HOLD_WORKSPACE");
    if (program.isEmpty())
        return false;
    holder.start(program, {path});
    if (!holder.waitForStarted(10000))
        return false;
    // The holder prints HOLDING once the workspace is open and locked.
    while (!holder.canReadLine()) {
        if (!holder.waitForReadyRead(10000))
            return false;
    }
    return holder.readLine().trimmed() == "HOLDING";
}

void TestWorkspaceLock::secondOpenInProcessIsRefused()
{
    auto first = Database::open(m_path);
    QVERIFY(first.ok());
    auto second = Database::open(m_path);
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code, ErrorCode::Locked);
    QVERIFY2(second.error().message.contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(second.error().message));
}

void TestWorkspaceLock::lockIsReleasedOnClose()
{
    {
        auto first = Database::open(m_path);
        QVERIFY(first.ok());
    }
    auto again = Database::open(m_path);
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
}

void TestWorkspaceLock::symlinkHitsTheSameLock()
{
    auto first = Database::open(m_path);
    QVERIFY(first.ok());
    const QString link = m_dir->filePath(u"link.strata"_s);
    QVERIFY(QFile::link(m_path, link));
    auto second = Database::open(link);
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code, ErrorCode::Locked);
}

void TestWorkspaceLock::otherProcessHolderIsNamed()
{
    QProcess holder;
    QVERIFY2(startHolder(holder, m_path), "the helper process did not open the workspace");
    auto second = Database::open(m_path);
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code, ErrorCode::Locked);
    QVERIFY2(second.error().message.contains(QString::number(holder.processId())), qPrintable(second.error().message));
    holder.kill();
    holder.waitForFinished();
}

void TestWorkspaceLock::lockOfKilledProcessIsRecovered()
{
    QProcess holder;
    QVERIFY2(startHolder(holder, m_path), "the helper process did not open the workspace");
    ::kill(static_cast<pid_t>(holder.processId()), SIGKILL);
    QVERIFY(holder.waitForFinished(10000));
    QVERIFY(QFile::exists(m_path + u".lock"_s)); // the dead process could not clean up
    auto reopened = Database::open(m_path, Database::OpenMode::ExistingOnly);
    QVERIFY2(reopened.ok(), reopened.ok() ? "" : qPrintable(reopened.error().message));
    QCOMPARE(reopened.value()->schemaVersion(), Database::latestSchemaVersion());
}

QTEST_GUILESS_MAIN(TestWorkspaceLock)
#include "TestWorkspaceLock.moc"
