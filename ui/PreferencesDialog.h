// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;

namespace strata {

/// Edit › Preferences…: the settings that belong to the user rather than to a workspace, kept in QSettings.
/// For now the language, which applies the next time Strata starts.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    /// The locale chosen in the dialog ("" for the system's language), saved or not.
    QString chosenLanguage() const;
    void setChosenLanguage(const QString &locale);

    void accept() override;

private:
    QComboBox *m_language = nullptr;
    QLabel *m_restartNote = nullptr;
};

} // namespace strata
