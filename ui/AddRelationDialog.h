// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"
#include "domain/Relation.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace strata {

class Workspace;

/// Asks for the three parts of an outgoing relation: its type, its subtype (derived_from only) and the record it
/// points to, found by searching so it works with any number of records.
class AddRelationDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int kMaxCandidates = 200;

    AddRelationDialog(Workspace *workspace, qint64 fromId, RecordKind fromKind, QWidget *parent = nullptr);

    RelationType relationType() const;
    /// The derivation kind for derived_from, empty for other types.
    QString subtype() const;
    /// The chosen target, 0 when none is selected.
    qint64 targetId() const;

    void setRelationType(RelationType type);
    void setSearch(const QString &text);
    /// Selects the target in the list; false when it is not among the candidates.
    bool selectTarget(qint64 id);

private:
    void refreshCandidates();
    void updateState();

    QPointer<Workspace> m_workspace;
    qint64 m_fromId = 0;
    RecordKind m_fromKind;
    QString m_fromName;

    QComboBox *m_type = nullptr;
    QComboBox *m_subtype = nullptr;
    QLineEdit *m_search = nullptr;
    QListWidget *m_targets = nullptr;
    QLabel *m_summary = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace strata
