// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "audit/AuditChain.h"
#include "audit/AuditJson.h"
#include "signoff/SignoffVerifier.h"
#include "storage/AuditRepository.h"
#include "storage/TrustRepository.h"
#include "util/CrashPoint.h"
#include "workspace/Workspace.h"

using namespace Qt::Literals::StringLiterals;

namespace strata {

Result<AuditHead> Workspace::auditHead() const
{
    return AuditRepository(*m_db).head();
}

Result<QList<AuditEntry>> Workspace::auditTrail(const AuditQuery &query) const
{
    return AuditRepository(*m_db).list(query);
}

Result<AuditVerification> Workspace::verifyAudit(const std::optional<AuditHead> &checkpoint,
                                                 const std::atomic<bool> *cancel) const
{
    Result<QList<AuditEntry>> rows = AuditRepository(*m_db).all();
    if (!rows)
        return rows.error();
    if (checkpoint)
        return AuditChain::verify(rows.value(), checkpoint, cancel);
    Result<QList<AuditHead>> known = auditCheckpoints();
    if (!known)
        return known.error();
    return AuditChain::verifyAgainst(rows.value(), known.value(), cancel);
}

Result<QList<AuditHead>> Workspace::auditCheckpoints() const
{
    Result<QList<Release>> all = releases();
    if (!all)
        return all.error();
    TrustRepository trust(*m_db);
    QList<AuditHead> heads;
    for (const Release &release : std::as_const(all.value())) {
        Result<QList<Signoff>> stored = signoffs(release.id);
        if (!stored)
            return stored.error();
        for (const Signoff &signoff : std::as_const(stored.value())) {
            Result<std::optional<Identity>> identity = trust.identity(signoff.identityId);
            if (!identity)
                return identity.error();
            // Checked against its own manifest: only whether the signature and statement are authentic matters here.
            const SignoffCheck check = SignoffVerifier::check(signoff, identity.value(), signoff.manifest);
            if (check.state != SignoffState::Valid)
                continue;
            if (const std::optional<AuditHead> head = AuditHead::fromString(check.auditHead); head && head->seq > 0)
                heads.append(*head);
        }
    }
    std::sort(heads.begin(), heads.end(), [](const AuditHead &a, const AuditHead &b) { return a.seq < b.seq; });
    return heads;
}

Status Workspace::recordAudit(const QString &action,
                              const QString &entityKind,
                              qint64 entityId,
                              const QJsonObject &before,
                              const QJsonObject &after)
{
    if (m_depth == 0)
        return Error{ErrorCode::InvalidInput,
                     tr("The audit entry \"%1\" was not recorded: it must be written inside the transaction that makes "
                        "the change.")
                         .arg(action)};
    if (m_auditMuted > 0)
        return Ok{};
    AuditEntry entry;
    entry.actor = m_actor;
    entry.action = action;
    entry.entityKind = entityKind;
    entry.entityId = entityId;
    entry.beforeJson = audit_json::text(before);
    entry.afterJson = audit_json::text(after);
    m_pendingAudit.append(entry);
    return Ok{};
}

Status Workspace::appendAudit()
{
    if (m_pendingAudit.isEmpty())
        return Ok{};
    QList<AuditEntry> entries = std::exchange(m_pendingAudit, {});
    Result<AuditHead> head = AuditRepository(*m_db).append(entries);
    if (!head)
        return head.error();
    crashPoint("audit.appended");
    return Ok{};
}

} // namespace strata
