// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "storage/Backups.h"

namespace strata {

class Workspace;

/// Records a restore in the audit trail of the workspace it put back ("workspace.restore": from which file, where the
/// replaced workspace was kept, the schema), so the trail shows who rewound the workspace, when and to what. Backups
/// works on closed files and cannot write the entry itself; the CLI and the GUI call this once they open the result.
Status recordRestore(Workspace &workspace, const RestoreResult &restored);

} // namespace strata
