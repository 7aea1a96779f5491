// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "TaskProgressWidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace strata {

TaskProgressWidget::TaskProgressWidget(const QString &prefix, const QString &cancelName, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(prefix + u"Progress"_s);
    m_label = new QLabel(this);
    m_label->setObjectName(prefix + u"Label"_s);
    m_label->setTextFormat(Qt::PlainText);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(prefix + u"ProgressBar"_s);
    m_bar->setTextVisible(false);
    m_bar->setFixedWidth(160);
    m_bar->setMaximumHeight(m_label->sizeHint().height());
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(prefix + u"CancelButton"_s);
    m_cancel->setAccessibleName(cancelName);
    connect(m_cancel, &QPushButton::clicked, this, &TaskProgressWidget::cancelRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
}

void TaskProgressWidget::setText(const QString &text)
{
    m_label->setText(text);
    m_bar->setAccessibleName(text);
}

QString TaskProgressWidget::text() const
{
    return m_label->text();
}

void TaskProgressWidget::setProgress(int value, int maximum)
{
    m_bar->setRange(0, maximum);
    m_bar->setValue(value);
}

int TaskProgressWidget::value() const
{
    return m_bar->value();
}

} // namespace strata
