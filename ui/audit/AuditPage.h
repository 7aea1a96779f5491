// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/AuditEntry.h"

#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;
class QTimer;

namespace strata {

class AuditTableModel;
class Prompter;
class TaskProgressWidget;
class Workspace;

/// The Audit page: the trail of every change, filterable by action, actor and record, with the before and after of
/// the selected entry, and the chain verification that names the first bad row.
class AuditPage : public QWidget
{
    Q_OBJECT

public:
    /// Rows the table holds at most, newest first; filters reach older ones.
    static constexpr int kPageRows = 2000;

    AuditPage(Workspace *workspace, Prompter *prompter, QWidget *parent = nullptr);
    ~AuditPage() override;

    AuditTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QAction *verifyAction() const { return m_verifyAction; }
    bool isVerifying() const { return m_verify != nullptr; }

    /// Re-reads the trail with the current filters.
    void refresh();
    /// Recomputes the chain on a worker thread; the result is shown through the Prompter and on the page.
    void verifyTrail(const std::optional<AuditHead> &checkpoint = {});

Q_SIGNALS:
    /// A verification finished (intact or not); for tests and the status bar.
    void verificationFinished(const strata::AuditVerification &result);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct VerifyJob;

    void scheduleRefresh();
    void showSelected();
    void cancelVerification();
    void finishVerification();
    void updateActions();

    Workspace *m_workspace = nullptr;
    Prompter *m_prompter = nullptr;
    AuditTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_action = nullptr;
    QLineEdit *m_actor = nullptr;
    QLineEdit *m_record = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_selected = nullptr;
    QPlainTextEdit *m_before = nullptr;
    QPlainTextEdit *m_after = nullptr;
    QAction *m_verifyAction = nullptr;
    TaskProgressWidget *m_progress = nullptr;
    QTimer *m_refreshTimer = nullptr;
    bool m_stale = true;
    std::shared_ptr<VerifyJob> m_verify;
};

} // namespace strata
