// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// Workspace's backup members: thin, so the CLI, the GUI and tests all go through Database's one checked path.
#include "workspace/RestoreAudit.h"
#include "workspace/Workspace.h"

#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace strata {

Result<BackupCheck> Workspace::backupTo(const QString &file) const
{
    return m_db->backupTo(file);
}

Result<BackupGeneration> Workspace::backupGeneration() const
{
    return m_db->backupGeneration(u"manual"_s);
}

Result<QString> Workspace::checkIntegrity() const
{
    return m_db->integrityCheck();
}

Status recordRestore(Workspace &workspace, const RestoreResult &restored)
{
    const QJsonObject after{{u"restored_from"_s, restored.restoredFrom},
                            {u"kept_as"_s, restored.keptAs},
                            {u"schema"_s, restored.schemaVersion}};
    return workspace.batch(
        [&] { return workspace.recordAudit(u"workspace.restore"_s, u"workspace"_s, 0, QJsonObject{}, after); });
}

} // namespace strata
