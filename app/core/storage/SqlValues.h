// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QTimeZone>

/// Conversions between domain values and what the repositories store, kept in one place.
namespace strata::sql {

/// A null QString binds as SQL NULL, which NOT NULL columns reject; store "" instead.
inline QString nonNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

inline QString timeToText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("");
}

inline QDateTime timeFromText(const QString &s)
{
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    return t.toUTC();
}

inline QString tagsToText(const QStringList &tags)
{
    return nonNull(tags.join(QStringLiteral(", ")));
}

inline QStringList tagsFromText(const QString &text)
{
    QStringList tags = text.split(u',', Qt::SkipEmptyParts);
    for (QString &t : tags)
        t = t.trimmed();
    return tags;
}

} // namespace strata::sql
