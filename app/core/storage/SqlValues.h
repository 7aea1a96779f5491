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

/// timeToText for a bulk write that stamps every row with the same time: formatting a QDateTime costs about as much
/// as inserting the row, so the text is made once per distinct time.
class TimeText
{
public:
    const QString &operator()(const QDateTime &t)
    {
        if (m_text.isNull() || t != m_time) {
            m_time = t;
            m_text = timeToText(t);
        }
        return m_text;
    }

private:
    QDateTime m_time;
    QString m_text;
};

inline QDateTime timeFromText(const QString &s)
{
    // Fast path for what timeToText writes ("2026-11-27T22:54:16.123Z"): tables parse hundreds per page.
    const auto digits = [&s](int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; ++i) {
            const char16_t c = s.at(i).unicode();
            if (c < u'0' || c > u'9')
                return -1;
            v = v * 10 + (c - u'0');
        }
        return v;
    };
    if (s.size() == 24 && s.at(4) == u'-' && s.at(7) == u'-' && s.at(10) == u'T' && s.at(13) == u':' &&
        s.at(16) == u':' && s.at(19) == u'.' && s.at(23) == u'Z') {
        const QDate date(digits(0, 4), digits(5, 2), digits(8, 2));
        const QTime time(digits(11, 2), digits(14, 2), digits(17, 2), digits(20, 3));
        if (date.isValid() && time.isValid())
            return QDateTime(date, time, Qt::UTC);
    }
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
