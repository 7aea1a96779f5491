// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Assessment.h"
#include "domain/Result.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QStackedWidget;

namespace strata {

class RecordPicker;
class Workspace;

/// Applies a catalog to a release, a record or a supplier, so a review starts from the GUI with the same checks as
/// `strata-cli assess new`.
class NewAssessmentDialog : public QDialog
{
    Q_OBJECT

public:
    /// What the assessment is about.
    enum class ScopeKind { Release, Record, Supplier };

    NewAssessmentDialog(Workspace *workspace, QWidget *parent = nullptr);

    void setScopeKind(ScopeKind kind);
    /// Preselects a release by id; false when the workspace has no such release.
    bool selectRelease(qint64 releaseId);
    /// Why the assessment cannot be created yet, or empty when it can.
    QString validationMessage() const;
    /// Creates the assessment through the workspace; the dialog stays open and shows the error when it fails.
    Result<Assessment> create();
    const Assessment &assessment() const { return m_assessment; }
    RecordPicker *recordPicker() const { return m_record; }
    QComboBox *catalogBox() const { return m_catalog; }

    void accept() override;

private:
    void updateState();

    Workspace *m_workspace = nullptr;
    QComboBox *m_scopeKind = nullptr;
    QStackedWidget *m_scopeStack = nullptr;
    QComboBox *m_release = nullptr;
    RecordPicker *m_record = nullptr;
    QComboBox *m_catalog = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    Assessment m_assessment;
};

} // namespace strata
