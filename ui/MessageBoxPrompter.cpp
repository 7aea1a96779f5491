// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "MessageBoxPrompter.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>

namespace strata {

bool MessageBoxPrompter::confirm(QWidget *parent, const QString &title, const QString &question)
{
    // No is the default button: a stray Enter must not delete anything.
    return QMessageBox::question(parent, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) ==
           QMessageBox::Yes;
}

void MessageBoxPrompter::showError(QWidget *parent, const QString &message)
{
    QMessageBox::warning(parent, tr("Strata"), message);
}

void MessageBoxPrompter::showInfo(QWidget *parent, const QString &title, const QString &message)
{
    QMessageBox::information(parent, title, message);
}

QString MessageBoxPrompter::openFileName(QWidget *parent, const QString &caption, const QString &filter)
{
    return QFileDialog::getOpenFileName(parent, caption, {}, filter);
}

QStringList MessageBoxPrompter::openFileNames(QWidget *parent, const QString &caption, const QString &filter)
{
    return QFileDialog::getOpenFileNames(parent, caption, {}, filter);
}

QString MessageBoxPrompter::saveFileName(QWidget *parent, const QString &caption, const QString &filter)
{
    return QFileDialog::getSaveFileName(parent, caption, {}, filter);
}

std::optional<QString> MessageBoxPrompter::askText(QWidget *parent,
                                                   const QString &title,
                                                   const QString &label,
                                                   const QString &text)
{
    bool ok = false;
    const QString answer = QInputDialog::getMultiLineText(parent, title, label, text, &ok);
    if (!ok)
        return std::nullopt;
    return answer;
}

std::optional<QByteArray> MessageBoxPrompter::askPassphrase(QWidget *parent, const QString &title, const QString &label)
{
    bool ok = false;
    QString answer = QInputDialog::getText(parent, title, label, QLineEdit::Password, QString(), &ok);
    if (!ok)
        return std::nullopt;
    QByteArray secret = answer.toUtf8();
    answer.fill(u'\0');
    return secret;
}

std::optional<int> MessageBoxPrompter::askChoice(QWidget *parent,
                                                 const QString &title,
                                                 const QString &label,
                                                 const QStringList &items)
{
    bool ok = false;
    const QString answer = QInputDialog::getItem(parent, title, label, items, 0, false, &ok);
    if (!ok || !items.contains(answer))
        return std::nullopt;
    return int(items.indexOf(answer));
}

} // namespace strata
