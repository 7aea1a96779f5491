// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace strata {

/// Writes what commands produce: aligned text for people, JSON for programs, one-line errors on stderr.
class Output
{
public:
    explicit Output(bool json)
        : m_json(json)
    {
    }

    bool isJson() const { return m_json; }

    /// Writes one line of text to stdout.
    void print(const QString &text) const;
    /// Pushes what was printed to stdout now: a line that says something was committed must not wait in a buffer
    /// while the next operation runs (a run killed later would otherwise hide what it did).
    void flush() const;
    void printJson(const QJsonObject &object) const;
    void printJson(const QJsonArray &array) const;
    /// Columns padded to their widest cell; the last column is not padded.
    void printTable(const QStringList &headers, const QList<QStringList> &rows, int indent = 0) const;
    /// "label  value" pairs with the values aligned; a multi-line value keeps its indentation.
    void printFields(const QList<std::pair<QString, QString>> &fields, int indent = 0) const;

    /// Prints "strata-cli: message" on stderr and returns exit code 1.
    int fail(const Error &error) const;
    /// Prints "strata-cli: message" on stderr and returns exit code 2.
    int usageError(const QString &message) const;
    /// Prints "strata-cli: warning: message" on stderr; the command goes on.
    static void warn(const QString &message);

    /// Terminal columns `text` takes: East Asian wide characters count twice, combining marks not at all.
    static int displayWidth(const QString &text);
    /// Replaces control characters, so names from imported files cannot move the cursor or recolor the terminal.
    static QString sanitized(const QString &text, bool keepNewlines = false);

private:
    static void writeError(const QString &message);

    bool m_json;
};

} // namespace strata
