// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// The release sign-off part of Workspace: what a sign-off covers is read through the workspace's own reads, signed
// with the reviewer's key, and every stored sign-off is checked again against the release as it is now.
#include "evidence/EvidenceStore.h"
#include "signoff/CanonicalJson.h"
#include "signoff/SignoffVerifier.h"
#include "storage/AssessmentRepository.h"
#include "storage/EvidenceRepository.h"
#include "storage/RecordRepository.h"
#include "storage/SignoffRepository.h"
#include "storage/TrustRepository.h"
#include "trust/Dsse.h"
#include "trust/Keys.h"
#include "util/CrashPoint.h"
#include "util/Sha256.h"
#include "workspace/Workspace.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kConditionsMax = 5000;

QString identityRoleKey(const Identity &identity)
{
    return identity.role == IdentityRole::Custom ? identity.customRole : Identities::roleKey(identity.role);
}

QStringList displayRoles(const QStringList &roles)
{
    QStringList shown;
    for (const QString &role : roles)
        shown << SignoffRoles::display(role);
    return shown;
}

/// Takes each evidence digest of `scope` from `hashed` (the same evidence with the same stored digest), and hashes
/// the files `hashed` does not cover.
Status reuseEvidenceDigests(SignoffScope &scope, const SignoffScope &hashed, const QString &evidenceFolder)
{
    QHash<std::pair<qint64, QString>, QString> digests;
    for (const ScopeEvidence &e : hashed.evidence)
        digests.insert({e.evidence.id, e.evidence.sha256}, e.fileSha256);
    SignoffScope missing;
    for (const ScopeEvidence &e : std::as_const(scope.evidence)) {
        if (!digests.contains({e.evidence.id, e.evidence.sha256}))
            missing.evidence.append(e);
    }
    if (Status s = Workspace::hashSignoffEvidence(missing, evidenceFolder, nullptr); !s)
        return s;
    for (const ScopeEvidence &e : std::as_const(missing.evidence))
        digests.insert({e.evidence.id, e.evidence.sha256}, e.fileSha256);
    for (ScopeEvidence &e : scope.evidence)
        e.fileSha256 = digests.value({e.evidence.id, e.evidence.sha256});
    return Ok{};
}

} // namespace

QString Workspace::signoffAuditHead() const
{
    // The trail's head ("SEQ:HASH") as the sign-off is made: signed, so a later rewrite of the whole trail is caught
    // against it, but never compared for staleness, since unrelated changes move it.
    const Result<AuditHead> head = auditHead();
    return head ? head.value().toString() : QString();
}

Result<SignoffScope> Workspace::signoffScope(qint64 releaseId) const
{
    Result<SignoffScope> scope = readSignoffScope(releaseId);
    if (!scope)
        return scope;
    if (Status s = hashSignoffEvidence(scope.value(), evidenceFolder(), nullptr); !s)
        return s.error();
    return scope;
}

Result<SignoffScope> Workspace::readSignoffScope(qint64 releaseId) const
{
    AssessmentRepository assessments(*m_db);
    Result<Release> release = assessments.release(releaseId);
    if (!release)
        return release.error();
    SignoffScope scope;
    scope.release = release.value();
    scope.auditHead = signoffAuditHead();

    QList<qint64> ids;
    QSet<qint64> members;
    for (const ReleaseMember &m : std::as_const(scope.release.members)) {
        ids.append(m.recordId);
        members.insert(m.recordId);
    }
    if (m_records->get(scope.release.rootId)) {
        Result<QList<qint64>> upstream = upstreamOf(scope.release.rootId);
        if (!upstream)
            return upstream.error();
        for (qint64 id : std::as_const(upstream.value()))
            if (!members.contains(id))
                ids.append(id);
    }
    QSet<qint64> evidenceIds;
    for (qint64 id : std::as_const(ids)) {
        Result<RecordSnapshot> snap = snapshot(id);
        if (!snap) {
            if (snap.error().code == ErrorCode::NotFound)
                continue; // removed since the release was made: the manifest shows it gone
            return snap.error();
        }
        ScopeRecord record{snap.value().record, snap.value().artifacts, {}, members.contains(id)};
        Result<QList<std::pair<qint64, QString>>> attached = TrustRepository(*m_db).recordEvidence(id);
        if (!attached)
            return attached.error();
        for (const auto &[evidenceId, purpose] : std::as_const(attached.value())) {
            record.evidenceIds.append(evidenceId);
            evidenceIds.insert(evidenceId);
        }
        scope.records.append(record);
    }

    Result<QList<AssessmentSummary>> summaries = assessments.assessments();
    if (!summaries)
        return summaries.error();
    for (const AssessmentSummary &summary : std::as_const(summaries.value())) {
        if (!summary.releaseScope)
            continue;
        Result<Assessment> header = assessments.assessment(summary.id);
        if (!header)
            return header.error();
        if (header.value().scope.releaseId != releaseId)
            continue;
        Result<Assessment> full = assessment(summary.id);
        if (!full)
            return full.error();
        for (const AssessmentItem &item : std::as_const(full.value().items))
            for (const Evidence &e : item.evidence)
                evidenceIds.insert(e.id);
        Result<QList<Finding>> found = findings(summary.id);
        if (!found)
            return found.error();
        scope.findings.append(found.value());
        scope.assessments.append(full.value());
    }

    if (!evidenceIds.isEmpty()) {
        Result<QList<Evidence>> all = EvidenceRepository(*m_db).list();
        if (!all)
            return all.error();
        for (const Evidence &e : std::as_const(all.value()))
            if (evidenceIds.contains(e.id))
                scope.evidence.append({e, QString()});
    }
    return scope;
}

Status Workspace::hashSignoffEvidence(SignoffScope &scope,
                                      const QString &evidenceFolder,
                                      const std::atomic<bool> *cancel)
{
    // A missing file leaves its digest empty, which the manifest shows.
    const EvidenceStore store(evidenceFolder);
    for (ScopeEvidence &e : scope.evidence) {
        Result<QString> hashed = store.hashBlob(e.evidence.sha256, cancel);
        if (!hashed && hashed.error().code != ErrorCode::NotFound)
            return hashed.error();
        e.fileSha256 = hashed ? hashed.value() : QString();
    }
    return Ok{};
}

Result<QByteArray> Workspace::signoffManifest(qint64 releaseId) const
{
    Result<SignoffScope> scope = signoffScope(releaseId);
    if (!scope)
        return scope.error();
    return SignoffManifest::bytes(scope.value());
}

Result<QStringList> Workspace::approvalRefusals(qint64 releaseId) const
{
    Result<SignoffScope> scope = signoffScope(releaseId);
    if (!scope)
        return scope.error();
    return SignoffManifest::refusals(scope.value(), QDate::currentDate());
}

Result<Signoff> Workspace::signOff(qint64 releaseId,
                                   const PrivateKey &key,
                                   SignoffDecision decision,
                                   const QString &conditionsText)
{
    return signOff(releaseId, key, decision, conditionsText, SignoffScope{});
}

Result<Signoff> Workspace::signOff(qint64 releaseId,
                                   const PrivateKey &key,
                                   SignoffDecision decision,
                                   const QString &conditionsText,
                                   const SignoffScope &hashed)
{
    if (Status s = writable(); !s)
        return s.error();
    if (key.isNull() || key.type() != KeyType::Ed25519)
        return Error{ErrorCode::InvalidInput, tr("A sign-off needs an Ed25519 signing key; see strata-cli key new.")};
    const QString conditions = conditionsText.trimmed();
    static const QRegularExpression control(
        u"[\\x{0}-\\x{8}\\x{B}-\\x{1F}\\x{7F}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]"_s);
    if (conditions.size() > kConditionsMax)
        return Error{
            ErrorCode::InvalidInput,
            tr("The conditions have %1 characters; at most %2 are kept.").arg(conditions.size()).arg(kConditionsMax)};
    if (control.match(conditions).hasMatch())
        return Error{ErrorCode::InvalidInput, tr("The conditions contain control characters; type plain text.")};
    if (decision == SignoffDecision::Approve && !conditions.isEmpty())
        decision = SignoffDecision::ApproveWithConditions;
    if (decision == SignoffDecision::ApproveWithConditions && conditions.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("An approval with conditions needs the conditions written out.")};

    const QString fingerprint = key.publicKey().fingerprint();
    TrustRepository trust(*m_db);
    Result<std::optional<Identity>> identity = trust.identityByFingerprint(fingerprint);
    if (!identity)
        return identity.error();
    if (!identity.value())
        return Error{ErrorCode::NotFound, tr("The key %1 is not the key of any identity in this workspace; import its "
                                             "public key with \"strata-cli key import\" first.")
                                              .arg(Identities::displayFingerprint(fingerprint))};
    // The scope is read again now, so what is signed is the release as it is at this moment; only the evidence
    // digests come from `hashed`, and a file it did not cover (attached since) is hashed here.
    Result<SignoffScope> scope = readSignoffScope(releaseId);
    if (!scope)
        return scope.error();
    if (Status s = reuseEvidenceDigests(scope.value(), hashed, evidenceFolder()); !s)
        return s.error();
    if (isApproval(decision)) {
        const QStringList reasons = SignoffManifest::refusals(scope.value(), QDate::currentDate());
        if (!reasons.isEmpty())
            return Error{ErrorCode::InvalidInput,
                         tr("Approval of %1 is refused (%n reason(s)): %2", "", int(reasons.size()))
                             .arg(scope.value().release.label(), reasons.join(u" "_s))};
    }

    Signoff signoff;
    signoff.releaseId = releaseId;
    signoff.identityId = identity.value()->id;
    signoff.signer = identity.value()->name;
    signoff.role = identityRoleKey(*identity.value());
    signoff.decision = decision;
    signoff.conditions = conditions;
    // Milliseconds are what the statement and the row keep; a finer clock would never compare equal again.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    signoff.signedAt = QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch(), Qt::UTC);
    signoff.keyFingerprint = fingerprint;
    signoff.manifest = SignoffManifest::bytes(scope.value());
    signoff.manifestSha256 = Sha256::hex(signoff.manifest);
    const QJsonObject statement = SignoffStatement::build(signoff, scope.value().release.name,
                                                          scope.value().release.version, scope.value().auditHead);
    DsseEnvelope envelope;
    envelope.payloadType = signoffformat::kPayloadType;
    envelope.payload = CanonicalJson::serialize(statement);
    Result<QByteArray> signature = key.sign(envelope.preAuthenticationEncoding());
    if (!signature)
        return signature.error();
    envelope.signatures.append({fingerprint, signature.value()});
    signoff.envelope = Dsse::serialize(envelope);
    crashPoint("signoff.signed");

    const CrashScope crashScope("signoff");
    const Status s = inTransaction([&]() -> Status {
        Result<qint64> id = SignoffRepository(*m_db).insert(signoff);
        if (!id)
            return id.error();
        signoff.id = id.value();
        return recordAudit(u"signoff.create"_s, u"release"_s, releaseId, {},
                           QJsonObject{{u"signoff"_s, signoff.id},
                                       {u"signer"_s, signoff.signer},
                                       {u"role"_s, signoff.role},
                                       {u"decision"_s, signoffDecisionKey(signoff.decision)},
                                       {u"conditions"_s, signoff.conditions},
                                       {u"key"_s, signoff.keyFingerprint},
                                       {u"manifest_sha256"_s, signoff.manifestSha256}});
    });
    if (!s)
        return s.error();
    changed(Change::Signoffs);
    return signoff;
}

Result<QList<Signoff>> Workspace::signoffs(qint64 releaseId) const
{
    return SignoffRepository(*m_db).forRelease(releaseId);
}

Result<QStringList> Workspace::requiredSignoffRoles(qint64 releaseId) const
{
    Result<std::optional<QStringList>> stored = SignoffRepository(*m_db).requiredRoles(releaseId);
    if (!stored)
        return stored.error();
    return stored.value() && !stored.value()->isEmpty() ? *stored.value() : SignoffRoles::defaultRoles();
}

Status Workspace::setRequiredSignoffRoles(qint64 releaseId, const QStringList &roles)
{
    if (Status s = writable(); !s)
        return s;
    QStringList normalized;
    for (const QString &role : roles) {
        const QString key = SignoffRoles::normalize(role);
        if (key.isEmpty() || key.size() > Identities::kCustomRoleMax)
            return Error{ErrorCode::InvalidInput,
                         tr("\"%1\" is not a role: give analyst, security-lead or a role name of at most %2 "
                            "characters.")
                             .arg(role)
                             .arg(Identities::kCustomRoleMax)};
        bool seen = false;
        for (const QString &other : std::as_const(normalized))
            seen = seen || SignoffRoles::same(other, key);
        if (!seen)
            normalized.append(key);
    }
    if (normalized.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("A release needs an approval from at least one role.")};
    Result<Release> release = AssessmentRepository(*m_db).release(releaseId);
    if (!release)
        return release.error();
    Result<QStringList> previous = requiredSignoffRoles(releaseId);
    if (!previous)
        return previous.error();
    const Status s = inTransaction([&]() -> Status {
        if (Status set = SignoffRepository(*m_db).setRequiredRoles(releaseId, normalized); !set)
            return set;
        return recordAudit(u"signoff.roles"_s, u"release"_s, releaseId,
                           {{u"roles"_s, QJsonArray::fromStringList(previous.value())}},
                           {{u"roles"_s, QJsonArray::fromStringList(normalized)}});
    });
    if (!s)
        return s;
    changed(Change::Signoffs);
    return Ok{};
}

Result<ReleaseSignoffStatus> Workspace::signoffStatus(qint64 releaseId) const
{
    Result<SignoffStatusInput> input = signoffStatusInput(releaseId);
    if (!input)
        return input.error();
    return checkSignoffStatus(std::move(input).value());
}

Result<SignoffStatusInput> Workspace::signoffStatusInput(qint64 releaseId) const
{
    Result<Release> release = AssessmentRepository(*m_db).release(releaseId);
    if (!release)
        return release.error();
    Result<QList<Signoff>> stored = signoffs(releaseId);
    if (!stored)
        return stored.error();
    Result<QStringList> roles = requiredSignoffRoles(releaseId);
    if (!roles)
        return roles.error();
    SignoffStatusInput input;
    input.releaseId = releaseId;
    input.releaseLabel = release.value().label();
    input.requiredRoles = roles.value();
    input.signoffs = stored.value();
    input.evidenceFolder = evidenceFolder();
    if (input.signoffs.isEmpty())
        return input;
    TrustRepository trust(*m_db);
    for (const Signoff &signoff : std::as_const(input.signoffs)) {
        Result<std::optional<Identity>> identity = trust.identity(signoff.identityId);
        if (!identity)
            return identity.error();
        input.signers.append(identity.value());
    }
    Result<SignoffScope> scope = readSignoffScope(releaseId);
    if (!scope)
        return scope.error();
    input.scope = std::move(scope).value();
    return input;
}

Result<ReleaseSignoffStatus> Workspace::checkSignoffStatus(SignoffStatusInput input, const std::atomic<bool> *cancel)
{
    ReleaseSignoffStatus status;
    status.releaseId = input.releaseId;
    status.requiredRoles = input.requiredRoles;
    const QString &label = input.releaseLabel;
    if (input.signoffs.isEmpty()) {
        status.missingRoles = status.requiredRoles;
        status.gateReason = tr("%1 is not signed off; it needs an approval from: %2.")
                                .arg(label, displayRoles(status.missingRoles).join(u", "_s));
        return status;
    }
    if (Status s = hashSignoffEvidence(input.scope, input.evidenceFolder, cancel); !s)
        return s.error();
    const QByteArray manifest = SignoffManifest::bytes(input.scope);

    QHash<qint64, int> latestByIdentity;
    for (int i = 0; i < input.signoffs.size(); ++i) {
        const Signoff &signoff = input.signoffs.at(i);
        status.checks.append(SignoffVerifier::check(signoff, input.signers.value(i), manifest));
        latestByIdentity.insert(signoff.identityId, int(status.checks.size()) - 1);
    }
    bool anyBroken = false;
    bool anyStale = false;
    const SignoffCheck *firstBroken = nullptr;
    const SignoffCheck *rejection = nullptr;
    for (int i = 0; i < status.checks.size(); ++i) {
        SignoffCheck &check = status.checks[i];
        check.current = latestByIdentity.value(check.signoff.identityId) == i;
        if (check.state == SignoffState::Broken) {
            anyBroken = true;
            if (!firstBroken)
                firstBroken = &check;
        }
        if (!check.current || check.state == SignoffState::Broken)
            continue;
        anyStale = anyStale || check.state == SignoffState::Stale;
        if (check.signoff.decision == SignoffDecision::Reject) {
            status.rejected = true;
            rejection = &check;
        }
    }
    status.state = anyBroken ? SignoffState::Broken : anyStale ? SignoffState::Stale : SignoffState::Valid;
    for (const QString &role : std::as_const(status.requiredRoles)) {
        bool approved = false;
        for (const SignoffCheck &check : std::as_const(status.checks))
            approved = approved || (check.current && check.state == SignoffState::Valid &&
                                    isApproval(check.signoff.decision) && SignoffRoles::same(check.signoff.role, role));
        if (!approved)
            status.missingRoles.append(role);
    }
    status.gatePasses = status.state == SignoffState::Valid && !status.rejected && status.missingRoles.isEmpty();
    if (firstBroken)
        status.gateReason = tr("%1 has a broken sign-off (%2 by %3): %4")
                                .arg(label, QString::number(firstBroken->signoff.id), firstBroken->signoff.signer,
                                     firstBroken->problems.value(0));
    else if (status.state == SignoffState::Stale)
        status.gateReason = tr("%1's sign-off is stale: %n change(s) since it was signed, the first: %2", "",
                               int(status.changes().size()))
                                .arg(label, status.changes().value(0));
    else if (rejection)
        status.gateReason = tr("%1 was rejected by %2 (%3).")
                                .arg(label, rejection->signoff.signer, SignoffRoles::display(rejection->signoff.role));
    else if (!status.missingRoles.isEmpty())
        status.gateReason =
            tr("%1 still needs an approval from: %2.").arg(label, displayRoles(status.missingRoles).join(u", "_s));
    else
        status.gateReason = tr("%1 is approved by every required role (%2), and nothing changed since.")
                                .arg(label, displayRoles(status.requiredRoles).join(u", "_s));
    return status;
}

} // namespace strata
