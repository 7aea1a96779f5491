// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "RaiseFindingDialog.h"

#include "workspace/Workspace.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kDefaultDueDays = 30;

} // namespace

RaiseFindingDialog::RaiseFindingDialog(Workspace *workspace,
                                       qint64 assessmentId,
                                       const AssessmentItem &item,
                                       QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_assessmentId(assessmentId)
    , m_itemKey(item.key)
{
    setWindowTitle(tr("Raise Finding"));
    auto *intro = new QLabel(tr("Item %1 failed: %2").arg(item.label(), item.title.text()));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    m_title = new QLineEdit;
    m_title->setObjectName(u"findingTitle"_s);
    m_title->setMaxLength(assessment_limits::kTitleMax);
    m_title->setText(item.title.text());
    m_likelihood = new QSpinBox;
    m_likelihood->setObjectName(u"findingLikelihood"_s);
    m_likelihood->setRange(1, 5);
    m_likelihood->setValue(3);
    m_impact = new QSpinBox;
    m_impact->setObjectName(u"findingImpact"_s);
    m_impact->setRange(1, 5);
    m_impact->setValue(3);
    m_score = new QLabel;
    m_owner = new QLineEdit;
    m_owner->setObjectName(u"findingOwner"_s);
    m_owner->setMaxLength(assessment_limits::kOwnerMax);
    m_owner->setPlaceholderText(tr("who handles it"));
    m_due = new QDateEdit(QDate::currentDate().addDays(kDefaultDueDays));
    m_due->setObjectName(u"findingDue"_s);
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_message = new QLabel;
    m_message->setObjectName(u"findingMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Raise Finding"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Likelihood (1–5):"), m_likelihood);
    form->addRow(tr("&Impact (1–5):"), m_impact);
    form->addRow(tr("Score:"), m_score);
    form->addRow(tr("&Owner:"), m_owner);
    form->addRow(tr("&Due:"), m_due);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    setMinimumWidth(440);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &RaiseFindingDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RaiseFindingDialog::reject);
    connect(m_title, &QLineEdit::textChanged, this, &RaiseFindingDialog::updateState);
    connect(m_owner, &QLineEdit::textChanged, this, &RaiseFindingDialog::updateState);
    connect(m_likelihood, &QSpinBox::valueChanged, this, &RaiseFindingDialog::updateState);
    connect(m_impact, &QSpinBox::valueChanged, this, &RaiseFindingDialog::updateState);
    connect(m_due, &QDateEdit::dateChanged, this, &RaiseFindingDialog::updateState);
    updateState();
}

QString RaiseFindingDialog::validationMessage() const
{
    if (m_title->text().trimmed().isEmpty())
        return tr("Give the finding a title that says what is wrong.");
    if (m_owner->text().trimmed().isEmpty())
        return tr("Name the owner who handles the finding.");
    if (m_due->date() < QDate::currentDate())
        return tr("The due date %1 has passed; choose today or a later day.").arg(m_due->date().toString(Qt::ISODate));
    return {};
}

Result<Finding> RaiseFindingDialog::create()
{
    if (const QString problem = validationMessage(); !problem.isEmpty())
        return Error{ErrorCode::InvalidInput, problem};
    if (!m_workspace)
        return Error{ErrorCode::InvalidInput, tr("Open a workspace first.")};
    Finding finding;
    finding.assessmentId = m_assessmentId;
    finding.itemKey = m_itemKey;
    finding.title = m_title->text().trimmed();
    finding.likelihood = m_likelihood->value();
    finding.impact = m_impact->value();
    finding.owner = m_owner->text().trimmed();
    finding.dueDate = m_due->date();
    Result<Finding> added = m_workspace->addFinding(finding);
    if (added)
        m_finding = added.value();
    return added;
}

void RaiseFindingDialog::accept()
{
    const Result<Finding> added = create();
    if (!added) {
        m_message->setText(added.error().message);
        return;
    }
    QDialog::accept();
}

void RaiseFindingDialog::updateState()
{
    m_score->setText(tr("%1 (likelihood × impact)").arg(m_likelihood->value() * m_impact->value()));
    const QString problem = validationMessage();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    m_message->setText(problem);
}

} // namespace strata
