// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ReportOptions.h"
#include "ReportPreviewDialog.h"

#include <QDialog>
#include <QMap>
#include <QPointer>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTimer;

namespace strata {

class Prompter;
class TaskProgressWidget;
class Workspace;

/// File › Export Report…: asks what to report on and how, reads the workspace on the GUI thread, draws the PDF on
/// a worker with progress and Cancel, then opens a preview from which the report is saved. Nothing is written to
/// disk before the user saves from the preview, so Cancel never leaves a file behind.
class ReportExportDialog : public QDialog
{
    Q_OBJECT

public:
    ReportExportDialog(Workspace *workspace, Prompter *prompter, QWidget *parent);
    ~ReportExportDialog() override;

    /// Pre-fills the scope (an assessment id, a release name@version, a supplier id).
    void setScope(ReportScope::Kind kind, const QString &reference);
    ReportScope scope() const;
    ReportOptions options() const;

    /// Checks the form, reads the report's data and starts drawing it; false when nothing was started.
    bool generate();
    /// Stops drawing; no preview opens and nothing is written.
    void cancel();
    bool isGenerating() const { return m_job != nullptr; }
    ReportPreviewDialog *preview() const { return m_preview; }

Q_SIGNALS:
    /// Drawing ended: with a preview shown, or cancelled or failed (`preview` null).
    void finished(strata::ReportPreviewDialog *preview);

private:
    struct Job;

    void fillReferences();
    void onRendered(const std::shared_ptr<Job> &job);
    void updateProgress();
    void setBusy(bool busy);

    QPointer<Workspace> m_workspace;
    Prompter *m_prompter = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_reference = nullptr;
    QMap<ReportSection, QCheckBox *> m_sections;
    QComboBox *m_paper = nullptr;
    QComboBox *m_language = nullptr;
    QCheckBox *m_pdfA = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_form = nullptr;
    TaskProgressWidget *m_progress = nullptr;
    QPushButton *m_generate = nullptr;
    QTimer *m_timer = nullptr;
    std::shared_ptr<Job> m_job;
    QPointer<ReportPreviewDialog> m_preview;
};

} // namespace strata
