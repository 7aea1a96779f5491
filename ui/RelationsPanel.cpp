// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "RelationsPanel.h"

#include "AddRelationDialog.h"
#include "DetailTable.h"
#include "Prompter.h"
#include "RelationTableModel.h"
#include "WorkspaceEditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace strata {

RelationsPanel::RelationsPanel(Workspace *workspace, WorkspaceEditor *editor, Prompter *prompter, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_editor(editor)
    , m_prompter(prompter)
{
    setObjectName(u"relationsPanel"_s);
    m_model = new RelationTableModel(workspace, this);

    m_view = makeDetailTable(this, m_model, u"relationView"_s, tr("Relations"));
    // A record has a handful of relations: every column fits its contents and the other record takes the rest.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(RelationTableModel::OtherRecord, QHeaderView::Stretch);
    m_view->setToolTip(tr("Double-click a relation to open the record at its other end"));
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const qint64 other = index.siblingAtColumn(0).data(RelationTableModel::OtherRecordIdRole).toLongLong();
        if (other != 0)
            Q_EMIT openRecordRequested(other);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RelationsPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RelationsPanel::updateButtons);

    m_addButton = new QPushButton(tr("Add Relation…"), this);
    m_addButton->setObjectName(u"addRelationButton"_s);
    m_addButton->setAccessibleName(tr("Add relation"));
    connect(m_addButton, &QPushButton::clicked, this, &RelationsPanel::openAddDialog);
    m_removeButton = new QPushButton(tr("Remove"), this);
    m_removeButton->setObjectName(u"removeRelationButton"_s);
    m_removeButton->setAccessibleName(tr("Remove relation"));
    connect(m_removeButton, &QPushButton::clicked, this, &RelationsPanel::removeSelected);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    updateButtons();
}

void RelationsPanel::setRecord(qint64 recordId, RecordKind kind)
{
    m_kind = kind;
    m_model->setRecord(recordId);
    updateButtons();
}

void RelationsPanel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateButtons();
}

void RelationsPanel::updateButtons()
{
    const bool hasRecord = m_model->recordId() != 0;
    m_addButton->setEnabled(hasRecord && !m_readOnly);
    m_removeButton->setEnabled(hasRecord && !m_readOnly && m_view->selectionModel()->hasSelection());
}

AddRelationDialog *RelationsPanel::openAddDialog()
{
    if (!m_workspace || m_model->recordId() == 0)
        return nullptr;
    auto *dialog = new AddRelationDialog(m_workspace, m_model->recordId(), m_kind, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Result<Relation> linked =
            m_editor->link(m_model->recordId(), dialog->relationType(), dialog->targetId(), dialog->subtype());
        if (!linked)
            m_prompter->showError(this, linked.error().message);
    });
    dialog->open();
    return dialog;
}

void RelationsPanel::removeSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const RelatedRecord *related = m_model->relationAt(rows.first().row());
    if (!related)
        return;
    const QString other = related->otherVersion.isEmpty()
                              ? related->otherName
                              : tr("%1 %2", "record name and version").arg(related->otherName, related->otherVersion);
    const QString question =
        related->outgoing
            ? tr("Remove the relation “%1 %2”?").arg(relationTypeLabel(related->relation.type), other)
            : tr("Remove the relation “%1 %2 this record”?").arg(other, relationTypeLabel(related->relation.type));
    const qint64 relationId = related->relation.id;
    if (!m_prompter->confirm(this, tr("Remove Relation"), question))
        return;
    const Status removed = m_editor->removeRelation(relationId);
    if (!removed)
        m_prompter->showError(this, removed.error().message);
}

} // namespace strata
