// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ExportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {

ExportDialog::ExportDialog(qint64 recordId, const QString &recordName, QWidget *parent)
    : QDialog(parent)
    , m_recordId(recordId)
{
    setObjectName(u"exportDialog"_s);
    setWindowTitle(tr("Export"));

    m_format = new QComboBox(this);
    m_format->setObjectName(u"exportFormatCombo"_s);
    m_format->setAccessibleName(tr("Format"));
    for (ExportFormat format : {ExportFormat::CycloneDx, ExportFormat::Spdx3, ExportFormat::GraphMl, ExportFormat::Csv})
        m_format->addItem(formatLabel(format), static_cast<int>(format));
    m_description = new QLabel(this);
    m_description->setObjectName(u"exportFormatDescription"_s);
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updateDescription);

    auto *scope = new QGroupBox(tr("What to export"), this);
    m_wholeWorkspace = new QRadioButton(tr("The whole workspace"), scope);
    m_wholeWorkspace->setObjectName(u"exportScopeWorkspace"_s);
    m_upstream = new QRadioButton(recordId != 0 ? tr("“%1” and everything upstream of it").arg(recordName)
                                                : tr("A record and everything upstream of it (select one first)"),
                                  scope);
    m_upstream->setObjectName(u"exportScopeRecord"_s);
    m_upstream->setToolTip(tr("What the record derives from, was trained and evaluated on, depends on, is hosted on "
                              "and provided by, and so on up the chain"));
    m_upstream->setEnabled(recordId != 0);
    (recordId != 0 ? m_upstream : m_wholeWorkspace)->setChecked(true);
    auto *scopeLayout = new QVBoxLayout(scope);
    scopeLayout->addWidget(m_wholeWorkspace);
    scopeLayout->addWidget(m_upstream);

    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(QString(), m_description);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(u"exportOkButton"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(scope);
    layout->addStretch();
    layout->addWidget(buttons);
    updateDescription();
    resize(520, sizeHint().height());
}

ExportFormat ExportDialog::format() const
{
    return static_cast<ExportFormat>(m_format->currentData().toInt());
}

void ExportDialog::setFormat(ExportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(static_cast<int>(format)));
}

qint64 ExportDialog::scopeId() const
{
    return m_upstream->isChecked() ? m_recordId : 0;
}

QString ExportDialog::formatLabel(ExportFormat format)
{
    switch (format) {
    case ExportFormat::CycloneDx:
        return tr("CycloneDX 1.6 JSON (ML-BOM)");
    case ExportFormat::Spdx3:
        return tr("SPDX 3.0.1 JSON-LD (AI and Dataset profiles)");
    case ExportFormat::GraphMl:
        return tr("GraphML (yEd, Gephi)");
    case ExportFormat::Csv:
        return tr("CSV, one file per kind");
    }
    return {};
}

QString ExportDialog::fileFilter(ExportFormat format)
{
    switch (format) {
    case ExportFormat::CycloneDx:
        return tr("CycloneDX JSON (*.cdx.json *.json);;All files (*)");
    case ExportFormat::Spdx3:
        return tr("SPDX 3 JSON-LD (*.spdx3.json *.jsonld *.json);;All files (*)");
    case ExportFormat::GraphMl:
        return tr("GraphML (*.graphml);;All files (*)");
    case ExportFormat::Csv:
        return tr("CSV (*.csv);;All files (*)");
    }
    return {};
}

QString ExportDialog::defaultSuffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::CycloneDx:
        return u".cdx.json"_s;
    case ExportFormat::Spdx3:
        return u".spdx3.json"_s;
    case ExportFormat::GraphMl:
        return u".graphml"_s;
    case ExportFormat::Csv:
        return u".csv"_s;
    }
    return {};
}

void ExportDialog::updateDescription()
{
    switch (format()) {
    case ExportFormat::CycloneDx:
        m_description->setText(tr("Models with their model cards, datasets, suppliers, hashes, licenses, "
                                  "dependencies and pedigree; validates against the bom-1.6 schema."));
        break;
    case ExportFormat::Spdx3:
        m_description->setText(tr("An SPDX 3.0.1 document with AI packages, dataset packages and their "
                                  "relationships."));
        break;
    case ExportFormat::GraphMl:
        m_description->setText(tr("Records as nodes and relations as typed edges, for yEd and Gephi."));
        break;
    case ExportFormat::Csv:
        m_description->setText(tr("A table per record kind, named after the file you choose: “inventory.csv” "
                                  "gives inventory-model.csv, inventory-dataset.csv and so on."));
        break;
    }
}

} // namespace strata
