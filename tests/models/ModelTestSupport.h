// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"
#include "domain/Relation.h"
#include "domain/Result.h"
#include "workspace/Workspace.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace strata::test {

/// The error text of a failed Result, for QVERIFY2; empty when it succeeded (QVERIFY2 evaluates it either way).
template<typename T>
QByteArray messageOf(const Result<T> &result)
{
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

/// A fresh workspace in its own temporary folder, closed before the folder goes.
struct TempWorkspace
{
    QTemporaryDir dir;
    std::unique_ptr<Workspace> workspace;

    /// Empty when the workspace opened; otherwise why not.
    QByteArray open()
    {
        if (!dir.isValid())
            return dir.errorString().toUtf8();
        auto opened = Workspace::open(dir.filePath(QStringLiteral("w.strata")));
        if (!opened)
            return opened.error().message.toUtf8();
        workspace = std::move(opened).value();
        return {};
    }
};

inline Record makeRecord(RecordKind kind, const QString &name, const QString &version = {})
{
    Record record;
    record.kind = kind;
    record.name = name;
    record.version = version;
    return record;
}

inline Artifact makeArtifact(qint64 recordId, const QString &fileName, qint64 size = 1024)
{
    Artifact artifact;
    artifact.recordId = recordId;
    artifact.fileName = fileName;
    artifact.size = size;
    artifact.digest =
        QString::fromLatin1(QCryptographicHash::hash(fileName.toUtf8(), QCryptographicHash::Sha256).toHex());
    return artifact;
}

} // namespace strata::test

// Verifies that a Result succeeded, printing the workspace's message when it did not.
#define STRATA_VERIFY_OK(result) QVERIFY2((result).ok(), ::strata::test::messageOf(result).constData())
