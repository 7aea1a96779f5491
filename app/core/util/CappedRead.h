// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QFile>

#include <algorithm>

namespace strata {

/// Reads an open file whole, but never more than `cap` + 1 bytes: one byte past the cap shows a file that grew since
/// its size was checked. Sized by the file, because QIODevice::read(n) reserves all n bytes before reading.
inline QByteArray readCapped(QFile &file, qint64 cap)
{
    return file.read(std::min(cap, file.size()) + 1);
}

} // namespace strata
