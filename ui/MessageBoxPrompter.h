// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Prompter.h"

#include <QCoreApplication>

namespace strata {

/// The production Prompter: standard message boxes and the platform's file dialogs.
class MessageBoxPrompter : public Prompter
{
    Q_DECLARE_TR_FUNCTIONS(strata::MessageBoxPrompter)

public:
    bool confirm(QWidget *parent, const QString &title, const QString &question) override;
    void showError(QWidget *parent, const QString &message) override;
    void showInfo(QWidget *parent, const QString &title, const QString &message) override;
    QString openFileName(QWidget *parent, const QString &caption, const QString &filter) override;
    QStringList openFileNames(QWidget *parent, const QString &caption, const QString &filter) override;
    QString saveFileName(QWidget *parent, const QString &caption, const QString &filter) override;
    std::optional<QString> askText(QWidget *parent,
                                   const QString &title,
                                   const QString &label,
                                   const QString &text = {}) override;
    std::optional<QByteArray> askPassphrase(QWidget *parent, const QString &title, const QString &label) override;
    std::optional<int> askChoice(QWidget *parent,
                                 const QString &title,
                                 const QString &label,
                                 const QStringList &items) override;
};

} // namespace strata
