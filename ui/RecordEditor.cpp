// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "RecordEditor.h"

#include "ArtifactsPanel.h"
#include "FieldEditor.h"
#include "Prompter.h"
#include "ProvenancePanel.h"
#include "RelationsPanel.h"
#include "WorkspaceEditor.h"
#include "domain/Fields.h"
#include "workspace/Workspace.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {
namespace {

bool hasArtifacts(RecordKind kind)
{
    return kind == RecordKind::Model || kind == RecordKind::Dataset;
}

QString when(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

RecordEditor::RecordEditor(
    Workspace *workspace, WorkspaceEditor *editor, RecordKind kind, Prompter *prompter, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_editor(editor)
    , m_kind(kind)
    , m_prompter(prompter)
{
    setObjectName(u"recordEditor"_s);
    m_base.kind = kind;

    auto *hint = new QLabel(tr("Select a record in the list to see and edit its details."));
    hint->setObjectName(u"editorHint"_s);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setEnabled(false);

    auto *content = new QWidget;
    m_title = new QLabel(content);
    m_title->setObjectName(u"recordTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_meta = new QLabel(content);
    m_meta->setObjectName(u"recordMeta"_s);
    m_meta->setTextFormat(Qt::PlainText);
    m_meta->setWordWrap(true);
    m_meta->setForegroundRole(QPalette::PlaceholderText);

    m_placeholderBanner = new QFrame(content);
    m_placeholderBanner->setObjectName(u"placeholderBanner"_s);
    m_placeholderBanner->setAutoFillBackground(true);
    QPalette bannerPalette = m_placeholderBanner->palette();
    bannerPalette.setColor(QPalette::Window, bannerPalette.color(QPalette::Base).lightness() < 128
                                                 ? QColor(0x4a, 0x3b, 0x12)
                                                 : QColor(0xff, 0xf4, 0xce));
    m_placeholderBanner->setPalette(bannerPalette);
    auto *bannerText = new QLabel(tr("Placeholder, unverified: an import referred to this record but did not "
                                     "describe it. Check its details, then mark it as verified."),
                                  m_placeholderBanner);
    bannerText->setObjectName(u"placeholderBannerText"_s);
    bannerText->setWordWrap(true);
    m_verifyButton = new QPushButton(tr("Mark as Verified"), m_placeholderBanner);
    m_verifyButton->setObjectName(u"verifyButton"_s);
    m_verifyButton->setAccessibleName(tr("Mark as verified"));
    connect(m_verifyButton, &QPushButton::clicked, this, &RecordEditor::markVerified);
    auto *bannerLayout = new QHBoxLayout(m_placeholderBanner);
    bannerLayout->setContentsMargins(8, 6, 8, 6);
    bannerLayout->addWidget(bannerText, 1);
    bannerLayout->addWidget(m_verifyButton);

    auto *formHost = new QWidget;
    buildForm(formHost);
    auto *scroll = new QScrollArea;
    scroll->setObjectName(u"formScrollArea"_s);
    scroll->setWidget(formHost);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_formError = new QLabel(content);
    m_formError->setObjectName(u"formError"_s);
    m_formError->setWordWrap(true);
    m_formError->setTextFormat(Qt::PlainText);
    FieldEditor::styleAsError(m_formError);
    m_formError->hide();

    m_revertButton = new QPushButton(tr("Revert"), content);
    m_revertButton->setObjectName(u"revertButton"_s);
    m_revertButton->setAccessibleName(tr("Revert changes"));
    m_revertButton->setToolTip(tr("Put back the stored values"));
    m_applyButton = new QPushButton(tr("Apply"), content);
    m_applyButton->setObjectName(u"applyButton"_s);
    m_applyButton->setAccessibleName(tr("Apply changes"));
    m_applyButton->setToolTip(tr("Save the changes (Ctrl+Return)"));
    m_applyButton->setDefault(true);
    connect(m_applyButton, &QPushButton::clicked, this, &RecordEditor::apply);
    connect(m_revertButton, &QPushButton::clicked, this, &RecordEditor::revert);
    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this] {
            if (m_applyButton->isEnabled())
                apply();
        });
    }
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_revertButton);
    buttons->addWidget(m_applyButton);

    auto *formPane = new QWidget;
    auto *formLayout = new QVBoxLayout(formPane);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addWidget(scroll, 1);
    formLayout->addWidget(m_formError);
    formLayout->addLayout(buttons);

    m_relations = new RelationsPanel(workspace, editor, prompter);
    connect(m_relations, &RelationsPanel::openRecordRequested, this, &RecordEditor::openRecordRequested);
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"detailTabs"_s);
    m_tabs->setAccessibleName(tr("Relations, artifacts and provenance"));
    m_tabs->addTab(m_relations, tr("Relations"));
    if (hasArtifacts(kind)) {
        m_artifacts = new ArtifactsPanel(workspace, editor, prompter);
        m_tabs->addTab(m_artifacts, tr("Artifacts"));
    }
    m_provenance = new ProvenancePanel(workspace);
    m_tabs->addTab(m_provenance, tr("Provenance"));

    m_splitter = new QSplitter(Qt::Vertical, content);
    m_splitter->setObjectName(u"detailSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(formPane);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 1);

    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(6, 0, 0, 0);
    contentLayout->addWidget(m_title);
    contentLayout->addWidget(m_meta);
    contentLayout->addWidget(m_placeholderBanner);
    contentLayout->addWidget(m_splitter, 1);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(hint);
    m_stack->addWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    if (m_workspace) {
        connect(m_workspace, &Workspace::recordChanged, this, &RecordEditor::onRecordChanged);
        // A removal is announced per kind only; the record shown may be the one that went.
        connect(m_workspace, &Workspace::recordsChanged, this, [this](RecordKind changed) {
            if (changed == m_kind && m_recordId != 0 && !m_isNew && !m_workspace->record(m_recordId))
                showNothing();
        });
    }
    showNothing();
}

void RecordEditor::buildForm(QWidget *formHost)
{
    auto *form = new QFormLayout(formHost);
    form->setObjectName(u"recordForm"_s);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    for (const FieldSpec &spec : fields::allFields(m_kind)) {
        auto *field = new FieldEditor(spec, formHost);
        auto *label = new QLabel(tr("%1:").arg(fields::label(spec.key)), formHost);
        label->setBuddy(field->input());
        // Labels sit at the top of their row (the error message may grow it); a one-line input's label is as
        // tall as the input so that their texts line up.
        if (spec.type != FieldType::LongText)
            label->setMinimumHeight(field->input()->sizeHint().height());
        form->addRow(label, field->row());
        connect(field, &FieldEditor::edited, this, &RecordEditor::validate);
        m_fields.append(field);
    }
}

bool RecordEditor::isModified() const
{
    for (const FieldEditor *field : m_fields) {
        if (field->text() != fields::fieldText(m_base, field->spec().key))
            return true;
    }
    return false;
}

void RecordEditor::setRecord(qint64 id)
{
    if (id == 0 || !m_workspace) {
        showNothing();
        return;
    }
    const Result<Record> record = m_workspace->record(id);
    if (!record) {
        showNothing();
        m_prompter->showError(this, record.error().message);
        return;
    }
    m_isNew = false;
    m_recordId = id;
    load(record.value());
}

void RecordEditor::startNew()
{
    m_isNew = true;
    m_recordId = 0;
    Record blank;
    blank.kind = m_kind;
    load(blank);
    if (!m_fields.isEmpty())
        m_fields.first()->input()->setFocus(Qt::OtherFocusReason);
}

void RecordEditor::showNothing()
{
    m_isNew = false;
    m_recordId = 0;
    m_base = Record{};
    m_base.kind = m_kind;
    m_relations->setRecord(0, m_kind);
    if (m_artifacts)
        m_artifacts->setRecord(0);
    m_provenance->setRecord(0);
    m_stack->setCurrentIndex(0);
}

void RecordEditor::load(const Record &record)
{
    m_base = record;
    for (FieldEditor *field : m_fields) {
        field->setText(fields::fieldText(record, field->spec().key));
        field->setError({});
    }
    m_relations->setRecord(m_recordId, m_kind);
    if (m_artifacts)
        m_artifacts->setRecord(m_recordId);
    m_provenance->setRecord(m_recordId);
    m_tabs->setEnabled(m_recordId != 0);
    m_stack->setCurrentIndex(1);
    updateHeader();
    validate();
}

void RecordEditor::updateHeader()
{
    if (m_isNew) {
        m_title->setText(tr("New %1").arg(recordKindLabel(m_kind).toLower()));
        m_meta->setText(tr("Fill in at least a name, then apply to add it to the workspace."));
    } else {
        m_title->setText(m_base.version.isEmpty()
                             ? m_base.name
                             : tr("%1 %2", "record name and version").arg(m_base.name, m_base.version));
        QString meta =
            tr("%1 #%2 · created %3 by %4")
                .arg(recordKindLabel(m_kind), QString::number(m_base.id), when(m_base.createdAt), m_base.createdBy);
        if (m_base.updatedAt.isValid() && m_base.updatedAt != m_base.createdAt)
            meta = tr("%1 · updated %2 by %3").arg(meta, when(m_base.updatedAt), m_base.updatedBy);
        m_meta->setText(meta);
    }
    m_placeholderBanner->setVisible(!m_isNew && m_base.placeholder);
    m_verifyButton->setEnabled(!m_readOnly);
}

Record RecordEditor::candidate() const
{
    Record record = m_base;
    for (const FieldEditor *field : m_fields)
        (void)fields::setField(record, field->spec().key, field->text());
    return record;
}

void RecordEditor::validate()
{
    Record record = m_base;
    bool valid = true;
    for (FieldEditor *field : m_fields) {
        const Status status = fields::setField(record, field->spec().key, field->text());
        // A blank new form is incomplete, not wrong: its empty name disables Apply without a red message.
        const bool untouched = m_isNew && field->text().isEmpty();
        field->setError(status || untouched ? QString() : status.error().message);
        valid = valid && status.ok();
    }
    QString formError;
    if (valid) {
        const Status whole = fields::validate(record);
        if (!whole) {
            valid = false;
            formError = whole.error().message;
        }
    }
    m_formError->setText(formError);
    m_formError->setVisible(!formError.isEmpty());
    m_valid = valid;

    const bool modified = isModified();
    m_applyButton->setEnabled(!m_readOnly && valid && (modified || m_isNew));
    m_revertButton->setEnabled(!m_readOnly && modified);
}

bool RecordEditor::apply()
{
    validate();
    if (!m_valid || m_readOnly || !m_editor)
        return false;
    const Record record = candidate();
    if (m_isNew) {
        const Result<qint64> created = m_editor->createRecord(record);
        if (!created) {
            m_prompter->showError(this, created.error().message);
            return false;
        }
        m_isNew = false;
        setRecord(created.value());
        Q_EMIT recordCreated(created.value());
        return true;
    }
    const Status updated = m_editor->updateRecord(record);
    if (!updated) {
        m_prompter->showError(this, updated.error().message);
        return false;
    }
    setRecord(m_recordId);
    return true;
}

void RecordEditor::revert()
{
    load(m_base);
}

bool RecordEditor::confirmDiscard()
{
    if (m_stack->currentIndex() == 0 || !isModified())
        return true;
    const QString name =
        m_isNew ? tr("the new %1").arg(recordKindLabel(m_kind).toLower()) : tr("“%1”").arg(m_base.name);
    return m_prompter->confirm(this, tr("Discard Changes"),
                               tr("Your changes to %1 are not applied yet. Discard them?").arg(name));
}

void RecordEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (FieldEditor *field : m_fields)
        field->setReadOnly(readOnly);
    m_relations->setReadOnly(readOnly);
    if (m_artifacts)
        m_artifacts->setReadOnly(readOnly);
    updateHeader();
    validate();
}

void RecordEditor::onRecordChanged(qint64 id)
{
    if (id == 0 || id != m_recordId || m_isNew || !m_workspace)
        return;
    const Result<Record> record = m_workspace->record(id);
    if (!record) {
        // Removed, for example by undoing its creation.
        showNothing();
        return;
    }
    if (isModified()) {
        // Keep what the user typed; only the header follows the stored record.
        m_base = record.value();
        updateHeader();
        validate();
        return;
    }
    load(record.value());
}

void RecordEditor::markVerified()
{
    if (!m_editor || m_recordId == 0)
        return;
    Record record = m_base;
    record.placeholder = false;
    const Status updated = m_editor->updateRecord(record);
    if (!updated)
        m_prompter->showError(this, updated.error().message);
    else
        setRecord(m_recordId);
}

QByteArray RecordEditor::saveSplitterState() const
{
    return m_splitter->saveState();
}

void RecordEditor::restoreSplitterState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_splitter->restoreState(state);
}

} // namespace strata
