// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace strata {

/// The formats a sign-off is written in; changing any of them makes earlier sign-offs unreadable.
namespace signoffformat {
/// DSSE payload type of an in-toto statement.
inline const QString kPayloadType = QStringLiteral("application/vnd.in-toto+json");
/// in-toto Statement v1.
inline const QString kStatementType = QStringLiteral("https://in-toto.io/Statement/v1");
/// Strata's sign-off predicate, version 1 (fields: see SignoffStatement).
inline const QString kPredicateType = QStringLiteral("https://strata.dev/signoff/v1");
/// The manifest of what was reviewed, version 1 (see SignoffManifest).
inline const QString kManifestSchema = QStringLiteral("https://strata.dev/signoff/manifest/v1");
} // namespace signoffformat

/// What a reviewer decides about a release.
enum class SignoffDecision { Approve, ApproveWithConditions, Reject };

QString signoffDecisionKey(SignoffDecision decision); ///< "approve", "approve-with-conditions", "reject"
std::optional<SignoffDecision> signoffDecisionFromKey(const QString &key);
QString signoffDecisionLabel(SignoffDecision decision); ///< translated
/// The meaning of the signature (21 CFR 11.50), in English because it is part of the signed statement.
QString signoffMeaning(SignoffDecision decision);
bool isApproval(SignoffDecision decision);

/// Where a sign-off (or a release's sign-offs together) stands when checked now.
enum class SignoffState { None, Valid, Stale, Broken };

QString signoffStateKey(SignoffState state);   ///< "none", "valid", "stale", "broken"
QString signoffStateLabel(SignoffState state); ///< translated

/// One stored sign-off: the signed bytes and, for lists, what its statement says.
struct Signoff
{
    qint64 id = 0;
    qint64 releaseId = 0;
    qint64 identityId = 0;
    QString signer;
    QString role; ///< role key: "analyst", "security-lead" or a custom role's name
    SignoffDecision decision = SignoffDecision::Approve;
    QString conditions;
    QDateTime signedAt;
    QString keyFingerprint; ///< lowercase hex SHA-256 of the signer's public key
    QString manifestSha256;
    QByteArray manifest; ///< canonical manifest bytes as signed
    QByteArray envelope; ///< DSSE envelope JSON as written
};

/// One sign-off checked now: broken problems, or the changes since it was signed.
struct SignoffCheck
{
    Signoff signoff;
    SignoffState state = SignoffState::Broken;
    QStringList problems; ///< translated; why it is broken
    QStringList changes;  ///< translated; what changed since it was signed (stale)
    QString auditHead;    ///< the audit-trail head the statement names
    bool current = true;  ///< false when the same signer signed the release again later
};

/// A release's sign-offs checked now, against the roles it needs.
struct ReleaseSignoffStatus
{
    qint64 releaseId = 0;
    SignoffState state = SignoffState::None;
    QList<SignoffCheck> checks; ///< oldest first
    QStringList requiredRoles;  ///< role keys
    QStringList missingRoles;   ///< required roles without a current, valid approval
    bool rejected = false;      ///< a current sign-off rejects the release
    bool gatePasses = false;
    QString gateReason; ///< translated; one line, why the gate passes or not
    /// What changed since the current sign-offs were signed, without repeats.
    QStringList changes() const;
};

/// Role keys and the policy of required roles.
class SignoffRoles
{
    Q_DECLARE_TR_FUNCTIONS(strata::SignoffRoles)

public:
    /// A release without a policy needs one approval from a security lead.
    static QStringList defaultRoles();
    /// "analyst", "security-lead" (also "security lead"), or a custom role's name, trimmed.
    static QString normalize(const QString &role);
    /// The role as people read it: "analyst", "security lead", or the custom name.
    static QString display(const QString &roleKey);
    static bool same(const QString &a, const QString &b);
};

/// The in-toto statement a sign-off signs, with Strata's predicate:
/// `{"_type": kStatementType, "subject": [{"name": "strata-release:NAME@VERSION", "digest": {"sha256": M}}],
///   "predicateType": kPredicateType, "predicate": {"release": {"id", "name", "version"}, "signer": {"name",
///   "role", "key_fingerprint"}, "decision", "conditions", "signed_at" (UTC, ISO 8601 with milliseconds),
///   "meaning", "manifest_sha256": M, "audit_head"}}`.
class SignoffStatement
{
    Q_DECLARE_TR_FUNCTIONS(strata::SignoffStatement)

public:
    /// What the statement says; `signoff.manifestSha256` is the subject digest.
    static QJsonObject build(const Signoff &signoff,
                             const QString &releaseName,
                             const QString &releaseVersion,
                             const QString &auditHead);
    /// Reads a verified payload back. Anything not exactly a Strata sign-off statement (other _type or
    /// predicateType, missing or mistyped fields, more than one subject) is refused with the reason.
    static Result<Signoff> parse(const QJsonObject &statement, QString *auditHead);
};

} // namespace strata
