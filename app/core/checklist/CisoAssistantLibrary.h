// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Catalog.h"
#include "checklist/CatalogTree.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace strata {

/// Converts a CISO Assistant framework library (urn, objects.framework.requirement_nodes with parent_urn, depth and
/// assessable) into a Strata catalog, which opens its hundreds of published frameworks to assessments. How fields
/// map and how a stage is chosen is documented in resources/catalogs/README.md.
class CisoAssistantLibrary
{
    Q_DECLARE_TR_FUNCTIONS(strata::CatalogReader)

public:
    /// Whether the document looks like a CISO Assistant library rather than a Strata catalog.
    static bool recognizes(const CatalogTree &tree);
    static Result<Catalog> convert(const CatalogTree &tree, const QString &fileName, const CatalogLimits &limits);

    /// The stage for a requirement, from the first of `texts` (own text first, then ancestors, nearest first)
    /// that contains one of the stage words; governance when none does.
    static LifecycleStage deriveStage(const QStringList &texts);
};

} // namespace strata
