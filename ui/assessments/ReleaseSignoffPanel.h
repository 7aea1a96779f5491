// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "signoff/Signoff.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace strata {

class Prompter;
class Workspace;

/// The releases with their sign-off state at a glance (valid, stale, broken or not signed, by shape and word, not
/// colour alone), what changed since the selected one was signed, and the place to sign it off.
class ReleaseSignoffPanel : public QWidget
{
    Q_OBJECT

public:
    /// Without a prompter the panel only shows (no Sign Off… button).
    explicit ReleaseSignoffPanel(Workspace *workspace, Prompter *prompter = nullptr, QWidget *parent = nullptr);

    /// Reads the releases and checks their sign-offs again, keeping the selected release.
    void refresh();
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

private:
    void showDetails();
    void scheduleRefresh();

    Workspace *m_workspace = nullptr;
    Prompter *m_prompter = nullptr;
    QTreeWidget *m_list = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_signButton = nullptr;
    QHash<qint64, ReleaseSignoffStatus> m_status;
    bool m_refreshQueued = false;
};

} // namespace strata
