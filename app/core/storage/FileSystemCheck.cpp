// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/FileSystemCheck.h"

#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>

namespace strata {

FileSystemCheck::Kind FileSystemCheck::classify(const QByteArray &fileSystemType)
{
    const QByteArray type = fileSystemType.toLower();
    if (type == "fuse" || type == "fuseblk" || type.startsWith("fuse."))
        return Kind::Fuse;
    // NFS, SMB/CIFS, and the cluster and distributed file systems whose locks and syncs cross a network.
    static const QByteArrayList network = {"nfs",   "nfs4",      "cifs",   "smb",  "smb3",    "smbfs", "9p",
                                           "ceph",  "glusterfs", "lustre", "gfs2", "ocfs2",   "afs",   "coda",
                                           "davfs", "ncpfs",     "beegfs", "gpfs", "orangefs"};
    if (network.contains(type))
        return Kind::Network;
    return Kind::Local;
}

QString FileSystemCheck::warningFor(const QString &workspacePath)
{
    const QString folder = QFileInfo(workspacePath).absolutePath();
    const QStorageInfo storage(folder);
    if (!storage.isValid())
        return {};
    const QByteArray type = storage.fileSystemType();
    switch (classify(type)) {
    case Kind::Local:
        return {};
    case Kind::Network:
        return tr("%1 is on a network file system (%2). A crash or a lost connection there can lose saved changes, "
                  "and a second computer may not see that the workspace is in use. Keep workspaces on a local "
                  "disk and share them with backups or bundles.")
            .arg(QDir::toNativeSeparators(workspacePath), QString::fromLatin1(type));
    case Kind::Fuse:
        return tr("%1 is on a FUSE file system (%2), which may not write changes to disk when asked. A crash or "
                  "power cut there can lose saved changes. Keep workspaces on a local disk.")
            .arg(QDir::toNativeSeparators(workspacePath), QString::fromLatin1(type));
    }
    return {};
}

} // namespace strata
