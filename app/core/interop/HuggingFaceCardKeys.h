// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "interop/HuggingFaceYaml.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

/// A repo id a card refers to, with the front matter path that says so ("base_model[1]").
struct HuggingFaceReference
{
    QString repoId;
    QString path;
};

/// The front matter keys Strata maps, read and type-checked before any record is built: a value of the wrong
/// YAML type (a mapping where the Hub wants text) refuses the card; a value that is merely unusual (a base
/// model that is not a repo id) is skipped with a warning.
struct HuggingFaceCardKeys
{
    QStringList licenses;
    QString licenseName;
    QStringList tags;
    QStringList languages;
    QString pipelineTag;
    QString libraryName;
    QString relation; ///< base_model_relation
    QString modelName;
    QString prettyName;
    QString indexName; ///< model-index[0].name
    QStringList creators;
    QString creatorPath; ///< "model_creator" or "author"
    QStringList sourceDatasets;
    QList<HuggingFaceReference> baseModels;
    QList<HuggingFaceReference> datasets;
    QList<HuggingFaceReference> evalDatasets; ///< model-index[].results[].dataset.type
    QStringList warnings;                     ///< translated, each starting with the file and line

    static Result<HuggingFaceCardKeys> read(const HuggingFaceYamlTree &tree, const QString &fileName);
};

} // namespace strata
