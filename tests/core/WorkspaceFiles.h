// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "workspace/Workspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDriver>

#include <sqlite3.h>

namespace strata::test {

/// SHA-256 of a file's bytes ("" when it cannot be read): "the file was not modified" is checked with this.
inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

/// Makes the workspace's connection skip the checkpoint when it closes, so its -wal stays beside the file with
/// committed changes in it: the state a crash (or a kill) leaves behind.
inline bool keepWalAtClose(const Workspace &workspace)
{
    const QVariant handle = workspace.database().connection().driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return false;
    sqlite3 *db = *static_cast<sqlite3 *const *>(handle.constData());
    int set = 0;
    return sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, &set) == SQLITE_OK && set == 1;
}

/// How many records the workspace holds.
inline int recordCount(const Workspace &workspace)
{
    const auto list = workspace.list(RecordQuery{});
    return list.ok() ? int(list.value().size()) : -1;
}

/// Adds `count` models named "<prefix> n" in one transaction.
inline bool addModels(Workspace &workspace, const QString &prefix, int count)
{
    return workspace
        .batch([&]() -> Status {
            for (int i = 0; i < count; ++i) {
                Record r;
                r.kind = RecordKind::Model;
                r.name = QStringLiteral("%1 %2").arg(prefix).arg(i);
                r.version = QStringLiteral("1.0");
                if (auto id = workspace.createRecord(r); !id)
                    return id.error();
            }
            return Ok{};
        })
        .ok();
}

} // namespace strata::test
