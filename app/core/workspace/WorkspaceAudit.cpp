// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "audit/AuditChain.h"
#include "audit/AuditJson.h"
#include "storage/AuditRepository.h"
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
    return AuditChain::verify(rows.value(), checkpoint, cancel);
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
    return Ok{};
}

} // namespace strata
