// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "evidence/EvidenceStore.h"
#include "trust/Keys.h"
#include "trust/ModelSignature.h"
#include "trust/ModelStatement.h"
#include "util/Sha256.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

class TestModelSignature : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void verifiesTheOpenSsfFixture();
    void verifiesOwnSignedFolder();
    void reportsAChangedByte();
    void reportsAMissingFile();
    void reportsAnExtraFile();
    void honoursIgnorePaths();
    void refusesAWrongKey();
    void refusesAChangedSignatureFile();
    void refusesAWrongPayloadType();
    void refusesAWrongPredicateType();
    void refusesMalformedSignatures_data();
    void refusesMalformedSignatures();
    void refusesNamesLeavingTheFolder_data();
    void refusesNamesLeavingTheFolder();
    void refusesSymlinksLeavingTheFolder();
    void attachesTheReportToAModelRecord();

private:
    QString model() const { return m_dir->filePath(u"model"_s); }
    QString sig() const { return m_dir->filePath(u"model/model.sig"_s); }
    void writeFile(const QString &relative, const QByteArray &content) const;
    /// Signs the folder's current files (except model.sig and `ignore`) as OMS v1.0 with `key`.
    void sign(const PrivateKey &key,
              const QStringList &ignore = {},
              const QString &payloadType = {},
              const std::function<void(QByteArray &)> &edit = {}) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    PrivateKey m_key;
};

void TestModelSignature::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir(m_dir->path()).mkpath(u"model/weights"_s));
    writeFile(u"config.json"_s, "{\"layers\": 2}\n");
    writeFile(u"weights/part-1.bin"_s, QByteArray(300000, '\x01'));
    writeFile(u"weights/part-2.bin"_s, QByteArray("tail"));
    m_key = PrivateKey::generate(KeyType::EcdsaP256).value();
}

void TestModelSignature::writeFile(const QString &relative, const QByteArray &content) const
{
    QFile file(QDir(model()).filePath(relative));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(content), content.size());
}

void TestModelSignature::sign(const PrivateKey &key,
                              const QStringList &ignore,
                              const QString &payloadType,
                              const std::function<void(QByteArray &)> &edit) const
{
    ModelStatement statement;
    statement.subjectName = u"model"_s;
    statement.ignorePaths = ignore;
    statement.ignorePaths.append(u"model.sig"_s);
    const QDir root(model());
    for (const QString &name : root.entryList({u"*"_s}, QDir::Files, QDir::Name))
        if (name != u"model.sig"_s && !ignore.contains(name))
            statement.resources.append({name, QString()});
    for (const QString &name : QDir(root.filePath(u"weights"_s)).entryList(QDir::Files, QDir::Name))
        statement.resources.append({u"weights/"_s + name, QString()});
    for (ModelResource &resource : statement.resources) {
        QFile file(root.filePath(resource.name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        resource.sha256 = Sha256::hex(file).value();
    }
    QByteArray payload = ModelStatements::statementJson(statement);
    if (edit)
        edit(payload);
    const Result<QByteArray> bundle =
        ModelStatements::signBundle(payload, payloadType.isEmpty() ? ModelStatements::kPayloadType : payloadType, key);
    QVERIFY(bundle.ok());
    QFile out(sig());
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(bundle.value());
}

void TestModelSignature::verifiesTheOpenSsfFixture()
{
    const QString fixtures = QStringLiteral(STRATA_FIXTURES_DIR) + u"/model-signing"_s;
    const QString folder = fixtures + u"/v1.1.0-elliptic-key"_s;
    if (!QFile::exists(folder + u"/model.sig"_s))
        QSKIP("The OpenSSF model-signing fixture (fixtures/model-signing/v1.1.0-elliptic-key) is not present.");
    const Result<PublicKey> key =
        PublicKey::fromFile(fixtures + u"/signing-key-pub.pem"_s, ModelSignature::acceptedKeyTypes());
    QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().message));
    QCOMPARE(key.value().type(), KeyType::EcdsaP384);
    const Result<ModelVerification> result = ModelSignature::verify(folder, folder + u"/model.sig"_s, key.value());
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QVERIFY(result.value().passed());
    // "ignore-me" is present but listed in ignore_paths, so it is neither covered nor reported.
    QCOMPARE(result.value().coveredFiles, QStringList({u"signme-1"_s, u"signme-2"_s}));
    QCOMPARE(result.value().statement.subjectName, u"v1.1.0-elliptic-key"_s);
    QCOMPARE(result.value().keyFingerprint, key.value().fingerprint());

    // The same folder with another key must fail.
    const PublicKey other = PrivateKey::generate(KeyType::EcdsaP384).value().publicKey();
    QVERIFY(!ModelSignature::verify(folder, folder + u"/model.sig"_s, other).ok());
}

void TestModelSignature::verifiesOwnSignedFolder()
{
    sign(m_key);
    const Result<ModelVerification> result = ModelSignature::verify(model(), sig(), m_key.publicKey());
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QVERIFY(result.value().passed());
    QCOMPARE(result.value().coveredFiles,
             QStringList({u"config.json"_s, u"weights/part-1.bin"_s, u"weights/part-2.bin"_s}));
    const QJsonObject report = result.value().toJson();
    QCOMPARE(report.value(u"verdict"_s).toString(), u"passed"_s);
    QCOMPARE(report.value(u"signer"_s).toObject().value(u"key_fingerprint_sha256"_s).toString(),
             m_key.publicKey().fingerprint());
}

void TestModelSignature::reportsAChangedByte()
{
    sign(m_key);
    QFile file(QDir(model()).filePath(u"weights/part-1.bin"_s));
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(123456));
    file.write("\x02");
    file.close();
    const ModelVerification result = ModelSignature::verify(model(), sig(), m_key.publicKey()).value();
    QVERIFY(!result.passed());
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.first().kind, ModelFileProblem::Kind::Changed);
    QCOMPARE(result.problems.first().file, u"weights/part-1.bin"_s);
    QVERIFY(result.problems.first().detail.contains(u"weights/part-1.bin"_s));
    QVERIFY(!result.coveredFiles.contains(u"weights/part-1.bin"_s));
    QCOMPARE(result.toJson().value(u"verdict"_s).toString(), u"failed"_s);
}

void TestModelSignature::reportsAMissingFile()
{
    sign(m_key);
    QVERIFY(QFile::remove(QDir(model()).filePath(u"config.json"_s)));
    const ModelVerification result = ModelSignature::verify(model(), sig(), m_key.publicKey()).value();
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.first().kind, ModelFileProblem::Kind::Missing);
    QCOMPARE(result.problems.first().file, u"config.json"_s);
}

void TestModelSignature::reportsAnExtraFile()
{
    sign(m_key);
    writeFile(u"weights/backdoor.bin"_s, "extra");
    writeFile(u".hidden"_s, "extra");
    const ModelVerification result = ModelSignature::verify(model(), sig(), m_key.publicKey()).value();
    QCOMPARE(result.problems.size(), 2);
    QCOMPARE(result.problems.at(0).file, u".hidden"_s);
    QCOMPARE(result.problems.at(1).file, u"weights/backdoor.bin"_s);
    QCOMPARE(result.problems.at(1).kind, ModelFileProblem::Kind::Unlisted);
    QCOMPARE(result.coveredFiles.size(), 3);
}

void TestModelSignature::honoursIgnorePaths()
{
    QVERIFY(QDir(model()).mkpath(u".git/objects"_s));
    writeFile(u".git/objects/abc"_s, "git object");
    writeFile(u"README.md"_s, "readme");
    sign(m_key, {u".git"_s, u"README.md"_s});
    writeFile(u"README.md"_s, "changed readme");
    writeFile(u".git/objects/def"_s, "new object");
    const ModelVerification result = ModelSignature::verify(model(), sig(), m_key.publicKey()).value();
    QVERIFY2(result.passed(), qPrintable(result.problems.isEmpty() ? QString() : result.problems.first().detail));
    QCOMPARE(result.statement.ignorePaths, QStringList({u".git"_s, u"README.md"_s, u"model.sig"_s}));
}

void TestModelSignature::refusesAWrongKey()
{
    sign(m_key);
    const PublicKey other = PrivateKey::generate(KeyType::EcdsaP256).value().publicKey();
    const Result<ModelVerification> result = ModelSignature::verify(model(), sig(), other);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Integrity);
    QVERIFY(result.error().message.contains(u"does not verify"_s));
}

void TestModelSignature::refusesAChangedSignatureFile()
{
    sign(m_key);
    QFile file(sig());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject bundle = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonObject envelope = bundle.value(u"dsseEnvelope"_s).toObject();
    // Add a file to the statement without re-signing.
    QByteArray payload = QByteArray::fromBase64(envelope.value(u"payload"_s).toString().toLatin1());
    payload.replace("\"resources\": [", "\"resources\": [{\"algorithm\":\"sha256\",\"name\":\"x\",\"digest\":\"00\"},");
    envelope.insert(u"payload"_s, QString::fromLatin1(payload.toBase64()));
    bundle.insert(u"dsseEnvelope"_s, envelope);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(bundle).toJson());
    file.close();
    const Result<ModelVerification> result = ModelSignature::verify(model(), sig(), m_key.publicKey());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Integrity);
}

void TestModelSignature::refusesAWrongPayloadType()
{
    sign(m_key, {}, u"application/json"_s);
    const Result<ModelVerification> result = ModelSignature::verify(model(), sig(), m_key.publicKey());
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(u"application/json"_s), qPrintable(result.error().message));
}

void TestModelSignature::refusesAWrongPredicateType()
{
    sign(m_key, {}, {}, [](QByteArray &payload) { payload.replace("model_signing/signature", "example/other"); });
    const Result<ModelVerification> result = ModelSignature::verify(model(), sig(), m_key.publicKey());
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(u"predicateType"_s), qPrintable(result.error().message));
}

void TestModelSignature::refusesMalformedSignatures_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not json") << QByteArray("{\"mediaType\": \"application/vnd.dev.sigstore.bundle");
    QTest::newRow("not a bundle") << QByteArray(R"({"mediaType":"text/plain","dsseEnvelope":{}})");
    QTest::newRow("no envelope") << QByteArray(R"({"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json"})");
    QTest::newRow("unsigned") << QByteArray(R"({"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json",)"
                                            R"("dsseEnvelope":{"payloadType":"application/vnd.in-toto+json",)"
                                            R"("payload":"e30=","signatures":[]}})");
    QTest::newRow("oversize") << QByteArray(modellimits::kMaxSignatureFileBytes + 10, ' ');
}

void TestModelSignature::refusesMalformedSignatures()
{
    QFETCH(QByteArray, content);
    QFile file(sig());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    const Result<ModelVerification> result = ModelSignature::verify(model(), sig(), m_key.publicKey());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
    QVERIFY2(result.error().message.contains(u"model.sig"_s), qPrintable(result.error().message));
}

void TestModelSignature::refusesNamesLeavingTheFolder_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("parent") << QByteArray("../secret");
    QTest::newRow("inner parent") << QByteArray("weights/../../secret");
    QTest::newRow("absolute") << QByteArray("/etc/passwd");
    QTest::newRow("backslash") << QByteArray("..\\\\secret");
    QTest::newRow("dot") << QByteArray("./config.json");
}

void TestModelSignature::refusesNamesLeavingTheFolder()
{
    QFETCH(QByteArray, name);
    // Correctly signed, so only the path check can stop it.
    sign(m_key, {}, {},
         [&name](QByteArray &payload) { payload.replace("\"config.json\"", QByteArray("\"" + name + "\"")); });
    const Result<ModelVerification> result = ModelSignature::verify(model(), sig(), m_key.publicKey());
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(u"relative path"_s), qPrintable(result.error().message));
}

void TestModelSignature::refusesSymlinksLeavingTheFolder()
{
    writeFile(u"weights/part-2.bin"_s, "tail");
    sign(m_key);
    const QString outside = m_dir->filePath(u"outside.bin"_s);
    QFile target(outside);
    QVERIFY(target.open(QIODevice::WriteOnly));
    target.write("tail");
    target.close();
    const QString link = QDir(model()).filePath(u"weights/part-2.bin"_s);
    QVERIFY(QFile::remove(link));
    QVERIFY(QFile::link(outside, link));
    const ModelVerification result = ModelSignature::verify(model(), sig(), m_key.publicKey()).value();
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.first().kind, ModelFileProblem::Kind::Unsafe);
    QCOMPARE(result.problems.first().file, u"weights/part-2.bin"_s);
    QVERIFY(!result.coveredFiles.contains(u"weights/part-2.bin"_s));

    // A linked folder is not followed either.
    QVERIFY(QFile::link(m_dir->path(), QDir(model()).filePath(u"escape"_s)));
    const ModelVerification again = ModelSignature::verify(model(), sig(), m_key.publicKey()).value();
    QCOMPARE(again.problems.size(), 2);
    QCOMPARE(again.problems.at(1).file, u"escape"_s);
}

void TestModelSignature::attachesTheReportToAModelRecord()
{
    sign(m_key);
    auto ws = Workspace::open(m_dir->filePath(u"w.strata"_s));
    QVERIFY(ws.ok());
    Record model;
    model.kind = RecordKind::Model;
    model.name = u"tiny-llm"_s;
    const qint64 modelId = ws.value()->createRecord(model).value();
    Record dataset;
    dataset.kind = RecordKind::Dataset;
    dataset.name = u"corpus"_s;
    const qint64 datasetId = ws.value()->createRecord(dataset).value();
    const ModelVerification result = ModelSignature::verify(this->model(), sig(), m_key.publicKey()).value();

    QSignalSpy changed(ws.value().get(), &Workspace::recordChanged);
    const Result<Evidence> attached = ws.value()->attachModelVerification(modelId, result);
    QVERIFY2(attached.ok(), qPrintable(attached.ok() ? QString() : attached.error().message));
    QCOMPARE(changed.count(), 1);
    QVERIFY(attached.value().title.contains(u"tiny-llm"_s));
    const auto linked = ws.value()->recordEvidence(modelId).value();
    QCOMPARE(linked.size(), 1);
    QCOMPARE(linked.first().first.sha256, attached.value().sha256);
    QCOMPARE(linked.first().second, u"model-signature"_s);

    // The stored report is the verification, readable from the evidence store.
    QFile blob(EvidenceStore(ws.value()->evidenceFolder()).blobPath(attached.value().sha256));
    QVERIFY(blob.open(QIODevice::ReadOnly));
    const QJsonObject report = QJsonDocument::fromJson(blob.readAll()).object();
    QCOMPARE(report.value(u"verdict"_s).toString(), u"passed"_s);
    QCOMPARE(report.value(u"files"_s).toArray().size(), 3);
    QCOMPARE(report.value(u"signer"_s).toObject().value(u"key_fingerprint_sha256"_s).toString(),
             m_key.publicKey().fingerprint());
    QVERIFY(ws.value()->verifyEvidence().value().problems.isEmpty());

    const Result<Evidence> onDataset = ws.value()->attachModelVerification(datasetId, result);
    QVERIFY(!onDataset.ok());
    QVERIFY(ws.value()->recordEvidence(datasetId).value().isEmpty());
    QCOMPARE(ws.value()->evidence().value().size(), 1);
}

QTEST_GUILESS_MAIN(TestModelSignature)
#include "TestModelSignature.moc"
