// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QLabel;

namespace strata {

struct LibraryVersions;

/// Help › About Strata: names the versions Strata runs on, which is the first thing support asks for.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    /// The text of the dialog as plain text, without markup.
    QString versionsText() const;
    /// The versions paragraph for a set of library versions, translated.
    static QString versionsText(const LibraryVersions &versions);

private:
    QLabel *m_versions = nullptr;
};

} // namespace strata
