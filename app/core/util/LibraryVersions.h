// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace strata {

/// Versions of the libraries Strata runs on, for About and --version: support starts with these.
struct LibraryVersions
{
    QString strata;
    QString qt;     ///< the Qt runtime, not the one built against
    QString sqlite; ///< sqlite3_libversion() of the library in use
    QString openssl;
    QString quazip; ///< the QuaZip this build was compiled against

    static LibraryVersions current();
};

} // namespace strata
