// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "signoff/Signoff.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace strata {

class Prompter;
class Workspace;

/// The releases with their sign-off state at a glance (valid, stale, broken or not signed, by shape and word, not
/// colour alone), what changed since the selected one was signed, and the place to sign it off. Checking a signed
/// release re-hashes its evidence, so that runs on a worker; the rows keep their last state until it is done.
class ReleaseSignoffPanel : public QWidget
{
    Q_OBJECT

public:
    /// Without a prompter the panel only shows (no Sign Off… button).
    explicit ReleaseSignoffPanel(Workspace *workspace, Prompter *prompter = nullptr, QWidget *parent = nullptr);
    ~ReleaseSignoffPanel() override;

    /// Reads the releases on this thread and checks their sign-offs again on a worker, keeping the selected
    /// release; a check still running is cancelled and its result dropped.
    void refresh();
    /// Whether signed releases are being checked on the worker now.
    bool isChecking() const { return m_job != nullptr; }
    bool selectRelease(qint64 releaseId);
    qint64 selectedId() const;
    /// Opens the sign-off dialog for the selected release; true when a sign-off was recorded.
    bool signOffSelected();
    /// The state shown for a release; None when the list does not hold it.
    SignoffState stateOf(qint64 releaseId) const;
    /// The text of the details under the list (sign-offs, gate, what changed).
    QString detailsText() const;

    /// A shape and the word for a state, for text that cannot hold an icon.
    static QString stateText(SignoffState state);

Q_SIGNALS:
    /// The worker's check finished and the list shows its result (also when nothing needed the worker).
    void statesChecked();

private:
    struct CheckJob;

    void showDetails();
    void scheduleRefresh();
    void finishCheck();
    void showStatus(QTreeWidgetItem *row, const ReleaseSignoffStatus &status);
    QTreeWidgetItem *rowOf(qint64 releaseId) const;

    Workspace *m_workspace = nullptr;
    Prompter *m_prompter = nullptr;
    QTreeWidget *m_list = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_signButton = nullptr;
    QLabel *m_checking = nullptr;
    QTimer *m_checkingDelay = nullptr;
    QHash<qint64, ReleaseSignoffStatus> m_status;
    QSet<qint64> m_unassessed; ///< releases without an assessment: nothing to sign yet
    std::shared_ptr<CheckJob> m_job;
    bool m_refreshQueued = false;
};

} // namespace strata
