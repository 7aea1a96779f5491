// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "interop/ImportLimits.h"

#include <QByteArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

namespace strata::cyclonedx {

class BomElements;

/// Every bom-ref of a document.
using BomRefs = QSet<QString>;

/// The error a CycloneDX problem becomes: the file, the JSON path and the reason (which says what to do).
Error documentError(const QString &fileName, const QString &path, const QString &reason);

/// One pass over the whole JSON tree with an explicit stack (never recursion), parsing the split arrays' elements
/// one at a time: refuses elements that are not JSON, nesting deeper than the cap allows, empty or repeated
/// bom-refs anywhere, hashes with an unknown algorithm or content of the wrong length, and (when `checkStrings`)
/// strings longer than the cap. Fills `refs`; checks the cancel flag as it goes.
Status checkTree(
    const BomElements &elements, const QString &fileName, const ImportLimits &limits, bool checkStrings, BomRefs *refs);

/// Whether `text` is an RFC 3339 date-time ("2025-10-24T16:43:02Z", "2025-10-24T16:43:02.5+02:00").
bool isDateTime(const QString &text);

} // namespace strata::cyclonedx
