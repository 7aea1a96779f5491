// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CliRunner.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

/// Drives `strata-cli key` and `verify-model` as a pipeline would: identities across workspaces, exit codes, and
/// model-signature verdicts against the OpenSSF fixture.
class TestCliTrust : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void keyRoundTripBetweenWorkspaces();
    void keyNewNeedsAPassphrase();
    void keyNewNeverOverwrites();
    void badPublicKeysAreRefused_data();
    void badPublicKeysAreRefused();
    void usageErrors_data();
    void usageErrors();
    void verifyModelVerdicts();
    void verifyModelKeepsTheReportOnTheRecord();

private:
    QString path(const QString &name) const { return QDir(m_dir->path()).filePath(name); }
    QString write(const QString &name, const QByteArray &data) const;
    /// A writable copy of the fixture's signed folder, or empty when the fixture is absent.
    QString copyFixture() const;
    static QString fixtures() { return QStringLiteral(STRATA_FIXTURES_DIR) + u"/model-signing"_s; }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CliRunner> m_cli;
};

void TestCliTrust::init()
{
    qputenv("STRATA_PASSPHRASE", "correct horse battery");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cli = std::make_unique<CliRunner>(m_dir->path());
    const CliRun created = m_cli->run({u"init"_s});
    QVERIFY2(created.exitCode == 0, created.err.constData());
}

void TestCliTrust::cleanup()
{
    QDirIterator it(m_dir->path(), QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        QFile::setPermissions(it.next(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    m_dir.reset();
}

QString TestCliTrust::write(const QString &name, const QByteArray &data) const
{
    QFile file(path(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return {};
    return path(name);
}

QString TestCliTrust::copyFixture() const
{
    const QDir source(fixtures() + u"/v1.1.0-elliptic-key"_s);
    if (!source.exists(u"model.sig"_s))
        return {};
    const QString target = path(u"model"_s);
    QDir().mkpath(target);
    for (const QString &name : source.entryList(QDir::Files | QDir::Hidden)) {
        QFile::copy(source.filePath(name), QDir(target).filePath(name));
        QFile::setPermissions(QDir(target).filePath(name), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return target;
}

void TestCliTrust::keyRoundTripBetweenWorkspaces()
{
    const CliRun created = m_cli->run({u"--json"_s, u"key"_s, u"new"_s, u"--name"_s, u"Mei Chen"_s, u"--role"_s,
                                       u"security-lead"_s, u"-o"_s, path(u"mei.key"_s)});
    QVERIFY2(created.exitCode == 0, created.err.constData());
    const QString fingerprint =
        created.json().object().value(u"identity"_s).toObject().value(u"fingerprint_sha256"_s).toString();
    QCOMPARE(fingerprint.size(), 64);
    QCOMPARE(QFile::permissions(path(u"mei.key"_s)) &
                 (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QVERIFY(QFile::exists(path(u"mei.key.pub"_s)));

    const CliRun listed = m_cli->run({u"--json"_s, u"key"_s, u"list"_s});
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(listed.json().array().size(), 1);
    QCOMPARE(listed.json().array().first().toObject().value(u"fingerprint_sha256"_s).toString(), fingerprint);
    const CliRun text = m_cli->run({u"key"_s, u"list"_s});
    QVERIFY(text.out.contains(fingerprint.toLatin1()));
    QVERIFY(text.out.contains("security lead"));

    // Another workspace imports the .pub written by key new, a third one an explicit export.
    QDir().mkpath(path(u"second"_s));
    CliRunner second(path(u"second"_s));
    QCOMPARE(second.run({u"init"_s}).exitCode, 0);
    const CliRun imported = second.run({u"--json"_s, u"key"_s, u"import"_s, path(u"mei.key.pub"_s)});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    QCOMPARE(imported.json().object().value(u"fingerprint_sha256"_s).toString(), fingerprint);
    QCOMPARE(imported.json().object().value(u"name"_s).toString(), u"Mei Chen"_s);
    QCOMPARE(imported.json().object().value(u"role"_s).toString(), u"security-lead"_s);
    const CliRun again = second.run({u"key"_s, u"import"_s, path(u"mei.key.pub"_s)});
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.error().contains(u"Mei Chen"_s));

    QCOMPARE(m_cli->run({u"key"_s, u"export"_s, fingerprint.left(10), u"-o"_s, path(u"exported.pub"_s)}).exitCode, 0);
    QDir().mkpath(path(u"third"_s));
    CliRunner third(path(u"third"_s));
    QCOMPARE(third.run({u"init"_s}).exitCode, 0);
    const CliRun fromExport = third.run({u"--json"_s, u"key"_s, u"import"_s, path(u"exported.pub"_s)});
    QCOMPARE(fromExport.exitCode, 0);
    QCOMPARE(fromExport.json().object().value(u"fingerprint_sha256"_s).toString(), fingerprint);
}

void TestCliTrust::keyNewNeedsAPassphrase()
{
    qunsetenv("STRATA_PASSPHRASE");
    const CliRun run =
        m_cli->run({u"key"_s, u"new"_s, u"--name"_s, u"Ana"_s, u"--role"_s, u"analyst"_s, u"-o"_s, path(u"ana.key"_s)});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.error().contains(u"STRATA_PASSPHRASE"_s));
    QVERIFY(!QFile::exists(path(u"ana.key"_s)));
    qputenv("STRATA_PASSPHRASE", "short");
    const CliRun tooShort =
        m_cli->run({u"key"_s, u"new"_s, u"--name"_s, u"Ana"_s, u"--role"_s, u"analyst"_s, u"-o"_s, path(u"ana.key"_s)});
    QCOMPARE(tooShort.exitCode, 2);
    QVERIFY(!QFile::exists(path(u"ana.key"_s)));
    QVERIFY(m_cli->run({u"--json"_s, u"key"_s, u"list"_s}).json().array().isEmpty());
}

void TestCliTrust::keyNewNeverOverwrites()
{
    const QString existing = write(u"precious.key"_s, "do not lose me");
    const CliRun run =
        m_cli->run({u"key"_s, u"new"_s, u"--name"_s, u"Ana"_s, u"--role"_s, u"analyst"_s, u"-o"_s, existing});
    QCOMPARE(run.exitCode, 1);
    QFile file(existing);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("do not lose me"));
    QVERIFY(m_cli->run({u"--json"_s, u"key"_s, u"list"_s}).json().array().isEmpty());
}

void TestCliTrust::badPublicKeysAreRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("garbage") << QByteArray("hello\n");
    QTest::newRow("bad base64") << QByteArray("-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n");
    // An ECDSA P-256 public key: a real key, but not an Ed25519 signing identity.
    QTest::newRow("ecdsa") << QByteArray("-----BEGIN PUBLIC KEY-----\n"
                                         "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEVs/o5+uQbTjL3chynL4wXgUg2R9\n"
                                         "q9UU8I5mEovUf86QZ7kOBIjJwqnzD1omageEHWwHdBO6B+dFabmdT9POxg==\n"
                                         "-----END PUBLIC KEY-----\n");
    QTest::newRow("oversize") << QByteArray(70000, 'a');
}

void TestCliTrust::badPublicKeysAreRefused()
{
    QFETCH(QByteArray, content);
    const CliRun run = m_cli->run({u"key"_s, u"import"_s, write(u"bad.pub"_s, content), u"--name"_s, u"X"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.error().contains(u"bad.pub"_s), run.err.constData());
    QVERIFY(m_cli->run({u"--json"_s, u"key"_s, u"list"_s}).json().array().isEmpty());
}

void TestCliTrust::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("key alone") << args({"key"});
    QTest::newRow("key new without name") << args({"key", "new", "--role", "analyst", "-o", "k.key"});
    QTest::newRow("key new without output") << args({"key", "new", "--name", "A", "--role", "analyst"});
    QTest::newRow("key new empty custom role") << args({"key", "new", "--name", "A", "--role", "", "-o", "k.key"});
    QTest::newRow("key unknown") << args({"key", "burn"});
    QTest::newRow("key list extra") << args({"key", "list", "x"});
    QTest::newRow("verify-model no key") << args({"verify-model", ".", "--signature", "model.sig"});
    QTest::newRow("verify-model no dir") << args({"verify-model", "--signature", "s", "--public-key", "k"});
}

void TestCliTrust::usageErrors()
{
    QFETCH(QStringList, arguments);
    const CliRun run = m_cli->run(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.error().isEmpty());
}

void TestCliTrust::verifyModelVerdicts()
{
    const QString model = copyFixture();
    if (model.isEmpty())
        QSKIP("The OpenSSF model-signing fixture (fixtures/model-signing/v1.1.0-elliptic-key) is not present.");
    const QString key = fixtures() + u"/signing-key-pub.pem"_s;
    const QStringList verify = {u"verify-model"_s, model, u"--signature"_s, model + u"/model.sig"_s,
                                u"--public-key"_s, key};
    const CliRun passed = m_cli->runRaw(QStringList{u"--json"_s} + verify);
    QVERIFY2(passed.exitCode == 0, passed.err.constData());
    QCOMPARE(passed.json().object().value(u"verdict"_s).toString(), u"passed"_s);
    QCOMPARE(passed.json().object().value(u"covered_files"_s).toInt(), 2);

    // An extra file and a changed byte: exit 1, each named.
    QFile extra(model + u"/extra.bin"_s);
    QVERIFY(extra.open(QIODevice::WriteOnly));
    extra.write("x");
    extra.close();
    QFile changed(model + u"/signme-2"_s);
    QVERIFY(changed.open(QIODevice::Append));
    changed.write("!");
    changed.close();
    const CliRun failed = m_cli->runRaw(verify);
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.out.contains("extra.bin"), failed.out.constData());
    QVERIFY(failed.out.contains("signme-2"));
    QVERIFY(!failed.out.contains("signme-1"));

    // Another key: exit 1 with one line on stderr.
    const QString other = write(u"other.pem"_s, "-----BEGIN PUBLIC KEY-----\n"
                                                "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEVs/o5+uQbTjL3chynL4wXgUg2R9\n"
                                                "q9UU8I5mEovUf86QZ7kOBIjJwqnzD1omageEHWwHdBO6B+dFabmdT9POxg==\n"
                                                "-----END PUBLIC KEY-----\n");
    const CliRun wrongKey =
        m_cli->runRaw({u"verify-model"_s, model, u"--signature"_s, model + u"/model.sig"_s, u"--public-key"_s, other});
    QCOMPARE(wrongKey.exitCode, 1);
    QVERIFY(wrongKey.error().contains(u"does not verify"_s));
    QCOMPARE(wrongKey.errorLines().size(), 1);
}

void TestCliTrust::verifyModelKeepsTheReportOnTheRecord()
{
    const QString model = copyFixture();
    if (model.isEmpty())
        QSKIP("The OpenSSF model-signing fixture (fixtures/model-signing/v1.1.0-elliptic-key) is not present.");
    QVERIFY(m_cli->add({u"model"_s, u"--name"_s, u"elliptic"_s}) > 0);
    const CliRun run =
        m_cli->run({u"--json"_s, u"verify-model"_s, model, u"--signature"_s, model + u"/model.sig"_s, u"--public-key"_s,
                    fixtures() + u"/signing-key-pub.pem"_s, u"--record"_s, u"elliptic"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString sha256 = run.json().object().value(u"evidence"_s).toObject().value(u"sha256"_s).toString();
    QCOMPARE(sha256.size(), 64);
    const QJsonArray evidence = m_cli->run({u"--json"_s, u"evidence"_s, u"list"_s}).json().array();
    QCOMPARE(evidence.size(), 1);
    QCOMPARE(evidence.first().toObject().value(u"sha256"_s).toString(), sha256);
    QVERIFY(evidence.first().toObject().value(u"title"_s).toString().contains(u"elliptic"_s));
}

QTEST_GUILESS_MAIN(TestCliTrust)
#include "TestCliTrust.moc"
