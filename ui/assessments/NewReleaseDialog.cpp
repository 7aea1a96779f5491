// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "NewReleaseDialog.h"

#include "RecordPicker.h"
#include "workspace/Workspace.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {

NewReleaseDialog::NewReleaseDialog(Workspace *workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
{
    setWindowTitle(tr("New Release"));
    m_name = new QLineEdit;
    m_name->setObjectName(u"releaseName"_s);
    m_name->setMaxLength(assessment_limits::kNameMax);
    m_name->setPlaceholderText(tr("for example: support-assistant"));
    m_version = new QLineEdit;
    m_version->setObjectName(u"releaseVersion"_s);
    m_version->setMaxLength(assessment_limits::kVersionMax);
    m_version->setPlaceholderText(tr("for example: 2.1.0"));
    m_root = new RecordPicker(workspace);
    m_root->setObjectName(u"releaseRoot"_s);
    m_scopeTitle = new QLabel;
    m_scopeTitle->setObjectName(u"releaseScopeTitle"_s);
    m_scope = new QListWidget;
    m_scope->setObjectName(u"releaseScope"_s);
    m_scope->setAccessibleName(tr("Records in the release"));
    m_scope->setSelectionMode(QAbstractItemView::NoSelection);
    m_message = new QLabel;
    m_message->setObjectName(u"releaseMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create Release"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Version:"), m_version);
    auto *rootLabel = new QLabel(tr("&Root record:"));
    rootLabel->setBuddy(m_root->searchField());
    form->addRow(rootLabel, m_root);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_scopeTitle);
    layout->addWidget(m_scope, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(560, 620);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewReleaseDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewReleaseDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &NewReleaseDialog::updateState);
    connect(m_version, &QLineEdit::textChanged, this, &NewReleaseDialog::updateState);
    connect(m_root, &RecordPicker::recordChanged, this, &NewReleaseDialog::updateScope);
    updateScope();
}

QString NewReleaseDialog::validationMessage() const
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("Give the release a name.");
    if (name.size() > assessment_limits::kNameMax)
        return tr("The name is %1 characters long; at most %2 are allowed.")
            .arg(name.size())
            .arg(assessment_limits::kNameMax);
    if (m_version->text().trimmed().size() > assessment_limits::kVersionMax)
        return tr("The version is %1 characters long; at most %2 are allowed.")
            .arg(m_version->text().trimmed().size())
            .arg(assessment_limits::kVersionMax);
    if (m_root->recordId() == 0)
        return tr("Choose the root record: the model or service being shipped.");
    return {};
}

Result<Release> NewReleaseDialog::create()
{
    if (const QString problem = validationMessage(); !problem.isEmpty())
        return Error{ErrorCode::InvalidInput, problem};
    if (!m_workspace)
        return Error{ErrorCode::InvalidInput, tr("Open a workspace first.")};
    Result<Release> created =
        m_workspace->createRelease(m_name->text().trimmed(), m_version->text().trimmed(), m_root->recordId());
    if (created)
        m_release = created.value();
    return created;
}

void NewReleaseDialog::accept()
{
    const Result<Release> created = create();
    if (!created) {
        m_message->setText(created.error().message);
        return;
    }
    QDialog::accept();
}

void NewReleaseDialog::updateScope()
{
    m_scope->clear();
    const qint64 root = m_root->recordId();
    const Result<QList<qint64>> upstream =
        root && m_workspace ? m_workspace->upstreamOf(root) : Result<QList<qint64>>(QList<qint64>());
    if (!upstream) {
        m_scopeTitle->setText(upstream.error().message);
    } else {
        const QVector<qint64> ids(upstream.value().cbegin(), upstream.value().cend());
        const Result<QList<RecordSummary>> rows = m_workspace && !ids.isEmpty()
                                                      ? m_workspace->summaries(ids)
                                                      : Result<QList<RecordSummary>>(QList<RecordSummary>());
        if (rows) {
            for (const RecordSummary &s : rows.value()) {
                const QString name =
                    s.version.isEmpty() ? s.name : tr("%1 %2", "record name and version").arg(s.name, s.version);
                m_scope->addItem(tr("%1 (%2)", "record and its kind").arg(name, recordKindLabel(s.kind)));
            }
        }
        m_scopeTitle->setText(root ? tr("The release will hold %n record(s): the root and everything upstream of it.",
                                        "", m_scope->count())
                                   : tr("Choose a root to see what the release will hold."));
    }
    updateState();
}

void NewReleaseDialog::updateState()
{
    const QString problem = validationMessage();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    m_message->setText(problem);
}

} // namespace strata
