// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/HuggingFaceMarkdown.h"

#include "interop/HuggingFaceNames.h"

#include <QMap>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

const QString kMoreInformationNeeded = u"[More Information Needed]"_s;

QString withoutHtmlComments(const QString &text)
{
    QString out;
    out.reserve(text.size());
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(u"<!--"_s, pos);
        if (open < 0) {
            out += QStringView(text).mid(pos);
            break;
        }
        out += QStringView(text).mid(pos, open - pos);
        const qsizetype close = text.indexOf(u"-->"_s, open + 4);
        if (close < 0)
            break;
        pos = close + 3;
    }
    return out;
}

QString normalisedTitle(const QString &title)
{
    QString out;
    out.reserve(title.size());
    for (const QChar c : title)
        out += c.isLetterOrNumber() ? c.toLower() : u' ';
    return out.simplified();
}

bool isFence(const QString &line)
{
    const QString t = line.trimmed();
    return t.startsWith(u"```"_s) || t.startsWith(u"~~~"_s);
}

/// Blocks that are not prose: tables, images and badges, HTML, rules, setext underlines.
bool isProse(const QString &firstLine)
{
    static const QStringList notProse = {u"|"_s, u"!"_s, u"<"_s, u"[!"_s, u"---"_s, u"***"_s, u"___"_s, u"==="_s};
    const QString t = firstLine.trimmed();
    for (const QString &prefix : notProse) {
        if (t.startsWith(prefix))
            return false;
    }
    return t != kMoreInformationNeeded;
}

/// First path segments of huggingface.co addresses that are pages, not repositories.
const QSet<QString> &hubPages()
{
    static const QSet<QString> pages = {u"docs"_s,  u"blog"_s,      u"papers"_s,  u"settings"_s, u"organizations"_s,
                                        u"join"_s,  u"login"_s,     u"pricing"_s, u"models"_s,   u"collections"_s,
                                        u"learn"_s, u"tasks"_s,     u"chat"_s,    u"new"_s,      u"api"_s,
                                        u"posts"_s, u"enterprise"_s};
    return pages;
}

} // namespace

HuggingFaceMarkdown::HuggingFaceMarkdown(const QString &body)
    : m_text(withoutHtmlComments(body))
{
    static const QRegularExpression heading(u"^ {0,3}(#{1,6})[ \\t]+(.*?)[ \\t#]*$"_s);
    m_lines = m_text.split(u'\n');
    m_inCode.reserve(m_lines.size());
    m_isHeading.fill(false, m_lines.size());
    bool inCode = false;
    for (int i = 0; i < m_lines.size(); ++i) {
        QString &line = m_lines[i];
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (isFence(line)) {
            m_inCode << true;
            inCode = !inCode;
            continue;
        }
        m_inCode << inCode;
        if (inCode)
            continue;
        const QRegularExpressionMatch m = heading.match(line);
        if (m.hasMatch()) {
            m_headings << Heading{int(m.capturedLength(1)), normalisedTitle(m.captured(2)), i};
            m_isHeading[i] = true;
        }
    }
}

QString HuggingFaceMarkdown::summary() const
{
    QStringList paragraph;
    for (int i = 0; i < m_lines.size(); ++i) {
        const QString line = m_lines.at(i).trimmed();
        if (m_inCode.at(i) || m_isHeading.at(i) || line.isEmpty()) {
            if (!paragraph.isEmpty()) {
                if (isProse(paragraph.first()))
                    return paragraph.join(u' ');
                paragraph.clear();
            }
            continue;
        }
        paragraph << line;
    }
    return !paragraph.isEmpty() && isProse(paragraph.first()) ? paragraph.join(u' ') : QString();
}

QString HuggingFaceMarkdown::section(const QStringList &headings) const
{
    for (int h = 0; h < m_headings.size(); ++h) {
        const Heading &start = m_headings.at(h);
        if (!headings.contains(start.title))
            continue;
        int endLine = int(m_lines.size());
        for (int next = h + 1; next < m_headings.size(); ++next) {
            if (m_headings.at(next).level <= start.level) {
                endLine = m_headings.at(next).line;
                break;
            }
        }
        const QString text = m_lines.mid(start.line + 1, endLine - start.line - 1).join(u'\n').trimmed();
        if (!text.isEmpty() && text != kMoreInformationNeeded)
            return text;
    }
    return {};
}

QList<HuggingFaceMention> HuggingFaceMarkdown::mentions() const
{
    static const QRegularExpression link(
        u"huggingface\\.co/(?:(datasets|spaces)/)?([A-Za-z0-9_][A-Za-z0-9_.-]*/[A-Za-z0-9_][A-Za-z0-9_.-]*)"_s);
    static const QRegularExpression quoted(u"[\"'`]([A-Za-z0-9_][A-Za-z0-9_.-]*/[A-Za-z0-9_][A-Za-z0-9_.-]*)[\"'`]"_s);
    QMap<qsizetype, HuggingFaceMention> found; // by position, so the result follows the text
    for (auto it = link.globalMatch(m_text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QString id = m.captured(2);
        while (id.endsWith(u'.'))
            id.chop(1);
        const QString kind = m.captured(1);
        if (kind == u"spaces"_s || hubPages().contains(HuggingFaceNames::orgOf(id)) || !HuggingFaceNames::isRepoId(id))
            continue;
        found.insert(m.capturedStart(), HuggingFaceMention{id, kind == u"datasets"_s, kind.isEmpty()});
    }
    for (auto it = quoted.globalMatch(m_text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (HuggingFaceNames::isRepoId(m.captured(1)))
            found.insert(m.capturedStart(), HuggingFaceMention{m.captured(1), false, false});
    }
    QList<HuggingFaceMention> out;
    QHash<QString, int> seen;
    for (const HuggingFaceMention &mention : std::as_const(found)) {
        const QString key = mention.repoId.toLower();
        const auto it = seen.constFind(key);
        if (it == seen.cend()) {
            seen.insert(key, int(out.size()));
            out << mention;
        } else {
            out[it.value()].datasetLink |= mention.datasetLink;
            out[it.value()].modelLink |= mention.modelLink;
        }
    }
    return out;
}

} // namespace strata
