// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "AddArtifactDialog.h"

#include "FieldEditor.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {
namespace {

constexpr int kSha256HexLength = 64;

} // namespace

AddArtifactDialog::AddArtifactDialog(qint64 recordId, QWidget *parent)
    : QDialog(parent)
    , m_recordId(recordId)
{
    setObjectName(u"addArtifactDialog"_s);
    setWindowTitle(tr("Add Artifact"));

    m_fileName = new QLineEdit(this);
    m_fileName->setObjectName(u"artifactFileNameEdit"_s);
    m_fileName->setAccessibleName(tr("File name"));
    m_fileName->setPlaceholderText(tr("model-00001-of-00004.safetensors"));

    m_size = new QLineEdit(this);
    m_size->setObjectName(u"artifactSizeEdit"_s);
    m_size->setAccessibleName(tr("Size in bytes"));
    m_size->setPlaceholderText(tr("Optional"));
    m_size->setValidator(new QRegularExpressionValidator(QRegularExpression(u"[0-9]{0,18}"_s), m_size));

    m_digest = new QLineEdit(this);
    m_digest->setObjectName(u"artifactDigestEdit"_s);
    m_digest->setAccessibleName(tr("SHA-256 digest"));
    m_digest->setPlaceholderText(tr("64 hexadecimal characters"));
    QFont mono = m_digest->font();
    mono.setFamily(u"monospace"_s);
    mono.setStyleHint(QFont::TypeWriter);
    m_digest->setFont(mono);

    m_error = new QLabel(this);
    m_error->setObjectName(u"artifactError"_s);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    FieldEditor::styleAsError(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Artifact"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"addArtifactOkButton"_s);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&File name:"), m_fileName);
    form->addRow(tr("&Size (bytes):"), m_size);
    form->addRow(tr("SHA-&256:"), m_digest);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(560);

    for (QLineEdit *edit : {m_fileName, m_size, m_digest})
        connect(edit, &QLineEdit::textChanged, this, &AddArtifactDialog::updateState);
    updateState();
}

Artifact AddArtifactDialog::artifact() const
{
    Artifact artifact;
    artifact.recordId = m_recordId;
    artifact.fileName = m_fileName->text().trimmed();
    artifact.size = m_size->text().isEmpty() ? -1 : m_size->text().toLongLong();
    artifact.algorithm = u"sha256"_s;
    artifact.digest = m_digest->text().trimmed().toLower();
    return artifact;
}

QString AddArtifactDialog::problem() const
{
    if (m_fileName->text().trimmed().isEmpty())
        return tr("Enter the file's name.");
    const QString digest = m_digest->text().trimmed();
    static const QRegularExpression kHexDigits(u"^[0-9a-fA-F]*$"_s);
    if (!kHexDigits.match(digest).hasMatch())
        return tr("The SHA-256 digest may contain only the hexadecimal digits 0-9 and a-f.");
    if (digest.size() != kSha256HexLength)
        return tr("A SHA-256 digest has 64 hexadecimal characters; this one has %n.", "",
                  static_cast<int>(digest.size()));
    return {};
}

void AddArtifactDialog::updateState()
{
    const QString message = problem();
    // Nothing typed yet is not an error worth a red message; the disabled button says enough.
    const bool pristine = m_fileName->text().isEmpty() && m_digest->text().isEmpty();
    m_error->setText(pristine ? QString() : message);
    m_error->setVisible(!pristine && !message.isEmpty());
    m_digest->setAccessibleDescription(message);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(message.isEmpty());
}

} // namespace strata
