// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QRadioButton;

namespace strata {

/// The formats File › Export writes.
enum class ExportFormat { CycloneDx, Spdx3, GraphMl, Csv };

/// File › Export: which format, and whether the whole workspace or one record with everything upstream of it.
/// Only asks; ExportController picks the file and writes it.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    /// `recordId`/`recordName`: the record selected in the window (0 when none); its scope is then preselected.
    ExportDialog(qint64 recordId, const QString &recordName, QWidget *parent = nullptr);

    ExportFormat format() const;
    void setFormat(ExportFormat format);
    /// The record the export is about, or 0 for the whole workspace.
    qint64 scopeId() const;

    /// "CycloneDX 1.6 JSON", ...
    static QString formatLabel(ExportFormat format);
    /// The save dialog's filter for a format.
    static QString fileFilter(ExportFormat format);
    /// What is appended to a file name given without a suffix (".cdx.json").
    static QString defaultSuffix(ExportFormat format);

private:
    void updateDescription();

    qint64 m_recordId = 0;
    QComboBox *m_format = nullptr;
    QLabel *m_description = nullptr;
    QRadioButton *m_wholeWorkspace = nullptr;
    QRadioButton *m_upstream = nullptr;
};

} // namespace strata
