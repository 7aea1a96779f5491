// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace strata {

/// Asks for a file that makes up a model or dataset: its name, optional size and SHA-256 digest, checked as typed.
class AddArtifactDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AddArtifactDialog(qint64 recordId, QWidget *parent = nullptr);

    /// The artifact described by the form (digest in lowercase hex).
    Artifact artifact() const;
    /// The first problem with the form, translated; empty when it can be accepted.
    QString problem() const;

private:
    void updateState();

    qint64 m_recordId = 0;
    QLineEdit *m_fileName = nullptr;
    QLineEdit *m_size = nullptr;
    QLineEdit *m_digest = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace strata
