// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"

#include <QWidget>

#include <optional>

class QLineEdit;
class QListWidget;

namespace strata {

class Workspace;

/// A search field over the workspace's records with the matches below it, so dialogs choose a record by typing
/// part of its name instead of knowing its id.
class RecordPicker : public QWidget
{
    Q_OBJECT

public:
    RecordPicker(Workspace *workspace, QWidget *parent = nullptr);

    /// Only records of this kind are offered (none: every kind).
    void setKind(std::optional<RecordKind> kind);
    /// The chosen record's id, or 0.
    qint64 recordId() const;
    QString recordLabel() const;
    /// Selects a record by id; false when the current search does not list it.
    bool selectRecord(qint64 id);
    QLineEdit *searchField() const { return m_search; }

Q_SIGNALS:
    void recordChanged(qint64 id);

private:
    void search();

    Workspace *m_workspace = nullptr;
    std::optional<RecordKind> m_kind;
    QLineEdit *m_search = nullptr;
    QListWidget *m_matches = nullptr;
};

} // namespace strata
