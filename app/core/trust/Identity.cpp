// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "trust/Identity.h"

#include "trust/Keys.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

const QByteArray kNameHeader = "Strata-Identity-Name: ";
const QByteArray kRoleHeader = "Strata-Identity-Role: ";

bool hasControlCharacters(const QString &text)
{
    static const QRegularExpression control(u"[\\x{0}-\\x{1F}\\x{7F}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]"_s);
    return control.match(text).hasMatch();
}

} // namespace

QString Identities::roleKey(IdentityRole role)
{
    switch (role) {
    case IdentityRole::Analyst:
        return u"analyst"_s;
    case IdentityRole::SecurityLead:
        return u"security-lead"_s;
    case IdentityRole::Custom:
        return u"custom"_s;
    }
    return QString();
}

IdentityRole Identities::roleFromText(const QString &text, QString *customRole)
{
    QString key = text.trimmed().toLower();
    key.replace(u' ', u'-').replace(u'_', u'-');
    if (customRole)
        customRole->clear();
    if (key == u"analyst"_s)
        return IdentityRole::Analyst;
    if (key == u"security-lead"_s)
        return IdentityRole::SecurityLead;
    if (customRole)
        *customRole = text.trimmed();
    return IdentityRole::Custom;
}

QString Identities::displayRole(const Identity &identity)
{
    switch (identity.role) {
    case IdentityRole::Analyst:
        return tr("analyst");
    case IdentityRole::SecurityLead:
        return tr("security lead");
    case IdentityRole::Custom:
        return identity.customRole;
    }
    return QString();
}

Status Identities::validate(const Identity &identity)
{
    const QString name = identity.name.trimmed();
    if (name.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("An identity needs a name; give the reviewer's name with --name.")};
    if (name.size() > kNameMax)
        return Error{
            ErrorCode::InvalidInput,
            tr("The identity name is %1 characters long; at most %2 are allowed.").arg(name.size()).arg(kNameMax)};
    if (hasControlCharacters(name))
        return Error{ErrorCode::InvalidInput, tr("The identity name contains control characters; remove them.")};
    if (identity.role == IdentityRole::Custom) {
        const QString role = identity.customRole.trimmed();
        if (role.isEmpty() || role.compare(u"custom"_s, Qt::CaseInsensitive) == 0)
            return Error{ErrorCode::InvalidInput, tr("A custom role needs its own name, such as \"privacy reviewer\"; "
                                                     "or use analyst or security-lead.")};
        if (role.size() > kCustomRoleMax || hasControlCharacters(role))
            return Error{ErrorCode::InvalidInput,
                         tr("The role \"%1\" is too long or contains control characters; use at most %2 "
                            "printable characters.")
                             .arg(role.left(kCustomRoleMax), QString::number(kCustomRoleMax))};
    }
    return Ok{};
}

QString Identities::displayFingerprint(const QString &fingerprint)
{
    QStringList groups;
    for (int i = 0; i < fingerprint.size(); i += 4)
        groups.append(fingerprint.mid(i, 4));
    return u"SHA256:"_s + groups.join(u':');
}

QByteArray Identities::exportPublicKey(const Identity &identity)
{
    const QString role = identity.role == IdentityRole::Custom ? identity.customRole : roleKey(identity.role);
    return kNameHeader + identity.name.toUtf8() + '\n' + kRoleHeader + role.toUtf8() + '\n' + identity.publicKey;
}

Result<Identity> Identities::parsePublicKeyFile(const QByteArray &data, const QString &source)
{
    Result<PublicKey> key = PublicKey::fromPem(data, {KeyType::Ed25519}, source);
    if (!key)
        return key.error();
    Identity identity;
    identity.publicKey = key.value().pem();
    identity.fingerprint = key.value().fingerprint();
    // Only the lines before the PEM block are read as headers; anything else in the file is ignored.
    const QByteArray head = data.left(data.indexOf("-----BEGIN"));
    for (const QByteArray &line : head.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.startsWith(kNameHeader.trimmed()))
            identity.name = QString::fromUtf8(trimmed.mid(kNameHeader.trimmed().size())).trimmed();
        else if (trimmed.startsWith(kRoleHeader.trimmed()))
            identity.role =
                roleFromText(QString::fromUtf8(trimmed.mid(kRoleHeader.trimmed().size())), &identity.customRole);
    }
    return identity;
}

} // namespace strata
