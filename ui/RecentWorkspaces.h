// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace strata {

/// The File › Open Recent list, kept in QSettings so it survives restarts.
class RecentWorkspaces
{
public:
    static constexpr int kMaxEntries = 8;

    /// Most recent first; files that no longer exist are pruned from the stored list.
    static QStringList paths();
    /// Puts `path` first, dropping duplicates and anything beyond kMaxEntries.
    static void add(const QString &path);
    static void remove(const QString &path);
    static void clear();
};

} // namespace strata
