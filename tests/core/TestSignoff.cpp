// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "SignoffSamples.h"
#include "SqlTamper.h"
#include "signoff/CanonicalJson.h"
#include "trust/Dsse.h"
#include "trust/KeyFile.h"
#include "util/Sha256.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

/// Signing a release off through the workspace: what is signed, when approval is refused, the roles a release
/// needs, and every way a stored sign-off can be tampered with showing as broken, never as valid.
class TestSignoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void approvalIsSignedOverTheManifest();
    void conditionsMakeAConditionalApproval();
    void refusedApprovalListsEveryReason();
    void keyOfNoIdentityIsRefused();
    void wrongPassphraseUnlocksNothing();
    void everyRequiredRoleMustApprove();
    void changeMakesItStaleAndANewSignoffValid();
    void tamperedSignoffIsBroken_data();
    void tamperedSignoffIsBroken();

private:
    Signoff sign(const PrivateKey &key, SignoffDecision decision = SignoffDecision::Approve);
    ReleaseSignoffStatus status() const;
    void reopenAfter(const QString &sql);

    samples::SignoffWorkspace m_s;
};

void TestSignoff::init()
{
    m_s.ws.reset(); // close the workspace before its folder goes
    m_s = samples::SignoffWorkspace();
    QVERIFY(samples::makeSignoffWorkspace(m_s));
}

Signoff TestSignoff::sign(const PrivateKey &key, SignoffDecision decision)
{
    const Result<Signoff> s = m_s.ws->signOff(m_s.releaseId, key, decision);
    if (!s)
        qWarning("%s", qPrintable(s.error().message));
    return s ? s.value() : Signoff();
}

ReleaseSignoffStatus TestSignoff::status() const
{
    const Result<ReleaseSignoffStatus> s = m_s.ws->signoffStatus(m_s.releaseId);
    if (!s)
        qWarning("%s", qPrintable(s.error().message));
    return s ? s.value() : ReleaseSignoffStatus();
}

void TestSignoff::reopenAfter(const QString &sql)
{
    const QString path = m_s.ws->path();
    m_s.ws.reset();
    QVERIFY(test::execOnFile(path, sql));
    auto reopened = Workspace::open(path, Database::OpenMode::ExistingOnly);
    QVERIFY(reopened.ok());
    m_s.ws = std::move(reopened).value();
}

void TestSignoff::approvalIsSignedOverTheManifest()
{
    QSignalSpy changed(m_s.ws.get(), &Workspace::signoffsChanged);
    QCOMPARE(status().state, SignoffState::None);
    const QByteArray beforeSigning = m_s.ws->signoffManifest(m_s.releaseId).value();
    const AuditHead headBefore = m_s.ws->auditHead().value();
    const Signoff signoff = sign(m_s.leadKey);
    QVERIFY(signoff.id > 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(signoff.signer, u"Dana Lead"_s);
    QCOMPARE(signoff.role, u"security-lead"_s);
    QCOMPARE(signoff.keyFingerprint, m_s.lead.fingerprint);
    // What is signed is the manifest as it stood, with the audit-trail head before the sign-off's own entry.
    QCOMPARE(signoff.manifest, beforeSigning);
    QCOMPARE(QJsonDocument::fromJson(signoff.manifest).object().value(u"audit_head"_s).toString(),
             headBefore.toString());
    QVERIFY(m_s.ws->auditHead().value().seq > headBefore.seq);
    // The head the sign-off names becomes a checkpoint every later check of the trail is held to.
    const QList<AuditHead> checkpoints = m_s.ws->auditCheckpoints().value();
    QCOMPARE(checkpoints.size(), 1);
    QCOMPARE(checkpoints.constFirst(), headBefore);
    const AuditVerification trail = m_s.ws->verifyAudit().value();
    QVERIFY2(trail.intact(), qPrintable(trail.message));
    QVERIFY2(trail.message.contains(u"1 audit-trail head"_s), qPrintable(trail.message));
    QCOMPARE(signoff.manifestSha256, Sha256::hex(signoff.manifest));

    // An outsider with only the envelope and the public key can check it.
    const DsseEnvelope envelope = Dsse::parse(signoff.envelope, u"test"_s).value();
    QCOMPARE(envelope.payloadType, u"application/vnd.in-toto+json"_s);
    QCOMPARE(envelope.signatures.size(), 1);
    const PublicKey key = PublicKey::fromPem(m_s.lead.publicKey, {KeyType::Ed25519}, u"test"_s).value();
    QVERIFY(key.verify(Dsse::pae(envelope.payloadType.toUtf8(), envelope.payload), envelope.signatures.at(0).sig));
    const QJsonObject statement = QJsonDocument::fromJson(envelope.payload).object();
    QCOMPARE(CanonicalJson::serialize(statement), envelope.payload);
    QCOMPARE(statement.value(u"_type"_s).toString(), u"https://in-toto.io/Statement/v1"_s);
    QCOMPARE(statement.value(u"predicateType"_s).toString(), u"https://strata.dev/signoff/v1"_s);
    const QJsonObject subject = statement.value(u"subject"_s).toArray().at(0).toObject();
    QCOMPARE(subject.value(u"name"_s).toString(), u"strata-release:chat@2.0"_s);
    QCOMPARE(subject.value(u"digest"_s).toObject().value(u"sha256"_s).toString(), signoff.manifestSha256);
    const QJsonObject predicate = statement.value(u"predicate"_s).toObject();
    QCOMPARE(predicate.value(u"meaning"_s).toString(), u"approved for release"_s);
    QCOMPARE(predicate.value(u"decision"_s).toString(), u"approve"_s);
    QCOMPARE(predicate.value(u"signer"_s).toObject().value(u"name"_s).toString(), u"Dana Lead"_s);
    QCOMPARE(predicate.value(u"signed_at"_s).toString(), signoff.signedAt.toString(Qt::ISODateWithMs));
    QVERIFY(predicate.contains(u"audit_head"_s));

    const ReleaseSignoffStatus st = status();
    QCOMPARE(st.state, SignoffState::Valid);
    QVERIFY2(st.gatePasses, qPrintable(st.gateReason));
    QCOMPARE(st.checks.size(), 1);
    QVERIFY(st.checks.constFirst().problems.isEmpty());
    QVERIFY(st.checks.constFirst().changes.isEmpty());
}

void TestSignoff::conditionsMakeAConditionalApproval()
{
    const Result<Signoff> s =
        m_s.ws->signOff(m_s.releaseId, m_s.leadKey, SignoffDecision::Approve, u"  Rotate the API key yearly. "_s);
    QVERIFY(s.ok());
    QCOMPARE(s.value().decision, SignoffDecision::ApproveWithConditions);
    QCOMPARE(s.value().conditions, u"Rotate the API key yearly."_s);
    const QJsonObject predicate = QJsonDocument::fromJson(Dsse::parse(s.value().envelope, u"t"_s).value().payload)
                                      .object()
                                      .value(u"predicate"_s)
                                      .toObject();
    QCOMPARE(predicate.value(u"meaning"_s).toString(), u"approved for release with conditions"_s);
    QCOMPARE(predicate.value(u"conditions"_s).toString(), u"Rotate the API key yearly."_s);
    QVERIFY(status().gatePasses);
    const Result<Signoff> empty =
        m_s.ws->signOff(m_s.releaseId, m_s.leadKey, SignoffDecision::ApproveWithConditions, u"  "_s);
    QVERIFY(!empty.ok());
    QVERIFY(empty.error().message.contains(u"conditions"_s));
}

void TestSignoff::refusedApprovalListsEveryReason()
{
    QVERIFY(m_s.ws->setItemStatus(m_s.assessmentId, {u"M-2"_s, ItemStatus::NotStarted, std::nullopt, {}}).ok());
    QFile blob(m_s.blobPath());
    QVERIFY(blob.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QVERIFY(blob.remove());
    const QStringList reasons = m_s.ws->approvalRefusals(m_s.releaseId).value();
    QCOMPARE(reasons.size(), 2);
    QVERIFY(reasons.at(0).contains(u"M-2 (mandatory) is not started"_s));
    QVERIFY(reasons.at(1).contains(u"\"Datasheet\" is missing"_s));

    const Result<Signoff> refused = m_s.ws->signOff(m_s.releaseId, m_s.leadKey, SignoffDecision::Approve);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
    for (const QString &reason : reasons)
        QVERIFY2(refused.error().message.contains(reason), qPrintable(refused.error().message));
    QVERIFY(m_s.ws->signoffs(m_s.releaseId).value().isEmpty());

    // A rejection is never refused, and the gate then says who rejected.
    const Signoff rejected = sign(m_s.leadKey, SignoffDecision::Reject);
    QVERIFY(rejected.id > 0);
    const ReleaseSignoffStatus st = status();
    QCOMPARE(st.state, SignoffState::Valid);
    QVERIFY(st.rejected);
    QVERIFY(!st.gatePasses);
    QVERIFY2(st.gateReason.contains(u"rejected by Dana Lead"_s), qPrintable(st.gateReason));
}

void TestSignoff::keyOfNoIdentityIsRefused()
{
    const PrivateKey stranger = PrivateKey::generate(KeyType::Ed25519).value();
    const Result<Signoff> s = m_s.ws->signOff(m_s.releaseId, stranger, SignoffDecision::Approve);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::NotFound);
    QVERIFY(s.error().message.contains(u"key import"_s));
    QVERIFY(m_s.ws->signoffs(m_s.releaseId).value().isEmpty());
}

void TestSignoff::wrongPassphraseUnlocksNothing()
{
    const QString path = m_s.dir->filePath(u"lead.key"_s);
    QVERIFY(KeyFile::write(path, m_s.leadKey, "the right passphrase").ok());
    const Result<PrivateKey> wrong = KeyFile::read(path, "a wrong passphrase");
    QVERIFY(!wrong.ok());
    QVERIFY(!wrong.error().message.isEmpty());
    const Result<PrivateKey> right = KeyFile::read(path, "the right passphrase");
    QVERIFY(right.ok());
    QVERIFY(sign(right.value()).id > 0);
    QCOMPARE(status().state, SignoffState::Valid);
}

void TestSignoff::everyRequiredRoleMustApprove()
{
    QCOMPARE(m_s.ws->requiredSignoffRoles(m_s.releaseId).value(), QStringList{u"security-lead"_s});
    // By default an analyst's approval is not enough.
    QVERIFY(sign(m_s.analystKey).id > 0);
    QVERIFY(!status().gatePasses);
    QCOMPARE(status().missingRoles, QStringList{u"security-lead"_s});

    QVERIFY(
        m_s.ws->setRequiredSignoffRoles(m_s.releaseId, {u"Security Lead"_s, u"analyst"_s, u"security_lead"_s}).ok());
    QCOMPARE(m_s.ws->requiredSignoffRoles(m_s.releaseId).value(), (QStringList{u"security-lead"_s, u"analyst"_s}));
    QVERIFY(!m_s.ws->setRequiredSignoffRoles(m_s.releaseId, {}).ok());
    QVERIFY(sign(m_s.leadKey).id > 0);
    const ReleaseSignoffStatus both = status();
    QVERIFY2(both.gatePasses, qPrintable(both.gateReason));
    QVERIFY(both.gateReason.contains(u"security lead, analyst"_s));

    // A custom role nobody holds keeps the gate shut, and says which role is missing.
    QVERIFY(m_s.ws->setRequiredSignoffRoles(m_s.releaseId, {u"analyst"_s, u"Privacy officer"_s}).ok());
    const ReleaseSignoffStatus custom = status();
    QVERIFY(!custom.gatePasses);
    QCOMPARE(custom.missingRoles, QStringList{u"Privacy officer"_s});
    QVERIFY2(custom.gateReason.contains(u"Privacy officer"_s), qPrintable(custom.gateReason));
}

void TestSignoff::changeMakesItStaleAndANewSignoffValid()
{
    QVERIFY(sign(m_s.leadKey).id > 0);
    Record r = m_s.ws->record(m_s.dataset).value();
    r.license = u"CC-BY-4.0"_s;
    QVERIFY(m_s.ws->updateRecord(r).ok());
    const ReleaseSignoffStatus stale = status();
    QCOMPARE(stale.state, SignoffState::Stale);
    QVERIFY(!stale.gatePasses);
    QCOMPARE(stale.changes(),
             QStringList{u"Record %1 \"Corpus\": license changed from \"\" to \"CC-BY-4.0\""_s.arg(m_s.dataset)});
    QVERIFY2(stale.gateReason.contains(u"stale"_s), qPrintable(stale.gateReason));

    // Signing again covers the release as it is now; the older sign-off is kept but no longer current.
    QVERIFY(sign(m_s.leadKey).id > 0);
    const ReleaseSignoffStatus fresh = status();
    QCOMPARE(fresh.checks.size(), 2);
    QVERIFY(!fresh.checks.at(0).current);
    QCOMPARE(fresh.checks.at(0).state, SignoffState::Stale);
    QVERIFY(fresh.checks.at(1).current);
    QCOMPARE(fresh.state, SignoffState::Valid);
    QVERIFY2(fresh.gatePasses, qPrintable(fresh.gateReason));
}

void TestSignoff::tamperedSignoffIsBroken_data()
{
    QTest::addColumn<QString>("tamper");
    QTest::addColumn<QString>("problem");
    QTest::newRow("decision column") << u"decision"_s << u"differs from its signed statement in: decision"_s;
    QTest::newRow("signer column") << u"signer"_s << u"differs from its signed statement in: signer"_s;
    QTest::newRow("manifest bytes") << u"manifest"_s << u"The stored manifest hashes to"_s;
    QTest::newRow("manifest digest column") << u"manifest digest"_s << u"in: manifest digest"_s;
    QTest::newRow("identity's key swapped") << u"identity key"_s << u"is not the key"_s;
    QTest::newRow("envelope not JSON") << u"envelope garbage"_s << u"The envelope is malformed"_s;
    QTest::newRow("payload type changed") << u"payload type"_s << u"payload type is \"application/json\""_s;
    QTest::newRow("payload byte flipped") << u"flip"_s << u"No signature in the envelope verifies"_s;
    QTest::newRow("signatures removed") << u"no signatures"_s << u"The envelope"_s;
    QTest::newRow("signed by another key") << u"other key"_s << u"No signature in the envelope verifies"_s;
    // The verifier pitfalls (CVE-2026-39395, CVE-2022-35929): a correctly signed but malformed payload, or a
    // statement of another predicate type, must never verify.
    QTest::newRow("signed non-JSON payload") << u"signed garbage"_s << u"The signed payload is malformed"_s;
    QTest::newRow("signed other predicate type") << u"signed predicate"_s << u"predicate type is"_s;
    QTest::newRow("signed other manifest digest") << u"signed digest"_s << u"in: manifest digest"_s;
}

void TestSignoff::tamperedSignoffIsBroken()
{
    QFETCH(QString, tamper);
    QFETCH(QString, problem);
    const Signoff signoff = sign(m_s.leadKey);
    QVERIFY(signoff.id > 0);
    QCOMPARE(status().state, SignoffState::Valid);

    DsseEnvelope envelope = Dsse::parse(signoff.envelope, u"t"_s).value();
    QJsonObject statement = QJsonDocument::fromJson(envelope.payload).object();
    const auto resign = [&](const PrivateKey &key, const QByteArray &payload) {
        envelope.payload = payload;
        envelope.signatures = {{QString(), key.sign(envelope.preAuthenticationEncoding()).value()}};
    };
    const auto setEnvelope = [](const QByteArray &bytes) {
        return u"UPDATE signoff SET envelope = X'%1'"_s.arg(QString::fromLatin1(bytes.toHex()));
    };
    QString sql;
    if (tamper == u"decision"_s) {
        sql = u"UPDATE signoff SET decision = 'approve-with-conditions', conditions = 'none'"_s;
    } else if (tamper == u"signer"_s) {
        sql = u"UPDATE signoff SET signer = 'Somebody Else'"_s;
    } else if (tamper == u"manifest"_s) {
        sql = u"UPDATE signoff SET manifest = CAST(replace(CAST(manifest AS TEXT), 'Weights seen.', 'Weights SEEN.') "
              "AS BLOB)"_s;
    } else if (tamper == u"manifest digest"_s) {
        sql = u"UPDATE signoff SET manifest_sha256 = '%1'"_s.arg(QString(64, u'0'));
    } else if (tamper == u"identity key"_s) {
        sql = u"UPDATE identity SET public_key = '%1' WHERE id = %2"_s.arg(
            QString::fromLatin1(m_s.analystKey.publicKey().pem()), QString::number(m_s.lead.id));
    } else if (tamper == u"envelope garbage"_s) {
        sql = setEnvelope("{\"payloadType\": 3");
    } else if (tamper == u"payload type"_s) {
        envelope.payloadType = u"application/json"_s;
        sql = setEnvelope(Dsse::serialize(envelope));
    } else if (tamper == u"flip"_s) {
        envelope.payload.replace("approve", "apprOve");
        sql = setEnvelope(Dsse::serialize(envelope));
    } else if (tamper == u"no signatures"_s) {
        envelope.signatures.clear();
        sql = setEnvelope(QJsonDocument(Dsse::toJson(envelope)).toJson());
    } else if (tamper == u"other key"_s) {
        resign(m_s.analystKey, envelope.payload);
        sql = setEnvelope(Dsse::serialize(envelope));
    } else if (tamper == u"signed garbage"_s) {
        resign(m_s.leadKey, "this is not { json");
        sql = setEnvelope(Dsse::serialize(envelope));
    } else if (tamper == u"signed predicate"_s) {
        statement.insert(u"predicateType"_s, u"https://slsa.dev/provenance/v1"_s);
        resign(m_s.leadKey, CanonicalJson::serialize(statement));
        sql = setEnvelope(Dsse::serialize(envelope));
    } else if (tamper == u"signed digest"_s) {
        QJsonObject predicate = statement.value(u"predicate"_s).toObject();
        predicate.insert(u"manifest_sha256"_s, QString(64, u'e'));
        statement.insert(u"predicate"_s, predicate);
        statement.insert(u"subject"_s,
                         QJsonArray{QJsonObject{{u"name"_s, u"strata-release:chat@2.0"_s},
                                                {u"digest"_s, QJsonObject{{u"sha256"_s, QString(64, u'e')}}}}});
        resign(m_s.leadKey, CanonicalJson::serialize(statement));
        sql = setEnvelope(Dsse::serialize(envelope));
    }
    QVERIFY(!sql.isEmpty());
    reopenAfter(sql);
    if (QTest::currentTestFailed())
        return;

    const ReleaseSignoffStatus st = status();
    QCOMPARE(st.state, SignoffState::Broken);
    QVERIFY(!st.gatePasses);
    QCOMPARE(st.checks.size(), 1);
    QCOMPARE(st.checks.constFirst().state, SignoffState::Broken);
    const QString problems = st.checks.constFirst().problems.join(u'\n');
    QVERIFY2(problems.contains(problem), qPrintable(problems));
    QVERIFY2(st.gateReason.contains(u"broken"_s), qPrintable(st.gateReason));
}

QTEST_GUILESS_MAIN(TestSignoff)
#include "TestSignoff.moc"
