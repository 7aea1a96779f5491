// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// The trust part of Workspace: signing identities, and model-signature reports kept as evidence on a record.
#include "storage/EvidenceRepository.h"
#include "storage/RecordRepository.h"
#include "storage/TrustRepository.h"
#include "trust/Keys.h"
#include "trust/ModelSignature.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

const QString kModelSignaturePurpose = u"model-signature"_s;

} // namespace

Result<Identity> Workspace::addIdentity(const Identity &input)
{
    if (Status s = writable(); !s)
        return s.error();
    Identity identity = input;
    identity.name = identity.name.trimmed();
    identity.customRole = identity.role == IdentityRole::Custom ? identity.customRole.trimmed() : QString();
    if (Status s = Identities::validate(identity); !s)
        return s.error();
    Result<PublicKey> key = PublicKey::fromPem(identity.publicKey, {KeyType::Ed25519}, tr("The identity's key"));
    if (!key)
        return key.error();
    identity.publicKey = key.value().pem();
    identity.fingerprint = key.value().fingerprint();
    identity.createdAt = QDateTime::currentDateTimeUtc();
    identity.createdBy = m_actor;
    TrustRepository repository(*m_db);
    const Status s = inTransaction([&]() -> Status {
        Result<std::optional<Identity>> existing = repository.identityByFingerprint(identity.fingerprint);
        if (!existing)
            return existing.error();
        if (existing.value())
            return Error{ErrorCode::Conflict, tr("The key %1 is already the identity %2 \"%3\"; nothing was added.")
                                                  .arg(Identities::displayFingerprint(identity.fingerprint),
                                                       QString::number(existing.value()->id), existing.value()->name)};
        Result<qint64> id = repository.insertIdentity(identity);
        if (!id)
            return id.error();
        identity.id = id.value();
        return recordAudit(u"identity.add"_s, u"identity"_s, identity.id, {},
                           QJsonObject{{u"name"_s, identity.name},
                                       {u"role"_s, Identities::roleKey(identity.role)},
                                       {u"customRole"_s, identity.customRole},
                                       {u"fingerprint"_s, identity.fingerprint}});
    });
    if (!s)
        return s.error();
    changed(Change::Identities);
    return identity;
}

Result<QList<Identity>> Workspace::identities() const
{
    return TrustRepository(*m_db).identities();
}

Result<Identity> Workspace::identity(const QString &idOrFingerprint) const
{
    const QString text = idOrFingerprint.trimmed().toLower().remove(u"sha256:"_s).remove(u':');
    static const QRegularExpression digits(u"^\\d{1,18}$"_s);
    static const QRegularExpression hex(u"^[0-9a-f]{8,64}$"_s);
    TrustRepository repository(*m_db);
    if (digits.match(text).hasMatch()) {
        Result<std::optional<Identity>> found = repository.identity(text.toLongLong());
        if (!found)
            return found.error();
        if (found.value())
            return *found.value();
    }
    if (hex.match(text).hasMatch()) {
        Result<QList<Identity>> all = repository.identities();
        if (!all)
            return all.error();
        QList<Identity> matches;
        for (const Identity &identity : std::as_const(all.value()))
            if (identity.fingerprint.startsWith(text))
                matches.append(identity);
        if (matches.size() == 1)
            return matches.constFirst();
        if (matches.size() > 1)
            return Error{ErrorCode::InvalidInput, tr("%1 matches %n key(s); give more digits of the fingerprint.", "",
                                                     static_cast<int>(matches.size()))
                                                      .arg(idOrFingerprint)};
    }
    return Error{ErrorCode::NotFound,
                 tr("No identity has the id or fingerprint \"%1\"; see strata-cli key list.").arg(idOrFingerprint)};
}

Result<Evidence> Workspace::attachModelVerification(qint64 recordId, const ModelVerification &verification)
{
    if (Status s = writable(); !s)
        return s.error();
    Result<Record> record = m_records->get(recordId);
    if (!record)
        return record.error();
    if (record.value().kind != RecordKind::Model)
        return Error{
            ErrorCode::InvalidInput,
            tr("Record %1 \"%2\" is a %3; a model signature is kept on a model record.")
                .arg(QString::number(recordId), record.value().name, recordKindLabel(record.value().kind).toLower())};
    // The report goes through the evidence store like any other file, under a name that says what it is.
    QTemporaryDir folder;
    if (!folder.isValid())
        return Error{ErrorCode::Io,
                     tr("Cannot create a temporary folder for the verification report: %1").arg(folder.errorString())};
    const QString path = folder.filePath(u"model-signature-verification.json"_s);
    QFile report(path);
    const QByteArray json = QJsonDocument(verification.toJson()).toJson(QJsonDocument::Indented);
    if (!report.open(QIODevice::WriteOnly) || report.write(json) != json.size() || !report.flush())
        return Error{ErrorCode::Io, tr("Cannot write the verification report %1: %2")
                                        .arg(QDir::toNativeSeparators(path), report.errorString())};
    report.close();
    EvidenceInput input;
    input.path = path;
    input.title = verification.passed()
                      ? tr("Model signature of %1 verified (key %2)")
                            .arg(record.value().name, Identities::displayFingerprint(verification.keyFingerprint))
                      : tr("Model signature of %1 FAILED (key %2)")
                            .arg(record.value().name, Identities::displayFingerprint(verification.keyFingerprint));
    input.effectiveDate = verification.verifiedAt.toUTC().date();
    Evidence attached;
    const Status s = batch([&]() -> Status {
        {
            // One audit entry for the verification, which names the evidence it stored.
            const QScopedValueRollback<int> quiet(m_auditMuted, m_auditMuted + 1);
            Result<EvidenceAddResult> added = addEvidence(input);
            if (!added)
                return added.error();
            attached = added.value().evidence;
        }
        if (Status s =
                TrustRepository(*m_db).linkRecordEvidence(recordId, attached.id, kModelSignaturePurpose, m_actor);
            !s)
            return s;
        return recordAudit(u"model.verification"_s, u"record"_s, recordId, {},
                           QJsonObject{{u"recordId"_s, recordId},
                                       {u"passed"_s, verification.passed()},
                                       {u"keyFingerprint"_s, verification.keyFingerprint},
                                       {u"signatureSha256"_s, verification.signatureSha256},
                                       {u"files"_s, static_cast<int>(verification.coveredFiles.size())},
                                       {u"problems"_s, static_cast<int>(verification.problems.size())},
                                       {u"evidenceId"_s, attached.id},
                                       {u"evidenceSha256"_s, attached.sha256}});
    });
    if (!s)
        return s.error();
    noteRecord(recordId);
    changed(Change::Evidence);
    return attached;
}

Result<QList<std::pair<Evidence, QString>>> Workspace::recordEvidence(qint64 recordId) const
{
    Result<QList<std::pair<qint64, QString>>> links = TrustRepository(*m_db).recordEvidence(recordId);
    if (!links)
        return links.error();
    Result<QList<Evidence>> all = EvidenceRepository(*m_db).list();
    if (!all)
        return all.error();
    QHash<qint64, Evidence> byId;
    for (const Evidence &e : std::as_const(all.value()))
        byId.insert(e.id, e);
    QList<std::pair<Evidence, QString>> attached;
    for (const auto &[evidenceId, purpose] : std::as_const(links.value()))
        attached.append({byId.value(evidenceId), purpose});
    return attached;
}

} // namespace strata
