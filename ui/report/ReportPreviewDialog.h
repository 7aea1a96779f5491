// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDialog>

class QPdfDocument;
class QPdfView;
class QTemporaryFile;

namespace strata {

class Prompter;

/// Shows a generated report as it will be saved, so the reader checks it before a file is written anywhere.
class ReportPreviewDialog : public QDialog
{
    Q_OBJECT

public:
    /// `pdf` is the whole report; `suggestedName` is offered by the save dialog's caption.
    ReportPreviewDialog(const QByteArray &pdf, const QString &suggestedName, Prompter *prompter, QWidget *parent);
    ~ReportPreviewDialog() override;

    int pageCount() const;
    const QByteArray &pdf() const { return m_pdf; }
    QPdfView *view() const { return m_view; }
    /// Asks where to save and writes the report there atomically; true when it was written.
    bool save();

Q_SIGNALS:
    void saved(const QString &path);

private:
    Prompter *m_prompter = nullptr;
    QByteArray m_pdf;
    QString m_suggestedName;
    QTemporaryFile *m_file = nullptr;
    QPdfDocument *m_document = nullptr;
    QPdfView *m_view = nullptr;
};

} // namespace strata
