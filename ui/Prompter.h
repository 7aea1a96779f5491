// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace strata {

/// Every modal question the GUI asks goes through this seam, so tests can answer it without a dialog.
class Prompter
{
public:
    virtual ~Prompter() = default;

    /// Asks a yes/no question; true when the user agreed.
    virtual bool confirm(QWidget *parent, const QString &title, const QString &question) = 0;
    /// Shows a translated error message (what happened, where, what to try).
    virtual void showError(QWidget *parent, const QString &message) = 0;
    virtual void showInfo(QWidget *parent, const QString &title, const QString &message) = 0;
    /// The chosen file, or an empty string when the user cancelled.
    virtual QString openFileName(QWidget *parent, const QString &caption, const QString &filter) = 0;
    /// The chosen files (one or more), or an empty list when the user cancelled.
    virtual QStringList openFileNames(QWidget *parent, const QString &caption, const QString &filter) = 0;
    virtual QString saveFileName(QWidget *parent, const QString &caption, const QString &filter) = 0;
    /// Asks for a short text (a reason, a justification); nullopt when the user cancelled.
    virtual std::optional<QString> askText(QWidget *parent,
                                           const QString &title,
                                           const QString &label,
                                           const QString &text = {}) = 0;
    /// Asks for a secret without showing it (a key's passphrase); nullopt when the user cancelled. Prompters that
    /// cannot ask for secrets answer "cancelled".
    virtual std::optional<QByteArray> askPassphrase(QWidget *parent, const QString &title, const QString &label)
    {
        Q_UNUSED(parent)
        Q_UNUSED(title)
        Q_UNUSED(label)
        return std::nullopt;
    }
    /// Asks the user to pick one of `items` (the first is preselected); its index, or nullopt when cancelled.
    /// Prompters that cannot ask answer "cancelled".
    virtual std::optional<int> askChoice(QWidget *parent,
                                         const QString &title,
                                         const QString &label,
                                         const QStringList &items)
    {
        Q_UNUSED(parent)
        Q_UNUSED(title)
        Q_UNUSED(label)
        Q_UNUSED(items)
        return std::nullopt;
    }
};

} // namespace strata
