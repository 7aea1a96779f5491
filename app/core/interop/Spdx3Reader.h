// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "interop/ImportDocument.h"
#include "interop/ImportLimits.h"

#include <QByteArray>
#include <QCoreApplication>

namespace strata {

/// Reads SPDX 3.0.x JSON-LD (AI and Dataset profiles) into an ImportDocument, validating it completely:
/// a document with any error is refused whole, with the file, location and reason in the message.
class Spdx3Reader
{
    Q_DECLARE_TR_FUNCTIONS(strata::Spdx3Reader)

public:
    static Result<ImportDocument> read(const QByteArray &data,
                                       const QString &fileName,
                                       const ImportLimits &limits = {});
};

} // namespace strata
