// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace strata::fuzz {

/// The fuzzer's bytes without a copy and without a terminating zero, so ASan catches a parser that reads past the
/// end as if the text were a C string.
inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

/// A property every accepted input must keep; a violation is a finding, so it stops the fuzzer with the input.
inline void require(bool holds, const char *what)
{
    if (holds)
        return;
    std::fprintf(stderr, "fuzz property violated: %s\n", what);
    std::abort();
}

} // namespace strata::fuzz
