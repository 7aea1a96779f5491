// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "EvidencePreview.h"

#include "EvidenceViewing.h"

#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QPdfDocument>
#include <QPdfView>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kMaxImageSide = 16384;

} // namespace

EvidencePreview::EvidencePreview(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"evidencePreview"_s);
    m_message = new QLabel;
    m_message->setObjectName(u"evidencePreviewMessage"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setMargin(12);

    m_image = new QLabel;
    m_image->setObjectName(u"evidencePreviewImage"_s);
    m_image->setAlignment(Qt::AlignCenter);
    m_imageScroll = new QScrollArea;
    m_imageScroll->setWidget(m_image);
    m_imageScroll->setWidgetResizable(true);

    m_text = new QPlainTextEdit;
    m_text->setObjectName(u"evidencePreviewText"_s);
    m_text->setReadOnly(true);
    m_text->setTabChangesFocus(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setAccessibleName(tr("Evidence text"));

    m_pdf = new QPdfDocument(this);
    m_pdfView = new QPdfView;
    m_pdfView->setObjectName(u"evidencePreviewPdf"_s);
    m_pdfView->setDocument(m_pdf);
    m_pdfView->setPageMode(QPdfView::PageMode::MultiPage);
    m_pdfView->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_pdfView->setAccessibleName(tr("PDF preview"));

    m_stack = new QStackedWidget;
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_imageScroll);
    m_stack->addWidget(m_text);
    m_stack->addWidget(m_pdfView);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    showEvidence({}, {});
}

QString EvidencePreview::message() const
{
    return m_shown == Shown::Text ? m_text->toPlainText() : m_message->text();
}

void EvidencePreview::showMessage(const QString &text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
}

void EvidencePreview::showEvidence(const Evidence &evidence, const QString &blobPath)
{
    m_pdf->close();
    m_image->clear();
    m_text->clear();
    if (blobPath.isEmpty()) {
        m_shown = Shown::Nothing;
        showMessage(tr("Select an evidence item to preview it."));
        return;
    }
    m_shown = Shown::Message;
    const QFileInfo info(blobPath);
    if (!info.exists()) {
        showMessage(
            tr("The file of \"%1\" is missing from the evidence store; run Verify evidence.").arg(evidence.title));
        return;
    }
    const QString mediaType = EvidenceViewing::sniffMediaType(blobPath);
    const QString size = QLocale().formattedDataSize(info.size());
    switch (EvidenceViewing::kindOf(mediaType)) {
    case EvidenceViewing::Kind::Pdf:
        if (m_pdf->load(blobPath) != QPdfDocument::Error::None) {
            showMessage(tr("\"%1\" looks like a PDF but cannot be read as one; open it with the system viewer.")
                            .arg(evidence.title));
            return;
        }
        m_shown = Shown::Pdf;
        m_stack->setCurrentWidget(m_pdfView);
        return;
    case EvidenceViewing::Kind::Image: {
        if (info.size() > EvidenceViewing::kImagePreviewMax) {
            showMessage(tr("\"%1\" is an image of %2, too large to preview; use Open.").arg(evidence.title, size));
            return;
        }
        QImageReader reader(blobPath);
        reader.setDecideFormatFromContent(true);
        reader.setAllocationLimit(256);
        const QSize dimensions = reader.size();
        if (!dimensions.isValid() || dimensions.width() > kMaxImageSide || dimensions.height() > kMaxImageSide) {
            showMessage(tr("\"%1\" (%2) cannot be previewed as an image; use Open.").arg(evidence.title, mediaType));
            return;
        }
        const QImage image = reader.read();
        if (image.isNull()) {
            showMessage(tr("\"%1\" cannot be decoded as an image: %2.").arg(evidence.title, reader.errorString()));
            return;
        }
        m_image->setPixmap(QPixmap::fromImage(image));
        m_image->setAccessibleName(
            tr("Image %1, %2 × %3 pixels").arg(evidence.title).arg(image.width()).arg(image.height()));
        m_shown = Shown::Image;
        m_stack->setCurrentWidget(m_imageScroll);
        return;
    }
    case EvidenceViewing::Kind::Text: {
        QFile file(blobPath);
        if (!file.open(QIODevice::ReadOnly)) {
            showMessage(tr("Cannot read \"%1\": %2").arg(evidence.title, file.errorString()));
            return;
        }
        QString text = QString::fromUtf8(file.read(EvidenceViewing::kTextPreviewMax));
        if (info.size() > EvidenceViewing::kTextPreviewMax)
            text += u"\n\n"_s + tr("[Only the first %1 of %2 are shown; use Open for the whole file.]")
                                    .arg(QLocale().formattedDataSize(EvidenceViewing::kTextPreviewMax), size);
        m_text->setPlainText(text);
        m_shown = Shown::Text;
        m_stack->setCurrentWidget(m_text);
        return;
    }
    case EvidenceViewing::Kind::Other:
        showMessage(tr("No preview for \"%1\" (%2, %3). Use Open to view it with the system viewer.")
                        .arg(evidence.title, mediaType, size));
        return;
    }
}

} // namespace strata
