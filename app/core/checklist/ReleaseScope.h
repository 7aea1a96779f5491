// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QtGlobal>

#include <functional>

namespace strata {

/// What a release holds by default: the root and everything upstream of it, found without looping on cycles.
namespace release_scope {

/// The root followed by every record reachable over outgoing edges (derived_from, trained_on, evaluated_on,
/// provided_by, depends_on, hosted_on all point upstream), breadth first, each record once, in the order
/// `outgoing` lists the targets. A cycle in the graph ends the walk where it closes.
QList<qint64> upstream(qint64 root, const std::function<QList<qint64>(qint64)> &outgoing);

} // namespace release_scope
} // namespace strata
