// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "workspace/Workspace.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

Q_DECLARE_METATYPE(strata::AuditDamage)

/// Promise A1 from the outside: someone with the workspace file and the sqlite3 tool edits, deletes, swaps, forges
/// and drops audit rows; the verifier names the first bad seq each time.
class TestAuditTamper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void triggersRefuseEdits();
    void verifierNamesTheFirstBadRow_data();
    void verifierNamesTheFirstBadRow();
    void droppedTailIsCaughtByTheCheckpoint();
    void standaloneVerifierAgrees();

private:
    /// A fresh copy of the 1,001-row workspace.
    QString copy(const QString &name);
    /// Runs SQL through the sqlite3 command-line tool; returns its stderr (empty on success).
    QString sqlite(const QString &path, const QString &sql);
    Result<AuditVerification> verify(const QString &path, const std::optional<AuditHead> &checkpoint = {});

    QTemporaryDir m_dir;
    QString m_sqlite;
    QString m_original;
    AuditHead m_head;
};

void TestAuditTamper::initTestCase()
{
    m_sqlite = QStandardPaths::findExecutable(u"sqlite3"_s);
    if (m_sqlite.isEmpty())
        QSKIP("The sqlite3 command-line tool is not installed (scripts/deps.sh installs it); the tamper tests need "
              "it to change the file the way an attacker would.");
    QVERIFY(m_dir.isValid());
    m_original = m_dir.filePath(u"original.strata"_s);
    auto ws = Workspace::open(m_original);
    QVERIFY(ws.ok());
    const Status s = ws.value()->batch([&]() -> Status {
        for (int i = 0; i < 1000; ++i) {
            Record r;
            r.kind = RecordKind::Software;
            r.name = u"lib-%1"_s.arg(i);
            if (Result<qint64> id = ws.value()->createRecord(r); !id)
                return id.error();
        }
        return Ok{};
    });
    QVERIFY(s.ok());
    m_head = ws.value()->auditHead().value();
    QVERIFY(m_head.seq >= 1000);
}

QString TestAuditTamper::copy(const QString &name)
{
    const QString path = m_dir.filePath(name + u".strata"_s);
    QFile::remove(path);
    if (!QFile::copy(m_original, path))
        return {};
    return path;
}

QString TestAuditTamper::sqlite(const QString &path, const QString &sql)
{
    QProcess p;
    p.start(m_sqlite, {u"-bail"_s, path, sql});
    if (!p.waitForFinished(30000))
        return u"sqlite3 did not finish"_s;
    const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    if (p.exitCode() != 0 && err.isEmpty())
        return u"sqlite3 exited with %1"_s.arg(p.exitCode());
    return err;
}

Result<AuditVerification> TestAuditTamper::verify(const QString &path, const std::optional<AuditHead> &checkpoint)
{
    auto ws = Workspace::open(path, Database::OpenMode::ExistingOnly);
    if (!ws)
        return ws.error();
    return ws.value()->verifyAudit(checkpoint);
}

void TestAuditTamper::triggersRefuseEdits()
{
    const QString path = copy(u"triggers"_s);
    QVERIFY(!path.isEmpty());
    QVERIFY(sqlite(path, u"UPDATE audit SET actor = 'mallory' WHERE seq = 5;"_s).contains(u"append-only"_s));
    QVERIFY(sqlite(path, u"DELETE FROM audit WHERE seq = 5;"_s).contains(u"append-only"_s));
    const Result<AuditVerification> v = verify(path, m_head);
    QVERIFY(v.ok());
    QVERIFY2(v.value().intact(), qPrintable(v.value().message));
}

void TestAuditTamper::verifierNamesTheFirstBadRow_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<AuditDamage>("damage");
    QTest::addColumn<qint64>("firstBad");
    // The triggers only stop accidents: each attack drops them first.
    const QString noUpdate = u"DROP TRIGGER audit_no_update; "_s;
    const QString noDelete = u"DROP TRIGGER audit_no_delete; "_s;
    QTest::addRow("field edited") << noUpdate + u"UPDATE audit SET after_json = '{}' WHERE seq = 500;"_s
                                  << AuditDamage::Changed << qint64(500);
    QTest::addRow("row deleted") << noDelete + u"DELETE FROM audit WHERE seq = 300;"_s << AuditDamage::Removed
                                 << qint64(300);
    QTest::addRow("two seq swapped") << noUpdate + u"UPDATE audit SET seq = -1 WHERE seq = 200; "
                                                   "UPDATE audit SET seq = 200 WHERE seq = 700; "
                                                   "UPDATE audit SET seq = 700 WHERE seq = -1;"_s
                                     << AuditDamage::Reordered << qint64(200);
    QTest::addRow("forged row inserted")
        << noUpdate + u"UPDATE audit SET seq = seq + 1000000 WHERE seq >= 400; "
                      "UPDATE audit SET seq = seq - 999999 WHERE seq >= 1000000; "
                      "INSERT INTO audit (seq, actor, at, action, entity_kind, entity_id, before_json, after_json, "
                      "prev_hash, hash) SELECT 400, 'mallory', at, 'record.remove', entity_kind, entity_id, "
                      "after_json, '{}', prev_hash, hash FROM audit WHERE seq = 401;"_s
        << AuditDamage::Inserted << qint64(400);
}

void TestAuditTamper::verifierNamesTheFirstBadRow()
{
    QFETCH(QString, sql);
    QFETCH(AuditDamage, damage);
    QFETCH(qint64, firstBad);
    const QString path = copy(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
    QVERIFY(!path.isEmpty());
    const QString err = sqlite(path, sql);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    const Result<AuditVerification> v = verify(path);
    QVERIFY2(v.ok(), v.ok() ? "" : qPrintable(v.error().message));
    QVERIFY(!v.value().intact());
    QCOMPARE(v.value().damage, damage);
    QCOMPARE(v.value().firstBadSeq, firstBad);
    QVERIFY2(v.value().message.contains(QString::number(firstBad)), qPrintable(v.value().message));
}

void TestAuditTamper::droppedTailIsCaughtByTheCheckpoint()
{
    const QString path = copy(u"tail"_s);
    QVERIFY(!path.isEmpty());
    const QString err = sqlite(path, u"DROP TRIGGER audit_no_delete; "
                                     "DELETE FROM audit WHERE seq > (SELECT max(seq) - 10 FROM audit);"_s);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    // On its own the shorter chain is consistent; the checkpoint a sign-off carried shows the loss.
    const Result<AuditVerification> alone = verify(path);
    QVERIFY(alone.ok());
    QVERIFY(alone.value().intact());
    QCOMPARE(alone.value().head.seq, m_head.seq - 10);
    const Result<AuditVerification> v = verify(path, m_head);
    QVERIFY(v.ok());
    QCOMPARE(v.value().damage, AuditDamage::Truncated);
    QCOMPARE(v.value().firstBadSeq, m_head.seq - 9);
    QVERIFY2(v.value().message.contains(QString::number(m_head.seq)), qPrintable(v.value().message));
}

void TestAuditTamper::standaloneVerifierAgrees()
{
    // scripts/verify-audit.py recomputes the chain from the documented format alone, without Strata's code.
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty())
        QSKIP("python3 is not installed; the standalone verifier needs it.");
    const QString script = QStringLiteral(STRATA_SOURCE_DIR) + u"/scripts/verify-audit.py"_s;
    const auto run = [&](const QStringList &arguments, QString *out) {
        QProcess p;
        p.start(python, QStringList{script} + arguments);
        if (!p.waitForFinished(30000))
            return -1;
        *out = QString::fromUtf8(p.readAllStandardOutput());
        return p.exitCode();
    };
    QString out;
    QCOMPARE(run({m_original, u"--checkpoint"_s, m_head.toString()}, &out), 0);
    QVERIFY2(out.contains(m_head.toString()), qPrintable(out));
    const QString path = copy(u"standalone"_s);
    QVERIFY(sqlite(path, u"DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'x' WHERE seq = 77;"_s).isEmpty());
    QCOMPARE(run({path}, &out), 1);
    QVERIFY2(out.contains(u"row 77:"_s), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestAuditTamper)
#include "TestAuditTamper.moc"
