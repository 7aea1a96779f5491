// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "PreferencesDialog.h"

#include "LanguageChoice.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"preferencesDialog"_s);
    setWindowTitle(tr("Preferences"));

    m_language = new QComboBox(this);
    m_language->setObjectName(u"languageCombo"_s);
    m_language->setAccessibleName(tr("Language"));
    for (const LanguageChoice::Option &option : LanguageChoice::options())
        m_language->addItem(option.label, option.locale);

    m_restartNote = new QLabel(tr("A new language applies the next time Strata starts. Starting Strata with "
                                  "--lang LOCALE overrides this choice."),
                               this);
    m_restartNote->setObjectName(u"restartNote"_s);
    m_restartNote->setWordWrap(true);

    auto *form = new QFormLayout;
    auto *languageLabel = new QLabel(tr("&Language:"), this);
    languageLabel->setBuddy(m_language);
    form->addRow(languageLabel, m_language);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_restartNote);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(420);

    setChosenLanguage(LanguageChoice::saved(QSettings()));
}

QString PreferencesDialog::chosenLanguage() const
{
    return m_language->currentData().toString();
}

void PreferencesDialog::setChosenLanguage(const QString &locale)
{
    const int index = m_language->findData(locale);
    m_language->setCurrentIndex(index >= 0 ? index : 0);
}

void PreferencesDialog::accept()
{
    QSettings settings;
    LanguageChoice::save(settings, chosenLanguage());
    QDialog::accept();
}

} // namespace strata
