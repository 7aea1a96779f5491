// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "WalkthroughView.h"

#include "ItemPanel.h"
#include "Prompter.h"
#include "RaiseFindingDialog.h"
#include "StageProgressDelegate.h"
#include "StatusIcons.h"
#include "TaskProgressWidget.h"
#include "evidence/EvidenceAdder.h"
#include "workspace/Workspace.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kStageRole = Qt::UserRole;
constexpr int kPositionRole = Qt::UserRole;

} // namespace

WalkthroughView::WalkthroughView(Workspace *workspace, Prompter *prompter, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_prompter(prompter)
{
    setObjectName(u"walkthrough"_s);
    setFocusPolicy(Qt::StrongFocus);
    m_adder = new EvidenceAdder(prompter, this);
    m_adder->setWorkspace(workspace);

    auto *back = new QPushButton(tr("‹ All Assessments"));
    back->setObjectName(u"backButton"_s);
    back->setFocusPolicy(Qt::TabFocus);
    connect(back, &QPushButton::clicked, this, [this] {
        if (saveNotes())
            Q_EMIT closeRequested();
    });
    m_title = new QLabel;
    m_title->setObjectName(u"walkthroughTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_summary = new QLabel;
    m_summary->setObjectName(u"walkthroughSummary"_s);
    m_overall = new QProgressBar;
    m_overall->setObjectName(u"walkthroughProgress"_s);
    m_overall->setTextVisible(false);
    m_overall->setMaximumWidth(220);
    m_overall->setMaximumHeight(8);
    auto *header = new QHBoxLayout;
    header->addWidget(back);
    header->addSpacing(8);
    header->addWidget(m_title, 1);
    header->addWidget(m_summary);
    header->addWidget(m_overall);

    m_stages = new QListWidget;
    m_stages->setObjectName(u"stageList"_s);
    m_stages->setAccessibleName(tr("Lifecycle stages"));
    m_stages->setItemDelegate(new StageProgressDelegate(m_stages));
    m_stages->setMinimumWidth(200);
    m_panel = new ItemPanel;
    m_panel->setProgressWidget(m_adder->progressWidget());
    m_items = new QTreeWidget;
    m_items->setObjectName(u"walkthroughItems"_s);
    m_items->setAccessibleName(tr("Items of the stage"));
    m_items->setRootIsDecorated(false);
    m_items->setUniformRowHeights(true);
    m_items->setHeaderLabels({tr("Item"), tr("Status"), tr("Title")});
    m_items->setMinimumWidth(260);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_stages);
    splitter->addWidget(m_panel);
    splitter->addWidget(m_items);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({220, 640, 300});

    m_keys = new QLabel(tr("Keys: J next item · K previous item · 1 not started · 2 pass · 3 fail · 4 not applicable "
                           "(asks the reason) · 5 risk accepted · E attach evidence · N edit notes · Esc leave "
                           "notes"));
    m_keys->setObjectName(u"walkthroughKeys"_s);
    m_keys->setWordWrap(true);
    m_keys->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_keys);

    connect(m_stages, &QListWidget::itemClicked, this, [this](QListWidgetItem *row) {
        const auto stage = static_cast<LifecycleStage>(row->data(kStageRole).toInt());
        int first = -1;
        for (int i = 0; i < m_order.size(); ++i) {
            const AssessmentItem &item = m_assessment.items.at(m_order.at(i));
            if (item.stage != stage)
                continue;
            if (first < 0)
                first = i;
            if (item.status == ItemStatus::NotStarted) {
                first = i;
                break;
            }
        }
        if (first >= 0 && saveNotes()) {
            m_position = first;
            showCurrent();
        }
    });
    connect(m_items, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *row) {
        if (m_updating || !row)
            return;
        const int position = row->data(0, kPositionRole).toInt();
        if (position != m_position && saveNotes()) {
            m_position = position;
            showCurrent();
        }
    });
    connect(m_panel, &ItemPanel::statusClicked, this, &WalkthroughView::setStatus);
    connect(m_panel, &ItemPanel::suggestionConfirmed, this, &WalkthroughView::setStatus);
    connect(m_panel, &ItemPanel::raiseFindingClicked, this, &WalkthroughView::raiseFinding);
    connect(m_panel, &ItemPanel::attachClicked, this, &WalkthroughView::attachEvidence);
    connect(m_panel, &ItemPanel::unlinkClicked, this, &WalkthroughView::unlinkEvidence);
    connect(m_panel, &ItemPanel::filesDropped, this, &WalkthroughView::addEvidenceFiles);
    connect(m_adder, &EvidenceAdder::evidenceAdded, this,
            [this](const Evidence &evidence, bool, const QVariant &context) { onEvidenceAdded(evidence, context); });
    if (m_workspace) {
        connect(m_workspace, &Workspace::assessmentsChanged, this, [this] {
            if (!m_updating && m_assessment.id)
                reload();
        });
    }

    // The walkthrough's keys work wherever the keyboard is in it, except while notes are typed (Esc leaves them).
    for (QWidget *child : findChildren<QWidget *>())
        child->installEventFilter(this);
}

WalkthroughView::~WalkthroughView() = default;

bool WalkthroughView::openAssessment(qint64 assessmentId)
{
    if (!m_workspace || (m_assessment.id && !saveNotes()))
        return false;
    const Result<Assessment> assessment = m_workspace->assessment(assessmentId);
    if (!assessment) {
        m_prompter->showError(this, assessment.error().message);
        return false;
    }
    m_assessment = assessment.value();
    // Read before showing anything: showing an item remembers it.
    const QString resume = QSettings().value(resumeKey()).toString();
    const Result<Catalog> catalog = m_workspace->catalog(QString::number(m_assessment.catalogId));
    m_catalog = catalog ? catalog.value() : Catalog();
    m_position = -1;
    m_panel->setNotesModified(false);
    reload();
    if (resume.isEmpty() || !showItem(resume)) {
        m_position = m_order.isEmpty() ? -1 : 0;
        showCurrent();
    }
    setFocus();
    return true;
}

QString WalkthroughView::currentItemKey() const
{
    const AssessmentItem *item = current();
    return item ? item->key : QString();
}

bool WalkthroughView::showItem(const QString &key)
{
    for (int i = 0; i < m_order.size(); ++i) {
        if (m_assessment.items.at(m_order.at(i)).key.compare(key, Qt::CaseInsensitive) == 0) {
            m_position = i;
            showCurrent();
            return true;
        }
    }
    return false;
}

const AssessmentItem *WalkthroughView::current() const
{
    if (m_position < 0 || m_position >= m_order.size())
        return nullptr;
    return &m_assessment.items.at(m_order.at(m_position));
}

void WalkthroughView::moveBy(int delta)
{
    if (m_order.isEmpty() || !saveNotes())
        return;
    const int next = std::clamp(m_position + delta, 0, static_cast<int>(m_order.size()) - 1);
    if (next == m_position)
        return;
    m_position = next;
    showCurrent();
}

void WalkthroughView::setStatus(ItemStatus status)
{
    const AssessmentItem *item = current();
    if (!item)
        return;
    ItemUpdate update;
    update.itemKey = item->key;
    update.status = status;
    if (m_panel->notesModified())
        update.notes = m_panel->notes();
    if (status == ItemStatus::NotApplicable) {
        const std::optional<QString> reason = m_prompter->askText(
            this, tr("Not Applicable"),
            tr("Why does item %1 not apply? The reason is kept as the item's notes.").arg(item->label()),
            update.notes ? *update.notes : item->notes);
        if (!reason)
            return;
        update.notes = *reason;
    }
    writeAnswer(update);
}

void WalkthroughView::focusNotes()
{
    if (!current())
        return;
    m_panel->ensureWidgetVisible(m_panel->notesEditor());
    m_panel->notesEditor()->setFocus(Qt::ShortcutFocusReason);
    m_panel->notesEditor()->moveCursor(QTextCursor::End);
}

void WalkthroughView::leaveNotes()
{
    saveNotes();
    setFocus(Qt::ShortcutFocusReason);
}

void WalkthroughView::attachEvidence()
{
    if (const AssessmentItem *item = current())
        m_adder->chooseAndAdd(QVariantList{m_assessment.id, item->key});
}

void WalkthroughView::addEvidenceFiles(const QStringList &paths)
{
    if (const AssessmentItem *item = current())
        m_adder->addFiles(paths, QVariantList{m_assessment.id, item->key});
}

void WalkthroughView::raiseFinding()
{
    const AssessmentItem *item = current();
    if (!item || !saveNotes())
        return;
    RaiseFindingDialog dialog(m_workspace, m_assessment.id, *item, this);
    if (dialog.exec() == QDialog::Accepted)
        m_prompter->showInfo(this, tr("Finding Raised"),
                             tr("Finding %1 \"%2\" was raised on item %3 (score %4).")
                                 .arg(dialog.finding().id)
                                 .arg(dialog.finding().title, item->label())
                                 .arg(dialog.finding().score()));
}

void WalkthroughView::onEvidenceAdded(const Evidence &evidence, const QVariant &context)
{
    const QVariantList target = context.toList();
    if (target.size() != 2 || target.at(0).toLongLong() != m_assessment.id)
        return;
    const AssessmentItem *item = m_assessment.item(target.at(1).toString());
    if (!item)
        return;
    ItemUpdate update;
    update.itemKey = item->key;
    update.status = item->status;
    update.evidenceIds = {evidence.id};
    writeAnswer(update);
}

void WalkthroughView::unlinkEvidence(qint64 evidenceId)
{
    const AssessmentItem *item = current();
    if (!item)
        return;
    const auto found = std::find_if(item->evidence.cbegin(), item->evidence.cend(),
                                    [evidenceId](const Evidence &e) { return e.id == evidenceId; });
    if (found == item->evidence.cend())
        return;
    if (!m_prompter->confirm(this, tr("Unlink Evidence"),
                             tr("Take \"%1\" off item %2? The file stays in the evidence store and on other items; "
                                "you can attach it again.")
                                 .arg(found->title, item->label())))
        return;
    m_updating = true;
    const Result<AssessmentItem> written = m_workspace->unlinkItemEvidence(m_assessment.id, item->key, evidenceId);
    m_updating = false;
    if (!written) {
        m_prompter->showError(this, written.error().message);
        return;
    }
    reload();
}

bool WalkthroughView::writeAnswer(const ItemUpdate &update)
{
    m_updating = true;
    const Result<AssessmentItem> written = m_workspace->setItemStatus(m_assessment.id, update);
    m_updating = false;
    if (!written) {
        m_prompter->showError(this, written.error().message);
        return false;
    }
    if (update.notes)
        m_panel->setNotesModified(false);
    reload();
    return true;
}

bool WalkthroughView::saveNotes()
{
    const AssessmentItem *item = current();
    if (!item || !m_panel->notesModified())
        return true;
    ItemUpdate update;
    update.itemKey = item->key;
    update.status = item->status;
    update.notes = m_panel->notes();
    return writeAnswer(update);
}

void WalkthroughView::reload()
{
    const QString key = currentItemKey();
    const bool keepNotes = m_panel->notesModified();
    const QString typed = m_panel->notes();
    const Result<Assessment> assessment = m_workspace->assessment(m_assessment.id);
    if (!assessment) {
        m_prompter->showError(this, assessment.error().message);
        return;
    }
    m_assessment = assessment.value();
    const Result<QList<CheckSuggestion>> suggestions = m_workspace->suggestions(m_assessment.id);
    m_suggestions = suggestions ? suggestions.value() : QList<CheckSuggestion>();
    m_order.clear();
    for (LifecycleStage stage : allLifecycleStages()) {
        for (int i = 0; i < m_assessment.items.size(); ++i) {
            if (m_assessment.items.at(i).stage == stage)
                m_order.append(i);
        }
    }
    const QString catalogName = m_catalog.title.isEmpty() ? m_assessment.catalogKey : m_catalog.title.text();
    m_title->setText(tr("%1 · %2 %3", "assessment scope, catalog and its version")
                         .arg(m_assessment.scopeLabel, catalogName, m_assessment.catalogVersion));
    m_title->setToolTip(m_title->text());
    if (key.isEmpty() || !showItem(key)) {
        m_position = m_order.isEmpty() ? -1 : std::clamp(m_position, 0, static_cast<int>(m_order.size()) - 1);
        showCurrent();
    }
    if (keepNotes) {
        const QSignalBlocker blocker(m_panel->notesEditor());
        m_panel->notesEditor()->setPlainText(typed);
        m_panel->setNotesModified(true);
    }
}

void WalkthroughView::showCurrent()
{
    const AssessmentItem *item = current();
    if (!item) {
        m_panel->clear();
    } else {
        QList<CheckSuggestion> mine;
        for (const CheckSuggestion &s : std::as_const(m_suggestions)) {
            if (s.itemKey.compare(item->key, Qt::CaseInsensitive) == 0)
                mine << s;
        }
        m_panel->setItem(*item, m_catalog.item(item->key), m_catalog, mine);
        rememberPosition();
    }
    updateStages();
    updateItemList();
}

void WalkthroughView::updateStages()
{
    m_updating = true;
    m_stages->clear();
    int answered = 0;
    int failed = 0;
    const AssessmentItem *item = current();
    for (LifecycleStage stage : allLifecycleStages()) {
        int total = 0;
        int done = 0;
        int bad = 0;
        for (const AssessmentItem &i : std::as_const(m_assessment.items)) {
            if (i.stage != stage)
                continue;
            ++total;
            done += i.status != ItemStatus::NotStarted ? 1 : 0;
            bad += i.status == ItemStatus::Fail ? 1 : 0;
        }
        if (total == 0)
            continue;
        answered += done;
        failed += bad;
        auto *row = new QListWidgetItem(lifecycleStageLabel(stage));
        row->setData(kStageRole, static_cast<int>(stage));
        row->setData(StageProgressDelegate::kDoneRole, done);
        row->setData(StageProgressDelegate::kTotalRole, total);
        row->setData(StageProgressDelegate::kFailedRole, bad);
        row->setToolTip(tr("%1: %2 of %n item(s) answered, %3 failed", "", total)
                            .arg(lifecycleStageLabel(stage))
                            .arg(done)
                            .arg(bad));
        m_stages->addItem(row);
        if (item && item->stage == stage)
            m_stages->setCurrentItem(row);
    }
    const int total = static_cast<int>(m_assessment.items.size());
    m_summary->setText(tr("%1 of %n item(s) answered, %2 failed", "", total).arg(answered).arg(failed));
    m_overall->setRange(0, std::max(1, total));
    m_overall->setValue(answered);
    m_updating = false;
}

void WalkthroughView::updateItemList()
{
    m_updating = true;
    m_items->clear();
    const AssessmentItem *item = current();
    for (int i = 0; item && i < m_order.size(); ++i) {
        const AssessmentItem &other = m_assessment.items.at(m_order.at(i));
        if (other.stage != item->stage)
            continue;
        auto *row = new QTreeWidgetItem(m_items);
        row->setText(0, other.label());
        row->setData(0, kPositionRole, i);
        row->setText(1, itemStatusLabel(other.status));
        row->setData(1, Qt::UserRole, itemStatusKey(other.status));
        // The word says the status; the colour (chosen for the palette, light or dark) only repeats it.
        if (other.status == ItemStatus::Fail)
            row->setForeground(1, status_icons::color(status_icons::Severity::Bad, m_items->palette()));
        else if (other.status == ItemStatus::Pass)
            row->setForeground(1, status_icons::color(status_icons::Severity::Good, m_items->palette()));
        row->setText(2, other.title.text());
        row->setToolTip(2, other.title.text());
        if (i == m_position)
            m_items->setCurrentItem(row);
    }
    m_items->resizeColumnToContents(0);
    m_items->resizeColumnToContents(1);
    m_updating = false;
}

QString WalkthroughView::resumeKey() const
{
    const QString path = m_workspace ? QFileInfo(m_workspace->path()).absoluteFilePath() : QString();
    const QByteArray digest = QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return u"walkthrough/%1/%2/item"_s.arg(QString::fromLatin1(digest)).arg(m_assessment.id);
}

void WalkthroughView::rememberPosition() const
{
    if (const AssessmentItem *item = current())
        QSettings().setValue(resumeKey(), item->key);
}

bool WalkthroughView::handleKey(QKeyEvent *event)
{
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    switch (event->key()) {
    case Qt::Key_J:
        moveBy(1);
        return true;
    case Qt::Key_K:
        moveBy(-1);
        return true;
    case Qt::Key_1:
    case Qt::Key_2:
    case Qt::Key_3:
    case Qt::Key_4:
    case Qt::Key_5:
        setStatus(static_cast<ItemStatus>(event->key() - Qt::Key_1));
        return true;
    case Qt::Key_E:
        attachEvidence();
        return true;
    case Qt::Key_N:
        focusNotes();
        return true;
    default:
        return false;
    }
}

bool WalkthroughView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const bool inNotes = watched == m_panel->notesEditor() || watched == m_panel->notesEditor()->viewport();
    if (inNotes) {
        if (key->key() == Qt::Key_Escape) {
            leaveNotes();
            return true;
        }
        return false;
    }
    return handleKey(key) || QWidget::eventFilter(watched, event);
}

void WalkthroughView::keyPressEvent(QKeyEvent *event)
{
    if (!handleKey(event))
        QWidget::keyPressEvent(event);
}

} // namespace strata
