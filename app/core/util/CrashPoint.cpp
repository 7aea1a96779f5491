// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "util/CrashPoint.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <string>

namespace strata {

namespace {

constexpr int kCrashExitCode = 137; // what a shell reports for a process killed by SIGKILL

/// STRATA_CRASH_AT split into the label and the hit that ends the process; read once.
struct CrashTarget
{
    std::string label;
    long hit = 1;
    bool armed = false;
};

const CrashTarget &target()
{
    static const CrashTarget parsed = [] {
        CrashTarget t;
        const char *value = std::getenv("STRATA_CRASH_AT");
        if (value == nullptr || *value == '\0')
            return t;
        t.label = value;
        const std::string::size_type colon = t.label.rfind(':');
        if (colon != std::string::npos) {
            t.hit = std::max(1L, std::strtol(t.label.c_str() + colon + 1, nullptr, 10));
            t.label.resize(colon);
        }
        t.armed = true;
        return t;
    }();
    return parsed;
}

std::atomic<long> &hits()
{
    static std::atomic<long> count{0};
    return count;
}

thread_local const char *t_operation = nullptr;

} // namespace

void crashPoint(const char *label)
{
    const CrashTarget &t = target();
    if (!t.armed || t.label != label)
        return;
    if (hits().fetch_add(1) + 1 == t.hit)
        std::_Exit(kCrashExitCode); // no destructors, no flushing, no atexit: as abrupt as a kill
}

void crashPointAtCommit(const char *step)
{
    if (!target().armed)
        return;
    crashPoint((std::string("tx.") + step).c_str());
    if (t_operation != nullptr)
        crashPoint((std::string(t_operation) + '.' + step).c_str());
}

CrashScope::CrashScope(const char *operation)
    : m_previous(t_operation)
{
    t_operation = operation;
}

CrashScope::~CrashScope()
{
    t_operation = m_previous;
}

} // namespace strata
