// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Assessment.h"

#include <QDate>
#include <QDialog>

class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace strata {

/// Asks why a finding's risk is acceptable and until when, because an accepted risk without both is a risk
/// nobody will look at again; OK stays disabled until both are given.
class AcceptRiskDialog : public QDialog
{
    Q_OBJECT

public:
    AcceptRiskDialog(const Finding &finding, const QDate &today, QWidget *parent = nullptr);

    QString justification() const;
    QDate until() const;
    void setJustification(const QString &text);
    void setUntil(const QDate &date);
    /// Why OK is disabled, or empty when it is enabled.
    QString problem() const;
    bool canAccept() const { return problem().isEmpty(); }

private:
    void validate();

    QDate m_today;
    QPlainTextEdit *m_justification = nullptr;
    QDateEdit *m_until = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace strata
