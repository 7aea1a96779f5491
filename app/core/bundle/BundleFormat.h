// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bundle/ZipScan.h"

#include <QLatin1StringView>
#include <QRegularExpression>
#include <QString>

namespace strata {

/// The names an assessment bundle may hold, shared by the writer and the reader so neither can drift: anything else
/// in an archive is refused before a byte of it is read. See resources/bundles/README.md for the format.
namespace bundleformat {

inline constexpr QLatin1StringView kManifest{"manifest.json"};
inline constexpr QLatin1StringView kManifestEnvelope{"manifest.dsse.json"};
inline constexpr QLatin1StringView kBom{"bom.cdx.json"};
/// Reserved for a release sign-off envelope carried with the bundle (issue 6, sign-off); listed in the manifest.
inline constexpr QLatin1StringView kSignoffEnvelope{"signoff.dsse.json"};
inline constexpr QLatin1StringView kEvidencePrefix{"evidence/"};

/// "evidence/" and the 64 lowercase hex digits of the file's SHA-256.
inline QString evidenceName(const QString &sha256)
{
    return QString(kEvidencePrefix) + sha256;
}

inline bool isEvidenceName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^evidence/[0-9a-f]{64}$"));
    return pattern.match(name).hasMatch();
}

inline bool isAllowedName(const QString &name)
{
    return name == kManifest || name == kManifestEnvelope || name == kBom || name == kSignoffEnvelope ||
           isEvidenceName(name);
}

} // namespace bundleformat

} // namespace strata
