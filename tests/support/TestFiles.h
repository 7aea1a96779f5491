// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace strata::test {

/// Bytes that look random but are the same on every run for the same seed, so a failure can be replayed.
inline QByteArray deterministicBytes(qint64 size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray data(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        data[i] = char(generator.bounded(256));
    return data;
}

/// Every file under a folder (hidden ones too), relative to it and sorted: what a failed operation must not leave.
inline QStringList filesUnder(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(folder).relativeFilePath(it.next());
    files.sort();
    return files;
}

/// A CycloneDX 1.6 BOM of `components` libraries named "<prefix>-c<N>", each depending on the next: an import big
/// enough to interrupt, generated the same way on every run.
inline QByteArray generatedBom(const QString &prefix, int components)
{
    QJsonArray list;
    QJsonArray dependencies;
    for (int i = 0; i < components; ++i) {
        const QString ref = QStringLiteral("c%1").arg(i);
        list.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("library")},
                                {QStringLiteral("bom-ref"), ref},
                                {QStringLiteral("name"), QStringLiteral("%1-c%2").arg(prefix).arg(i)},
                                {QStringLiteral("version"), QStringLiteral("1.%1").arg(i)}});
        if (i + 1 < components)
            dependencies.append(
                QJsonObject{{QStringLiteral("ref"), ref},
                            {QStringLiteral("dependsOn"), QJsonArray{QStringLiteral("c%1").arg(i + 1)}}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("bomFormat"), QStringLiteral("CycloneDX")},
                                     {QStringLiteral("specVersion"), QStringLiteral("1.6")},
                                     {QStringLiteral("version"), 1},
                                     {QStringLiteral("components"), list},
                                     {QStringLiteral("dependencies"), dependencies}})
        .toJson(QJsonDocument::Compact);
}

/// Writes `data` to `path` and flushes it; false on failure.
inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.flush();
}

} // namespace strata::test
