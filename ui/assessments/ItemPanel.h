// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Assessment.h"
#include "checklist/Catalog.h"

#include <QMap>
#include <QScrollArea>

class QAbstractButton;
class QButtonGroup;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QVBoxLayout;

namespace strata {

/// The middle of the walkthrough: one checklist item with what the catalog asks, what the inventory suggests, the
/// reviewer's status, notes and evidence; it shows and collects, and the walkthrough writes.
class ItemPanel : public QScrollArea
{
    Q_OBJECT

public:
    /// Evidence that expires within this many days is flagged.
    static constexpr int kExpiryWarningDays = 30;

    explicit ItemPanel(QWidget *parent = nullptr);

    /// Shows an item; `catalogItem` may be null when the catalog no longer has it.
    void setItem(const AssessmentItem &item,
                 const CatalogItem *catalogItem,
                 const Catalog &catalog,
                 const QList<CheckSuggestion> &suggestions);
    void clear();

    QPlainTextEdit *notesEditor() const { return m_notes; }
    QString notes() const;
    /// True when the notes were typed since the item was shown.
    bool notesModified() const;
    void setNotesModified(bool modified);
    /// Shows the evidence progress (EvidenceAdder's widget) under the drop zone.
    void setProgressWidget(QWidget *widget);

Q_SIGNALS:
    void statusClicked(strata::ItemStatus status);
    /// The reviewer confirmed what an automated check suggests.
    void suggestionConfirmed(strata::ItemStatus status);
    void raiseFindingClicked();
    void attachClicked();
    /// The reviewer asked to take this evidence off the item.
    void unlinkClicked(qint64 evidenceId);
    void filesDropped(const QStringList &paths);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QLabel *addSection(QVBoxLayout *layout, const QString &title, const QString &objectName);
    void showEvidence(const QList<Evidence> &evidence);

    QLabel *m_heading = nullptr;
    QLabel *m_meta = nullptr;
    QLabel *m_reviewer = nullptr;
    QButtonGroup *m_statusGroup = nullptr;
    QMap<ItemStatus, QAbstractButton *> m_statusButtons;
    QWidget *m_suggestionBox = nullptr;
    QLabel *m_suggestionText = nullptr;
    QPushButton *m_confirmSuggestion = nullptr;
    ItemStatus m_suggested = ItemStatus::Fail;
    QPushButton *m_raiseFinding = nullptr;
    QLabel *m_requirement = nullptr;
    QLabel *m_guidance = nullptr;
    QLabel *m_expected = nullptr;
    QLabel *m_mappings = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QTextBrowser *m_preview = nullptr;
    QListWidget *m_evidence = nullptr;
    QPushButton *m_unlink = nullptr;
    QLabel *m_dropZone = nullptr;
    QVBoxLayout *m_evidenceLayout = nullptr;
};

} // namespace strata
