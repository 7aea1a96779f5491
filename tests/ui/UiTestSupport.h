// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Fields.h"
#include "domain/Record.h"
#include "workspace/Workspace.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace strata::test {

/// Keeps widget tests away from the user's settings: QSettings and AppDataLocation go to a test location, emptied.
/// Each test program gets its own name, so test programs that ctest runs in parallel never share a settings file.
inline void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("StrataTests"));
    QCoreApplication::setApplicationName(
        QStringLiteral("StrataUiTests-%1").arg(QFileInfo(QCoreApplication::applicationFilePath()).baseName()));
    QSettings().clear();
}

/// A fresh workspace in its own temporary folder, closed before the folder goes.
struct TempWorkspace
{
    QTemporaryDir dir;
    std::unique_ptr<Workspace> workspace;

    /// Empty when the workspace opened; otherwise why not.
    QByteArray open(const QString &fileName = QStringLiteral("w.strata"))
    {
        if (!dir.isValid())
            return dir.errorString().toUtf8();
        auto opened = Workspace::open(dir.filePath(fileName));
        if (!opened)
            return opened.error().message.toUtf8();
        workspace = std::move(opened).value();
        return {};
    }
};

/// Creates a record directly in the workspace (test setup, not under test); 0 when that failed.
inline qint64 addRecord(Workspace &workspace,
                        RecordKind kind,
                        const QString &name,
                        const QList<QPair<QString, QString>> &fieldValues = {})
{
    Record record;
    record.kind = kind;
    record.name = name;
    for (const auto &[key, text] : fieldValues) {
        if (!fields::setField(record, key, text))
            return 0;
    }
    const Result<qint64> id = workspace.createRecord(record);
    return id ? id.value() : 0;
}

/// The texts of one column of a model, top to bottom.
inline QStringList columnTexts(const QAbstractItemModel *model, int column = 0)
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(); ++row)
        texts.append(model->index(row, column).data().toString());
    return texts;
}

} // namespace strata::test
