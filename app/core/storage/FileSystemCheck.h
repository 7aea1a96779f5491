// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace strata {

/// A workspace survives a power cut only if its disk honours fsync, and stays single-writer only if its locks are
/// seen by every computer: network and FUSE file systems promise neither, and SQLite advises against them. Tells
/// where a workspace lives, so opening one there warns (promise S2 in tests/RELIABILITY.md).
class FileSystemCheck
{
    Q_DECLARE_TR_FUNCTIONS(strata::FileSystemCheck)

public:
    enum class Kind { Local, Network, Fuse };

    /// The kind of a file system by its type as the kernel names it ("ext4", "nfs4", "cifs", "fuse.sshfs").
    static Kind classify(const QByteArray &fileSystemType);
    /// Empty when the folder holding `workspacePath` is on a local disk; otherwise a warning that says which file
    /// system it is, what is at risk and what to do.
    static QString warningFor(const QString &workspacePath);
};

} // namespace strata
