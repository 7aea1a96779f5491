// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace strata {

class ArtifactsPanel;
class FieldEditor;
class Prompter;
class ProvenancePanel;
class RelationsPanel;
class Workspace;
class WorkspaceEditor;

/// The detail panel of an inventory page: a form generated from the field catalog that validates as the user
/// types, and applies the whole record at once through WorkspaceEditor, so one Apply is one undo step.
class RecordEditor : public QWidget
{
    Q_OBJECT

public:
    RecordEditor(
        Workspace *workspace, WorkspaceEditor *editor, RecordKind kind, Prompter *prompter, QWidget *parent = nullptr);

    RecordKind kind() const { return m_kind; }
    /// The record shown; 0 when nothing is shown or a new record is not applied yet.
    qint64 recordId() const { return m_recordId; }
    bool isNew() const { return m_isNew; }
    /// Whether the form differs from the stored record.
    bool isModified() const;
    /// Whether every field parses and the record as a whole validates.
    bool isValid() const { return m_valid; }

    /// Shows a stored record, or nothing for 0; unapplied edits are dropped (see confirmDiscard()).
    void setRecord(qint64 id);
    /// Shows a blank record of this page's kind; Apply creates it.
    void startNew();
    /// Creates or updates the record; false (with the error shown) when that failed.
    bool apply();
    /// Puts the stored values back into the form.
    void revert();
    /// True when nothing would be lost by leaving the record, or the user agreed to drop the edits.
    bool confirmDiscard();
    void setReadOnly(bool readOnly);

    QByteArray saveSplitterState() const;
    void restoreSplitterState(const QByteArray &state);

Q_SIGNALS:
    /// A new record was created by Apply.
    void recordCreated(qint64 id);
    /// The user asked to see another record (a relation's other end).
    void openRecordRequested(qint64 id);

private:
    void buildForm(QWidget *formHost);
    void load(const Record &record);
    void showNothing();
    void onRecordChanged(qint64 id);
    void validate();
    Record candidate() const;
    void updateHeader();
    void markVerified();

    QPointer<Workspace> m_workspace;
    WorkspaceEditor *m_editor = nullptr;
    RecordKind m_kind;
    Prompter *m_prompter = nullptr;

    Record m_base;
    qint64 m_recordId = 0;
    bool m_isNew = false;
    bool m_valid = false;
    bool m_readOnly = false;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_meta = nullptr;
    QWidget *m_placeholderBanner = nullptr;
    QList<FieldEditor *> m_fields;
    QLabel *m_formError = nullptr;
    QPushButton *m_applyButton = nullptr;
    QPushButton *m_revertButton = nullptr;
    QPushButton *m_verifyButton = nullptr;
    QSplitter *m_splitter = nullptr;
    QTabWidget *m_tabs = nullptr;
    RelationsPanel *m_relations = nullptr;
    ArtifactsPanel *m_artifacts = nullptr;
    ProvenancePanel *m_provenance = nullptr;
};

} // namespace strata
