// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Assessment.h"
#include "domain/Result.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace strata {

class RecordPicker;
class Workspace;

/// Names a release and chooses its root by search, showing the scope (the root and everything upstream) before it
/// is frozen, so a reviewer knows what the release will hold.
class NewReleaseDialog : public QDialog
{
    Q_OBJECT

public:
    NewReleaseDialog(Workspace *workspace, QWidget *parent = nullptr);

    /// Why the release cannot be created yet, or empty when it can.
    QString validationMessage() const;
    /// Creates the release through the workspace; the dialog stays open and shows the error when it fails.
    Result<Release> create();
    /// The release made when the dialog was accepted.
    const Release &release() const { return m_release; }
    RecordPicker *rootPicker() const { return m_root; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *versionField() const { return m_version; }

    void accept() override;

private:
    void updateScope();
    void updateState();

    Workspace *m_workspace = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_version = nullptr;
    RecordPicker *m_root = nullptr;
    QListWidget *m_scope = nullptr;
    QLabel *m_scopeTitle = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    Release m_release;
};

} // namespace strata
