// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ImportSummaryDialog.h"

#include "FieldEditor.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {
namespace {

QTableWidgetItem *numberItem(int value)
{
    auto *item = new QTableWidgetItem(QString::number(value));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString fileNameOf(const ImportOutcome &outcome)
{
    if (outcome.ok && !outcome.summary.fileName.isEmpty())
        return outcome.summary.fileName;
    return QFileInfo(outcome.path).fileName();
}

} // namespace

ImportSummaryDialog::ImportSummaryDialog(const QList<ImportOutcome> &outcomes, int notImported, QWidget *parent)
    : QDialog(parent)
    , m_outcomes(outcomes)
    , m_notImported(notImported)
{
    setObjectName(u"importSummaryDialog"_s);
    setWindowTitle(tr("Import Summary"));
    setModal(false);

    m_headline = new QLabel(headline(), this);
    m_headline->setObjectName(u"importHeadline"_s);
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table = new QTableWidget(this);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    m_table->setObjectName(u"importSummaryTable"_s);
    m_table->setAccessibleName(tr("Imported files"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    fillTable();

    m_notesTitle = new QLabel(this);
    m_notesTitle->setObjectName(u"importNotesTitle"_s);
    m_notesTitle->setTextFormat(Qt::PlainText);
    m_notes = new QListWidget(this);
    m_notes->setObjectName(u"importNotesList"_s);
    m_notes->setAccessibleName(tr("Notes on the selected file"));
    m_notes->setWordWrap(true);
    m_notes->setTextElideMode(Qt::ElideNone);
    m_notes->setUniformItemSizes(false);
    m_notes->setResizeMode(QListView::Adjust);
    m_notes->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_notes->setAlternatingRowColors(true);

    auto *notesPane = new QWidget(this);
    auto *notesLayout = new QVBoxLayout(notesPane);
    notesLayout->setContentsMargins(0, 0, 0, 0);
    notesLayout->addWidget(m_notesTitle);
    notesLayout->addWidget(m_notes, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_table);
    splitter->addWidget(notesPane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *hint = new QLabel(tr("Imports are not on the undo list (Ctrl+Z). To take imported records out again, "
                               "delete them; a record's Provenance tab shows which import described it."),
                            this);
    hint->setObjectName(u"importUndoHint"_s);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    copy->setObjectName(u"importCopyButton"_s);
    copy->setToolTip(tr("Copy the whole summary as text"));
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(text()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(splitter, 1);
    layout->addWidget(hint);
    layout->addWidget(buttons);

    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { showNotes(row); });
    if (!m_outcomes.isEmpty())
        m_table->selectRow(0);
    showNotes(m_outcomes.isEmpty() ? -1 : 0);
    resize(960, 620);
}

void ImportSummaryDialog::fillTable()
{
    m_table->setColumnCount(ColumnCount);
    const QList<QPair<QString, QString>> headers = {
        {tr("File"), {}},
        {tr("Format"), {}},
        {tr("Added"), tr("Records the import created")},
        {tr("Updated"), tr("Records that existed and took new values from the file")},
        {tr("Unchanged"), tr("Records that existed with the same values")},
        {tr("Skipped"), tr("Entries the workspace cannot hold; the notes say why")},
        {tr("Placeholders"), tr("Records only referred to by the file, added as unverified")},
        {tr("Relations added"), {}},
        {tr("Relations skipped"), tr("Relations the workspace cannot hold; the notes say why")},
    };
    for (int column = 0; column < ColumnCount; ++column) {
        auto *header = new QTableWidgetItem(headers.at(column).first);
        header->setToolTip(headers.at(column).second);
        m_table->setHorizontalHeaderItem(column, header);
    }
    m_table->setRowCount(static_cast<int>(m_outcomes.size()));
    for (int row = 0; row < m_outcomes.size(); ++row) {
        const ImportOutcome &outcome = m_outcomes.at(row);
        auto *file = new QTableWidgetItem(fileNameOf(outcome));
        file->setToolTip(outcome.path);
        m_table->setItem(row, File, file);
        if (!outcome.ok) {
            // The whole message is in the notes below and the tooltip; a long one here would widen every column.
            auto *failed = new QTableWidgetItem(tr("Not imported: the notes below say why"));
            failed->setToolTip(outcome.error);
            failed->setForeground(FieldEditor::errorTextColor(m_table->palette()));
            m_table->setItem(row, Format, failed);
            m_table->setSpan(row, Format, 1, ColumnCount - Format);
            continue;
        }
        const ImportSummary &s = outcome.summary;
        m_table->setItem(row, Format, new QTableWidgetItem(formatLabel(s.format, s.specVersion)));
        m_table->setItem(row, Added, numberItem(s.added));
        m_table->setItem(row, Updated, numberItem(s.updated));
        m_table->setItem(row, Unchanged, numberItem(s.unchanged));
        m_table->setItem(row, Skipped, numberItem(s.skipped));
        m_table->setItem(row, Placeholders, numberItem(s.placeholders));
        m_table->setItem(row, RelationsAdded, numberItem(s.relationsAdded));
        m_table->setItem(row, RelationsSkipped, numberItem(s.relationsSkipped));
    }
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(File, QHeaderView::Stretch);
}

QString ImportSummaryDialog::formatLabel(const QString &format, const QString &specVersion)
{
    QString name = format;
    if (format == u"cyclonedx"_s)
        name = tr("CycloneDX");
    else if (format == u"spdx3"_s)
        name = tr("SPDX");
    else if (format == u"hf-card"_s)
        name = tr("Hugging Face card");
    return specVersion.isEmpty() ? name : tr("%1 %2", "format and its version").arg(name, specVersion);
}

QString ImportSummaryDialog::headline() const
{
    int imported = 0;
    int failed = 0;
    ImportSummary total;
    for (const ImportOutcome &outcome : m_outcomes) {
        if (!outcome.ok) {
            ++failed;
            continue;
        }
        ++imported;
        total.added += outcome.summary.added;
        total.updated += outcome.summary.updated;
        total.unchanged += outcome.summary.unchanged;
        total.skipped += outcome.summary.skipped;
        total.relationsAdded += outcome.summary.relationsAdded;
        total.relationsSkipped += outcome.summary.relationsSkipped;
    }
    QStringList lines;
    lines << tr("Imported %1 of %n file(s).", "", static_cast<int>(m_outcomes.size()) + m_notImported).arg(imported);
    if (imported > 0) {
        lines << tr("Records: %1 added, %2 updated, %3 unchanged, %4 skipped. Relations: %5 added, %6 skipped.")
                     .arg(total.added)
                     .arg(total.updated)
                     .arg(total.unchanged)
                     .arg(total.skipped)
                     .arg(total.relationsAdded)
                     .arg(total.relationsSkipped);
    }
    if (failed > 0)
        lines << tr("%n file(s) could not be imported; they changed nothing.", "", failed);
    if (m_notImported > 0)
        lines << tr("The import was cancelled: %n file(s) were not read and changed nothing.", "", m_notImported);
    return lines.join(u'\n');
}

QStringList ImportSummaryDialog::notesOf(const ImportOutcome &outcome) const
{
    return outcome.ok ? outcome.summary.notes : QStringList{outcome.error};
}

void ImportSummaryDialog::showNotes(int row)
{
    m_notes->clear();
    if (row < 0 || row >= m_outcomes.size()) {
        m_notesTitle->setText(tr("Nothing was imported."));
        return;
    }
    const ImportOutcome &outcome = m_outcomes.at(row);
    const QStringList notes = notesOf(outcome);
    m_notesTitle->setText(outcome.ok ? tr("Notes on %1 (%2):").arg(fileNameOf(outcome)).arg(notes.size())
                                     : tr("Why %1 was not imported:").arg(fileNameOf(outcome)));
    for (const QString &note : notes) {
        auto *item = new QListWidgetItem(note, m_notes);
        if (!outcome.ok)
            item->setForeground(FieldEditor::errorTextColor(m_notes->palette()));
    }
    if (notes.isEmpty()) {
        auto *item =
            new QListWidgetItem(tr("Nothing to note: every entry was imported as the file states it."), m_notes);
        item->setFlags(Qt::NoItemFlags);
    }
}

QString ImportSummaryDialog::text() const
{
    QStringList lines{headline(), QString()};
    for (const ImportOutcome &outcome : m_outcomes) {
        if (!outcome.ok) {
            lines << tr("%1: not imported").arg(fileNameOf(outcome));
        } else {
            const ImportSummary &s = outcome.summary;
            lines << tr("%1 (%2): %3 added, %4 updated, %5 unchanged, %6 skipped, %7 placeholders; relations: %8 "
                        "added, %9 skipped")
                         .arg(fileNameOf(outcome), formatLabel(s.format, s.specVersion))
                         .arg(s.added)
                         .arg(s.updated)
                         .arg(s.unchanged)
                         .arg(s.skipped)
                         .arg(s.placeholders)
                         .arg(s.relationsAdded)
                         .arg(s.relationsSkipped);
        }
        for (const QString &note : notesOf(outcome))
            lines << tr("  - %1", "a note under a file in the import summary").arg(note);
    }
    return lines.join(u'\n');
}

} // namespace strata
