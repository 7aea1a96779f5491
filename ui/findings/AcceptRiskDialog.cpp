// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "AcceptRiskDialog.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {

AcceptRiskDialog::AcceptRiskDialog(const Finding &finding, const QDate &today, QWidget *parent)
    : QDialog(parent)
    , m_today(today)
{
    setObjectName(u"acceptRiskDialog"_s);
    setWindowTitle(tr("Accept Risk"));
    auto *intro = new QLabel(tr("Accept the risk of \"%1\" (score %2). Say why it is acceptable and until when; "
                                "the acceptance lapses after that day.")
                                 .arg(finding.title)
                                 .arg(finding.score()));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    m_justification = new QPlainTextEdit;
    m_justification->setObjectName(u"acceptJustification"_s);
    m_justification->setAccessibleName(tr("Justification"));
    m_justification->setTabChangesFocus(true);
    m_until = new QDateEdit(today.addDays(90));
    m_until->setObjectName(u"acceptUntil"_s);
    m_until->setAccessibleName(tr("Accepted until"));
    m_until->setCalendarPopup(true);
    m_until->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_problem = new QLabel;
    m_problem->setObjectName(u"acceptProblem"_s);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Accept Risk"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canAccept())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_justification, &QPlainTextEdit::textChanged, this, &AcceptRiskDialog::validate);
    connect(m_until, &QDateEdit::dateChanged, this, &AcceptRiskDialog::validate);

    auto *form = new QFormLayout;
    form->addRow(tr("&Justification:"), m_justification);
    form->addRow(tr("Accepted &until:"), m_until);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    validate();
}

QString AcceptRiskDialog::justification() const
{
    return m_justification->toPlainText().trimmed();
}

QDate AcceptRiskDialog::until() const
{
    return m_until->date();
}

void AcceptRiskDialog::setJustification(const QString &text)
{
    m_justification->setPlainText(text);
}

void AcceptRiskDialog::setUntil(const QDate &date)
{
    m_until->setDate(date);
}

QString AcceptRiskDialog::problem() const
{
    if (justification().isEmpty())
        return tr("Give a justification: why is this risk acceptable?");
    if (justification().size() > assessment_limits::kJustificationMax)
        return tr("The justification is %1 characters long; at most %2 are allowed.")
            .arg(justification().size())
            .arg(assessment_limits::kJustificationMax);
    if (until() <= m_today)
        return tr("Choose a day after today for the acceptance to end.");
    return {};
}

void AcceptRiskDialog::validate()
{
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

} // namespace strata
