// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "NewAssessmentDialog.h"

#include "RecordPicker.h"
#include "workspace/Workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kReleasePage = 0;
constexpr int kRecordPage = 1;

} // namespace

NewAssessmentDialog::NewAssessmentDialog(Workspace *workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
{
    setWindowTitle(tr("New Assessment"));
    m_scopeKind = new QComboBox;
    m_scopeKind->setObjectName(u"assessmentScopeKind"_s);
    m_scopeKind->addItem(tr("A release"), static_cast<int>(ScopeKind::Release));
    m_scopeKind->addItem(tr("A record"), static_cast<int>(ScopeKind::Record));
    m_scopeKind->addItem(tr("A supplier and what it provides"), static_cast<int>(ScopeKind::Supplier));

    m_release = new QComboBox;
    m_release->setObjectName(u"assessmentRelease"_s);
    if (m_workspace) {
        if (const Result<QList<Release>> releases = m_workspace->releases(); releases) {
            for (const Release &r : releases.value())
                m_release->addItem(tr("%1 (%n record(s))", "", static_cast<int>(r.members.size())).arg(r.label()),
                                   r.id);
        }
    }
    m_record = new RecordPicker(workspace);
    m_record->setObjectName(u"assessmentRecord"_s);
    m_scopeStack = new QStackedWidget;
    m_scopeStack->insertWidget(kReleasePage, m_release);
    m_scopeStack->insertWidget(kRecordPage, m_record);

    m_catalog = new QComboBox;
    m_catalog->setObjectName(u"assessmentCatalog"_s);
    if (m_workspace) {
        if (const Result<QList<CatalogSummary>> catalogs = m_workspace->catalogs(); catalogs) {
            for (const CatalogSummary &c : catalogs.value())
                m_catalog->addItem(tr("%1 %2 (%n item(s))", "", c.itemCount).arg(c.title.text(), c.version),
                                   u"%1@%2"_s.arg(c.key, c.version));
        }
    }
    m_message = new QLabel;
    m_message->setObjectName(u"assessmentMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create Assessment"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Assess:"), m_scopeKind);
    form->addRow(tr("&Scope:"), m_scopeStack);
    form->addRow(tr("&Catalog:"), m_catalog);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(560, 480);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewAssessmentDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewAssessmentDialog::reject);
    connect(m_scopeKind, &QComboBox::currentIndexChanged, this,
            [this] { setScopeKind(static_cast<ScopeKind>(m_scopeKind->currentData().toInt())); });
    connect(m_release, &QComboBox::currentIndexChanged, this, &NewAssessmentDialog::updateState);
    connect(m_catalog, &QComboBox::currentIndexChanged, this, &NewAssessmentDialog::updateState);
    connect(m_record, &RecordPicker::recordChanged, this, &NewAssessmentDialog::updateState);
    setScopeKind(m_release->count() > 0 ? ScopeKind::Release : ScopeKind::Record);
}

void NewAssessmentDialog::setScopeKind(ScopeKind kind)
{
    const int index = m_scopeKind->findData(static_cast<int>(kind));
    if (m_scopeKind->currentIndex() != index) {
        m_scopeKind->setCurrentIndex(index); // comes back here through currentIndexChanged
        return;
    }
    m_scopeStack->setCurrentIndex(kind == ScopeKind::Release ? kReleasePage : kRecordPage);
    if (kind != ScopeKind::Release)
        m_record->setKind(kind == ScopeKind::Supplier ? std::optional<RecordKind>(RecordKind::Supplier) : std::nullopt);
    updateState();
}

bool NewAssessmentDialog::selectRelease(qint64 releaseId)
{
    const int index = m_release->findData(releaseId);
    if (index < 0)
        return false;
    setScopeKind(ScopeKind::Release);
    m_release->setCurrentIndex(index);
    return true;
}

QString NewAssessmentDialog::validationMessage() const
{
    const auto kind = static_cast<ScopeKind>(m_scopeKind->currentData().toInt());
    if (kind == ScopeKind::Release && m_release->currentIndex() < 0)
        return m_release->count() == 0 ? tr("There is no release yet; create one with New Release, or assess a "
                                            "record.")
                                       : tr("Choose the release to assess.");
    if (kind == ScopeKind::Record && m_record->recordId() == 0)
        return tr("Choose the record to assess.");
    if (kind == ScopeKind::Supplier && m_record->recordId() == 0)
        return tr("Choose the supplier to assess.");
    if (m_catalog->currentIndex() < 0)
        return tr("The workspace holds no catalog; import one with File › Import Catalog.");
    return {};
}

Result<Assessment> NewAssessmentDialog::create()
{
    if (const QString problem = validationMessage(); !problem.isEmpty())
        return Error{ErrorCode::InvalidInput, problem};
    if (!m_workspace)
        return Error{ErrorCode::InvalidInput, tr("Open a workspace first.")};
    AssessmentScope scope;
    if (static_cast<ScopeKind>(m_scopeKind->currentData().toInt()) == ScopeKind::Release)
        scope.releaseId = m_release->currentData().toLongLong();
    else
        scope.recordId = m_record->recordId();
    Result<Assessment> created = m_workspace->createAssessment(scope, m_catalog->currentData().toString());
    if (created)
        m_assessment = created.value();
    return created;
}

void NewAssessmentDialog::accept()
{
    const Result<Assessment> created = create();
    if (!created) {
        m_message->setText(created.error().message);
        return;
    }
    QDialog::accept();
}

void NewAssessmentDialog::updateState()
{
    const QString problem = validationMessage();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    m_message->setText(problem);
}

} // namespace strata
