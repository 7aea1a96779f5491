// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace strata {

/// Ends the process at once, as `kill -9` would, when the environment variable STRATA_CRASH_AT names `label`
/// ("label" for the first time the point is reached, "label:N" for the N-th). The fault-injection tests
/// (tests/faults) use it to stop the CLI at every step of a write and then check that the workspace is whole.
/// It is compiled into every build so the tests exercise the binary users get; it is harmless there: with the
/// variable unset it costs one comparison, and whoever can set a process's environment can already kill it.
void crashPoint(const char *label);

/// Names the operation under way on this thread while it lives, so the commit points every transaction passes
/// read "<operation>.before-commit" and "<operation>.after-commit" (besides "tx.before-commit"/"tx.after-commit").
class CrashScope
{
public:
    explicit CrashScope(const char *operation);
    ~CrashScope();
    CrashScope(const CrashScope &) = delete;
    CrashScope &operator=(const CrashScope &) = delete;

private:
    const char *m_previous;
};

/// The commit points: `step` is "before-commit" or "after-commit"; checks "tx.<step>" and "<scope>.<step>".
void crashPointAtCommit(const char *step);

} // namespace strata
