// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "interop/ImportDocument.h"
#include "interop/ImportLimits.h"

#include <QByteArray>
#include <QCoreApplication>

namespace strata {

/// Reads CycloneDX JSON 1.4 to 1.7 (ML-BOMs included) into an ImportDocument, validating it completely:
/// a document with any error is refused whole, with the file, JSON path and reason in the message.
class CycloneDxReader
{
    Q_DECLARE_TR_FUNCTIONS(strata::CycloneDxReader)

public:
    static Result<ImportDocument> read(const QByteArray &data,
                                       const QString &fileName,
                                       const ImportLimits &limits = {});
    /// The same checks and the same document, except that its records are not kept: `stream` makes them again
    /// from `data` (which it holds) when they are applied. A large BOM's records take about 8 times its size.
    static Result<ImportDocument> readStreamed(const QByteArray &data,
                                               const QString &fileName,
                                               const ImportLimits &limits = {});

private:
    static Result<ImportDocument> readWith(const QByteArray &data,
                                           const QString &fileName,
                                           const ImportLimits &limits,
                                           bool streamed);
};

} // namespace strata
