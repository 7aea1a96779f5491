// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ReleaseSignoffPanel.h"

#include "Prompter.h"
#include "SignoffDialog.h"
#include "trust/Identity.h"
#include "workspace/Workspace.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kStateRole = Qt::UserRole + 1;
constexpr int kStateColumn = 2;

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
    top->addStretch();
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

void ReleaseSignoffPanel::refresh()
{
    const qint64 selected = selectedId();
    m_list->clear();
    m_status.clear();
    const Result<QList<Release>> releases = m_workspace ? m_workspace->releases() : QList<Release>();
    m_error->setVisible(!releases.ok());
    if (!releases.ok()) {
        m_error->setText(releases.error().message);
        return;
    }
    QStringList problems;
    for (const Release &release : releases.value()) {
        auto *row = new QTreeWidgetItem(m_list);
        row->setText(0, release.label());
        row->setData(0, kIdRole, release.id);
        row->setText(1, QString::number(release.members.size()));
        const Result<ReleaseSignoffStatus> status = m_workspace->signoffStatus(release.id);
        if (!status) {
            problems << status.error().message;
            continue;
        }
        m_status.insert(release.id, status.value());
        const SignoffState state = status.value().state;
        row->setText(kStateColumn, signoffStateLabel(state));
        row->setIcon(kStateColumn, stateIcon(style(), state));
        row->setData(kStateColumn, kStateRole, int(state));
        QStringList roles;
        for (const QString &role : status.value().requiredRoles)
            roles << SignoffRoles::display(role);
        row->setText(3, roles.join(u", "_s));
        row->setText(4, status.value().gatePasses ? tr("\u2714 passes") : tr("\u2716 closed"));
        row->setToolTip(4, status.value().gateReason);
        row->setToolTip(kStateColumn, status.value().gateReason);
    }
    if (!problems.isEmpty()) {
        m_error->setText(problems.join(u'\n'));
        m_error->show();
    }
    m_list->header()->resizeSections(QHeaderView::ResizeToContents);
    if (!selectRelease(selected) && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    showDetails();
}

void ReleaseSignoffPanel::showDetails()
{
    const qint64 id = selectedId();
    if (m_signButton)
        m_signButton->setEnabled(id != 0 && !m_workspace->isReadOnly());
    if (id == 0 || !m_status.contains(id)) {
        m_details->setPlainText(id == 0 ? tr("No release yet: create one with New Release….") : QString());
        return;
    }
    const ReleaseSignoffStatus &status = m_status[id];
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
    refresh();
    return true;
}

} // namespace strata
