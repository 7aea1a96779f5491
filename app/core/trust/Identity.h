// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace strata {

/// What a signer is in a review; a sign-off policy can require one signature per role.
enum class IdentityRole { Analyst, SecurityLead, Custom };

/// A reviewer's signing identity as a workspace knows it: a name, a role and the public half of an Ed25519 key.
struct Identity
{
    qint64 id = 0;
    QString name;
    IdentityRole role = IdentityRole::Analyst;
    QString customRole;   ///< the role's name when role is Custom
    QByteArray publicKey; ///< PEM SubjectPublicKeyInfo
    QString fingerprint;  ///< SHA-256 of the DER SubjectPublicKeyInfo, lowercase hex
    QDateTime createdAt;
    QString createdBy;
};

/// Names, checks and the portable public-key file of identities, shared by the workspace and the CLI.
class Identities
{
    Q_DECLARE_TR_FUNCTIONS(strata::Identities)

public:
    static constexpr int kNameMax = 200;
    static constexpr int kCustomRoleMax = 100;

    /// "analyst", "security-lead", "custom"
    static QString roleKey(IdentityRole role);
    /// Accepts the keys above and "security lead"/"security_lead"; any other text is a custom role.
    static IdentityRole roleFromText(const QString &text, QString *customRole);
    /// The role as people read it: "analyst", "security lead", or the custom role's own name.
    static QString displayRole(const Identity &identity);
    /// Checks the name and role (not the key); the message says what to change.
    static Status validate(const Identity &identity);
    /// The key's fingerprint as shown to people: "SHA256:" and the hex digest in groups of four.
    static QString displayFingerprint(const QString &fingerprint);

    /// A PEM public key preceded by "Strata-Identity-Name:" and "Strata-Identity-Role:" lines, which
    /// OpenSSL and other tools skip, so the file is both a plain public key and a shareable identity.
    static QByteArray exportPublicKey(const Identity &identity);
    /// Reads such a file (or a bare PEM public key, whose name and role are then empty): the key must be Ed25519.
    static Result<Identity> parsePublicKeyFile(const QByteArray &data, const QString &source);
};

} // namespace strata
