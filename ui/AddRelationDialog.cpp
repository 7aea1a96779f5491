// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "AddRelationDialog.h"

#include "workspace/Workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata {
namespace {

constexpr int kRecordIdRole = Qt::UserRole + 1;
constexpr int kDisplayNameRole = Qt::UserRole + 2;

bool typeApplies(RelationType type, RecordKind from)
{
    const QList<RecordKind> kinds = allRecordKinds();
    return std::any_of(kinds.cbegin(), kinds.cend(), [&](RecordKind to) { return relationAllowed(type, from, to); });
}

QString displayName(const QString &name, const QString &version)
{
    return version.isEmpty() ? name : AddRelationDialog::tr("%1 %2", "record name and version").arg(name, version);
}

} // namespace

AddRelationDialog::AddRelationDialog(Workspace *workspace, qint64 fromId, RecordKind fromKind, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_fromId(fromId)
    , m_fromKind(fromKind)
{
    setObjectName(u"addRelationDialog"_s);
    setWindowTitle(tr("Add Relation"));
    if (m_workspace) {
        const Result<Record> from = m_workspace->record(fromId);
        if (from)
            m_fromName = displayName(from.value().name, from.value().version);
    }

    m_type = new QComboBox(this);
    m_type->setObjectName(u"relationTypeCombo"_s);
    m_type->setAccessibleName(tr("Relation type"));
    for (RelationType type : allRelationTypes()) {
        if (typeApplies(type, fromKind))
            m_type->addItem(relationTypeLabel(type), relationTypeKey(type));
    }

    m_subtype = new QComboBox(this);
    m_subtype->setObjectName(u"subtypeCombo"_s);
    m_subtype->setAccessibleName(tr("Derivation kind"));
    m_subtype->setToolTip(tr("Only “derived from” relations say how the record was derived"));
    m_subtype->addItem(tr("(not specified)"), QString());
    for (const QString &kind : derivationKinds())
        m_subtype->addItem(derivationKindLabel(kind), kind);

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"targetSearchEdit"_s);
    m_search->setAccessibleName(tr("Search target records"));
    m_search->setPlaceholderText(tr("Type to search by name, tag, license…"));
    m_search->setClearButtonEnabled(true);

    m_targets = new QListWidget(this);
    m_targets->setObjectName(u"targetList"_s);
    m_targets->setAccessibleName(tr("Target record"));
    m_targets->setMinimumHeight(180);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"relationSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Relation"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"addRelationOkButton"_s);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Relation:"), m_type);
    form->addRow(tr("&Derivation:"), m_subtype);
    form->addRow(tr("&Target:"), m_search);
    form->addRow(QString(), m_targets);

    auto *layout = new QVBoxLayout(this);
    auto *from = new QLabel(tr("From “%1”").arg(m_fromName), this);
    from->setTextFormat(Qt::PlainText);
    layout->addWidget(from);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    resize(480, 420);

    connect(m_type, &QComboBox::currentIndexChanged, this, &AddRelationDialog::refreshCandidates);
    connect(m_subtype, &QComboBox::currentIndexChanged, this, &AddRelationDialog::updateState);
    connect(m_search, &QLineEdit::textChanged, this, &AddRelationDialog::refreshCandidates);
    connect(m_targets, &QListWidget::currentRowChanged, this, &AddRelationDialog::updateState);
    connect(m_targets, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    refreshCandidates();
}

RelationType AddRelationDialog::relationType() const
{
    return relationTypeFromKey(m_type->currentData().toString()).value_or(RelationType::DependsOn);
}

QString AddRelationDialog::subtype() const
{
    return relationType() == RelationType::DerivedFrom ? m_subtype->currentData().toString() : QString();
}

qint64 AddRelationDialog::targetId() const
{
    const QListWidgetItem *item = m_targets->currentItem();
    return item ? item->data(kRecordIdRole).toLongLong() : 0;
}

void AddRelationDialog::setRelationType(RelationType type)
{
    const int index = m_type->findData(relationTypeKey(type));
    if (index >= 0)
        m_type->setCurrentIndex(index);
}

void AddRelationDialog::setSearch(const QString &text)
{
    m_search->setText(text);
}

bool AddRelationDialog::selectTarget(qint64 id)
{
    for (int row = 0; row < m_targets->count(); ++row) {
        if (m_targets->item(row)->data(kRecordIdRole).toLongLong() == id) {
            m_targets->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void AddRelationDialog::refreshCandidates()
{
    const qint64 previous = targetId();
    m_targets->clear();
    if (m_workspace && m_type->count() > 0) {
        RecordQuery query;
        query.search = m_search->text().trimmed();
        query.limit = kMaxCandidates;
        const Result<QList<RecordSummary>> found = m_workspace->list(query);
        if (found) {
            const RelationType type = relationType();
            for (const RecordSummary &summary : found.value()) {
                if (summary.id == m_fromId || !relationAllowed(type, m_fromKind, summary.kind))
                    continue;
                const QString name = displayName(summary.name, summary.version);
                auto *item = new QListWidgetItem(tr("%1 — %2").arg(name, recordKindLabel(summary.kind)), m_targets);
                item->setData(kRecordIdRole, summary.id);
                item->setData(kDisplayNameRole, name);
            }
        } else {
            m_summary->setText(found.error().message);
        }
    }
    if (!selectTarget(previous) && m_targets->count() == 1)
        m_targets->setCurrentRow(0);
    updateState();
}

void AddRelationDialog::updateState()
{
    const bool derived = relationType() == RelationType::DerivedFrom;
    m_subtype->setEnabled(derived);
    const QListWidgetItem *item = m_targets->currentItem();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(item != nullptr);
    if (!item) {
        m_summary->setText(m_targets->count() == 0 ? tr("No record matches that can be the target of this relation.")
                                                   : tr("Choose the record this one relates to."));
        return;
    }
    const QString target = item->data(kDisplayNameRole).toString();
    const QString sentence = tr("“%1” %2 “%3”").arg(m_fromName, relationTypeLabel(relationType()), target);
    m_summary->setText(derived && !subtype().isEmpty() ? tr("%1 (%2)").arg(sentence, m_subtype->currentText())
                                                       : sentence);
}

} // namespace strata
