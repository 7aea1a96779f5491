// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "LanguageChoice.h"

#include <QLocale>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace strata {

QString LanguageChoice::settingsKey()
{
    return u"ui/language"_s;
}

QList<LanguageChoice::Option> LanguageChoice::options()
{
    return {
        {QString(), tr("System language (%1)").arg(QLocale::system().nativeLanguageName())},
        {u"en"_s, u"English"_s},
        {u"zh_CN"_s, u"简体中文"_s},
    };
}

QString LanguageChoice::saved(const QSettings &settings)
{
    const QString value = settings.value(settingsKey()).toString();
    for (const Option &option : options()) {
        if (!option.locale.isEmpty() && option.locale == value)
            return value;
    }
    return {};
}

void LanguageChoice::save(QSettings &settings, const QString &locale)
{
    if (locale.isEmpty())
        settings.remove(settingsKey());
    else
        settings.setValue(settingsKey(), locale);
}

QString LanguageChoice::startupLocale(const QString &commandLine, const QSettings &settings)
{
    if (!commandLine.trimmed().isEmpty())
        return commandLine.trimmed();
    return saved(settings);
}

} // namespace strata
