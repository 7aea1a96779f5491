// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QtGlobal>

class QTranslator;

namespace strata {

/// A report is written in the language its options name, whatever language the window shows: while one of these
/// lives, tr() on its thread (the report's own strings and core's labels alike) answers in that language, and
/// every other thread keeps the application's language.
class ReportLanguage
{
public:
    /// `language` is "en" or "zh_CN". Call prepare() first, on the application's thread.
    explicit ReportLanguage(const QString &language);
    ~ReportLanguage();
    Q_DISABLE_COPY_MOVE(ReportLanguage)

    /// Loads the catalogues and installs the per-thread translator once; a no-op off the application's thread
    /// or without an application, where reports then follow the application's language.
    static void prepare();

private:
    const QTranslator *m_previous = nullptr;
    bool m_previousActive = false;
};

} // namespace strata
