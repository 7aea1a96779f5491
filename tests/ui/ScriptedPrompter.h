// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Prompter.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace strata::test {

/// A Prompter for tests: answers from queues instead of dialogs and records every question it was asked.
class ScriptedPrompter : public Prompter
{
public:
    struct Question
    {
        QString title;
        QString text;
    };

    /// Answers for confirm(), first in first out; when empty, confirm() returns defaultAnswer.
    QList<bool> answers;
    bool defaultAnswer = false;
    /// Answers for openFileName() and saveFileName(); when empty they return "" (cancelled).
    QStringList fileNames;
    /// Answers for openFileNames(); when empty it answers with the next of fileNames (or nothing: cancelled).
    QList<QStringList> fileLists;

    /// Answers for askText(), first in first out; nullopt (or an empty queue) means the user cancelled.
    QList<std::optional<QString>> texts;
    /// Answers for askPassphrase(), first in first out; nullopt (or an empty queue) means the user cancelled.
    QList<std::optional<QByteArray>> passphrases;
    /// Answers for askChoice(), first in first out; nullopt (or an empty queue) means the user cancelled.
    QList<std::optional<int>> choices;
    /// The items each askChoice() offered, in order.
    QList<QStringList> choiceItems;

    QList<Question> questions;
    QStringList errors;
    QStringList infos;
    QStringList fileCaptions;

    bool confirm(QWidget *, const QString &title, const QString &question) override
    {
        questions.append({title, question});
        return answers.isEmpty() ? defaultAnswer : answers.takeFirst();
    }
    void showError(QWidget *, const QString &message) override { errors.append(message); }
    void showInfo(QWidget *, const QString &, const QString &message) override { infos.append(message); }
    QString openFileName(QWidget *, const QString &caption, const QString &) override { return nextFile(caption); }
    QString saveFileName(QWidget *, const QString &caption, const QString &) override { return nextFile(caption); }
    QStringList openFileNames(QWidget *, const QString &caption, const QString &) override
    {
        if (fileLists.isEmpty()) {
            const QString file = nextFile(caption);
            return file.isEmpty() ? QStringList() : QStringList{file};
        }
        fileCaptions.append(caption);
        return fileLists.takeFirst();
    }

    std::optional<QString> askText(QWidget *, const QString &title, const QString &label, const QString &) override
    {
        questions.append({title, label});
        return texts.isEmpty() ? std::nullopt : texts.takeFirst();
    }

    std::optional<QByteArray> askPassphrase(QWidget *, const QString &title, const QString &label) override
    {
        questions.append({title, label});
        return passphrases.isEmpty() ? std::nullopt : passphrases.takeFirst();
    }

    std::optional<int> askChoice(QWidget *,
                                 const QString &title,
                                 const QString &label,
                                 const QStringList &items) override
    {
        questions.append({title, label});
        choiceItems.append(items);
        return choices.isEmpty() ? std::nullopt : choices.takeFirst();
    }

private:
    QString nextFile(const QString &caption)
    {
        fileCaptions.append(caption);
        return fileNames.isEmpty() ? QString() : fileNames.takeFirst();
    }
};

} // namespace strata::test
