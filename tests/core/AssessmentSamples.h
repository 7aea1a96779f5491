// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "workspace/Workspace.h"

#include <QTest>

/// Builders shared by the assessment and findings tests: records, links and an open workspace.
namespace strata::samples {

inline qint64 addRecord(Workspace &ws, RecordKind kind, const QString &name, const QString &version = {})
{
    Record r;
    r.kind = kind;
    r.name = name;
    r.version = version;
    const Result<qint64> id = ws.createRecord(r);
    if (!id.ok())
        qWarning("%s", qPrintable(id.error().message));
    return id.ok() ? id.value() : 0;
}

inline bool addLink(Workspace &ws, qint64 from, RelationType type, qint64 to)
{
    const Result<Relation> r = ws.link(from, type, to);
    if (!r.ok())
        qWarning("%s", qPrintable(r.error().message));
    return r.ok();
}

/// The number of items of a catalog that apply to at least one of `kinds`, counted from the catalog itself.
inline int applicableCount(const Catalog &catalog, const QList<RecordKind> &kinds)
{
    int n = 0;
    for (const CatalogItem &item : catalog.items) {
        if (std::any_of(kinds.cbegin(), kinds.cend(), [&](RecordKind k) { return item.appliesTo(k); }))
            ++n;
    }
    return n;
}

} // namespace strata::samples
