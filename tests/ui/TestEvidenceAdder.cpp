// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ScriptedPrompter.h"
#include "TestFiles.h"
#include "UiTestSupport.h"
#include "evidence/EvidenceAdder.h"
#include "evidence/EvidenceStore.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

/// Evidence added from the GUI is copied off the GUI thread and recorded only when the copy completed.
class TestEvidenceAdder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void addsAndDeduplicates();
    void cancelLeavesNoRowAndNoTemporaryFile();
    void unreadableFileIsRefusedBeforeCopying();

private:
    QString writeFile(const QString &name, qint64 size);

    std::unique_ptr<TempWorkspace> m_temp;
    std::unique_ptr<QWidget> m_window;
    ScriptedPrompter m_prompter;
};

void TestEvidenceAdder::initTestCase()
{
    isolateSettings();
}

void TestEvidenceAdder::init()
{
    m_prompter = ScriptedPrompter();
    m_temp = std::make_unique<TempWorkspace>();
    const QByteArray error = m_temp->open();
    QVERIFY2(error.isEmpty(), error.constData());
    m_window = std::make_unique<QWidget>();
}

void TestEvidenceAdder::cleanup()
{
    m_window.reset();
    QThreadPool::globalInstance()->waitForDone();
    m_temp.reset();
}

QString TestEvidenceAdder::writeFile(const QString &name, qint64 size)
{
    const QString path = m_temp->dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QByteArray block(1024 * 1024, '\0');
    for (int i = 0; i < block.size(); ++i)
        block[i] = char((i * 31 + name.size()) & 0xff);
    for (qint64 written = 0; written < size; written += block.size())
        file.write(block.constData(), std::min<qint64>(block.size(), size - written));
    return path;
}

void TestEvidenceAdder::addsAndDeduplicates()
{
    EvidenceAdder adder(&m_prompter, m_window.get());
    adder.setWorkspace(m_temp->workspace.get());
    const QString path = writeFile(u"report.bin"_s, 3 * 1024 * 1024 + 17);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString expected =
        QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
    QSignalSpy added(&adder, &EvidenceAdder::evidenceAdded);
    QSignalSpy finished(&adder, &EvidenceAdder::finished);
    adder.addFiles({path}, u"ctx"_s);
    QVERIFY(adder.isRunning());
    QVERIFY(finished.wait(30000));
    QCOMPARE(added.size(), 1);
    const auto evidence = added.at(0).at(0).value<Evidence>();
    QCOMPARE(evidence.sha256, expected);
    QCOMPARE(added.at(0).at(1).toBool(), true);
    QCOMPARE(added.at(0).at(2).toString(), u"ctx"_s);
    QCOMPARE(finished.at(0).at(0).toInt(), 1);
    QCOMPARE(finished.at(0).at(1).toBool(), false);
    QVERIFY(QFileInfo::exists(EvidenceStore(m_temp->workspace->evidenceFolder()).blobPath(expected)));

    adder.addFiles({path});
    QVERIFY(finished.wait(30000));
    QCOMPARE(added.size(), 2);
    QCOMPARE(added.at(1).at(1).toBool(), false); // the same content is stored once
    QCOMPARE(m_temp->workspace->evidence().value().size(), 1);
    QVERIFY(m_prompter.errors.isEmpty());
}

void TestEvidenceAdder::cancelLeavesNoRowAndNoTemporaryFile()
{
    EvidenceAdder adder(&m_prompter, m_window.get());
    adder.setWorkspace(m_temp->workspace.get());
    const QString path = writeFile(u"large.bin"_s, 48 * 1024 * 1024);
    QSignalSpy added(&adder, &EvidenceAdder::evidenceAdded);
    QSignalSpy finished(&adder, &EvidenceAdder::finished);
    adder.addFiles({path});
    adder.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(1).toBool(), true);
    QVERIFY(!adder.isRunning());
    // The copy stops on its own; wait for it, and for any event it would deliver.
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(50);
    QCOMPARE(added.size(), 0);
    QVERIFY(m_temp->workspace->evidence().value().isEmpty());
    const EvidenceStore store(m_temp->workspace->evidenceFolder());
    QVERIFY2(filesUnder(store.temporaryFolder()).isEmpty(),
             qPrintable(filesUnder(store.temporaryFolder()).join(u", "_s)));
    QVERIFY2(filesUnder(store.root()).isEmpty(), qPrintable(filesUnder(store.root()).join(u", "_s)));
}

void TestEvidenceAdder::unreadableFileIsRefusedBeforeCopying()
{
    EvidenceAdder adder(&m_prompter, m_window.get());
    adder.setWorkspace(m_temp->workspace.get());
    QSignalSpy running(&adder, &EvidenceAdder::runningChanged);
    adder.addFiles({m_temp->dir.filePath(u"missing.pdf"_s)});
    QCOMPARE(running.size(), 0);
    QCOMPARE(m_prompter.errors.size(), 1);
    QVERIFY2(m_prompter.errors.constFirst().contains(u"missing.pdf"_s), qPrintable(m_prompter.errors.constFirst()));
    QVERIFY(m_temp->workspace->evidence().value().isEmpty());
}

QTEST_MAIN(TestEvidenceAdder)
#include "TestEvidenceAdder.moc"
