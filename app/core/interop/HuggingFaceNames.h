// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace strata {

/// A Hub repository named by a file's location in the Hub's download cache.
struct HuggingFaceCachedRepo
{
    QString repoId;
    bool dataset = false;
};

/// The Hub's naming rules in one place: repo ids, their URLs and package URLs, license keys, pipeline tags,
/// and what a card's path says about it. Pure functions, shared by the reader and its tests.
class HuggingFaceNames
{
public:
    /// "org/name" or a legacy bare "name", as huggingface_hub validates them (ASCII, at most 96 characters).
    static bool isRepoId(const QString &text);
    static QString orgOf(const QString &repoId);  ///< "" for a legacy id without an org
    static QString nameOf(const QString &repoId); ///< the part after the slash
    static QString modelUrl(const QString &repoId);
    static QString datasetUrl(const QString &repoId);
    /// "pkg:huggingface/org/name". The purl type covers model repositories only, so datasets get none.
    static QString modelPurl(const QString &repoId);

    /// An SPDX expression for a card's `license` value: Hub keys map to SPDX ids ("apache-2.0" -> "Apache-2.0"),
    /// licenses SPDX lacks to LicenseRef-s ("llama3.1" -> "LicenseRef-Llama-3.1-Community"; "other" uses
    /// `license_name`), and a value already written as an SPDX expression is kept. Empty for "unknown".
    static QString license(const QString &value, const QString &licenseName);
    /// "LicenseRef-" and the text with everything but letters, digits, '.' and '-' turned into '-'.
    static QString licenseRef(const QString &text);
    /// Modality field value for a pipeline tag ("text-generation" -> "text"); empty when the tag is unknown.
    static QString modality(const QString &pipelineTag);

    /// The name a card's location gives it: the folder of a README.md, or the file name without a
    /// "-README.md" / "_README.md" / ".md" ending. Empty when neither says anything.
    static QString nameFromPath(const QString &fileName);
    /// The repo a path in the Hub cache belongs to (".../models--org--name/snapshots/REV/README.md").
    static std::optional<HuggingFaceCachedRepo> repoFromCachePath(const QString &fileName);
};

} // namespace strata
