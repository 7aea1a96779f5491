// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "TaskCheckpoint.h"

#include <QMutex>

#include <atomic>

namespace strata {

namespace {

std::atomic<bool> g_watched{false};

QMutex &observerMutex()
{
    static QMutex mutex;
    return mutex;
}

TaskCheckpoint::Observer &observer()
{
    static TaskCheckpoint::Observer instance;
    return instance;
}

} // namespace

void TaskCheckpoint::setObserver(Observer newObserver)
{
    QMutexLocker lock(&observerMutex());
    observer() = std::move(newObserver);
    g_watched.store(bool(observer()));
}

void TaskCheckpoint::reach(const char *point)
{
    if (!g_watched.load(std::memory_order_relaxed))
        return;
    Observer copy;
    {
        QMutexLocker lock(&observerMutex());
        copy = observer();
    }
    if (copy)
        copy(QString::fromLatin1(point));
}

} // namespace strata
