// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "interop/ImportDocument.h"
#include "interop/ImportLimits.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

namespace strata {

/// Entry point for imports: reads a file within the size cap, hashes it, recognises the format from the
/// content (never from the name) and hands it to the right reader. Pure: safe on a worker thread. A CycloneDX
/// document comes back streamed (ImportDocument::stream): its records are made again from the bytes when applied.
class DocumentReader
{
    Q_DECLARE_TR_FUNCTIONS(strata::DocumentReader)

public:
    enum class Format { Unknown, CycloneDx, Spdx3, Spdx2, HuggingFaceCard };

    static Format detect(const QByteArray &data);
    static Result<ImportDocument> read(const QByteArray &data,
                                       const QString &fileName,
                                       const ImportLimits &limits = {});
    static Result<ImportDocument> readFile(const QString &path, const ImportLimits &limits = {});
    /// Files to import for the paths a user gave: a file is itself; a folder gives every README.md and
    /// *.json under it, sorted. Paths that do not exist are reported in `missing`.
    static QStringList expandPaths(const QStringList &paths, QStringList *missing = nullptr);
};

} // namespace strata
