// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Provenance.h"

#include <QDialog>
#include <QList>

class QLabel;
class QListWidget;
class QTableWidget;

namespace strata {

/// What became of one file of an import: its summary, or why it was not imported.
struct ImportOutcome
{
    QString path; ///< as the user gave it
    bool ok = false;
    ImportSummary summary; ///< when ok
    QString error;         ///< when not: names the file, the place in it and the reason
};

/// Says what an import did, file by file: the counts, and every skip, kept value and warning with its reason,
/// so an analyst can check the result before relying on it. Non-modal: the workspace stays usable beside it.
class ImportSummaryDialog : public QDialog
{
    Q_OBJECT

public:
    enum Column {
        File,
        Format,
        Added,
        Updated,
        Unchanged,
        Skipped,
        Placeholders,
        RelationsAdded,
        RelationsSkipped,
        ColumnCount
    };

    /// `notImported`: files left out because the user cancelled.
    ImportSummaryDialog(const QList<ImportOutcome> &outcomes, int notImported, QWidget *parent = nullptr);

    /// A document format for people: "CycloneDX 1.6", "SPDX 3.0.1", "Hugging Face card".
    static QString formatLabel(const QString &format, const QString &specVersion);

    const QList<ImportOutcome> &outcomes() const { return m_outcomes; }
    /// The one-line account at the top ("2 files imported: 14 records added …").
    QString headline() const;
    /// Everything the dialog shows as plain text; Copy puts this on the clipboard.
    QString text() const;
    /// Shows the notes (or the error) of one file in the list below the table.
    void showNotes(int row);

private:
    void fillTable();
    QStringList notesOf(const ImportOutcome &outcome) const;

    QList<ImportOutcome> m_outcomes;
    int m_notImported = 0;
    QLabel *m_headline = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_notesTitle = nullptr;
    QListWidget *m_notes = nullptr;
};

} // namespace strata
