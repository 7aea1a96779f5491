// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "Output.h"

#include <QChar>
#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kColumnGap = 2;

void writeTo(std::FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
}

bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

QString padded(const QString &text, int width)
{
    return text + QString(std::max(0, width - Output::displayWidth(text)), u' ');
}

QString withoutTrailingSpaces(QString line)
{
    while (line.endsWith(u' '))
        line.chop(1);
    return line;
}

} // namespace

void Output::print(const QString &text) const
{
    writeTo(stdout, text.toUtf8() + '\n');
}

void Output::flush() const
{
    std::fflush(stdout);
}

void Output::printJson(const QJsonObject &object) const
{
    writeTo(stdout, QJsonDocument(object).toJson(QJsonDocument::Indented));
}

void Output::printJson(const QJsonArray &array) const
{
    writeTo(stdout, QJsonDocument(array).toJson(QJsonDocument::Indented));
}

void Output::printTable(const QStringList &headers, const QList<QStringList> &rows, int indent) const
{
    QList<int> widths;
    for (const QString &header : headers)
        widths.append(displayWidth(header));
    QList<QStringList> cleanRows;
    for (const QStringList &row : rows) {
        QStringList clean;
        for (qsizetype column = 0; column < row.size(); ++column) {
            clean.append(sanitized(row.at(column)));
            if (column == widths.size())
                widths.append(0);
            widths[column] = std::max(widths.at(column), displayWidth(clean.constLast()));
        }
        cleanRows.append(clean);
    }

    const QString margin(indent, u' ');
    const auto printRow = [&](const QStringList &cells) {
        QString line = margin;
        for (qsizetype column = 0; column < cells.size(); ++column) {
            const bool last = column + 1 == cells.size();
            line += last ? cells.at(column) : padded(cells.at(column), widths.at(column) + kColumnGap);
        }
        print(withoutTrailingSpaces(line));
    };
    if (!headers.isEmpty())
        printRow(headers);
    for (const QStringList &row : std::as_const(cleanRows))
        printRow(row);
}

void Output::printFields(const QList<std::pair<QString, QString>> &fields, int indent) const
{
    int labelWidth = 0;
    for (const auto &field : fields)
        labelWidth = std::max(labelWidth, displayWidth(field.first));
    const QString margin(indent, u' ');
    const QString continuation(indent + labelWidth + kColumnGap, u' ');
    for (const auto &field : fields) {
        const QStringList lines = sanitized(field.second, true).split(u'\n');
        print(withoutTrailingSpaces(margin + padded(sanitized(field.first), labelWidth + kColumnGap) +
                                    lines.constFirst()));
        for (qsizetype i = 1; i < lines.size(); ++i)
            print(lines.at(i).isEmpty() ? QString() : continuation + lines.at(i));
    }
}

int Output::fail(const Error &error) const
{
    writeError(error.message);
    return 1;
}

void Output::warn(const QString &message)
{
    writeError(QCoreApplication::translate("strata::Output", "warning: %1").arg(message));
}

int Output::usageError(const QString &message) const
{
    writeError(message);
    return 2;
}

void Output::writeError(const QString &message)
{
    // Exactly one line, whatever the message holds: scripts read stderr line by line.
    writeTo(stderr, u"strata-cli: %1\n"_s.arg(sanitized(message).simplified()).toUtf8());
}

int Output::displayWidth(const QString &text)
{
    int width = 0;
    for (const char32_t c : text.toUcs4()) {
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing || c == 0x200B)
            continue;
        width += isWide(c) ? 2 : 1;
    }
    return width;
}

QString Output::sanitized(const QString &text, bool keepNewlines)
{
    QString clean;
    clean.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\n' && keepNewlines)
            clean.append(c);
        else if (c == u'\t' || c == u'\n')
            clean.append(u' ');
        else if (c == u'\r')
            continue;
        else if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            clean.append(QChar(u'\uFFFD'));
        else
            clean.append(c);
    }
    return clean;
}

} // namespace strata
