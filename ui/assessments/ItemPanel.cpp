// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ItemPanel.h"

#include "StatusIcons.h"

#include <QButtonGroup>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

/// Where an evidence row keeps the evidence id (Qt::UserRole holds the expiry flag tests read).
constexpr int kEvidenceIdRole = Qt::UserRole + 1;

QLabel *wrappedLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QStringList localFiles(const QMimeData *data)
{
    if (!data || !data->hasUrls())
        return {};
    QStringList paths;
    for (const QUrl &url : data->urls()) {
        if (!url.isLocalFile() || !QFileInfo(url.toLocalFile()).isFile())
            return {};
        paths << url.toLocalFile();
    }
    return paths;
}

} // namespace

ItemPanel::ItemPanel(QWidget *parent)
    : QScrollArea(parent)
{
    setObjectName(u"itemPanel"_s);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    // Drops land on the viewport (a scroll area ignores them itself) and come to dragEnterEvent/dropEvent.
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);

    m_heading = wrappedLabel(u"itemHeading"_s);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.35);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_meta = wrappedLabel(u"itemMeta"_s);
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_heading);
    layout->addWidget(m_meta);

    auto *statusRow = new QHBoxLayout;
    statusRow->setSpacing(6);
    m_statusGroup = new QButtonGroup(this);
    m_statusGroup->setExclusive(true);
    int key = 1;
    for (ItemStatus status : allItemStatuses()) {
        auto *button =
            new QPushButton(tr("%1  %2", "status button: label and its key").arg(itemStatusLabel(status)).arg(key));
        button->setObjectName(u"status_%1"_s.arg(itemStatusKey(status)));
        button->setCheckable(true);
        button->setFocusPolicy(Qt::NoFocus);
        button->setToolTip(tr("Set the status (key %1)").arg(key));
        m_statusGroup->addButton(button, static_cast<int>(status));
        m_statusButtons.insert(status, button);
        statusRow->addWidget(button);
        ++key;
    }
    statusRow->addStretch();
    connect(m_statusGroup, &QButtonGroup::idClicked, this,
            [this](int id) { Q_EMIT statusClicked(static_cast<ItemStatus>(id)); });
    layout->addLayout(statusRow);
    m_reviewer = wrappedLabel(u"itemReviewer"_s);
    m_reviewer->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_reviewer);

    m_suggestionBox = new QFrame;
    m_suggestionBox->setObjectName(u"suggestionBox"_s);
    static_cast<QFrame *>(m_suggestionBox)->setFrameShape(QFrame::StyledPanel);
    auto *suggestionLayout = new QHBoxLayout(m_suggestionBox);
    m_suggestionText = wrappedLabel(u"suggestionText"_s);
    m_confirmSuggestion = new QPushButton(tr("Confirm"));
    m_confirmSuggestion->setObjectName(u"confirmSuggestion"_s);
    m_confirmSuggestion->setAccessibleName(tr("Confirm the suggested status"));
    // Reachable with Tab (the walkthrough's keys still work from it); the status buttons have keys 1 to 5 instead.
    m_confirmSuggestion->setFocusPolicy(Qt::TabFocus);
    suggestionLayout->addWidget(m_suggestionText, 1);
    suggestionLayout->addWidget(m_confirmSuggestion, 0, Qt::AlignTop);
    connect(m_confirmSuggestion, &QPushButton::clicked, this, [this] { Q_EMIT suggestionConfirmed(m_suggested); });
    layout->addWidget(m_suggestionBox);

    m_raiseFinding = new QPushButton(tr("Raise Finding…"));
    m_raiseFinding->setObjectName(u"raiseFindingButton"_s);
    m_raiseFinding->setFocusPolicy(Qt::TabFocus);
    connect(m_raiseFinding, &QPushButton::clicked, this, &ItemPanel::raiseFindingClicked);
    layout->addWidget(m_raiseFinding, 0, Qt::AlignLeft);

    m_requirement = addSection(layout, tr("Requirement"), u"itemRequirement"_s);
    m_guidance = addSection(layout, tr("Guidance"), u"itemGuidance"_s);
    m_expected = addSection(layout, tr("Expected evidence"), u"itemExpectedEvidence"_s);
    m_mappings = addSection(layout, tr("Mappings"), u"itemMappings"_s);

    auto *notesTitle = new QLabel(tr("Notes (Markdown; N to edit, Esc to finish)"));
    QFont sectionFont = notesTitle->font();
    sectionFont.setBold(true);
    notesTitle->setFont(sectionFont);
    layout->addWidget(notesTitle);
    m_notes = new QPlainTextEdit;
    m_notes->setObjectName(u"notesEditor"_s);
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setPlaceholderText(tr("What you checked, what you found, and where it is written down."));
    m_notes->setTabChangesFocus(true);
    m_notes->setAcceptDrops(false); // a file dropped on the notes is evidence, not text
    m_preview = new QTextBrowser;
    m_preview->setObjectName(u"notesPreview"_s);
    m_preview->setAccessibleName(tr("Notes preview"));
    m_preview->setOpenExternalLinks(true);
    m_preview->setFocusPolicy(Qt::NoFocus);
    auto *notesSplitter = new QSplitter(Qt::Horizontal);
    notesSplitter->setChildrenCollapsible(false);
    notesSplitter->addWidget(m_notes);
    notesSplitter->addWidget(m_preview);
    notesSplitter->setMinimumHeight(120);
    notesSplitter->setMaximumHeight(170);
    layout->addWidget(notesSplitter);
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] { m_preview->setMarkdown(m_notes->toPlainText()); });

    auto *evidenceTitle = new QLabel(tr("Evidence"));
    evidenceTitle->setFont(sectionFont);
    layout->addWidget(evidenceTitle);
    m_evidence = new QListWidget;
    m_evidence->setObjectName(u"evidenceList"_s);
    m_evidence->setAccessibleName(tr("Linked evidence"));
    m_evidence->setFocusPolicy(Qt::TabFocus);
    m_evidence->setMinimumHeight(60);
    m_evidence->setMaximumHeight(140);
    layout->addWidget(m_evidence);
    m_unlink = new QPushButton(tr("Unlink Evidence"));
    m_unlink->setObjectName(u"unlinkEvidenceButton"_s);
    m_unlink->setToolTip(tr("Take the selected evidence off this item; the file stays in the evidence store."));
    m_unlink->setFocusPolicy(Qt::TabFocus);
    m_unlink->setEnabled(false);
    connect(m_evidence, &QListWidget::currentRowChanged, this, [this] {
        const QListWidgetItem *row = m_evidence->currentItem();
        m_unlink->setEnabled(row && row->data(kEvidenceIdRole).toLongLong() > 0);
    });
    connect(m_unlink, &QPushButton::clicked, this, [this] {
        if (const QListWidgetItem *row = m_evidence->currentItem(); row && row->data(kEvidenceIdRole).toLongLong() > 0)
            Q_EMIT unlinkClicked(row->data(kEvidenceIdRole).toLongLong());
    });
    auto *unlinkRow = new QHBoxLayout;
    unlinkRow->addStretch();
    unlinkRow->addWidget(m_unlink);
    layout->addLayout(unlinkRow);
    auto *dropRow = new QHBoxLayout;
    m_dropZone = new QLabel(tr("Drop files here, or press E to attach evidence to this item."));
    m_dropZone->setObjectName(u"evidenceDropZone"_s);
    m_dropZone->setWordWrap(true);
    m_dropZone->setAlignment(Qt::AlignCenter);
    m_dropZone->setFrameShape(QFrame::StyledPanel);
    m_dropZone->setMinimumHeight(44);
    m_dropZone->setForegroundRole(QPalette::PlaceholderText);
    auto *attach = new QPushButton(tr("Attach Evidence…"));
    attach->setObjectName(u"attachEvidenceButton"_s);
    attach->setFocusPolicy(Qt::TabFocus);
    connect(attach, &QPushButton::clicked, this, &ItemPanel::attachClicked);
    dropRow->addWidget(m_dropZone, 1);
    dropRow->addWidget(attach);
    layout->addLayout(dropRow);
    m_evidenceLayout = layout;
    layout->addStretch();
    setWidget(content);
    clear();
}

QLabel *ItemPanel::addSection(QVBoxLayout *layout, const QString &title, const QString &objectName)
{
    auto *heading = new QLabel(title);
    QFont font = heading->font();
    font.setBold(true);
    heading->setFont(font);
    auto *text = wrappedLabel(objectName);
    auto *box = new QVBoxLayout;
    box->setSpacing(2);
    box->addWidget(heading);
    box->addWidget(text);
    layout->addLayout(box);
    return text;
}

void ItemPanel::setProgressWidget(QWidget *widget)
{
    const int dropRowIndex = m_evidenceLayout->count() - 1; // before the final stretch
    m_evidenceLayout->insertWidget(dropRowIndex, widget);
}

void ItemPanel::clear()
{
    m_heading->setText(tr("No item"));
    m_meta->clear();
    m_reviewer->clear();
    m_suggestionBox->hide();
    m_raiseFinding->hide();
    for (QLabel *label : {m_requirement, m_guidance, m_expected, m_mappings})
        label->clear();
    const QSignalBlocker blocker(m_notes);
    m_notes->clear();
    m_preview->clear();
    m_evidence->clear();
}

void ItemPanel::setItem(const AssessmentItem &item,
                        const CatalogItem *catalogItem,
                        const Catalog &catalog,
                        const QList<CheckSuggestion> &suggestions)
{
    m_heading->setText(tr("%1  %2", "item reference and title").arg(item.label(), item.title.text()));
    QStringList meta{lifecycleStageLabel(item.stage), item.mandatory ? tr("Mandatory") : tr("Optional")};
    if (catalogItem) {
        QStringList layers;
        for (SystemLayer layer : catalogItem->layers)
            layers << systemLayerLabel(layer);
        QStringList properties;
        for (SecurityProperty property : catalogItem->properties)
            properties << securityPropertyLabel(property);
        if (!layers.isEmpty())
            meta << tr("Layer: %1").arg(layers.join(tr(", ", "list separator")));
        if (!properties.isEmpty())
            meta << tr("Property: %1").arg(properties.join(tr(", ", "list separator")));
    }
    m_meta->setText(meta.join(tr(" · ", "separator between facts")));

    if (QAbstractButton *button = m_statusButtons.value(item.status))
        button->setChecked(true);
    m_reviewer->setText(item.updatedAt.isValid()
                            ? tr("%1 by %2 on %3")
                                  .arg(itemStatusLabel(item.status), item.reviewer,
                                       QLocale().toString(item.updatedAt.toLocalTime(), QLocale::ShortFormat))
                            : tr("Not answered yet."));

    QStringList suggestionLines;
    for (const CheckSuggestion &s : suggestions)
        suggestionLines << s.message;
    m_suggestionBox->setVisible(!suggestions.isEmpty());
    if (!suggestions.isEmpty()) {
        m_suggested = suggestions.first().suggested;
        m_suggestionText->setText(
            tr("Automated checks suggest %1:\n%2").arg(itemStatusLabel(m_suggested), suggestionLines.join(u'\n')));
        m_confirmSuggestion->setText(tr("Confirm: %1").arg(itemStatusLabel(m_suggested)));
        m_confirmSuggestion->setAccessibleName(
            tr("Confirm the suggested status: %1").arg(itemStatusLabel(m_suggested)));
        m_confirmSuggestion->setEnabled(item.status != m_suggested);
    }
    m_raiseFinding->setVisible(item.status == ItemStatus::Fail);

    const QString missing = tr("The catalog gives none.");
    auto textOr = [&](const LocalizedText &text) { return text.isEmpty() ? missing : text.text(); };
    m_requirement->setText(catalogItem ? textOr(catalogItem->requirement) : missing);
    m_guidance->setText(catalogItem ? textOr(catalogItem->guidance) : missing);
    m_expected->setText(catalogItem ? textOr(catalogItem->evidence) : missing);
    QStringList mappings;
    if (catalogItem) {
        for (auto it = catalogItem->mappings.cbegin(); it != catalogItem->mappings.cend(); ++it) {
            const CatalogFramework *framework = catalog.framework(it.key());
            const QString name =
                framework ? tr("%1 %2", "framework name and version").arg(framework->name, framework->version)
                          : it.key();
            mappings << tr("%1: %2", "framework: references").arg(name, it.value().join(tr(", ", "list separator")));
        }
    }
    m_mappings->setText(mappings.isEmpty() ? tr("No mappings.") : mappings.join(u'\n'));

    {
        const QSignalBlocker blocker(m_notes);
        m_notes->setPlainText(item.notes);
    }
    m_preview->setMarkdown(item.notes);
    m_notes->document()->setModified(false);
    showEvidence(item.evidence);
}

void ItemPanel::showEvidence(const QList<Evidence> &evidence)
{
    m_evidence->clear();
    const QDate today = QDate::currentDate();
    for (const Evidence &e : evidence) {
        QString text = tr("%1  (%2, %3, SHA-256 %4…)")
                           .arg(e.title, e.fileName, QLocale().formattedDataSize(e.size), e.sha256.left(12));
        auto *row = new QListWidgetItem;
        row->setData(kEvidenceIdRole, e.id);
        if (e.isExpired(today)) {
            text = tr("Expired on %1: %2").arg(e.expiryDate.toString(Qt::ISODate), text);
            row->setForeground(status_icons::color(status_icons::Severity::Bad, m_evidence->palette()));
            row->setIcon(status_icons::icon(status_icons::Severity::Bad));
            row->setData(Qt::UserRole, u"expired"_s);
        } else if (e.expiresWithin(today, kExpiryWarningDays)) {
            text = tr("Expires on %1: %2").arg(e.expiryDate.toString(Qt::ISODate), text);
            row->setForeground(status_icons::color(status_icons::Severity::Warning, m_evidence->palette()));
            row->setIcon(status_icons::icon(status_icons::Severity::Warning));
            row->setData(Qt::UserRole, u"expiring"_s);
        }
        row->setText(text);
        row->setToolTip(text);
        m_evidence->addItem(row);
    }
    if (evidence.isEmpty())
        m_evidence->addItem(tr("No evidence linked yet."));
    m_unlink->setEnabled(false);
}

QString ItemPanel::notes() const
{
    return m_notes->toPlainText();
}

bool ItemPanel::notesModified() const
{
    return m_notes->document()->isModified();
}

void ItemPanel::setNotesModified(bool modified)
{
    m_notes->document()->setModified(modified);
}

void ItemPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ItemPanel::dropEvent(QDropEvent *event)
{
    const QStringList paths = localFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    Q_EMIT filesDropped(paths);
}

} // namespace strata
