// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ArtifactsPanel.h"

#include "AddArtifactDialog.h"
#include "ArtifactTableModel.h"
#include "DetailTable.h"
#include "Prompter.h"
#include "WorkspaceEditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {

ArtifactsPanel::ArtifactsPanel(Workspace *workspace, WorkspaceEditor *editor, Prompter *prompter, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_prompter(prompter)
{
    setObjectName(u"artifactsPanel"_s);
    m_model = new ArtifactTableModel(workspace, this);

    m_view = makeDetailTable(this, m_model, u"artifactView"_s, tr("Artifacts"));
    m_view->horizontalHeader()->setStretchLastSection(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ArtifactsPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->resizeColumnsToContents();
        updateButtons();
    });

    m_addButton = new QPushButton(tr("Add Artifact…"), this);
    m_addButton->setObjectName(u"addArtifactButton"_s);
    m_addButton->setAccessibleName(tr("Add artifact"));
    connect(m_addButton, &QPushButton::clicked, this, &ArtifactsPanel::openAddDialog);
    m_removeButton = new QPushButton(tr("Remove"), this);
    m_removeButton->setObjectName(u"removeArtifactButton"_s);
    m_removeButton->setAccessibleName(tr("Remove artifact"));
    connect(m_removeButton, &QPushButton::clicked, this, &ArtifactsPanel::removeSelected);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    updateButtons();
}

void ArtifactsPanel::setRecord(qint64 recordId)
{
    m_model->setRecord(recordId);
    m_view->resizeColumnsToContents();
    updateButtons();
}

void ArtifactsPanel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateButtons();
}

void ArtifactsPanel::updateButtons()
{
    const bool hasRecord = m_model->recordId() != 0;
    m_addButton->setEnabled(hasRecord && !m_readOnly);
    m_removeButton->setEnabled(hasRecord && !m_readOnly && m_view->selectionModel()->hasSelection());
}

AddArtifactDialog *ArtifactsPanel::openAddDialog()
{
    if (m_model->recordId() == 0)
        return nullptr;
    auto *dialog = new AddArtifactDialog(m_model->recordId(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Result<Artifact> added = m_editor->addArtifact(dialog->artifact());
        if (!added)
            m_prompter->showError(this, added.error().message);
    });
    dialog->open();
    return dialog;
}

void ArtifactsPanel::removeSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const Artifact *artifact = m_model->artifactAt(rows.first().row());
    if (!artifact)
        return;
    const qint64 artifactId = artifact->id;
    if (!m_prompter->confirm(this, tr("Remove Artifact"),
                             tr("Remove the artifact “%1” from this record?").arg(artifact->fileName)))
        return;
    const Status removed = m_editor->removeArtifact(artifactId);
    if (!removed)
        m_prompter->showError(this, removed.error().message);
}

} // namespace strata
