// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

#include <atomic>
#include <functional>

namespace strata {

/// Caps that keep a hostile or broken file from exhausting memory or time, and the hooks for
/// progress and cancel. Every reader checks them; a file that exceeds one is refused, never cut.
struct ImportLimits
{
    qint64 maxFileBytes = qint64(512) * 1024 * 1024;
    int maxDepth = 64; ///< nesting of components, JSON objects or YAML nodes
    int maxRecords = 2000000;
    int maxStringLength = 1024 * 1024; ///< one field's text
    /// Set from another thread to stop; readers return ErrorCode::Cancelled promptly.
    const std::atomic<bool> *cancel = nullptr;
    /// Called now and then with the share done, 0..1000.
    std::function<void(int)> progress;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

} // namespace strata
