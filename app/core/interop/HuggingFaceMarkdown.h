// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

/// A repo id the Markdown of a card mentions, and how.
struct HuggingFaceMention
{
    QString repoId;
    bool datasetLink = false; ///< https://huggingface.co/datasets/ORG/NAME
    bool modelLink = false;   ///< https://huggingface.co/ORG/NAME
};

/// The few things Strata reads from a card's Markdown: a summary, the sections the Hub's templates use for
/// intended use and limitations, and the repo ids it names. Headings inside code blocks do not count.
class HuggingFaceMarkdown
{
public:
    explicit HuggingFaceMarkdown(const QString &body);

    /// The first paragraph of prose (not a heading, table, image, HTML or code), lines joined by spaces.
    QString summary() const;
    /// Text of the first section whose heading, lowercased with punctuation dropped, is one of `headings`;
    /// empty when missing or left as the template's "[More Information Needed]".
    QString section(const QStringList &headings) const;
    /// "ORG/NAME" ids in Hub links and in quotes (`from_pretrained("ORG/NAME")`), in order, without repeats.
    QList<HuggingFaceMention> mentions() const;

private:
    struct Heading
    {
        int level = 0;
        QString title; ///< normalised
        int line = 0;  ///< index into m_lines
    };

    QString m_text;
    QStringList m_lines;
    QList<bool> m_inCode;    ///< per line: inside a fenced code block (or its fence)
    QList<bool> m_isHeading; ///< per line
    QList<Heading> m_headings;
};

} // namespace strata
