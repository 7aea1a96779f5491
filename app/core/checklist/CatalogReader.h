// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Catalog.h"
#include "checklist/CatalogTree.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace strata {

/// Reads a catalog file, a Strata catalog (JSON or YAML) or a CISO Assistant library (YAML), recognised from the
/// content. The file is treated as hostile: size, nesting and count caps hold before anything large is built, and
/// every field is validated; the first problem is returned with the file, the field path and, for YAML, the line.
class CatalogReader
{
    Q_DECLARE_TR_FUNCTIONS(strata::CatalogReader)

public:
    static Result<Catalog> readFile(const QString &path, const CatalogLimits &limits = {});
    /// `fileName` is only used in messages.
    static Result<Catalog> read(const QByteArray &data, const QString &fileName, const CatalogLimits &limits = {});

    /// Checks the invariants every stored catalog keeps (ids, required texts, languages, declared frameworks),
    /// whatever built it; `source` names it in messages.
    static Status check(const Catalog &catalog, const QString &source);

    /// The catalogs that ship with Strata, read from the program's resources.
    static Result<QList<Catalog>> builtinCatalogs();
    /// The resource paths of those catalogs (":/catalogs/...").
    static QStringList builtinResources();
    /// One of them, read and checked.
    static Result<Catalog> readBuiltin(const QString &resource);
};

} // namespace strata
