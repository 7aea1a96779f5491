// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "RecentWorkspaces.h"

#include <QFileInfo>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace strata {
namespace {

const QString kKey = u"recentWorkspaces"_s;

QString normalized(const QString &path)
{
    return QFileInfo(path).absoluteFilePath();
}

} // namespace

QStringList RecentWorkspaces::paths()
{
    QSettings settings;
    const QStringList stored = settings.value(kKey).toStringList();
    QStringList existing;
    for (const QString &path : stored) {
        if (QFileInfo::exists(path) && !existing.contains(path))
            existing.append(path);
    }
    if (existing != stored)
        settings.setValue(kKey, existing);
    return existing;
}

void RecentWorkspaces::add(const QString &path)
{
    const QString absolute = normalized(path);
    QSettings settings;
    QStringList list = settings.value(kKey).toStringList();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxEntries)
        list.removeLast();
    settings.setValue(kKey, list);
}

void RecentWorkspaces::remove(const QString &path)
{
    QSettings settings;
    QStringList list = settings.value(kKey).toStringList();
    list.removeAll(normalized(path));
    settings.setValue(kKey, list);
}

void RecentWorkspaces::clear()
{
    QSettings().remove(kKey);
}

} // namespace strata
