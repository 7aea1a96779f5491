// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ReleaseSignoffPanel.h"

#include "PoolJob.h"
#include "Prompter.h"
#include "SignoffDialog.h"
#include "trust/Identity.h"
#include "workspace/Workspace.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <atomic>

using namespace Qt::Literals::StringLiterals;

namespace strata {

/// One check of the signed releases on the worker: shared with it, so the panel can go while it ends.
struct ReleaseSignoffPanel::CheckJob
{
    std::atomic<bool> cancel{false};
    QList<SignoffStatusInput> inputs;
    QList<Result<ReleaseSignoffStatus>> results; ///< in the order of `inputs`; shorter when cancelled
    QFutureWatcher<void> *watcher = nullptr;
};

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kStateRole = Qt::UserRole + 1;
constexpr int kStateColumn = 2;
// The "checking" word only appears when a check takes longer than this, so quick checks do not flicker.
constexpr int kCheckingDelayMs = 300;

QIcon stateIcon(const QStyle *style, SignoffState state)
{
    switch (state) {
    case SignoffState::Valid:
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    case SignoffState::Stale:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case SignoffState::Broken:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case SignoffState::None:
        break;
    }
    return QIcon();
}

} // namespace

QString ReleaseSignoffPanel::stateText(SignoffState state)
{
    // A shape before the word, so the state reads without colour; the list shows the same shapes as icons.
    switch (state) {
    case SignoffState::Valid:
        return tr("\u2714 Valid");
    case SignoffState::Stale:
        return tr("\u26a0 Stale");
    case SignoffState::Broken:
        return tr("\u2716 Broken");
    case SignoffState::None:
        return tr("\u25cb Not signed");
    }
    return QString();
}

ReleaseSignoffPanel::ReleaseSignoffPanel(Workspace *workspace, Prompter *prompter, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_prompter(prompter)
{
    m_list = new QTreeWidget;
    m_list->setObjectName(u"releaseSignoffList"_s);
    m_list->setAccessibleName(tr("Releases and their sign-off"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Release"), tr("Records"), tr("Sign-off"), tr("Needs"), tr("Gate")});

    m_details = new QPlainTextEdit;
    m_details->setObjectName(u"signoffDetails"_s);
    m_details->setAccessibleName(tr("Sign-off details"));
    m_details->setReadOnly(true);
    m_details->setTabChangesFocus(true); // Tab moves on, never traps the keyboard here
    m_details->setFrameShape(QFrame::NoFrame);
    m_details->viewport()->setAutoFillBackground(false);
    m_error = new QLabel;
    m_error->setObjectName(u"releaseSignoffError"_s);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->hide();

    auto *top = new QHBoxLayout;
    auto *title = new QLabel(tr("Releases"));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    top->addWidget(title);
    m_checking = new QLabel;
    m_checking->setObjectName(u"signoffChecking"_s);
    m_checking->setTextFormat(Qt::PlainText);
    top->addWidget(m_checking);
    top->addStretch();
    m_checkingDelay = new QTimer(this);
    m_checkingDelay->setSingleShot(true);
    m_checkingDelay->setInterval(kCheckingDelayMs);
    connect(m_checkingDelay, &QTimer::timeout, this,
            [this] { m_checking->setText(tr("\u231b Checking sign-offs and re-hashing evidence…")); });
    if (m_prompter) {
        m_signButton = new QPushButton(tr("Sign Off…"));
        m_signButton->setObjectName(u"signOffButton"_s);
        m_signButton->setToolTip(tr("Approve or reject the selected release with your signing key"));
        top->addWidget(m_signButton);
        connect(m_signButton, &QPushButton::clicked, this, &ReleaseSignoffPanel::signOffSelected);
    }

    auto *body = new QHBoxLayout;
    body->addWidget(m_list, 3);
    body->addWidget(m_details, 2);
    setMinimumHeight(m_list->fontMetrics().lineSpacing() * 10);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addLayout(body);

    connect(m_list, &QTreeWidget::currentItemChanged, this, &ReleaseSignoffPanel::showDetails);
    if (m_workspace) {
        // Anything a sign-off covers can make it stale; the check runs once per burst of changes.
        connect(m_workspace, &Workspace::signoffsChanged, this, &ReleaseSignoffPanel::scheduleRefresh);
        connect(m_workspace, &Workspace::assessmentsChanged, this, &ReleaseSignoffPanel::scheduleRefresh);
        connect(m_workspace, &Workspace::evidenceChanged, this, &ReleaseSignoffPanel::scheduleRefresh);
        connect(m_workspace, &Workspace::identitiesChanged, this, &ReleaseSignoffPanel::scheduleRefresh);
        connect(m_workspace, &Workspace::recordChanged, this, &ReleaseSignoffPanel::scheduleRefresh);
        connect(m_workspace, &Workspace::recordsChanged, this, &ReleaseSignoffPanel::scheduleRefresh);
    }
    refresh();
}

ReleaseSignoffPanel::~ReleaseSignoffPanel()
{
    if (m_job) {
        // Cancelled, the worker stops within one chunk of the file it is hashing.
        m_job->cancel.store(true);
        m_job->watcher->waitForFinished();
    }
}

void ReleaseSignoffPanel::scheduleRefresh()
{
    if (m_refreshQueued)
        return;
    m_refreshQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshQueued = false;
        refresh();
    });
}

qint64 ReleaseSignoffPanel::selectedId() const
{
    return m_list->currentItem() ? m_list->currentItem()->data(0, kIdRole).toLongLong() : 0;
}

bool ReleaseSignoffPanel::selectRelease(qint64 releaseId)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->data(0, kIdRole).toLongLong() == releaseId) {
            m_list->setCurrentItem(m_list->topLevelItem(i));
            return true;
        }
    }
    return false;
}

SignoffState ReleaseSignoffPanel::stateOf(qint64 releaseId) const
{
    return m_status.contains(releaseId) ? m_status.value(releaseId).state : SignoffState::None;
}

QString ReleaseSignoffPanel::detailsText() const
{
    return m_details->toPlainText();
}

QTreeWidgetItem *ReleaseSignoffPanel::rowOf(qint64 releaseId) const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (m_list->topLevelItem(i)->data(0, kIdRole).toLongLong() == releaseId)
            return m_list->topLevelItem(i);
    return nullptr;
}

void ReleaseSignoffPanel::refresh()
{
    if (m_job) {
        // What the running check read is out of date: let it stop and drop what it finds.
        m_job->cancel.store(true);
        m_job->watcher->disconnect(this);
        m_job->watcher->deleteLater();
        m_job.reset();
    }
    const qint64 selected = selectedId();
    const Result<QList<Release>> releases = m_workspace ? m_workspace->releases() : QList<Release>();
    const Result<QList<AssessmentSummary>> summaries =
        m_workspace ? m_workspace->assessments() : QList<AssessmentSummary>();
    if (!releases.ok() || !summaries.ok()) {
        m_list->clear();
        m_status.clear();
        m_error->setText(releases.ok() ? summaries.error().message : releases.error().message);
        m_error->show();
        showDetails();
        return;
    }
    QSet<qint64> assessed;
    for (const AssessmentSummary &summary : summaries.value())
        assessed.insert(summary.releaseId);
    // Rows are updated in place and keep their last state until the worker has checked them again: no flicker.
    auto job = std::make_shared<CheckJob>();
    QStringList problems;
    QSet<qint64> listed;
    m_unassessed.clear();
    for (const Release &release : releases.value()) {
        listed.insert(release.id);
        QTreeWidgetItem *row = rowOf(release.id);
        if (!row) {
            row = new QTreeWidgetItem(m_list);
            row->setData(0, kIdRole, release.id);
        }
        row->setText(0, release.label());
        row->setText(1, QString::number(release.members.size()));
        if (!assessed.contains(release.id))
            m_unassessed.insert(release.id);
        Result<SignoffStatusInput> input = m_workspace->signoffStatusInput(release.id);
        if (!input) {
            problems << input.error().message;
            continue;
        }
        if (!input.value().signoffs.isEmpty()) {
            if (!m_status.contains(release.id)) {
                row->setText(kStateColumn, tr("checking…"));
                row->setIcon(kStateColumn, QIcon());
            }
            job->inputs.append(std::move(input).value());
            continue;
        }
        // Nothing signed, nothing to hash: the state is known at once.
        const Result<ReleaseSignoffStatus> status = Workspace::checkSignoffStatus(std::move(input).value());
        if (status)
            showStatus(row, status.value());
        else
            problems << status.error().message;
    }
    for (int i = m_list->topLevelItemCount() - 1; i >= 0; --i) {
        const qint64 id = m_list->topLevelItem(i)->data(0, kIdRole).toLongLong();
        if (!listed.contains(id)) {
            m_status.remove(id);
            delete m_list->takeTopLevelItem(i);
        }
    }
    m_error->setText(problems.join(u'\n'));
    m_error->setVisible(!problems.isEmpty());
    m_list->header()->resizeSections(QHeaderView::ResizeToContents);
    if (!selectRelease(selected) && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    if (job->inputs.isEmpty()) {
        m_checkingDelay->stop();
        m_checking->clear();
        showDetails();
        Q_EMIT statesChecked();
        return;
    }
    m_job = job;
    if (!m_checkingDelay->isActive() && m_checking->text().isEmpty())
        m_checkingDelay->start();
    showDetails();
    job->watcher = new QFutureWatcher<void>(this);
    connect(job->watcher, &QFutureWatcherBase::finished, this, &ReleaseSignoffPanel::finishCheck);
    job->watcher->setFuture(runPoolJob([job] {
        for (const SignoffStatusInput &input : std::as_const(job->inputs)) {
            if (job->cancel.load())
                return;
            job->results.append(Workspace::checkSignoffStatus(input, &job->cancel));
        }
    }));
}

void ReleaseSignoffPanel::finishCheck()
{
    const std::shared_ptr<CheckJob> job = std::move(m_job);
    m_job.reset();
    job->watcher->deleteLater();
    m_checkingDelay->stop();
    m_checking->clear();
    QStringList problems;
    if (!m_error->text().isEmpty())
        problems << m_error->text();
    for (int i = 0; i < job->results.size(); ++i) {
        const Result<ReleaseSignoffStatus> &status = job->results.at(i);
        QTreeWidgetItem *row = rowOf(job->inputs.at(i).releaseId);
        if (!status)
            problems << status.error().message;
        else if (row)
            showStatus(row, status.value());
    }
    m_error->setText(problems.join(u'\n'));
    m_error->setVisible(!problems.isEmpty());
    m_list->header()->resizeSections(QHeaderView::ResizeToContents);
    showDetails();
    Q_EMIT statesChecked();
}

void ReleaseSignoffPanel::showStatus(QTreeWidgetItem *row, const ReleaseSignoffStatus &status)
{
    m_status.insert(status.releaseId, status);
    const SignoffState state = status.state;
    const bool unassessed = state == SignoffState::None && m_unassessed.contains(status.releaseId);
    row->setText(kStateColumn, unassessed ? tr("no assessment") : signoffStateLabel(state));
    row->setIcon(kStateColumn, stateIcon(style(), state));
    row->setData(kStateColumn, kStateRole, int(state));
    QStringList roles;
    for (const QString &role : status.requiredRoles)
        roles << SignoffRoles::display(role);
    row->setText(3, roles.join(u", "_s));
    row->setText(4, status.gatePasses ? tr("\u2714 passes") : tr("\u2716 closed"));
    row->setToolTip(4, status.gateReason);
    row->setToolTip(kStateColumn, status.gateReason);
}

void ReleaseSignoffPanel::showDetails()
{
    const qint64 id = selectedId();
    const bool unassessed = m_unassessed.contains(id);
    if (m_signButton) {
        m_signButton->setEnabled(id != 0 && !m_workspace->isReadOnly() && !unassessed);
        m_signButton->setToolTip(unassessed ? tr("Start an assessment of this release before signing it off")
                                            : tr("Approve or reject the selected release with your signing key"));
    }
    if (id == 0 || !m_status.contains(id)) {
        m_details->setPlainText(id == 0 ? tr("No release yet: create one with New Release….")
                                : m_job ? tr("Checking the sign-offs of this release…")
                                        : QString());
        return;
    }
    const ReleaseSignoffStatus &status = m_status[id];
    if (unassessed && status.state == SignoffState::None) {
        m_details->setPlainText(
            tr("No assessment yet: start one to sign off (New Assessment…).\n%1").arg(status.gateReason));
        return;
    }
    QStringList lines{stateText(status.state), status.gateReason};
    for (const SignoffCheck &check : status.checks) {
        const Signoff &s = check.signoff;
        QString line =
            tr("%1 (%2): %3, %4. %5")
                .arg(s.signer, SignoffRoles::display(s.role), signoffDecisionLabel(s.decision),
                     QLocale().toString(s.signedAt.toLocalTime(), QLocale::ShortFormat), stateText(check.state));
        if (!check.current)
            line = tr("%1 (superseded)").arg(line);
        lines << line;
        if (!s.conditions.isEmpty())
            lines << tr("    conditions: %1").arg(s.conditions);
        for (const QString &problem : check.problems)
            lines << tr("    broken: %1").arg(problem);
    }
    const QStringList changes = status.changes();
    if (!changes.isEmpty()) {
        lines << tr("What changed since it was signed (%n change(s)):", "", int(changes.size()));
        for (const QString &change : changes)
            lines << u"  \u2022 %1"_s.arg(change);
    }
    m_details->setPlainText(lines.join(u'\n'));
}

bool ReleaseSignoffPanel::signOffSelected()
{
    const qint64 id = selectedId();
    if (!m_prompter || !m_workspace || id == 0)
        return false;
    SignoffDialog dialog(m_workspace, m_prompter, id, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    scheduleRefresh();
    return true;
}

} // namespace strata
