// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ReportLanguage.h"

#include <QCoreApplication>
#include <QThread>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

thread_local const QTranslator *t_catalogue = nullptr;
thread_local bool t_active = false;

/// Installed last, so asked first: answers only on a thread that is writing a report, and there it never lets
/// the application's own catalogue answer instead (an English report in a Chinese window stays English).
class PerThreadTranslator : public QTranslator
{
public:
    using QTranslator::QTranslator;

    QString translate(const char *context, const char *source, const char *disambiguation, int n) const override
    {
        if (!t_active)
            return {};
        const QString found = t_catalogue ? t_catalogue->translate(context, source, disambiguation, n) : QString();
        return found.isNull() ? QString::fromUtf8(source) : found;
    }
    bool isEmpty() const override { return false; }
};

QTranslator *s_english = nullptr;
QTranslator *s_chinese = nullptr;
PerThreadTranslator *s_dispatcher = nullptr;

} // namespace

void ReportLanguage::prepare()
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app || QThread::currentThread() != app->thread())
        return;
    if (!s_english) {
        s_english = new QTranslator(app);
        s_chinese = new QTranslator(app);
        // Without the embedded catalogues (a library test) English still comes from the source texts.
        if (!s_english->load(u":/i18n/strata_en.qm"_s))
            qDebug("ReportLanguage: no English catalogue embedded");
        if (!s_chinese->load(u":/i18n/strata_zh_CN.qm"_s))
            qDebug("ReportLanguage: no Chinese catalogue embedded");
        s_dispatcher = new PerThreadTranslator(app);
    }
    // The most recently installed translator is asked first; catalogues installed since the last report (a change
    // of language) would otherwise answer before it.
    QCoreApplication::removeTranslator(s_dispatcher);
    QCoreApplication::installTranslator(s_dispatcher);
}

ReportLanguage::ReportLanguage(const QString &language)
    : m_previous(t_catalogue)
    , m_previousActive(t_active)
{
    if (!s_english)
        return; // not prepared: the application's language applies
    t_catalogue = language.startsWith(u"zh"_s) ? s_chinese : s_english;
    t_active = true;
}

ReportLanguage::~ReportLanguage()
{
    t_catalogue = m_previous;
    t_active = m_previousActive;
}

} // namespace strata
