// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "checklist/ReleaseScope.h"

#include <QSet>

namespace strata::release_scope {

QList<qint64> upstream(qint64 root, const std::function<QList<qint64>(qint64)> &outgoing)
{
    QList<qint64> order{root};
    QSet<qint64> seen{root};
    for (qsizetype next = 0; next < order.size(); ++next) {
        const QList<qint64> targets = outgoing(order.at(next));
        for (qint64 target : targets) {
            if (seen.contains(target))
                continue;
            seen.insert(target);
            order.append(target);
        }
    }
    return order;
}

} // namespace strata::release_scope
