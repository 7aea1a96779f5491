// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "AuditPage.h"

#include "AuditTableModel.h"
#include "PoolJob.h"
#include "Prompter.h"
#include "StatusIcons.h"
#include "TaskProgressWidget.h"
#include "audit/AuditChain.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {

/// One run of "Verify audit trail": shared with the worker, so the page can go while it finishes.
struct AuditPage::VerifyJob
{
    std::atomic<bool> cancel{false};
    std::optional<AuditVerification> result;
    QFutureWatcher<void> *watcher = nullptr;
    QFuture<void> future;
};

namespace {

QPlainTextEdit *jsonView(const QString &name, const QString &accessibleName)
{
    auto *view = new QPlainTextEdit;
    view->setObjectName(name);
    view->setAccessibleName(accessibleName);
    view->setReadOnly(true);
    view->setTabChangesFocus(true); // Tab moves on, never traps the keyboard here
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

QWidget *titled(const QString &title, QWidget *content)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(title);
    label->setBuddy(content);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return box;
}

} // namespace

AuditPage::AuditPage(Workspace *workspace, Prompter *prompter, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_prompter(prompter)
{
    setObjectName(u"auditPage"_s);
    m_model = new AuditTableModel(this);

    m_verifyAction = new QAction(tr("Verify Audit Trail"), this);
    m_verifyAction->setObjectName(u"verifyAuditAction"_s);
    m_verifyAction->setToolTip(tr("Recompute the hash chain and name the first row that was changed, removed, "
                                  "reordered or inserted"));
    connect(m_verifyAction, &QAction::triggered, this, [this] { verifyTrail(); });

    m_action = new QComboBox;
    m_action->setObjectName(u"auditActionFilter"_s);
    m_action->setAccessibleName(tr("Show entries by action"));
    m_action->addItem(tr("All actions"), QString());
    const QList<std::pair<QString, QString>> groups = {
        {tr("Records"), u"record"_s},      {tr("Relations"), u"relation"_s},     {tr("Artifacts"), u"artifact"_s},
        {tr("Imports"), u"import"_s},      {tr("Catalogs"), u"catalog"_s},       {tr("Evidence"), u"evidence"_s},
        {tr("Releases"), u"release"_s},    {tr("Assessments"), u"assessment"_s}, {tr("Findings"), u"finding"_s},
        {tr("Identities"), u"identity"_s}, {tr("Model signatures"), u"model"_s}, {tr("Sign-offs"), u"signoff"_s},
        {tr("Bundles"), u"bundle"_s}};
    for (const auto &[label, prefix] : groups)
        m_action->addItem(label, prefix);
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditPage::refresh);

    m_actor = new QLineEdit;
    m_actor->setObjectName(u"auditActorFilter"_s);
    m_actor->setPlaceholderText(tr("Actor"));
    m_actor->setAccessibleName(tr("Show entries by actor"));
    m_actor->setClearButtonEnabled(true);
    m_record = new QLineEdit;
    m_record->setObjectName(u"auditRecordFilter"_s);
    m_record->setPlaceholderText(tr("Record id or name"));
    m_record->setAccessibleName(tr("Show entries about a record"));
    m_record->setClearButtonEnabled(true);
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(250);
    connect(m_refreshTimer, &QTimer::timeout, this, &AuditPage::refresh);
    connect(m_actor, &QLineEdit::textChanged, m_refreshTimer, qOverload<>(&QTimer::start));
    connect(m_record, &QLineEdit::textChanged, m_refreshTimer, qOverload<>(&QTimer::start));

    auto *verifyButton = new QToolButton;
    verifyButton->setDefaultAction(m_verifyAction);
    verifyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_action);
    toolbar->addWidget(m_actor, 1);
    toolbar->addWidget(m_record, 1);
    toolbar->addWidget(verifyButton);

    m_state = new QLabel;
    m_state->setObjectName(u"auditState"_s);
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    m_state->setText(tr("Not verified since the workspace was opened."));
    m_summary = new QLabel;
    m_summary->setObjectName(u"auditSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_progress = new TaskProgressWidget(u"auditVerify"_s, tr("Cancel the audit trail check"));
    m_progress->hide();
    connect(m_progress, &TaskProgressWidget::cancelRequested, this, &AuditPage::cancelVerification);

    m_table = new QTableView;
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    m_table->setObjectName(u"auditTable"_s);
    m_table->setAccessibleName(tr("Audit trail"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditPage::showSelected);

    m_selected = new QLabel;
    m_selected->setObjectName(u"auditSelected"_s);
    m_selected->setTextFormat(Qt::PlainText);
    m_selected->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_before = jsonView(u"auditBefore"_s, tr("Before"));
    m_after = jsonView(u"auditAfter"_s, tr("After"));
    auto *changes = new QSplitter(Qt::Horizontal);
    changes->addWidget(titled(tr("&Before"), m_before));
    changes->addWidget(titled(tr("&After"), m_after));
    auto *detail = new QWidget;
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_selected);
    detailLayout->addWidget(changes, 1);

    auto *split = new QSplitter(Qt::Vertical);
    split->setObjectName(u"auditSplitter"_s);
    split->setChildrenCollapsible(false);
    split->addWidget(m_table);
    split->addWidget(detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(m_state);
    layout->addWidget(m_progress);
    layout->addWidget(split, 1);
    layout->addWidget(m_summary);

    if (m_workspace) {
        // Any write appends to the trail: every change signal is a reason to re-read it.
        connect(m_workspace, &Workspace::recordsChanged, this, &AuditPage::scheduleRefresh);
        connect(m_workspace, &Workspace::recordChanged, this, &AuditPage::scheduleRefresh);
        connect(m_workspace, &Workspace::assessmentsChanged, this, &AuditPage::scheduleRefresh);
        connect(m_workspace, &Workspace::catalogsChanged, this, &AuditPage::scheduleRefresh);
        connect(m_workspace, &Workspace::evidenceChanged, this, &AuditPage::scheduleRefresh);
        connect(m_workspace, &Workspace::identitiesChanged, this, &AuditPage::scheduleRefresh);
    }
    refresh();
    updateActions();
}

AuditPage::~AuditPage()
{
    if (m_verify) {
        m_verify->cancel.store(true);
        m_verify->future.waitForFinished();
    }
}

void AuditPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void AuditPage::scheduleRefresh()
{
    m_stale = true;
    if (isVisible())
        m_refreshTimer->start();
}

void AuditPage::refresh()
{
    m_refreshTimer->stop();
    m_stale = false;
    if (!m_workspace)
        return;
    AuditQuery query;
    query.action = m_action->currentData().toString();
    query.actor = m_actor->text().trimmed();
    query.limit = kPageRows;
    if (const QString record = m_record->text().trimmed(); !record.isEmpty()) {
        const Result<qint64> id = m_workspace->resolve(record);
        if (!id) {
            m_model->setEntries({});
            m_summary->setText(id.error().message);
            showSelected();
            return;
        }
        query.entityKind = u"record"_s;
        query.entityId = id.value();
    }
    const qint64 selected =
        m_model->entryAt(m_table->currentIndex().row()) ? m_model->entryAt(m_table->currentIndex().row())->seq : 0;
    Result<QList<AuditEntry>> rows = m_workspace->auditTrail(query);
    if (!rows) {
        m_model->setEntries({});
        m_summary->setText(rows.error().message);
        showSelected();
        return;
    }
    const int count = static_cast<int>(rows.value().size());
    m_model->setEntries(std::move(rows).value());
    m_summary->setText(count >= kPageRows ? tr("Showing the newest %n entries; filter to reach older ones.", "", count)
                                          : tr("%n entry(ies)", "", count));
    const int row = m_model->rowOfSeq(selected);
    m_table->setCurrentIndex(m_model->index(row >= 0 ? row : 0, 0));
    m_table->resizeColumnsToContents();
    showSelected();
}

void AuditPage::showSelected()
{
    const AuditEntry *e = m_model->entryAt(m_table->currentIndex().row());
    if (!e) {
        m_selected->clear();
        m_before->clear();
        m_after->clear();
        return;
    }
    m_selected->setText(tr("Row %1 by %2 at %3 · hash %4").arg(e->seq).arg(e->actor, e->at, e->hash));
    m_before->setPlainText(AuditTableModel::indented(e->beforeJson));
    m_after->setPlainText(AuditTableModel::indented(e->afterJson));
}

void AuditPage::verifyTrail(const std::optional<AuditHead> &checkpoint)
{
    if (!m_workspace || isVerifying())
        return;
    // The rows are read here, on the thread that owns the workspace; only the hashing goes to the worker.
    AuditQuery all;
    all.oldestFirst = true;
    Result<QList<AuditEntry>> rows = m_workspace->auditTrail(all);
    if (!rows) {
        m_prompter->showError(this, rows.error().message);
        return;
    }
    // Without a checkpoint of the caller's, the heads that verified sign-offs name are the checkpoints.
    QList<AuditHead> checkpoints;
    if (checkpoint) {
        checkpoints.append(*checkpoint);
    } else {
        Result<QList<AuditHead>> known = m_workspace->auditCheckpoints();
        if (!known) {
            m_prompter->showError(this, known.error().message);
            return;
        }
        checkpoints = known.value();
    }
    auto job = std::make_shared<VerifyJob>();
    m_verify = job;
    m_progress->setText(tr("Checking %n audit row(s)…", "", static_cast<int>(rows.value().size())));
    m_progress->setProgress(0, 0);
    m_progress->show();
    updateActions();
    job->watcher = new QFutureWatcher<void>(this);
    connect(job->watcher, &QFutureWatcherBase::finished, this, &AuditPage::finishVerification);
    job->future = runPoolJob([job, checkpoints, list = std::move(rows).value()] {
        job->result = AuditChain::verifyAgainst(list, checkpoints, &job->cancel);
    });
    job->watcher->setFuture(job->future);
}

void AuditPage::cancelVerification()
{
    if (m_verify)
        m_verify->cancel.store(true);
}

void AuditPage::finishVerification()
{
    const std::shared_ptr<VerifyJob> job = std::move(m_verify);
    m_verify.reset();
    m_progress->hide();
    job->watcher->deleteLater();
    updateActions();
    const AuditVerification &v = *job->result;
    m_model->setFirstBadSeq(v.intact() ? 0 : v.firstBadSeq);
    m_table->resizeColumnToContents(AuditTableModel::Seq); // room for the mark
    m_state->setText(v.message);
    const auto severity = v.intact() ? status_icons::Severity::Good : status_icons::Severity::Bad;
    QPalette palette = m_state->palette();
    palette.setColor(QPalette::WindowText, status_icons::color(severity));
    m_state->setPalette(v.cancelled ? QPalette() : palette);
    Q_EMIT verificationFinished(v);
    if (v.cancelled)
        return;
    if (v.intact()) {
        m_prompter->showInfo(this, tr("Audit Trail Intact"), v.message);
        return;
    }
    if (const int row = m_model->rowOfSeq(v.firstBadSeq); row >= 0)
        m_table->setCurrentIndex(m_model->index(row, 0));
    m_prompter->showError(this, tr("The audit trail was tampered with. %1 Restore the workspace from a backup you "
                                   "trust, and find out who had access to the file.")
                                    .arg(v.message));
}

void AuditPage::updateActions()
{
    m_verifyAction->setEnabled(m_workspace && !isVerifying());
}

} // namespace strata
