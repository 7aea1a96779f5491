// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <functional>

namespace strata {

/// Named points inside long operations (a backup's page copy, a report's evidence check, an import's write) where
/// a test can act, typically press Cancel, before the work goes on, so "cancel at every point leaves nothing
/// half-done" is tested at each point rather than wherever a timer happens to land. Without an observer a point
/// costs one atomic load.
class TaskCheckpoint
{
public:
    /// Called with the point's name on the thread that reaches it; the work waits until it returns.
    using Observer = std::function<void(const QString &point)>;

    /// Sets (or with nullptr, removes) the one observer; tests set it before starting the work they watch.
    static void setObserver(Observer observer);
    /// Reports that the work under way reached `point` (any thread).
    static void reach(const char *point);
};

} // namespace strata
