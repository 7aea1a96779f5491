// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "signoff/Signoff.h"

#include "trust/Identity.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

const QString kSubjectPrefix = u"strata-release:"_s;

bool isHexDigest(const QString &text)
{
    static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
    return hex.match(text).hasMatch();
}

} // namespace

QString signoffDecisionKey(SignoffDecision decision)
{
    switch (decision) {
    case SignoffDecision::Approve:
        return u"approve"_s;
    case SignoffDecision::ApproveWithConditions:
        return u"approve-with-conditions"_s;
    case SignoffDecision::Reject:
        return u"reject"_s;
    }
    return QString();
}

std::optional<SignoffDecision> signoffDecisionFromKey(const QString &key)
{
    for (SignoffDecision d :
         {SignoffDecision::Approve, SignoffDecision::ApproveWithConditions, SignoffDecision::Reject})
        if (signoffDecisionKey(d) == key)
            return d;
    return std::nullopt;
}

QString signoffDecisionLabel(SignoffDecision decision)
{
    switch (decision) {
    case SignoffDecision::Approve:
        return SignoffStatement::tr("approved");
    case SignoffDecision::ApproveWithConditions:
        return SignoffStatement::tr("approved with conditions");
    case SignoffDecision::Reject:
        return SignoffStatement::tr("rejected");
    }
    return QString();
}

QString signoffMeaning(SignoffDecision decision)
{
    switch (decision) {
    case SignoffDecision::Approve:
        return u"approved for release"_s;
    case SignoffDecision::ApproveWithConditions:
        return u"approved for release with conditions"_s;
    case SignoffDecision::Reject:
        return u"reviewed, rejected"_s;
    }
    return QString();
}

bool isApproval(SignoffDecision decision)
{
    return decision != SignoffDecision::Reject;
}

QString signoffStateKey(SignoffState state)
{
    switch (state) {
    case SignoffState::None:
        return u"none"_s;
    case SignoffState::Valid:
        return u"valid"_s;
    case SignoffState::Stale:
        return u"stale"_s;
    case SignoffState::Broken:
        return u"broken"_s;
    }
    return QString();
}

QString signoffStateLabel(SignoffState state)
{
    switch (state) {
    case SignoffState::None:
        return SignoffStatement::tr("not signed");
    case SignoffState::Valid:
        return SignoffStatement::tr("valid");
    case SignoffState::Stale:
        return SignoffStatement::tr("stale");
    case SignoffState::Broken:
        return SignoffStatement::tr("broken");
    }
    return QString();
}

QStringList ReleaseSignoffStatus::changes() const
{
    QStringList all;
    for (const SignoffCheck &check : checks) {
        if (!check.current)
            continue;
        for (const QString &change : check.changes)
            if (!all.contains(change))
                all.append(change);
    }
    return all;
}

QStringList SignoffRoles::defaultRoles()
{
    return {u"security-lead"_s};
}

QString SignoffRoles::normalize(const QString &role)
{
    QString custom;
    const IdentityRole parsed = Identities::roleFromText(role, &custom);
    return parsed == IdentityRole::Custom ? custom : Identities::roleKey(parsed);
}

QString SignoffRoles::display(const QString &roleKey)
{
    if (roleKey == u"analyst"_s)
        return Identities::tr("analyst");
    if (roleKey == u"security-lead"_s)
        return Identities::tr("security lead");
    return roleKey;
}

bool SignoffRoles::same(const QString &a, const QString &b)
{
    return normalize(a).compare(normalize(b), Qt::CaseInsensitive) == 0;
}

QJsonObject SignoffStatement::build(const Signoff &signoff,
                                    const QString &releaseName,
                                    const QString &releaseVersion,
                                    const QString &auditHead)
{
    const QString label = releaseVersion.isEmpty() ? releaseName : u"%1@%2"_s.arg(releaseName, releaseVersion);
    const QJsonObject predicate{
        {u"release"_s,
         QJsonObject{{u"id"_s, signoff.releaseId}, {u"name"_s, releaseName}, {u"version"_s, releaseVersion}}},
        {u"signer"_s, QJsonObject{{u"name"_s, signoff.signer},
                                  {u"role"_s, signoff.role},
                                  {u"key_fingerprint"_s, signoff.keyFingerprint}}},
        {u"decision"_s, signoffDecisionKey(signoff.decision)},
        {u"conditions"_s, signoff.conditions},
        {u"signed_at"_s, signoff.signedAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"meaning"_s, signoffMeaning(signoff.decision)},
        {u"manifest_sha256"_s, signoff.manifestSha256},
        {u"audit_head"_s, auditHead}};
    return QJsonObject{
        {u"_type"_s, signoffformat::kStatementType},
        {u"subject"_s, QJsonArray{QJsonObject{{u"name"_s, QString(kSubjectPrefix + label)},
                                              {u"digest"_s, QJsonObject{{u"sha256"_s, signoff.manifestSha256}}}}}},
        {u"predicateType"_s, signoffformat::kPredicateType},
        {u"predicate"_s, predicate}};
}

Result<Signoff> SignoffStatement::parse(const QJsonObject &statement, QString *auditHead)
{
    const auto refuse = [](const QString &why) { return Error{ErrorCode::Integrity, why}; };
    if (statement.value(u"_type"_s).toString() != signoffformat::kStatementType)
        return refuse(tr("The statement's _type is \"%1\", not an in-toto Statement v1.")
                          .arg(statement.value(u"_type"_s).toString()));
    if (statement.value(u"predicateType"_s).toString() != signoffformat::kPredicateType)
        return refuse(tr("The statement's predicate type is \"%1\", not %2.")
                          .arg(statement.value(u"predicateType"_s).toString(), signoffformat::kPredicateType));
    const QJsonArray subjects = statement.value(u"subject"_s).toArray();
    if (subjects.size() != 1 || !subjects.at(0).isObject())
        return refuse(tr("The statement must name exactly one subject; it names %1.").arg(subjects.size()));
    const QString subjectDigest = subjects.at(0).toObject().value(u"digest"_s).toObject().value(u"sha256"_s).toString();
    if (!statement.value(u"predicate"_s).isObject())
        return refuse(tr("The statement has no predicate object."));
    const QJsonObject predicate = statement.value(u"predicate"_s).toObject();
    const QJsonObject release = predicate.value(u"release"_s).toObject();
    const QJsonObject signer = predicate.value(u"signer"_s).toObject();
    Signoff signoff;
    signoff.releaseId = release.value(u"id"_s).toInteger();
    signoff.signer = signer.value(u"name"_s).toString();
    signoff.role = signer.value(u"role"_s).toString();
    signoff.keyFingerprint = signer.value(u"key_fingerprint"_s).toString();
    const std::optional<SignoffDecision> decision = signoffDecisionFromKey(predicate.value(u"decision"_s).toString());
    if (!decision)
        return refuse(tr("The statement's decision \"%1\" is not approve, approve-with-conditions or reject.")
                          .arg(predicate.value(u"decision"_s).toString()));
    signoff.decision = *decision;
    if (predicate.value(u"meaning"_s).toString() != signoffMeaning(*decision))
        return refuse(tr("The statement's meaning \"%1\" does not match its decision %2.")
                          .arg(predicate.value(u"meaning"_s).toString(), signoffDecisionKey(*decision)));
    signoff.conditions = predicate.value(u"conditions"_s).toString();
    signoff.signedAt = QDateTime::fromString(predicate.value(u"signed_at"_s).toString(), Qt::ISODateWithMs);
    signoff.manifestSha256 = predicate.value(u"manifest_sha256"_s).toString();
    if (signoff.releaseId <= 0 || signoff.signer.isEmpty() || signoff.role.isEmpty() || !signoff.signedAt.isValid() ||
        !isHexDigest(signoff.keyFingerprint) || !isHexDigest(signoff.manifestSha256))
        return refuse(tr("The statement's predicate lacks a release id, signer, role, key fingerprint, time or "
                         "manifest digest."));
    if (subjectDigest != signoff.manifestSha256)
        return refuse(tr("The statement's subject digest %1 differs from its manifest digest %2.")
                          .arg(subjectDigest, signoff.manifestSha256));
    if (auditHead)
        *auditHead = predicate.value(u"audit_head"_s).toString();
    return signoff;
}

} // namespace strata
