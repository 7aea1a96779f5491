// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "interop/ImportLimits.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QString>

namespace strata {

/// A card file cut in two: the YAML between the first two `---` lines and the Markdown after them.
struct HuggingFaceCardText
{
    QByteArray frontMatter;
    int frontMatterLine = 0; ///< 1-based line of the file where the YAML starts
    QString body;
};

/// The front matter as JSON, with the file line of every value so later checks can point at it.
struct HuggingFaceYamlTree
{
    QJsonObject root;
    QHash<QString, int> lines; ///< path ("model-index[0].name") -> 1-based line of the file
};

/// Splits a card and converts its YAML front matter through yaml-cpp under caps (size, nesting, node count,
/// string length), so a hostile card can neither exhaust memory or stack nor throw past the reader.
class HuggingFaceYaml
{
    Q_DECLARE_TR_FUNCTIONS(strata::HuggingFaceCardReader)

public:
    static constexpr qsizetype kMaxFrontMatterBytes = 1024 * 1024;
    /// Values visited, counting every expansion of an alias: stops "billion laughs" documents.
    static constexpr int kMaxNodes = 100000;
    /// Characters of text produced, counting alias expansions, for the same reason.
    static constexpr qint64 kMaxExpandedChars = qint64(8) * 1024 * 1024;

    static Result<HuggingFaceCardText> split(const QByteArray &data, const QString &fileName);
    /// Plain scalars follow the YAML 1.2 core schema (null, booleans, numbers), as the Hub reads them;
    /// quoted ones stay text, and so do integers JSON cannot hold exactly.
    static Result<HuggingFaceYamlTree> parse(const HuggingFaceCardText &text,
                                             const QString &fileName,
                                             const ImportLimits &limits);
    /// "FILE, line N" for a path of the tree, or just the file when the path has no line.
    static QString location(const HuggingFaceYamlTree &tree, const QString &fileName, const QString &path);
};

} // namespace strata
