// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "util/LibraryVersions.h"

#include <QtGlobal>

#include <openssl/crypto.h>

#include <sqlite3.h>

namespace strata {

LibraryVersions LibraryVersions::current()
{
    LibraryVersions v;
    v.strata = QStringLiteral(STRATA_VERSION);
    v.qt = QString::fromLatin1(qVersion());
    v.sqlite = QString::fromLatin1(sqlite3_libversion());
    v.openssl = QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION_STRING));
    v.quazip = QStringLiteral(STRATA_QUAZIP_VERSION);
    return v;
}

} // namespace strata
