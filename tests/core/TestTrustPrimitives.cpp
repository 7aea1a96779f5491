// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "trust/Dsse.h"
#include "trust/Keys.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

Q_DECLARE_METATYPE(strata::KeyType)

class TestTrustPrimitives : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paeKnownAnswers_data();
    void paeKnownAnswers();
    void envelopeRoundTrip();
    void hostileEnvelopes_data();
    void hostileEnvelopes();
    void ed25519Rfc8032_data();
    void ed25519Rfc8032();
    void ed25519RejectsChangedMessages();
    void ecdsaSignsAndVerifies_data();
    void ecdsaSignsAndVerifies();
    void publicKeyPemIsCheckedAndTyped();
};

void TestTrustPrimitives::paeKnownAnswers_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");
    // secure-systems-lab/dsse protocol.md: the worked example, and the empty type and body.
    QTest::newRow("hello world") << QByteArray("http://example.com/HelloWorld") << QByteArray("hello world")
                                 << QByteArray("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    QTest::newRow("empty") << QByteArray() << QByteArray() << QByteArray("DSSEv1 0  0 ");
    QTest::newRow("binary body") << QByteArray("a") << QByteArray("\x00\xff ", 3)
                                 << QByteArray("DSSEv1 1 a 3 \x00\xff ", 16);
}

void TestTrustPrimitives::paeKnownAnswers()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    QCOMPARE(Dsse::pae(type, body), expected);
}

void TestTrustPrimitives::envelopeRoundTrip()
{
    DsseEnvelope envelope;
    envelope.payloadType = u"application/vnd.in-toto+json"_s;
    envelope.payload = QByteArray("{\"a\": 1}\n\x01", 10);
    envelope.signatures.append({u"key-1"_s, QByteArray("\x30\x45\x02", 3)});
    const QByteArray json = Dsse::serialize(envelope);
    const Result<DsseEnvelope> back = Dsse::parse(json, u"envelope.json"_s);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
    QCOMPARE(back.value().payloadType, envelope.payloadType);
    QCOMPARE(back.value().payload, envelope.payload);
    QCOMPARE(back.value().signatures.size(), 1);
    QCOMPARE(back.value().signatures.first().keyId, u"key-1"_s);
    QCOMPARE(back.value().signatures.first().sig, envelope.signatures.first().sig);
    QCOMPARE(back.value().preAuthenticationEncoding(), Dsse::pae("application/vnd.in-toto+json", envelope.payload));
}

void TestTrustPrimitives::hostileEnvelopes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not json") << QByteArray("{\"payloadType\": ") << u"JSON"_s;
    QTest::newRow("array") << QByteArray("[]") << u"object"_s;
    QTest::newRow("no type") << QByteArray(R"({"payload":"aGk=","signatures":[{"sig":"aGk="}]})") << u"payloadType"_s;
    QTest::newRow("bad base64") << QByteArray(R"({"payloadType":"t","payload":"a*b","signatures":[{"sig":"aGk="}]})")
                                << u"payload"_s;
    QTest::newRow("no signatures") << QByteArray(R"({"payloadType":"t","payload":"aGk=","signatures":[]})")
                                   << u"signatures"_s;
    QTest::newRow("sig not base64") << QByteArray(
                                           R"({"payloadType":"t","payload":"aGk=","signatures":[{"sig":"%%%"}]})")
                                    << u"sig"_s;
    QTest::newRow("keyid not string")
        << QByteArray(R"({"payloadType":"t","payload":"aGk=","signatures":[{"keyid":7,"sig":"aGk="}]})") << u"keyid"_s;
    const QByteArray longType(dsselimits::kMaxPayloadTypeLength + 1, 'x');
    QTest::newRow("long type") << QByteArray(R"({"payloadType":")" + longType +
                                             R"(","payload":"aGk=","signatures":[{"sig":"aGk="}]})")
                               << u"payloadType"_s;
    QByteArray many = R"({"payloadType":"t","payload":"aGk=","signatures":[)";
    for (int i = 0; i <= dsselimits::kMaxSignatures; ++i)
        many += QByteArray(i ? "," : "") + R"({"sig":"aGk="})";
    QTest::newRow("too many signatures") << many + "]}" << u"signatures"_s;
    const QByteArray hugeSig = QByteArray(dsselimits::kMaxSignatureBytes + 3, 'a').toBase64();
    QTest::newRow("huge signature") << QByteArray(R"({"payloadType":"t","payload":"aGk=","signatures":[{"sig":")" +
                                                  hugeSig + "\"}]}")
                                    << u"sig"_s;
    QTest::newRow("oversize file") << QByteArray(dsselimits::kMaxEnvelopeBytes + 1, ' ') << u"MiB"_s;
    QTest::newRow("deep nesting") << QByteArray(1025, '[') << u"JSON"_s;
    // Two payloads: one verifier would check the first, another the last.
    QTest::newRow("repeated payload")
        << QByteArray(R"({"payloadType":"t","payload":"aGk=","payload":"ZXZpbA==","signatures":[{"sig":"aGk="}]})")
        << u"payload"_s;
}

void TestTrustPrimitives::hostileEnvelopes()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    const Result<DsseEnvelope> parsed = Dsse::parse(json, u"evil.json"_s);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, ErrorCode::InvalidInput);
    QVERIFY2(parsed.error().message.contains(u"evil.json"_s), qPrintable(parsed.error().message));
    QVERIFY2(parsed.error().message.contains(mentions), qPrintable(parsed.error().message));
}

void TestTrustPrimitives::ed25519Rfc8032_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("publicKey");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("signature");
    // RFC 8032 section 7.1, TEST 1 to TEST 3.
    QTest::newRow("TEST 1") << QByteArray::fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
                            << QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
                            << QByteArray()
                            << QByteArray::fromHex(
                                   "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8"
                                   "821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    QTest::newRow("TEST 2") << QByteArray::fromHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb")
                            << QByteArray::fromHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")
                            << QByteArray::fromHex("72")
                            << QByteArray::fromHex(
                                   "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085a"
                                   "c1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    QTest::newRow("TEST 3") << QByteArray::fromHex("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7")
                            << QByteArray::fromHex("fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025")
                            << QByteArray::fromHex("af82")
                            << QByteArray::fromHex(
                                   "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff"
                                   "9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a");
}

void TestTrustPrimitives::ed25519Rfc8032()
{
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, publicKey);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, signature);
    const Result<PrivateKey> key = PrivateKey::fromEd25519Seed(secret);
    QVERIFY(key.ok());
    QCOMPARE(key.value().rawEd25519PublicKey().toHex(), publicKey.toHex());
    const Result<QByteArray> signed_ = key.value().sign(message);
    QVERIFY(signed_.ok());
    QCOMPARE(signed_.value().toHex(), signature.toHex());
    QVERIFY(key.value().publicKey().verify(message, signature));
}

void TestTrustPrimitives::ed25519RejectsChangedMessages()
{
    const Result<PrivateKey> key = PrivateKey::generate(KeyType::Ed25519);
    QVERIFY(key.ok());
    const QByteArray message = Dsse::pae("application/vnd.strata+json", "{\"decision\":\"approve\"}");
    const QByteArray signature = key.value().sign(message).value();
    QVERIFY(key.value().publicKey().verify(message, signature));
    QByteArray changed = message;
    changed[changed.size() - 3] = 'X';
    QVERIFY(!key.value().publicKey().verify(changed, signature));
    QByteArray badSignature = signature;
    badSignature[0] = static_cast<char>(badSignature[0] ^ 1);
    QVERIFY(!key.value().publicKey().verify(message, badSignature));
    QVERIFY(!key.value().publicKey().verify(message, QByteArray()));
    const Result<PrivateKey> other = PrivateKey::generate(KeyType::Ed25519);
    QVERIFY(!other.value().publicKey().verify(message, signature));
    QVERIFY(!PrivateKey::fromEd25519Seed(QByteArray(31, 'a')).ok());
}

void TestTrustPrimitives::ecdsaSignsAndVerifies_data()
{
    QTest::addColumn<KeyType>("type");
    QTest::newRow("P-256") << KeyType::EcdsaP256;
    QTest::newRow("P-384") << KeyType::EcdsaP384;
    QTest::newRow("P-521") << KeyType::EcdsaP521;
}

void TestTrustPrimitives::ecdsaSignsAndVerifies()
{
    QFETCH(KeyType, type);
    const Result<PrivateKey> key = PrivateKey::generate(type);
    QVERIFY(key.ok());
    QCOMPARE(key.value().type(), type);
    const QByteArray message("model bytes");
    const QByteArray signature = key.value().sign(message).value();
    QVERIFY(key.value().publicKey().verify(message, signature));
    QVERIFY(!key.value().publicKey().verify(message + '!', signature));
    // The stored PEM reads back as the same key and type.
    const Result<PublicKey> back = PublicKey::fromPem(key.value().publicKey().pem(), {type}, u"key.pem"_s);
    QVERIFY(back.ok());
    QCOMPARE(back.value().type(), type);
    QCOMPARE(back.value().fingerprint(), key.value().publicKey().fingerprint());
    QVERIFY(back.value().verify(message, signature));
}

void TestTrustPrimitives::publicKeyPemIsCheckedAndTyped()
{
    const PrivateKey ed = PrivateKey::generate(KeyType::Ed25519).value();
    const PrivateKey ec = PrivateKey::generate(KeyType::EcdsaP256).value();
    // The fingerprint is the SHA-256 of the DER SubjectPublicKeyInfo: 64 hex digits, different per key.
    QCOMPARE(ed.publicKey().fingerprint().size(), 64);
    QVERIFY(ed.publicKey().fingerprint() != ec.publicKey().fingerprint());
    QCOMPARE(ed.publicKey().spkiDer().size(), 44);

    const Result<PublicKey> wrongType = PublicKey::fromPem(ec.publicKey().pem(), {KeyType::Ed25519}, u"k.pem"_s);
    QVERIFY(!wrongType.ok());
    QVERIFY2(wrongType.error().message.contains(u"ECDSA P-256"_s), qPrintable(wrongType.error().message));
    QVERIFY2(wrongType.error().message.contains(u"Ed25519"_s), qPrintable(wrongType.error().message));

    const Result<PublicKey> garbage = PublicKey::fromPem(
        "-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----\n", {KeyType::Ed25519}, u"k.pem"_s);
    QVERIFY(!garbage.ok());
    QVERIFY(garbage.error().message.contains(u"k.pem"_s));

    const QByteArray privatePem = ed.toEncryptedPem("pass", 1000).value();
    const Result<PublicKey> secret = PublicKey::fromPem(privatePem, {KeyType::Ed25519}, u"k.pem"_s);
    QVERIFY(!secret.ok());
    QVERIFY2(secret.error().message.contains(u"private key"_s), qPrintable(secret.error().message));

    QByteArray oversize = ed.publicKey().pem();
    oversize.append(QByteArray(keylimits::kMaxKeyFileBytes, '#'));
    const Result<PublicKey> big = PublicKey::fromPem(oversize, {KeyType::Ed25519}, u"k.pem"_s);
    QVERIFY(!big.ok());
    QVERIFY(big.error().message.contains(u"KiB"_s));

    // Text around the PEM block (as certtool writes) is ignored.
    const Result<PublicKey> annotated = PublicKey::fromPem(
        "Public Key Info:\n\tsomething\n\n" + ed.publicKey().pem() + "trailer\n", {KeyType::Ed25519}, u"k.pem"_s);
    QVERIFY(annotated.ok());
    QCOMPARE(annotated.value().fingerprint(), ed.publicKey().fingerprint());
}

QTEST_GUILESS_MAIN(TestTrustPrimitives)
#include "TestTrustPrimitives.moc"
