// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

// Marks the translators this file installed, so a second call can take them out again.
const QString kTranslatorName = u"strata-translator"_s;

bool install(QCoreApplication &app, const QLocale &locale, const QString &fileName, const QString &directory)
{
    auto *translator = new QTranslator(&app);
    translator->setObjectName(kTranslatorName);
    if (translator->load(locale, fileName, u"_"_s, directory) && QCoreApplication::installTranslator(translator))
        return true;
    delete translator;
    return false;
}

} // namespace

void installTranslations(QCoreApplication &app, const QString &localeName)
{
    const auto installed = app.findChildren<QTranslator *>(kTranslatorName, Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : installed) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }

    const QLocale locale = localeName.isEmpty() ? QLocale::system() : QLocale(localeName);
    // Dates, numbers and Qt's own dialogs follow the chosen language too, not only Strata's strings.
    if (!localeName.isEmpty())
        QLocale::setDefault(locale);
    install(app, locale, u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    // Installed last, so it is searched first. The C locale ("C", "POSIX", "C.UTF-8") names no language, and a
    // language Strata has no catalogue for stays in English: both get the English plural forms.
    if (!install(app, locale, u"strata"_s, u":/i18n"_s))
        install(app, QLocale(QLocale::English), u"strata"_s, u":/i18n"_s);
}

} // namespace strata
