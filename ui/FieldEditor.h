// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Fields.h"

#include <QColor>
#include <QObject>
#include <QPalette>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QWidget;

namespace strata {

/// One row of the record form: the input that suits the field's type, and the message shown under it
/// while its text is invalid, so the form is generated from the field catalog rather than written by hand.
class FieldEditor : public QObject
{
    Q_OBJECT

public:
    FieldEditor(const FieldSpec &spec, QWidget *parent);

    const FieldSpec &spec() const { return m_spec; }
    /// The input and its error message, stacked; goes into the form layout.
    QWidget *row() const { return m_row; }
    /// The input itself ("field_<key>").
    QWidget *input() const { return m_input; }
    QLabel *errorLabel() const { return m_error; }

    /// The field's text in the syntax fields::setField accepts.
    QString text() const;
    void setText(const QString &text);
    /// Shows `message` under the input and marks it; an empty message clears both.
    void setError(const QString &message);
    QString error() const;
    void setReadOnly(bool readOnly);

    /// Gives a label the colour of error messages, readable on light and dark palettes.
    static void styleAsError(QLabel *label);
    /// The colour of error text on this palette (light or dark).
    static QColor errorTextColor(const QPalette &palette);

Q_SIGNALS:
    /// The user changed the text.
    void edited();

private:
    QWidget *createInput();
    void markInvalid(bool invalid);

    FieldSpec m_spec;
    QWidget *m_row = nullptr;
    QWidget *m_input = nullptr;
    QLineEdit *m_line = nullptr;
    QPlainTextEdit *m_plain = nullptr;
    QComboBox *m_combo = nullptr;
    QLabel *m_error = nullptr;
    bool m_loading = false;
};

} // namespace strata
