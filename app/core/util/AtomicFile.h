// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFileDevice>
#include <QString>

namespace strata {

/// Writes whole files atomically and durably: a temporary file beside the target, a checked fsync, a rename,
/// then an fsync of the folder. The old file is never truncated in place; on any error it is left as it was.
/// (QSaveFile alone ignores a failing fsync, so the sync is done and checked here.)
class AtomicFile
{
    Q_DECLARE_TR_FUNCTIONS(strata::AtomicFile)

public:
    /// `permissions`, when given, are set on the temporary file before any data is written (0600 for secrets).
    static Status write(const QString &path, const QByteArray &data, QFileDevice::Permissions permissions = {});
};

} // namespace strata
