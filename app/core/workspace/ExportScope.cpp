// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "workspace/ExportScope.h"

#include "workspace/Workspace.h"

#include <QFileInfo>
#include <QQueue>
#include <QSet>

#include <algorithm>

namespace strata {

Result<ExportSet> ExportScope::build(const Workspace &workspace, qint64 scopeId, const QDateTime &timestamp)
{
    QVector<qint64> ids;
    if (scopeId == 0) {
        Result<QVector<qint64>> all = workspace.recordIds(RecordQuery{});
        if (!all)
            return all.error();
        ids = all.value();
    } else {
        // Breadth-first over outgoing relations; the visited set makes cycles harmless.
        QSet<qint64> seen{scopeId};
        QQueue<qint64> queue;
        queue.enqueue(scopeId);
        while (!queue.isEmpty()) {
            const qint64 id = queue.dequeue();
            ids << id;
            Result<RecordSnapshot> snap = workspace.snapshot(id);
            if (!snap)
                return snap.error();
            for (const RelatedRecord &r : snap.value().relations) {
                if (r.outgoing && !seen.contains(r.otherId)) {
                    seen.insert(r.otherId);
                    queue.enqueue(r.otherId);
                }
            }
        }
    }
    std::sort(ids.begin(), ids.end());
    const QSet<qint64> members(ids.cbegin(), ids.cend());

    ExportSet set;
    set.scopeId = scopeId;
    set.timestamp = timestamp.isValid() ? timestamp.toUTC() : QDateTime::currentDateTimeUtc();
    set.workspaceName = QFileInfo(workspace.path()).completeBaseName();
    set.toolVersion = QStringLiteral(STRATA_VERSION);
    for (qint64 id : std::as_const(ids)) {
        Result<RecordSnapshot> snap = workspace.snapshot(id);
        if (!snap)
            return snap.error();
        RecordSnapshot s = snap.value();
        s.relations.erase(std::remove_if(s.relations.begin(), s.relations.end(),
                                         [&members](const RelatedRecord &r) { return !members.contains(r.otherId); }),
                          s.relations.end());
        Result<QJsonObject> extras = workspace.extras(id);
        if (!extras)
            return extras.error();
        if (!extras.value().isEmpty())
            set.extras.insert(id, extras.value());
        set.records << s;
    }
    return set;
}

} // namespace strata
