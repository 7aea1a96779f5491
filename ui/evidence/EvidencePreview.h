// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "evidence/Evidence.h"

#include <QWidget>

class QLabel;
class QPdfDocument;
class QPdfView;
class QPlainTextEdit;
class QScrollArea;
class QStackedWidget;

namespace strata {

/// Shows a stored evidence file inside Strata (PDF pages, images, text) so a reviewer can read it without leaving
/// the page; what it shows is decided by the file's bytes, and large files are not loaded.
class EvidencePreview : public QWidget
{
    Q_OBJECT

public:
    enum class Shown { Nothing, Pdf, Image, Text, Message };

    explicit EvidencePreview(QWidget *parent = nullptr);

    /// Previews the blob at `blobPath`; an empty path clears the pane.
    void showEvidence(const Evidence &evidence, const QString &blobPath);
    Shown shown() const { return m_shown; }
    /// The message shown instead of a preview (why there is none), or the text shown.
    QString message() const;
    QPdfDocument *pdfDocument() const { return m_pdf; }

private:
    void showMessage(const QString &text);

    Shown m_shown = Shown::Nothing;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_image = nullptr;
    QScrollArea *m_imageScroll = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QPdfDocument *m_pdf = nullptr;
    QPdfView *m_pdfView = nullptr;
};

} // namespace strata
