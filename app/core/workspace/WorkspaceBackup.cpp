// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// Workspace's backup members: thin, so the CLI, the GUI and tests all go through Database's one checked path.
#include "workspace/Workspace.h"

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

} // namespace strata
