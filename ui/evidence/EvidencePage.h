// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "evidence/Evidence.h"

#include <QUrl>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QComboBox;
class QDragEnterEvent;
class QDropEvent;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableView;
class QTimer;

namespace strata {

class EvidenceAdder;
class EvidenceFilterModel;
class EvidencePreview;
class EvidenceTableModel;
class Prompter;
class TaskProgressWidget;
class Workspace;

/// Every evidence item of the workspace with its digest, dates and what it supports: the place to find stale
/// proof, check that no stored file was altered, and read a file without leaving Strata.
class EvidencePage : public QWidget
{
    Q_OBJECT

public:
    /// Opens a URL with the system; a seam so tests never launch applications.
    using UrlOpener = std::function<bool(const QUrl &)>;

    EvidencePage(Workspace *workspace, Prompter *prompter, QWidget *parent = nullptr);
    ~EvidencePage() override;

    void setUrlOpener(UrlOpener opener) { m_openUrl = std::move(opener); }
    EvidenceTableModel *model() const { return m_model; }
    EvidenceFilterModel *filterModel() const { return m_filter; }
    QTableView *table() const { return m_table; }
    EvidencePreview *preview() const { return m_preview; }
    QAction *addEvidenceAction() const { return m_addAction; }
    QAction *verifyAction() const { return m_verifyAction; }
    QAction *openAction() const { return m_openAction; }

    /// Re-hashes every stored file on a worker thread; the result appears on the page when it ends.
    void verifyEvidence();
    void cancelVerification();
    bool isVerifying() const { return m_verify != nullptr; }
    /// Opens the selected evidence with the system viewer (a read-only copy named by its real type).
    void openSelected();
    bool selectEvidence(qint64 evidenceId);
    const Evidence *selectedEvidence() const;

    /// Adds files from the Add action and from drops, off the GUI thread.
    EvidenceAdder *evidenceAdder() const { return m_adder; }

Q_SIGNALS:
    /// "Verify evidence" ended (finished, failed or was cancelled); the page shows the outcome.
    void verificationFinished();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    struct VerifyJob;

    void updateActions();
    void showSelected();
    void updateVerifyProgress();
    void finishVerification();
    void updateEmptyState();

    Workspace *m_workspace = nullptr;
    Prompter *m_prompter = nullptr;
    UrlOpener m_openUrl;
    EvidenceTableModel *m_model = nullptr;
    EvidenceFilterModel *m_filter = nullptr;
    QTableView *m_table = nullptr;
    EvidencePreview *m_preview = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_expiry = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_verifyResult = nullptr;
    QListWidget *m_problems = nullptr;
    TaskProgressWidget *m_progress = nullptr;
    QTimer *m_progressTimer = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_verifyAction = nullptr;
    QAction *m_openAction = nullptr;
    EvidenceAdder *m_adder = nullptr;
    std::shared_ptr<VerifyJob> m_verify;
};

} // namespace strata
