// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Assessment.h"
#include "domain/Result.h"

#include <QDialog>

class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace strata {

class Workspace;

/// Turns a failed checklist item into a finding with likelihood, impact, owner and due date, so the risk is tracked
/// after the walkthrough moves on.
class RaiseFindingDialog : public QDialog
{
    Q_OBJECT

public:
    RaiseFindingDialog(Workspace *workspace,
                       qint64 assessmentId,
                       const AssessmentItem &item,
                       QWidget *parent = nullptr);

    QString validationMessage() const;
    /// Records the finding through the workspace; the dialog stays open and shows the error when it fails.
    Result<Finding> create();
    const Finding &finding() const { return m_finding; }
    QLineEdit *titleField() const { return m_title; }
    QSpinBox *likelihoodBox() const { return m_likelihood; }
    QSpinBox *impactBox() const { return m_impact; }
    QLineEdit *ownerField() const { return m_owner; }
    QDateEdit *dueField() const { return m_due; }

    void accept() override;

private:
    void updateState();

    Workspace *m_workspace = nullptr;
    qint64 m_assessmentId = 0;
    QString m_itemKey;
    QLineEdit *m_title = nullptr;
    QSpinBox *m_likelihood = nullptr;
    QSpinBox *m_impact = nullptr;
    QLabel *m_score = nullptr;
    QLineEdit *m_owner = nullptr;
    QDateEdit *m_due = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    Finding m_finding;
};

} // namespace strata
