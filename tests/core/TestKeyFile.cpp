// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "trust/Identity.h"
#include "trust/KeyFile.h"
#include "trust/Keys.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

class TestKeyFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void writesPrivateFileAndReadsItBack();
    void usesAtLeast600000Pbkdf2Rounds();
    void refusesWrongPassphrase();
    void refusesKeysThatAskForTooMuchWork_data();
    void refusesKeysThatAskForTooMuchWork();
    void refusesTamperedFiles_data();
    void refusesTamperedFiles();
    void neverOverwritesAKeyFile();
    void refusesKeyFileOthersCanRead();
    void identityRoundTripBetweenWorkspaces();
    void identityChecks();
    void findsIdentityByFingerprintPrefix();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    static mode_t modeOf(const QString &file);

    std::unique_ptr<QTemporaryDir> m_dir;
};

mode_t TestKeyFile::modeOf(const QString &file)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(file).constData(), &st) != 0)
        return 0;
    return st.st_mode & 07777;
}

void TestKeyFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestKeyFile::writesPrivateFileAndReadsItBack()
{
    const PrivateKey key = PrivateKey::generate(KeyType::Ed25519).value();
    const Status written = KeyFile::write(path(u"alice.key"_s), key, "correct horse");
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
    QCOMPARE(modeOf(path(u"alice.key"_s)), mode_t(0600));
    QFile file(path(u"alice.key"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    QVERIFY(!content.contains("-----BEGIN PRIVATE KEY-----"));
    const Result<PrivateKey> back = KeyFile::read(path(u"alice.key"_s), "correct horse");
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
    QCOMPARE(back.value().publicKey().fingerprint(), key.publicKey().fingerprint());
    // The key read back signs what the original verifies.
    const QByteArray signature = back.value().sign("release 1.0").value();
    QVERIFY(key.publicKey().verify("release 1.0", signature));
}

void TestKeyFile::usesAtLeast600000Pbkdf2Rounds()
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        QSKIP("The openssl command is not installed; cannot inspect the key file's PBKDF2 parameters.");
    const PrivateKey key = PrivateKey::generate(KeyType::Ed25519).value();
    QVERIFY(KeyFile::write(path(u"k.key"_s), key, "pass").ok());
    QProcess asn1;
    asn1.start(openssl, {u"asn1parse"_s, u"-in"_s, path(u"k.key"_s)});
    QVERIFY(asn1.waitForFinished(30000));
    const QString dump = QString::fromLatin1(asn1.readAllStandardOutput());
    QVERIFY2(dump.contains(u"PBKDF2"_s), qPrintable(dump));
    QVERIFY2(dump.contains(u"hmacWithSHA256"_s), qPrintable(dump));
    QVERIFY2(dump.contains(u"aes-256-cbc"_s), qPrintable(dump));
    // The iteration count is the INTEGER after the salt's OCTET STRING.
    const QRegularExpression rounds(u"OCTET STRING\\s+\\[HEX DUMP\\]:[0-9A-F]+\\s*\\n[^\\n]*INTEGER\\s+:([0-9A-F]+)"_s);
    const QRegularExpressionMatch match = rounds.match(dump);
    QVERIFY2(match.hasMatch(), qPrintable(dump));
    QVERIFY(match.captured(1).toLongLong(nullptr, 16) >= keylimits::kMinPbkdf2Iterations);
}

void TestKeyFile::refusesWrongPassphrase()
{
    const PrivateKey key = PrivateKey::generate(KeyType::Ed25519).value();
    QVERIFY(KeyFile::write(path(u"k.key"_s), key, "right").ok());
    const Result<PrivateKey> wrong = KeyFile::read(path(u"k.key"_s), "wrong");
    QVERIFY(!wrong.ok());
    QVERIFY2(wrong.error().message.contains(u"passphrase is wrong"_s), qPrintable(wrong.error().message));
    QVERIFY(wrong.error().message.contains(u"k.key"_s));
    QVERIFY(!KeyFile::read(path(u"k.key"_s), QByteArray()).ok());
    QVERIFY(!KeyFile::write(path(u"empty.key"_s), key, QByteArray()).ok());
    QVERIFY(!QFile::exists(path(u"empty.key"_s)));
}

void TestKeyFile::refusesKeysThatAskForTooMuchWork_data()
{
    // Regression inputs of the fuzz_pem_private fuzzer (tests/fuzz): the file names its own key-derivation cost.
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("cost");
    QTest::newRow("PBKDF2, 2^31-1 rounds") << u"regression-pbkdf2-2147483647-iterations.pem"_s << u"2147483647"_s;
    QTest::newRow("scrypt, p = 30000") << u"regression-scrypt-p-30000.pem"_s << u"245760000"_s;
}

void TestKeyFile::refusesKeysThatAskForTooMuchWork()
{
    QFETCH(QString, file);
    QFETCH(QString, cost);
    const QString corpus = QStringLiteral(STRATA_SOURCE_DIR "/tests/fuzz/corpus/fuzz_pem_private/");
    QFile hostile(corpus + file);
    QVERIFY2(hostile.open(QIODevice::ReadOnly), qPrintable(hostile.fileName()));
    const Result<PrivateKey> key = PrivateKey::fromEncryptedPem(hostile.readAll(), "fuzz", file);
    QVERIFY(!key);
    QCOMPARE(key.error().code, ErrorCode::InvalidInput);
    QVERIFY2(key.error().message.contains(file) && key.error().message.contains(cost), qPrintable(key.error().message));

    // An honest file with a cost under the cap still opens: the same seed key, 1000 PBKDF2 rounds.
    QFile honest(corpus + u"ed-encrypted.pem"_s);
    QVERIFY(honest.open(QIODevice::ReadOnly));
    QVERIFY(PrivateKey::fromEncryptedPem(honest.readAll(), "fuzz", u"ed-encrypted.pem"_s).ok());
}

void TestKeyFile::refusesTamperedFiles_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("ciphertext byte") << u"ciphertext"_s;
    QTest::newRow("fingerprint line") << u"fingerprint"_s;
    QTest::newRow("fingerprint removed") << u"no-fingerprint"_s;
    QTest::newRow("truncated") << u"truncated"_s;
    QTest::newRow("oversize") << u"oversize"_s;
}

void TestKeyFile::refusesTamperedFiles()
{
    QFETCH(QString, how);
    const PrivateKey key = PrivateKey::generate(KeyType::Ed25519).value();
    const QString file = path(u"k.key"_s);
    QVERIFY(KeyFile::write(file, key, "pass").ok());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray content = f.readAll();
    f.close();
    const int body = content.indexOf("-----\n", content.indexOf("-----BEGIN")) + 6;
    const int end = content.indexOf("-----END");
    if (how == u"ciphertext"_s) {
        // The middle of the ciphertext: in CBC this garbles one block, which can still decrypt to a key.
        const int at = end - 30;
        content[at] = content[at] == 'A' ? 'B' : 'A';
    } else if (how == u"fingerprint"_s) {
        const int at = content.indexOf(": ") + 5;
        content[at] = content[at] == '0' ? '1' : '0';
    } else if (how == u"no-fingerprint"_s) {
        content = content.mid(content.indexOf("-----BEGIN"));
    } else if (how == u"truncated"_s) {
        content.truncate(body + 20);
    } else {
        content.append(QByteArray(keylimits::kMaxKeyFileBytes, '\n'));
    }
    QVERIFY(QFile::remove(file));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    QVERIFY(QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const Result<PrivateKey> read = KeyFile::read(file, "pass");
    QVERIFY2(!read.ok(), qPrintable(how));
    QVERIFY2(read.error().message.contains(u"k.key"_s), qPrintable(read.error().message));
}

void TestKeyFile::neverOverwritesAKeyFile()
{
    const PrivateKey first = PrivateKey::generate(KeyType::Ed25519).value();
    const PrivateKey second = PrivateKey::generate(KeyType::Ed25519).value();
    QVERIFY(KeyFile::write(path(u"k.key"_s), first, "pass").ok());
    const Status again = KeyFile::write(path(u"k.key"_s), second, "pass");
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QCOMPARE(KeyFile::read(path(u"k.key"_s), "pass").value().publicKey().fingerprint(),
             first.publicKey().fingerprint());
}

void TestKeyFile::refusesKeyFileOthersCanRead()
{
    const PrivateKey key = PrivateKey::generate(KeyType::Ed25519).value();
    QVERIFY(KeyFile::write(path(u"k.key"_s), key, "pass").ok());
    QVERIFY(QFile::setPermissions(path(u"k.key"_s),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
    const Result<PrivateKey> read = KeyFile::read(path(u"k.key"_s), "pass");
    QVERIFY(!read.ok());
    QVERIFY2(read.error().message.contains(u"chmod 600"_s), qPrintable(read.error().message));
}

void TestKeyFile::identityRoundTripBetweenWorkspaces()
{
    auto first = Workspace::open(path(u"a.strata"_s));
    QVERIFY(first.ok());
    QSignalSpy added(first.value().get(), &Workspace::identitiesChanged);
    const PrivateKey key = PrivateKey::generate(KeyType::Ed25519).value();
    Identity identity;
    identity.name = u"Mei Chen"_s;
    identity.role = IdentityRole::SecurityLead;
    identity.publicKey = key.publicKey().pem();
    const Result<Identity> stored = first.value()->addIdentity(identity);
    QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().message));
    QCOMPARE(added.count(), 1);
    QCOMPARE(stored.value().fingerprint, key.publicKey().fingerprint());

    const QByteArray exported = Identities::exportPublicKey(stored.value());
    auto second = Workspace::open(path(u"b.strata"_s));
    QVERIFY(second.ok());
    const Result<Identity> parsed = Identities::parsePublicKeyFile(exported, u"mei.pub"_s);
    QVERIFY(parsed.ok());
    const Result<Identity> imported = second.value()->addIdentity(parsed.value());
    QVERIFY(imported.ok());
    QCOMPARE(imported.value().fingerprint, key.publicKey().fingerprint());
    QCOMPARE(imported.value().name, u"Mei Chen"_s);
    QCOMPARE(imported.value().role, IdentityRole::SecurityLead);
    // Reopened, the workspace still has it.
    second.value().reset();
    auto reopened = Workspace::open(path(u"b.strata"_s));
    const QList<Identity> all = reopened.value()->identities().value();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().fingerprint, key.publicKey().fingerprint());
    QCOMPARE(PublicKey::fromPem(all.first().publicKey, {KeyType::Ed25519}, u"db"_s).value().fingerprint(),
             key.publicKey().fingerprint());

    // The same key again is refused and names who has it.
    const Result<Identity> duplicate = reopened.value()->addIdentity(parsed.value());
    QVERIFY(!duplicate.ok());
    QCOMPARE(duplicate.error().code, ErrorCode::Conflict);
    QVERIFY(duplicate.error().message.contains(u"Mei Chen"_s));
    QCOMPARE(reopened.value()->identities().value().size(), 1);
}

void TestKeyFile::identityChecks()
{
    auto ws = Workspace::open(path(u"w.strata"_s));
    QVERIFY(ws.ok());
    const PrivateKey ed = PrivateKey::generate(KeyType::Ed25519).value();
    Identity identity;
    identity.name = u"  "_s;
    identity.publicKey = ed.publicKey().pem();
    QVERIFY(!ws.value()->addIdentity(identity).ok());
    identity.name = u"Bad\u202Ename"_s;
    QVERIFY(!ws.value()->addIdentity(identity).ok());
    identity.name = u"Ana"_s;
    identity.role = IdentityRole::Custom;
    identity.customRole.clear();
    QVERIFY(!ws.value()->addIdentity(identity).ok());
    identity.role = IdentityRole::Analyst;
    identity.publicKey = PrivateKey::generate(KeyType::EcdsaP256).value().publicKey().pem();
    const Result<Identity> ecdsa = ws.value()->addIdentity(identity);
    QVERIFY(!ecdsa.ok());
    QVERIFY(ecdsa.error().message.contains(u"Ed25519"_s));
    identity.publicKey = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n";
    QVERIFY(!ws.value()->addIdentity(identity).ok());
    QVERIFY(ws.value()->identities().value().isEmpty());

    identity.publicKey = ed.publicKey().pem();
    identity.role = Identities::roleFromText(u"Privacy reviewer"_s, &identity.customRole);
    const Result<Identity> custom = ws.value()->addIdentity(identity);
    QVERIFY(custom.ok());
    QCOMPARE(Identities::displayRole(custom.value()), u"Privacy reviewer"_s);
    QCOMPARE(Identities::roleFromText(u"Security lead"_s, nullptr), IdentityRole::SecurityLead);
}

void TestKeyFile::findsIdentityByFingerprintPrefix()
{
    auto ws = Workspace::open(path(u"w.strata"_s));
    QVERIFY(ws.ok());
    Identity identity;
    identity.name = u"Ana"_s;
    identity.publicKey = PrivateKey::generate(KeyType::Ed25519).value().publicKey().pem();
    const Identity stored = ws.value()->addIdentity(identity).value();
    QCOMPARE(ws.value()->identity(QString::number(stored.id)).value().fingerprint, stored.fingerprint);
    QCOMPARE(ws.value()->identity(stored.fingerprint.left(12)).value().id, stored.id);
    QCOMPARE(ws.value()->identity(Identities::displayFingerprint(stored.fingerprint)).value().id, stored.id);
    QCOMPARE(ws.value()->identity(u"ffffffffffffffff"_s).ok(), stored.fingerprint.startsWith(u"ffffffffffffffff"_s));
}

QTEST_GUILESS_MAIN(TestKeyFile)
#include "TestKeyFile.moc"
