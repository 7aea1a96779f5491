// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

class QSettings;

namespace strata {

/// One rule for the language Strata starts in, shared by main() and the Preferences dialog: `--lang` first, then
/// the choice saved in Preferences, then the system's language.
class LanguageChoice
{
    Q_DECLARE_TR_FUNCTIONS(strata::LanguageChoice)

public:
    /// A language the user can choose; an empty locale means "follow the system".
    struct Option
    {
        QString locale;
        QString label;
    };

    /// The QSettings key holding the choice ("" or absent: the system's language).
    static QString settingsKey();
    /// The choices Preferences offers: the system's language, then each language Strata is translated into, named
    /// in that language so a user who cannot read the current one still finds their own.
    static QList<Option> options();
    /// The saved choice: a locale from options(), or "" for the system's language (also for unknown values).
    static QString saved(const QSettings &settings);
    /// Saves `locale` ("" for the system's language); takes effect the next time Strata starts.
    static void save(QSettings &settings, const QString &locale);
    /// The locale to start in: `commandLine` (the --lang value) when given, else the saved choice; "" means the
    /// system's language, as installTranslations() expects.
    static QString startupLocale(const QString &commandLine, const QSettings &settings);
};

} // namespace strata
