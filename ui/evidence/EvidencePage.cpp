// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "EvidencePage.h"

#include "EvidenceAdder.h"
#include "EvidenceFilterModel.h"
#include "EvidencePreview.h"
#include "EvidenceTableModel.h"
#include "EvidenceViewing.h"
#include "PoolJob.h"
#include "Prompter.h"
#include "StatusIcons.h"
#include "TaskProgressWidget.h"
#include "evidence/EvidenceStore.h"
#include "evidence/EvidenceVerifier.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <atomic>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace strata {

/// One run of "Verify evidence": shared with the worker, so the page can go while a read finishes.
struct EvidencePage::VerifyJob
{
    std::atomic<bool> cancel{false};
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
    std::optional<Result<EvidenceVerification>> result;
    QFutureWatcher<void> *watcher = nullptr;
    QFuture<void> future;
};

namespace {

constexpr int kProgressSteps = 1000;

QToolButton *toolButton(QAction *action)
{
    auto *button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

EvidencePage::EvidencePage(Workspace *workspace, Prompter *prompter, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_prompter(prompter)
    , m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    setObjectName(u"evidencePage"_s);
    m_model = new EvidenceTableModel(workspace, this);
    m_filter = new EvidenceFilterModel(this);
    m_filter->setSourceModel(m_model);

    m_addAction = new QAction(tr("Add Evidence…"), this);
    m_addAction->setObjectName(u"addEvidenceAction"_s);
    m_addAction->setToolTip(tr("Copy files into the evidence store; you can also drop files on this page"));
    m_adder = new EvidenceAdder(prompter, this);
    m_adder->setWorkspace(workspace);
    connect(m_addAction, &QAction::triggered, m_adder, [this] { m_adder->chooseAndAdd(); });
    connect(m_adder, &EvidenceAdder::runningChanged, this, &EvidencePage::updateActions);
    setAcceptDrops(true);
    m_verifyAction = new QAction(tr("Verify Evidence"), this);
    m_verifyAction->setObjectName(u"verifyEvidenceAction"_s);
    m_verifyAction->setToolTip(tr("Re-hash every stored file and report missing or altered ones"));
    connect(m_verifyAction, &QAction::triggered, this, &EvidencePage::verifyEvidence);
    m_openAction = new QAction(tr("Open"), this);
    m_openAction->setObjectName(u"openEvidenceAction"_s);
    m_openAction->setToolTip(tr("Open the selected evidence with the system viewer"));
    connect(m_openAction, &QAction::triggered, this, &EvidencePage::openSelected);

    m_search = new QLineEdit;
    m_search->setObjectName(u"evidenceSearch"_s);
    m_search->setPlaceholderText(tr("Filter by title, file, type, source or digest"));
    m_search->setAccessibleName(tr("Filter evidence"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_filter, &EvidenceFilterModel::setText);

    m_expiry = new QComboBox;
    m_expiry->setObjectName(u"evidenceExpiryFilter"_s);
    m_expiry->setAccessibleName(tr("Show evidence by expiry"));
    m_expiry->addItem(tr("All evidence"), static_cast<int>(EvidenceFilterModel::Expiry::All));
    m_expiry->addItem(tr("Expired or expiring"), static_cast<int>(EvidenceFilterModel::Expiry::ExpiredOrSoon));
    m_expiry->addItem(status_icons::icon(status_icons::Severity::Bad), tr("Expired"),
                      static_cast<int>(EvidenceFilterModel::Expiry::Expired));
    m_expiry->addItem(status_icons::icon(status_icons::Severity::Warning),
                      tr("Expiring within %n day(s)", "", EvidenceTableModel::kExpiringSoonDays),
                      static_cast<int>(EvidenceFilterModel::Expiry::ExpiringSoon));
    connect(m_expiry, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setExpiry(static_cast<EvidenceFilterModel::Expiry>(m_expiry->currentData().toInt()));
        updateEmptyState();
    });

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_search, 1);
    toolbar->addWidget(m_expiry);
    toolbar->addWidget(toolButton(m_addAction));
    toolbar->addWidget(toolButton(m_verifyAction));
    toolbar->addWidget(toolButton(m_openAction));

    m_summary = new QLabel;
    m_summary->setObjectName(u"evidenceSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);

    m_progress = new TaskProgressWidget(u"verify"_s, tr("Cancel the evidence check"));
    m_progress->hide();
    connect(m_progress, &TaskProgressWidget::cancelRequested, this, &EvidencePage::cancelVerification);
    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, &EvidencePage::updateVerifyProgress);

    m_verifyResult = new QLabel;
    m_verifyResult->setObjectName(u"verifyResult"_s);
    m_verifyResult->setTextFormat(Qt::PlainText);
    m_verifyResult->setWordWrap(true);
    m_verifyResult->hide();
    m_problems = new QListWidget;
    m_problems->setObjectName(u"verifyProblems"_s);
    m_problems->setAccessibleName(tr("Missing or altered evidence"));
    m_problems->setMaximumHeight(110);
    m_problems->setWordWrap(true);
    connect(m_problems, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { selectEvidence(item->data(Qt::UserRole).toLongLong()); });
    m_problems->hide();

    m_table = new QTableView;
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    m_table->setObjectName(u"evidenceTable"_s);
    m_table->setAccessibleName(tr("Evidence"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(EvidenceTableModel::Title, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &EvidencePage::showSelected);
    connect(m_table, &QTableView::activated, this, &EvidencePage::openSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_table->resizeColumnsToContents();
        updateEmptyState();
        showSelected();
    });
    // A new day (or a test's fixed one) changes what is expired.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        m_table->resizeColumnToContents(EvidenceTableModel::Expires);
        updateEmptyState();
    });
    connect(m_model, &EvidenceTableModel::errorOccurred, this,
            [this](const QString &message) { m_prompter->showError(this, message); });

    m_preview = new EvidencePreview;
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(u"evidenceSplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_table);
    splitter->addWidget(m_preview);
    // The list with its expiry column is what a reviewer scans; the preview is a glance at one file.
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addWidget(m_adder->progressWidget());
    layout->addWidget(m_verifyResult);
    layout->addWidget(m_problems);
    layout->addWidget(splitter, 1);

    m_table->resizeColumnsToContents();
    updateEmptyState();
    updateActions();
}

void EvidencePage::dragEnterEvent(QDragEnterEvent *event)
{
    if (!m_adder->isRunning() && !m_adder->droppedFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void EvidencePage::dropEvent(QDropEvent *event)
{
    const QStringList files = m_adder->droppedFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    m_adder->addFiles(files);
}

EvidencePage::~EvidencePage()
{
    if (m_verify) {
        m_verify->cancel.store(true);
        m_verify->future.waitForFinished();
    }
}

void EvidencePage::updateEmptyState()
{
    const int total = m_model->rowCount();
    int expired = 0;
    int soon = 0;
    for (int row = 0; row < total; ++row) {
        const auto state = static_cast<EvidenceTableModel::ExpiryState>(
            m_model->index(row, 0).data(EvidenceTableModel::ExpiryRole).toInt());
        expired += state == EvidenceTableModel::ExpiryState::Expired;
        soon += state == EvidenceTableModel::ExpiryState::ExpiringSoon;
    }
    if (total == 0)
        m_summary->setText(tr("No evidence yet. Add the files that prove a checklist answer (reports, certificates, "
                              "scan results); each is stored once, by its SHA-256."));
    else
        m_summary->setText(tr("%n evidence item(s)", "", total) + u" · "_s + tr("%n expired", "", expired) + u" · "_s +
                           tr("%n expiring within %1 days", "", soon).arg(EvidenceTableModel::kExpiringSoonDays));
    updateActions();
}

void EvidencePage::updateActions()
{
    const bool writable = m_workspace && !m_workspace->isReadOnly();
    m_addAction->setEnabled(writable && !m_adder->isRunning());
    m_verifyAction->setEnabled(m_workspace && !isVerifying() && m_model->rowCount() > 0);
    m_openAction->setEnabled(selectedEvidence() != nullptr);
}

const Evidence *EvidencePage::selectedEvidence() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return nullptr;
    return m_model->evidenceAt(m_filter->mapToSource(current).row());
}

bool EvidencePage::selectEvidence(qint64 evidenceId)
{
    const int row = m_model->rowOf(evidenceId);
    if (row < 0)
        return false;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

void EvidencePage::showSelected()
{
    const Evidence *evidence = selectedEvidence();
    if (!evidence || !m_workspace)
        m_preview->showEvidence({}, {});
    else
        m_preview->showEvidence(*evidence, EvidenceStore(m_workspace->evidenceFolder()).blobPath(evidence->sha256));
    updateActions();
}

void EvidencePage::openSelected()
{
    const Evidence *evidence = selectedEvidence();
    if (!evidence || !m_workspace)
        return;
    const QString blob = EvidenceStore(m_workspace->evidenceFolder()).blobPath(evidence->sha256);
    const Result<QString> copy = EvidenceViewing::viewerCopy(blob, *evidence);
    if (!copy) {
        m_prompter->showError(this, copy.error().message);
        return;
    }
    if (!m_openUrl(QUrl::fromLocalFile(copy.value())))
        m_prompter->showError(this, tr("No application could open \"%1\" (%2). Install a viewer for this type of "
                                       "file, or preview it on this page.")
                                        .arg(evidence->title, QDir::toNativeSeparators(copy.value())));
}

void EvidencePage::verifyEvidence()
{
    if (!m_workspace || isVerifying())
        return;
    // The rows are read here, on the thread that owns the workspace; only the hashing goes to the worker.
    const Result<QList<Evidence>> items = m_workspace->evidence();
    if (!items) {
        m_prompter->showError(this, items.error().message);
        return;
    }
    auto job = std::make_shared<VerifyJob>();
    m_verify = job;
    m_progress->setText(tr("Checking %n evidence file(s)…", "", static_cast<int>(items.value().size())));
    m_progress->setProgress(0, kProgressSteps);
    m_progress->show();
    m_verifyResult->hide();
    m_problems->hide();
    m_progressTimer->start();
    updateActions();

    job->watcher = new QFutureWatcher<void>(this);
    connect(job->watcher, &QFutureWatcherBase::finished, this, &EvidencePage::finishVerification);
    const EvidenceStore store(m_workspace->evidenceFolder());
    job->future = runPoolJob([job, store, list = items.value()] {
        job->result = EvidenceVerifier::verify(store, list, &job->cancel, [&job](qint64 done, qint64 total) {
            job->total.store(total);
            job->done.store(done);
        });
    });
    job->watcher->setFuture(job->future);
}

void EvidencePage::cancelVerification()
{
    if (m_verify)
        m_verify->cancel.store(true);
}

void EvidencePage::updateVerifyProgress()
{
    if (!m_verify)
        return;
    const qint64 total = m_verify->total.load();
    const qint64 done = m_verify->done.load();
    m_progress->setProgress(total > 0 ? static_cast<int>(done * kProgressSteps / total) : 0, kProgressSteps);
}

void EvidencePage::finishVerification()
{
    const std::shared_ptr<VerifyJob> job = std::move(m_verify);
    m_verify.reset();
    m_progressTimer->stop();
    m_progress->hide();
    job->watcher->deleteLater();
    m_problems->clear();
    const Result<EvidenceVerification> &result = *job->result;
    if (!result) {
        m_verifyResult->setText(result.error().code == ErrorCode::Cancelled
                                    ? tr("The evidence check was cancelled; nothing was concluded.")
                                    : result.error().message);
        m_verifyResult->show();
    } else {
        const EvidenceVerification &verification = result.value();
        m_model->setVerification(verification);
        if (verification.problems.isEmpty()) {
            m_verifyResult->setText(
                tr("All %n evidence file(s) match their recorded SHA-256.", "", verification.checked));
        } else {
            m_verifyResult->setText(tr("%n of %1 evidence file(s) are missing or altered:", "",
                                       static_cast<int>(verification.problems.size()))
                                        .arg(verification.checked));
            for (const EvidenceProblem &problem : verification.problems) {
                auto *item =
                    new QListWidgetItem(status_icons::icon(status_icons::Severity::Bad), problem.detail, m_problems);
                item->setData(Qt::UserRole, problem.evidence.id);
                item->setForeground(status_icons::color(status_icons::Severity::Bad));
            }
            m_problems->show();
        }
        m_verifyResult->show();
    }
    updateActions();
    Q_EMIT verificationFinished();
}

} // namespace strata
