// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonValue>
#include <QPointer>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace strata {

class Workspace;

/// The Provenance tab of the detail panel: which imports described the record (file, format, digest, when, by whom),
/// the ids documents gave it, which fields a person typed, and what imports kept whole (a CycloneDX modelCard, a
/// Hugging Face card's metadata), so an analyst can tell where each value came from before trusting it.
class ProvenancePanel : public QWidget
{
    Q_OBJECT

public:
    enum ImportColumn { FileColumn, FormatColumn, DigestColumn, TimeColumn, ByColumn, ImportColumnCount };

    explicit ProvenancePanel(Workspace *workspace, QWidget *parent = nullptr);

    /// Shows the record's provenance, or nothing for 0.
    void setRecord(qint64 recordId);
    qint64 recordId() const { return m_recordId; }

    /// Adds `value` under `parent` as a read-only tree: objects and arrays become branches (at most `maxChildren`
    /// shown per branch, and a line saying how many more there are).
    static void addJson(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value, int maxChildren = 500);

private:
    void reload();

    QPointer<Workspace> m_workspace;
    qint64 m_recordId = 0;
    QLabel *m_importsTitle = nullptr;
    QTreeWidget *m_imports = nullptr;
    QLabel *m_externalIds = nullptr;
    QLabel *m_manualFields = nullptr;
    QLabel *m_extrasTitle = nullptr;
    QTreeWidget *m_extras = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace strata
