// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "AboutDialog.h"

#include "util/LibraryVersions.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About Strata"));

    auto *title = new QLabel(tr("Strata %1").arg(LibraryVersions::current().strata), this);
    title->setObjectName(u"aboutTitle"_s);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *summary = new QLabel(tr("A workbench for the security of LLM supply chains: suppliers, models, datasets, "
                                  "software and services, and how they depend on each other."),
                               this);
    summary->setWordWrap(true);

    m_versions = new QLabel(versionsText(LibraryVersions::current()), this);
    m_versions->setObjectName(u"aboutVersions"_s);
    m_versions->setAccessibleName(tr("Library versions"));
    m_versions->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_versions->setTextFormat(Qt::PlainText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
    aboutQt->setObjectName(u"aboutQtButton"_s);
    connect(aboutQt, &QPushButton::clicked, this, [] { QApplication::aboutQt(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(summary);
    layout->addSpacing(8);
    layout->addWidget(m_versions);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

QString AboutDialog::versionsText() const
{
    return m_versions->text();
}

QString AboutDialog::versionsText(const LibraryVersions &versions)
{
    return tr("Strata %1\nQt %2\nSQLite %3\nOpenSSL %4\nQuaZip %5")
        .arg(versions.strata, versions.qt, versions.sqlite, versions.openssl, versions.quazip);
}

} // namespace strata
