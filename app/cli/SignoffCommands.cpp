// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "SignoffCommands.h"

#include "CommandLine.h"
#include "Output.h"
#include "TrustCommands.h"
#include "trust/Identity.h"
#include "trust/KeyFile.h"
#include "trust/Keys.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

QJsonObject checkJson(const SignoffCheck &check)
{
    const Signoff &s = check.signoff;
    return QJsonObject{{u"id"_s, s.id},
                       {u"signer"_s, s.signer},
                       {u"role"_s, s.role},
                       {u"decision"_s, signoffDecisionKey(s.decision)},
                       {u"meaning"_s, signoffMeaning(s.decision)},
                       {u"conditions"_s, s.conditions},
                       {u"signed_at"_s, s.signedAt.toUTC().toString(Qt::ISODateWithMs)},
                       {u"key_fingerprint"_s, s.keyFingerprint},
                       {u"manifest_sha256"_s, s.manifestSha256},
                       {u"audit_head"_s, check.auditHead},
                       {u"state"_s, signoffStateKey(check.state)},
                       {u"current"_s, check.current},
                       {u"problems"_s, QJsonArray::fromStringList(check.problems)},
                       {u"changes"_s, QJsonArray::fromStringList(check.changes)}};
}

QJsonObject statusJson(const Release &release, const ReleaseSignoffStatus &status)
{
    QJsonArray checks;
    for (const SignoffCheck &check : status.checks)
        checks.append(checkJson(check));
    return QJsonObject{{u"release"_s, release.label()},
                       {u"release_id"_s, release.id},
                       {u"state"_s, signoffStateKey(status.state)},
                       {u"required_roles"_s, QJsonArray::fromStringList(status.requiredRoles)},
                       {u"missing_roles"_s, QJsonArray::fromStringList(status.missingRoles)},
                       {u"rejected"_s, status.rejected},
                       {u"gate"_s, status.gatePasses},
                       {u"reason"_s, status.gateReason},
                       {u"changes"_s, QJsonArray::fromStringList(status.changes())},
                       {u"signoffs"_s, checks}};
}

} // namespace

SignoffCommands::SignoffCommands(const GlobalOptions &options, const Output &out)
    : m_options(options)
    , m_out(out)
{
}

QList<CommandSpec> SignoffCommands::specs()
{
    return {{u"signoff"_s,
             tr("RELEASE --key KEYFILE --decision approve|reject [--conditions TEXT] | RELEASE --require ROLE..."),
             tr("Sign a release off (approve or reject) with your signing key"),
             tr("Builds the manifest of everything reviewed for RELEASE (its records with their fields and\n"
                "digests, its assessments with every answer, the findings and accepted risks, the SHA-256 of every\n"
                "evidence file) and signs its digest with the key in KEYFILE, whose public key must be an identity\n"
                "of this workspace (strata-cli key new or key import). The passphrase comes from STRATA_PASSPHRASE\n"
                "or a prompt on the terminal. An approval is refused, with every reason listed, while a mandatory\n"
                "item is not started, an item failed without an accepted risk in force, or evidence is missing,\n"
                "altered or expired; a rejection is always recorded. --conditions makes an approval conditional.\n"
                "  --require ROLE   instead of signing, set the roles whose approval the release needs\n"
                "                   (repeat it: analyst, security-lead or a custom role; default: security-lead)"),
             {{u"key"_s, tr("KEYFILE"), tr("your encrypted private key file"), false, false},
              {u"decision"_s, tr("approve|reject"), tr("what you decide"), false, false},
              {u"conditions"_s, tr("TEXT"), tr("the conditions of an approval"), false, false},
              {u"require"_s, tr("ROLE"), tr("a role whose approval the release needs"), true, false}},
             {tr("RELEASE")},
             1},
            {u"verify"_s,
             tr("RELEASE"),
             tr("Check every sign-off of a release and show what changed since"),
             tr("Verifies each sign-off's signature with its signer's key, checks that the signed statement, the\n"
                "stored manifest and the sign-off agree, and compares the signed manifest with the release now.\n"
                "The exit code is 0 only when the release has sign-offs, every signature verifies and nothing\n"
                "they cover changed; otherwise what is broken or changed is listed."),
             {},
             {tr("RELEASE")},
             1},
            {u"gate"_s,
             tr("RELEASE"),
             tr("Exit 0 only when a release is approved by every required role and still valid"),
             tr("For pipelines: the exit code is 0 only when every required role approved the release, no current\n"
                "sign-off rejects it, and every sign-off verifies and is not stale. One line says why not."),
             {},
             {tr("RELEASE")},
             1}};
}

int SignoffCommands::run(const QString &command, const CommandArguments &arguments)
{
    if (command == u"signoff"_s)
        return signoff(arguments);
    if (command == u"verify"_s)
        return verify(arguments);
    if (command == u"gate"_s)
        return gate(arguments);
    return m_out.usageError(tr("Unknown command \"%1\".").arg(command));
}

int SignoffCommands::signoff(const CommandArguments &arguments)
{
    const QString usage = u"strata-cli signoff %1"_s.arg(specs().constFirst().synopsis);
    if (arguments.positional.size() != 1)
        return m_out.usageError(tr("\"signoff\" needs one RELEASE; usage: %1").arg(usage));
    const bool requiring = arguments.has(u"require"_s);
    if (requiring && (arguments.has(u"key"_s) || arguments.has(u"decision"_s) || arguments.has(u"conditions"_s)))
        return m_out.usageError(tr("--require sets the roles a release needs and cannot be combined with signing; "
                                   "usage: %1")
                                    .arg(usage));
    if (!requiring && (!arguments.has(u"key"_s) || !arguments.has(u"decision"_s)))
        return m_out.usageError(
            tr("\"signoff\" needs --key KEYFILE and --decision approve|reject; usage: %1").arg(usage));
    SignoffDecision decision = SignoffDecision::Approve;
    if (!requiring) {
        const QString text = arguments.value(u"decision"_s).trimmed().toLower();
        if (text == u"reject"_s)
            decision = SignoffDecision::Reject;
        else if (text != u"approve"_s)
            return m_out.usageError(
                tr("Unknown decision \"%1\"; use approve or reject (with --conditions for a conditional approval).")
                    .arg(arguments.value(u"decision"_s)));
    }

    auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    Workspace &ws = *opened.value();
    if (ws.isReadOnly())
        return m_out.fail(Error{ErrorCode::ReadOnly, ws.readOnlyReason()});
    Result<Release> release = ws.release(arguments.positional.constFirst());
    if (!release)
        return m_out.fail(release.error());
    if (requiring)
        return requireRoles(ws, release.value(), arguments.values(u"require"_s));

    if (isApproval(decision)) {
        // Refusals are told before the passphrase is asked: nothing would be signed anyway.
        Result<QStringList> reasons = ws.approvalRefusals(release.value().id);
        if (!reasons)
            return m_out.fail(reasons.error());
        if (!reasons.value().isEmpty()) {
            if (m_out.isJson())
                m_out.printJson(QJsonObject{{u"release"_s, release.value().label()},
                                            {u"release_id"_s, release.value().id},
                                            {u"refused"_s, true},
                                            {u"reasons"_s, QJsonArray::fromStringList(reasons.value())}});
            else
                for (const QString &reason : std::as_const(reasons.value()))
                    m_out.print(u"  - %1"_s.arg(Output::sanitized(reason)));
            return m_out.fail(Error{ErrorCode::InvalidInput,
                                    tr("Approval of %1 is refused for the %n reason(s) listed; nothing was signed.", "",
                                       int(reasons.value().size()))
                                        .arg(release.value().label())});
        }
    }

    const QString keyPath = arguments.value(u"key"_s);
    if (!QFileInfo(keyPath).isFile())
        return m_out.fail(
            Error{ErrorCode::NotFound, tr("The key file %1 does not exist; give the file \"strata-cli key "
                                          "new\" wrote.")
                                           .arg(QDir::toNativeSeparators(keyPath))});
    std::optional<QByteArray> secret = CommandLine::readPassphrase(m_out, false);
    if (!secret)
        return 2;
    const Result<PrivateKey> key = KeyFile::read(keyPath, *secret);
    secret->fill('\0');
    if (!key)
        return m_out.fail(key.error());
    Result<Signoff> signed_ = ws.signOff(release.value().id, key.value(), decision, arguments.value(u"conditions"_s));
    if (!signed_)
        return m_out.fail(signed_.error());
    const Signoff &s = signed_.value();
    if (m_out.isJson()) {
        m_out.printJson(QJsonObject{{u"release"_s, release.value().label()},
                                    {u"release_id"_s, release.value().id},
                                    {u"signoff_id"_s, s.id},
                                    {u"signer"_s, s.signer},
                                    {u"role"_s, s.role},
                                    {u"decision"_s, signoffDecisionKey(s.decision)},
                                    {u"meaning"_s, signoffMeaning(s.decision)},
                                    {u"conditions"_s, s.conditions},
                                    {u"signed_at"_s, s.signedAt.toUTC().toString(Qt::ISODateWithMs)},
                                    {u"key_fingerprint"_s, s.keyFingerprint},
                                    {u"manifest_sha256"_s, s.manifestSha256}});
        return 0;
    }
    m_out.print(tr("Signed off %1: %2.").arg(release.value().label(), signoffDecisionLabel(s.decision)));
    QList<std::pair<QString, QString>> fields{
        {tr("signer"), u"%1 (%2)"_s.arg(Output::sanitized(s.signer), SignoffRoles::display(s.role))},
        {tr("key"), Identities::displayFingerprint(s.keyFingerprint)},
        {tr("time"), s.signedAt.toUTC().toString(Qt::ISODate)},
        {tr("manifest"), u"sha256:%1"_s.arg(s.manifestSha256)}};
    if (!s.conditions.isEmpty())
        fields.append({tr("conditions"), Output::sanitized(s.conditions)});
    m_out.printFields(fields, 2);
    return 0;
}

int SignoffCommands::requireRoles(Workspace &workspace, const Release &release, const QStringList &roles)
{
    if (Status s = workspace.setRequiredSignoffRoles(release.id, roles); !s)
        return m_out.fail(s.error());
    Result<QStringList> stored = workspace.requiredSignoffRoles(release.id);
    if (!stored)
        return m_out.fail(stored.error());
    if (m_out.isJson()) {
        m_out.printJson(QJsonObject{{u"release"_s, release.label()},
                                    {u"release_id"_s, release.id},
                                    {u"required_roles"_s, QJsonArray::fromStringList(stored.value())}});
        return 0;
    }
    QStringList shown;
    for (const QString &role : std::as_const(stored.value()))
        shown << SignoffRoles::display(role);
    m_out.print(tr("%1 now needs an approval from: %2.").arg(release.label(), Output::sanitized(shown.join(u", "_s))));
    return 0;
}

void SignoffCommands::printChecks(const Release &release, const ReleaseSignoffStatus &status) const
{
    QList<QStringList> rows;
    for (const SignoffCheck &check : status.checks) {
        const Signoff &s = check.signoff;
        QString state = signoffStateLabel(check.state);
        if (!check.current)
            state = tr("%1, superseded").arg(state);
        rows << QStringList{QString::number(s.id),
                            state,
                            u"%1 (%2)"_s.arg(Output::sanitized(s.signer), SignoffRoles::display(s.role)),
                            signoffDecisionLabel(s.decision),
                            s.signedAt.toUTC().toString(Qt::ISODate),
                            Identities::displayFingerprint(s.keyFingerprint)};
    }
    m_out.print(tr("Sign-offs of %1:").arg(release.label()));
    m_out.printTable({tr("ID"), tr("STATE"), tr("SIGNER"), tr("DECISION"), tr("TIME"), tr("KEY")}, rows, 2);
    for (const SignoffCheck &check : status.checks) {
        for (const QString &problem : check.problems)
            m_out.print(
                tr("  sign-off %1 is broken: %2").arg(QString::number(check.signoff.id), Output::sanitized(problem)));
        if (!check.current)
            continue;
        if (!check.changes.isEmpty())
            m_out.print(
                tr("  changed since sign-off %1 (%n change(s)):", "", int(check.changes.size())).arg(check.signoff.id));
        for (const QString &change : check.changes)
            m_out.print(u"    - %1"_s.arg(Output::sanitized(change)));
    }
}

Result<std::pair<Release, ReleaseSignoffStatus>> SignoffCommands::releaseStatus(const QString &reference) const
{
    Result<std::unique_ptr<Workspace>> opened = CommandLine::openExisting(m_options);
    if (!opened)
        return opened.error();
    Result<Release> release = opened.value()->release(reference);
    if (!release)
        return release.error();
    Result<ReleaseSignoffStatus> status = opened.value()->signoffStatus(release.value().id);
    if (!status)
        return status.error();
    return std::make_pair(release.value(), status.value());
}

int SignoffCommands::verify(const CommandArguments &arguments)
{
    if (arguments.positional.size() != 1 || !arguments.options.isEmpty())
        return m_out.usageError(tr("\"verify\" takes one RELEASE; usage: strata-cli verify RELEASE"));
    Result<std::pair<Release, ReleaseSignoffStatus>> checked = releaseStatus(arguments.positional.constFirst());
    if (!checked)
        return m_out.fail(checked.error());
    const Result<Release> release = checked.value().first;
    const Result<ReleaseSignoffStatus> status = checked.value().second;
    const ReleaseSignoffStatus &st = status.value();
    if (m_out.isJson())
        m_out.printJson(statusJson(release.value(), st));
    else if (!st.checks.isEmpty())
        printChecks(release.value(), st);
    switch (st.state) {
    case SignoffState::None:
        // Nothing to verify is not a pass: a pipeline must not read "no signature" as "verified".
        return m_out.fail(Error{ErrorCode::NotFound, tr("%1 has no sign-off to verify.").arg(release.value().label())});
    case SignoffState::Broken:
        return m_out.fail(
            Error{ErrorCode::Integrity, tr("%1: a sign-off does not verify.").arg(release.value().label())});
    case SignoffState::Stale:
        return m_out.fail(
            Error{ErrorCode::Integrity, tr("%1: %n change(s) since it was signed off.", "", int(st.changes().size()))
                                            .arg(release.value().label())});
    case SignoffState::Valid:
        break;
    }
    if (!m_out.isJson())
        m_out.print(tr("%1: every signature verifies and nothing changed since.").arg(release.value().label()));
    return 0;
}

int SignoffCommands::gate(const CommandArguments &arguments)
{
    if (arguments.positional.size() != 1 || !arguments.options.isEmpty())
        return m_out.usageError(tr("\"gate\" takes one RELEASE; usage: strata-cli gate RELEASE"));
    Result<std::pair<Release, ReleaseSignoffStatus>> checked = releaseStatus(arguments.positional.constFirst());
    if (!checked)
        return m_out.fail(checked.error());
    const Result<Release> release = checked.value().first;
    const Result<ReleaseSignoffStatus> status = checked.value().second;
    if (m_out.isJson())
        m_out.printJson(statusJson(release.value(), status.value()));
    if (!status.value().gatePasses)
        return m_out.fail(Error{ErrorCode::Integrity, status.value().gateReason});
    if (!m_out.isJson())
        m_out.print(status.value().gateReason);
    return 0;
}

} // namespace strata
