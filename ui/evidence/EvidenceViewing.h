// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "evidence/Evidence.h"

#include <QCoreApplication>
#include <QString>

namespace strata {

/// What a stored blob is by its bytes, and a copy of it safe to hand to the system viewer: evidence comes from
/// outside, so neither its file name nor its extension is trusted.
class EvidenceViewing
{
    Q_DECLARE_TR_FUNCTIONS(strata::EvidenceViewing)

public:
    enum class Kind { Pdf, Image, Text, Other };

    /// Largest image and text file previewed inside Strata.
    static constexpr qint64 kImagePreviewMax = qint64(64) * 1024 * 1024;
    static constexpr qint64 kTextPreviewMax = qint64(512) * 1024;

    /// The media type sniffed from the first bytes of the file, ignoring its name.
    static QString sniffMediaType(const QString &path);
    static Kind kindOf(const QString &mediaType);
    /// Whether the system viewer might run it as a program (executables, scripts, installers).
    static bool mightExecute(const QString &mediaType);
    /// A read-only copy of the blob in a private temporary folder, named after the evidence with the suffix of its
    /// sniffed type, for the system viewer. Refuses content that might run as a program.
    static Result<QString> viewerCopy(const QString &blobPath, const Evidence &evidence);
};

} // namespace strata
