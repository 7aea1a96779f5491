// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ReportPreviewDialog.h"

#include "Prompter.h"
#include "util/AtomicFile.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPdfDocument>
#include <QPdfView>
#include <QPushButton>
#include <QTemporaryFile>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {

ReportPreviewDialog::ReportPreviewDialog(const QByteArray &pdf,
                                         const QString &suggestedName,
                                         Prompter *prompter,
                                         QWidget *parent)
    : QDialog(parent)
    , m_prompter(prompter)
    , m_pdf(pdf)
    , m_suggestedName(suggestedName)
{
    setObjectName(u"reportPreviewDialog"_s);
    setWindowTitle(tr("Report Preview"));
    resize(760, 900);

    // QPdfDocument reads a file synchronously; a private temporary copy keeps the preview off the target path.
    m_file = new QTemporaryFile(QDir::temp().filePath(u"strata-report-XXXXXX.pdf"_s), this);
    m_document = new QPdfDocument(this);
    if (m_file->open() && m_file->write(m_pdf) == m_pdf.size() && m_file->flush())
        m_document->load(m_file->fileName());

    m_view = new QPdfView(this);
    m_view->setObjectName(u"reportPreviewView"_s);
    m_view->setAccessibleName(tr("Report preview"));
    m_view->setPageMode(QPdfView::PageMode::MultiPage);
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_view->setDocument(m_document);

    auto *summary = new QLabel(tr("%n page(s); nothing is written until you save.", "", pageCount()), this);
    summary->setObjectName(u"reportPreviewSummary"_s);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *saveButton = buttons->addButton(tr("Save…"), QDialogButtonBox::AcceptRole);
    saveButton->setObjectName(u"reportSaveButton"_s);
    saveButton->setDefault(true);
    QPushButton *closeButton = buttons->addButton(QDialogButtonBox::Close);
    closeButton->setObjectName(u"reportCloseButton"_s);
    connect(saveButton, &QPushButton::clicked, this, [this] {
        if (save())
            accept();
    });
    connect(closeButton, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(summary);
    layout->addWidget(buttons);
}

ReportPreviewDialog::~ReportPreviewDialog()
{
    m_view->setDocument(nullptr);
    m_document->close();
}

int ReportPreviewDialog::pageCount() const
{
    return m_document->pageCount();
}

bool ReportPreviewDialog::save()
{
    QString path =
        m_prompter->saveFileName(this, tr("Save Report as %1").arg(m_suggestedName), tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".pdf"_s;
    if (const Status written = AtomicFile::write(path, m_pdf); !written) {
        m_prompter->showError(this, written.error().message);
        return false;
    }
    Q_EMIT saved(path);
    return true;
}

} // namespace strata
