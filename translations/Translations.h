// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

class QCoreApplication;

namespace strata {

/// Makes tr() answer in the user's language: installs Strata's catalogue (:/i18n/strata_<lang>.qm) and Qt's own
/// (qtbase_<lang>.qm) for `localeName` ("zh_CN"; empty means the system locale). The translators are children of
/// `app`. Calling it again replaces the ones it installed before. English, the C/POSIX locale and any language
/// without a catalogue get strata_en.qm, which holds only the English plural forms ("1 record", "3 records").
void installTranslations(QCoreApplication &app, const QString &localeName = {});

} // namespace strata
