// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QString>

namespace strata {

/// Checks Database::open makes on the bare file before SQLite sees it, for damage SQLite would not report or would
/// make worse. SQLite replays any -wal file it finds beside a database, and the checkpoint at close writes it into
/// the file, so a -wal from another database would silently overwrite the workspace; and a file cut short by less
/// than a page can still pass quick_check.
class OpenCheck
{
    Q_DECLARE_TR_FUNCTIONS(strata::OpenCheck)

public:
    /// Called by Database::open with the workspace locked and not yet opened by SQLite. Ok when there is no -wal, or
    /// when, applied to a scratch copy, it gives an intact Strata workspace with the same identity as the file (a
    /// crash left it, and SQLite must replay it). Otherwise a specific error, and nothing is touched.
    static Status wal(const QString &workspace);
    /// Without a -wal beside it, the file must be a whole number of pages and at least as long as its header says.
    static Status size(const QString &workspace);
};

} // namespace strata
