// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "FieldEditor.h"

#include <QComboBox>
#include <QFontMetrics>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {
namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor invalidBaseColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x5c, 0x23, 0x23) : QColor(0xff, 0xeb, 0xee);
}

} // namespace

FieldEditor::FieldEditor(const FieldSpec &spec, QWidget *parent)
    : QObject(parent)
    , m_spec(spec)
{
    m_row = new QWidget(parent);
    m_input = createInput();
    m_input->setObjectName(u"field_"_s + spec.key);
    m_input->setAccessibleName(fields::label(spec.key));

    m_error = new QLabel(m_row);
    m_error->setObjectName(u"fieldError_"_s + spec.key);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setAccessibleName(tr("Problem with %1").arg(fields::label(spec.key)));
    styleAsError(m_error);
    m_error->hide();

    auto *layout = new QVBoxLayout(m_row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_input);
    layout->addWidget(m_error);
}

QWidget *FieldEditor::createInput()
{
    switch (m_spec.type) {
    case FieldType::LongText: {
        m_plain = new QPlainTextEdit(m_row);
        m_plain->setTabChangesFocus(true);
        const int lines = m_spec.key == u"notes"_s ? 6 : 3;
        const QFontMetrics metrics(m_plain->font());
        m_plain->setFixedHeight(metrics.lineSpacing() * lines + 2 * m_plain->frameWidth() + 8);
        if (m_spec.key == u"notes"_s)
            m_plain->setPlaceholderText(tr("Markdown is welcome: *emphasis*, lists, links."));
        connect(m_plain, &QPlainTextEdit::textChanged, this, [this] {
            if (!m_loading)
                Q_EMIT edited();
        });
        return m_plain;
    }
    case FieldType::Choice: {
        m_combo = new QComboBox(m_row);
        m_combo->addItem(tr("(not set)"), QString());
        for (const QString &choice : m_spec.choices)
            m_combo->addItem(fields::choiceLabel(m_spec.key, choice), choice);
        connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_loading)
                Q_EMIT edited();
        });
        return m_combo;
    }
    case FieldType::Text:
    case FieldType::Url:
    case FieldType::Integer:
    case FieldType::Date:
    case FieldType::Tags:
    case FieldType::Certifications:
        break;
    }

    m_line = new QLineEdit(m_row);
    switch (m_spec.type) {
    case FieldType::Url:
        m_line->setPlaceholderText(tr("https://…"));
        break;
    case FieldType::Integer:
        // Digits, and the "_" or "," separators the core accepts in long numbers (70,000,000,000).
        m_line->setValidator(new QRegularExpressionValidator(QRegularExpression(u"[0-9_,]{0,30}"_s), m_line));
        break;
    case FieldType::Date:
        m_line->setPlaceholderText(tr("YYYY-MM-DD"));
        m_line->setClearButtonEnabled(true);
        break;
    case FieldType::Tags:
        m_line->setPlaceholderText(tr("Comma separated, e.g. llm, internal"));
        break;
    case FieldType::Certifications:
        m_line->setPlaceholderText(tr("Name|Issuer|YYYY-MM-DD; …"));
        m_line->setToolTip(tr("One certification per entry, separated by semicolons: name, issuer and the date it is "
                              "valid until, separated by bars. Example: ISO 27001|BSI|2027-03-31; SOC 2|AICPA|"
                              "2026-12-31"));
        break;
    case FieldType::Text:
    case FieldType::LongText:
    case FieldType::Choice:
        break;
    }
    connect(m_line, &QLineEdit::textChanged, this, [this] {
        if (!m_loading)
            Q_EMIT edited();
    });
    return m_line;
}

QString FieldEditor::text() const
{
    if (m_plain)
        return m_plain->toPlainText();
    if (m_combo)
        return m_combo->currentData().toString();
    return m_line->text();
}

void FieldEditor::setText(const QString &text)
{
    m_loading = true;
    if (m_plain) {
        m_plain->setPlainText(text);
    } else if (m_combo) {
        int index = m_combo->findData(text);
        if (index < 0) {
            // A value this build does not list (an older or newer catalog): keep it rather than lose it.
            m_combo->addItem(text, text);
            index = m_combo->count() - 1;
        }
        m_combo->setCurrentIndex(index);
    } else {
        m_line->setText(text);
        m_line->setCursorPosition(0);
    }
    m_loading = false;
}

void FieldEditor::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    m_input->setAccessibleDescription(message);
    markInvalid(!message.isEmpty());
}

QString FieldEditor::error() const
{
    return m_error->text();
}

void FieldEditor::setReadOnly(bool readOnly)
{
    if (m_plain)
        m_plain->setReadOnly(readOnly);
    else if (m_combo)
        m_combo->setEnabled(!readOnly);
    else
        m_line->setReadOnly(readOnly);
}

QColor FieldEditor::errorTextColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c);
}

void FieldEditor::styleAsError(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, errorTextColor(palette));
    label->setPalette(palette);
}

void FieldEditor::markInvalid(bool invalid)
{
    if (m_input->property("invalid").toBool() == invalid)
        return;
    m_input->setProperty("invalid", invalid);
    QPalette palette = m_row->palette();
    if (invalid)
        palette.setColor(QPalette::Base, invalidBaseColor(palette));
    m_input->setPalette(palette);
}

} // namespace strata
